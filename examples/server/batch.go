package main

import (
	"bytes"
	"encoding/json"
	"net/http"
	"sync"

	"github.com/slaclock/slaclock/examples/internal/batchline"
	"github.com/slaclock/slaclock/sla"
)

// batchLines computes POST /v1/deadlines: one line of the batch format
// (examples/batch, package batchline) in, its answer line out, the same answer
// the batch program gives for that line. A Processor is not safe for
// concurrent use; each call takes one from the pool.
type batchLines struct {
	plain, explained sync.Pool
}

func newBatchLines(calc *sla.Calculator) *batchLines {
	return &batchLines{
		plain:     sync.Pool{New: func() any { return batchline.New(calc, false) }},
		explained: sync.Pool{New: func() any { return batchline.New(calc, true) }},
	}
}

// answer returns the status (200 for deadlines, 422 for the format's error
// line, which names every problem) and the answer line.
func (b *batchLines) answer(body []byte, explain bool) (int, []byte) {
	pool := &b.plain
	if explain {
		pool = &b.explained
	}
	p := pool.Get().(*batchline.Processor)
	out := p.Line(nil, bytes.TrimSpace(batchline.TrimBOM(body)))
	pool.Put(p)
	if isErrorLine(out) {
		return http.StatusUnprocessableEntity, out
	}
	return http.StatusOK, out
}

// isErrorLine reports whether a batch answer line is an error: it has the
// member "error" (batchline writes {"id": ..., "error": "..."}).
func isErrorLine(out []byte) bool {
	var m map[string]json.RawMessage
	if json.Unmarshal(out, &m) != nil {
		return true
	}
	_, ok := m["error"]
	return ok
}

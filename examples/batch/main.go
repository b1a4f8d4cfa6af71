// Command batch computes the deadlines of service requests, one JSON object per
// line in, one JSON object per line out, in the same order:
//
//	go run ./examples/batch [-explain] < requests.jsonl > deadlines.jsonl
//
// An input line is a request:
//
//	{"id":"REQ-1","service":"cocare-standard","submitted":"2026-11-16T09:30:00+01:00","confirmed":"2026-11-16T10:00:00+01:00","holds":[{"from":"2026-11-16T14:00:00+01:00","to":"2026-11-17T11:00:00+01:00"}]}
//
// with the fields id (a string, copied to the output), service (a catalogue
// id), priority (P1-P4, where the service needs it), submitted, confirmed and
// delivered (RFC 3339 times with an offset), holds (a list of {"from", "to"},
// both required) and priority_changes (a list of {"at", "priority"}). Its
// output line gives id, then those of response_by, ship_by, delivery_by,
// onsite_by and return_by that the request has, in Europe/Warsaw's offset,
// holds and priority changes applied (with -explain also explain, each
// deadline's steps):
//
//	{"id":"REQ-1","response_by":"2026-11-16T10:30:00+01:00","delivery_by":"2026-11-18T15:00:00+01:00"}
//
// The package examples/internal/batchline defines the format (every field and
// every refusal); the example server answers POST /v1/deadlines with the same
// line for the same request.
//
// A bad line gives {"id": ..., "error": "..."} naming every problem found in
// the format's own field names (holds[1].from, priority_changes[0].at), with
// id null when it cannot be read, and the run goes on: a line is never dropped
// or reordered. Lines are separated by \n (a \r before it is ignored); a last
// line without \n counts, and a final \n does not start another line. A UTF-8
// byte order mark at the start of the input is skipped; one anywhere else is
// part of its line. The exit status is 0 unless the input cannot be read (1)
// or a flag is wrong (2).
package main

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/slaclock/slaclock/examples/internal/batchline"
	"github.com/slaclock/slaclock/sla"
)

// maxLine is the longest line read; a longer one is a bad line.
const maxLine = batchline.MaxLine

func main() { os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) }

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("batch", flag.ContinueOnError)
	fs.SetOutput(stderr)
	explain := fs.Bool("explain", false, "add each deadline's steps under \"explain\"")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: batch [-explain] < requests.jsonl > deadlines.jsonl")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "batch: unexpected argument %q: the requests are read from standard input\n", fs.Arg(0))
		return 2
	}
	out := bufio.NewWriterSize(stdout, 64<<10)
	p := batchline.New(sla.Default(), *explain)
	var buf []byte
	first := true
	err := eachLine(stdin, func(line []byte) error {
		if first {
			line, first = batchline.TrimBOM(line), false
		}
		buf = p.Line(buf[:0], line)
		_, err := out.Write(buf)
		return err
	})
	if ferr := out.Flush(); err == nil {
		err = ferr
	}
	if err != nil {
		fmt.Fprintln(stderr, "batch:", err)
		return 1
	}
	return 0
}

// eachLine calls f for every line of r, without its \n (or \r\n). A line longer
// than maxLine is passed cut short after more than maxLine bytes, which is
// enough for batchline to refuse it.
func eachLine(r io.Reader, f func(line []byte) error) error {
	br := bufio.NewReaderSize(r, 64<<10)
	var long []byte // a line longer than the reader's buffer, gathered
	inLong := false
	for {
		chunk, err := br.ReadSlice('\n')
		if err == bufio.ErrBufferFull {
			if len(long) <= maxLine {
				long = append(long, chunk...)
			}
			inLong = true
			continue
		}
		if err != nil && err != io.EOF {
			return err
		}
		line := chunk
		if inLong {
			if len(long) <= maxLine {
				long = append(long, chunk...)
			}
			line = long
		}
		if err == io.EOF && len(line) == 0 {
			return nil
		}
		line = bytes.TrimSuffix(line, []byte("\n"))
		line = bytes.TrimSuffix(line, []byte("\r"))
		if ferr := f(line); ferr != nil {
			return ferr
		}
		long, inLong = long[:0], false
		if err == io.EOF {
			return nil
		}
	}
}

package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/slaclock/slaclock/contract"
	"github.com/slaclock/slaclock/sla"
	"github.com/stretchr/testify/require"
)

// serverFlag points the HTTP tests at a running server instead of one in the
// test process: .ci/run starts the program on loopback with a temporary
// database and runs them against it.
var serverFlag = flag.String("server", "", "run the HTTP tests against the server at this base URL (started with -contracts ../contracts.json -clock "+testClock+"), not one in the test process")

// testClock is where the test servers' clock stands: Mon 16 Nov 2026 12:00 in
// Warsaw.
const testClock = "2026-11-16T12:00:00+01:00"

var runID = time.Now().UnixNano() // keeps IDs apart on a server that outlives a run

// target is a server under test.
type target struct {
	base   string
	prefix string       // for request IDs: unique to the test and run
	srv    *Server      // nil for an external server
	store  *SQLiteStore // nil for an external server
	db     string       // the database file
	http   *httptest.Server
}

var testSeq atomic.Int64

func registry(t testing.TB) *contract.Registry {
	t.Helper()
	reg, err := contract.LoadFile("../contracts.json", sla.Default())
	require.NoError(t, err)
	return reg
}

func mustTime(t testing.TB, s string) time.Time {
	t.Helper()
	v, err := time.Parse(time.RFC3339Nano, s)
	require.NoError(t, err)
	return v
}

// newTarget is the server the HTTP tests talk to: the one -server names, or a
// new one in the process on a new SQLite file, its clock at testClock.
func newTarget(t *testing.T) *target {
	t.Helper()
	prefix := fmt.Sprintf("T%d-%d-", runID, testSeq.Add(1))
	if *serverFlag != "" {
		return &target{base: strings.TrimRight(*serverFlag, "/"), prefix: prefix}
	}
	clock := mustTime(t, testClock)
	return startLocal(t, filepath.Join(t.TempDir(), "test.db"), Config{Now: func() time.Time { return clock }, Frozen: true}, prefix)
}

// startLocal starts a Server in the process on database file db.
func startLocal(t *testing.T, db string, cfg Config, prefix string) *target {
	t.Helper()
	store, err := OpenSQLite(db)
	require.NoError(t, err)
	if cfg.Store == nil {
		cfg.Store = store
	}
	cfg.Registry = registry(t)
	srv, err := New(context.Background(), cfg)
	require.NoError(t, err)
	hs := httptest.NewServer(srv)
	tg := &target{base: hs.URL, prefix: prefix, srv: srv, store: store, db: db, http: hs}
	t.Cleanup(tg.stop)
	return tg
}

// stop stops a local target; stopping twice is fine.
func (tg *target) stop() {
	if tg.http == nil {
		return
	}
	tg.http.Close()
	tg.srv.Close()
	tg.store.Close()
	tg.http = nil
}

// answer is an HTTP answer.
type answer struct {
	status int
	header http.Header
	body   []byte
}

// json decodes the body into a generic value.
func (a answer) json(t testing.TB) map[string]any {
	t.Helper()
	var v map[string]any
	require.NoError(t, json.Unmarshal(a.body, &v), "body: %s", a.body)
	return v
}

func (tg *target) do(t testing.TB, method, path, body string, header ...string) answer {
	t.Helper()
	req, err := http.NewRequest(method, tg.base+path, strings.NewReader(body))
	require.NoError(t, err)
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return answer{status: resp.StatusCode, header: resp.Header, body: b}
}

// open opens a request with ID tg.prefix+id; fields are the JSON object's
// other members.
func (tg *target) open(t testing.TB, id, fields string) answer {
	t.Helper()
	return tg.do(t, "POST", "/v1/requests", `{"id":"`+tg.prefix+id+`",`+fields+`}`)
}

func (tg *target) event(t testing.TB, id, event, at string) answer {
	t.Helper()
	return tg.do(t, "POST", "/v1/requests/"+tg.prefix+id+"/events", `{"event":"`+event+`","at":"`+at+`"}`)
}

// deadline returns the deadline of kind (and service, when given) in a status.
func deadline(t testing.TB, st map[string]any, service, kind string) map[string]any {
	t.Helper()
	ds, ok := st["deadlines"].([]any)
	require.True(t, ok, "no deadlines in %v", st)
	for _, d := range ds {
		m := d.(map[string]any)
		if m["deadline"] == kind && (service == "" || m["service"] == service) {
			return m
		}
	}
	require.Failf(t, "no such deadline", "%s %s in %v", service, kind, st)
	return nil
}

// The contract used most: HZ/AHB/2025/041, ahb-8x5xNBD (the 8x5 window,
// 09:00-17:00 on business days) with its own 14:00 cutoff.
const ahb = `"contract":"HZ/AHB/2025/041","serial":"2102313QMB10P2000604"`

// binDir holds the program built for the process tests; TestMain removes it.
var binDir string

func tempDirForBinary() (string, error) {
	if binDir == "" {
		d, err := os.MkdirTemp("", "slaclock-server-test-")
		if err != nil {
			return "", err
		}
		binDir = d
	}
	return binDir, nil
}

func TestMain(m *testing.M) {
	flag.Parse()
	code := m.Run()
	if binDir != "" {
		os.RemoveAll(binDir)
	}
	os.Exit(code)
}

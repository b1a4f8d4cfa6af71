package contract_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/slaclock/slaclock/contract"
	"github.com/slaclock/slaclock/sla"
)

// FuzzLoad gives the loader arbitrary bytes: it never panics, and returns
// either a registry or an error, never both or neither. An error is made only
// of *FieldError, each wrapping one of the package's sentinels with a line
// inside the file; a registry finds each of its contracts by number and each
// device by serial.
func FuzzLoad(f *testing.F) {
	example, err := os.ReadFile(filepath.Join("..", "examples", "contracts.json"))
	require.NoError(f, err)
	f.Add(example)
	f.Add([]byte(brokenFile))
	for _, s := range []string{
		``, `{}`, `[]`, `null`, `{"contracts": []}`, `{"contracts": null}`, `{"contracts": [{}]}`,
		`{"contracts": [{"number": "A", "services": ["ahb-24x7x4"], "start": "2026-01-01", "end": "2026-01-01", "devices": [{"serial": "S"}]}]}`,
		`{"contracts": [{"number": "A", "services": ["sos-8x5x999BD"], "start": "1989-12-31", "end": "2201-01-01", "devices": [{"serial": "S"}, {"serial": "s"}]}]}`,
		`{"contracts": [{"number": "A", "settings": {"window_24x7": "24/7", "response": "1ns", "return_days": 366}}]}`,
		`{"contracts": [1, "x", null, [], {"number": {}}]}`, `{"contracts": []} trailing`, "{\"contracts\": [\n{\"number\": \"\u00e9\"}\n]}",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := contract.Load(bytes.NewReader(data), nil)
		if (r == nil) == (err == nil) {
			t.Fatalf("Load returned registry %v and error %v: want exactly one", r != nil, err)
		}
		if err != nil {
			lines := bytes.Count(data, []byte("\n")) + 1
			fes := fieldErrors(t, err)
			require.NotEmpty(t, fes)
			for _, p := range problemsOf(t, err) {
				assert.NotNil(t, p.Err, "%s wraps a sentinel", p.Field)
				assert.NotEmpty(t, p.Field)
				assert.True(t, p.Line >= 0 && p.Line <= lines, "%s: line %d of %d", p.Field, p.Line, lines)
			}
			return
		}
		for _, c := range r.Contracts() {
			got, err := r.Lookup(c.Number)
			require.NoError(t, err, "contract %q", c.Number)
			assert.Equal(t, c, got)
			assert.NotEmpty(t, c.Services)
			assert.False(t, c.End.Before(c.Start))
			assert.NotNil(t, r.Calculator(c))
			for _, d := range c.Devices {
				got, ok := c.Device(d.Serial)
				assert.True(t, ok, "device %q", d.Serial)
				assert.Equal(t, d, got)
			}
		}
	})
}

// FuzzRestore restores arbitrary JSON histories: it never panics; a refused
// history is a *HistoryError and restores nothing; a history it accepts is
// normalised once (instants in Warsaw time, every setting written, repeats
// dropped): marshalled and restored again, it gives the same bytes, and the
// same Status at its last event and a day later.
func FuzzRestore(f *testing.F) {
	r := registry(f)
	golden, err := os.ReadFile(filepath.Join("testdata", "history-v1.json"))
	require.NoError(f, err)
	f.Add(golden)
	seed := func(q *contract.Request) {
		b, err := json.Marshal(q.History())
		require.NoError(f, err)
		f.Add(b)
	}
	q := open(f, r, nCombo, 0, wall(2026, time.March, 13, 14, 0))
	record(f, q, ev{Step: contract.OnHold, At: wall(2026, time.March, 13, 14, 30)}, ev{Step: contract.Confirmed, At: wall(2026, time.March, 13, 15, 30)},
		ev{Step: contract.Resumed, At: wall(2026, time.March, 16, 9, 0)}, ev{Step: contract.OnSite, At: wall(2026, time.March, 16, 10, 0)},
		ev{Step: contract.OnSite, At: wall(2026, time.March, 16, 9, 50), Fix: true}, ev{Step: contract.Returned, At: wall(2026, time.March, 18, 10, 0)},
		ev{Step: contract.Closed, At: wall(2026, time.March, 18, 11, 0)})
	seed(q)
	q = open(f, r, nPremier, sla.P4, wall(2026, time.October, 25, 1, 30)) // the night the clocks go back
	record(f, q, ev{Step: contract.PriorityChanged, At: wall(2026, time.October, 25, 2, 30), P: sla.P2},
		ev{Step: contract.PriorityChanged, At: wall(2026, time.October, 25, 2, 30), P: sla.P3})
	seed(q)
	f.Add([]byte(`{"version":1,"terms":{"contract":"X","services":["sos-24x7x4"],"start":"2026-01-01","end":"2026-12-31","device":{"serial":"S"},"settings":{}},` +
		`"entries":[{"step":"submitted","at":"2026-03-01T10:00:00Z"},{"step":"hold","at":"2026-03-01T11:00:00+00:00"},{"step":"hold","at":"2026-03-01T12:00:00+01:00"}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var h contract.History
		if json.Unmarshal(data, &h) != nil {
			return
		}
		q, err := r.Restore(h)
		if err != nil {
			assert.Nil(t, q)
			var he *contract.HistoryError
			require.ErrorAs(t, err, &he)
			assert.ErrorIs(t, err, contract.ErrHistory)
			return
		}
		b1, err := json.Marshal(q.History())
		require.NoError(t, err, "an accepted history marshals")
		var h1 contract.History
		require.NoError(t, json.Unmarshal(b1, &h1))
		q1, err := r.Restore(h1)
		require.NoError(t, err, "a restored history restores again: %s", b1)
		b2, err := json.Marshal(q1.History())
		require.NoError(t, err)
		require.Equal(t, string(b1), string(b2), "stable after one normalisation")
		entries := q.History().Entries
		last := entries[len(entries)-1].At
		for _, at := range []time.Time{last, last.Add(24 * time.Hour)} {
			want, werr := q.Status(at)
			got, gerr := q1.Status(at)
			require.Equal(t, werr == nil, gerr == nil, "%v / %v", werr, gerr)
			assert.Equal(t, want, got)
		}
	})
}

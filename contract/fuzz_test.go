package contract_test

import (
	"bytes"
	"errors"
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

// fuzzNumbers and fuzzSerials are what a fuzzed event may name: the test
// registry's contracts (some spelt otherwise), an unknown one and none.
var (
	fuzzNumbers = []string{nStandard, nPremier, nCombo, nSOS24x7x4, nBasic, " t/combo ", "T/NOSUCH", ""}
	fuzzSerials = []string{serial, serial2, " sn-0001", "SN-9999", ""}
)

// FuzzReplay replays arbitrary event sequences on a desk: it never panics; an
// accepted event returns its request, with the step recorded at its time; a
// refused event returns a typed error and leaves the whole desk as it was.
//
// Each event is 5 bytes: the contract, the serial, the step (including invalid
// ones), the priority (including invalid ones) and a signed move of the clock in
// 17-minute units, so times go forward, stay or go back.
func FuzzReplay(f *testing.F) {
	// A full life under T/COMBO and a refused step, then P1 under T/PREMIER.
	f.Add([]byte{2, 0, 1, 0, 0, 2, 0, 3, 0, 4, 2, 0, 5, 0, 60, 2, 0, 6, 0, 1, 2, 0, 7, 0, 100, 2, 0, 8, 0, 3, 2, 0, 4, 0, 1})
	f.Add([]byte{1, 0, 1, 1, 0, 1, 0, 3, 0, 2, 1, 0, 5, 0, 10, 1, 0, 7, 0, 20, 1, 0, 8, 0, 1})
	f.Add([]byte{0, 0, 1, 0, 0, 0, 0, 9, 0, 2, 0, 0, 1, 0, 0, 0, 0, 3, 0, 0x80})
	f.Add([]byte{6, 3, 1, 5, 0, 7, 4, 0, 0, 0, 3, 0, 1, 0, 0, 3, 0, 10, 0, 1})
	f.Fuzz(func(t *testing.T, data []byte) {
		d := contract.NewDesk(registry(t))
		now := wall(2026, time.March, 9, 8, 0)
		for len(data) >= 5 {
			b := data[:5]
			data = data[5:]
			now = now.Add(time.Duration(int8(b[4])) * 17 * time.Minute)
			e := contract.Event{
				Contract: fuzzNumbers[int(b[0])%len(fuzzNumbers)],
				Serial:   fuzzSerials[int(b[1])%len(fuzzSerials)],
				Step:     contract.Step(b[2] % 11),
				Priority: sla.Priority(b[3] % 6),
				At:       now,
			}
			before := contract.StateOfDesk(d)
			q, err := d.Apply(e)
			if err != nil {
				assert.Nil(t, q)
				var fe *contract.FieldError
				var se *contract.StepError
				assert.True(t, errors.As(err, &fe) || errors.As(err, &se), "%T %v is typed", err, err)
				require.Equal(t, before, contract.StateOfDesk(d), "refused %+v changed the desk", e)
				continue
			}
			require.NotNil(t, q)
			at, ok := q.Time(e.Step)
			require.True(t, ok, "%s recorded", e.Step)
			assert.True(t, at.Equal(e.At), "%s recorded at %s, want %s", e.Step, inWarsaw(at), inWarsaw(e.At))
			st, err := q.Status(now)
			require.NoError(t, err)
			assert.Equal(t, q.Step(), st.Step)
			for _, ds := range st.Deadlines {
				assert.False(t, ds.Deadline.Due.Before(ds.Deadline.Start), "a deadline is never before its start")
			}
		}
	})
}

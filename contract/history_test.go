package contract_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/slaclock/slaclock/calendar"
	"github.com/slaclock/slaclock/contract"
	"github.com/slaclock/slaclock/sla"
)

var update = flag.Bool("update", false, "rewrite the golden files of testdata/ (check the diff by hand)")

// assertRoundTrip marshals q's history, unmarshals and restores it on r, and
// checks that the restored request has the same history, deadlines and Status
// at every instant given (zero instants are skipped).
func assertRoundTrip(t *testing.T, r *contract.Registry, q *contract.Request, instants ...time.Time) *contract.Request {
	t.Helper()
	b, err := json.Marshal(q.History())
	require.NoError(t, err)
	var h contract.History
	require.NoError(t, json.Unmarshal(b, &h))
	back, err := r.Restore(h)
	require.NoError(t, err)
	assert.Equal(t, q.History(), back.History(), "the restored request has the same history")
	assert.Equal(t, deadlinesOf(t, q), deadlinesOf(t, back))
	assert.Equal(t, q.Step(), back.Step())
	assert.Equal(t, q.Priority(), back.Priority())
	for _, at := range instants {
		if at.IsZero() {
			continue
		}
		want, err := q.Status(at)
		require.NoError(t, err)
		got, err := back.Status(at)
		require.NoError(t, err)
		assert.Equal(t, want, got, "Status at %s", inWarsaw(at))
	}
	return back
}

// goldenRequest is the request of the golden file: cocare-premier P3 opened
// with a note, responded, confirmed at 10:00 (logged as 10:05 and corrected),
// put on hold Mon 14:00 to Tue 11:00, raised to P1 at Tue 12:00 (due then Tue
// 16:00, earlier than Wed 15:00), delivered Tue 15:00.
func goldenRequest(t testing.TB, r *contract.Registry) *contract.Request {
	q, err := r.Open(contract.Opening{ID: "REQ-2026-0117", Contract: nPremier, Serial: serial, Priority: sla.P3,
		Submitted: mon(9, 0), Description: "port 3 down", Note: "call from J. Nowak"})
	require.NoError(t, err)
	record(t, q,
		ev{Step: contract.Responded, At: mon(9, 20)},
		ev{Step: contract.Confirmed, At: mon(10, 5)},
		ev{Step: contract.Confirmed, At: mon(10, 0), Fix: true, Note: "logged late"},
		ev{Step: contract.OnHold, At: mon(14, 0), Note: "customer asked for delivery on Tuesday"},
		ev{Step: contract.Resumed, At: tue(11, 0)},
		ev{Step: contract.PriorityChanged, At: tue(12, 0), P: sla.P1, Note: "the whole site is down"},
		ev{Step: contract.Delivered, At: tue(15, 0)},
	)
	return q
}

// TestHistoryGolden proves the JSON form of a history against a file written
// by hand from the format's documentation, in both directions.
func TestHistoryGolden(t *testing.T) {
	r := registry(t)
	q := goldenRequest(t, r)
	// 9x5xNBD from Mon 10:00 (Tue 18:00), stopped Mon 14:00 to Tue 11:00: Wed
	// 15:00; raised to P1 at Tue 12:00: 24x7x4 from the change, Tue 16:00.
	assert.Equal(t, "Tue 2026-11-17 16:00:00 CET", dueOf(t, q, sla.Delivery))
	got, err := json.MarshalIndent(q.History(), "", "  ")
	require.NoError(t, err)
	path := filepath.Join("testdata", "history-v1.json")
	if *update {
		require.NoError(t, os.WriteFile(path, append(got, '\n'), 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.Equal(t, string(bytes.TrimSpace(want)), string(got))

	var h contract.History
	require.NoError(t, json.Unmarshal(want, &h))
	back, err := r.Restore(h)
	require.NoError(t, err)
	assert.Equal(t, q.History(), back.History())
	assert.Equal(t, "Tue 2026-11-17 16:00:00 CET", dueOf(t, back, sla.Delivery))
}

// TestRestoreKeepsTheTerms proves that a restored request keeps the deadlines
// of the terms it was opened under, whatever the registry holds today, and
// that Reterm applies today's terms and says what moved.
func TestRestoreKeepsTheTerms(t *testing.T) {
	// ahb-8x5xNBD with a 14:00 cutoff, confirmed Tue 10 Mar 2026 14:00: after
	// the cutoff, due the second business day, Thu 12 Mar 17:00 (with the
	// default 15:00 cutoff: the next, Wed 11 Mar 17:00).
	r := registry(t)
	q := open(t, r, nOverride, 0, wall(2026, time.March, 10, 9, 0))
	record(t, q, ev{Step: contract.Confirmed, At: wall(2026, time.March, 10, 14, 0)})
	require.Equal(t, "Thu 2026-03-12 17:00:00 CET", dueOf(t, q, sla.Delivery))
	h := q.History()

	changed := testContracts(t)
	for i := range changed {
		if changed[i].Number == nOverride {
			changed[i].Overrides = contract.Overrides{}
			changed[i].End = date(2026, time.January, 31)
		}
	}
	today, err := contract.NewRegistry(nil, changed...)
	require.NoError(t, err)
	removed, err := contract.NewRegistry(nil, changed[0])
	require.NoError(t, err)

	for name, reg := range map[string]*contract.Registry{"cutoff changed and term ended": today, "contract removed": removed} {
		t.Run(name, func(t *testing.T) {
			back, err := reg.Restore(h)
			require.NoError(t, err)
			assert.Equal(t, "Thu 2026-03-12 17:00:00 CET", dueOf(t, back, sla.Delivery))
			assert.Equal(t, calendar.Clock(14, 0, 0), back.Calculator().Settings().Cutoff)
		})
	}

	t.Run("Reterm with an ended term is refused", func(t *testing.T) {
		_, _, err := today.Reterm(h)
		assert.ErrorIs(t, err, contract.ErrOutsideTerm)
		assert.ErrorIs(t, err, contract.ErrHistory)
	})
	t.Run("Reterm with a removed contract is refused", func(t *testing.T) {
		_, _, err := removed.Reterm(h)
		assert.ErrorIs(t, err, contract.ErrUnknownContract)
	})
	t.Run("Reterm under the default cutoff moves the delivery to Wed 11 Mar 17:00", func(t *testing.T) {
		for i := range changed {
			if changed[i].Number == nOverride {
				changed[i].End = date(2027, time.December, 31)
			}
		}
		reg, err := contract.NewRegistry(nil, changed...)
		require.NoError(t, err)
		now, moved, err := reg.Reterm(h)
		require.NoError(t, err)
		assert.Equal(t, "Wed 2026-03-11 17:00:00 CET", dueOf(t, now, sla.Delivery))
		require.Len(t, moved, 1)
		assert.Equal(t, sla.Delivery, moved[0].Kind)
		assert.Equal(t, "ahb-8x5xNBD", moved[0].Service.ID())
		assert.Equal(t, "Thu 2026-03-12 17:00:00 CET", inWarsaw(moved[0].Was.Due))
		assert.Equal(t, "Wed 2026-03-11 17:00:00 CET", inWarsaw(moved[0].Now.Due))
		// Reterming again under the same registry moves nothing.
		_, again, err := reg.Reterm(now.History())
		require.NoError(t, err)
		assert.Empty(t, again)
	})
}

// TestRestoreRefusals proves that a history that does not replay is refused
// with an error naming the entry and why, and nothing is restored.
func TestRestoreRefusals(t *testing.T) {
	r := registry(t)
	good := goldenRequest(t, r).History()
	edit := func(f func(h *contract.History)) contract.History {
		h := good
		h.Entries = append([]contract.Entry(nil), good.Entries...)
		h.Terms.Services = append([]sla.Service(nil), good.Terms.Services...)
		f(&h)
		return h
	}
	cases := []struct {
		name  string
		h     contract.History
		index int
		want  error
	}{
		{"another version", edit(func(h *contract.History) { h.Version = 2 }), -1, contract.ErrInvalidField},
		{"no entries", edit(func(h *contract.History) { h.Entries = nil }), -1, contract.ErrMissingField},
		{"terms without services", edit(func(h *contract.History) { h.Terms.Services = nil }), -1, contract.ErrMissingField},
		{"terms without a device serial", edit(func(h *contract.History) { h.Terms.Device.Serial = "" }), -1, contract.ErrMissingField},
		{"a bad setting", edit(func(h *contract.History) { h.Terms.Settings.ReturnDays = ptr(0) }), -1, contract.ErrInvalidField},
		{"the first entry is not the submission", edit(func(h *contract.History) { h.Entries = h.Entries[1:] }), 0, contract.ErrStepOrder},
		{"the submission outside the term", edit(func(h *contract.History) { h.Terms.End = date(2026, time.October, 31) }), 0, contract.ErrOutsideTerm},
		{"the opening's priority missing where the service needs one", edit(func(h *contract.History) { h.Priority = 0 }), 0, contract.ErrMissingField},
		{"a delivery before the previous event", edit(func(h *contract.History) { h.Entries[7].At = tue(10, 0) }), 7, contract.ErrStepTime},
		{"a delivery during the hold", edit(func(h *contract.History) {
			h.Entries = append(h.Entries[:5], contract.Entry{Step: contract.Delivered, At: tue(10, 0)})
		}), 5, contract.ErrOnHold},
		{"an entry out of time order", edit(func(h *contract.History) { h.Entries[4].At = mon(9, 10) }), 4, contract.ErrStepTime},
		{"a priority change without a priority", edit(func(h *contract.History) { h.Entries[6].Priority = 0 }), 6, contract.ErrInvalidField},
		{"a step conflict", edit(func(h *contract.History) { h.Entries[1].Step = contract.Confirmed }), 2, contract.ErrStepConflict},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			q, err := r.Restore(tc.h)
			require.Error(t, err)
			assert.Nil(t, q, "nothing is restored")
			assert.ErrorIs(t, err, contract.ErrHistory)
			assert.ErrorIs(t, err, tc.want)
			var he *contract.HistoryError
			require.ErrorAs(t, err, &he)
			assert.Equal(t, tc.index, he.Index)
			if tc.index >= 0 {
				assert.Contains(t, err.Error(), "entries["+string(rune('0'+tc.index))+"]")
			}
		})
	}
}

// TestHistoryJSONRefusals proves that the JSON reader refuses unknown fields,
// another version and bad values, naming them.
func TestHistoryJSONRefusals(t *testing.T) {
	r := registry(t)
	b, err := json.Marshal(goldenRequest(t, r).History())
	require.NoError(t, err)
	cases := []struct {
		name, from, to, field string
	}{
		{"a future version", `"version":1`, `"version":2`, "history.version"},
		{"an unknown field", `"version":1`, `"version":1,"deadlines":[]`, "history.deadlines"},
		{"an unknown entry field", `"step":"resumed"`, `"step":"resumed","due":"x"`, "entry.due"},
		{"an unknown step", `"step":"resumed"`, `"step":"paused"`, "event"},
		{"a bad date", `"start":"2026-01-01"`, `"start":"2026-13-01"`, "terms.start"},
		{"a bad setting", `"return_days":7`, `"return_days":0`, "terms.settings.return_days"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			in := bytes.Replace(b, []byte(tc.from), []byte(tc.to), 1)
			require.NotEqual(t, b, in, "the edit applies")
			var h contract.History
			err := json.Unmarshal(in, &h)
			require.Error(t, err)
			var fe *contract.FieldError
			require.True(t, errors.As(err, &fe), "%v", err)
			assert.Equal(t, tc.field, fe.Field)
			assert.Equal(t, contract.History{}, h, "nothing is decoded")
		})
	}
}

// TestRestoreConcurrently proves that a registry restores histories from many
// goroutines at once (run with -race), each with the calculator of its own
// terms: a 12:00 cutoff for some, the default for the others.
func TestRestoreConcurrently(t *testing.T) {
	r := registry(t)
	h := goldenRequest(t, r).History()
	noon := h
	noon.Terms.Settings.Cutoff = ptr(calendar.Clock(12, 0, 0))
	done := make(chan calendar.TimeOfDay, 16)
	for i := 0; i < 16; i++ {
		x := h
		if i%2 == 1 {
			x = noon
		}
		go func(x contract.History) {
			q, err := r.Restore(x)
			if err != nil {
				done <- calendar.Clock(0, 0, 1)
				return
			}
			done <- q.Calculator().Settings().Cutoff
		}(x)
	}
	var noons, threes int
	for i := 0; i < 16; i++ {
		switch <-done {
		case calendar.Clock(12, 0, 0):
			noons++
		case calendar.Clock(15, 0, 0):
			threes++
		}
	}
	assert.Equal(t, 8, noons)
	assert.Equal(t, 8, threes)
}

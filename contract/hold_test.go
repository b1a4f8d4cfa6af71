package contract_test

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/slaclock/slaclock/calendar"
	"github.com/slaclock/slaclock/contract"
	"github.com/slaclock/slaclock/sla"
)

// The dates of these tests: Mon 16 Nov 2026 (CET) and the days after it, all
// business days. mon and tue give the instants of those days.
func mon(h, m int) time.Time { return wall(2026, time.November, 16, h, m) }
func tue(h, m int) time.Time { return wall(2026, time.November, 17, h, m) }

// ev is one event of a test: a step at an instant, with a new priority for a
// priority change, a note, or marked as a correction.
type ev struct {
	Step contract.Step
	At   time.Time
	P    sla.Priority
	Note string
	Fix  bool
}

func (e ev) entry() contract.Entry {
	return contract.Entry{Step: e.Step, At: e.At, Priority: e.P, Note: e.Note, Correction: e.Fix}
}

// record applies every event, failing the test on a refusal.
func record(t testing.TB, q *contract.Request, evs ...ev) {
	t.Helper()
	for _, e := range evs {
		require.NoError(t, q.Apply(e.entry()), "%s at %s", e.Step, inWarsaw(e.At))
	}
}

// dueOf writes the first service's deadline of kind k: its due instant with
// layout, "paused <window time left>", or "none".
func dueOf(t testing.TB, q *contract.Request, k sla.Kind) string {
	t.Helper()
	d, ok := q.Deadlines()[0].Deadlines.Get(k)
	switch {
	case !ok:
		return "none"
	case d.Paused:
		return "paused " + d.Left.String()
	}
	return inWarsaw(d.Due)
}

var (
	sub09  = ev{Step: contract.Submitted, At: mon(9, 0)}
	conf10 = ev{Step: contract.Confirmed, At: mon(10, 0)}
)

// TestHoldsAndPriorityChanges proves what holds and priority changes recorded
// on a request do to its deadlines, each worked by hand from the rules: a hold
// stops the clocks from the confirmation still running when it begins, and
// the window time left then runs again from its end; a priority change that
// changes the level makes the request due no later (more urgent) or counts the
// new level from the start (less urgent).
func TestHoldsAndPriorityChanges(t *testing.T) {
	r := registry(t)
	hold := func(at time.Time) ev { return ev{Step: contract.OnHold, At: at} }
	resumed := func(at time.Time) ev { return ev{Step: contract.Resumed, At: at} }
	prio := func(at time.Time, p sla.Priority) ev { return ev{Step: contract.PriorityChanged, At: at, P: p} }
	cases := []struct {
		name   string
		number string
		prio   sla.Priority
		events []ev
		kind   sla.Kind
		want   string
	}{
		{"SPEC 8: 9x5xNBD confirmed Mon 10:00 (due Tue 18:00), on hold Mon 14:00 to Tue 11:00: 13 h left, 7 h Tuesday and 6 h Wednesday",
			nStandard, 0, []ev{conf10, hold(mon(14, 0)), resumed(tue(11, 0))}, sla.Delivery, "Wed 2026-11-18 15:00:00 CET"},
		{"a hold that has not ended leaves the deadline paused with the 13 h of window time left when it began (4 h Monday, 9 h Tuesday)",
			nStandard, 0, []ev{conf10, hold(mon(14, 0))}, sla.Delivery, "paused 13h0m0s"},
		{"SPEC 8: 24x7x4 confirmed 10:00 (due 14:00), on hold 11:00-12:30: due 15:30",
			nSOS24x7x4, 0, []ev{conf10, hold(mon(11, 0)), resumed(mon(12, 30))}, sla.OnSite, "Mon 2026-11-16 15:30:00 CET"},
		{"SPEC 8: a hold from 09:40 to 10:30 around a 10:00 confirmation stops the 24x7x4 clock for 30 minutes; the confirmation is accepted during the hold",
			nSOS24x7x4, 0, []ev{hold(mon(9, 40)), conf10, resumed(mon(10, 30))}, sla.OnSite, "Mon 2026-11-16 14:30:00 CET"},
		{"the same hold on 9x5xNBD: 17 h of window from 10:00 (8 Monday, 9 Tuesday) run from 10:30: 7.5 Monday, 9 Tuesday, 0.5 Wednesday",
			nStandard, 0, []ev{hold(mon(9, 40)), conf10, resumed(mon(10, 30))}, sla.Delivery, "Wed 2026-11-18 09:30:00 CET"},
		{"a hold that ended before the confirmation changes nothing",
			nSOS24x7x4, 0, []ev{hold(mon(9, 10)), resumed(mon(9, 40)), conf10}, sla.OnSite, "Mon 2026-11-16 14:00:00 CET"},
		{"the response clock never stops: a response during a hold is accepted and the response stays due 10:00",
			nSOS24x7x4, 0, []ev{hold(mon(9, 10)), {Step: contract.Responded, At: mon(9, 20)}, resumed(mon(9, 50))}, sla.Response, "Mon 2026-11-16 10:00:00 CET"},
		{"a delivery before the hold meets the delivery deadline as it was (Tue 18:00)",
			nStdOnsite, 0, []ev{conf10, {Step: contract.Delivered, At: mon(12, 0)}, hold(mon(14, 0)), resumed(tue(11, 0))}, sla.Delivery, "Tue 2026-11-17 18:00:00 CET"},
		{"... while the on-site deadline, still running, moves as SPEC 8's example does",
			nStdOnsite, 0, []ev{conf10, {Step: contract.Delivered, At: mon(12, 0)}, hold(mon(14, 0)), resumed(tue(11, 0))}, sla.OnSite, "Wed 2026-11-18 15:00:00 CET"},
		{"two holds apply in time order: 14:00-Tue 11:00 leaves Wed 15:00; Wed 09:00-10:00 stops it 1 h more: Wed 16:00",
			nStandard, 0, []ev{conf10, hold(mon(14, 0)), resumed(tue(11, 0)), hold(wall(2026, time.November, 18, 9, 0)), resumed(wall(2026, time.November, 18, 10, 0))},
			sla.Delivery, "Wed 2026-11-18 16:00:00 CET"},
		{"SPEC 9: cocare-premier P3 (9x5xNBD, due Tue 18:00) raised to P1 at Mon 13:00: 4 h of 24x7 from the change, Mon 17:00",
			nPremier, sla.P3, []ev{conf10, prio(mon(13, 0), sla.P1)}, sla.Delivery, "Mon 2026-11-16 17:00:00 CET"},
		{"SPEC 9: raised at Tue 16:00: 24x7x4 from the change is Tue 20:00, later than Tue 18:00, which stays",
			nPremier, sla.P3, []ev{conf10, prio(tue(16, 0), sla.P1)}, sla.Delivery, "Tue 2026-11-17 18:00:00 CET"},
		{"SPEC 9: P1 (24x7x4, due Mon 14:00) lowered to P3 at Mon 12:00: 9x5xNBD from the confirmation, Tue 18:00",
			nPremier, sla.P1, []ev{conf10, prio(mon(12, 0), sla.P3)}, sla.Delivery, "Tue 2026-11-17 18:00:00 CET"},
		{"SPEC 9: lowered at Mon 15:00, after the deadline: it stays Mon 14:00",
			nPremier, sla.P1, []ev{conf10, prio(mon(15, 0), sla.P3)}, sla.Delivery, "Mon 2026-11-16 14:00:00 CET"},
		{"SPEC 9: a change at the hold's first instant comes before it: raised to P1 at 13:00 (due 17:00), then stopped with 4 h left",
			nPremier, sla.P3, []ev{conf10, hold(mon(13, 0)), prio(mon(13, 0), sla.P1)}, sla.Delivery, "paused 4h0m0s"},
		{"... and resumed at 15:00 the 4 h run in 24x7: Mon 19:00",
			nPremier, sla.P3, []ev{conf10, hold(mon(13, 0)), prio(mon(13, 0), sla.P1), resumed(mon(15, 0))}, sla.Delivery, "Mon 2026-11-16 19:00:00 CET"},
		{"a change at the hold's end comes after it: P3 stopped 13:00-15:00 (Tue 18:00 + 2 h of 9x5 = Wed 11:00), then raised to P1 at 15:00: 19:00",
			nPremier, sla.P3, []ev{conf10, hold(mon(13, 0)), resumed(mon(15, 0)), prio(mon(15, 0), sla.P1)}, sla.Delivery, "Mon 2026-11-16 19:00:00 CET"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			q := open(t, r, tc.number, tc.prio, sub09.At)
			record(t, q, tc.events...)
			assert.Equal(t, tc.want, dueOf(t, q, tc.kind))
		})
	}
}

// TestRefusedEvents proves every refusal of the events a request can take,
// with the request and its history unchanged.
func TestRefusedEvents(t *testing.T) {
	r := registry(t)
	hold14 := ev{Step: contract.OnHold, At: mon(14, 0)}
	deliv12 := ev{Step: contract.Delivered, At: mon(12, 0)}
	ret := ev{Step: contract.Returned, At: mon(13, 0)}
	cases := []struct {
		name   string
		prio   sla.Priority
		before []ev
		event  ev
		want   error
	}{
		{"SPEC 8: nothing is delivered during a hold", 0, []ev{conf10, hold14}, ev{Step: contract.Delivered, At: mon(15, 0)}, contract.ErrOnHold},
		{"SPEC 8: nothing is shipped during a hold", 0, []ev{conf10, hold14}, ev{Step: contract.Shipped, At: mon(15, 0)}, contract.ErrOnHold},
		{"SPEC 8: nothing is done on site during a hold", 0, []ev{conf10, hold14}, ev{Step: contract.OnSite, At: mon(15, 0)}, contract.ErrOnHold},
		{"SPEC 8: not even at the hold's first instant", 0, []ev{conf10, hold14}, ev{Step: contract.Delivered, At: mon(14, 0)}, contract.ErrOnHold},
		{"SPEC 9: a priority change strictly inside a hold is refused", sla.P3, []ev{conf10, hold14}, ev{Step: contract.PriorityChanged, At: mon(14, 1), P: sla.P1}, contract.ErrOnHold},
		{"a hold while on hold", 0, []ev{conf10, hold14}, ev{Step: contract.OnHold, At: mon(15, 0)}, contract.ErrStepOrder},
		{"resuming when not on hold", 0, []ev{conf10}, ev{Step: contract.Resumed, At: mon(15, 0)}, contract.ErrStepOrder},
		{"closing ended the hold: resuming after it is refused", 0, []ev{hold14, {Step: contract.Closed, At: mon(15, 0)}}, ev{Step: contract.Resumed, At: mon(16, 0)}, contract.ErrStepOrder},
		{"a hold after closing", 0, []ev{{Step: contract.Closed, At: mon(15, 0)}}, ev{Step: contract.OnHold, At: mon(16, 0)}, contract.ErrStepOrder},
		{"a priority change after rejecting", sla.P3, []ev{{Step: contract.Rejected, At: mon(10, 0)}}, ev{Step: contract.PriorityChanged, At: mon(11, 0), P: sla.P1}, contract.ErrStepOrder},
		{"a hold before the previous event", 0, []ev{conf10}, ev{Step: contract.OnHold, At: mon(9, 59)}, contract.ErrStepTime},
		{"a priority change before the previous event", sla.P3, []ev{conf10}, ev{Step: contract.PriorityChanged, At: mon(9, 30), P: sla.P1}, contract.ErrStepTime},
		{"a priority change to no priority", sla.P3, nil, ev{Step: contract.PriorityChanged, At: mon(10, 0)}, contract.ErrInvalidField},
		{"a priority change to P5", sla.P3, nil, ev{Step: contract.PriorityChanged, At: mon(10, 0), P: 5}, contract.ErrInvalidField},
		{"a priority on an event that is not a priority change", 0, nil, ev{Step: contract.Confirmed, At: mon(10, 0), P: sla.P1}, contract.ErrInvalidField},
		{"a note longer than MaxNote", 0, nil, ev{Step: contract.Confirmed, At: mon(10, 0), Note: strings.Repeat("x", contract.MaxNote+1)}, contract.ErrInvalidField},
		{"a note that is not UTF-8", 0, nil, ev{Step: contract.Confirmed, At: mon(10, 0), Note: "caf\xe9"}, contract.ErrInvalidField},
		{"an event the calendar cannot take (2201)", 0, nil, ev{Step: contract.Responded, At: wall(2201, time.January, 1, 10, 0)}, calendar.ErrOutOfRange},
		{"not a step", 0, nil, ev{Step: 13, At: mon(10, 0)}, contract.ErrStepOrder},
		{"a correction of a step not recorded", 0, nil, ev{Step: contract.Confirmed, At: mon(10, 0), Fix: true}, contract.ErrStepOrder},
		{"a correction that puts the confirmation after the delivery", 0, []ev{conf10, deliv12}, ev{Step: contract.Confirmed, At: mon(12, 30), Fix: true}, contract.ErrStepOrder},
		{"a correction that puts the confirmation before the submission", 0, []ev{conf10}, ev{Step: contract.Confirmed, At: mon(8, 0), Fix: true}, contract.ErrStepOrder},
		{"a correction that moves the delivery into a hold", 0, []ev{conf10, hold14, {Step: contract.Resumed, At: mon(15, 0)}, {Step: contract.Delivered, At: mon(16, 0)}},
			ev{Step: contract.Delivered, At: mon(14, 30), Fix: true}, contract.ErrOnHold},
		{"a correction that moves the submission out of the contract's term", 0, nil, ev{Step: contract.Submitted, At: wall(2025, time.December, 31, 9, 0), Fix: true}, contract.ErrOutsideTerm},
		{"a correction of the return to before the delivery", 0, []ev{conf10, deliv12, ret}, ev{Step: contract.Returned, At: mon(11, 0), Fix: true}, contract.ErrStepOrder},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			number := nStdOnsite
			if tc.prio != 0 {
				number = nPremier
			}
			q := open(t, r, number, tc.prio, sub09.At)
			record(t, q, tc.before...)
			before, hist := contract.StateOf(q), q.History()
			err := q.Apply(tc.event.entry())
			require.Error(t, err)
			assert.ErrorIs(t, err, tc.want)
			var se *contract.StepError
			require.ErrorAs(t, err, &se)
			assert.Equal(t, tc.event.Step, se.Step)
			assert.Contains(t, err.Error(), tc.event.Step.String(), "the error names the event")
			assert.Equal(t, before, contract.StateOf(q), "a refused event changes nothing")
			assert.Equal(t, hist, q.History(), "a refused event is not kept")
		})
	}
}

// TestClosingEndsTheHold proves that closing or rejecting a request on hold
// ends the hold at that instant.
func TestClosingEndsTheHold(t *testing.T) {
	r := registry(t)
	for _, end := range []contract.Step{contract.Closed, contract.Rejected} {
		t.Run(end.String(), func(t *testing.T) {
			q := open(t, r, nStandard, 0, sub09.At)
			record(t, q, ev{Step: contract.OnHold, At: mon(9, 30)})
			since, on := q.OnHold()
			require.True(t, on)
			assert.Equal(t, inWarsaw(mon(9, 30)), inWarsaw(since))
			record(t, q, ev{Step: end, At: mon(9, 45)})
			_, on = q.OnHold()
			assert.False(t, on)
			require.Len(t, q.Holds(), 1)
			assert.Equal(t, inWarsaw(mon(9, 45)), inWarsaw(q.Holds()[0].To))
			assert.True(t, q.Done())
			st, err := q.Status(mon(12, 0))
			require.NoError(t, err)
			assert.True(t, st.HeldSince.IsZero())
			// The ending counts as the response (due 10:00): 15 min early.
			require.Len(t, st.Deadlines, 1)
			assert.Equal(t, outcome{"cocare-standard", sla.Response, sla.Met, 15 * time.Minute}, outcomesOf(st)[0])
		})
	}
}

// TestRepeatedEventIsOneEvent proves that the same event twice at the same
// instant is one event, for every step: the repeat is accepted, changes
// nothing and is not kept.
func TestRepeatedEventIsOneEvent(t *testing.T) {
	r := registry(t)
	life := []ev{
		sub09,
		{Step: contract.Responded, At: mon(9, 30)},
		{Step: contract.OnHold, At: mon(9, 40)},
		conf10,
		{Step: contract.Resumed, At: mon(10, 30)},
		{Step: contract.PriorityChanged, At: mon(10, 40), P: sla.P1},
		{Step: contract.Shipped, At: mon(11, 0)},
		{Step: contract.Delivered, At: mon(12, 0)},
		{Step: contract.OnSite, At: mon(12, 30)},
		{Step: contract.Returned, At: mon(13, 0)},
		{Step: contract.Closed, At: mon(14, 0)},
	}
	q := open(t, r, nPremiumOnsite, sla.P3, sub09.At)
	seen := map[contract.Step]bool{}
	for i, e := range life {
		if i > 0 {
			record(t, q, e)
		}
		before, n := contract.StateOf(q), len(q.History().Entries)
		require.NoError(t, q.Apply(e.entry()), "%s again", e.Step)
		assert.Equal(t, before, contract.StateOf(q), "%s again changes nothing", e.Step)
		assert.Len(t, q.History().Entries, n, "%s again is not kept", e.Step)
		seen[e.Step] = true
	}
	// Rejected: on another request.
	q2 := open(t, r, nPremiumOnsite, sla.P3, sub09.At)
	record(t, q2, ev{Step: contract.Rejected, At: mon(10, 0)})
	require.NoError(t, q2.Record(contract.Rejected, mon(10, 0)))
	assert.Len(t, q2.History().Entries, 2)
	seen[contract.Rejected] = true
	assert.Len(t, seen, 12, "every step")
}

// TestNotes proves that every event's note, the opening's included, is kept in
// the history.
func TestNotes(t *testing.T) {
	r := registry(t)
	q, err := r.Open(contract.Opening{Contract: nStandard, Serial: serial, Submitted: sub09.At, Note: "call from J. Nowak"})
	require.NoError(t, err)
	record(t, q, ev{Step: contract.Confirmed, At: mon(10, 0), Note: "logs checked"},
		ev{Step: contract.OnHold, At: mon(14, 0), Note: "customer asked for delivery on Tuesday"},
		ev{Step: contract.Resumed, At: tue(11, 0)})
	var notes []string
	for _, e := range q.History().Entries {
		notes = append(notes, e.Note)
	}
	assert.Equal(t, []string{"call from J. Nowak", "logs checked", "customer asked for delivery on Tuesday", ""}, notes)

	_, err = r.Open(contract.Opening{Contract: nStandard, Serial: serial, Submitted: sub09.At, Note: strings.Repeat("é", contract.MaxNote)})
	assertProblems(t, []problem{{Field: "note", Value: strings.Repeat("é", contract.MaxNote), Err: contract.ErrInvalidField}}, err)
}

// TestCorrections proves that a corrected event keeps the original and the
// correction in the history, and that the deadlines follow the corrected time.
func TestCorrections(t *testing.T) {
	r := registry(t)
	t.Run("the confirmation was at 09:30, not 10:00", func(t *testing.T) {
		// 24x7x4 from 09:30: on site by 13:30.
		q := open(t, r, nSOS24x7x4, 0, sub09.At)
		record(t, q, conf10)
		assert.Equal(t, "Mon 2026-11-16 14:00:00 CET", dueOf(t, q, sla.OnSite))
		require.NoError(t, q.Correct(contract.Confirmed, mon(9, 30), "logged late"))
		assert.Equal(t, "Mon 2026-11-16 13:30:00 CET", dueOf(t, q, sla.OnSite))
		got, ok := q.Time(contract.Confirmed)
		require.True(t, ok)
		assert.Equal(t, inWarsaw(mon(9, 30)), inWarsaw(got))
		h := q.History().Entries
		require.Len(t, h, 3)
		assert.Equal(t, contract.Entry{Step: contract.Confirmed, At: mon(10, 0)}.At.Equal(h[1].At), true, "the original is kept")
		assert.False(t, h[1].Correction)
		assert.True(t, h[2].Correction)
		assert.Equal(t, "logged late", h[2].Note)
		assert.Equal(t, inWarsaw(mon(9, 30)), inWarsaw(h[2].At))
	})
	t.Run("a correction to the time in force changes nothing", func(t *testing.T) {
		q := open(t, r, nSOS24x7x4, 0, sub09.At)
		record(t, q, conf10)
		require.NoError(t, q.Correct(contract.Confirmed, mon(10, 0), "same"))
		assert.Len(t, q.History().Entries, 2)
	})
	t.Run("the hold began at 15:00, not 14:00", func(t *testing.T) {
		// 9x5xNBD due Tue 18:00; from 15:00, 12 h were left (3 Monday, 9
		// Tuesday): from Tue 11:00, 7 h Tuesday and 5 h Wednesday.
		q := open(t, r, nStandard, 0, sub09.At)
		record(t, q, conf10, ev{Step: contract.OnHold, At: mon(14, 0)}, ev{Step: contract.Resumed, At: tue(11, 0)})
		require.NoError(t, q.Correct(contract.OnHold, mon(15, 0), "the customer called at 15:00"))
		assert.Equal(t, "Wed 2026-11-18 14:00:00 CET", dueOf(t, q, sla.Delivery))
	})
	t.Run("a hold moved before the confirmation is put back in time order", func(t *testing.T) {
		// The hold 09:40-10:30 of SPEC 8's example, first recorded as 10:10:
		// 24x7x4 from 10:00 stopped for 30 minutes, 14:30.
		q := open(t, r, nSOS24x7x4, 0, sub09.At)
		record(t, q, conf10, ev{Step: contract.OnHold, At: mon(10, 10)}, ev{Step: contract.Resumed, At: mon(10, 30)})
		assert.Equal(t, "Mon 2026-11-16 14:20:00 CET", dueOf(t, q, sla.OnSite))
		require.NoError(t, q.Correct(contract.OnHold, mon(9, 40), ""))
		assert.Equal(t, "Mon 2026-11-16 14:30:00 CET", dueOf(t, q, sla.OnSite))
	})
	t.Run("a priority change corrected to another priority", func(t *testing.T) {
		// cocare-premier P3 confirmed 10:00 raised at 13:00: P1 gives 17:00; the
		// change was in fact to P4, still 9x5xNBD: Tue 18:00.
		q := open(t, r, nPremier, sla.P3, sub09.At)
		record(t, q, conf10, ev{Step: contract.PriorityChanged, At: mon(13, 0), P: sla.P1})
		assert.Equal(t, "Mon 2026-11-16 17:00:00 CET", dueOf(t, q, sla.Delivery))
		require.NoError(t, q.Apply(contract.Entry{Step: contract.PriorityChanged, At: mon(13, 0), Priority: sla.P4, Correction: true, Note: "typo"}))
		assert.Equal(t, "Tue 2026-11-17 18:00:00 CET", dueOf(t, q, sla.Delivery))
		assert.Equal(t, sla.P4, q.Priority())
	})
}

// TestStatusAtPastInstants proves that Status considers only the events at or
// before the instant asked about: what the desk saw then.
func TestStatusAtPastInstants(t *testing.T) {
	r := registry(t)
	q := open(t, r, nStandard, 0, sub09.At)
	record(t, q, conf10, ev{Step: contract.OnHold, At: mon(14, 0)}, ev{Step: contract.Resumed, At: tue(11, 0)},
		ev{Step: contract.Delivered, At: tue(12, 0)})
	cases := []struct {
		name string
		now  time.Time
		step contract.Step
		held bool
		want []outcome
	}{
		{"before the confirmation only the response exists, due 10:00", mon(9, 30), contract.Submitted, false,
			[]outcome{{"cocare-standard", sla.Response, sla.Open, 30 * time.Minute}}},
		{"at the confirmation instant it counts: met by it at 10:00, delivery due Tue 18:00 with 17 h left", mon(10, 0), contract.Confirmed, false,
			[]outcome{{"cocare-standard", sla.Response, sla.Met, 0}, {"cocare-standard", sla.Delivery, sla.Open, 17 * time.Hour}}},
		{"during the hold: paused, 13 h left", tue(9, 0), contract.Confirmed, true,
			[]outcome{{"cocare-standard", sla.Response, sla.Met, 0}, {"cocare-standard", sla.Delivery, sla.Paused, 13 * time.Hour}}},
		{"after the hold, before the delivery: due Wed 15:00, 7 h Tuesday from 11:00 less the 30 min used, plus 6 h", tue(11, 30), contract.Confirmed, false,
			[]outcome{{"cocare-standard", sla.Response, sla.Met, 0}, {"cocare-standard", sla.Delivery, sla.Open, 12*time.Hour + 30*time.Minute}}},
		{"after the delivery: met 27 h early, the return due at the end of Tue 24 Nov", tue(12, 0), contract.Delivered, false,
			[]outcome{{"cocare-standard", sla.Response, sla.Met, 0}, {"cocare-standard", sla.Delivery, sla.Met, 27 * time.Hour},
				{"cocare-standard", sla.Return, sla.Open, 7*24*time.Hour + 12*time.Hour}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			st, err := q.Status(tc.now)
			require.NoError(t, err)
			assert.Equal(t, tc.step, st.Step)
			assert.Equal(t, tc.held, !st.HeldSince.IsZero())
			assert.Equal(t, tc.want, outcomesOf(st))
		})
	}
}

// TestRecordWrapsTheCalendar proves that a deadline the calendar cannot
// compute refuses the event with the calendar's error as its cause.
func TestRecordWrapsTheCalendar(t *testing.T) {
	c := testContracts(t)[1] // cocare-standard
	c.Start, c.End = date(2200, time.January, 1), date(2200, time.December, 31)
	r, err := contract.NewRegistry(nil, c)
	require.NoError(t, err)
	// Wed 31 Dec 2200 10:00, the calendar's last day: the response is due
	// 11:00, but the delivery would be due on the next business day, in 2201.
	q := open(t, r, c.Number, 0, wall(2200, time.December, 31, 10, 0))
	err = q.Record(contract.Confirmed, wall(2200, time.December, 31, 11, 0))
	require.Error(t, err)
	assert.ErrorIs(t, err, contract.ErrDeadline)
	assert.ErrorIs(t, err, calendar.ErrOutOfRange)
	assert.Equal(t, contract.Submitted, q.Step())
}

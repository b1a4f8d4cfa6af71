package sla_test

import (
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/slaclock/slaclock/calendar"
	"github.com/slaclock/slaclock/sla"
)

// Expected values in this file are worked out by hand from SPEC sections 1 and
// 6 (elapsed times checked with Python's zoneinfo): "By" is elapsed time between
// the event and the deadline, "ByWindow" the same span counted in the window of
// the deadline (only the hours the window is open), and a Progress target is
// the window time from the deadline's Start to its Due.
//
// The timeline most cases use (SPEC section 6's return example), under 9x5:
//
//	submitted  Fri 13 Nov 2026 14:05 -> response due Fri 15:05
//	confirmed  Fri 13 Nov 2026 15:20 (after the cutoff) -> NBD due Tue 17 Nov 18:00
//	delivered  Tue 17 Nov 2026 11:40 -> return due Tue 24 Nov 24:00 (Wed 25 00:00)
//
// The NBD target in window time: Fri 15:20-18:00 (2h40m) + Mon 9h + Tue 9h =
// 20h40m = 1240 minutes.

// deadlineOf computes the deadlines of r and returns the one of kind k, with a
// check that it is due at want (layout in Warsaw): the precondition of a case.
func deadlineOf(t testing.TB, r request, k sla.Kind, want string) sla.Deadline {
	t.Helper()
	ds, err := sla.Default().Deadlines(r.build(t))
	require.NoError(t, err)
	d, ok := ds.Get(k)
	require.True(t, ok, "a %s deadline", k)
	require.Equal(t, want, inWarsaw(d.Due), "the %s deadline", k)
	return d
}

// timeline is the request of the package comment, for a service.
func timeline(id string) request {
	return request{id: id, submitted: wall(2026, 11, 13, 14, 5), confirmed: wall(2026, 11, 13, 15, 20), delivd: wall(2026, 11, 17, 11, 40)}
}

func TestStatusString(t *testing.T) {
	assert.Equal(t, "open", sla.Open.String())
	assert.Equal(t, "met", sla.Met.String())
	assert.Equal(t, "breached", sla.Breached.String())
	assert.Equal(t, "paused", sla.Paused.String())
	assert.Equal(t, "%!Status(4)", sla.Status(4).String(), "an out-of-range status prints, it does not panic")
	for _, st := range []sla.Status{sla.Open, sla.Met, sla.Breached, sla.Paused} {
		b, err := st.MarshalText()
		require.NoError(t, err)
		var back sla.Status
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, st, back, "%s round-trips", st)
	}
	back := sla.Met
	assert.Error(t, back.UnmarshalText([]byte("late")))
	assert.Equal(t, sla.Met, back, "unchanged on error")
	_, err := sla.Status(9).MarshalText()
	assert.Error(t, err)
	var zero sla.Status
	assert.Equal(t, sla.Open, zero, "the zero Status is Open")
}

func TestActualsFor(t *testing.T) {
	a := sla.Actuals{
		Responded: wall(2026, 11, 13, 14, 30),
		Shipped:   wall(2026, 11, 16, 10, 0),
		Delivered: wall(2026, 11, 17, 11, 40),
		OnSite:    wall(2026, 11, 17, 12, 0),
		Returned:  wall(2026, 11, 20, 9, 0),
	}
	cases := []struct {
		kind sla.Kind
		want time.Time
	}{
		{sla.Response, a.Responded}, {sla.ShipBy, a.Shipped}, {sla.Delivery, a.Delivered},
		{sla.OnSite, a.OnSite}, {sla.Return, a.Returned},
	}
	for _, c := range cases {
		assert.True(t, c.want.Equal(a.For(c.kind, service(t, "cocare-standard-onsite"))), "%s waits for its own event", c.kind)
	}
	assert.True(t, a.For(0, service(t, "cocare-standard")).IsZero(), "an invalid kind waits for nothing")
	assert.True(t, a.For(6, service(t, "cocare-standard")).IsZero(), "an invalid kind waits for nothing")
}

// SPEC section 1: an event at exactly the deadline is met; one nanosecond later
// it is breached. For every kind of deadline.
func TestCheckAtTheDeadline(t *testing.T) {
	cases := []struct {
		name string
		req  request
		kind sla.Kind
		due  string
		// window time between the deadline and a nanosecond after it: a
		// nanosecond where the window is open after the deadline, zero where the
		// deadline is the window's close.
		lateWindow time.Duration
	}{
		{"response: due 15:05, inside the 9x5 window", timeline("cocare-standard"), resp, "Fri 2026-11-13 15:05:00 CET", time.Nanosecond},
		{"ship-by: due at the 9x5 close, where window time stops", timeline("cocare-basic"), shipBy, "Tue 2026-11-17 18:00:00 CET", 0},
		{"delivery: due at the 9x5 close", timeline("cocare-standard"), delivery, "Tue 2026-11-17 18:00:00 CET", 0},
		{"on-site: due at the 9x5 close", timeline("cocare-standard-onsite"), onSite, "Tue 2026-11-17 18:00:00 CET", 0},
		{"return: the end of the day, in real time", timeline("cocare-standard"), ret, "Wed 2026-11-25 00:00:00 CET", time.Nanosecond},
		{"24x7x4 delivery: real time on both sides",
			request{id: "cocare-premier", prio: sla.P1, submitted: wall(2026, 11, 14, 22, 0), confirmed: wall(2026, 11, 14, 22, 0)},
			delivery, "Sun 2026-11-15 02:00:00 CET", time.Nanosecond},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := deadlineOf(t, c.req, c.kind, c.due)
			calc := sla.Default()

			o, err := calc.Check(d, d.Due)
			require.NoError(t, err)
			assert.Equal(t, sla.Met, o.Status, "exactly at the deadline is met")
			assert.Zero(t, o.By)
			assert.Zero(t, o.ByWindow)

			o, err = calc.Check(d, d.Due.Add(time.Nanosecond))
			require.NoError(t, err)
			assert.Equal(t, sla.Breached, o.Status, "one nanosecond later is breached")
			assert.Equal(t, time.Nanosecond, o.By)
			assert.Equal(t, c.lateWindow, o.ByWindow)

			o, err = calc.Check(d, d.Due.Add(-time.Nanosecond))
			require.NoError(t, err)
			assert.Equal(t, sla.Met, o.Status, "one nanosecond early is met")
			assert.Equal(t, time.Nanosecond, o.By)
			assert.Equal(t, time.Nanosecond, o.ByWindow, "the window is open just before each of these deadlines")
		})
	}
}

// How far an event was from its deadline, in elapsed time and in window time,
// across nights, weekends, holidays and clock changes.
func TestCheckByHowMuch(t *testing.T) {
	utc := func(y int, m time.Month, d, h, min int) time.Time { return time.Date(y, m, d, h, min, 0, 0, time.UTC) }
	cases := []struct {
		name     string
		req      request
		kind     sla.Kind
		due      string
		actual   time.Time
		status   sla.Status
		by, byWd time.Duration
	}{
		{"9x5 delivery due Tue 18:00, delivered Wed 10:00: 16h late, but 1h of window time",
			timeline("cocare-standard"), delivery, "Tue 2026-11-17 18:00:00 CET",
			wall(2026, 11, 18, 10, 0), sla.Breached, 16 * time.Hour, time.Hour},
		{"delivered Tue 11:40, 6h20m early in both, inside one open day",
			timeline("cocare-standard"), delivery, "Tue 2026-11-17 18:00:00 CET",
			wall(2026, 11, 17, 11, 40), sla.Met, 6*time.Hour + 20*time.Minute, 6*time.Hour + 20*time.Minute},
		{"delivered Mon 17:00: 25h early, 10h of window time (Mon 17-18, Tue 9-18)",
			timeline("cocare-standard"), delivery, "Tue 2026-11-17 18:00:00 CET",
			wall(2026, 11, 16, 17, 0), sla.Met, 25 * time.Hour, 10 * time.Hour},
		{"delivered at the confirmation: early by the whole target, 20h40m of window time",
			timeline("cocare-standard"), delivery, "Tue 2026-11-17 18:00:00 CET",
			wall(2026, 11, 13, 15, 20), sla.Met, 98*time.Hour + 40*time.Minute, 20*time.Hour + 40*time.Minute},
		{"weekend: ship-by due Fri 18:00, shipped Mon 11:00, 65h late, 2h of window time",
			same("cocare-basic", wall(2026, 11, 12, 10, 0)), shipBy, "Fri 2026-11-13 18:00:00 CET",
			wall(2026, 11, 16, 11, 0), sla.Breached, 65 * time.Hour, 2 * time.Hour},
		{"weekend: an 8x5 response from Fri 16:30 given at 16:45 is 64h45m early, 45m of window time",
			request{id: "ahb-8x5xNBD", submitted: wall(2026, 11, 13, 16, 30)}, resp, "Mon 2026-11-16 09:30:00 CET",
			wall(2026, 11, 13, 16, 45), sla.Met, 64*time.Hour + 45*time.Minute, 45 * time.Minute},
		{"holidays: 8x5 due Tue 23 Dec 2025 17:00, delivered Mon 29 Dec 10:00 after Christmas: 137h late, 1h of window time",
			same("ahb-8x5xNBD", wall(2025, 12, 22, 10, 0)), delivery, "Tue 2025-12-23 17:00:00 CET",
			wall(2025, 12, 29, 10, 0), sla.Breached, 137 * time.Hour, time.Hour},
		{"holiday: 9x5 due Tue 10 Nov 2026 18:00, delivered Thu 12 Nov 10:00 over 11 Nov: 40h late, 1h of window time",
			same("cocare-standard", wall(2026, 11, 9, 10, 0)), delivery, "Tue 2026-11-10 18:00:00 CET",
			wall(2026, 11, 12, 10, 0), sla.Breached, 40 * time.Hour, time.Hour},
		{"spring clock change: 9x5 due Fri 27 Mar 2026 18:00 CET, delivered Mon 10:00 CEST: 63h late (64h on the wall), 1h of window time",
			same("cocare-standard", wall(2026, 3, 26, 10, 0)), delivery, "Fri 2026-03-27 18:00:00 CET",
			wall(2026, 3, 30, 10, 0), sla.Breached, 63 * time.Hour, time.Hour},
		{"spring clock change: 24x7x4 due 06:30 CEST, delivered 01:45 CET: 3h45m early (4h45m on the wall)",
			request{id: "cocare-premier", prio: sla.P1, submitted: wall(2026, 3, 29, 1, 30), confirmed: wall(2026, 3, 29, 1, 30)},
			delivery, "Sun 2026-03-29 06:30:00 CEST",
			wall(2026, 3, 29, 1, 45), sla.Met, 3*time.Hour + 45*time.Minute, 3*time.Hour + 45*time.Minute},
		{"autumn clock change: 24x7x4 due 04:30 CET, delivered at the first 02:30 (CEST): 3h early (2h on the wall)",
			request{id: "cocare-premier", prio: sla.P2, submitted: wall(2026, 10, 25, 1, 30), confirmed: wall(2026, 10, 25, 1, 30)},
			delivery, "Sun 2026-10-25 04:30:00 CET",
			utc(2026, 10, 25, 0, 30), sla.Met, 3 * time.Hour, 3 * time.Hour},
		{"autumn clock change: 24x7x4 due 04:30 CET, delivered 05:00 CET: 30m late",
			request{id: "cocare-premier", prio: sla.P2, submitted: wall(2026, 10, 25, 1, 30), confirmed: wall(2026, 10, 25, 1, 30)},
			delivery, "Sun 2026-10-25 04:30:00 CET",
			wall(2026, 10, 25, 5, 0), sla.Breached, 30 * time.Minute, 30 * time.Minute},
		{"return over the autumn clock change: returned at the delivery, 181h early (180h on the wall)",
			request{id: "ahb-24x7xNBD", submitted: wall(2026, 10, 23, 10, 0), confirmed: wall(2026, 10, 23, 10, 0), delivd: wall(2026, 10, 24, 12, 0)},
			ret, "Sun 2026-11-01 00:00:00 CET",
			wall(2026, 10, 24, 12, 0), sla.Met, 181 * time.Hour, 181 * time.Hour},
		{"return: an hour into the 8th day is an hour late, in real time",
			request{id: "ahb-24x7xNBD", submitted: wall(2026, 10, 23, 10, 0), confirmed: wall(2026, 10, 23, 10, 0), delivd: wall(2026, 10, 24, 12, 0)},
			ret, "Sun 2026-11-01 00:00:00 CET",
			wall(2026, 11, 1, 1, 0), sla.Breached, time.Hour, time.Hour},
		{"on-site: sos-8x5x8 due Tue 13:00, on site Wed 09:30: 20h30m late, 4h30m of window time",
			same("sos-8x5x8", wall(2026, 11, 16, 13, 0)), onSite, "Tue 2026-11-17 13:00:00 CET",
			wall(2026, 11, 18, 9, 30), sla.Breached, 20*time.Hour + 30*time.Minute, 4*time.Hour + 30*time.Minute},
		{"on-site: sos-24x7x4 on a Saturday night, an hour late",
			same("sos-24x7x4", wall(2026, 11, 14, 22, 0)), onSite, "Sun 2026-11-15 02:00:00 CET",
			wall(2026, 11, 15, 3, 0), sla.Breached, time.Hour, time.Hour},
		{"an actual in another offset is the same instant: 09:00Z is Wed 10:00 CET",
			timeline("cocare-standard"), delivery, "Tue 2026-11-17 18:00:00 CET",
			utc(2026, 11, 18, 9, 0), sla.Breached, 16 * time.Hour, time.Hour},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := deadlineOf(t, c.req, c.kind, c.due)
			o, err := sla.Default().Check(d, c.actual)
			require.NoError(t, err)
			assert.Equal(t, c.status, o.Status)
			assert.Equal(t, c.by, o.By, "by, in elapsed time")
			assert.Equal(t, c.byWd, o.ByWindow, "by, in window time")
			assertInstant(t, inWarsaw(c.actual), o.Actual)
			assert.Equal(t, d.Kind, o.Deadline.Kind)
			assert.True(t, d.Due.Equal(o.Deadline.Due))
			assert.Equal(t, sla.Progress{}, o.Progress, "no progress once the event has happened")
		})
	}
}

func TestCheckErrors(t *testing.T) {
	d := deadlineOf(t, timeline("cocare-standard"), delivery, "Tue 2026-11-17 18:00:00 CET")
	cases := []struct {
		name    string
		d       sla.Deadline
		actual  time.Time
		field   string
		outside bool // also wraps calendar.ErrOutOfRange
	}{
		{"no actual time: an event that has not happened is for Progress", d, time.Time{}, "delivery actual time", false},
		{"an event a nanosecond before its clock started", d, wall(2026, 11, 13, 15, 20).Add(-time.Nanosecond), "delivery actual time", false},
		{"an event after the calendar's range", d, wall(2201, 1, 2, 10, 0), "delivery actual time", true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			o, err := sla.Default().Check(c.d, c.actual)
			require.Error(t, err)
			assert.True(t, errors.Is(err, sla.ErrInvalidRequest), "wraps ErrInvalidRequest: %v", err)
			assert.Equal(t, c.outside, errors.Is(err, calendar.ErrOutOfRange), "out of range: %v", err)
			var ve *sla.ValueError
			require.True(t, errors.As(err, &ve))
			assert.Equal(t, c.field, ve.Field)
			assert.Equal(t, sla.Outcome{}, o)
		})
	}
	t.Run("the zero Deadline has no kind", func(t *testing.T) {
		_, err := sla.Default().Check(sla.Deadline{}, wall(2026, 11, 16, 10, 0))
		require.Error(t, err)
		assert.True(t, errors.Is(err, sla.ErrInvalidRequest), "wraps an sla sentinel: %v", err)
		var ve *sla.ValueError
		require.True(t, errors.As(err, &ve))
		assert.Equal(t, "deadline kind", ve.Field)
	})
}

// progressCase is the state of a deadline's clock at now, worked out by hand.
type progressCase struct {
	name              string
	now               time.Time
	used, left, leftE time.Duration
	share             float64
}

func runProgressCases(t *testing.T, d sla.Deadline, target time.Duration, cases []progressCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p, err := sla.Default().Progress(d, c.now)
			require.NoError(t, err)
			assert.Equal(t, target, p.Target, "target: window time from start to due")
			assert.Equal(t, c.used, p.Used, "used")
			assert.Equal(t, c.left, p.Left, "left, in window time")
			assert.Equal(t, c.leftE, p.LeftElapsed, "left, in elapsed time")
			assert.InDelta(t, c.share, p.Share, 1e-12, "share of the target used")
		})
	}
}

// A 24x7x4 target is 4 real hours: the warning thresholds of a service (0.5,
// 0.75, 0.9) fall at 2h, 3h and 3h36m after the confirmation.
func TestProgress24x7x4(t *testing.T) {
	p1 := func(at time.Time) request {
		return request{id: "cocare-premier", prio: sla.P1, submitted: at, confirmed: at}
	}
	t.Run("Mon 16 Nov 2026 10:00 to 14:00", func(t *testing.T) {
		d := deadlineOf(t, p1(wall(2026, 11, 16, 10, 0)), delivery, "Mon 2026-11-16 14:00:00 CET")
		runProgressCases(t, d, 4*time.Hour, []progressCase{
			{"before the start nothing is used; left counts from now", wall(2026, 11, 16, 9, 0), 0, 5 * time.Hour, 5 * time.Hour, 0},
			{"at the start: nothing used", wall(2026, 11, 16, 10, 0), 0, 4 * time.Hour, 4 * time.Hour, 0},
			{"half the target after 2h", wall(2026, 11, 16, 12, 0), 2 * time.Hour, 2 * time.Hour, 2 * time.Hour, 0.5},
			{"three quarters after 3h", wall(2026, 11, 16, 13, 0), 3 * time.Hour, time.Hour, time.Hour, 0.75},
			{"nine tenths after 3h36m", wall(2026, 11, 16, 13, 36), 3*time.Hour + 36*time.Minute, 24 * time.Minute, 24 * time.Minute, 0.9},
			{"at the deadline: all used, nothing left", wall(2026, 11, 16, 14, 0), 4 * time.Hour, 0, 0, 1},
			{"an hour after: left is negative, share above 1", wall(2026, 11, 16, 15, 0), 5 * time.Hour, -time.Hour, -time.Hour, 1.25},
		})
	})
	t.Run("over the spring clock change: 01:30 CET to 06:30 CEST", func(t *testing.T) {
		d := deadlineOf(t, p1(wall(2026, 3, 29, 1, 30)), delivery, "Sun 2026-03-29 06:30:00 CEST")
		runProgressCases(t, d, 4*time.Hour, []progressCase{
			{"04:30 CEST is 2 real hours in (3h on the wall): half", wall(2026, 3, 29, 4, 30), 2 * time.Hour, 2 * time.Hour, 2 * time.Hour, 0.5},
			{"03:00 CEST is 30 real minutes in", wall(2026, 3, 29, 3, 0), 30 * time.Minute, 3*time.Hour + 30*time.Minute, 3*time.Hour + 30*time.Minute, 0.125},
		})
	})
}

// The target of a business-day deadline is the window time from its clock's
// start (the confirmation, even when it is after the cutoff) to the close on
// the due day: confirmed Fri 13 Nov 2026 15:20, due Tue 17 Nov 18:00, the target
// is 2h40m + 9h + 9h = 20h40m (1240 minutes). Half is 620 minutes: Friday's 160
// and 460 (7h40m) of Monday, Mon 16:40; three quarters 930: Friday and Monday's
// 700 and 230 (3h50m) of Tuesday, Tue 12:50; nine tenths 1116: Tue 15:56.
func TestProgress9x5xNBD(t *testing.T) {
	d := deadlineOf(t, timeline("cocare-standard"), delivery, "Tue 2026-11-17 18:00:00 CET")
	target := 20*time.Hour + 40*time.Minute
	runProgressCases(t, d, target, []progressCase{
		{"before the confirmation nothing is used; left is all window time until the deadline (4h + 9h + 9h)",
			wall(2026, 11, 13, 14, 0), 0, 22 * time.Hour, 100 * time.Hour, 0},
		{"at the confirmation: the whole target is left", wall(2026, 11, 13, 15, 20), 0, target, 98*time.Hour + 40*time.Minute, 0},
		{"at Friday's close: 2h40m used", wall(2026, 11, 13, 18, 0), 2*time.Hour + 40*time.Minute, 18 * time.Hour, 96 * time.Hour, 160.0 / 1240},
		{"the weekend uses no window time", wall(2026, 11, 14, 12, 0), 2*time.Hour + 40*time.Minute, 18 * time.Hour, 78 * time.Hour, 160.0 / 1240},
		{"half at Mon 16:40", wall(2026, 11, 16, 16, 40), 10*time.Hour + 20*time.Minute, 10*time.Hour + 20*time.Minute, 25*time.Hour + 20*time.Minute, 0.5},
		{"three quarters at Tue 12:50", wall(2026, 11, 17, 12, 50), 15*time.Hour + 30*time.Minute, 5*time.Hour + 10*time.Minute, 5*time.Hour + 10*time.Minute, 0.75},
		{"a minute before nine tenths", wall(2026, 11, 17, 15, 55), 18*time.Hour + 35*time.Minute, 2*time.Hour + 5*time.Minute, 2*time.Hour + 5*time.Minute, 1115.0 / 1240},
		{"nine tenths at Tue 15:56", wall(2026, 11, 17, 15, 56), 18*time.Hour + 36*time.Minute, 2*time.Hour + 4*time.Minute, 2*time.Hour + 4*time.Minute, 0.9},
		{"at the deadline", wall(2026, 11, 17, 18, 0), target, 0, 0, 1},
		{"after the close window time stands still: left stays 0 while elapsed goes negative",
			wall(2026, 11, 17, 18, 30), target, 0, -30 * time.Minute, 1},
		{"Wed 10:00: an hour of window time past, 16 elapsed", wall(2026, 11, 18, 10, 0), target + time.Hour, -time.Hour, -16 * time.Hour, 1300.0 / 1240},
	})
	t.Run("thresholds", func(t *testing.T) {
		for _, c := range []struct {
			threshold  float64
			before, at time.Time
		}{
			{0.5, wall(2026, 11, 16, 16, 39), wall(2026, 11, 16, 16, 40)},
			{0.75, wall(2026, 11, 17, 12, 49), wall(2026, 11, 17, 12, 50)},
			{0.9, wall(2026, 11, 17, 15, 55), wall(2026, 11, 17, 15, 56)},
		} {
			p, err := sla.Default().Progress(d, c.before)
			require.NoError(t, err)
			assert.Less(t, p.Share, c.threshold, "a minute before %v", c.threshold)
			p, err = sla.Default().Progress(d, c.at)
			require.NoError(t, err)
			assert.GreaterOrEqual(t, p.Share, c.threshold-1e-12, "at %v", c.threshold)
		}
	})
}

func TestProgressOtherKinds(t *testing.T) {
	t.Run("an 8x5 response from Friday 16:30: 1h of window time, 65h elapsed", func(t *testing.T) {
		d := deadlineOf(t, request{id: "ahb-8x5xNBD", submitted: wall(2026, 11, 13, 16, 30)}, resp, "Mon 2026-11-16 09:30:00 CET")
		runProgressCases(t, d, time.Hour, []progressCase{
			{"half at Friday's close", wall(2026, 11, 13, 17, 0), 30 * time.Minute, 30 * time.Minute, 64*time.Hour + 30*time.Minute, 0.5},
			{"still half on Sunday", wall(2026, 11, 15, 20, 0), 30 * time.Minute, 30 * time.Minute, 13*time.Hour + 30*time.Minute, 0.5},
			{"three quarters at Mon 09:15", wall(2026, 11, 16, 9, 15), 45 * time.Minute, 15 * time.Minute, 15 * time.Minute, 0.75},
		})
	})
	t.Run("the return period: 7 days 12h20m of real time", func(t *testing.T) {
		d := deadlineOf(t, timeline("cocare-standard"), ret, "Wed 2026-11-25 00:00:00 CET")
		target := 180*time.Hour + 20*time.Minute
		runProgressCases(t, d, target, []progressCase{
			{"Wed 18 Nov 10:00: 22h20m used", wall(2026, 11, 18, 10, 0), 22*time.Hour + 20*time.Minute, 158 * time.Hour, 158 * time.Hour, 1340.0 / 10820},
			{"an hour into the 8th day", wall(2026, 11, 25, 1, 0), target + time.Hour, -time.Hour, -time.Hour, 10880.0 / 10820},
		})
	})
	t.Run("the return period over the autumn clock change is 181 real hours", func(t *testing.T) {
		d := deadlineOf(t, request{id: "ahb-24x7xNBD", submitted: wall(2026, 10, 23, 10, 0), confirmed: wall(2026, 10, 23, 10, 0), delivd: wall(2026, 10, 24, 12, 0)},
			ret, "Sun 2026-11-01 00:00:00 CET")
		runProgressCases(t, d, 181*time.Hour, []progressCase{
			{"Sun 25 Oct 12:00 CET is 25 real hours in", wall(2026, 10, 25, 12, 0), 25 * time.Hour, 156 * time.Hour, 156 * time.Hour, 25.0 / 181},
		})
	})
}

func TestProgressErrors(t *testing.T) {
	d := deadlineOf(t, timeline("cocare-standard"), delivery, "Tue 2026-11-17 18:00:00 CET")
	noStart := d
	noStart.Start = time.Time{}
	cases := []struct {
		name    string
		d       sla.Deadline
		now     time.Time
		field   string
		outside bool
	}{
		{"the zero now is outside the calendar", d, time.Time{}, "now", true},
		{"a now after 2200", d, wall(2201, 1, 2, 10, 0), "now", true},
		{"a now before 1990", d, wall(1989, 12, 31, 10, 0), "now", true},
		{"a deadline without a start", noStart, wall(2026, 11, 16, 10, 0), "delivery start", true},
		{"the zero Deadline has no kind", sla.Deadline{}, wall(2026, 11, 16, 10, 0), "deadline kind", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p, err := sla.Default().Progress(c.d, c.now)
			require.Error(t, err)
			assert.True(t, errors.Is(err, sla.ErrInvalidRequest), "wraps ErrInvalidRequest: %v", err)
			assert.Equal(t, c.outside, errors.Is(err, calendar.ErrOutOfRange), "out of range: %v", err)
			var ve *sla.ValueError
			require.True(t, errors.As(err, &ve))
			assert.Equal(t, c.field, ve.Field)
			assert.Equal(t, sla.Progress{}, p)
		})
	}
}

// outcome is an expected Outcome: the status, and By and ByWindow.
type outcome struct {
	kind     sla.Kind
	status   sla.Status
	by, byWd time.Duration
}

func outcomesOf(os []sla.Outcome) []outcome {
	var got []outcome
	for _, o := range os {
		got = append(got, outcome{o.Deadline.Kind, o.Status, o.By, o.ByWindow})
	}
	return got
}

// Evaluate checks each deadline against its event, and those whose event has
// not happened against now: open before the deadline (and at it), breached
// after it.
func TestEvaluate(t *testing.T) {
	ds, err := sla.Default().Deadlines(timeline("cocare-standard-onsite").build(t))
	require.NoError(t, err)
	require.Equal(t, 4, ds.Len(), "response, delivery, on-site and return")
	act := sla.Actuals{
		Responded: wall(2026, 11, 13, 14, 50), // 15 minutes before 15:05
		Delivered: wall(2026, 11, 17, 11, 40), // 6h20m before Tue 18:00
	}
	returnTarget := 180*time.Hour + 20*time.Minute // Tue 17 Nov 11:40 to Wed 25 Nov 00:00
	cases := []struct {
		name     string
		now      time.Time
		want     []outcome
		onSite   sla.Progress // the progress of the on-site deadline
		returned sla.Progress // of the return deadline
	}{
		{"Tue 12:00: the engineer is not there yet, 6h of window time left",
			wall(2026, 11, 17, 12, 0),
			[]outcome{{resp, sla.Met, 15 * time.Minute, 15 * time.Minute}, {delivery, sla.Met, 6*time.Hour + 20*time.Minute, 6*time.Hour + 20*time.Minute},
				{onSite, sla.Open, 0, 0}, {ret, sla.Open, 0, 0}},
			sla.Progress{Target: 20*time.Hour + 40*time.Minute, Used: 14*time.Hour + 40*time.Minute, Left: 6 * time.Hour, LeftElapsed: 6 * time.Hour},
			sla.Progress{Target: returnTarget, Used: 20 * time.Minute, Left: 180 * time.Hour, LeftElapsed: 180 * time.Hour}},
		{"exactly at the on-site deadline it is still open",
			wall(2026, 11, 17, 18, 0),
			[]outcome{{resp, sla.Met, 15 * time.Minute, 15 * time.Minute}, {delivery, sla.Met, 6*time.Hour + 20*time.Minute, 6*time.Hour + 20*time.Minute},
				{onSite, sla.Open, 0, 0}, {ret, sla.Open, 0, 0}},
			sla.Progress{Target: 20*time.Hour + 40*time.Minute, Used: 20*time.Hour + 40*time.Minute, Left: 0, LeftElapsed: 0},
			sla.Progress{Target: returnTarget, Used: 6*time.Hour + 20*time.Minute, Left: 174 * time.Hour, LeftElapsed: 174 * time.Hour}},
		{"a nanosecond later it is breached, by no window time: the window has closed",
			wall(2026, 11, 17, 18, 0).Add(time.Nanosecond),
			[]outcome{{resp, sla.Met, 15 * time.Minute, 15 * time.Minute}, {delivery, sla.Met, 6*time.Hour + 20*time.Minute, 6*time.Hour + 20*time.Minute},
				{onSite, sla.Breached, time.Nanosecond, 0}, {ret, sla.Open, 0, 0}},
			sla.Progress{Target: 20*time.Hour + 40*time.Minute, Used: 20*time.Hour + 40*time.Minute, Left: 0, LeftElapsed: -time.Nanosecond},
			sla.Progress{Target: returnTarget, Used: 6*time.Hour + 20*time.Minute + time.Nanosecond, Left: 174*time.Hour - time.Nanosecond, LeftElapsed: 174*time.Hour - time.Nanosecond}},
		{"Wed 10:00: the on-site deadline is 16h late, 1h of window time",
			wall(2026, 11, 18, 10, 0),
			[]outcome{{resp, sla.Met, 15 * time.Minute, 15 * time.Minute}, {delivery, sla.Met, 6*time.Hour + 20*time.Minute, 6*time.Hour + 20*time.Minute},
				{onSite, sla.Breached, 16 * time.Hour, time.Hour}, {ret, sla.Open, 0, 0}},
			sla.Progress{Target: 20*time.Hour + 40*time.Minute, Used: 21*time.Hour + 40*time.Minute, Left: -time.Hour, LeftElapsed: -16 * time.Hour},
			sla.Progress{Target: returnTarget, Used: 22*time.Hour + 20*time.Minute, Left: 158 * time.Hour, LeftElapsed: 158 * time.Hour}},
		{"the return is breached an hour into the 8th day",
			wall(2026, 11, 25, 1, 0),
			[]outcome{{resp, sla.Met, 15 * time.Minute, 15 * time.Minute}, {delivery, sla.Met, 6*time.Hour + 20*time.Minute, 6*time.Hour + 20*time.Minute},
				// Tue 17 Nov 18:00 to Wed 25 Nov 01:00 is 7 days 7h = 175h; the 9x5
				// window was open Wed to Fri (3 x 9h) and Mon, Tue (2 x 9h): 45h.
				{onSite, sla.Breached, 175 * time.Hour, 45 * time.Hour}, {ret, sla.Breached, time.Hour, time.Hour}},
			sla.Progress{Target: 20*time.Hour + 40*time.Minute, Used: 65*time.Hour + 40*time.Minute, Left: -45 * time.Hour, LeftElapsed: -175 * time.Hour},
			sla.Progress{Target: returnTarget, Used: returnTarget + time.Hour, Left: -time.Hour, LeftElapsed: -time.Hour}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := sla.Default().Evaluate(&ds, act, c.now)
			require.NoError(t, err)
			require.Len(t, got, 4)
			assert.Equal(t, c.want, outcomesOf(got))

			assertInstant(t, "Fri 2026-11-13 14:50:00 CET", got[0].Actual)
			assertInstant(t, "Tue 2026-11-17 11:40:00 CET", got[1].Actual)
			assert.True(t, got[2].Actual.IsZero(), "no actual time while the event has not happened")
			assert.True(t, got[3].Actual.IsZero())
			assert.Equal(t, sla.Progress{}, got[0].Progress, "no progress once the event has happened")
			assert.Equal(t, sla.Progress{}, got[1].Progress)

			for i, want := range []sla.Progress{c.onSite, c.returned} {
				p := got[2+i].Progress
				assert.Equal(t, want.Target, p.Target, "%s target", got[2+i].Deadline.Kind)
				assert.Equal(t, want.Used, p.Used, "%s used", got[2+i].Deadline.Kind)
				assert.Equal(t, want.Left, p.Left, "%s left", got[2+i].Deadline.Kind)
				assert.Equal(t, want.LeftElapsed, p.LeftElapsed, "%s left elapsed", got[2+i].Deadline.Kind)
				assert.InDelta(t, float64(want.Used)/float64(want.Target), p.Share, 1e-12, "%s share", got[2+i].Deadline.Kind)
				direct, err := sla.Default().Progress(got[2+i].Deadline, c.now)
				require.NoError(t, err)
				assert.Equal(t, direct, p, "Evaluate's progress is Progress at now")
			}
			for i, d := range ds.All() {
				assert.Equal(t, d.Kind, got[i].Deadline.Kind, "in the order of the deadlines")
				assert.True(t, d.Due.Equal(got[i].Deadline.Due))
			}
		})
	}
}

func TestEvaluateEveryEvent(t *testing.T) {
	// A ship-by service and an on-site service, each with every event on time.
	cases := []struct {
		name string
		req  request
		act  sla.Actuals
		want []outcome
	}{
		{"ship-by: shipped Mon 10:00, 32h and 17h of window time early (Mon 10-18, Tue 9-18)",
			timeline("cocare-basic"),
			sla.Actuals{Responded: wall(2026, 11, 13, 15, 5), Shipped: wall(2026, 11, 16, 10, 0), Returned: wall(2026, 11, 24, 23, 0)},
			[]outcome{{resp, sla.Met, 0, 0}, {shipBy, sla.Met, 32 * time.Hour, 17 * time.Hour}, {ret, sla.Met, time.Hour, time.Hour}}},
		{"on-site: the engineer comes with the part",
			timeline("cocare-standard-onsite"),
			sla.Actuals{Responded: wall(2026, 11, 13, 15, 6), Delivered: wall(2026, 11, 17, 11, 40), OnSite: wall(2026, 11, 17, 11, 40), Returned: wall(2026, 11, 25, 0, 0)},
			[]outcome{{resp, sla.Breached, time.Minute, time.Minute}, {delivery, sla.Met, 6*time.Hour + 20*time.Minute, 6*time.Hour + 20*time.Minute},
				{onSite, sla.Met, 6*time.Hour + 20*time.Minute, 6*time.Hour + 20*time.Minute}, {ret, sla.Met, 0, 0}}},
		{"without a confirmation only the response is evaluated; a later event does not matter",
			request{id: "cocare-standard", submitted: wall(2026, 11, 13, 14, 5)},
			sla.Actuals{Responded: wall(2026, 11, 13, 16, 5), Delivered: wall(2026, 11, 17, 11, 40)},
			[]outcome{{resp, sla.Breached, time.Hour, time.Hour}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ds, err := sla.Default().Deadlines(c.req.build(t))
			require.NoError(t, err)
			got, err := sla.Default().Evaluate(&ds, c.act, wall(2026, 12, 1, 12, 0))
			require.NoError(t, err)
			assert.Equal(t, c.want, outcomesOf(got))
		})
	}
}

// Before the clock starts an open deadline has used nothing.
func TestEvaluateBeforeTheStart(t *testing.T) {
	ds, err := sla.Default().Deadlines(timeline("cocare-standard").build(t))
	require.NoError(t, err)
	got, err := sla.Default().Evaluate(&ds, sla.Actuals{}, wall(2026, 11, 13, 14, 0))
	require.NoError(t, err)
	assert.Equal(t, []outcome{{resp, sla.Open, 0, 0}, {delivery, sla.Open, 0, 0}, {ret, sla.Open, 0, 0}}, outcomesOf(got))
	for _, o := range got {
		assert.Zero(t, o.Progress.Used, "%s: nothing used before the start", o.Deadline.Kind)
		assert.Zero(t, o.Progress.Share, "%s", o.Deadline.Kind)
	}
	// 14:00 to the response due at 15:05 is 1h05m of the 9x5 window.
	assert.Equal(t, time.Hour+5*time.Minute, got[0].Progress.Left)
	assert.Equal(t, time.Hour, got[0].Progress.Target)
}

func TestEvaluateErrors(t *testing.T) {
	ds, err := sla.Default().Deadlines(timeline("cocare-standard").build(t))
	require.NoError(t, err)
	cases := []struct {
		name    string
		act     sla.Actuals
		now     time.Time
		field   string
		outside bool
	}{
		{"a response before the submission", sla.Actuals{Responded: wall(2026, 11, 13, 14, 0)}, wall(2026, 11, 20, 10, 0), "response actual time", false},
		{"a delivery before the confirmation", sla.Actuals{Delivered: wall(2026, 11, 13, 15, 0)}, wall(2026, 11, 20, 10, 0), "delivery actual time", false},
		{"a now outside the calendar", sla.Actuals{}, time.Time{}, "now", true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := sla.Default().Evaluate(&ds, c.act, c.now)
			require.Error(t, err)
			assert.Nil(t, got)
			assert.True(t, errors.Is(err, sla.ErrInvalidRequest), "%v", err)
			assert.Equal(t, c.outside, errors.Is(err, calendar.ErrOutOfRange), "%v", err)
			var ve *sla.ValueError
			require.True(t, errors.As(err, &ve))
			assert.Equal(t, c.field, ve.Field)
		})
	}
	t.Run("the zero Deadlines has nothing to evaluate", func(t *testing.T) {
		got, err := sla.Default().Evaluate(&sla.Deadlines{}, sla.Actuals{}, time.Time{})
		require.NoError(t, err)
		assert.Empty(t, got)
	})
}

// A deadline whose clock runs no window time (built by hand: Start at Due) is
// not yet used before it is due and wholly used from then on.
func TestProgressZeroTarget(t *testing.T) {
	d := deadlineOf(t, timeline("cocare-standard"), delivery, "Tue 2026-11-17 18:00:00 CET")
	d.Start = d.Due
	for _, c := range []struct {
		name  string
		now   time.Time
		share float64
	}{
		{"before the deadline nothing is used", wall(2026, 11, 17, 17, 0), 0},
		{"at the deadline all of it is", wall(2026, 11, 17, 18, 0), 1},
		{"after it, too", wall(2026, 11, 18, 10, 0), 1},
	} {
		p, err := sla.Default().Progress(d, c.now)
		require.NoError(t, err)
		assert.Zero(t, p.Target, c.name)
		assert.Equal(t, c.share, p.Share, c.name)
	}
}

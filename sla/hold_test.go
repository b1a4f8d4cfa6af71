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

// Mon 16 Nov 2026 is a business day, and so are Tue 17 and Wed 18 Nov.
func mon(h, m int) time.Time { return wall(2026, 11, 16, h, m) }
func tue(h, m int) time.Time { return wall(2026, 11, 17, h, m) }

func hold(from, to time.Time) sla.Hold { return sla.Hold{From: from, To: to} }

// Holds: worked out by hand from the rule "with f = max(from, start), if f is
// before the deadline d and before to, d becomes the instant at which the window
// time from f to d has run again from to".
func TestHolds(t *testing.T) {
	cases := []struct {
		name  string
		req   sla.Request
		kind  sla.Kind
		want  string
		holds int // how many holds the deadline reports as stopping it
	}{
		{"the 9x5xNBD example: 13 h left at Mon 14:00 run from Tue 11:00: 7 h Tuesday, 6 h Wednesday",
			sla.Request{Service: service(t, "cocare-standard"), Submitted: mon(9, 30), Confirmed: mon(10, 0),
				Holds: []sla.Hold{hold(mon(14, 0), tue(11, 0))}},
			delivery, "Wed 2026-11-18 15:00:00 CET", 1},
		{"the 24x7x4 example: due 14:00, on hold 11:00-12:30: due 15:30",
			sla.Request{Service: service(t, "cocare-premier"), Priority: sla.P1, Submitted: mon(9, 30), Confirmed: mon(10, 0),
				Holds: []sla.Hold{hold(mon(11, 0), mon(12, 30))}},
			delivery, "Mon 2026-11-16 15:30:00 CET", 1},
		{"a hold from 09:40 to 10:30 around a 10:00 confirmation stops 24x7x4 for 30 minutes",
			sla.Request{Service: service(t, "cocare-premier"), Priority: sla.P1, Submitted: mon(9, 30), Confirmed: mon(10, 0),
				Holds: []sla.Hold{hold(mon(9, 40), mon(10, 30))}},
			delivery, "Mon 2026-11-16 14:30:00 CET", 1},
		{"the same hold stops 9x5xNBD for 30 minutes of the window: 17 h from Mon 10:30 end Wed 09:30",
			sla.Request{Service: service(t, "cocare-standard"), Submitted: mon(9, 30), Confirmed: mon(10, 0),
				Holds: []sla.Hold{hold(mon(9, 40), mon(10, 30))}},
			delivery, "Wed 2026-11-18 09:30:00 CET", 1},
		{"the response clock never stops",
			sla.Request{Service: service(t, "cocare-standard"), Submitted: mon(10, 0),
				Holds: []sla.Hold{hold(mon(10, 10), mon(12, 0))}},
			resp, "Mon 2026-11-16 11:00:00 CET", 0},
		{"a hold that ended before the confirmation changes nothing",
			sla.Request{Service: service(t, "cocare-standard"), Submitted: mon(7, 0), Confirmed: mon(10, 0),
				Holds: []sla.Hold{hold(mon(8, 0), mon(9, 0))}},
			delivery, "Tue 2026-11-17 18:00:00 CET", 0},
		{"a hold ending exactly at the confirmation changes nothing",
			sla.Request{Service: service(t, "cocare-standard"), Submitted: mon(7, 0), Confirmed: mon(10, 0),
				Holds: []sla.Hold{hold(mon(8, 0), mon(10, 0))}},
			delivery, "Tue 2026-11-17 18:00:00 CET", 0},
		{"a hold after the deadline passed does not move it: breached stays breached",
			sla.Request{Service: service(t, "cocare-premier"), Priority: sla.P1, Submitted: mon(9, 30), Confirmed: mon(10, 0),
				Holds: []sla.Hold{hold(mon(15, 0), mon(16, 0))}},
			delivery, "Mon 2026-11-16 14:00:00 CET", 0},
		{"a hold beginning exactly at the deadline does not move it",
			sla.Request{Service: service(t, "cocare-premier"), Priority: sla.P1, Submitted: mon(9, 30), Confirmed: mon(10, 0),
				Holds: []sla.Hold{hold(mon(14, 0), mon(16, 0))}},
			delivery, "Mon 2026-11-16 14:00:00 CET", 0},
		{"a delivery before the hold: the delivery deadline stays as it was",
			sla.Request{Service: service(t, "cocare-standard"), Submitted: mon(9, 30), Confirmed: mon(10, 0), Delivered: mon(12, 0),
				Holds: []sla.Hold{hold(mon(14, 0), tue(11, 0))}},
			delivery, "Tue 2026-11-17 18:00:00 CET", 0},
		{"a delivery before the hold meets a ship-by that has no shipment: it stays too",
			sla.Request{Service: service(t, "cocare-basic"), Submitted: mon(9, 30), Confirmed: mon(10, 0), Delivered: mon(12, 0),
				Holds: []sla.Hold{hold(mon(14, 0), tue(11, 0))}},
			shipBy, "Tue 2026-11-17 18:00:00 CET", 0},
		{"a shipment before the hold: the ship-by stays",
			sla.Request{Service: service(t, "cocare-basic"), Submitted: mon(9, 30), Confirmed: mon(10, 0), Shipped: mon(13, 0),
				Holds: []sla.Hold{hold(mon(14, 0), tue(11, 0))}},
			shipBy, "Tue 2026-11-17 18:00:00 CET", 0},
		{"premium onsite P1 delivered before the hold: the delivery stays 14:00",
			sla.Request{Service: service(t, "cocare-premium-onsite"), Priority: sla.P1, Submitted: mon(9, 30), Confirmed: mon(10, 0), Delivered: mon(11, 0),
				Holds: []sla.Hold{hold(mon(12, 0), mon(13, 0))}},
			delivery, "Mon 2026-11-16 14:00:00 CET", 0},
		{"premium onsite P1 delivered before the hold: the engineer's on-site moves an hour",
			sla.Request{Service: service(t, "cocare-premium-onsite"), Priority: sla.P1, Submitted: mon(9, 30), Confirmed: mon(10, 0), Delivered: mon(11, 0),
				Holds: []sla.Hold{hold(mon(12, 0), mon(13, 0))}},
			onSite, "Mon 2026-11-16 15:00:00 CET", 1},
		{"two holds apply in time order: 14:00 + 30 min, then 2h30 left at 12:00 from 13:00",
			sla.Request{Service: service(t, "cocare-premier"), Priority: sla.P1, Submitted: mon(9, 30), Confirmed: mon(10, 0),
				Holds: []sla.Hold{hold(mon(11, 0), mon(11, 30)), hold(mon(12, 0), mon(13, 0))}},
			delivery, "Mon 2026-11-16 15:30:00 CET", 2},
		{"a zero-length hold changes nothing",
			sla.Request{Service: service(t, "cocare-premier"), Priority: sla.P1, Submitted: mon(9, 30), Confirmed: mon(10, 0),
				Holds: []sla.Hold{hold(mon(11, 0), mon(11, 0))}},
			delivery, "Mon 2026-11-16 14:00:00 CET", 0},
		{"a hold over a closed night spends no window time: 9x5 due Tue 18:00, hold Mon 18:00 to Tue 09:00",
			sla.Request{Service: service(t, "cocare-standard"), Submitted: mon(9, 30), Confirmed: mon(10, 0),
				Holds: []sla.Hold{hold(mon(18, 0), tue(9, 0))}},
			delivery, "Tue 2026-11-17 18:00:00 CET", 1},
		{"the return clock never stops",
			sla.Request{Service: service(t, "cocare-standard"), Submitted: mon(9, 30), Confirmed: mon(10, 0), Delivered: mon(12, 0),
				Holds: []sla.Hold{hold(mon(14, 0), tue(11, 0))}},
			ret, "Tue 2026-11-24 00:00:00 CET", 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ds, err := sla.Default().Deadlines(c.req)
			require.NoError(t, err)
			d, ok := ds.Get(c.kind)
			require.True(t, ok)
			assert.False(t, d.Paused)
			assertInstant(t, c.want, d.Due)
			assert.Len(t, d.Holds, c.holds, "holds that stopped the clock")
			ex, err := sla.Default().Explain(c.req)
			require.NoError(t, err)
			e, _ := ex.Get(c.kind)
			assert.True(t, e.Due.Equal(d.Due), "Explain gives the deadline Deadlines gives")
			assert.Equal(t, sla.RuleDue, e.Steps[len(e.Steps)-1].Rule)
			if c.holds > 0 {
				assert.Contains(t, e.Explanation(), "on hold from ")
			}
		})
	}
}

// A hold that has not ended leaves the deadlines it stops paused: no due
// instant, the window time left known and frozen.
func TestRunningHold(t *testing.T) {
	req := sla.Request{Service: service(t, "cocare-standard-onsite"), Submitted: mon(9, 30), Confirmed: mon(10, 0),
		Holds: []sla.Hold{{From: mon(14, 0)}}}
	c := sla.Default()
	ds, err := c.Deadlines(req)
	require.NoError(t, err)
	for _, k := range []sla.Kind{delivery, onSite} {
		d, ok := ds.Get(k)
		require.True(t, ok)
		assert.True(t, d.Paused, "%s is paused", k)
		assert.True(t, d.Due.IsZero(), "%s has no due instant", k)
		assertInstant(t, "Mon 2026-11-16 14:00:00 CET", d.PausedSince)
		assert.Equal(t, 13*time.Hour, d.Left, "4 h Monday 14:00-18:00 and 9 h Tuesday were left")
		for _, now := range []time.Time{mon(14, 0), tue(12, 0), wall(2026, 11, 30, 12, 0)} {
			p, err := c.Progress(d, now)
			require.NoError(t, err)
			assert.Equal(t, 13*time.Hour, p.Left, "frozen at %s", inWarsaw(now))
			assert.Equal(t, 4*time.Hour, p.Used, "10:00-14:00 used")
			assert.Equal(t, 17*time.Hour, p.Target)
			assert.True(t, p.Paused)
		}
		_, err = c.Check(d, tue(10, 0))
		assert.ErrorIs(t, err, sla.ErrInvalidRequest, "a paused deadline has no due instant to check against")
	}
	resp, _ := ds.Get(sla.Response)
	assertInstant(t, "Mon 2026-11-16 10:30:00 CET", resp.Due)

	outs, err := c.Evaluate(&ds, sla.Actuals{Verified: mon(10, 0)}, tue(12, 0))
	require.NoError(t, err)
	var st []sla.Status
	for _, o := range outs {
		st = append(st, o.Status)
		assert.False(t, o.Escalate, "%s: 4 h of 17 h were used when the clock stopped, under 75 %%", o.Deadline.Kind)
	}
	assert.Equal(t, []sla.Status{sla.Met, sla.Paused, sla.Paused}, st)

	ex, err := c.Explain(req)
	require.NoError(t, err)
	d, _ := ex.Get(delivery)
	assert.Equal(t, "confirmed Mon 16 Nov 2026 10:00, before the 15:00 cutoff; next business day: Tue 17 Nov; "+
		"due at the close of the 9x5 window: Tue 17 Nov 2026 18:00; "+
		"on hold since Mon 16 Nov 2026 14:00, not ended: the clock stopped at Mon 16 Nov 2026 14:00 with 13 hours of the 9x5 window left; "+
		"paused since Mon 16 Nov 2026 14:00 with 13 hours of the 9x5 window left: no due instant until the hold ends", d.Explanation())
}

// Priority changes, cocare-premier confirmed Mon 16 Nov 2026 10:00: P1/P2 is
// 24x7x4 (due 14:00), P3/P4 is 9x5xNBD (due Tue 18:00).
func TestPriorityChanges(t *testing.T) {
	premier := service(t, "cocare-premier")
	req := func(p sla.Priority, hs []sla.Hold, changes ...sla.PriorityChange) sla.Request {
		return sla.Request{Service: premier, Priority: p, Submitted: mon(10, 0), Confirmed: mon(10, 0), Holds: hs, Changes: changes}
	}
	to := func(at time.Time, p sla.Priority) sla.PriorityChange { return sla.PriorityChange{At: at, Priority: p} }
	retro := calculator(t, func(s *sla.Settings) { s.RetroactivePriorityChanges = true })
	cases := []struct {
		name  string
		calc  *sla.Calculator
		req   sla.Request
		kind  sla.Kind
		want  string
		level string
	}{
		{"P3 raised to P1 at Mon 13:00: 4 h from then, Mon 17:00", sla.Default(), req(sla.P3, nil, to(mon(13, 0), sla.P1)), delivery, "Mon 2026-11-16 17:00:00 CET", "24x7x4"},
		{"P3 raised to P1 at Tue 16:00: 4 h from then is later, stays Tue 18:00", sla.Default(), req(sla.P3, nil, to(tue(16, 0), sla.P1)), delivery, "Tue 2026-11-17 18:00:00 CET", "24x7x4"},
		{"P1 lowered to P3 at Mon 12:00: 9x5xNBD from the start, Tue 18:00", sla.Default(), req(sla.P1, nil, to(mon(12, 0), sla.P3)), delivery, "Tue 2026-11-17 18:00:00 CET", "9x5xNBD"},
		{"P1 lowered to P3 at Mon 15:00, after the deadline: stays Mon 14:00", sla.Default(), req(sla.P1, nil, to(mon(15, 0), sla.P3)), delivery, "Mon 2026-11-16 14:00:00 CET", "24x7x4"},
		{"P1 lowered at 14:00 exactly, the deadline: moves nothing", sla.Default(), req(sla.P1, nil, to(mon(14, 0), sla.P3)), delivery, "Mon 2026-11-16 14:00:00 CET", "24x7x4"},
		{"a change at the start is in force at the start", sla.Default(), req(sla.P3, nil, to(mon(10, 0), sla.P1)), delivery, "Mon 2026-11-16 14:00:00 CET", "24x7x4"},
		{"P1 to P2 is the same level: nothing moves", sla.Default(), req(sla.P1, nil, to(mon(11, 0), sla.P2)), delivery, "Mon 2026-11-16 14:00:00 CET", "24x7x4"},
		{"lowered with a hold before the change applied again: 16h30 left at 10:30 run from 11:00, Wed 09:30", sla.Default(),
			req(sla.P1, []sla.Hold{hold(mon(10, 30), mon(11, 0))}, to(mon(12, 0), sla.P3)), delivery, "Wed 2026-11-18 09:30:00 CET", "9x5xNBD"},
		{"raised at 13:00, then a hold 14:00-15:00 is spent in 24x7: 3 h left from 15:00, Mon 18:00", sla.Default(),
			req(sla.P3, []sla.Hold{hold(mon(14, 0), mon(15, 0))}, to(mon(13, 0), sla.P1)), delivery, "Mon 2026-11-16 18:00:00 CET", "24x7x4"},
		{"a change at a hold's start applies before the hold", sla.Default(),
			req(sla.P3, []sla.Hold{hold(mon(13, 0), mon(14, 0))}, to(mon(13, 0), sla.P1)), delivery, "Mon 2026-11-16 18:00:00 CET", "24x7x4"},
		{"a change at a hold's end applies after it: raised at 14:00 after 13:00-14:00, 4 h from 14:00", sla.Default(),
			req(sla.P3, []sla.Hold{hold(mon(13, 0), mon(14, 0))}, to(mon(14, 0), sla.P1)), delivery, "Mon 2026-11-16 18:00:00 CET", "24x7x4"},
		{"several changes at one instant apply in the order given", sla.Default(),
			req(sla.P3, nil, to(mon(13, 0), sla.P1), to(mon(13, 0), sla.P3)), delivery, "Tue 2026-11-17 18:00:00 CET", "9x5xNBD"},
		{"the response clock changes level too: P3's 1 h of 9x5 ends 11:00; P1 from 10:30 would be 11:30: stays", sla.Default(),
			req(sla.P3, nil, to(mon(10, 30), sla.P1)), resp, "Mon 2026-11-16 11:00:00 CET", "24x7x4"},
		{"retroactive: raised at 13:00 counts from the start, due Mon 14:00", retro, req(sla.P3, nil, to(mon(13, 0), sla.P1)), delivery, "Mon 2026-11-16 14:00:00 CET", "24x7x4"},
		{"retroactive: lowered at 12:00 counts from the start, due Tue 18:00", retro, req(sla.P1, nil, to(mon(12, 0), sla.P3)), delivery, "Tue 2026-11-17 18:00:00 CET", "9x5xNBD"},
		{"retroactive: a change after the deadline still moves nothing", retro, req(sla.P1, nil, to(mon(15, 0), sla.P3)), delivery, "Mon 2026-11-16 14:00:00 CET", "24x7x4"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ds, err := c.calc.Deadlines(c.req)
			require.NoError(t, err)
			d, ok := ds.Get(c.kind)
			require.True(t, ok)
			assertInstant(t, c.want, d.Due)
			assert.Equal(t, c.level, d.Level.String(), "the level in force")
			ex, err := c.calc.Explain(c.req)
			require.NoError(t, err)
			e, _ := ex.Get(c.kind)
			assert.True(t, e.Due.Equal(d.Due))
			if c.req.Changes[0].At.After(d.Start) {
				assert.Contains(t, e.Explanation(), "priority ", "a change after the start is explained")
			}
		})
	}
}

// Every problem of a request's holds and changes is refused, naming the field.
func TestHoldAndChangeErrors(t *testing.T) {
	std := service(t, "cocare-standard")
	base := func() sla.Request {
		return sla.Request{Service: std, Priority: sla.P3, Submitted: mon(9, 0), Confirmed: mon(10, 0)}
	}
	cases := []struct {
		name   string
		edit   func(*sla.Request)
		fields []string
	}{
		{"a hold without a start", func(r *sla.Request) { r.Holds = []sla.Hold{{To: mon(11, 0)}} }, []string{"holds[0].from"}},
		{"a hold that ends before it begins", func(r *sla.Request) { r.Holds = []sla.Hold{hold(mon(12, 0), mon(11, 0))} }, []string{"holds[0].to"}},
		{"a hold before the submission", func(r *sla.Request) { r.Holds = []sla.Hold{hold(mon(8, 0), mon(11, 0))} }, []string{"holds[0].from"}},
		{"overlapping holds", func(r *sla.Request) { r.Holds = []sla.Hold{hold(mon(11, 0), mon(13, 0)), hold(mon(12, 0), mon(14, 0))} }, []string{"holds[1].from"}},
		{"holds out of time order", func(r *sla.Request) { r.Holds = []sla.Hold{hold(mon(13, 0), mon(14, 0)), hold(mon(11, 0), mon(12, 0))} }, []string{"holds[1].from"}},
		{"a hold after one that has not ended", func(r *sla.Request) { r.Holds = []sla.Hold{{From: mon(11, 0)}, hold(mon(13, 0), mon(14, 0))} }, []string{"holds[1].from"}},
		{"a delivery inside a hold", func(r *sla.Request) {
			r.Delivered = mon(12, 0)
			r.Holds = []sla.Hold{hold(mon(11, 0), mon(13, 0))}
		}, []string{"delivered"}},
		{"a delivery at a hold's first instant is inside it", func(r *sla.Request) {
			r.Delivered = mon(11, 0)
			r.Holds = []sla.Hold{hold(mon(11, 0), mon(13, 0))}
		}, []string{"delivered"}},
		{"a shipment inside a running hold", func(r *sla.Request) {
			r.Shipped = tue(12, 0)
			r.Holds = []sla.Hold{{From: mon(11, 0)}}
		}, []string{"shipped"}},
		{"a change before the submission", func(r *sla.Request) { r.Changes = []sla.PriorityChange{{At: mon(8, 0), Priority: sla.P1}} }, []string{"changes[0].at"}},
		{"changes out of order", func(r *sla.Request) {
			r.Changes = []sla.PriorityChange{{At: mon(12, 0), Priority: sla.P1}, {At: mon(11, 0), Priority: sla.P3}}
		}, []string{"changes[1].at"}},
		{"a change strictly inside a hold", func(r *sla.Request) {
			r.Holds = []sla.Hold{hold(mon(11, 0), mon(13, 0))}
			r.Changes = []sla.PriorityChange{{At: mon(12, 0), Priority: sla.P1}}
		}, []string{"changes[0].at"}},
		{"a change without a time", func(r *sla.Request) { r.Changes = []sla.PriorityChange{{Priority: sla.P1}} }, []string{"changes[0].at"}},
		{"a change to no priority", func(r *sla.Request) { r.Changes = []sla.PriorityChange{{At: mon(11, 0)}} }, []string{"changes[0].priority"}},
		{"several problems at once, each named", func(r *sla.Request) {
			r.Holds = []sla.Hold{hold(mon(12, 0), mon(11, 0))}
			r.Changes = []sla.PriorityChange{{At: mon(8, 0), Priority: 7}}
		}, []string{"holds[0].to", "changes[0].at", "changes[0].priority"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := base()
			c.edit(&r)
			_, err := sla.Default().Deadlines(r)
			require.Error(t, err)
			assert.True(t, errors.Is(err, sla.ErrInvalidRequest) || errors.Is(err, sla.ErrInvalidPriority), "%v", err)
			assert.Equal(t, c.fields, fields(err))
		})
	}
}

// The share of a target used leaves the time on hold out; the instant AlertAt
// gives is the first at which Progress reports the share reached, to the
// nanosecond.
func TestAlertAt(t *testing.T) {
	c := sla.Default()
	// 24x7x4 confirmed 10:00, on hold 11:00-12:30: due 15:30, a 4 h target.
	r := sla.Request{Service: service(t, "cocare-premier"), Priority: sla.P1, Submitted: mon(10, 0), Confirmed: mon(10, 0),
		Holds: []sla.Hold{hold(mon(11, 0), mon(12, 30))}}
	ds, err := c.Deadlines(r)
	require.NoError(t, err)
	d, _ := ds.Get(delivery)
	for _, a := range []struct {
		share sla.Share
		want  string
	}{
		{sla.Percent(25), "Mon 2026-11-16 11:00:00 CET"}, // 1 h: reached as the hold begins
		{sla.Percent(50), "Mon 2026-11-16 13:30:00 CET"}, // 1 h before the hold, 1 h after
		{sla.Percent(75), "Mon 2026-11-16 14:30:00 CET"}, // 3 h
		{sla.Percent(90), "Mon 2026-11-16 15:06:00 CET"}, // 3h36m
		{sla.Whole, "Mon 2026-11-16 15:30:00 CET"},       // the deadline
		{1, "Mon 2026-11-16 10:00:00.0144 CET"},          // 0.0001 % of 4 h is 14.4 ms
	} {
		at, ok, err := c.AlertAt(d, a.share)
		require.NoError(t, err)
		require.True(t, ok)
		assertInstant(t, a.want, at, "%s", a.share)
		p, err := c.Progress(d, at)
		require.NoError(t, err)
		assert.True(t, p.Reached(a.share), "%s reached at its alert instant", a.share)
		p, err = c.Progress(d, at.Add(-time.Nanosecond))
		require.NoError(t, err)
		assert.False(t, p.Reached(a.share), "%s not reached a nanosecond before", a.share)
	}
	// Escalation comes with the 75 % share, to the nanosecond.
	for _, x := range []struct {
		now  time.Time
		want bool
	}{{mon(14, 30).Add(-time.Nanosecond), false}, {mon(14, 30), true}} {
		outs, err := c.Evaluate(&ds, sla.Actuals{Verified: mon(10, 0)}, x.now)
		require.NoError(t, err)
		assert.Equal(t, x.want, outs[1].Escalate, "escalation at %s", inWarsaw(x.now))
		assert.False(t, outs[0].Escalate, "the response was met")
	}
	p, err := c.Progress(d, mon(12, 0))
	require.NoError(t, err)
	assert.Equal(t, time.Hour, p.Used, "nothing is used on hold")
	assert.Equal(t, 3*time.Hour, p.Left)

	// Paused: 9x5xNBD confirmed Mon 10:00, on hold from 14:00: 4 h used of 17 h.
	pr := sla.Request{Service: service(t, "cocare-standard"), Submitted: mon(10, 0), Confirmed: mon(10, 0), Holds: []sla.Hold{{From: mon(14, 0)}}}
	pds, err := c.Deadlines(pr)
	require.NoError(t, err)
	pd, _ := pds.Get(delivery)
	_, ok, err := c.AlertAt(pd, sla.Percent(75))
	require.NoError(t, err)
	assert.False(t, ok, "75 % of 17 h is not reached before the clock stopped")
	at, ok, err := c.AlertAt(pd, sla.Percent(20))
	require.NoError(t, err)
	require.True(t, ok, "20 %% of 17 h is 3h24m, reached at 13:24")
	assertInstant(t, "Mon 2026-11-16 13:24:00 CET", at)

	_, _, err = c.AlertAt(d, 0)
	assert.ErrorIs(t, err, sla.ErrInvalidSettings)
	_, _, err = c.AlertAt(d, sla.Whole+1)
	assert.ErrorIs(t, err, sla.ErrInvalidSettings)
}

// The range ends at 2200-12-31 24:00, and a deadline there is computed and
// evaluated; one past it is an error naming the instant.
func TestDeadlineAtTheEndOfTheRange(t *testing.T) {
	c := sla.Default()
	conf := wall(2200, 12, 30, 10, 0) // Tuesday; Wed 31 Dec 2200 is the last business day
	ds, err := c.Deadlines(sla.Request{Service: service(t, "ahb-24x7xNBD"), Submitted: conf, Confirmed: conf})
	require.NoError(t, err)
	d, _ := ds.Get(delivery)
	assertInstant(t, "Thu 2201-01-01 00:00:00 CET", d.Due)
	o, err := c.Check(d, d.Due)
	require.NoError(t, err)
	assert.Equal(t, sla.Met, o.Status)
	p, err := c.Progress(d, d.Due)
	require.NoError(t, err)
	assert.Zero(t, p.Left)
	_, err = c.Evaluate(&ds, sla.Actuals{}, d.Due)
	require.NoError(t, err)
	at, ok, err := c.AlertAt(d, sla.Whole)
	require.NoError(t, err)
	require.True(t, ok)
	assert.True(t, at.Equal(d.Due))

	late := wall(2200, 12, 31, 10, 0)
	_, err = c.Deadlines(sla.Request{Service: service(t, "ahb-24x7xNBD"), Submitted: late, Confirmed: late})
	require.Error(t, err, "the next business day after the last day is outside the range")
	var ve *sla.ValueError
	require.True(t, errors.As(err, &ve))
	assert.Equal(t, "confirmed", ve.Field)
}

// A paused deadline names the escalation channel once the share used when its
// clock stopped is at least 75 %: 9x5xNBD confirmed Mon 16 Nov 2026 10:00 is
// due Tue 18:00, a target of 8 h Monday and 9 h Tuesday, 17 h. A hold from Tue
// 15:00 stops it with 8 h + 6 h = 14 h used (82 %); one from Tue 11:00 with
// 8 h + 2 h = 10 h (59 %). 75 % of 17 h is 12 h 45 min: reached at Tue 13:45,
// so a hold from then escalates and one from a nanosecond before does not.
func TestPausedEscalation(t *testing.T) {
	c := sla.Default()
	for _, x := range []struct {
		from time.Time
		used time.Duration
		want bool
	}{
		{tue(15, 0), 14 * time.Hour, true},
		{tue(11, 0), 10 * time.Hour, false},
		{tue(13, 45), 12*time.Hour + 45*time.Minute, true},
		{tue(13, 45).Add(-time.Nanosecond), 12*time.Hour + 45*time.Minute - time.Nanosecond, false},
	} {
		r := sla.Request{Service: service(t, "cocare-standard"), Submitted: mon(9, 0), Confirmed: mon(10, 0),
			Holds: []sla.Hold{{From: x.from}}}
		ds, err := c.Deadlines(r)
		require.NoError(t, err)
		outs, err := c.Evaluate(&ds, sla.Actuals{Verified: mon(10, 0)}, tue(16, 0))
		require.NoError(t, err)
		require.Len(t, outs, 2)
		o := outs[1]
		assert.Equal(t, sla.Paused, o.Status, "hold from %s", inWarsaw(x.from))
		assert.Equal(t, x.used, o.Progress.Used, "hold from %s", inWarsaw(x.from))
		assert.Equal(t, 17*time.Hour, o.Progress.Target)
		assert.Equal(t, x.want, o.Escalate, "hold from %s", inWarsaw(x.from))
		assert.False(t, outs[0].Escalate, "the response was met")
	}
}

// Every instant of a request is checked against the calendar's range, also
// those the rules do not read: a shipment, a hold or a priority change after
// the deadline. The range's end, 2200-12-31 24:00, is in it.
func TestRequestInstantsOutOfRange(t *testing.T) {
	c := sla.Default()
	far := time.Date(2250, 1, 1, 10, 0, 0, 0, warsaw)
	end := time.Date(2201, 1, 1, 0, 0, 0, 0, warsaw)
	base := func(id string) sla.Request {
		return sla.Request{Service: service(t, id), Priority: sla.P3, Submitted: mon(9, 30), Confirmed: mon(10, 0)}
	}
	for _, x := range []struct {
		name, field string
		r           sla.Request
	}{
		{"hold from", "holds[0].from", func() sla.Request {
			r := base("cocare-standard")
			r.Holds = []sla.Hold{{From: far, To: far.Add(time.Hour)}}
			return r
		}()},
		{"hold to", "holds[0].to", func() sla.Request {
			r := base("cocare-standard")
			r.Holds = []sla.Hold{{From: tue(10, 0), To: far}}
			return r
		}()},
		{"change", "changes[0].at", func() sla.Request {
			r := base("cocare-premier")
			r.Changes = []sla.PriorityChange{{At: far, Priority: sla.P1}}
			return r
		}()},
		{"shipment", "shipped", func() sla.Request { r := base("cocare-basic"); r.Shipped = far; return r }()},
		{"arrival after the delivery", "onsite", func() sla.Request {
			r := base("cocare-standard-onsite")
			r.Delivered, r.OnSite = tue(10, 0), far
			return r
		}()},
	} {
		_, err := c.Deadlines(x.r)
		require.Error(t, err, x.name)
		assert.ErrorIs(t, err, calendar.ErrOutOfRange, x.name)
		assert.ErrorIs(t, err, sla.ErrInvalidRequest, x.name)
		var ve *sla.ValueError
		require.ErrorAs(t, err, &ve, x.name)
		assert.Equal(t, x.field, ve.Field, x.name)
		assert.Contains(t, err.Error(), "2250-01-01T10:00:00+01:00", x.name)
	}
	r := base("cocare-standard")
	r.Holds = []sla.Hold{{From: wall(2026, 11, 18, 10, 0), To: end}}
	ds, err := c.Deadlines(r)
	require.NoError(t, err, "a hold may end at the range's end")
	d, _ := ds.Get(sla.Delivery)
	assertInstant(t, "Tue 2026-11-17 18:00:00 CET", d.Due, "a hold after the deadline does not move it")
}

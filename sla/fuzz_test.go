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

// fuzzServices are the services FuzzDeadlines picks from: every CoCare package
// and add-ons at levels of every coverage and unit, ship-by ones included.
var fuzzServices = [...]string{
	"cocare-basic", "cocare-standard", "cocare-premier", "cocare-standard-onsite", "cocare-premium-onsite",
	"ahb-8x5xNBD", "ahb-9x5xNBD-S", "ahb-24x7xNBD", "ahb-8x5x8", "ahb-24x7x4", "ahb-9x5x10BD-S", "ahb-24x7x3BD",
	"ahb-8x5x2BD", "ahb-9x5x4", "ahb-24x7x24", "ahb-24x7xNBD-S",
	"sos-24x7x4", "sos-8x5xNBD", "sos-9x5x2BD", "sos-24x7xNBD", "sos-8x5x8",
}

var (
	fuzzFrom = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	fuzzTo   = time.Date(2150, 1, 1, 0, 0, 0, 0, time.UTC)
)

// within maps x onto [0, n).
func within(x, n int64) int64 {
	r := x % n
	if r < 0 {
		r += n
	}
	return r
}

// fuzzCalculators are the settings FuzzDeadlines runs under: the defaults, the
// cutoff in 24x7 and not for ship-by, retroactive priority changes, and custom
// windows open on holidays and on Saturdays, or shut on Fridays.
func fuzzCalculators(f *testing.F) []*sla.Calculator {
	mk := func(edit func(*sla.Settings)) *sla.Calculator {
		set := sla.DefaultSettings()
		edit(&set)
		c, err := sla.NewCalculator(calendar.Poland(), set)
		require.NoError(f, err)
		return c
	}
	return []*sla.Calculator{
		sla.Default(),
		mk(func(s *sla.Settings) { s.CutoffAppliesTo24x7, s.CutoffAppliesToShip = true, false }),
		mk(func(s *sla.Settings) { s.RetroactivePriorityChanges = true; s.Cutoff = calendar.Clock(12, 30, 0) }),
		mk(func(s *sla.Settings) {
			s.Window9x5 = calendar.MustParseWindow("Mon-Fri 07:00-12:00,13:00-19:00; Sat 09:00-13:00 +holidays")
			s.Window8x5 = calendar.MustParseWindow("Mon-Thu 08:00-16:00")
			s.CutoffAppliesTo24x7 = true
		}),
		mk(func(s *sla.Settings) {
			s.Window24x7 = calendar.MustParseWindow("Mon-Sun 06:00-24:00")
			s.Cutoff = calendar.EndOfDay
		}),
	}
}

// FuzzDeadlines checks the properties of the rules on random requests submitted
// between 2000 and 2150, under every setting of fuzzCalculators:
//
//   - errors only where documented: a confirmation before the submission
//     (ErrInvalidRequest), no priority for a service split by priority
//     (ErrPriorityRequired), a priority outside P1-P4 (ErrInvalidPriority);
//   - no deadline is before its start, and each Start is that instant;
//   - a later confirmation (same submission, no holds, no priority changes)
//     never gives an earlier deadline of any kind, to the nanosecond;
//   - a hold never makes a deadline earlier, and a longer hold never gives an
//     earlier one; the response and the return never move for a hold;
//   - Explain gives the deadlines Deadlines gives.
func FuzzDeadlines(f *testing.F) {
	seed := func(calc, svc, prio uint8, sub time.Time, conf, later, deliv, holdAt, holdLen, more time.Duration) {
		// conf is the confirmation's offset from the submission, from -24h.
		f.Add(calc, svc, prio, int64(sub.Sub(fuzzFrom)), int64(conf+24*time.Hour), int64(later), int64(deliv), int64(holdAt), int64(holdLen), int64(more))
	}
	seed(0, 1, 0, wall(2026, 11, 13, 14, 5), 75*time.Minute, 0, 4*24*time.Hour, time.Hour, time.Hour, time.Minute)
	seed(0, 2, 1, wall(2026, 3, 29, 1, 30), 0, time.Hour, time.Hour, 0, 30*time.Minute, time.Hour)
	seed(1, 2, 3, wall(2026, 10, 25, 1, 30), 0, 90*time.Minute, 0, 2*time.Hour, time.Hour, 0)
	seed(0, 7, 0, wall(2026, 11, 13, 16, 0), 0, 18*time.Hour, 0, 0, 0, 0)                       // 24x7xNBD: Fri after 15:00, then Sat 10:00
	seed(1, 7, 0, wall(2026, 11, 13, 16, 0), 0, 18*time.Hour, 0, 0, 0, 0)                       // the same with the cutoff in 24x7
	seed(0, 7, 0, wall(2026, 12, 23, 16, 0), 0, 18*time.Hour, 0, 24*time.Hour, 48*time.Hour, 0) // the day before Wigilia, then Wigilia
	seed(3, 1, 0, wall(2026, 11, 16, 14, 59), 59*time.Second, time.Second, 0, 0, 0, 0)          // across the cutoff
	seed(3, 10, 0, wall(2025, 12, 20, 10, 0), 5*time.Hour, 24*time.Hour, 30*24*time.Hour, 0, 0, 0)
	seed(4, 7, 0, wall(2026, 4, 4, 23, 0), 0, 2*time.Hour, 0, 0, 0, 0)
	seed(0, 3, 0, wall(2026, 11, 13, 14, 5), -time.Nanosecond, 0, 0, 0, 0, 0) // a confirmation before the submission
	seed(0, 4, 0, wall(2026, 11, 13, 14, 5), 0, 0, 0, 0, 0, 0)                // premium onsite without a priority
	seed(0, 2, 5, wall(2026, 11, 13, 14, 5), 0, 0, 0, 0, 0, 0)                // a priority outside P1-P4

	calcs := fuzzCalculators(f)
	f.Fuzz(func(t *testing.T, ci, svc, prio uint8, subOff, confOff, laterOff, delivOff, holdOff, holdLen, moreOff int64) {
		calc := calcs[int(ci)%len(calcs)]
		id := fuzzServices[int(svc)%len(fuzzServices)]
		s, err := sla.LookupService(id)
		require.NoError(t, err)
		p := sla.Priority(prio % 6)
		sub := fuzzFrom.Add(time.Duration(within(subOff, int64(fuzzTo.Sub(fuzzFrom)))))
		// The confirmation from a day before to 60 days after the submission.
		conf1 := sub.Add(time.Duration(within(confOff, int64(61*24*time.Hour))) - 24*time.Hour)
		conf2 := conf1.Add(time.Duration(within(laterOff, int64(30*24*time.Hour))))
		deliv := conf2.Add(time.Duration(within(delivOff, int64(30*24*time.Hour))))

		r1 := sla.Request{Service: s, Priority: p, Submitted: sub, Confirmed: conf1, Delivered: deliv}
		ds1, err := calc.Deadlines(r1)
		switch {
		case p > sla.P4:
			require.Error(t, err)
			assert.True(t, errors.Is(err, sla.ErrInvalidPriority), "%v", err)
			return
		case p == 0 && s.NeedsPriority():
			require.Error(t, err)
			assert.True(t, errors.Is(err, sla.ErrPriorityRequired), "%v", err)
			return
		case conf1.Before(sub):
			require.Error(t, err)
			assert.True(t, errors.Is(err, sla.ErrInvalidRequest), "%v", err)
			var ve *sla.ValueError
			require.True(t, errors.As(err, &ve))
			assert.Equal(t, "confirmed", ve.Field)
			return
		}
		require.NoError(t, err, "%s %s submitted %s confirmed %s delivered %s", id, p, inWarsaw(sub), inWarsaw(conf1), inWarsaw(deliv))
		r2 := r1
		r2.Confirmed = conf2
		ds2, err := calc.Deadlines(r2)
		require.NoError(t, err)

		for _, c := range []struct {
			r  sla.Request
			ds sla.Deadlines
		}{{r1, ds1}, {r2, ds2}} {
			assertNotBeforeStart(t, c.r, c.ds)
			ex, err := calc.Explain(c.r)
			require.NoError(t, err)
			require.Equal(t, c.ds.Len(), ex.Len())
			for i, d := range c.ds.All() {
				assert.True(t, d.Due.Equal(ex.All()[i].Due), "Explain agrees with Deadlines on %s", d.Kind)
			}
		}

		// Monotonic in the confirmation, to the nanosecond, without exception.
		require.Equal(t, ds1.Len(), ds2.Len())
		for i, d1 := range ds1.All() {
			d2 := ds2.All()[i]
			require.Equal(t, d1.Kind, d2.Kind)
			assert.False(t, d2.Due.Before(d1.Due), "%s %s: confirmed %s is due %s, confirmed later %s is due earlier, %s",
				id, d1.Kind, inWarsaw(conf1), inWarsaw(d1.Due), inWarsaw(conf2), inWarsaw(d2.Due))
		}

		// Holds: never earlier, and a longer hold never earlier than a shorter.
		// The hold begins from the submission to 10 days after the confirmation
		// and lasts up to 10 days; the longer one up to 3 days more.
		base := sla.Request{Service: s, Priority: p, Submitted: sub, Confirmed: conf1}
		from := sub.Add(time.Duration(within(holdOff, int64(conf1.Sub(sub)+10*24*time.Hour+1))))
		to1 := from.Add(time.Duration(within(holdLen, int64(10*24*time.Hour))))
		to2 := to1.Add(time.Duration(within(moreOff, int64(3*24*time.Hour))))
		plain, err := calc.Deadlines(base)
		require.NoError(t, err)
		prev := plain
		for _, to := range []time.Time{to1, to2} {
			h := base
			h.Holds = []sla.Hold{{From: from, To: to}}
			held, err := calc.Deadlines(h)
			require.NoError(t, err, "hold %s to %s", inWarsaw(from), inWarsaw(to))
			require.Equal(t, prev.Len(), held.Len())
			for i, d := range held.All() {
				was := prev.All()[i]
				assert.False(t, d.Due.Before(was.Due), "%s %s: a hold %s-%s makes it earlier: %s, was %s",
					id, d.Kind, inWarsaw(from), inWarsaw(to), inWarsaw(d.Due), inWarsaw(was.Due))
				if d.Kind == sla.Response {
					assert.True(t, d.Due.Equal(plain.All()[i].Due), "the response never moves for a hold")
				}
			}
			prev = held
		}
	})
}

// assertNotBeforeStart checks that every deadline of ds starts at the instant
// of r its clock starts at and is not due before it.
func assertNotBeforeStart(t *testing.T, r sla.Request, ds sla.Deadlines) {
	t.Helper()
	for _, d := range ds.All() {
		var start time.Time
		switch d.Kind {
		case sla.Response:
			start = r.Submitted
		case sla.ShipBy, sla.Delivery, sla.OnSite:
			start = r.Confirmed
		case sla.Return:
			start = r.Delivered
			assert.True(t, d.Due.After(r.Delivered), "the return is due after the delivery")
		default:
			t.Fatalf("a deadline of kind %s", d.Kind)
		}
		assert.True(t, start.Equal(d.Start), "%s starts at %s, not %s", d.Kind, inWarsaw(start), inWarsaw(d.Start))
		assert.False(t, d.Due.Before(start), "%s due %s before its start %s", d.Kind, inWarsaw(d.Due), inWarsaw(start))
		assert.Equal(t, "Europe/Warsaw", d.Due.Location().String())
	}
}

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

// FuzzDeadlines checks the properties of SPEC sections 5 and 6 on random
// requests submitted between 2000 and 2150:
//
//   - errors only where documented: a confirmation before the submission
//     (ErrInvalidRequest), no priority for a service split by priority
//     (ErrPriorityRequired), a priority outside P1-P4 (ErrInvalidPriority);
//   - no deadline is before its start: the response is at or after the
//     submission, the targets after the confirmation, the return after the
//     delivery, and each Start is that instant;
//   - a later confirmation (same submission) never gives an earlier deadline of
//     any kind, with the one exception SPEC section 6 makes itself (rule 3 and
//     its example 24x7xNBD: Sat 10:00 -> Mon 24:00, see
//     TestDeadlines24x7NonBusinessDayAfterCutoffDay): a 24x7 business-day target
//     confirmed after the cutoff on a business day is due one business day
//     later than one confirmed on the non-business days right after it. That
//     case is checked exactly: the later deadline is then the close of the k-th
//     business day after the earlier confirmation's date;
//   - Explain gives the deadlines Deadlines gives.
func FuzzDeadlines(f *testing.F) {
	seed := func(svc, prio uint8, sub time.Time, conf, later, deliv time.Duration) {
		// conf is the confirmation's offset from the submission, from -24h.
		f.Add(svc, prio, int64(sub.Sub(fuzzFrom)), int64(conf+24*time.Hour), int64(later), int64(deliv))
	}
	seed(1, 0, wall(2026, 11, 13, 14, 5), 75*time.Minute, 0, 4*24*time.Hour)
	seed(2, 1, wall(2026, 3, 29, 1, 30), 0, time.Hour, time.Hour)
	seed(2, 3, wall(2026, 10, 25, 1, 30), 0, 90*time.Minute, 0)
	seed(7, 0, wall(2026, 11, 13, 16, 0), 0, 18*time.Hour, 0)              // 24x7xNBD: Fri after the cutoff, then Sat 10:00
	seed(7, 0, wall(2026, 12, 23, 16, 0), 0, 18*time.Hour, 0)              // the day before Wigilia, then Wigilia
	seed(1, 0, wall(2026, 11, 16, 14, 59), 59*time.Second, time.Second, 0) // across the cutoff
	seed(10, 0, wall(2025, 12, 22, 10, 0), 5*time.Hour, 24*time.Hour, 30*24*time.Hour)
	seed(3, 0, wall(2026, 11, 13, 14, 5), -time.Nanosecond, 0, 0) // a confirmation before the submission
	seed(4, 0, wall(2026, 11, 13, 14, 5), 0, 0, 0)                // premium onsite without a priority
	seed(2, 5, wall(2026, 11, 13, 14, 5), 0, 0, 0)                // a priority outside P1-P4

	calc := sla.Default()
	cal := calc.Calendar()
	f.Fuzz(func(t *testing.T, svc, prio uint8, subOff, confOff, laterOff, delivOff int64) {
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

		require.Equal(t, ds1.Len(), ds2.Len())
		lvl := ds1.Level
		for i, d1 := range ds1.All() {
			d2 := ds2.All()[i]
			require.Equal(t, d1.Kind, d2.Kind)
			if !d2.Due.Before(d1.Due) {
				continue
			}
			// The one exception SPEC section 6 makes: see the comment above.
			msg := []any{"%s %s: confirmed %s is due %s, confirmed later %s is due earlier, %s",
				id, d1.Kind, inWarsaw(conf1), inWarsaw(d1.Due), inWarsaw(conf2), inWarsaw(d2.Due)}
			require.True(t, d1.Kind == sla.ShipBy || d1.Kind == sla.Delivery || d1.Kind == sla.OnSite, msg...)
			require.Equal(t, sla.Coverage24x7, lvl.Coverage(), msg...)
			require.Equal(t, sla.BusinessDays, lvl.Unit(), msg...)
			day1, day2 := cal.DateOf(conf1), cal.DateOf(conf2)
			biz1, err := cal.IsBusinessDay(day1)
			require.NoError(t, err)
			require.True(t, biz1, msg...)
			cut, err := cal.At(day1, calc.Settings().Cutoff)
			require.NoError(t, err)
			require.False(t, conf1.Before(cut), msg...)
			biz2, err := cal.IsBusinessDay(day2)
			require.NoError(t, err)
			require.False(t, biz2, msg...)
			between, err := cal.BusinessDaysBetween(day1, day2)
			require.NoError(t, err)
			require.Zero(t, between, msg...)
			dueDay, err := cal.AddBusinessDays(day1, lvl.N())
			require.NoError(t, err)
			end, err := cal.At(dueDay, calendar.EndOfDay)
			require.NoError(t, err)
			require.True(t, end.Equal(d2.Due), msg...)
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

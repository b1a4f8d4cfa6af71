package sla

import (
	"math/rand/v2"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/slaclock/slaclock/calendar"
)

// The shortcuts of the computation give what the full paths give, on many
// random requests.

// randomTime returns an instant of November 2026 in Warsaw on a 10-minute
// grid, or the zero time one time in four when zero is true.
func randomTime(rng *rand.Rand, zero bool) time.Time {
	if zero && rng.IntN(4) == 0 {
		return time.Time{}
	}
	return time.Date(2026, time.November, 1, 0, 0, 0, 0, calendar.Warsaw()).Add(time.Duration(rng.IntN(30*24*6)) * 10 * time.Minute)
}

func TestCheckShortcut(t *testing.T) {
	c := Default()
	rng := rand.New(rand.NewPCG(1, 2))
	for k := 0; k < 20000; k++ {
		r := Request{Service: MustLookupService("cocare-standard-onsite"),
			Submitted: randomTime(rng, true), Confirmed: randomTime(rng, true),
			Shipped: randomTime(rng, true), Delivered: randomTime(rng, true), OnSite: randomTime(rng, true)}
		want := c.checkAll(&r)
		got := c.check(&r)
		require.Equal(t, want == nil, got == nil, "request %+v: checkAll %v, check %v", r, want, got)
	}
}

// An effect keeps its level in 16 bits: every valid level comes back whole.
func TestPackedLevel(t *testing.T) {
	count := 0
	for cov := Coverage8x5; cov <= Coverage24x7; cov++ {
		for _, unit := range []Unit{Hours, BusinessDays} {
			for n := 1; n <= 999; n++ {
				for _, ship := range []bool{false, true} {
					l, err := NewLevel(cov, n, unit, ship)
					if err != nil {
						continue // -S with hours, or hours past 99, say
					}
					require.Equal(t, l, l.pack().level(), "%s", l)
					count++
				}
			}
		}
	}
	require.Greater(t, count, 3*999, "levels tried")
}

// The plain path of a request without holds and priority changes writes the
// deadlines and records the clock path writes, errors included, for every
// service and priority, under the default settings and with the cutoff in
// 24x7.
func TestPlainPathIsTheClockPath(t *testing.T) {
	set := DefaultSettings()
	set.CutoffAppliesTo24x7 = true
	with24x7, err := NewCalculator(calendar.Poland(), set)
	require.NoError(t, err)
	rng := rand.New(rand.NewPCG(3, 4))
	services := Services()
	tried := 0
	for _, c := range []*Calculator{Default(), with24x7} {
		for k := 0; k < 20000; k++ {
			r := Request{Service: services[rng.IntN(len(services))], Priority: Priority(1 + rng.IntN(4)),
				Submitted: randomTime(rng, false)}
			if rng.IntN(5) > 0 {
				r.Confirmed = r.Submitted.Add(time.Duration(rng.IntN(72*60)) * time.Minute)
			}
			lvl, err := r.Service.Level(r.Priority)
			if err != nil {
				continue
			}
			var plain, clocked Deadlines
			var ptr, ctr trace
			perr := c.plain(&r, &plain, &recorder{tr: &ptr}, lvl)
			crc := &recorder{tr: &ctr}
			cerr := c.clock(&r, &clocked, crc, &clocked.list[0], Response, lvl, r.Submitted, time.Time{})
			clocked.n = 1
			if cerr == nil && !r.Confirmed.IsZero() {
				kinds, nk := r.Service.targetKindList()
				cerr = c.targets(&r, &clocked, crc, lvl, kinds[:nk])
			}
			require.Equal(t, cerr, perr, "request %+v", r)
			if perr != nil {
				continue
			}
			require.Equal(t, clocked.list[:clocked.n], plain.list[:plain.n], "request %+v", r)
			require.Equal(t, ctr.recs[:ctr.nrec], ptr.recs[:ptr.nrec], "request %+v", r)
			require.Equal(t, ctr.rec, ptr.rec, "request %+v", r)
			tried++
		}
	}
	require.Greater(t, tried, 20000, "requests compared")
}

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
						continue // -S with hours, say
					}
					require.Equal(t, l, l.pack().level(), "%s", l)
					count++
				}
			}
		}
	}
	require.Greater(t, count, 3*999, "levels tried")
}

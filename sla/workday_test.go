package sla_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/slaclock/slaclock/calendar"
	"github.com/slaclock/slaclock/sla"
)

// A worked Saturday in business-day targets: on a calendar where Fri 2 Jan
// 2026 is a bridge day off made up by working Sat 10 Jan as a Friday, the
// Saturday is a business day on which 9x5 and 8x5 open with Friday's hours.
// (Thu 1 Jan 2026 is New Year; Tue 6 Jan Epiphany; Fri 9, Sat 10, Mon 12 Jan.)
func TestWorkedSaturdayInNBD(t *testing.T) {
	cal, err := calendar.NewPoland(
		calendar.WithClosure(calendar.Date{Year: 2026, Month: time.January, Day: 2}, "bridge day"),
		calendar.WithWorkday(calendar.Date{Year: 2026, Month: time.January, Day: 10}, time.Friday))
	require.NoError(t, err)
	calc, err := sla.NewCalculator(cal, sla.DefaultSettings())
	require.NoError(t, err)
	cases := []struct {
		name      string
		svc       string
		confirmed time.Time
		want      string
	}{
		{"9x5xNBD confirmed Fri 9 Jan before the cutoff: the next business day is the worked Saturday, closing at Friday's 18:00",
			"cocare-standard", wall(2026, 1, 9, 10, 0), "Sat 2026-01-10 18:00:00 CET"},
		{"after the cutoff the processing day is the worked Saturday, so the due day is Monday",
			"cocare-standard", wall(2026, 1, 9, 15, 0), "Mon 2026-01-12 18:00:00 CET"},
		{"8x5xNBD confirmed on the worked Saturday itself, before the cutoff: due Monday 17:00",
			"ahb-8x5xNBD", wall(2026, 1, 10, 11, 0), "Mon 2026-01-12 17:00:00 CET"},
		{"the bridge day is shut: 9x5xNBD confirmed Wed 31 Dec 2025 at 10:00 skips New Year and the bridge day, due Mon 5 Jan",
			"cocare-standard", wall(2025, 12, 31, 10, 0), "Mon 2026-01-05 18:00:00 CET"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ds, err := calc.Deadlines(sla.Request{Service: service(t, c.svc), Submitted: c.confirmed, Confirmed: c.confirmed})
			require.NoError(t, err)
			d, ok := ds.Get(sla.Delivery)
			require.True(t, ok)
			assert.Equal(t, c.want, d.Due.Format(layout))
		})
	}
}

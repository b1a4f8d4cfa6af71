package calendar

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Hand-checked weekly hours. Facts (python's datetime): Mon 16 Nov 2026; Fri 20
// and Sat 21 Nov 2026; Fri 14 and Sat 15 Aug 2026 (15 Aug a holiday); Mon 10 and
// Tue 11 Nov 2025 (11 Nov a holiday); Sat 28 and Sun 29 Mar 2026 (clocks go
// forward at 02:00 CET to 03:00 CEST); Sat 24 and Sun 25 Oct 2026 (clocks go
// back at 03:00 CEST to 02:00 CET). time.Date gives 03:15 CEST for 02:15 on 29
// Mar 2026 and 02:15 CET (the second one) for 02:15 on 25 Oct 2026.

type hoursCase struct {
	name  string
	w     Window
	start time.Time
	d     time.Duration
	want  time.Time
}

func TestWeeklyHoursAdd(t *testing.T) {
	cases := []hoursCase{
		{"a lunch break does not count: 4h from 11:00 is 16:00", schLunch, schCet(2026, 11, 16, 11, 0), 4 * time.Hour, schCet(2026, 11, 16, 16, 0)},
		{"a span that runs out at the start of lunch ends there", schLunch, schCet(2026, 11, 16, 11, 0), time.Hour, schCet(2026, 11, 16, 12, 0)},
		{"time inside lunch waits for 13:00", schLunch, schCet(2026, 11, 16, 12, 30), 30 * time.Minute, schCet(2026, 11, 16, 13, 30)},
		{"8h from Monday 08:00 is the whole day with the break", schLunch, schCet(2026, 11, 16, 8, 0), 8 * time.Hour, schCet(2026, 11, 16, 17, 0)},
		{"going back over lunch", schLunch, schCet(2026, 11, 16, 14, 0), -2 * time.Hour, schCet(2026, 11, 16, 11, 0)},
		{"Saturday has its own hours: Friday 16:00 + 3h is Saturday 11:00", schSaturday, schCet(2026, 11, 20, 16, 0), 3 * time.Hour, schCet(2026, 11, 21, 11, 0)},
		{"Saturday closes at 13:00, Sunday is shut: Saturday 12:00 + 2h is Monday 10:00", schSaturday, schCet(2026, 11, 21, 12, 0), 2 * time.Hour, schCet(2026, 11, 23, 10, 0)},
		{"a Saturday holiday is shut: Friday 14 Aug 16:00 + 2h is Monday 17 Aug 10:00", schSaturday, schCest(2026, 8, 14, 16, 0), 2 * time.Hour, schCest(2026, 8, 17, 10, 0)},
		{"an overnight interval runs past midnight", schOvernight, schCet(2026, 11, 16, 23, 0), 3 * time.Hour, schCet(2026, 11, 17, 2, 0)},
		{"Friday's night runs into Saturday, then nothing until Monday 22:00", schOvernight, schCet(2026, 11, 20, 22, 0), 9 * time.Hour, schCet(2026, 11, 23, 23, 0)},
		{"Monday's night closes on a holiday Tuesday at 06:00; Tuesday's does not run", schOvernight, schCet(2025, 11, 10, 22, 0), 9 * time.Hour, schCet(2025, 11, 12, 23, 0)},
		{"the night of 28 Mar 2026 lasts 7 hours: 8h from Saturday 22:00 is Sunday 23:00 CEST", schNights, schCet(2026, 3, 28, 22, 0), 8 * time.Hour, schCest(2026, 3, 29, 23, 0)},
		{"the night of 24 Oct 2026 lasts 9 hours: 9h from Saturday 22:00 is its close", schNights, schCest(2026, 10, 24, 22, 0), 9 * time.Hour, schCet(2026, 10, 25, 6, 0)},
		{"the night of 24 Oct 2026 lasts 9 hours: 10h from Saturday 22:00 is Sunday 23:00 CET", schNights, schCest(2026, 10, 24, 22, 0), 10 * time.Hour, schCet(2026, 10, 25, 23, 0)},
		{"a break in the skipped hour: 1h30m of window on 29 Mar 2026", schBreakAtNight, schCet(2026, 3, 29, 0, 0), 90 * time.Minute, schCest(2026, 3, 29, 4, 0)},
		{"a break in the repeated hour: 3h30m of window on 25 Oct 2026", schBreakAtNight, schCest(2026, 10, 25, 0, 0), 210 * time.Minute, schCet(2026, 10, 25, 4, 0)},
		{"the first interval before the repeated hour's break ends at the second 02:15", schBreakAtNight, schCest(2026, 10, 25, 1, 0), 135 * time.Minute, schCet(2026, 10, 25, 2, 15)},
		{"an overnight shift running into the day's hours counts once", schOverlap, schCet(2026, 11, 16, 20, 0), 16 * time.Hour, schCet(2026, 11, 17, 12, 0)},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := schSchedule(t, c.w)
			got, err := s.Add(c.start, c.d)
			require.NoError(t, err)
			schAssertAt(t, c.want, got, "Add")
			if c.d > 0 {
				back, err := s.Between(c.start, got)
				require.NoError(t, err)
				assert.Equal(t, c.d, back, "Between(t, Add(t, d))")
			}
		})
	}
}

func TestWeeklyHoursEdges(t *testing.T) {
	lunch := schSchedule(t, schLunch)
	for _, c := range []struct {
		name string
		at   time.Time
		in   bool
		next time.Time
	}{
		{"lunch starts at 12:00: not inside", schCet(2026, 11, 16, 12, 0), false, schCet(2026, 11, 16, 13, 0)},
		{"the last instant before lunch is inside", schCet(2026, 11, 16, 12, 0).Add(-1), true, schCet(2026, 11, 16, 12, 0).Add(-1)},
		{"13:00 is inside", schCet(2026, 11, 16, 13, 0), true, schCet(2026, 11, 16, 13, 0)},
		{"17:00 is the close: next is Tuesday 08:00", schCet(2026, 11, 16, 17, 0), false, schCet(2026, 11, 17, 8, 0)},
	} {
		t.Run(c.name, func(t *testing.T) {
			in, err := lunch.Contains(c.at)
			require.NoError(t, err)
			assert.Equal(t, c.in, in)
			next, err := lunch.NextOpen(c.at)
			require.NoError(t, err)
			schAssertAt(t, c.next, next, "NextOpen")
		})
	}

	night := schSchedule(t, schOvernight)
	for _, c := range []struct {
		name        string
		day         Date
		ok          bool
		open, close time.Time
	}{
		{"Monday's interval closes on Tuesday at 06:00, a holiday", Date{2025, 11, 10}, true, schCet(2025, 11, 10, 22, 0), schCet(2025, 11, 11, 6, 0)},
		{"no interval opens on a holiday", Date{2025, 11, 11}, false, time.Time{}, time.Time{}},
		{"Friday's closes on Saturday", Date{2026, 11, 20}, true, schCet(2026, 11, 20, 22, 0), schCet(2026, 11, 21, 6, 0)},
		{"none opens on Saturday, though Friday's runs into it", Date{2026, 11, 21}, false, time.Time{}, time.Time{}},
	} {
		t.Run(c.name, func(t *testing.T) {
			o, ok, err := night.OpenOn(c.day)
			require.NoError(t, err)
			assert.Equal(t, c.ok, ok)
			e, ok2, err := night.CloseOn(c.day)
			require.NoError(t, err)
			assert.Equal(t, c.ok, ok2)
			cov, err := night.IsCoverageDay(c.day)
			require.NoError(t, err)
			assert.Equal(t, c.ok, cov, "a coverage day is a business day on which an interval opens")
			if c.ok {
				schAssertAt(t, c.open, o, "OpenOn")
				schAssertAt(t, c.close, e, "CloseOn")
			}
		})
	}
	in, err := night.Contains(schCet(2025, 11, 11, 5, 0))
	require.NoError(t, err)
	assert.True(t, in, "Monday's night is open on the holiday Tuesday at 05:00")

	// Lunch: OpenOn is the first interval's opening, CloseOn the last one's close.
	o, ok, err := lunch.OpenOn(Date{2026, 11, 16})
	require.NoError(t, err)
	require.True(t, ok)
	schAssertAt(t, schCet(2026, 11, 16, 8, 0), o, "OpenOn")
	e, _, err := lunch.CloseOn(Date{2026, 11, 16})
	require.NoError(t, err)
	schAssertAt(t, schCet(2026, 11, 16, 17, 0), e, "CloseOn")

	// The length of the clock-change nights, measured.
	nights := schSchedule(t, schNights)
	for _, c := range []struct {
		name     string
		from, to time.Time
		want     time.Duration
	}{
		{"a night without a change is 8h", schCet(2026, 11, 14, 22, 0), schCet(2026, 11, 15, 6, 0), 8 * time.Hour},
		{"the spring night is 7h", schCet(2026, 3, 28, 22, 0), schCest(2026, 3, 29, 6, 0), 7 * time.Hour},
		{"the autumn night is 9h", schCest(2026, 10, 24, 22, 0), schCet(2026, 10, 25, 6, 0), 9 * time.Hour},
	} {
		got, err := nights.Between(c.from, c.to)
		require.NoError(t, err)
		assert.Equal(t, c.want, got, c.name)
	}
}

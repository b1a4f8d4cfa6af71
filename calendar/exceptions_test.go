package calendar

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Hand-checked date exceptions. Facts (python's datetime): Fri 2 Jan 2026,
// Fri 9 and Sat 10 Jan 2026, Mon 12 Jan 2026; Mon 23 and Tue 24 Dec 2024
// (not yet a holiday; 25 and 26 Dec 2024 are), Fri 27 Dec 2024; Thu 24 Dec 2026
// (a holiday from 2025) and Thu 31 Dec 2026.

func TestExceptions(t *testing.T) {
	h := func(hh int) TimeOfDay { return Clock(hh, 0, 0) }
	nineToOne := Interval{Open: h(9), Close: h(13)}
	bridge, err := NewPoland(WithClosure(Date{2026, 1, 2}, "bridge day"), WithWorkday(Date{2026, 1, 10}, time.Friday))
	require.NoError(t, err)
	shortEve, err := NewPoland(WithHoursOn(Date{2024, 12, 24}, nineToOne))
	require.NoError(t, err)
	holidayEve, err := NewPoland(WithHoursOn(Date{2026, 12, 24}, nineToOne))
	require.NoError(t, err)
	openedEve, err := NewPoland(WithoutHoliday(Date{2026, 12, 24}), WithHoursOn(Date{2026, 12, 24}, nineToOne))
	require.NoError(t, err)
	newYearsEve, err := NewPoland(WithHoursOn(Date{2026, 12, 31}, Interval{Open: h(10), Close: h(16)}),
		WithWindowHoursOn(Window9x5(), Date{2026, 12, 31}, nineToOne))
	require.NoError(t, err)
	shutEve, err := NewPoland(WithHoursOn(Date{2026, 12, 31}))
	require.NoError(t, err)

	cases := []struct {
		name  string
		cal   *Calendar
		w     Window
		start time.Time
		d     time.Duration
		want  time.Time
	}{
		{"a worked Saturday opens with Friday's 8x5 hours", bridge, Window8x5(), schCet(2026, 1, 9, 16, 0), 2 * time.Hour, schCet(2026, 1, 10, 10, 0)},
		{"a worked Saturday takes Friday's hours, not Saturday's", bridge, schSaturday, schCet(2026, 1, 10, 12, 0), 4 * time.Hour, schCet(2026, 1, 10, 16, 0)},
		{"the bridge day closure is shut", bridge, Window8x5(), schCet(2026, 1, 1, 12, 0), time.Hour, schCet(2026, 1, 5, 10, 0)},
		{"24 Dec 2024 short hours: 4h from Monday 16:00 is Tuesday 12:00", shortEve, Window8x5(), schCet(2024, 12, 23, 16, 0), 4 * time.Hour, schCet(2024, 12, 24, 12, 0)},
		{"24 Dec 2024 short hours: 5h from Monday 16:00 ends at the 13:00 close", shortEve, Window8x5(), schCet(2024, 12, 23, 16, 0), 5 * time.Hour, schCet(2024, 12, 24, 13, 0)},
		{"24 Dec 2024 short hours: 6h from Monday 16:00 is Friday 27 Dec 10:00", shortEve, Window8x5(), schCet(2024, 12, 23, 16, 0), 6 * time.Hour, schCet(2024, 12, 27, 10, 0)},
		{"other hours for all windows apply to 24x7 too", shortEve, Window24x7(), schCet(2024, 12, 24, 0, 0), time.Hour, schCet(2024, 12, 24, 10, 0)},
		{"a holiday with other hours stays shut", holidayEve, Window8x5(), schCet(2026, 12, 23, 16, 0), 2 * time.Hour, schCet(2026, 12, 28, 10, 0)},
		{"a removed holiday opens with the other hours", openedEve, Window8x5(), schCet(2026, 12, 23, 16, 0), 2 * time.Hour, schCet(2026, 12, 24, 10, 0)},
		{"a window's own hours win over those for all", newYearsEve, Window9x5(), schCet(2026, 12, 31, 12, 0), 2 * time.Hour, schCet(2027, 1, 4, 10, 0)},
		{"other windows take the hours for all", newYearsEve, Window8x5(), schCet(2026, 12, 31, 9, 0), 6 * time.Hour, schCet(2026, 12, 31, 16, 0)},
		{"no hours shut every window that day", shutEve, Window8x5(), schCet(2026, 12, 30, 16, 0), 2 * time.Hour, schCet(2027, 1, 4, 10, 0)},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s, err := c.cal.Schedule(c.w)
			require.NoError(t, err)
			got, err := s.Add(c.start, c.d)
			require.NoError(t, err)
			schAssertAt(t, c.want, got, "Add")
			back, err := s.Between(c.start, got)
			require.NoError(t, err)
			assert.Equal(t, c.d, back, "Between(t, Add(t, d))")
		})
	}

	t.Run("a worked Saturday is a business and coverage day: NBD from Friday is Saturday", func(t *testing.T) {
		ok, err := bridge.IsBusinessDay(Date{2026, 1, 10})
		require.NoError(t, err)
		assert.True(t, ok)
		as, worked, err := bridge.WorkdayOn(Date{2026, 1, 10})
		require.NoError(t, err)
		assert.True(t, worked)
		assert.Equal(t, time.Friday, as)
		s := bridge.MustSchedule(Window9x5())
		due, err := s.AddCoverageDays(Date{2026, 1, 9}, 1)
		require.NoError(t, err)
		assert.Equal(t, Date{2026, 1, 10}, due)
		end, ok, err := s.CloseOn(due)
		require.NoError(t, err)
		require.True(t, ok)
		schAssertAt(t, schCet(2026, 1, 10, 18, 0), end, "the NBD deadline closes at Friday's 18:00")
		n, err := bridge.BusinessDaysBetween(Date{2026, 1, 1}, Date{2026, 1, 12})
		require.NoError(t, err)
		// 5, 7, 8, 9, 10 (worked), 12 Jan; 2 Jan is the bridge day, 6 Jan Epiphany.
		assert.Equal(t, 6, n)
	})
	t.Run("a day with no hours stays a business day but is no coverage day", func(t *testing.T) {
		ok, err := shutEve.IsBusinessDay(Date{2026, 12, 31})
		require.NoError(t, err)
		assert.True(t, ok)
		cov, err := shutEve.MustSchedule(Window8x5()).IsCoverageDay(Date{2026, 12, 31})
		require.NoError(t, err)
		assert.False(t, cov)
	})
	t.Run("CloseOn a short day is the short close", func(t *testing.T) {
		end, ok, err := shortEve.MustSchedule(Window8x5()).CloseOn(Date{2024, 12, 24})
		require.NoError(t, err)
		require.True(t, ok)
		schAssertAt(t, schCet(2024, 12, 24, 13, 0), end, "CloseOn")
	})
}

func TestExceptionErrors(t *testing.T) {
	h := func(hh int) TimeOfDay { return Clock(hh, 0, 0) }
	cases := []struct {
		name  string
		opt   Option
		field string
		is    error
	}{
		{"a worked day on a holiday", WithWorkday(Date{2026, 12, 24}, time.Friday), "WithWorkday", ErrInvalid},
		{"a worked day that is not a date", WithWorkday(Date{2026, 2, 30}, time.Friday), "WithWorkday", ErrInvalid},
		{"a worked day as no weekday", WithWorkday(Date{2026, 1, 10}, 7), "WithWorkday 2026-01-10", ErrInvalid},
		{"a worked day outside the range", WithWorkday(Date{2300, 1, 1}, time.Friday), "", ErrOutOfRange},
		{"other hours that are not an interval", WithHoursOn(Date{2026, 12, 31}, Interval{Open: h(9), Close: h(9)}), "WithHoursOn 2026-12-31", ErrInvalid},
		{"other hours outside the range", WithHoursOn(Date{1980, 12, 31}, Interval{Open: h(9), Close: h(13)}), "", ErrOutOfRange},
		{"other hours for the zero window", WithWindowHoursOn(Window{}, Date{2026, 12, 31}, Interval{Open: h(9), Close: h(13)}), "WithWindowHoursOn 2026-12-31", ErrInvalid},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			cal, err := NewPoland(c.opt)
			assert.Nil(t, cal)
			assert.ErrorIs(t, err, c.is)
			if c.field != "" {
				var ve *ValueError
				require.ErrorAs(t, err, &ve)
				assert.Equal(t, c.field, ve.Field)
			}
		})
	}
}

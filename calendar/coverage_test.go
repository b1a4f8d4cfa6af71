package calendar

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Coverage days are the calendar's business days on which the window is open.
// November 2026: Wed 11 is Independence Day; 13 is a Friday, 14-15 a weekend.
func TestScheduleCoverageDays(t *testing.T) {
	monThu := MustParseWindow("Mon-Thu 09:00-17:00")
	monSat := MustParseWindow("Mon-Sat 09:00-13:00")
	for _, c := range []struct {
		name string
		w    Window
		day  Date
		want bool
	}{
		{"8x5: a Friday is one", Window8x5(), Date{2026, 11, 13}, true},
		{"8x5: a Saturday is not", Window8x5(), Date{2026, 11, 14}, false},
		{"8x5: a holiday is not", Window8x5(), Date{2026, 11, 11}, false},
		{"24x7: open on the holiday, but a holiday is no business day", Window24x7(), Date{2026, 11, 11}, false},
		{"24x7: open on Saturday, but Saturday is no business day", Window24x7(), Date{2026, 11, 14}, false},
		{"24x7: a Thursday is one", Window24x7(), Date{2026, 11, 12}, true},
		{"a window shut on Fridays: the Friday is not", monThu, Date{2026, 11, 13}, false},
		{"a window open on Saturdays: the Saturday is still no business day", monSat, Date{2026, 11, 14}, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, err := schSchedule(t, c.w).IsCoverageDay(c.day)
			require.NoError(t, err)
			assert.Equal(t, c.want, got)
		})
	}

	for _, c := range []struct {
		name string
		w    Window
		from Date
		n    int
		want Date
	}{
		{"8x5: Friday + 1 is Monday", Window8x5(), Date{2026, 11, 13}, 1, Date{2026, 11, 16}},
		{"8x5: Tuesday + 1 skips the holiday", Window8x5(), Date{2026, 11, 10}, 1, Date{2026, 11, 12}},
		{"8x5: from a Saturday, + 1 is Monday", Window8x5(), Date{2026, 11, 14}, 1, Date{2026, 11, 16}},
		{"8x5: 0 is the day itself, even a Saturday", Window8x5(), Date{2026, 11, 14}, 0, Date{2026, 11, 14}},
		{"shut on Fridays: Thursday + 1 is Monday", monThu, Date{2026, 11, 12}, 1, Date{2026, 11, 16}},
		{"shut on Fridays: Thursday + 2 is Tuesday", monThu, Date{2026, 11, 12}, 2, Date{2026, 11, 17}},
		{"shut on Fridays: Monday - 1 is Thursday", monThu, Date{2026, 11, 16}, -1, Date{2026, 11, 12}},
		{"open on Saturdays: Friday + 1 is still Monday", monSat, Date{2026, 11, 13}, 1, Date{2026, 11, 16}},
		{"24x7: Wigilia 2025 and Christmas are skipped", Window24x7(), Date{2025, 12, 23}, 1, Date{2025, 12, 29}},
		{"the last coverage day of the range, Wed 31 Dec 2200", Window8x5(), Date{2200, 12, 30}, 1, Date{2200, 12, 31}},
		{"the first coverage day of the range, Tue 2 Jan 1990", Window8x5(), Date{1990, 1, 3}, -1, Date{1990, 1, 2}},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, err := schSchedule(t, c.w).AddCoverageDays(c.from, c.n)
			require.NoError(t, err)
			assert.Equal(t, c.want, got)
		})
	}
}

// However large n is, a result outside the range is an error, never a wrapped
// count that lands inside it.
func TestAddDaysHugeCountsAreOutOfRange(t *testing.T) {
	s := schSchedule(t, Window8x5())
	from := Date{2026, 11, 16}
	for _, n := range []int{math.MaxInt, math.MinInt, math.MaxInt32, math.MinInt32, math.MaxInt32 + 1, -math.MaxInt32 - 2,
		1 << 40, -(1 << 40), 200 * 260, -37 * 260} {
		_, err := Poland().AddBusinessDays(from, n)
		assert.ErrorIs(t, err, ErrOutOfRange, "AddBusinessDays(%v, %d)", from, n)
		var re *RangeError
		assert.ErrorAs(t, err, &re, "AddBusinessDays(%v, %d)", from, n)
		_, err = s.AddCoverageDays(from, n)
		assert.ErrorIs(t, err, ErrOutOfRange, "AddCoverageDays(%v, %d)", from, n)
	}
	_, err := s.AddCoverageDays(Date{2200, 12, 31}, 1)
	assert.ErrorIs(t, err, ErrOutOfRange, "no coverage day after the last day")
	_, err = s.AddCoverageDays(Date{1990, 1, 2}, -1)
	assert.ErrorIs(t, err, ErrOutOfRange, "no coverage day before the first")
	_, err = s.AddCoverageDays(Date{2201, 1, 1}, 0)
	assert.ErrorIs(t, err, ErrOutOfRange)
	_, err = s.IsCoverageDay(Date{1989, 12, 31})
	assert.ErrorIs(t, err, ErrOutOfRange)
	_, err = s.IsCoverageDay(Date{2026, 2, 30})
	assert.ErrorIs(t, err, ErrInvalid)
}

// Coverage days agree with the calendar's business days for the windows that
// are open on every business day, over the whole range.
func TestCoverageDaysAreBusinessDaysForStandardWindows(t *testing.T) {
	c := Poland()
	for _, w := range []Window{Window8x5(), Window9x5(), Window24x7()} {
		s := schSchedule(t, w)
		for d := c.First(); !d.After(c.Last()); d = d.AddDays(1) {
			biz, err := c.IsBusinessDay(d)
			require.NoError(t, err)
			cov, err := s.IsCoverageDay(d)
			require.NoError(t, err)
			if biz != cov {
				t.Fatalf("%s: %v is business %v, coverage %v", w, d, biz, cov)
			}
		}
	}
}

package calendar

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The civil-date arithmetic is checked against the standard library's calendar
// for every day of the supported range and beyond.
func TestDateDaysMatchTimePackage(t *testing.T) {
	start := time.Date(1899, 12, 25, 12, 0, 0, 0, time.UTC)
	for k := 0; k < 366*400; k++ {
		tt := start.AddDate(0, 0, k)
		d := DateOf(tt)
		want := floorDiv64(tt.Unix(), 86400)
		require.Equal(t, want, d.days(), "days of %s", d)
		require.Equal(t, d, dateFromDays(want), "date of day %d", want)
		require.Equal(t, tt.Weekday(), d.Weekday(), "weekday of %s", d)
	}
}

func TestNewDateNormalises(t *testing.T) {
	cases := []struct {
		name string
		got  Date
		want Date
	}{
		{"31 April is 1 May", NewDate(2026, time.April, 31), Date{2026, time.May, 1}},
		{"month 13 is January of the next year", NewDate(2026, 13, 1), Date{2027, time.January, 1}},
		{"month 0 is December of the year before", NewDate(2026, 0, 1), Date{2025, time.December, 1}},
		{"day 0 is the last day of the month before", NewDate(2024, time.March, 0), Date{2024, time.February, 29}},
		{"29 Feb in a common year", NewDate(2025, time.February, 29), Date{2025, time.March, 1}},
	}
	for _, c := range cases {
		assert.Equal(t, c.want, c.got, c.name)
	}
}

func TestParseDate(t *testing.T) {
	d, err := ParseDate("2024-02-29")
	require.NoError(t, err)
	assert.Equal(t, Date{2024, time.February, 29}, d)
	assert.Equal(t, "2024-02-29", d.String())

	for _, bad := range []string{"", "2025-02-29", "2026-13-01", "2026-1-01", "26-01-01", "2026-01-01x", "2026/01/01", "abcd-ef-gh"} {
		_, err := ParseDate(bad)
		var pe *ParseError
		require.ErrorAs(t, err, &pe, "input %q", bad)
		assert.Equal(t, bad, pe.Input)
		assert.ErrorIs(t, err, ErrSyntax)
	}
	assert.Equal(t, "%!Date(2026-2-30)", Date{2026, 2, 30}.String(), "an invalid date prints, never panics")
}

func TestDateTextRoundTrip(t *testing.T) {
	in := Date{2026, time.November, 13}
	b, err := in.MarshalText()
	require.NoError(t, err)
	assert.Equal(t, "2026-11-13", string(b))
	var out Date
	require.NoError(t, out.UnmarshalText(b))
	assert.Equal(t, in, out)

	keep := Date{2000, time.January, 1}
	assert.Error(t, keep.UnmarshalText([]byte("2000-02-31")))
	assert.Equal(t, Date{2000, time.January, 1}, keep, "UnmarshalText leaves the value untouched on error")
}

// Far from the calendars' range the civil-date arithmetic switches algorithm;
// both sides of every switch agree with the standard library, and with each
// other.
func TestDateDaysFarAway(t *testing.T) {
	epoch := time.Date(1970, 1, 1, 12, 0, 0, 0, time.UTC)
	for _, z := range []int64{
		-neriShift - 2, -neriShift - 1, -neriShift, -neriShift + 1, // year -32800
		1<<30 - neriShift - 2, 1<<30 - neriShift - 1, 1<<30 - neriShift, 1<<30 - neriShift + 1, // year 2,900,000
		-1e9, -123456789, -719468, -1, 0, 1, 59, 60, 146096, 146097, 1e8, 2e9, 5e10,
	} {
		tt := epoch.AddDate(0, 0, int(z))
		want := Date{tt.Year(), tt.Month(), tt.Day()}
		assert.Equal(t, want, dateFromDays(z), "date of day %d", z)
		assert.Equal(t, want, hinnantDateFromDays(z), "Hinnant's date of day %d", z)
		assert.Equal(t, z, want.days(), "days of %v", want)
		assert.Equal(t, z, hinnantDaysFromCivil(want.Year, want.Month, want.Day), "Hinnant's days of %v", want)
		assert.Equal(t, tt.Weekday(), want.Weekday(), "weekday of %v", want)
	}
	// A day past the end of the month, as NewDate and AddDays pass them.
	assert.Equal(t, Date{2025, time.March, 1}.days(), daysFromCivil(2025, time.February, 29))
	assert.Equal(t, Date{2027, time.January, 1}.days(), daysFromCivil(2026, time.December, 32))
	assert.Equal(t, hinnantDaysFromCivil(2026, time.March, 2_000_000), daysFromCivil(2026, time.March, 2_000_000))
}

// A calendar reads the date of each day of its range from its table of dates;
// the table agrees with the civil-date arithmetic on every day, on ranges that
// start and end in common and in leap years.
func TestCalendarDateOfEveryDay(t *testing.T) {
	for _, yrs := range [][2]int{{1990, 2200}, {1900, 2149}, {2000, 2000}, {2023, 2025}} {
		c, err := New(WithYears(yrs[0], yrs[1]))
		require.NoError(t, err)
		for i := 0; i < c.n; i++ {
			if got, want := c.dateAt(i), dateFromDays(c.firstDay+int64(i)); got != want {
				t.Fatalf("%d-%d: day %d is %v, want %v", yrs[0], yrs[1], i, got, want)
			}
		}
	}
}

// The table of years gives what the arithmetic gives, for the days of the
// table and around it, and for days that overflow their month.
func TestCivilTableMatchesArithmetic(t *testing.T) {
	first := int64(civil.years[0])
	last := int64(civil.years[tableYears])
	for z := first - 800; z < last+800; z++ {
		d := dateFromDays(z)
		require.Equal(t, arithDateFromDays(z), d, "date of day %d", z)
		require.Equal(t, arithDaysFromCivil(d.Year, d.Month, d.Day), daysFromCivil(d.Year, d.Month, d.Day), "days of %v", d)
	}
	for y := tableFirstYear - 2; y < tableFirstYear+tableYears+2; y++ {
		for m := time.January; m <= time.December; m++ {
			for _, day := range []int{-400, -31, -1, 0, 1, 28, 29, 30, 31, 32, 60, 366, 1000, 999_999, 1_000_001} {
				require.Equal(t, arithDaysFromCivil(y, m, day), daysFromCivil(y, m, day), "days of %d-%d-%d", y, m, day)
			}
		}
	}
}

// Compare orders dates as the instants of their midnights in UTC are ordered,
// for dates of every kind: close together in one month, across months and
// years, at the ends of months, and not normalised (day 0, day 31 of a short
// month, month 0 or 13), whose order is that of the day they name.
func TestDateCompareMatchesTimePackage(t *testing.T) {
	dates := []Date{
		{2026, time.November, 1}, {2026, time.November, 28}, {2026, time.November, 29}, {2026, time.November, 30},
		{2026, time.December, 1}, {2025, time.December, 31}, {2027, time.January, 1}, {2024, time.February, 29},
		{2026, time.February, 28}, {2026, time.February, 31}, {2026, time.March, 3}, {2026, time.March, 0},
		{2026, 13, 1}, {2027, time.January, 0}, {2026, 0, 15}, {1990, time.January, 1}, {2200, time.December, 31},
		{-5, time.March, 1}, {10000, time.June, 30},
	}
	midnight := func(d Date) time.Time { return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC) }
	pairs := 0
	for _, a := range dates {
		for _, b := range dates {
			want := midnight(a).Compare(midnight(b))
			require.Equal(t, want, a.Compare(b), "%v against %v", a, b)
			require.Equal(t, want < 0, a.Before(b), "%v before %v", a, b)
			require.Equal(t, want > 0, a.After(b), "%v after %v", a, b)
			pairs++
		}
	}
	require.Equal(t, len(dates)*len(dates), pairs)
	// Every pair of days of 1999-2001 in a row and far apart.
	start := time.Date(1999, 1, 1, 0, 0, 0, 0, time.UTC)
	for k := 0; k < 3*366; k++ {
		a := start.AddDate(0, 0, k)
		for _, step := range []int{-400, -31, -1, 0, 1, 27, 28, 365} {
			b := a.AddDate(0, 0, step)
			require.Equal(t, a.Compare(b), DateOf(a).Compare(DateOf(b)), "%s against %s", a, b)
		}
	}
}

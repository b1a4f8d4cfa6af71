package calendar_test

import (
	"testing"
	"time"
	_ "time/tzdata" // the zones below, wherever the system has no database

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/slaclock/slaclock/calendar"
)

// Where the clocks go forward at midnight, the day of the change begins at the
// change (its midnight does not exist) and every later day at its own
// midnight. Asia/Beirut went from 00:00 EET to 01:00 EEST on Sun 25 Mar 2018
// and back from 00:00 EEST to 23:00 EET on Sun 28 Oct 2018; America/Sao_Paulo
// went from 00:00 -03 to 01:00 -02 on Sun 4 Nov 2018. The calendar used to
// take the first day's 01:00 as the start of every day after it, all summer.
func TestDaysBeginAtMidnightAfterAMidnightClockChange(t *testing.T) {
	utc := func(s string) time.Time {
		v, err := time.Parse(time.RFC3339, s)
		require.NoError(t, err)
		return v
	}
	for _, c := range []struct {
		zone    string
		day     calendar.Date
		begins  string // the day's first instant, in UTC
		lasts   time.Duration
		instant string // an instant of that day or the next, and its date
		date    calendar.Date
	}{
		{"Asia/Beirut", calendar.Date{Year: 2018, Month: time.March, Day: 25}, "2018-03-24T22:00:00Z", 23 * time.Hour,
			"2018-03-25T21:30:00Z", calendar.Date{Year: 2018, Month: time.March, Day: 26}},
		{"Asia/Beirut", calendar.Date{Year: 2018, Month: time.March, Day: 26}, "2018-03-25T21:00:00Z", 24 * time.Hour,
			"2018-03-25T21:00:00Z", calendar.Date{Year: 2018, Month: time.March, Day: 26}},
		{"Asia/Beirut", calendar.Date{Year: 2018, Month: time.October, Day: 14}, "2018-10-13T21:00:00Z", 24 * time.Hour,
			"2018-10-13T21:30:00Z", calendar.Date{Year: 2018, Month: time.October, Day: 14}},
		{"Asia/Beirut", calendar.Date{Year: 2018, Month: time.October, Day: 27}, "2018-10-26T21:00:00Z", 25 * time.Hour,
			"2018-10-27T21:30:00Z", calendar.Date{Year: 2018, Month: time.October, Day: 27}},
		{"America/Sao_Paulo", calendar.Date{Year: 2018, Month: time.November, Day: 4}, "2018-11-04T03:00:00Z", 23 * time.Hour,
			"2018-11-04T02:30:00Z", calendar.Date{Year: 2018, Month: time.November, Day: 3}},
		{"America/Sao_Paulo", calendar.Date{Year: 2018, Month: time.November, Day: 5}, "2018-11-05T02:00:00Z", 24 * time.Hour,
			"2018-11-05T02:30:00Z", calendar.Date{Year: 2018, Month: time.November, Day: 5}},
	} {
		loc, err := time.LoadLocation(c.zone)
		require.NoError(t, err)
		cal, err := calendar.New(calendar.InLocation(loc), calendar.WithYears(2017, 2019))
		require.NoError(t, err)
		begin, err := cal.At(c.day, 0)
		require.NoError(t, err)
		assert.True(t, utc(c.begins).Equal(begin), "%s %s begins at %s, not %s", c.zone, c.day, c.begins, begin.UTC())
		next, err := cal.At(c.day.AddDays(1), 0)
		require.NoError(t, err)
		assert.Equal(t, c.lasts, next.Sub(begin), "%s %s lasts", c.zone, c.day)
		end, _, err := cal.MustSchedule(calendar.Window24x7()).CloseOn(c.day)
		require.NoError(t, err)
		assert.True(t, next.Equal(end), "%s %s: 24x7 closes when the next day begins, not %s", c.zone, c.day, end.UTC())
		assert.Equal(t, c.date, cal.DateOf(utc(c.instant)), "%s: the date of %s", c.zone, c.instant)
	}
}

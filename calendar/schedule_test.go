package calendar

import (
	"math"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Every expected instant in this file is worked out by hand from the rules
// (SPEC.md sections 1-3 and 6): weekdays and holidays were checked with
// python's datetime and dateutil.easter, and the clock changes with the EU rule
// (summer time from 01:00 UTC on the last Sunday of March to 01:00 UTC on the
// last Sunday of October). Expected instants are written with fixed zones
// (schCET is UTC+1, schCEST is UTC+2), so they do not depend on any zone
// database, not even the embedded one.
//
// Facts used below (python's datetime):
//   2025-12-23 Tue; 24, 25, 26 Dec 2025 Wed-Fri are holidays; 27-28 weekend; 29 Mon.
//   2026: Easter Sunday 5 Apr, Easter Monday 6 Apr; 1 May Fri; 3 May Sun;
//   Corpus Christi 4 Jun Thu; 15 Aug Sat; 11 Nov Wed; 16-20 Nov Mon-Fri.
//   2026 and 2150 share their clock-change dates: Fri 27 Mar, Sun 29 Mar
//   (forward), Mon 30 Mar; Fri 23 Oct, Sun 25 Oct (back), Mon 26 Oct. Easter
//   2150 is 12 Apr, so no holiday falls near either change.
//   November 2026 has 20 business days; 2026 has 253.
//   1990-01-01 is a Monday (New Year, a holiday), 2200-12-31 a Wednesday.

var (
	schCET  = time.FixedZone("CET", 1*60*60)
	schCEST = time.FixedZone("CEST", 2*60*60)
)

// schCet and schCest are wall-clock times in a fixed offset.
func schCet(y int, m time.Month, d, h, mi int) time.Time {
	return time.Date(y, m, d, h, mi, 0, 0, schCET)
}

func schCest(y int, m time.Month, d, h, mi int) time.Time {
	return time.Date(y, m, d, h, mi, 0, 0, schCEST)
}

const schNs = time.Nanosecond

// schFmt formats an instant in Warsaw for failure messages.
func schFmt(t time.Time) string {
	return t.In(Warsaw()).Format("Mon 2006-01-02 15:04:05.999999999 MST")
}

// schAssertAt checks that got is the instant want and that it is given in the
// calendar's location.
func schAssertAt(t *testing.T, want, got time.Time, what string) bool {
	t.Helper()
	ok := assert.Truef(t, want.Equal(got), "%s: want %s, got %s", what, schFmt(want), schFmt(got))
	return assert.Truef(t, got.Location() == Poland().Location(), "%s: result in %s, not the calendar's location", what, got.Location()) && ok
}

func schSchedule(t testing.TB, w Window) *Schedule {
	t.Helper()
	s, err := Poland().Schedule(w)
	require.NoError(t, err, "schedule of %s", w)
	return s
}

// Custom windows.
var (
	// schMonSat is 07:00-19:00 Monday to Saturday, closed on holidays.
	schMonSat = MustParseWindow("Mon-Sat 07:00-19:00")
	// sch24x5 is all day Monday to Friday, closed on holidays.
	sch24x5 = MustParseWindow("Mon-Fri 00:00-24:00")
	// schNight is 02:00-04:00 every day, holidays included: it covers the hour
	// the spring clock change skips and the hour the autumn one repeats.
	schNight = MustParseWindow("Mon-Sun 02:00-04:00 +holidays")
	// schSkipped is 02:30-03:00 every day: on the spring change day its opening
	// (02:30, normalised to 03:30 CEST) comes after its close (03:00 CEST).
	schSkipped = MustParseWindow("Mon-Sun 02:30-03:00 +holidays")
	// schLunch is Monday to Friday 08:00-12:00 and 13:00-17:00: a lunch break.
	schLunch = MustParseWindow("Mon-Fri 08:00-12:00,13:00-17:00")
	// schSaturday has other hours on Saturday.
	schSaturday = MustParseWindow("Mon-Fri 09:00-17:00; Sat 09:00-13:00")
	// schOvernight is a night shift opening Monday to Friday, closed on
	// holidays: Friday's runs into Saturday morning.
	schOvernight = MustParseWindow("Mon-Fri 22:00-06:00")
	// schNights is every night, holidays included, across both clock changes.
	schNights = MustParseWindow("Mon-Sun 22:00-06:00 +holidays")
	// schOverlap has a night shift that runs into the weekday's own hours.
	schOverlap = MustParseWindow("Mon-Sun 20:00-08:00; Mon-Fri 07:00-12:00")
	// schBreakAtNight has a break in the hour clocks skip or repeat.
	schBreakAtNight = MustParseWindow("Mon-Sun 01:00-02:15,02:45-04:00 +holidays")
)

func TestScheduleRejectsInvalidWindows(t *testing.T) {
	cases := []struct {
		name string
		w    Window
	}{
		{"the zero window never opens", Window{}},
		{"a window open on holidays but with no hours never opens", Window{OpenOnHolidays: true}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s, err := Poland().Schedule(c.w)
			assert.Nil(t, s)
			assert.ErrorIs(t, err, ErrInvalid)
			var ve *ValueError
			assert.ErrorAs(t, err, &ve)
			assert.Panics(t, func() { Poland().MustSchedule(c.w) })
		})
	}

	t.Run("a nil or zero calendar has no schedules", func(t *testing.T) {
		var nilCal *Calendar
		_, err := nilCal.Schedule(Window8x5())
		assert.ErrorIs(t, err, ErrInvalid)
		_, err = new(Calendar).Schedule(Window8x5())
		assert.ErrorIs(t, err, ErrInvalid)
	})
}

func TestScheduleIsSharedAndKnowsItsWindow(t *testing.T) {
	a := schSchedule(t, Window9x5())
	b := schSchedule(t, Window9x5())
	assert.Same(t, a, b, "asking again for the same window returns the same *Schedule")
	assert.Equal(t, Window9x5(), a.Window())
	assert.Same(t, Poland(), a.Calendar())
	assert.NotSame(t, a, schSchedule(t, Window8x5()))
}

// A calendar keeps at most 64 compiled windows, so callers asking for windows
// without end (custom windows read from files) cannot grow its memory without
// bound; a window past the 64th is compiled for the call, correctly, and not
// kept.
func TestScheduleCacheIsBounded(t *testing.T) {
	c, err := NewPoland(WithYears(2026, 2026))
	require.NoError(t, err)
	windowN := func(i int) Window { // 08:00-16:00 shifted by i minutes, Monday to Friday
		w, err := NewWindow(MondayToFriday, Interval{Open: Clock(8, i, 0), Close: Clock(16, i, 0)})
		require.NoError(t, err)
		return w
	}
	kept := make([]*Schedule, 64)
	for i := range kept {
		kept[i], err = c.Schedule(windowN(i))
		require.NoError(t, err)
	}
	for i := range kept {
		again, err := c.Schedule(windowN(i))
		require.NoError(t, err)
		assert.Same(t, kept[i], again, "window %d is kept", i)
	}

	w := windowN(64) // 09:04-17:04
	a, err := c.Schedule(w)
	require.NoError(t, err)
	b, err := c.Schedule(w)
	require.NoError(t, err)
	assert.NotSame(t, a, b, "the 65th window is not kept")
	assert.Len(t, c.schedules, 64)
	assert.Equal(t, w, a.Window())
	// Tue 10 Nov 2026 16:04 + 2h: one hour to the 17:04 close, Wednesday 11 Nov
	// is a holiday, one more hour from Thursday's 09:04 opening: 10:04.
	for _, s := range []*Schedule{a, b} {
		got, err := s.Add(schCet(2026, 11, 10, 16, 4), 2*time.Hour)
		require.NoError(t, err)
		schAssertAt(t, schCet(2026, 11, 12, 10, 4), got, "Add on an uncached schedule")
	}
	// The windows kept before still answer from the cache.
	again, err := c.Schedule(windowN(0))
	require.NoError(t, err)
	assert.Same(t, kept[0], again)
}

// Contains and NextOpen exactly at, and one nanosecond either side of, the
// opening and the close, on plain days, weekends and holidays.
func TestScheduleContainsAndNextOpenAtEdges(t *testing.T) {
	cases := []struct {
		name     string
		w        Window
		at       time.Time
		inside   bool
		nextOpen time.Time
	}{
		{"8x5: 1ns before the opening is outside; the next opening is the opening", Window8x5(), schCet(2026, 11, 16, 9, 0).Add(-schNs), false, schCet(2026, 11, 16, 9, 0)},
		{"8x5: the opening is inside", Window8x5(), schCet(2026, 11, 16, 9, 0), true, schCet(2026, 11, 16, 9, 0)},
		{"8x5: 1ns after the opening is inside", Window8x5(), schCet(2026, 11, 16, 9, 0).Add(schNs), true, schCet(2026, 11, 16, 9, 0).Add(schNs)},
		{"8x5: 1ns before the close is inside", Window8x5(), schCet(2026, 11, 16, 17, 0).Add(-schNs), true, schCet(2026, 11, 16, 17, 0).Add(-schNs)},
		{"8x5: the close is not inside; the next opening is the next business day's", Window8x5(), schCet(2026, 11, 16, 17, 0), false, schCet(2026, 11, 17, 9, 0)},
		{"8x5: 1ns after the close", Window8x5(), schCet(2026, 11, 16, 17, 0).Add(schNs), false, schCet(2026, 11, 17, 9, 0)},
		{"8x5: from the Friday close to Monday", Window8x5(), schCet(2026, 11, 20, 17, 0), false, schCet(2026, 11, 23, 9, 0)},
		{"8x5: a Saturday is closed", Window8x5(), schCet(2026, 11, 21, 12, 0), false, schCet(2026, 11, 23, 9, 0)},
		{"8x5: a holiday on a Wednesday is closed", Window8x5(), schCet(2026, 11, 11, 10, 0), false, schCet(2026, 11, 12, 9, 0)},
		{"8x5: from the close before a holiday to the day after it", Window8x5(), schCet(2026, 11, 10, 17, 0), false, schCet(2026, 11, 12, 9, 0)},
		{"8x5: midnight is outside", Window8x5(), schCet(2026, 11, 17, 0, 0), false, schCet(2026, 11, 17, 9, 0)},
		{"8x5: Easter Monday is closed", Window8x5(), schCest(2026, 4, 6, 12, 0), false, schCest(2026, 4, 7, 9, 0)},
		{"8x5: from 1 May (a Friday) over a weekend with 3 May to Monday 4 May", Window8x5(), schCest(2026, 5, 1, 12, 0), false, schCest(2026, 5, 4, 9, 0)},
		{"8x5: Corpus Christi is closed", Window8x5(), schCest(2026, 6, 4, 12, 0), false, schCest(2026, 6, 5, 9, 0)},

		{"9x5: 1ns before 18:00 is inside", Window9x5(), schCet(2026, 11, 16, 18, 0).Add(-schNs), true, schCet(2026, 11, 16, 18, 0).Add(-schNs)},
		{"9x5: 17:00 is inside", Window9x5(), schCet(2026, 11, 16, 17, 0), true, schCet(2026, 11, 16, 17, 0)},
		{"9x5: 18:00 is not inside", Window9x5(), schCet(2026, 11, 16, 18, 0), false, schCet(2026, 11, 17, 9, 0)},
		{"9x5: 1ns before 09:00 is outside", Window9x5(), schCet(2026, 11, 16, 9, 0).Add(-schNs), false, schCet(2026, 11, 16, 9, 0)},
		{"9x5: 09:00 is inside", Window9x5(), schCet(2026, 11, 16, 9, 0), true, schCet(2026, 11, 16, 9, 0)},
		{"9x5: over Christmas 2025, 24-26 Dec and the weekend, to Monday 29 Dec", Window9x5(), schCet(2025, 12, 23, 18, 0), false, schCet(2025, 12, 29, 9, 0)},
		{"9x5: Christmas Eve 2025 is a holiday", Window9x5(), schCet(2025, 12, 24, 10, 0), false, schCet(2025, 12, 29, 9, 0)},

		{"24x7: midnight is inside", Window24x7(), schCet(2026, 11, 22, 0, 0), true, schCet(2026, 11, 22, 0, 0)},
		{"24x7: 1ns before midnight is inside", Window24x7(), schCet(2026, 11, 22, 0, 0).Add(-schNs), true, schCet(2026, 11, 22, 0, 0).Add(-schNs)},
		{"24x7: holidays are open", Window24x7(), schCet(2026, 11, 11, 3, 0), true, schCet(2026, 11, 11, 3, 0)},
		{"24x7: Christmas Day is open", Window24x7(), schCet(2025, 12, 25, 23, 59), true, schCet(2025, 12, 25, 23, 59)},
		{"24x7: the first 02:30 of the autumn change is inside", Window24x7(), schCest(2026, 10, 25, 2, 30), true, schCest(2026, 10, 25, 2, 30)},
		{"24x7: the second 02:30 of the autumn change is inside", Window24x7(), schCet(2026, 10, 25, 2, 30), true, schCet(2026, 10, 25, 2, 30)},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := schSchedule(t, c.w)
			in, err := s.Contains(c.at)
			require.NoError(t, err)
			assert.Equal(t, c.inside, in, "Contains(%s)", schFmt(c.at))
			next, err := s.NextOpen(c.at)
			require.NoError(t, err)
			schAssertAt(t, c.nextOpen, next, "NextOpen")
			if c.inside {
				schAssertAt(t, c.at, next, "NextOpen of an instant inside is the instant")
			}
		})
	}
}

type schAddCase struct {
	name string
	w    Window
	from time.Time
	d    time.Duration
	want time.Time
}

// schAddCases are Add cases common to the plain-day tests.
var schAddCases = []schAddCase{
	// 8x5 edges, one nanosecond at a time.
	{"8x5: from 1ns before the opening, time before it does not count", Window8x5(), schCet(2026, 11, 16, 9, 0).Add(-schNs), schNs, schCet(2026, 11, 16, 9, 0).Add(schNs)},
	{"8x5: from the opening", Window8x5(), schCet(2026, 11, 16, 9, 0), schNs, schCet(2026, 11, 16, 9, 0).Add(schNs)},
	{"8x5: the last nanosecond of the day runs out at the close", Window8x5(), schCet(2026, 11, 16, 17, 0).Add(-schNs), schNs, schCet(2026, 11, 16, 17, 0)},
	{"8x5: from the close, the next nanosecond is the next morning's", Window8x5(), schCet(2026, 11, 16, 17, 0), schNs, schCet(2026, 11, 17, 9, 0).Add(schNs)},
	{"8x5: from 1ns after the close", Window8x5(), schCet(2026, 11, 16, 17, 0).Add(schNs), schNs, schCet(2026, 11, 17, 9, 0).Add(schNs)},
	// 8x5 durations that end exactly at a close.
	{"8x5: Monday 13:00 + 4h ends at Monday's close, not Tuesday 09:00", Window8x5(), schCet(2026, 11, 16, 13, 0), 4 * time.Hour, schCet(2026, 11, 16, 17, 0)},
	{"8x5: a day from the opening ends at the close", Window8x5(), schCet(2026, 11, 16, 9, 0), 8 * time.Hour, schCet(2026, 11, 16, 17, 0)},
	{"8x5: two days from the opening end at the second close", Window8x5(), schCet(2026, 11, 16, 9, 0), 16 * time.Hour, schCet(2026, 11, 17, 17, 0)},
	{"8x5: a week from Monday's opening ends at Friday's close", Window8x5(), schCet(2026, 11, 16, 9, 0), 40 * time.Hour, schCet(2026, 11, 20, 17, 0)},
	// 8x5 from outside the window.
	{"8x5: from before the opening, the clock starts at 09:00", Window8x5(), schCet(2026, 11, 16, 7, 0), time.Hour, schCet(2026, 11, 16, 10, 0)},
	{"8x5: from after the close, the clock starts the next morning", Window8x5(), schCet(2026, 11, 16, 19, 0), time.Hour, schCet(2026, 11, 17, 10, 0)},
	{"8x5: from a Saturday, the clock starts on Monday", Window8x5(), schCet(2026, 11, 21, 10, 0), 2 * time.Hour, schCet(2026, 11, 23, 11, 0)},
	{"8x5: from Friday afternoon over the weekend", Window8x5(), schCet(2026, 11, 20, 16, 0), 2 * time.Hour, schCet(2026, 11, 23, 10, 0)},
	{"8x5: from a holiday, the clock starts the next business day", Window8x5(), schCet(2026, 11, 11, 10, 0), time.Hour, schCet(2026, 11, 12, 10, 0)},
	{"8x5: Tue 16:00 + 4h skips Wed 11 Nov and ends Thu 12:00", Window8x5(), schCet(2026, 11, 10, 16, 0), 4 * time.Hour, schCet(2026, 11, 12, 12, 0)},
	{"8x5: over Christmas 2025, one hour on the 23rd, seven on the 29th", Window8x5(), schCet(2025, 12, 23, 16, 0), 8 * time.Hour, schCet(2025, 12, 29, 16, 0)},
	{"8x5: over New Year 2026 (a Thursday) to Friday 2 Jan", Window8x5(), schCet(2025, 12, 31, 16, 0), 2 * time.Hour, schCet(2026, 1, 2, 10, 0)},
	{"8x5: over Easter 2026, Friday to Tuesday after Easter Monday", Window8x5(), schCest(2026, 4, 3, 15, 0), 4 * time.Hour, schCest(2026, 4, 7, 11, 0)},
	{"8x5: over 1-3 May 2026 to Monday 4 May", Window8x5(), schCest(2026, 4, 30, 16, 0), 2 * time.Hour, schCest(2026, 5, 4, 10, 0)},
	{"8x5: over Corpus Christi 2026", Window8x5(), schCest(2026, 6, 3, 17, 0), time.Hour, schCest(2026, 6, 5, 10, 0)},
	// Add of zero.
	{"8x5: adding nothing outside the window is t", Window8x5(), schCet(2026, 11, 21, 10, 0), 0, schCet(2026, 11, 21, 10, 0)},
	{"8x5: adding nothing inside the window is t", Window8x5(), schCet(2026, 11, 16, 10, 0), 0, schCet(2026, 11, 16, 10, 0)},
	{"8x5: adding nothing before the opening is t, not the opening", Window8x5(), schCet(2026, 11, 16, 7, 0), 0, schCet(2026, 11, 16, 7, 0)},
	{"8x5: adding nothing at the close is the close, not the next opening", Window8x5(), schCet(2026, 11, 16, 17, 0), 0, schCet(2026, 11, 16, 17, 0)},
	// 8x5 going back.
	{"8x5: 1ns back from 1ns after the opening is the opening", Window8x5(), schCet(2026, 11, 16, 9, 0).Add(schNs), -schNs, schCet(2026, 11, 16, 9, 0)},
	{"8x5: 1ns back from the opening is the previous business day's last nanosecond", Window8x5(), schCet(2026, 11, 16, 9, 0), -schNs, schCet(2026, 11, 13, 17, 0).Add(-schNs)},
	{"8x5: 1ns back from the close", Window8x5(), schCet(2026, 11, 16, 17, 0), -schNs, schCet(2026, 11, 16, 17, 0).Add(-schNs)},
	{"8x5: 1ns back from after the close", Window8x5(), schCet(2026, 11, 16, 17, 0).Add(schNs), -schNs, schCet(2026, 11, 16, 17, 0).Add(-schNs)},
	{"8x5: going back ends at an opening, not at the previous close", Window8x5(), schCet(2026, 11, 17, 10, 0), -time.Hour, schCet(2026, 11, 17, 9, 0)},
	{"8x5: going back over a weekend ends at Friday's opening", Window8x5(), schCet(2026, 11, 23, 10, 0), -9 * time.Hour, schCet(2026, 11, 20, 9, 0)},
	{"8x5: going back over a holiday", Window8x5(), schCet(2026, 11, 12, 10, 0), -2 * time.Hour, schCet(2026, 11, 10, 16, 0)},
	{"8x5: going back from a Saturday", Window8x5(), schCet(2026, 11, 21, 12, 0), -time.Hour, schCet(2026, 11, 20, 16, 0)},

	// 9x5.
	{"9x5: Monday 13:00 + 5h ends at the 18:00 close", Window9x5(), schCet(2026, 11, 16, 13, 0), 5 * time.Hour, schCet(2026, 11, 16, 18, 0)},
	{"9x5: a day from the opening ends at the close", Window9x5(), schCet(2026, 11, 16, 9, 0), 9 * time.Hour, schCet(2026, 11, 16, 18, 0)},
	{"9x5: the last nanosecond runs out at the close", Window9x5(), schCet(2026, 11, 16, 18, 0).Add(-schNs), schNs, schCet(2026, 11, 16, 18, 0)},
	{"9x5: from the close, the next nanosecond is the next morning's", Window9x5(), schCet(2026, 11, 16, 18, 0), schNs, schCet(2026, 11, 17, 9, 0).Add(schNs)},
	{"9x5: from before the opening", Window9x5(), schCet(2026, 11, 16, 9, 0).Add(-schNs), schNs, schCet(2026, 11, 16, 9, 0).Add(schNs)},
	{"9x5: Tue 23 Dec 2025 17:00 + 2h skips 24-28 Dec and ends Mon 29 Dec 10:00", Window9x5(), schCet(2025, 12, 23, 17, 0), 2 * time.Hour, schCet(2025, 12, 29, 10, 0)},
	{"9x5: Mon 29 Dec 2025 10:00 - 2h goes back over Christmas to Tue 23 Dec 17:00", Window9x5(), schCet(2025, 12, 29, 10, 0), -2 * time.Hour, schCet(2025, 12, 23, 17, 0)},
	{"9x5: over Easter 2026", Window9x5(), schCest(2026, 4, 3, 17, 0), 2 * time.Hour, schCest(2026, 4, 7, 10, 0)},
	{"9x5: over 1-3 May 2026", Window9x5(), schCest(2026, 4, 30, 17, 0), 2 * time.Hour, schCest(2026, 5, 4, 10, 0)},

	// 24x7.
	{"24x7: the last nanosecond of the day ends at midnight", Window24x7(), schCet(2026, 11, 22, 0, 0).Add(-schNs), schNs, schCet(2026, 11, 22, 0, 0)},
	{"24x7: Saturday 20:00 + 4h is Sunday 00:00", Window24x7(), schCet(2026, 11, 21, 20, 0), 4 * time.Hour, schCet(2026, 11, 22, 0, 0)},
	{"24x7: holidays count", Window24x7(), schCet(2026, 11, 10, 22, 0), 4 * time.Hour, schCet(2026, 11, 11, 2, 0)},
	{"24x7: Christmas counts", Window24x7(), schCet(2025, 12, 24, 10, 0), 48 * time.Hour, schCet(2025, 12, 26, 10, 0)},
	{"24x7: 1ns back from midnight", Window24x7(), schCet(2026, 11, 22, 0, 0), -schNs, schCet(2026, 11, 22, 0, 0).Add(-schNs)},
	{"24x7: a day back", Window24x7(), schCet(2026, 11, 16, 10, 0), -24 * time.Hour, schCet(2026, 11, 15, 10, 0)},
	{"24x7: adding nothing is t", Window24x7(), schCet(2026, 11, 16, 10, 0), 0, schCet(2026, 11, 16, 10, 0)},
}

// schClockChangeAddCases are the Add cases around the clock changes of year y
// (2026 or 2150, which share their dates).
func schClockChangeAddCases(y int) []schAddCase {
	return []schAddCase{
		{"24x7: 01:30 + 4h on the spring-forward night is 06:30 CEST", Window24x7(), schCet(y, 3, 29, 1, 30), 4 * time.Hour, schCest(y, 3, 29, 6, 30)},
		{"24x7: 01:30 + 4h on the fall-back night is 04:30 CET", Window24x7(), schCest(y, 10, 25, 1, 30), 4 * time.Hour, schCet(y, 10, 25, 4, 30)},
		{"24x7: 06:30 CEST - 4h on the spring-forward night is 01:30 CET", Window24x7(), schCest(y, 3, 29, 6, 30), -4 * time.Hour, schCet(y, 3, 29, 1, 30)},
		{"24x7: 04:30 CET - 4h on the fall-back night is 01:30 CEST", Window24x7(), schCet(y, 10, 25, 4, 30), -4 * time.Hour, schCest(y, 10, 25, 1, 30)},
		{"24x7: an hour after 01:59 CET is 03:59 CEST", Window24x7(), schCet(y, 3, 29, 1, 59), time.Hour, schCest(y, 3, 29, 3, 59)},
		{"24x7: an hour after the first 02:30 is the second", Window24x7(), schCest(y, 10, 25, 2, 30), time.Hour, schCet(y, 10, 25, 2, 30)},
		{"24x7: a day of 23 hours", Window24x7(), schCet(y, 3, 29, 0, 0), 23 * time.Hour, schCest(y, 3, 30, 0, 0)},
		{"24x7: a day of 25 hours", Window24x7(), schCest(y, 10, 25, 0, 0), 25 * time.Hour, schCet(y, 10, 26, 0, 0)},

		{"8x5: Friday 16:00 CET + 2h over the spring change is Monday 10:00 CEST", Window8x5(), schCet(y, 3, 27, 16, 0), 2 * time.Hour, schCest(y, 3, 30, 10, 0)},
		{"8x5: Monday 10:00 CEST - 2h over the spring change is Friday 16:00 CET", Window8x5(), schCest(y, 3, 30, 10, 0), -2 * time.Hour, schCet(y, 3, 27, 16, 0)},
		{"8x5: Friday 16:00 CEST + 2h over the autumn change is Monday 10:00 CET", Window8x5(), schCest(y, 10, 23, 16, 0), 2 * time.Hour, schCet(y, 10, 26, 10, 0)},
		{"8x5: Monday 10:00 CET - 2h over the autumn change is Friday 16:00 CEST", Window8x5(), schCet(y, 10, 26, 10, 0), -2 * time.Hour, schCest(y, 10, 23, 16, 0)},
		{"8x5: the Monday after the spring change is 09:00-17:00 CEST", Window8x5(), schCest(y, 3, 30, 9, 0), 8 * time.Hour, schCest(y, 3, 30, 17, 0)},
		{"8x5: the Monday after the autumn change is 09:00-17:00 CET", Window8x5(), schCet(y, 10, 26, 9, 0), 8 * time.Hour, schCet(y, 10, 26, 17, 0)},
		{"8x5: the Friday before the spring change is 09:00-17:00 CET", Window8x5(), schCet(y, 3, 27, 9, 0), 8 * time.Hour, schCet(y, 3, 27, 17, 0)},
		{"8x5: the Friday before the autumn change is 09:00-17:00 CEST", Window8x5(), schCest(y, 10, 23, 9, 0), 8 * time.Hour, schCest(y, 10, 23, 17, 0)},
		{"8x5: from the spring change night to Monday", Window8x5(), schCet(y, 3, 29, 1, 30), time.Hour, schCest(y, 3, 30, 10, 0)},

		{"9x5: Friday 17:00 CET + 2h over the spring change is Monday 10:00 CEST", Window9x5(), schCet(y, 3, 27, 17, 0), 2 * time.Hour, schCest(y, 3, 30, 10, 0)},
		{"9x5: Friday 17:00 CEST + 2h over the autumn change is Monday 10:00 CET", Window9x5(), schCest(y, 10, 23, 17, 0), 2 * time.Hour, schCet(y, 10, 26, 10, 0)},
		{"9x5: the Monday after the spring change closes at 18:00 CEST", Window9x5(), schCest(y, 3, 30, 9, 0), 9 * time.Hour, schCest(y, 3, 30, 18, 0)},
		{"9x5: the Monday after the autumn change closes at 18:00 CET", Window9x5(), schCet(y, 10, 26, 9, 0), 9 * time.Hour, schCet(y, 10, 26, 18, 0)},
		{"9x5: the Friday before the spring change closes at 18:00 CET", Window9x5(), schCet(y, 3, 27, 13, 0), 5 * time.Hour, schCet(y, 3, 27, 18, 0)},
		{"9x5: the Friday before the autumn change closes at 18:00 CEST", Window9x5(), schCest(y, 10, 23, 13, 0), 5 * time.Hour, schCest(y, 10, 23, 18, 0)},
	}
}

func schRunAddCases(t *testing.T, cases []schAddCase) {
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := schSchedule(t, c.w)
			got, err := s.Add(c.from, c.d)
			require.NoError(t, err)
			schAssertAt(t, c.want, got, "Add("+schFmt(c.from)+", "+c.d.String()+")")
			if c.d >= 0 {
				between, err := s.Between(c.from, got)
				require.NoError(t, err)
				assert.Equal(t, c.d, between, "Between(t, Add(t, d)) == d")
			} else {
				between, err := s.Between(got, c.from)
				require.NoError(t, err)
				assert.Equal(t, -c.d, between, "Between(Add(t, d), t) == -d")
			}
		})
	}
}

func TestScheduleAdd(t *testing.T) {
	schRunAddCases(t, schAddCases)
}

// The clock changes of 2026 (from the zone's transitions) and 2150 (from the
// rule the embedded zone data extrapolates with, past 2037).
func TestScheduleAddAcrossClockChanges(t *testing.T) {
	for _, y := range []int{2026, 2150} {
		t.Run(itoa(y), func(t *testing.T) { schRunAddCases(t, schClockChangeAddCases(y)) })
	}
}

type schBetweenCase struct {
	name string
	w    Window
	a, b time.Time
	want time.Duration
}

func schRunBetweenCases(t *testing.T, cases []schBetweenCase) {
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := schSchedule(t, c.w)
			got, err := s.Between(c.a, c.b)
			require.NoError(t, err)
			assert.Equal(t, c.want, got, "Between(%s, %s)", schFmt(c.a), schFmt(c.b))
			back, err := s.Between(c.b, c.a)
			require.NoError(t, err)
			assert.Equal(t, -c.want, back, "Between with b before a is negative")
		})
	}
}

func TestScheduleBetween(t *testing.T) {
	cases := []schBetweenCase{
		{"8x5: an instant to itself is nothing", Window8x5(), schCet(2026, 11, 16, 10, 0), schCet(2026, 11, 16, 10, 0), 0},
		{"8x5: time before the opening does not count", Window8x5(), schCet(2026, 11, 16, 8, 0), schCet(2026, 11, 16, 9, 30), 30 * time.Minute},
		{"8x5: time after the close does not count", Window8x5(), time.Date(2026, 11, 16, 16, 30, 15, 0, schCET), schCet(2026, 11, 16, 18, 0), 29*time.Minute + 45*time.Second},
		{"8x5: odd seconds inside the window", Window8x5(), time.Date(2026, 11, 16, 10, 0, 7, 0, schCET), time.Date(2026, 11, 16, 10, 0, 0, 0, schCET), -7 * time.Second},
		{"8x5: a night is nothing", Window8x5(), schCet(2026, 11, 16, 17, 0), schCet(2026, 11, 17, 9, 0), 0},
		{"8x5: a week with a holiday is four days", Window8x5(), schCet(2026, 11, 9, 0, 0), schCet(2026, 11, 16, 0, 0), 32 * time.Hour},
		{"8x5: over Easter 2026, Thursday to Wednesday is four days", Window8x5(), schCest(2026, 4, 2, 9, 0), schCest(2026, 4, 8, 17, 0), 32 * time.Hour},
		{"8x5: Christmas week 2025 and the next, five business days", Window8x5(), schCet(2025, 12, 22, 9, 0), schCet(2025, 12, 31, 17, 0), 40 * time.Hour},
		{"8x5: November 2026 has 20 business days", Window8x5(), schCet(2026, 11, 1, 0, 0), schCet(2026, 12, 1, 0, 0), 20 * 8 * time.Hour},
		{"8x5: 2026 has 253 business days, across both clock changes", Window8x5(), schCet(2026, 1, 1, 0, 0), schCet(2027, 1, 1, 0, 0), 253 * 8 * time.Hour},
		{"9x5: 2026 has 253 business days of nine hours", Window9x5(), schCet(2026, 1, 1, 0, 0), schCet(2027, 1, 1, 0, 0), 253 * 9 * time.Hour},
		{"9x5: over 1-3 May 2026, Thursday and Monday", Window9x5(), schCest(2026, 4, 30, 9, 0), schCest(2026, 5, 4, 18, 0), 18 * time.Hour},
		{"9x5: Christmas 2025 has one business day, the 23rd", Window9x5(), schCet(2025, 12, 23, 0, 0), schCet(2025, 12, 29, 0, 0), 9 * time.Hour},
		{"24x7: 2026 is 365 days of 24 real hours (the clock changes cancel)", Window24x7(), schCet(2026, 1, 1, 0, 0), schCet(2027, 1, 1, 0, 0), 365 * 24 * time.Hour},
		{"24x7: odd seconds are real seconds", Window24x7(), time.Date(2026, 11, 16, 10, 0, 7, 0, schCET), time.Date(2026, 11, 17, 10, 0, 0, 1, schCET), 24*time.Hour - 7*time.Second + schNs},
	}
	for _, y := range []int{2026, 2150} {
		cases = append(cases, []schBetweenCase{
			{itoa(y) + " 9x5: Friday 09:00 to Monday 18:00 over the spring change is 18h", Window9x5(), schCet(y, 3, 27, 9, 0), schCest(y, 3, 30, 18, 0), 18 * time.Hour},
			{itoa(y) + " 9x5: Friday 09:00 to Monday 18:00 over the autumn change is 18h", Window9x5(), schCest(y, 10, 23, 9, 0), schCet(y, 10, 26, 18, 0), 18 * time.Hour},
			{itoa(y) + " 8x5: Friday 09:00 to Monday 17:00 over the spring change is 16h", Window8x5(), schCet(y, 3, 27, 9, 0), schCest(y, 3, 30, 17, 0), 16 * time.Hour},
			{itoa(y) + " 8x5: Friday 09:00 to Monday 17:00 over the autumn change is 16h", Window8x5(), schCest(y, 10, 23, 9, 0), schCet(y, 10, 26, 17, 0), 16 * time.Hour},
			{itoa(y) + " 8x5: the spring change weekend is closed", Window8x5(), schCet(y, 3, 27, 17, 0), schCest(y, 3, 30, 9, 0), 0},
			{itoa(y) + " 24x7: the spring change day is 23 real hours", Window24x7(), schCet(y, 3, 29, 0, 0), schCest(y, 3, 30, 0, 0), 23 * time.Hour},
			{itoa(y) + " 24x7: the autumn change day is 25 real hours", Window24x7(), schCest(y, 10, 25, 0, 0), schCet(y, 10, 26, 0, 0), 25 * time.Hour},
			{itoa(y) + " 24x7: 01:00 CET to 03:00 CEST is one hour", Window24x7(), schCet(y, 3, 29, 1, 0), schCest(y, 3, 29, 3, 0), time.Hour},
			{itoa(y) + " 24x7: the first 02:00 to the second is one hour", Window24x7(), schCest(y, 10, 25, 2, 0), schCet(y, 10, 25, 2, 0), time.Hour},
			{itoa(y) + " 24x7: the week of the spring change is 167 hours", Window24x7(), schCet(y, 3, 28, 0, 0), schCest(y, 4, 4, 0, 0), 167 * time.Hour},
		}...)
	}
	schRunBetweenCases(t, cases)
}

// OpenOn and CloseOn: the wall-clock hours on plain days and around the clock
// changes, closed on weekends and holidays, and 24x7 from midnight to the next
// day's midnight, also on the 23- and 25-hour days.
func TestScheduleOpenOnCloseOn(t *testing.T) {
	type row struct {
		name        string
		w           Window
		d           Date
		open        bool
		opens, ends time.Time
		length      time.Duration // Between(opens, ends)
	}
	rows := []row{
		{"8x5 on a plain Monday", Window8x5(), Date{2026, 11, 16}, true, schCet(2026, 11, 16, 9, 0), schCet(2026, 11, 16, 17, 0), 8 * time.Hour},
		{"9x5 on a plain Monday", Window9x5(), Date{2026, 11, 16}, true, schCet(2026, 11, 16, 9, 0), schCet(2026, 11, 16, 18, 0), 9 * time.Hour},
		{"9x5 on the day before Christmas Eve 2025", Window9x5(), Date{2025, 12, 23}, true, schCet(2025, 12, 23, 9, 0), schCet(2025, 12, 23, 18, 0), 9 * time.Hour},
		{"8x5 is closed on 11 Nov", Window8x5(), Date{2026, 11, 11}, false, time.Time{}, time.Time{}, 0},
		{"8x5 is closed on a Saturday", Window8x5(), Date{2026, 11, 21}, false, time.Time{}, time.Time{}, 0},
		{"9x5 is closed on Christmas Eve 2025", Window9x5(), Date{2025, 12, 24}, false, time.Time{}, time.Time{}, 0},
		{"9x5 is closed on 26 Dec 2025, a Friday", Window9x5(), Date{2025, 12, 26}, false, time.Time{}, time.Time{}, 0},
		{"9x5 is closed on Easter Monday 2026", Window9x5(), Date{2026, 4, 6}, false, time.Time{}, time.Time{}, 0},
		{"9x5 is closed on 1 May 2026", Window9x5(), Date{2026, 5, 1}, false, time.Time{}, time.Time{}, 0},
		{"9x5 is closed on Corpus Christi 2026", Window9x5(), Date{2026, 6, 4}, false, time.Time{}, time.Time{}, 0},
		{"24x7 is open on a holiday, to the next day's midnight", Window24x7(), Date{2026, 11, 11}, true, schCet(2026, 11, 11, 0, 0), schCet(2026, 11, 12, 0, 0), 24 * time.Hour},
		{"24x7 is open on a Saturday", Window24x7(), Date{2026, 11, 21}, true, schCet(2026, 11, 21, 0, 0), schCet(2026, 11, 22, 0, 0), 24 * time.Hour},
		{"24x7 is open on Christmas Day", Window24x7(), Date{2025, 12, 25}, true, schCet(2025, 12, 25, 0, 0), schCet(2025, 12, 26, 0, 0), 24 * time.Hour},
		{"24x7 on the day before the spring change", Window24x7(), Date{2026, 3, 28}, true, schCet(2026, 3, 28, 0, 0), schCet(2026, 3, 29, 0, 0), 24 * time.Hour},
	}
	for _, y := range []int{2026, 2150} {
		rows = append(rows, []row{
			{itoa(y) + " 24x7 on the spring change day lasts 23 hours", Window24x7(), Date{y, 3, 29}, true, schCet(y, 3, 29, 0, 0), schCest(y, 3, 30, 0, 0), 23 * time.Hour},
			{itoa(y) + " 24x7 on the autumn change day lasts 25 hours", Window24x7(), Date{y, 10, 25}, true, schCest(y, 10, 25, 0, 0), schCet(y, 10, 26, 0, 0), 25 * time.Hour},
			{itoa(y) + " 8x5 on the Friday before the spring change", Window8x5(), Date{y, 3, 27}, true, schCet(y, 3, 27, 9, 0), schCet(y, 3, 27, 17, 0), 8 * time.Hour},
			{itoa(y) + " 8x5 on the Monday after the spring change", Window8x5(), Date{y, 3, 30}, true, schCest(y, 3, 30, 9, 0), schCest(y, 3, 30, 17, 0), 8 * time.Hour},
			{itoa(y) + " 8x5 on the Friday before the autumn change", Window8x5(), Date{y, 10, 23}, true, schCest(y, 10, 23, 9, 0), schCest(y, 10, 23, 17, 0), 8 * time.Hour},
			{itoa(y) + " 8x5 on the Monday after the autumn change", Window8x5(), Date{y, 10, 26}, true, schCet(y, 10, 26, 9, 0), schCet(y, 10, 26, 17, 0), 8 * time.Hour},
			{itoa(y) + " 9x5 on the Friday before the spring change", Window9x5(), Date{y, 3, 27}, true, schCet(y, 3, 27, 9, 0), schCet(y, 3, 27, 18, 0), 9 * time.Hour},
			{itoa(y) + " 9x5 on the Monday after the spring change", Window9x5(), Date{y, 3, 30}, true, schCest(y, 3, 30, 9, 0), schCest(y, 3, 30, 18, 0), 9 * time.Hour},
			{itoa(y) + " 9x5 on the Friday before the autumn change", Window9x5(), Date{y, 10, 23}, true, schCest(y, 10, 23, 9, 0), schCest(y, 10, 23, 18, 0), 9 * time.Hour},
			{itoa(y) + " 9x5 on the Monday after the autumn change", Window9x5(), Date{y, 10, 26}, true, schCet(y, 10, 26, 9, 0), schCet(y, 10, 26, 18, 0), 9 * time.Hour},
			{itoa(y) + " 8x5 is closed on the spring change Sunday", Window8x5(), Date{y, 3, 29}, false, time.Time{}, time.Time{}, 0},
		}...)
	}
	for _, r := range rows {
		t.Run(r.name, func(t *testing.T) {
			s := schSchedule(t, r.w)
			opens, ok1, err := s.OpenOn(r.d)
			require.NoError(t, err)
			ends, ok2, err := s.CloseOn(r.d)
			require.NoError(t, err)
			assert.Equal(t, r.open, ok1, "OpenOn reports whether the window opens")
			assert.Equal(t, r.open, ok2, "CloseOn reports whether the window opens")
			if !r.open {
				return
			}
			schAssertAt(t, r.opens, opens, "OpenOn")
			schAssertAt(t, r.ends, ends, "CloseOn")
			length, err := s.Between(opens, ends)
			require.NoError(t, err)
			assert.Equal(t, r.length, length, "window time of the day")

			// The opening is inside, the close is not (unless the next day opens
			// at the same instant, as 24x7 does).
			in, err := s.Contains(opens)
			require.NoError(t, err)
			assert.True(t, in, "the opening is inside")
			in, err = s.Contains(ends.Add(-schNs))
			require.NoError(t, err)
			assert.True(t, in, "the last nanosecond before the close is inside")
			in, err = s.Contains(opens.Add(-schNs))
			require.NoError(t, err)
			assert.Equal(t, r.w == Window24x7(), in, "the nanosecond before the opening is inside only for 24x7")
		})
	}
}

// The 8x5 and 9x5 hours on the days around the clock changes are the wall-
// clock hours, not midnight plus nine hours: on the Monday after the spring
// change 08:30 CEST is before the opening and 16:30 CEST is inside.
func TestScheduleWallClockHoursAroundClockChanges(t *testing.T) {
	for _, y := range []int{2026, 2150} {
		cases := []struct {
			name   string
			w      Window
			at     time.Time
			inside bool
		}{
			{"8x5 Monday after the spring change, 08:59:59.999999999 CEST is before the opening", Window8x5(), schCest(y, 3, 30, 9, 0).Add(-schNs), false},
			{"8x5 Monday after the spring change, 09:00 CEST is inside", Window8x5(), schCest(y, 3, 30, 9, 0), true},
			{"8x5 Monday after the spring change, 16:59:59.999999999 CEST is inside", Window8x5(), schCest(y, 3, 30, 17, 0).Add(-schNs), true},
			{"8x5 Monday after the spring change, 17:00 CEST is the close", Window8x5(), schCest(y, 3, 30, 17, 0), false},
			{"8x5 Monday after the autumn change, 08:59:59.999999999 CET is before the opening", Window8x5(), schCet(y, 10, 26, 9, 0).Add(-schNs), false},
			{"8x5 Monday after the autumn change, 09:00 CET is inside", Window8x5(), schCet(y, 10, 26, 9, 0), true},
			{"8x5 Monday after the autumn change, 17:00 CET is the close", Window8x5(), schCet(y, 10, 26, 17, 0), false},
			{"8x5 Friday before the spring change, 17:00 CET is the close", Window8x5(), schCet(y, 3, 27, 17, 0), false},
			{"8x5 Friday before the spring change, 16:30 CET is inside", Window8x5(), schCet(y, 3, 27, 16, 30), true},
			{"8x5 Friday before the autumn change, 08:30 CEST is before the opening", Window8x5(), schCest(y, 10, 23, 8, 30), false},
			{"9x5 Monday after the spring change, 17:59 CEST is inside", Window9x5(), schCest(y, 3, 30, 17, 59), true},
			{"9x5 Monday after the spring change, 18:00 CEST is the close", Window9x5(), schCest(y, 3, 30, 18, 0), false},
			{"9x5 Monday after the autumn change, 18:00 CET is the close", Window9x5(), schCet(y, 10, 26, 18, 0), false},
			{"9x5 Monday after the autumn change, 17:59 CET is inside", Window9x5(), schCet(y, 10, 26, 17, 59), true},
			{"24x7 the spring change night", Window24x7(), schCet(y, 3, 29, 1, 59), true},
			{"24x7 the repeated hour", Window24x7(), schCest(y, 10, 25, 2, 59), true},
		}
		for _, c := range cases {
			t.Run(itoa(y)+" "+c.name, func(t *testing.T) {
				in, err := schSchedule(t, c.w).Contains(c.at)
				require.NoError(t, err)
				assert.Equal(t, c.inside, in)
			})
		}
	}
}

func TestScheduleCustomWindows(t *testing.T) {
	schRunAddCases(t, []schAddCase{
		{"Mon-Sat 07-19: Saturday 18:00 + 2h skips Sunday to Monday 08:00", schMonSat, schCet(2026, 11, 14, 18, 0), 2 * time.Hour, schCet(2026, 11, 16, 8, 0)},
		{"Mon-Sat 07-19: closed on a Saturday holiday (15 Aug 2026)", schMonSat, schCest(2026, 8, 14, 18, 30), time.Hour, schCest(2026, 8, 17, 7, 30)},
		{"Mon-Sat 07-19: going back from Monday 07:30 ends at Saturday's 18:30", schMonSat, schCet(2026, 11, 16, 7, 30), -time.Hour, schCet(2026, 11, 14, 18, 30)},

		{"24x5: Friday 23:00 + 1h ends at the close, Saturday 00:00", sch24x5, schCet(2026, 11, 20, 23, 0), time.Hour, schCet(2026, 11, 21, 0, 0)},
		{"24x5: Friday 23:00 + 2h skips the weekend to Monday 01:00", sch24x5, schCet(2026, 11, 20, 23, 0), 2 * time.Hour, schCet(2026, 11, 23, 1, 0)},
		{"24x5: over a Wednesday holiday", sch24x5, schCet(2026, 11, 10, 23, 0), 2 * time.Hour, schCet(2026, 11, 12, 1, 0)},
		{"24x5: Monday 01:00 - 2h goes back to Friday 23:00", sch24x5, schCet(2026, 11, 23, 1, 0), -2 * time.Hour, schCet(2026, 11, 20, 23, 0)},
		{"24x5: Monday 01:00 - 1h ends at Monday's opening at midnight", sch24x5, schCet(2026, 11, 23, 1, 0), -time.Hour, schCet(2026, 11, 23, 0, 0)},
	})
	schRunBetweenCases(t, []schBetweenCase{
		{"Mon-Sat 07-19: a week is six days of twelve hours", schMonSat, schCet(2026, 11, 16, 0, 0), schCet(2026, 11, 23, 0, 0), 72 * time.Hour},
		{"Mon-Sat 07-19: a week with 11 Nov is five days", schMonSat, schCet(2026, 11, 9, 0, 0), schCet(2026, 11, 16, 0, 0), 60 * time.Hour},
		{"24x5: a week is 120 hours", sch24x5, schCet(2026, 11, 16, 0, 0), schCet(2026, 11, 23, 0, 0), 120 * time.Hour},
		{"24x5: a week with 11 Nov is 96 hours", sch24x5, schCet(2026, 11, 9, 0, 0), schCet(2026, 11, 16, 0, 0), 96 * time.Hour},
		{"24x5: the weekend of the spring change is closed", sch24x5, schCet(2026, 3, 28, 0, 0), schCest(2026, 3, 30, 0, 0), 0},
	})

	s := schSchedule(t, sch24x5)
	for _, c := range []struct {
		name   string
		at     time.Time
		inside bool
		next   time.Time
	}{
		{"24x5: the last nanosecond of Friday is inside", schCet(2026, 11, 21, 0, 0).Add(-schNs), true, schCet(2026, 11, 21, 0, 0).Add(-schNs)},
		{"24x5: Saturday 00:00 is the close, not inside", schCet(2026, 11, 21, 0, 0), false, schCet(2026, 11, 23, 0, 0)},
		{"24x5: Saturday noon waits for Monday's midnight", schCet(2026, 11, 21, 12, 0), false, schCet(2026, 11, 23, 0, 0)},
		{"24x5: Monday 00:00 is inside", schCet(2026, 11, 23, 0, 0), true, schCet(2026, 11, 23, 0, 0)},
	} {
		in, err := s.Contains(c.at)
		require.NoError(t, err)
		assert.Equal(t, c.inside, in, c.name)
		next, err := s.NextOpen(c.at)
		require.NoError(t, err)
		schAssertAt(t, c.next, next, c.name)
	}
	ends, ok, err := s.CloseOn(Date{2026, 11, 20})
	require.NoError(t, err)
	assert.True(t, ok)
	schAssertAt(t, schCet(2026, 11, 21, 0, 0), ends, "24x5 closes on Friday at 24:00, Saturday's 00:00")
}

// The window 02:00-04:00 on the days clocks change. Its boundaries are built
// with time.Date, whose documentation only promises a time "correct in one of
// the two zones involved in the transition". Go's implementation (time.Date in
// src/time/time.go) looks up the zone at the wall time read as UTC and keeps
// it if the result falls in that zone's span; for Warsaw that picks CET in both
// cases:
//   - 29 Mar, 02:00 does not exist: it is read as 02:00 CET = 03:00 CEST, so the
//     window is 03:00-04:00 CEST, one hour;
//   - 25 Oct, 02:00 happens twice: it is read as 02:00 CET, the second one, so
//     the window is 02:00 CET-04:00 CET, two hours, and the first 02:00-03:00
//     (CEST) is outside it.
//
// The 02:30-03:00 window opens at 03:30 CEST and closes at 03:00 CEST on 29 Mar:
// an empty interval, so no window time at all; on 25 Oct it is the second
// 02:30-03:00 (CET).
func TestScheduleWindowOverSkippedAndRepeatedHours(t *testing.T) {
	loc := Poland().Location()
	for _, y := range []int{2026, 2150} {
		// Preconditions: how time.Date resolves the missing and repeated 02:00.
		require.True(t, schCet(y, 3, 29, 2, 0).Equal(time.Date(y, 3, 29, 2, 0, 0, 0, loc)), "time.Date reads the missing 02:00 in CET")
		require.True(t, schCet(y, 10, 25, 2, 0).Equal(time.Date(y, 10, 25, 2, 0, 0, 0, loc)), "time.Date reads the repeated 02:00 in CET")
		require.True(t, schCet(y, 10, 25, 2, 30).Equal(time.Date(y, 10, 25, 2, 30, 0, 0, loc)), "time.Date reads the repeated 02:30 in CET")
		require.True(t, schCet(y, 3, 29, 2, 30).Equal(time.Date(y, 3, 29, 2, 30, 0, 0, loc)), "time.Date reads the missing 02:30 in CET")

		Y := itoa(y) + " "
		t.Run(Y+"hours", func(t *testing.T) {
			for _, c := range []struct {
				name        string
				w           Window
				d           Date
				open        bool
				opens, ends time.Time
				dayLength   time.Duration // window time from the day's midnight to the next
			}{
				{"02-04 on the Saturday before the spring change", schNight, Date{y, 3, 28}, true, schCet(y, 3, 28, 2, 0), schCet(y, 3, 28, 4, 0), 2 * time.Hour},
				{"02-04 on the spring change day is 03:00-04:00 CEST", schNight, Date{y, 3, 29}, true, schCest(y, 3, 29, 3, 0), schCest(y, 3, 29, 4, 0), time.Hour},
				{"02-04 on the Saturday before the autumn change", schNight, Date{y, 10, 24}, true, schCest(y, 10, 24, 2, 0), schCest(y, 10, 24, 4, 0), 2 * time.Hour},
				{"02-04 on the autumn change day is the second 02:00 to 04:00 CET", schNight, Date{y, 10, 25}, true, schCet(y, 10, 25, 2, 0), schCet(y, 10, 25, 4, 0), 2 * time.Hour},
				{"02:30-03:00 on the spring change day is empty", schSkipped, Date{y, 3, 29}, false, time.Time{}, time.Time{}, 0},
				{"02:30-03:00 on the autumn change day is the second 02:30-03:00", schSkipped, Date{y, 10, 25}, true, schCet(y, 10, 25, 2, 30), schCet(y, 10, 25, 3, 0), 30 * time.Minute},
				{"02:30-03:00 on the day after the spring change", schSkipped, Date{y, 3, 30}, true, schCest(y, 3, 30, 2, 30), schCest(y, 3, 30, 3, 0), 30 * time.Minute},
			} {
				s := schSchedule(t, c.w)
				opens, ok, err := s.OpenOn(c.d)
				require.NoError(t, err)
				assert.Equal(t, c.open, ok, c.name)
				ends, ok, err := s.CloseOn(c.d)
				require.NoError(t, err)
				assert.Equal(t, c.open, ok, c.name)
				if c.open {
					schAssertAt(t, c.opens, opens, c.name+": OpenOn")
					schAssertAt(t, c.ends, ends, c.name+": CloseOn")
				}
				next := c.d.AddDays(1)
				day, err := s.Between(time.Date(c.d.Year, c.d.Month, c.d.Day, 0, 0, 0, 0, schCET).Add(-2*time.Hour), time.Date(next.Year, next.Month, next.Day, 0, 0, 0, 0, schCET).Add(-2*time.Hour))
				require.NoError(t, err)
				assert.Equal(t, c.dayLength, day, c.name+": window time from 22:00 CET the evening before to 22:00 CET, which holds the day's window")
			}
		})
		t.Run(Y+"contains", func(t *testing.T) {
			for _, c := range []struct {
				name   string
				w      Window
				at     time.Time
				inside bool
			}{
				{"02-04: 01:59 CET on the spring change night is before the opening", schNight, schCet(y, 3, 29, 1, 59), false},
				{"02-04: 03:00 CEST on the spring change night is the opening", schNight, schCest(y, 3, 29, 3, 0), true},
				{"02-04: 03:59 CEST is inside", schNight, schCest(y, 3, 29, 3, 59), true},
				{"02-04: 04:00 CEST is the close", schNight, schCest(y, 3, 29, 4, 0), false},
				{"02-04: the first 02:30 (CEST) on the autumn change night is outside", schNight, schCest(y, 10, 25, 2, 30), false},
				{"02-04: the second 02:30 (CET) is inside", schNight, schCet(y, 10, 25, 2, 30), true},
				{"02-04: 03:59 CET is inside", schNight, schCet(y, 10, 25, 3, 59), true},
				{"02:30-03:00: 03:15 CEST on the spring change night is outside", schSkipped, schCest(y, 3, 29, 3, 15), false},
				{"02:30-03:00: the first 02:45 (CEST) is outside", schSkipped, schCest(y, 10, 25, 2, 45), false},
				{"02:30-03:00: the second 02:45 (CET) is inside", schSkipped, schCet(y, 10, 25, 2, 45), true},
			} {
				in, err := schSchedule(t, c.w).Contains(c.at)
				require.NoError(t, err)
				assert.Equal(t, c.inside, in, c.name)
			}
		})
		t.Run(Y+"add", func(t *testing.T) {
			schRunAddCases(t, []schAddCase{
				{"02-04: an hour from midnight on the spring change day ends at its close", schNight, schCet(y, 3, 29, 0, 0), time.Hour, schCest(y, 3, 29, 4, 0)},
				{"02-04: 61 minutes from midnight on the spring change day end the next night", schNight, schCet(y, 3, 29, 0, 0), 61 * time.Minute, schCest(y, 3, 30, 2, 1)},
				{"02-04: from 01:00 CEST on the autumn change night, the clock starts at the second 02:00", schNight, schCest(y, 10, 25, 1, 0), time.Hour, schCet(y, 10, 25, 3, 0)},
				{"02-04: from the first 02:30, 30 minutes end at the second 02:30", schNight, schCest(y, 10, 25, 2, 30), 30 * time.Minute, schCet(y, 10, 25, 2, 30)},
				{"02-04: going back from the second 03:00 ends at the second 02:00", schNight, schCet(y, 10, 25, 3, 0), -time.Hour, schCet(y, 10, 25, 2, 0)},
				{"02-04: going back 1ns from the second 02:00 is the night before", schNight, schCet(y, 10, 25, 2, 0), -schNs, schCest(y, 10, 24, 4, 0).Add(-schNs)},
				{"02:30-03:00: from the Saturday night, the empty spring change day is skipped", schSkipped, schCet(y, 3, 28, 3, 0), 30 * time.Minute, schCest(y, 3, 30, 3, 0)},
			})
		})
	}
}

// Inputs in any offset are converted; results are in the calendar's location.
func TestScheduleConvertsOffsets(t *testing.T) {
	ist := time.FixedZone("IST", 5*60*60+30*60)
	s := schSchedule(t, Window8x5())

	// 08:00 UTC is 09:00 CET; 13:30 +05:30 is 08:00 UTC.
	got, err := s.Add(time.Date(2026, 11, 16, 8, 0, 0, 0, time.UTC), time.Hour)
	require.NoError(t, err)
	schAssertAt(t, schCet(2026, 11, 16, 10, 0), got, "Add from UTC")
	assert.Equal(t, "2026-11-16 10:00 CET", got.Format("2006-01-02 15:04 MST"))

	got, err = s.Add(time.Date(2026, 11, 16, 13, 30, 0, 0, ist), time.Hour)
	require.NoError(t, err)
	schAssertAt(t, schCet(2026, 11, 16, 10, 0), got, "Add from +05:30")

	// 12:00 +05:30 is 07:30 CET: before the opening.
	got, err = s.NextOpen(time.Date(2026, 11, 16, 12, 0, 0, 0, ist))
	require.NoError(t, err)
	schAssertAt(t, schCet(2026, 11, 16, 9, 0), got, "NextOpen from +05:30")
	assert.Equal(t, "2026-11-16 09:00 CET", got.Format("2006-01-02 15:04 MST"))

	// 16:30 UTC on a summer Monday is 18:30 CEST: after the close. 09:00 CEST
	// is 07:00 UTC, so 06:59 UTC is before the opening.
	in, err := s.Contains(time.Date(2026, 6, 1, 15, 30, 0, 0, time.UTC))
	require.NoError(t, err)
	assert.False(t, in, "15:30 UTC is 17:30 CEST, after the close")
	in, err = s.Contains(time.Date(2026, 6, 1, 6, 59, 0, 0, time.UTC))
	require.NoError(t, err)
	assert.False(t, in, "06:59 UTC is 08:59 CEST, before the opening")
	in, err = s.Contains(time.Date(2026, 6, 1, 7, 0, 0, 0, time.UTC))
	require.NoError(t, err)
	assert.True(t, in, "07:00 UTC is 09:00 CEST, the opening")

	// 08:00 UTC is 09:00 CET; 14:30 +05:30 is 09:00 UTC, 10:00 CET.
	d, err := s.Between(time.Date(2026, 11, 16, 8, 0, 0, 0, time.UTC), time.Date(2026, 11, 16, 14, 30, 0, 0, ist))
	require.NoError(t, err)
	assert.Equal(t, time.Hour, d, "from 09:00 CET to 10:00 CET")

	opens, _, err := s.OpenOn(Date{2026, 11, 16})
	require.NoError(t, err)
	assert.Equal(t, "2026-11-16 09:00 CET", opens.Format("2006-01-02 15:04 MST"))
	assert.Same(t, Poland().Location(), opens.Location())
}

// The range is [1990-01-01 00:00, 2200-12-31 24:00] Warsaw time (CET both): its
// end is included, so that a deadline can fall on it.
func TestScheduleOutOfRange(t *testing.T) {
	first := schCet(1990, 1, 1, 0, 0)
	end := schCet(2201, 1, 1, 0, 0)
	outside := []struct {
		name string
		at   time.Time
	}{
		{"1ns before the range", first.Add(-schNs)},
		{"1ns after the end", end.Add(schNs)},
		{"year 1", time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC)},
		{"the zero time", time.Time{}},
		{"year 9999", time.Date(9999, 12, 31, 23, 59, 59, 999999999, time.UTC)},
		{"the largest Unix second", time.Unix(math.MaxInt64, 0)},
		{"the smallest Unix second", time.Unix(math.MinInt64, 0)},
		{"the far future in a far offset", time.Date(292277026, 1, 1, 0, 0, 0, 0, time.FixedZone("x", -12*3600))},
	}
	inside := schCet(2026, 11, 16, 10, 0)
	for _, w := range []Window{Window8x5(), Window9x5(), Window24x7(), sch24x5} {
		s := schSchedule(t, w)
		for _, c := range outside {
			t.Run(w.String()+" "+c.name, func(t *testing.T) {
				check := func(what string, err error) {
					t.Helper()
					assert.ErrorIs(t, err, ErrOutOfRange, what)
					var re *RangeError
					if assert.ErrorAs(t, err, &re, what) {
						assert.Equal(t, Date{1990, 1, 1}, re.First)
						assert.Equal(t, Date{2200, 12, 31}, re.Last)
					}
				}
				require.NotPanics(t, func() {
					_, err := s.Contains(c.at)
					check("Contains", err)
					_, err = s.NextOpen(c.at)
					check("NextOpen", err)
					_, err = s.Add(c.at, time.Hour)
					check("Add", err)
					_, err = s.Add(c.at, 0)
					check("Add of nothing", err)
					_, err = s.Between(c.at, inside)
					check("Between from it", err)
					_, err = s.Between(inside, c.at)
					check("Between to it", err)
				})
			})
		}
	}

	t.Run("the first and last nanoseconds of the range are inside it", func(t *testing.T) {
		s := schSchedule(t, Window24x7())
		for _, at := range []time.Time{first, end.Add(-schNs)} {
			in, err := s.Contains(at)
			require.NoError(t, err)
			assert.True(t, in)
		}
		d, err := s.Between(first, end.Add(-schNs))
		require.NoError(t, err)
		assert.Positive(t, d)
	})

	t.Run("the end of the range, 2200-12-31 24:00, is an instant of it", func(t *testing.T) {
		s := schSchedule(t, Window24x7())
		in, err := s.Contains(end)
		require.NoError(t, err)
		assert.False(t, in, "the end is not inside the window: nothing is open after it")
		d, err := s.Between(schCet(2200, 12, 31, 0, 0), end)
		require.NoError(t, err)
		assert.Equal(t, 24*time.Hour, d)
		got, err := s.Add(end, 0)
		require.NoError(t, err)
		schAssertAt(t, end, got, "Add of nothing")
		got, err = s.Add(end, -90*time.Minute)
		require.NoError(t, err)
		schAssertAt(t, schCet(2200, 12, 31, 22, 30), got, "Add back from the end")
		_, err = s.Add(end, schNs)
		assert.ErrorIs(t, err, ErrOutOfRange, "nothing runs past the end")
		_, err = s.NextOpen(end)
		assert.ErrorIs(t, err, ErrOutOfRange, "no opening after the end")
		w, err := schSchedule(t, Window8x5()).Between(schCet(2200, 12, 31, 16, 0), end)
		require.NoError(t, err)
		assert.Equal(t, time.Hour, w, "8x5 from 16:00 to the end of the last day (Wed 31 Dec 2200) is its last hour")
	})

	t.Run("dates outside the range", func(t *testing.T) {
		s := schSchedule(t, Window8x5())
		for _, d := range []Date{{1989, 12, 31}, {2201, 1, 1}, {1, 1, 1}, {9999, 12, 31}, {math.MaxInt, 12, 31}, {math.MinInt, 1, 1}} {
			require.NotPanics(t, func() {
				_, _, err := s.OpenOn(d)
				assert.ErrorIs(t, err, ErrOutOfRange, "OpenOn %v", d)
				_, _, err = s.CloseOn(d)
				var re *RangeError
				assert.ErrorAs(t, err, &re, "CloseOn %v", d)
			})
		}
		_, _, err := s.OpenOn(Date{2026, 2, 30})
		assert.ErrorIs(t, err, ErrInvalid, "30 February is not a day")
		_, _, err = s.CloseOn(Date{})
		assert.ErrorIs(t, err, ErrInvalid, "the zero Date is not a day")
	})

	t.Run("Add and NextOpen running past the range", func(t *testing.T) {
		for _, c := range []struct {
			name string
			w    Window
			from time.Time
			d    time.Duration
			want time.Time // zero: out of range
		}{
			{"24x7: the last hour ends at the end of the range", Window24x7(), schCet(2200, 12, 31, 23, 0), time.Hour, end},
			{"24x7: one nanosecond more is past it", Window24x7(), schCet(2200, 12, 31, 23, 0), time.Hour + schNs, time.Time{}},
			{"8x5: the last business day's close (Wed 31 Dec 2200)", Window8x5(), schCet(2200, 12, 31, 16, 0), time.Hour, schCet(2200, 12, 31, 17, 0)},
			{"8x5: past the last close", Window8x5(), schCet(2200, 12, 31, 16, 0), time.Hour + schNs, time.Time{}},
			{"8x5: from after the last close", Window8x5(), schCet(2200, 12, 31, 17, 0), schNs, time.Time{}},
			{"24x7: back to the start of the range", Window24x7(), schCet(1990, 1, 1, 1, 0), -time.Hour, first},
			{"24x7: back past the start", Window24x7(), schCet(1990, 1, 1, 1, 0), -time.Hour - schNs, time.Time{}},
			{"8x5: back to the first opening (Tue 2 Jan 1990, after New Year)", Window8x5(), schCet(1990, 1, 2, 10, 0), -time.Hour, schCet(1990, 1, 2, 9, 0)},
			{"8x5: back past the first opening", Window8x5(), schCet(1990, 1, 2, 10, 0), -time.Hour - schNs, time.Time{}},
			{"8x5: the longest duration", Window8x5(), schCet(2026, 11, 16, 10, 0), math.MaxInt64, time.Time{}},
			{"24x7: the longest duration", Window24x7(), schCet(2026, 11, 16, 10, 0), math.MaxInt64, time.Time{}},
			{"24x7: the longest duration from the start of the range", Window24x7(), first, math.MaxInt64, time.Time{}},
			{"24x7: the longest duration back", Window24x7(), schCet(2026, 11, 16, 10, 0), math.MinInt64, time.Time{}},
			{"8x5: the longest duration back", Window8x5(), schCet(2026, 11, 16, 10, 0), math.MinInt64, time.Time{}},
			{"9x5: the longest duration from the end of the range", Window9x5(), end.Add(-schNs), math.MaxInt64, time.Time{}},
		} {
			t.Run(c.name, func(t *testing.T) {
				s := schSchedule(t, c.w)
				got, err := s.Add(c.from, c.d)
				if c.want.IsZero() {
					assert.ErrorIs(t, err, ErrOutOfRange)
					var re *RangeError
					assert.ErrorAs(t, err, &re)
					return
				}
				require.NoError(t, err)
				schAssertAt(t, c.want, got, "Add")
			})
		}
		_, err := schSchedule(t, Window8x5()).NextOpen(schCet(2200, 12, 31, 17, 0))
		assert.ErrorIs(t, err, ErrOutOfRange, "no opening after the last close")
	})
}

// ---------------------------------------------------------------------------
// A reference implementation, written from the rules alone: it walks the
// calendar day by day, builds each day's opening and close with time.Date in
// Warsaw, decides whether the day is open from the weekday and its own list of
// Polish holidays, and spends a duration one minute (or less, at the edges) at a
// time. It is slow and obviously right; the fast Schedule must agree with it.

// schEaster is Easter Sunday 2023-2029 (python's dateutil.easter).
var schEaster = map[int]Date{
	2023: {2023, 4, 9}, 2024: {2024, 3, 31}, 2025: {2025, 4, 20}, 2026: {2026, 4, 5},
	2027: {2027, 3, 28}, 2028: {2028, 4, 16}, 2029: {2029, 4, 1},
}

// schRefHoliday reports whether d is a Polish statutory holiday (SPEC.md
// section 2), for 2023-2029.
func schRefHoliday(d Date) bool {
	e, ok := schEaster[d.Year]
	if !ok {
		panic("schRefHoliday: no Easter date for " + itoa(d.Year))
	}
	for _, off := range []int{0, 1, 49, 60} { // Easter Sunday, Monday, Pentecost, Corpus Christi
		if d == schRefAddDays(e, off) {
			return true
		}
	}
	fixed := []struct {
		m   time.Month
		day int
	}{{1, 1}, {1, 6}, {5, 1}, {5, 3}, {8, 15}, {11, 1}, {11, 11}, {12, 25}, {12, 26}}
	for _, f := range fixed {
		if d.Month == f.m && d.Day == f.day {
			return true
		}
	}
	return d.Month == 12 && d.Day == 24 && d.Year >= 2025
}

// schRefAddDays adds n calendar days with the time package.
func schRefAddDays(d Date, n int) Date {
	y, m, dd := time.Date(d.Year, d.Month, d.Day+n, 12, 0, 0, 0, time.UTC).Date()
	return Date{y, m, dd}
}

type schRef struct {
	w   Window
	loc *time.Location
	ex  *schRefEx // the calendar's date exceptions; nil: none
}

func (r schRef) dateOf(u int64) Date {
	y, m, d := time.Unix(0, u).In(r.loc).Date()
	return Date{y, m, d}
}

// intervals returns the instants [o, e) of the intervals that open on day d,
// built with time.Date on the day each edge falls on: an overnight interval
// closes on the next day.
func (r schRef) intervals(d Date) [][2]int64 {
	wd := time.Date(d.Year, d.Month, d.Day, 12, 0, 0, 0, time.UTC).Weekday()
	if !r.w.OpenOnHolidays && r.ex.shut(d) {
		return nil
	}
	at := func(d Date, tod TimeOfDay) int64 {
		s := int(tod) // 24:00:00 normalises to the next day's 00:00
		return time.Date(d.Year, d.Month, d.Day, s/3600, s/60%60, s%60, 0, r.loc).UnixNano()
	}
	var out [][2]int64
	for _, iv := range r.ex.hours(r.w, d, wd) {
		o, e := at(d, iv.Open), at(d, iv.Close)
		if iv.Close < iv.Open {
			e = at(schRefAddDays(d, 1), iv.Close)
		}
		if e > o {
			out = append(out, [2]int64{o, e})
		}
	}
	return out
}

// segs returns the window's open time over the intervals that open on the
// days from..to, in order, each cut where an earlier one is still open, so
// they never overlap.
func (r schRef) segs(from, to Date) [][2]int64 {
	var out [][2]int64
	last := int64(math.MinInt64)
	for d := from; !d.After(to); d = schRefAddDays(d, 1) {
		for _, iv := range r.intervals(d) {
			o := max(iv[0], last)
			if iv[1] > o {
				out = append(out, [2]int64{o, iv[1]})
				last = iv[1]
			}
		}
	}
	return out
}

func (r schRef) contains(u int64) bool {
	d := r.dateOf(u)
	for _, s := range r.segs(schRefAddDays(d, -1), d) {
		if s[0] <= u && u < s[1] {
			return true
		}
	}
	return false
}

func (r schRef) nextOpen(u int64) int64 {
	d := r.dateOf(u)
	for span := 8; ; span *= 2 {
		for _, s := range r.segs(schRefAddDays(d, -1), schRefAddDays(d, span)) {
			if u < s[1] {
				return max(s[0], u)
			}
		}
	}
}

// add spends |d| of window time from u, a minute at a time.
func (r schRef) add(u int64, d time.Duration) int64 {
	const minute = int64(time.Minute)
	day := r.dateOf(u)
	for span := 16; ; span *= 2 {
		rem := int64(d)
		switch {
		case rem > 0:
			for _, s := range r.segs(schRefAddDays(day, -1), schRefAddDays(day, span)) {
				cur := max(u, s[0])
				for cur < s[1] && rem > 0 {
					step := min(minute, s[1]-cur, rem)
					cur += step
					rem -= step
				}
				if rem == 0 {
					return cur
				}
			}
		case rem < 0:
			rem = -rem
			segs := r.segs(schRefAddDays(day, -span), day)
			for k := len(segs) - 1; k >= 0; k-- {
				s := segs[k]
				cur := min(u, s[1])
				for cur > s[0] && rem > 0 {
					step := min(minute, cur-s[0], rem)
					cur -= step
					rem -= step
				}
				if rem == 0 {
					return cur
				}
			}
		default:
			return u
		}
	}
}

// between sums the window time from a to b.
func (r schRef) between(a, b int64) time.Duration {
	if b < a {
		return -r.between(b, a)
	}
	var sum int64
	for _, s := range r.segs(schRefAddDays(r.dateOf(a), -1), r.dateOf(b)) {
		lo, hi := max(s[0], a), min(s[1], b)
		if hi > lo {
			sum += hi - lo
		}
	}
	return time.Duration(sum)
}

// The reference's holidays are the calendar's for the years it covers.
func TestScheduleReferenceHolidaysMatchCalendar(t *testing.T) {
	for d := (Date{2023, 1, 1}); d.Year <= 2029; d = schRefAddDays(d, 1) {
		_, isHoliday, err := Poland().HolidayOn(d)
		require.NoError(t, err)
		require.Equal(t, schRefHoliday(d), isHoliday, "holiday on %s", d)
	}
}

// schSpecialDays are days around which windows change: clock changes 2024-2028
// and holidays.
var schSpecialDays = []Date{
	{2024, 3, 31}, {2024, 10, 27}, {2025, 3, 30}, {2025, 10, 26}, {2026, 3, 29}, {2026, 10, 25},
	{2027, 3, 28}, {2027, 10, 31}, {2028, 3, 26}, {2028, 10, 29},
	{2025, 12, 23}, {2025, 12, 24}, {2025, 12, 26}, {2026, 4, 3}, {2026, 4, 6}, {2026, 4, 30}, {2026, 5, 1},
	{2026, 5, 3}, {2026, 6, 4}, {2026, 8, 14}, {2026, 11, 10}, {2026, 11, 11}, {2026, 12, 31}, {2027, 1, 6},
}

// The fast Schedule agrees with the reference on thousands of random instants
// and durations, for the named and the custom windows.
func TestScheduleMatchesReference(t *testing.T) {
	n := 1500
	if testing.Short() {
		n = 200
	}
	loc := Poland().Location()
	lo := time.Date(2024, 1, 1, 0, 0, 0, 0, loc).UnixNano()
	hi := time.Date(2029, 1, 1, 0, 0, 0, 0, loc).UnixNano()
	windows := []Window{Window8x5(), Window9x5(), Window24x7(), schMonSat, sch24x5, schNight, schSkipped,
		MustParseWindow("Sun 01:00-03:00 +holidays"), schLunch, schSaturday, schOvernight, schNights, schOverlap, schBreakAtNight}
	for wi, w := range windows {
		t.Run(w.String(), func(t *testing.T) {
			s := schSchedule(t, w)
			ref := schRef{w: w, loc: loc}
			rng := rand.New(rand.NewPCG(20261116, uint64(wi)))
			instant := func() int64 {
				switch rng.IntN(4) {
				case 0: // whole minutes, to land on openings and closes
					return lo + rng.Int64N((hi-lo)/int64(time.Minute))*int64(time.Minute)
				case 1: // whole seconds
					return lo + rng.Int64N((hi-lo)/int64(time.Second))*int64(time.Second)
				case 2:
					return lo + rng.Int64N(hi-lo)
				}
				d := schSpecialDays[rng.IntN(len(schSpecialDays))]
				at := time.Date(d.Year, d.Month, d.Day, rng.IntN(25), 15*rng.IntN(4), 0, 0, loc).UnixNano()
				return at + []int64{0, 0, 1, -1, int64(time.Minute)}[rng.IntN(5)]
			}
			duration := func() time.Duration {
				if rng.IntN(2) == 0 {
					return time.Duration(1+rng.IntN(120)) * time.Minute
				}
				return time.Duration(1+rng.IntN(300*60)) * time.Minute
			}
			fails := 0
			for k := 0; k < n && fails < 10; k++ {
				u := instant()
				at := time.Unix(0, u)
				d := duration()
				ok := true

				in, err := s.Contains(at)
				require.NoError(t, err)
				ok = assert.Equal(t, ref.contains(u), in, "Contains(%s)", schFmt(at)) && ok

				next, err := s.NextOpen(at)
				require.NoError(t, err)
				ok = assert.Equal(t, ref.nextOpen(u), next.UnixNano(), "NextOpen(%s) = %s", schFmt(at), schFmt(next)) && ok

				fwd, err := s.Add(at, d)
				require.NoError(t, err)
				want := ref.add(u, d)
				ok = assert.Equal(t, want, fwd.UnixNano(), "Add(%s, %s): want %s, got %s", schFmt(at), d, schFmt(time.Unix(0, want)), schFmt(fwd)) && ok

				back, err := s.Add(at, -d)
				require.NoError(t, err)
				want = ref.add(u, -d)
				ok = assert.Equal(t, want, back.UnixNano(), "Add(%s, -%s): want %s, got %s", schFmt(at), d, schFmt(time.Unix(0, want)), schFmt(back)) && ok

				got, err := s.Between(at, fwd)
				require.NoError(t, err)
				ok = assert.Equal(t, d, got, "Between(t, Add(t, d))") && ok

				// Between two instants with odd seconds and nanoseconds, up to
				// about two months apart, either way round.
				b := u + rng.Int64N(2*int64(61*24*time.Hour)) - int64(61*24*time.Hour)
				got, err = s.Between(at, time.Unix(0, b))
				require.NoError(t, err)
				ok = assert.Equal(t, ref.between(u, b), got, "Between(%s, %s)", schFmt(at), schFmt(time.Unix(0, b))) && ok
				if !ok {
					fails++
				}
			}
		})
	}
}

// ---------------------------------------------------------------------------
// Fuzz targets.

// schFuzzWindows are the windows the fuzz targets pick from.
var schFuzzWindows = []Window{Window8x5(), Window9x5(), Window24x7(), schMonSat, sch24x5, schNight, schSkipped,
	schLunch, schSaturday, schOvernight, schNights, schOverlap, schBreakAtNight}

// schFuzzRange is the calendar's range, [first, end).
func schFuzzRange() (first, end int64) {
	return schCet(1990, 1, 1, 0, 0).UnixNano(), schCet(2201, 1, 1, 0, 0).UnixNano()
}

// schFold maps any int64 into the range, keeping the values already in it.
func schFold(u int64) time.Time {
	first, end := schFuzzRange()
	if u < first || u >= end {
		u = first + floorMod64(u, end-first)
	}
	return time.Unix(0, u)
}

// schFoldDuration maps any int64 into [-limit, limit].
func schFoldDuration(d int64, limit time.Duration) time.Duration {
	return time.Duration(floorMod64(d, 2*int64(limit)+1) - int64(limit))
}

// schFuzzSeeds are instants at clock changes, holidays, openings and closes.
var schFuzzSeeds = []time.Time{
	schCet(2026, 3, 29, 1, 30), schCest(2026, 3, 29, 3, 0), schCest(2026, 10, 25, 1, 30), schCest(2026, 10, 25, 2, 30),
	schCet(2026, 10, 25, 2, 30), schCet(2150, 3, 29, 1, 59), schCet(2150, 10, 25, 2, 0),
	schCet(2026, 11, 10, 16, 0), schCet(2026, 11, 11, 10, 0), schCet(2025, 12, 23, 17, 0), schCest(2026, 4, 3, 17, 0),
	schCest(2026, 4, 30, 16, 0), schCet(2026, 11, 16, 17, 0), schCet(2026, 11, 16, 9, 0).Add(-schNs),
	schCet(2026, 11, 20, 23, 0), schCet(2026, 11, 21, 0, 0), schCet(1990, 1, 1, 0, 0), schCet(2201, 1, 1, 0, 0).Add(-schNs),
	schCet(2200, 12, 31, 16, 0),
}

// FuzzAddBetween: for any instant t in the range and any d >= 0, Add(t, d) is
// at or after t and Between(t, Add(t, d)) == d; when the range is too short,
// Add reports ErrOutOfRange, and then the window time left is indeed less
// than d.
func FuzzAddBetween(f *testing.F) {
	durations := []time.Duration{0, schNs, time.Hour, 4 * time.Hour, 8 * time.Hour, 9*time.Hour + 7*time.Second, 300 * time.Hour, math.MaxInt64}
	for k, at := range schFuzzSeeds {
		f.Add(at.UnixNano(), int64(durations[k%len(durations)]), uint8(k))
	}
	f.Fuzz(func(t *testing.T, tn, dn int64, wsel uint8) {
		s := schSchedule(t, schFuzzWindows[int(wsel)%len(schFuzzWindows)])
		at := schFold(tn)
		d := time.Duration(dn)
		if d < 0 {
			d = -(d + 1) // every int64 maps to a d >= 0
		}
		_, end := schFuzzRange()
		r, err := s.Add(at, d)
		if err != nil {
			require.ErrorIs(t, err, ErrOutOfRange, "Add(%s, %s)", schFmt(at), d)
			left, err := s.Between(at, time.Unix(0, end-1))
			require.NoError(t, err)
			require.Less(t, left, d, "Add(%s, %s) is out of range, but %s of window time is left", schFmt(at), d, left)
			return
		}
		require.False(t, r.Before(at), "Add(%s, %s) = %s is before t", schFmt(at), d, schFmt(r))
		if r.UnixNano() == end { // ran out exactly at the last close, the end of the range
			left, err := s.Between(at, time.Unix(0, end-1))
			require.NoError(t, err)
			require.Equal(t, d, left+schNs, "Add(%s, %s) ends at the end of the range", schFmt(at), d)
			return
		}
		got, err := s.Between(at, r)
		require.NoError(t, err)
		require.Equal(t, d, got, "Between(%s, Add(t, %s) = %s)", schFmt(at), d, schFmt(r))
	})
}

// FuzzAddMonotonic: Add is monotonic in both arguments: t1 <= t2 gives
// Add(t1, d) <= Add(t2, d), and d1 <= d2 gives Add(t, d1) <= Add(t, d2), for
// durations of either sign.
func FuzzAddMonotonic(f *testing.F) {
	for k, at := range schFuzzSeeds {
		next := schFuzzSeeds[(k+1)%len(schFuzzSeeds)]
		f.Add(at.UnixNano(), next.UnixNano(), int64(k)*int64(time.Hour), -int64(k)*int64(time.Minute), uint8(k))
		f.Add(at.UnixNano(), at.UnixNano()+1, int64(time.Hour), int64(time.Hour)+1, uint8(k+3))
	}
	const limit = 50 * 365 * 24 * time.Hour
	f.Fuzz(func(t *testing.T, t1n, t2n, d1n, d2n int64, wsel uint8) {
		s := schSchedule(t, schFuzzWindows[int(wsel)%len(schFuzzWindows)])
		t1, t2 := schFold(t1n), schFold(t2n)
		if t2.Before(t1) {
			t1, t2 = t2, t1
		}
		d1, d2 := schFoldDuration(d1n, limit), schFoldDuration(d2n, limit)
		if d2 < d1 {
			d1, d2 = d2, d1
		}
		add := func(at time.Time, d time.Duration) (time.Time, bool) {
			r, err := s.Add(at, d)
			if err != nil {
				require.ErrorIs(t, err, ErrOutOfRange, "Add(%s, %s)", schFmt(at), d)
				return r, false
			}
			return r, true
		}
		for _, d := range []time.Duration{d1, d2} {
			r1, ok1 := add(t1, d)
			r2, ok2 := add(t2, d)
			if ok1 && ok2 {
				require.False(t, r2.Before(r1), "t1 <= t2 but Add(%s, %s) = %s > Add(%s, %s) = %s", schFmt(t1), d, schFmt(r1), schFmt(t2), d, schFmt(r2))
			}
		}
		for _, at := range []time.Time{t1, t2} {
			r1, ok1 := add(at, d1)
			r2, ok2 := add(at, d2)
			if ok1 && ok2 {
				require.False(t, r2.Before(r1), "d1 <= d2 but Add(%s, %s) = %s > Add(t, %s) = %s", schFmt(at), d1, schFmt(r1), d2, schFmt(r2))
			}
		}
	})
}

// FuzzAddInsideWindow: for d > 0 the result is after t and inside the window,
// or exactly at a close: an instant with the window open just before it (for
// windows of one interval a day, the close of the day that holds the result's
// last nanosecond before it).
func FuzzAddInsideWindow(f *testing.F) {
	durations := []time.Duration{schNs, time.Hour, 4 * time.Hour, 8 * time.Hour, 9 * time.Hour, 120 * time.Hour, time.Minute}
	for k, at := range schFuzzSeeds {
		f.Add(at.UnixNano(), int64(durations[k%len(durations)]), uint8(k))
	}
	const limit = 50 * 365 * 24 * time.Hour
	f.Fuzz(func(t *testing.T, tn, dn int64, wsel uint8) {
		s := schSchedule(t, schFuzzWindows[int(wsel)%len(schFuzzWindows)])
		at := schFold(tn)
		d := schFoldDuration(dn, limit)
		if d <= 0 {
			d = -d + 1
		}
		r, err := s.Add(at, d)
		if err != nil {
			require.ErrorIs(t, err, ErrOutOfRange, "Add(%s, %s)", schFmt(at), d)
			return
		}
		require.True(t, r.After(at), "Add(%s, %s) = %s is not after t", schFmt(at), d, schFmt(r))
		_, end := schFuzzRange()
		if r.UnixNano() < end {
			if in, err := s.Contains(r); err == nil && in {
				return
			}
		}
		// Not inside: then it is a close, an instant with the window open just
		// before it (with breaks and several intervals a day, not only the
		// day's last close).
		before, err := s.Contains(r.Add(-schNs))
		require.NoError(t, err)
		require.True(t, before, "Add(%s, %s) = %s is neither inside the window nor at a close (the window is shut just before it)", schFmt(at), d, schFmt(r))
		if w := s.Window(); w == Window8x5() || w == Window9x5() || w == Window24x7() {
			// One interval a day: that close is the day's close.
			day := Poland().DateOf(r.Add(-schNs))
			closes, open, err := s.CloseOn(day)
			require.NoError(t, err)
			require.True(t, open && closes.Equal(r), "Add(%s, %s) = %s is not the close of %s (%s)", schFmt(at), d, schFmt(r), day, schFmt(closes))
		}
	})
}

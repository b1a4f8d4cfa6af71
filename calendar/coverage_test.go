package calendar

import (
	"math"
	"math/rand"
	"testing"
	"time"

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

// CountCoverageDays is the count of a next-business-day target in one pass.
// November 2026: Wed 11 is Independence Day, 13 a Friday, 14-15 a weekend.
func TestCountCoverageDays(t *testing.T) {
	loc := Warsaw()
	at := func(d, h, m int) time.Time { return time.Date(2026, 11, d, h, m, 0, 0, loc) }
	day := func(d int) Date { return Date{2026, 11, d} }
	for _, c := range []struct {
		name    string
		w       Window
		t       time.Time
		n       int
		cutoff  TimeOfDay
		start   time.Time
		covered bool
		late    bool
		from    Date
		due     Date
		close   time.Time
		skips   [2]bool // a holiday after Day and before From, after From and before Due
	}{
		{"9x5, Friday after the cutoff counts from Monday: due Tuesday's close", Window9x5(), at(13, 15, 20), 1, Clock(15, 0, 0),
			at(13, 15, 20), true, true, day(16), day(17), at(17, 18, 0), [2]bool{}},
		{"9x5, at the cutoff exactly is after it", Window9x5(), at(13, 15, 0), 1, Clock(15, 0, 0),
			at(13, 15, 0), true, true, day(16), day(17), at(17, 18, 0), [2]bool{}},
		{"9x5, a second before the cutoff counts from that day", Window9x5(), at(13, 14, 59).Add(59 * time.Second), 1, Clock(15, 0, 0),
			at(13, 14, 59).Add(59 * time.Second), true, false, day(13), day(16), at(16, 18, 0), [2]bool{}},
		{"9x5, Saturday is clamped to Monday's opening, before the cutoff", Window9x5(), at(14, 10, 0), 1, Clock(15, 0, 0),
			at(16, 9, 0), true, false, day(16), day(17), at(17, 18, 0), [2]bool{}},
		{"8x5, Tuesday 16:00 after the cutoff skips the holiday: from Thursday, two days to Monday", Window8x5(), at(10, 16, 0), 2, Clock(15, 0, 0),
			at(10, 16, 0), true, true, day(12), day(16), at(16, 17, 0), [2]bool{true, false}},
		{"9x5, Tuesday 10:00 before the cutoff: the next business day after the holiday is Thursday", Window9x5(), at(10, 10, 0), 1, Clock(15, 0, 0),
			at(10, 10, 0), true, false, day(10), day(12), at(12, 18, 0), [2]bool{false, true}},
		{"24x7 without a cutoff: Friday 16:00 counts from Friday, due Monday 24:00", Window24x7(), at(13, 16, 0), 1, NoCutoff,
			at(13, 16, 0), true, false, day(13), day(16), at(17, 0, 0), [2]bool{}},
		{"24x7 with a cutoff: Saturday is no coverage day, so from Monday", Window24x7(), at(14, 10, 0), 1, Clock(15, 0, 0),
			at(14, 10, 0), false, false, day(16), day(17), at(18, 0, 0), [2]bool{}},
		{"24x7 without a cutoff: Saturday counts from itself, the next coverage day is Monday", Window24x7(), at(14, 10, 0), 1, NoCutoff,
			at(14, 10, 0), false, false, day(14), day(16), at(17, 0, 0), [2]bool{}},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, err := schSchedule(t, c.w).CountCoverageDays(c.t, c.n, c.cutoff)
			require.NoError(t, err)
			assert.True(t, c.start.Equal(got.Start()), "start %s", got.Start())
			assert.Equal(t, c.start.UnixNano(), got.StartUnixNano())
			assert.Equal(t, DateOf(c.start), got.Day())
			assert.Equal(t, c.covered, got.Covered(), "covered")
			assert.Equal(t, c.late, got.Late(), "late")
			assert.Equal(t, c.from, got.From(), "from")
			assert.Equal(t, c.due, got.Due(), "due")
			assert.True(t, c.close.Equal(got.Close()), "close %s", got.Close())
			assert.Equal(t, c.close.UnixNano(), got.CloseUnixNano())
			assert.Equal(t, loc, got.Close().Location())
			beforeFrom, beforeDue := got.Skips()
			assert.Equal(t, c.skips, [2]bool{beforeFrom, beforeDue}, "skips")
		})
	}
}

// The zero CoverageCount, as an error returns it, has zero instants and dates.
func TestCoverageCountZero(t *testing.T) {
	var r CoverageCount
	assert.True(t, r.Start().IsZero())
	assert.True(t, r.Close().IsZero())
	assert.Zero(t, r.StartUnixNano()+r.CloseUnixNano())
	assert.Equal(t, [3]Date{}, [3]Date{r.Day(), r.From(), r.Due()})
	assert.False(t, r.Covered() || r.Late())
	beforeFrom, beforeDue := r.Skips()
	assert.False(t, beforeFrom || beforeDue)
	_, err := Poland().MustSchedule(Window8x5()).CountCoverageDays(time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC), 1, NoCutoff)
	require.Error(t, err)
}

// CountCoverageDays agrees with the steps it stands for (NextOpen, the date,
// IsCoverageDay, the cutoff, AddCoverageDays, CloseOn), errors included, on
// random instants over the whole range and past its end, for windows with
// breaks, overnight intervals, Saturdays and holidays, with and without a
// cutoff.
func TestCountCoverageDaysAgreesWithItsSteps(t *testing.T) {
	rng := rand.New(rand.NewSource(8))
	c := Poland()
	lo, hi := c.First().In(c.Location()).Unix(), c.Last().AddDays(3).In(c.Location()).Unix()
	for _, w := range []Window{Window8x5(), Window24x7(), MustParseWindow("Mon-Fri 07:00-12:00,13:00-19:00; Sat 09:00-13:00 +holidays"),
		MustParseWindow("Mon-Thu 22:00-06:00"), MustParseWindow("Mon-Sun 06:00-24:00")} {
		s := c.MustSchedule(w)
		for k := 0; k < 3000; k++ {
			at := time.Unix(lo+rng.Int63n(hi-lo), 0).In(c.Location())
			n := 1 + rng.Intn(12)
			if k%100 == 0 {
				n = 1 + rng.Intn(80000) // past the end of the range, sometimes
			}
			cutoff := NoCutoff
			if k%2 == 0 {
				cutoff = TimeOfDay(rng.Intn(int(EndOfDay) + 1))
			}
			got, err := s.CountCoverageDays(at, n, cutoff)

			start, werr := s.NextOpen(at)
			if werr != nil {
				require.Error(t, err)
				assert.Equal(t, werr.Error(), err.Error())
				continue
			}
			d := c.DateOf(start)
			covered, _ := s.IsCoverageDay(d)
			from, late := d, false
			if cutoff != NoCutoff {
				cut, _ := c.At(d, cutoff)
				late = covered && !start.Before(cut)
				if !covered || late {
					if from, werr = s.AddCoverageDays(d, 1); werr != nil {
						require.Error(t, err)
						assert.Equal(t, werr.Error(), err.Error())
						continue
					}
				}
			}
			due, werr := s.AddCoverageDays(from, n)
			if werr != nil {
				require.Error(t, err, "%s + %d", at, n)
				assert.Equal(t, werr.Error(), err.Error())
				continue
			}
			close, _, _ := s.CloseOn(due)
			require.NoError(t, err, "%s + %d", at, n)
			require.Equal(t, start, got.Start(), "%s: start", at)
			require.Equal(t, [3]Date{d, from, due}, [3]Date{got.Day(), got.From(), got.Due()}, "%s + %d: day, from, due", at, n)
			require.Equal(t, [2]bool{covered, late}, [2]bool{got.Covered(), got.Late()}, "%s + %d: covered, late", at, n)
			require.Equal(t, close, got.Close(), "%s: close", at)
			hf, _ := c.HolidaysBetween(d.AddDays(1), from.AddDays(-1))
			hd, _ := c.HolidaysBetween(from.AddDays(1), due.AddDays(-1))
			beforeFrom, beforeDue := got.Skips()
			require.Equal(t, [2]bool{len(hf) > 0, len(hd) > 0}, [2]bool{beforeFrom, beforeDue}, "%s + %d: skips", at, n)
		}
	}
}

// NextOpenAdd agrees with NextOpen and Add, errors included, on random instants
// and durations over the whole range and past its ends, for windows with
// breaks, overnight intervals, Saturdays and holidays.
func TestNextOpenAddAgreesWithItsSteps(t *testing.T) {
	rng := rand.New(rand.NewSource(9))
	c := Poland()
	lo, hi := c.First().AddDays(-2).In(c.Location()).Unix(), c.Last().AddDays(3).In(c.Location()).Unix()
	for _, w := range []Window{Window8x5(), Window24x7(), MustParseWindow("Mon-Fri 07:00-12:00,13:00-19:00; Sat 09:00-13:00 +holidays"),
		MustParseWindow("Mon-Thu 22:00-06:00"), MustParseWindow("Mon-Sun 06:00-24:00")} {
		s := c.MustSchedule(w)
		for k := 0; k < 3000; k++ {
			at := time.Unix(lo+rng.Int63n(hi-lo), 0).In(c.Location())
			if k%7 == 0 {
				at = at.Truncate(time.Hour) // on an opening or a close, often
			}
			d := time.Duration(rng.Int63n(int64(400*time.Hour))) - 100*time.Hour
			switch k % 50 {
			case 0:
				d = 0
			case 1:
				d = time.Duration(rng.Int63n(1 << 62)) // past the end of the range
			case 2:
				d = -time.Duration(rng.Int63n(1 << 62))
			}
			start, end, err := s.NextOpenAdd(at, d)
			wantStart, werr := s.NextOpen(at)
			if werr == nil {
				var wantEnd time.Time
				if wantEnd, werr = s.Add(wantStart, d); werr == nil {
					require.NoError(t, err, "%s %s", at, d)
					require.Equal(t, wantStart, start, "%s: start", at)
					require.Equal(t, wantEnd, end, "%s + %s", at, d)
					continue
				}
			}
			require.Error(t, err, "%s + %s", at, d)
			assert.Equal(t, werr.Error(), err.Error())
		}
	}
}

// EndOfDayAfter agrees with DateOf, AddDays and At, errors included, on random
// instants over the whole range and past its ends, on a calendar whose days
// begin at midnight and on one where clocks change at midnight; an instant
// whose date is not a day of the calendar is refused.
func TestEndOfDayAfterAgreesWithItsSteps(t *testing.T) {
	rng := rand.New(rand.NewSource(10))
	beirut, err := time.LoadLocation("Asia/Beirut")
	require.NoError(t, err)
	midnight, err := New(InLocation(beirut), WithYears(1990, 2030))
	require.NoError(t, err)
	for _, c := range []*Calendar{Poland(), midnight} {
		lo, hi := c.First().AddDays(-2).In(c.Location()).Unix(), c.Last().AddDays(3).In(c.Location()).Unix()
		outside := 0
		for k := 0; k < 20000; k++ {
			at := time.Unix(lo+rng.Int63n(hi-lo), int64(rng.Intn(1e9))).In(c.Location())
			if k%1000 == 0 {
				at = c.Last().AddDays(1).In(c.Location()) // the end of the range
			}
			n := rng.Intn(800) - 100
			if k%100 == 0 {
				n = rng.Int() - rng.Int()
			}
			got, err := c.EndOfDayAfter(at, n)
			wantDay := c.DateOf(at)
			if wantDay.Before(c.First()) || c.Last().Before(wantDay) {
				outside++
				require.Error(t, err, "%s is not on a day of the calendar", at)
				var re *RangeError
				require.ErrorAs(t, err, &re)
				assert.Equal(t, "instant", re.What)
				assert.Equal(t, DaysAfter{}, got)
				continue
			}
			wantLast := wantDay.AddDays(n)
			wantEnd, werr := c.At(wantLast, EndOfDay)
			if werr != nil {
				require.Error(t, err, "%s + %d", at, n)
				assert.Equal(t, werr.Error(), err.Error())
				assert.Equal(t, DaysAfter{}, got)
				continue
			}
			require.NoError(t, err, "%s + %d", at, n)
			require.Equal(t, wantDay, got.Day(), "%s", at)
			require.Equal(t, wantLast, got.Last(), "%s + %d", at, n)
			require.Equal(t, wantEnd, got.End(), "%s + %d", at, n)
			require.Equal(t, wantEnd.UnixNano(), got.EndUnixNano(), "%s + %d", at, n)
		}
		assert.Greater(t, outside, 20, "instants outside the range were tried")
	}
}

// The zero DaysAfter, as an error returns it, has zero dates and instant.
func TestDaysAfterZero(t *testing.T) {
	var r DaysAfter
	assert.Equal(t, [2]Date{}, [2]Date{r.Day(), r.Last()})
	assert.True(t, r.End().IsZero())
	assert.Zero(t, r.EndUnixNano())
}

// WallOf gives the date, weekday and time of day time.Time gives in the
// calendar's location, and reports the days on which the UTC offset changes:
// every quarter of an hour (and an odd second and nanosecond) around the
// clock changes of Warsaw and of Beirut, whose clocks changed at midnight, and
// over New Year, where Go reports a zone period without a change; at random
// instants over the range and past its ends; for instants given in another
// location.
func TestWallOf(t *testing.T) {
	beirut, err := time.LoadLocation("Asia/Beirut")
	require.NoError(t, err)
	midnight, err := New(InLocation(beirut), WithYears(2017, 2019))
	require.NoError(t, err)
	warsaw := Warsaw()
	check := func(c *Calendar, at time.Time) {
		t.Helper()
		l := at.In(c.Location())
		y, m, d := l.Date()
		hh, mm, ss := l.Clock()
		day0 := time.Date(y, m, d, 0, 0, 0, 0, c.Location())
		day1 := time.Date(y, m, d+1, 0, 0, 0, 0, c.Location())
		_, o0 := day0.Zone()
		_, o1 := day1.Add(-time.Nanosecond).Zone()
		want := Wall{Date: Date{y, m, d}, Weekday: l.Weekday(), Hour: hh, Minute: mm, Second: ss, Nanosecond: l.Nanosecond(),
			ClockChange: day1.Sub(day0) != 24*time.Hour || o0 != o1}
		require.Equal(t, want, c.WallOf(at), "%s", at)
		// WallClock answers on the days of the range whose clocks do not
		// change and in whose span the location reports no zone boundary (Go
		// reports one at every New Year its rule string serves), the range's
		// end excluded, and nowhere else.
		date, wd, since, ok := c.WallClock(at.UnixNano())
		inRange := !want.Date.Before(c.First()) && !c.Last().Before(want.Date)
		_, end := day0.ZoneBounds()
		regular := !want.ClockChange && (end.IsZero() || day1.Before(end))
		require.Equal(t, inRange && regular, ok, "WallClock(%s) ok", at)
		if ok {
			require.Equal(t, [2]any{want.Date, want.Weekday}, [2]any{date, wd}, "WallClock(%s)", at)
			require.Equal(t, l.Sub(day0), since, "WallClock(%s) since midnight", at)
		} else {
			require.Equal(t, [3]any{Date{}, time.Weekday(0), time.Duration(0)}, [3]any{date, wd, since}, "WallClock(%s)", at)
		}
	}
	for _, s := range []struct {
		c    *Calendar
		from time.Time
	}{
		{Poland(), time.Date(2026, 3, 27, 0, 0, 0, 0, warsaw)},
		{Poland(), time.Date(2026, 10, 23, 0, 0, 0, 0, warsaw)},
		{Poland(), time.Date(2040, 12, 29, 0, 0, 0, 0, warsaw)},
		{midnight, time.Date(2018, 3, 23, 0, 0, 0, 0, beirut)},
		{midnight, time.Date(2018, 10, 26, 0, 0, 0, 0, beirut)},
	} {
		for k := 0; k < 4*24*5; k++ {
			at := s.from.Add(time.Duration(k)*15*time.Minute + time.Duration(k%3)*time.Second + time.Duration(k%5))
			check(s.c, at)
			check(s.c, at.UTC())
		}
	}
	rng := rand.New(rand.NewSource(11))
	for _, c := range []*Calendar{Poland(), midnight} {
		lo, hi := c.First().AddDays(-2).In(c.Location()).Unix(), c.Last().AddDays(3).In(c.Location()).Unix()
		for k := 0; k < 20000; k++ {
			check(c, time.Unix(lo+rng.Int63n(hi-lo), int64(rng.Intn(1e9))).In(c.Location()))
		}
	}
	// By hand: Sun 29 Mar 2026 is 23 hours long in Warsaw; Beirut's Sun 25 Mar
	// 2018 began at 01:00 EEST.
	assert.Equal(t, Wall{Date{2026, time.March, 29}, time.Sunday, 3, 30, 0, 0, true}, Poland().WallOf(time.Date(2026, 3, 29, 1, 30, 0, 0, time.UTC)))
	assert.Equal(t, Wall{Date{2026, time.March, 30}, time.Monday, 9, 0, 0, 0, false}, Poland().WallOf(time.Date(2026, 3, 30, 7, 0, 0, 0, time.UTC)))
	assert.Equal(t, Wall{Date{2018, time.March, 25}, time.Sunday, 1, 0, 0, 0, true}, midnight.WallOf(time.Date(2018, 3, 24, 22, 0, 0, 0, time.UTC)))
	assert.Equal(t, Wall{Date{2018, time.March, 24}, time.Saturday, 23, 59, 59, 999999999, false}, midnight.WallOf(time.Date(2018, 3, 24, 21, 59, 59, 999999999, time.UTC)))
}

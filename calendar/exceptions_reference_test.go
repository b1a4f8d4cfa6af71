package calendar

import (
	"math/rand/v2"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// schRefEx is the reference's account of a calendar's date exceptions,
// written from the rules of WithClosure, WithoutHoliday, WithWorkday,
// WithHoursOn and WithWindowHoursOn alone: on a date, a holiday or closure
// that is not removed shuts a window not open on holidays; otherwise the
// window's own hours for the date, else the hours for every window, else
// the hours of the weekday a worked day stands in for, else its weekday's.
type schRefEx struct {
	closed   map[Date]bool
	removed  map[Date]bool
	worked   map[Date]time.Weekday
	hoursAll map[Date][]Interval
	hoursW   map[Date][]Interval // for the window under test
	hoursX   map[Date][]Interval // for another window: they must not apply
	other    Window
}

// shut reports whether d is a holiday or closure that shuts the windows not
// open on holidays. A nil schRefEx is a calendar without exceptions.
func (e *schRefEx) shut(d Date) bool {
	if e == nil {
		return schRefHoliday(d)
	}
	return (schRefHoliday(d) || e.closed[d]) && !e.removed[d]
}

// hours returns the intervals w opens on d, whose weekday is wd.
func (e *schRefEx) hours(w Window, d Date, wd time.Weekday) []Interval {
	if e == nil {
		return w.Hours(wd)
	}
	if h, ok := e.hoursW[d]; ok {
		return h
	}
	if h, ok := e.hoursAll[d]; ok {
		return h
	}
	if as, ok := e.worked[d]; ok {
		wd = as
	}
	return w.Hours(wd)
}

// options are the calendar options that make the exceptions.
func (e *schRefEx) options(w Window) []Option {
	var opts []Option
	for d := range e.closed {
		opts = append(opts, WithClosure(d, "closure"))
	}
	for d := range e.removed {
		opts = append(opts, WithoutHoliday(d))
	}
	for d, as := range e.worked {
		opts = append(opts, WithWorkday(d, as))
	}
	for d, h := range e.hoursAll {
		opts = append(opts, WithHoursOn(d, h...))
	}
	for d, h := range e.hoursW {
		opts = append(opts, WithWindowHoursOn(w, d, h...))
	}
	for d, h := range e.hoursX {
		opts = append(opts, WithWindowHoursOn(e.other, d, h...))
	}
	return opts
}

// schRandomHours returns up to three intervals on quarter hours that do not
// overlap within the day, the last one overnight now and then, and now and
// then none (the window shut on a business day) or the whole day.
func schRandomHours(rng *rand.Rand) []Interval {
	q := func(m int) TimeOfDay { return Clock(0, 15*m, 0) }
	if rng.IntN(12) == 0 {
		return []Interval{{0, EndOfDay}}
	}
	k := rng.IntN(4)
	marks := rng.Perm(96)[:2*k]
	for i := 1; i < len(marks); i++ { // sort
		for j := i; j > 0 && marks[j] < marks[j-1]; j-- {
			marks[j], marks[j-1] = marks[j-1], marks[j]
		}
	}
	var out []Interval
	for i := 0; i+1 < len(marks); i += 2 {
		out = append(out, Interval{q(marks[i]), q(marks[i+1])})
	}
	if k > 0 && marks[0] > 0 && rng.IntN(3) == 0 { // the last one runs into the next morning
		out[k-1].Close = q(rng.IntN(marks[0]))
	}
	return out
}

// schRandomExceptions draws date exceptions between June 2025 and June 2027,
// a third of them on clock-change days and holidays, and keeps only what a
// calendar accepts (a worked day that is not shut, a removed day that is a
// holiday or closure).
func schRandomExceptions(rng *rand.Rand, other Window) *schRefEx {
	e := &schRefEx{closed: map[Date]bool{}, removed: map[Date]bool{}, worked: map[Date]time.Weekday{},
		hoursAll: map[Date][]Interval{}, hoursW: map[Date][]Interval{}, hoursX: map[Date][]Interval{}, other: other}
	first := Date{2025, 6, 1}
	date := func() Date {
		if rng.IntN(3) == 0 {
			return schSpecialDays[rng.IntN(len(schSpecialDays))]
		}
		return schRefAddDays(first, rng.IntN(2*365))
	}
	for n := 10 + rng.IntN(40); n > 0; n-- {
		d := date()
		switch rng.IntN(6) {
		case 0:
			e.closed[d] = true
		case 1:
			e.removed[d] = true
		case 2:
			e.worked[d] = time.Weekday(1 + rng.IntN(5))
		case 3:
			e.hoursAll[d] = schRandomHours(rng)
		case 4:
			e.hoursW[d] = schRandomHours(rng)
		default:
			e.hoursX[d] = schRandomHours(rng)
		}
	}
	for d := range e.removed {
		if !schRefHoliday(d) && !e.closed[d] {
			delete(e.removed, d)
		}
	}
	for d := range e.worked {
		if e.shut(d) {
			delete(e.worked, d)
		}
	}
	return e
}

// The fast Schedule agrees with the reference on calendars with random date
// exceptions: closures, removed holidays, worked days, other hours for every
// window and for one (and for another window, which must not apply), with
// breaks and overnight intervals, around clock changes and holidays.
func TestScheduleWithExceptionsMatchesReference(t *testing.T) {
	calendars, n := 5, 200
	if testing.Short() {
		calendars, n = 2, 60
	}
	loc := Warsaw()
	lo := time.Date(2025, 5, 1, 0, 0, 0, 0, loc).UnixNano()
	hi := time.Date(2027, 8, 1, 0, 0, 0, 0, loc).UnixNano()
	windows := []Window{Window8x5(), Window9x5(), Window24x7(), schMonSat, sch24x5, schNight, schLunch,
		schSaturday, schOvernight, schNights, schOverlap, schBreakAtNight}
	checked := 0
	for wi, w := range windows {
		t.Run(w.String(), func(t *testing.T) {
			other := Window24x7()
			if w == other {
				other = Window8x5()
			}
			for ci := 0; ci < calendars; ci++ {
				rng := rand.New(rand.NewPCG(20261231, uint64(wi*100+ci)))
				ex := schRandomExceptions(rng, other)
				c, err := NewPoland(ex.options(w)...)
				require.NoError(t, err)
				s, err := c.Schedule(w)
				require.NoError(t, err)
				ref := schRef{w: w, loc: loc, ex: ex}
				var exDates []Date
				for _, m := range []map[Date][]Interval{ex.hoursAll, ex.hoursW, ex.hoursX} {
					for d := range m {
						exDates = append(exDates, d)
					}
				}
				for d := range ex.worked {
					exDates = append(exDates, d)
				}
				for d := range ex.closed {
					exDates = append(exDates, d)
				}
				instant := func() int64 {
					if rng.IntN(2) == 0 && len(exDates) > 0 { // on or around an exception
						d := exDates[rng.IntN(len(exDates))]
						at := time.Date(d.Year, d.Month, d.Day, rng.IntN(26)-1, 15*rng.IntN(4), 0, 0, loc).UnixNano()
						return at + []int64{0, 0, 1, -1, int64(time.Minute)}[rng.IntN(5)]
					}
					return lo + rng.Int64N((hi-lo)/int64(time.Minute))*int64(time.Minute)
				}
				fails := 0
				for k := 0; k < n && fails < 5; k++ {
					u := instant()
					at := time.Unix(0, u)
					d := time.Duration(1+rng.IntN(120*60)) * time.Minute
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

					b := u + rng.Int64N(2*int64(40*24*time.Hour)) - int64(40*24*time.Hour)
					got, err := s.Between(at, time.Unix(0, b))
					require.NoError(t, err)
					ok = assert.Equal(t, ref.between(u, b), got, "Between(%s, %s)", schFmt(at), schFmt(time.Unix(0, b))) && ok
					if !ok {
						fails++
						t.Logf("calendar %d: closed %v, removed %v, worked %v, hours for all %v, for %s %v", ci, ex.closed, ex.removed, ex.worked, ex.hoursAll, w, ex.hoursW)
					}
					checked++
				}
			}
		})
	}
	assert.Greater(t, checked, len(windows)*calendars*n/2, "the instants were checked")
}

// The reference's exceptions do what their rules say on hand-picked dates,
// so the random comparison above compares against the rules: 31 Dec 2026
// (Thursday) 09:00-13:00 for every window, Sat 9 Jan 2027 worked as a
// Friday, Fri 13 Nov 2026 closed, Wigilia 2026 removed.
func TestScheduleReferenceExceptions(t *testing.T) {
	ex := &schRefEx{
		closed:   map[Date]bool{{2026, 11, 13}: true},
		removed:  map[Date]bool{{2026, 12, 24}: true},
		worked:   map[Date]time.Weekday{{2027, 1, 9}: time.Friday},
		hoursAll: map[Date][]Interval{{2026, 12, 31}: {{Clock(9, 0, 0), Clock(13, 0, 0)}}},
	}
	c, err := NewPoland(ex.options(Window8x5())...)
	require.NoError(t, err)
	s, err := c.Schedule(Window8x5())
	require.NoError(t, err)
	ref := schRef{w: Window8x5(), loc: Warsaw(), ex: ex}
	for _, tc := range []struct {
		name string
		from time.Time
		d    time.Duration
		want time.Time
	}{
		{"31 Dec closes at 13:00: 4 h from 12:00 run 1 h, then 3 h from Mon 4 Jan (1 Jan is a holiday, then a weekend)",
			schCet(2026, 12, 31, 12, 0), 4 * time.Hour, schCet(2027, 1, 4, 12, 0)},
		{"Sat 9 Jan 2027 is worked with Friday's 09:00-17:00: 2 h from Fri 8 Jan 16:00 end Sat 10:00",
			schCet(2027, 1, 8, 16, 0), 2 * time.Hour, schCet(2027, 1, 9, 10, 0)},
		{"Fri 13 Nov 2026 is closed: 2 h from Thu 16:00 end Mon 16 Nov 10:00",
			schCet(2026, 11, 12, 16, 0), 2 * time.Hour, schCet(2026, 11, 16, 10, 0)},
		{"Wigilia 2026 (Thursday) removed is open: 2 h from Wed 23 Dec 16:00 end Thu 24 Dec 10:00",
			schCet(2026, 12, 23, 16, 0), 2 * time.Hour, schCet(2026, 12, 24, 10, 0)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want.UnixNano(), ref.add(tc.from.UnixNano(), tc.d), "the reference")
			got, err := s.Add(tc.from, tc.d)
			require.NoError(t, err)
			assert.True(t, tc.want.Equal(got), "the Schedule: %s", schFmt(got))
		})
	}
}

package calendar

import (
	"sort"
	"time"
)

// Schedule is a Window compiled against a Calendar: for every day of the
// calendar's range, the instants the window opens and closes and the window time
// that has run before the day begins. With these tables, adding or measuring
// window time costs the same for four hours as for four hundred.
//
// Window time is elapsed time inside the window: an hour of 24x7 is a real hour,
// also on the nights clocks change; the hours of 8x5 are those between 09:00 and
// 17:00 wall-clock time, every day.
//
// A Schedule is immutable and safe for concurrent use. Get one with
// Calendar.Schedule.
type Schedule struct {
	cal         *Calendar
	w           Window
	open, close []int64 // per day: the window's opening and closing instant (equal when closed)
	cum         []int64 // n+1 entries: window time before day i begins, in nanoseconds
	cov         []int32 // n+1 entries: coverage days among days 0..i-1
}

// maxCachedSchedules is how many distinct windows a calendar keeps compiled.
const maxCachedSchedules = 64

// Schedule returns w compiled against c. Schedules are built once per window and
// then shared: asking again for the same window returns the same *Schedule. A
// calendar keeps up to 64 distinct windows this way; past that, each call for
// another window builds a new Schedule that is not kept (a few milliseconds and
// about 9 bytes per day of the range, so 2 MB for Poland's 1990-2200), which
// bounds the memory a calendar holds whatever windows its callers ask for. A
// program that uses more windows than that keeps the schedules it gets.
func (c *Calendar) Schedule(w Window) (*Schedule, error) {
	if c == nil || c.n == 0 {
		return nil, c.dateError(Date{})
	}
	if err := w.Validate(); err != nil {
		return nil, err
	}
	c.mu.RLock()
	s, ok := c.schedules[w]
	full := len(c.schedules) >= maxCachedSchedules
	c.mu.RUnlock()
	switch {
	case ok:
		return s, nil
	case full:
		return c.compile(w), nil
	}
	// Built under the lock, so that goroutines asking at once share one build.
	c.mu.Lock()
	defer c.mu.Unlock()
	if s, ok := c.schedules[w]; ok {
		return s, nil
	}
	s = c.compile(w)
	if len(c.schedules) < maxCachedSchedules {
		c.schedules[w] = s
	}
	return s, nil
}

// compile builds the tables of w, a valid window.
func (c *Calendar) compile(w Window) *Schedule {
	s := &Schedule{
		cal:   c,
		w:     w,
		open:  make([]int64, c.n),
		close: make([]int64, c.n),
		cum:   make([]int64, c.n+1),
		cov:   make([]int32, c.n+1),
	}
	wd := c.first.Weekday()
	for i := 0; i < c.n; i++ {
		isOpen := w.Days.Has(wd) && (w.OpenOnHolidays || c.flags[i]&flagHoliday == 0)
		o, e := c.mid[i], c.mid[i]
		if isOpen {
			o, e = c.at(i, w.Open), c.at(i, w.Close)
			if e < o { // both ends inside a skipped hour
				e = o
			}
		}
		s.open[i], s.close[i] = o, e
		s.cum[i+1] = s.cum[i] + (e - o)
		s.cov[i+1] = s.cov[i]
		if o < e && c.flags[i]&flagBusiness != 0 {
			s.cov[i+1]++
		}
		wd = (wd + 1) % 7
	}
	return s
}

// MustSchedule is like Schedule but panics on an invalid window. It is for
// windows fixed in the program, such as Window8x5().
func (c *Calendar) MustSchedule(w Window) *Schedule {
	s, err := c.Schedule(w)
	if err != nil {
		panic(err)
	}
	return s
}

// Window returns the schedule's window.
func (s *Schedule) Window() Window { return s.w }

// Calendar returns the schedule's calendar.
func (s *Schedule) Calendar() *Calendar { return s.cal }

// Contains reports whether t is inside the window: on an open day, at or after
// the opening and before the close.
func (s *Schedule) Contains(t time.Time) (bool, error) {
	u, i, ok := s.cal.instant(t)
	if !ok {
		return false, s.cal.instantError("instant", t)
	}
	return s.open[i] <= u && u < s.close[i], nil
}

// NextOpen returns the first instant at or after t inside the window: t itself
// when the window is open at t, otherwise the next opening (a close is not inside,
// so at 17:00 under 8x5 it is the next business day's 09:00).
func (s *Schedule) NextOpen(t time.Time) (time.Time, error) {
	u, i, ok := s.cal.instant(t)
	if !ok {
		return time.Time{}, s.cal.instantError("instant", t)
	}
	v, ok := s.nextOpen(u, i)
	if !ok {
		return time.Time{}, s.cal.instantError("next opening after", t)
	}
	return time.Unix(0, v).In(s.cal.loc), nil
}

func (s *Schedule) nextOpen(u int64, i int) (int64, bool) {
	if s.open[i] < s.close[i] {
		if u < s.open[i] {
			return s.open[i], true
		}
		if u < s.close[i] {
			return u, true
		}
	}
	// The next day that is open is the first after i whose window time is not zero.
	q := gallop(s.cum, i+2, s.cum[i+1]+1)
	if q > s.cal.n {
		return 0, false
	}
	return s.open[q-1], true
}

// OpenOn returns the instant the window opens on d, and false if it is closed
// all of d.
func (s *Schedule) OpenOn(d Date) (time.Time, bool, error) {
	i, ok := s.cal.index(d)
	if !ok {
		return time.Time{}, false, s.cal.dateError(d)
	}
	return time.Unix(0, s.open[i]).In(s.cal.loc), s.open[i] < s.close[i], nil
}

// CloseOn returns the instant the window closes on d (for 24x7, the next day's
// 00:00), and false if it is closed all of d.
func (s *Schedule) CloseOn(d Date) (time.Time, bool, error) {
	i, ok := s.cal.index(d)
	if !ok {
		return time.Time{}, false, s.cal.dateError(d)
	}
	return time.Unix(0, s.close[i]).In(s.cal.loc), s.open[i] < s.close[i], nil
}

// IsCoverageDay reports whether d is a coverage day of the schedule: a business
// day of the calendar on which the window is open. Business-day targets count
// coverage days, so a window shut on Fridays makes the next coverage day after a
// Thursday the Monday; with the 8x5, 9x5 and 24x7 windows the coverage days are
// exactly the business days.
func (s *Schedule) IsCoverageDay(d Date) (bool, error) {
	i, ok := s.cal.index(d)
	if !ok {
		return false, s.cal.dateError(d)
	}
	return s.cov[i+1] > s.cov[i], nil
}

// AddCoverageDays returns the n-th coverage day after d (n > 0), the -n-th
// before d (n < 0), or d itself (n == 0); d need not be a coverage day. A result
// outside the calendar's range is an error wrapping ErrOutOfRange, however large
// n is.
func (s *Schedule) AddCoverageDays(d Date, n int) (Date, error) {
	i, ok := s.cal.index(d)
	if !ok {
		return Date{}, s.cal.dateError(d)
	}
	j, ok := addCounted(s.cov, i, n)
	if !ok {
		return Date{}, s.cal.rangeError("result of adding "+itoa(n)+" coverage days of "+s.w.String()+" to", d.String())
	}
	return s.cal.dateAt(j), nil
}

// pos returns the window time from the start of the range to u, on day i.
func (s *Schedule) pos(u int64, i int) int64 {
	switch {
	case u <= s.open[i]:
		return s.cum[i]
	case u >= s.close[i]:
		return s.cum[i+1]
	}
	return s.cum[i] + (u - s.open[i])
}

// Add returns the instant at which d of window time has elapsed from t.
//
// For d > 0 it is the earliest instant with d of window time since t: time before
// an opening does not count, and a duration that runs out exactly at a close
// ends at that close, not at the next opening (8x5: Monday 13:00 plus 4h is
// Monday 17:00). For d < 0 it goes back: the latest instant with -d of window
// time until t, so a span that runs out exactly at an opening ends at that
// opening. For d == 0 it is t. The result is in the calendar's location.
func (s *Schedule) Add(t time.Time, d time.Duration) (time.Time, error) {
	u, i, ok := s.cal.instant(t)
	if !ok {
		return time.Time{}, s.cal.instantError("instant", t)
	}
	v, ok := s.add(u, i, int64(d))
	if !ok {
		return time.Time{}, s.cal.rangeError("result of adding "+d.String()+" of "+s.w.String()+" time to", t.Format(time.RFC3339Nano))
	}
	return time.Unix(0, v).In(s.cal.loc), nil
}

func (s *Schedule) add(u int64, i int, d int64) (int64, bool) {
	if d == 0 {
		return u, true
	}
	pos := s.pos(u, i)
	// Compare before adding: pos + d overflows int64 for durations near
	// math.MaxInt64. pos is in [0, cum[n]], so neither difference overflows.
	if d > s.cum[s.cal.n]-pos || d < -pos {
		return 0, false
	}
	p := pos + d
	if d > 0 {
		// The first day whose window time reaches p.
		q := gallop(s.cum, i+1, p)
		j := q - 1
		return s.open[j] + (p - s.cum[j]), true
	}
	// The day whose window time holds p, at or after its opening.
	q := sort.Search(i+1, func(q int) bool { return s.cum[q+1] > p })
	return s.open[q] + (p - s.cum[q]), true
}

// Between returns the window time from a to b: negative when b is before a.
// For d >= 0, Between(t, Add(t, d)) == d.
func (s *Schedule) Between(a, b time.Time) (time.Duration, error) {
	ua, ia, ok := s.cal.instant(a)
	if !ok {
		return 0, s.cal.instantError("instant", a)
	}
	ub, ib, ok := s.cal.instant(b)
	if !ok {
		return 0, s.cal.instantError("instant", b)
	}
	return time.Duration(s.pos(ub, ib) - s.pos(ua, ia)), nil
}

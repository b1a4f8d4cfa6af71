package calendar

import (
	"math"
	"sort"
	"time"
)

// Schedule is a Window compiled against a Calendar: the window's open
// stretches over the calendar's whole range as instants, with the window time
// that has run before each, and for every day the opening and close of the
// intervals that open on it. With these tables, adding or measuring window time
// costs the same for four hours as for four hundred, with breaks, per-weekday
// hours and date exceptions alike, and allocates nothing.
//
// Window time is elapsed time inside the window: an hour of 24x7 is a real hour,
// also on the nights clocks change; the hours of 8x5 are those between 09:00 and
// 17:00 wall-clock time, every day. An interval's edges are built with time.Date
// on the day they fall on, so an interval that crosses the hour skipped when
// clocks go forward is an hour shorter (01:00-05:00 on 29 Mar 2026 lasts 3
// hours) and one that crosses the repeated hour when they go back is an hour
// longer (5 hours on 25 Oct 2026), breaks and overnight intervals included. An
// edge that falls in the skipped hour is the instant time.Date gives for it, an
// hour later on the clock: 02:30 on 29 Mar 2026 is 03:30 CEST (01:30 UTC). An
// edge in the repeated hour is, as time.Date gives it, the second of the two:
// 02:30 on 25 Oct 2026 is 02:30 CET (01:30 UTC), an hour after 02:30 CEST. So
// 01:00-02:15,02:45-04:00 lasts 1h15m+15m on 29 Mar 2026 and 2h15m+1h15m on
// 25 Oct 2026, against 1h15m+1h15m on other days. An interval whose
// edges both fall in the skipped hour in reverse order (02:30-03:00) is empty
// that day.
//
// A Schedule is immutable and safe for concurrent use. Get one with
// Calendar.Schedule.
type Schedule struct {
	cal *Calendar
	w   Window

	// The window's open stretches, in time order, disjoint and not touching:
	// stretch k opens at segOpen[k] and lasts segCum[k+1]-segCum[k]. segOpen
	// has a last entry math.MaxInt64 after the range, segCum the total.
	segOpen []int64
	segCum  []int64 // window time before stretch k, in nanoseconds
	first   []int32 // per day: the first stretch that ends after the day begins

	dayOpen, dayClose []int64 // per day: the opening of its first and the close of its last interval (equal when none opens)
	cov               []int32 // n+1 entries: coverage days among days 0..i-1
}

// maxCachedSchedules is how many distinct windows a calendar keeps compiled.
const maxCachedSchedules = 64

// Schedule returns w compiled against c. Schedules are built once per window and
// then shared: asking again for the same window returns the same *Schedule. A
// calendar keeps up to 64 distinct windows this way; past that, each call for
// another window builds a new Schedule that is not kept (a few milliseconds,
// about 24 bytes per day of the range and 16 per open stretch, so 3 MB for
// 8x5 over Poland's 1990-2200 and 6 MB with a lunch break), which
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
		cal:      c,
		w:        w,
		first:    make([]int32, c.n),
		dayOpen:  make([]int64, c.n),
		dayClose: make([]int64, c.n),
		cov:      make([]int32, c.n+1),
	}
	segs := make([]int64, 0, 2*c.n) // open, close pairs
	lastClose := int64(math.MinInt64)
	wd := c.first.Weekday()
	for i := 0; i < c.n; i++ {
		s.dayOpen[i], s.dayClose[i] = c.mid[i], c.mid[i]
		opens := false
		if h, runs := c.hoursOn(&w, i, wd); runs {
			for _, iv := range h.list() {
				o := c.at(i, iv.Open)
				var e int64
				switch {
				case iv.Close > iv.Open:
					e = c.at(i, iv.Close)
				case i+1 < c.n:
					e = c.at(i+1, iv.Close)
				default: // an overnight interval of the last day ends with the range
					e = c.mid[c.n]
				}
				if e <= o { // both edges in a skipped hour, in reverse order
					continue
				}
				if !opens {
					s.dayOpen[i] = o
					opens = true
				}
				s.dayClose[i] = e
				// Where an earlier interval (an overnight one) is still open,
				// the window is open over both.
				o = max(o, lastClose)
				switch {
				case e <= lastClose:
				case o == lastClose:
					segs[len(segs)-1] = e
					lastClose = e
				default:
					segs = append(segs, o, e)
					lastClose = e
				}
			}
		}
		s.cov[i+1] = s.cov[i]
		if opens && c.flags[i]&flagBusiness != 0 {
			s.cov[i+1]++
		}
		wd = (wd + 1) % 7
	}
	m := len(segs) / 2
	s.segOpen = make([]int64, m+1)
	s.segCum = make([]int64, m+1)
	for k := 0; k < m; k++ {
		s.segOpen[k] = segs[2*k]
		s.segCum[k+1] = s.segCum[k] + segs[2*k+1] - segs[2*k]
	}
	s.segOpen[m] = math.MaxInt64
	k := 0
	for i := 0; i < c.n; i++ {
		for k < m && segs[2*k+1] <= c.mid[i] {
			k++
		}
		s.first[i] = int32(k)
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

// stretch returns the first open stretch that ends after u, an instant of day
// i, or the sentinel past the last stretch. A day holds at most a few
// stretches, so this is a short walk from the day's first.
func (s *Schedule) stretch(u int64, i int) int {
	k := int(s.first[i])
	m := len(s.segOpen) - 1
	for k < m && s.segOpen[k]+(s.segCum[k+1]-s.segCum[k]) <= u {
		k++
	}
	return k
}

// Contains reports whether t is inside the window: at or after the opening of
// an interval that runs and before its close.
func (s *Schedule) Contains(t time.Time) (bool, error) {
	u, i, ok := s.cal.instant(t)
	if !ok {
		return false, s.cal.instantError("instant", t)
	}
	return s.segOpen[s.stretch(u, i)] <= u, nil
}

// NextOpen returns the first instant at or after t inside the window: t itself
// when the window is open at t, otherwise the next opening (a close is not inside,
// so at 17:00 under 8x5 it is the next business day's 09:00, and at 12:00 under
// Mon-Fri 08:00-12:00,13:00-17:00 it is 13:00).
func (s *Schedule) NextOpen(t time.Time) (time.Time, error) {
	u, i, ok := s.cal.instant(t)
	if !ok {
		return time.Time{}, s.cal.instantError("instant", t)
	}
	k := s.stretch(u, i)
	if k == len(s.segOpen)-1 {
		return time.Time{}, s.cal.instantError("next opening after", t)
	}
	return time.Unix(0, max(u, s.segOpen[k])).In(s.cal.loc), nil
}

// OpenOn returns the opening of the first interval that opens on d, and false
// if no interval opens on d (the window does not run that day; an overnight
// interval from the day before may still be open in its first hours).
func (s *Schedule) OpenOn(d Date) (time.Time, bool, error) {
	i, ok := s.cal.index(d)
	if !ok {
		return time.Time{}, false, s.cal.dateError(d)
	}
	return time.Unix(0, s.dayOpen[i]).In(s.cal.loc), s.dayOpen[i] < s.dayClose[i], nil
}

// CloseOn returns the close of the last interval that opens on d, and false if
// no interval opens on d. For 24x7 it is the next day's 00:00; for Mon-Fri
// 22:00-06:00 on a Monday it is Tuesday 06:00, also when Tuesday is a holiday.
// Business-day targets are due at this instant of their due day.
func (s *Schedule) CloseOn(d Date) (time.Time, bool, error) {
	i, ok := s.cal.index(d)
	if !ok {
		return time.Time{}, false, s.cal.dateError(d)
	}
	return time.Unix(0, s.dayClose[i]).In(s.cal.loc), s.dayOpen[i] < s.dayClose[i], nil
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
		return Date{}, s.coverageError(n, d)
	}
	return s.cal.dateAt(j), nil
}

// NoCutoff is the cutoff of a count of coverage days without one.
const NoCutoff TimeOfDay = -1

// CoverageCount is how Schedule.CountCoverageDays counted. It keeps the
// instants and dates it found in a compact form, four words that a caller
// keeps in registers; its methods give them.
type CoverageCount struct {
	cal          *Calendar
	start, close int64  // Unix nanoseconds
	days         uint64 // the day indices of Day, From and Due, and the flags
}

// The layout of CoverageCount.days (and DaysAfter.days, with two): three day
// indices of dayBits each (a
// calendar has at most 250 years, fewer than 2^17 days), then the flags.
const (
	dayBits     = 20
	dayMask     = 1<<dayBits - 1
	fromShift   = dayBits
	dueShift    = 2 * dayBits
	coveredFlag = 1 << (3 * dayBits)
	lateFlag    = coveredFlag << 1
)

// Start returns the first instant at or after t inside the window, as
// NextOpen gives it.
func (r CoverageCount) Start() time.Time { return r.at(r.start) }

// StartUnixNano returns Start as Unix nanoseconds, without making a time.Time
// of it.
func (r CoverageCount) StartUnixNano() int64 { return r.start }

// Day returns Start's date.
func (r CoverageCount) Day() Date { return r.date(r.days) }

// Covered reports whether Day is a coverage day.
func (r CoverageCount) Covered() bool { return r.days&coveredFlag != 0 }

// Late reports whether Day is a coverage day and Start is at or after the
// cutoff on it.
func (r CoverageCount) Late() bool { return r.days&lateFlag != 0 }

// From returns the day the count starts from.
func (r CoverageCount) From() Date { return r.date(r.days >> fromShift) }

// Due returns the n-th coverage day after From.
func (r CoverageCount) Due() Date { return r.date(r.days >> dueShift) }

// Close returns the close of the last interval that opens on Due, as CloseOn
// gives it.
func (r CoverageCount) Close() time.Time { return r.at(r.close) }

// CloseUnixNano returns Close as Unix nanoseconds, without making a time.Time
// of it.
func (r CoverageCount) CloseUnixNano() int64 { return r.close }

// Skips reports whether the count passed over a holiday or closure: after
// Day and before From (the days a cutoff or a day that is not a coverage day
// moved the count across), and after From and before Due (the days between
// the processing day and the due day). HolidaysBetween names them.
func (r CoverageCount) Skips() (beforeFrom, beforeDue bool) {
	if r.cal == nil {
		return false, false
	}
	i, from, due := int(r.days&dayMask), int(r.days>>fromShift&dayMask), int(r.days>>dueShift&dayMask)
	return r.cal.anyHoliday(i+1, from-1), r.cal.anyHoliday(from+1, due-1)
}

func (r CoverageCount) at(u int64) time.Time { return r.cal.packedInstant(u) }

func (r CoverageCount) date(x uint64) Date { return r.cal.packedDay(x) }

// packedInstant is the instant u (Unix nanoseconds) of a compact result
// (CoverageCount, DaysAfter) in the calendar's location; the zero time for
// the zero result, which has no calendar.
func (c *Calendar) packedInstant(u int64) time.Time {
	if c == nil {
		return time.Time{}
	}
	return time.Unix(0, u).In(c.loc)
}

// packedDay is the date of the day index in the low dayBits of x, for a
// compact result; the zero Date for the zero result.
func (c *Calendar) packedDay(x uint64) Date {
	if c == nil {
		return Date{}
	}
	return c.dateAt(int(x & dayMask))
}

// CountCoverageDays counts n coverage days (n >= 1) from t as a target of
// business days does, in one pass over the schedule's tables: t is clamped
// into the window (NextOpen); the count starts from the clamped instant's day,
// or, with a cutoff, from the next coverage day when that day is not a
// coverage day or the instant is at or after the cutoff on it (at 15:00:00
// exactly, it is after a 15:00 cutoff); Due is the n-th coverage day after
// From, and Close the window's close on it. NoCutoff, or any time of day
// outside 00:00-24:00, counts without a cutoff. The errors are those NextOpen
// and AddCoverageDays give.
func (s *Schedule) CountCoverageDays(t time.Time, n int, cutoff TimeOfDay) (CoverageCount, error) {
	c := s.cal
	u, i, ok := c.instant(t)
	if !ok {
		return CoverageCount{}, c.instantError("instant", t)
	}
	k := s.stretch(u, i)
	if k == len(s.segOpen)-1 {
		return CoverageCount{}, c.instantError("next opening after", t)
	}
	start := max(u, s.segOpen[k])
	// The clamped instant is before the end of the range: a stretch opens at it.
	for start >= c.mid[i+1] {
		i++
	}
	if c.flags[i]&flagIrregular != 0 {
		i, _ = c.index(DateOf(time.Unix(0, start).In(c.loc)))
	}
	covered := s.cov[i+1] > s.cov[i]
	var flags uint64
	from := i
	if covered {
		flags = coveredFlag
	}
	if cutoff.valid() && (!covered || start >= c.at(i, cutoff)) {
		if covered {
			flags |= lateFlag
		}
		if from, ok = addCounted(s.cov, i, 1); !ok {
			return CoverageCount{}, s.coverageError(1, c.dateAt(i))
		}
	}
	due, ok := addCounted(s.cov, from, n)
	if !ok {
		return CoverageCount{}, s.coverageError(n, c.dateAt(from))
	}
	return CoverageCount{cal: c, start: start, close: s.dayClose[due],
		days: uint64(i) | uint64(from)<<fromShift | uint64(due)<<dueShift | flags}, nil
}

func (s *Schedule) coverageError(n int, d Date) error {
	return s.cal.rangeError("result of adding "+itoa(n)+" coverage days of "+s.w.String()+" to", d.String())
}

// pos returns the window time from the start of the range to u, on day i, and
// the first stretch that ends after u.
func (s *Schedule) pos(u int64, i int) (int64, int) {
	k := s.stretch(u, i)
	if u <= s.segOpen[k] {
		return s.segCum[k], k
	}
	return s.segCum[k] + (u - s.segOpen[k]), k
}

// Add returns the instant at which d of window time has elapsed from t.
//
// For d > 0 it is the earliest instant with d of window time since t: time before
// an opening does not count, and a duration that runs out exactly at a close
// ends at that close, not at the next opening (8x5: Monday 13:00 plus 4h is
// Monday 17:00; with a lunch break 12:00-13:00, 11:00 plus 1h is 12:00). For
// d < 0 it goes back: the latest instant with -d of window time until t, so a
// span that runs out exactly at an opening ends at that opening. For d == 0 it
// is t. The result is in the calendar's location.
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
	return s.addFrom(u, s.stretch(u, i), d)
}

// addFrom is add for d != 0 from u, whose first stretch that ends after it is
// k.
func (s *Schedule) addFrom(u int64, k int, d int64) (int64, bool) {
	pos := s.segCum[k]
	if u > s.segOpen[k] {
		pos += u - s.segOpen[k]
	}
	total := s.segCum[len(s.segCum)-1]
	// Compare before adding: pos + d overflows int64 for durations near
	// math.MaxInt64. pos is in [0, total], so neither difference overflows.
	if d > total-pos || d < -pos {
		return 0, false
	}
	p := pos + d
	if d > 0 {
		// The first stretch whose end reaches p.
		j := gallop(s.segCum, k+1, p) - 1
		return s.segOpen[j] + (p - s.segCum[j]), true
	}
	// The stretch that holds p, at or after its opening.
	j := sort.Search(min(k+1, len(s.segOpen)-1), func(j int) bool { return s.segCum[j+1] > p })
	return s.segOpen[j] + (p - s.segCum[j]), true
}

// NextOpenAdd returns the instant a clock started at t starts running,
// NextOpen(t), and the instant at which d of window time has run from then,
// Add(start, d), in one pass over the tables. For d > 0 end is Add(t, d), and
// for d == 0 it is start. The errors are those of the two calls, NextOpen's
// first.
func (s *Schedule) NextOpenAdd(t time.Time, d time.Duration) (start, end time.Time, err error) {
	u, i, ok := s.cal.instant(t)
	if ok {
		k := s.stretch(u, i)
		if k < len(s.segOpen)-1 {
			v := max(u, s.segOpen[k])
			w := v
			if d != 0 {
				// From v, inside stretch k, as from u: time before the
				// opening does not count.
				w, ok = s.addFrom(v, k, int64(d))
			}
			if ok {
				return time.Unix(0, v).In(s.cal.loc), time.Unix(0, w).In(s.cal.loc), nil
			}
		}
	}
	// An error: the two calls say which, in their own words.
	if start, err = s.NextOpen(t); err != nil {
		return time.Time{}, time.Time{}, err
	}
	if end, err = s.Add(start, d); err != nil {
		return time.Time{}, time.Time{}, err
	}
	return start, end, nil
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
	pb, _ := s.pos(ub, ib)
	pa, _ := s.pos(ua, ia)
	return time.Duration(pb - pa), nil
}

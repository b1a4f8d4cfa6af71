// Package calendar is slaclock's business calendar: civil dates, business days,
// holidays (Polish statutory holidays built in), coverage windows and arithmetic
// on working time that is exact across clock changes.
//
// A Calendar knows which days are business days in one location over a fixed
// range of years (1990-2200 for Poland). A Window says which hours of which days
// a clock runs (8x5, 9x5, 24x7 or custom). A Schedule is a window compiled
// against a calendar; it answers whether an instant is inside the window, the
// next opening, and adds or measures window time in constant time whatever the
// span, using tables built once.
//
// Every wall-clock boundary (09:00, 17:00, midnight) is built with time.Date in
// the calendar's location, never as midnight plus a duration, so 09:00 is 09:00
// on the days clocks change. Durations are elapsed time: an hour of a 24x7 window
// is a real hour, so 01:30 plus four hours on the night clocks go forward is 06:30.
//
// Calendars and Schedules are immutable once built and safe for concurrent use.
package calendar

import (
	"slices"
	"sort"
	"sync"
	"time"

	"github.com/emersion/go-ical"
	"github.com/rickar/cal/v2"
)

const nsPerDay = int64(24 * time.Hour)

// Holiday is a day off in a calendar: a statutory holiday or a closure the
// calendar's user added.
type Holiday struct {
	Date    Date
	Name    string // the holiday's name in the calendar's language (Polish for Poland)
	Closure bool   // true for a day off added with WithClosure, false for a statutory holiday
}

// String returns the holiday as "YYYY-MM-DD Name".
func (h Holiday) String() string { return h.Date.String() + " " + h.Name }

// Day flags, one byte per day of the range.
const (
	flagHoliday   uint8 = 1 << iota // a holiday or closure (not removed)
	flagBusiness                    // a workweek day that is not a holiday
	flagIrregular                   // the UTC offset changes within the day
	flagException                   // a worked day or other hours (exceptions.go)
	flagWorked                      // a worked day: a business day whatever its weekday
)

// Calendar is a business calendar for one location over a range of years: which
// days are business days and which are holidays, and the instants at which each
// day begins. Build one with Poland, NewPoland or New.
//
// A Calendar is immutable once built and safe for concurrent use by many
// goroutines. The zero Calendar is not usable: the methods that return an error
// report ErrInvalid on a nil or zero Calendar; Location, First, Last, DateOf and
// WallOf must not be called on one.
type Calendar struct {
	loc      *time.Location
	workweek [7]bool
	first    Date         // first day covered
	firstDay int64        // first.days()
	n        int          // number of days covered
	dates    []uint32     // n entries: the date of day i, year<<9 | month<<5 | day
	weekday0 time.Weekday // first's weekday

	mid      []int64 // n+1 entries: the first instant of day i, in Unix nanoseconds
	minSec   int64   // mid[0] in Unix seconds, rounded down
	maxSec   int64   // mid[n] in Unix seconds, rounded down
	flags    []uint8 // n entries
	biz      []int32 // n+1 entries: business days among days 0..i-1
	holidays []indexedHoliday

	ex exceptions

	mu        sync.RWMutex
	schedules map[Window]*Schedule
}

type indexedHoliday struct {
	day int32 // day index
	Holiday
}

// Option configures a calendar built by New or NewPoland.
type Option func(*builder) error

type builder struct {
	loc            *time.Location
	workweek       [7]bool
	defs           []*cal.Holiday
	closures       []Holiday
	removed        []Date
	workdays       []workday
	ics            []*ical.Calendar
	hours          []dateHours
	fromYr, toYear int
}

// InLocation sets the calendar's location. The default for New is UTC; for
// NewPoland, Europe/Warsaw.
func InLocation(loc *time.Location) Option {
	return func(b *builder) error {
		if loc == nil {
			return &ValueError{Field: "InLocation", Value: "nil", Reason: "a calendar needs a location"}
		}
		b.loc = loc
		return nil
	}
}

// WithHolidays adds holiday definitions from github.com/rickar/cal/v2 (any
// country's package). Each definition's actual date is a day off named by its
// Name; where the definition also has an observed substitute day that differs,
// that day is off too. Only the definitions are used: rickar/cal's calendar,
// cache and time arithmetic are not.
func WithHolidays(defs ...*cal.Holiday) Option {
	return func(b *builder) error {
		for _, h := range defs {
			if h == nil {
				return &ValueError{Field: "WithHolidays", Value: "nil", Reason: "a holiday definition is nil"}
			}
		}
		b.defs = append(b.defs, defs...)
		return nil
	}
}

// WithWorkweek sets the days of the week that are business days when they are
// not holidays. The default is Monday to Friday.
func WithWorkweek(days ...time.Weekday) Option {
	return func(b *builder) error {
		b.workweek = [7]bool{}
		for _, d := range days {
			if d < time.Sunday || d > time.Saturday {
				return &ValueError{Field: "WithWorkweek", Value: d.String(), Reason: "not a day of the week"}
			}
			b.workweek[d] = true
		}
		return nil
	}
}

// WithClosure adds a day off of the user's own (a company day off, a bridge
// day), named name. A closure on a day that is already a holiday keeps the
// holiday's name.
func WithClosure(d Date, name string) Option {
	return func(b *builder) error {
		if !d.valid() {
			return &ValueError{Field: "WithClosure", Value: d.String(), Reason: "not a day of the calendar"}
		}
		b.closures = append(b.closures, Holiday{Date: d, Name: name, Closure: true})
		return nil
	}
}

// WithoutHoliday makes d an ordinary day: a holiday or closure on d no longer
// closes it. Building the calendar fails if d is not a holiday or closure in it.
func WithoutHoliday(d Date) Option {
	return func(b *builder) error {
		if !d.valid() {
			return &ValueError{Field: "WithoutHoliday", Value: d.String(), Reason: "not a day of the calendar"}
		}
		b.removed = append(b.removed, d)
		return nil
	}
}

// WithYears sets the range of years the calendar covers, from the first day of
// from to the last day of to. The default is 1990-2200. The range must lie in
// 1900-2260 and span at most 250 years.
func WithYears(from, to int) Option {
	return func(b *builder) error {
		if from < 1900 || to > 2260 || from > to || to-from >= 250 {
			return &ValueError{Field: "WithYears", Value: itoa(from) + "-" + itoa(to),
				Reason: "want a range within 1900-2260 of at most 250 years"}
		}
		b.fromYr, b.toYear = from, to
		return nil
	}
}

// New builds a calendar. Without options it covers 1990-2200 in UTC with
// Monday-Friday business days and no holidays.
func New(opts ...Option) (*Calendar, error) {
	b := builder{loc: time.UTC, fromYr: 1990, toYear: 2200}
	for d := time.Monday; d <= time.Friday; d++ {
		b.workweek[d] = true
	}
	for _, o := range opts {
		if err := o(&b); err != nil {
			return nil, err
		}
	}
	return b.build()
}

func (b *builder) build() (*Calendar, error) {
	c := &Calendar{
		loc:       b.loc,
		workweek:  b.workweek,
		first:     Date{b.fromYr, time.January, 1},
		schedules: map[Window]*Schedule{},
	}
	last := Date{b.toYear, time.December, 31}
	c.firstDay = c.first.days()
	c.n = c.first.DaysUntil(last) + 1
	c.dates = make([]uint32, c.n)
	for i, d := 0, c.first; i < c.n; i, d = i+1, d.AddDays(1) {
		c.dates[i] = packDate(d)
	}
	c.buildMidnights()

	// Holidays: definitions year by year, then closures, then removals.
	byDay := map[int32]Holiday{}
	for y := b.fromYr; y <= b.toYear; y++ {
		for _, def := range b.defs {
			actual, observed := def.Calc(y)
			if actual.IsZero() {
				continue
			}
			d := DateOf(actual)
			if i, ok := c.index(d); ok {
				if _, dup := byDay[int32(i)]; !dup {
					byDay[int32(i)] = Holiday{Date: d, Name: def.Name}
				}
			}
			if od := DateOf(observed); od != d {
				if i, ok := c.index(od); ok {
					if _, dup := byDay[int32(i)]; !dup {
						byDay[int32(i)] = Holiday{Date: od, Name: def.Name + " (observed)"}
					}
				}
			}
		}
	}
	for _, cal := range b.ics {
		hs, err := c.icsClosures(cal)
		if err != nil {
			return nil, err
		}
		for _, h := range hs {
			i, _ := c.index(h.Date)
			if _, dup := byDay[int32(i)]; !dup {
				byDay[int32(i)] = h
			}
		}
	}
	for _, h := range b.closures {
		i, ok := c.index(h.Date)
		if !ok {
			return nil, c.rangeError("closure date", h.Date.String())
		}
		if _, dup := byDay[int32(i)]; !dup {
			byDay[int32(i)] = h
		}
	}
	for _, d := range b.removed {
		i, ok := c.index(d)
		if !ok {
			return nil, c.rangeError("removed date", d.String())
		}
		if _, isHoliday := byDay[int32(i)]; !isHoliday {
			return nil, &ValueError{Field: "WithoutHoliday", Value: d.String(), Reason: "not a holiday or closure in this calendar"}
		}
		delete(byDay, int32(i))
	}
	for i, h := range byDay {
		c.holidays = append(c.holidays, indexedHoliday{day: i, Holiday: h})
		c.flags[i] |= flagHoliday
	}
	slices.SortFunc(c.holidays, func(a, b indexedHoliday) int { return int(a.day - b.day) })
	if err := c.buildExceptions(b); err != nil {
		return nil, err
	}

	c.biz = make([]int32, c.n+1)
	c.weekday0 = c.first.Weekday()
	wd := c.weekday0
	for i := 0; i < c.n; i++ {
		c.biz[i+1] = c.biz[i]
		if (c.workweek[wd] && c.flags[i]&flagHoliday == 0) || c.flags[i]&flagWorked != 0 {
			c.flags[i] |= flagBusiness
			c.biz[i+1]++
		}
		wd = (wd + 1) % 7
	}
	return c, nil
}

// buildMidnights fills c.mid with the first instant of every day, calling
// time.Date only around clock changes: within one zone period the next day
// begins exactly 24 hours after a day that began at midnight. Where the clocks
// go forward at midnight (Asia/Beirut, America/Sao_Paulo in their time) the
// day begins at the change, and its midnight, which does not exist, is not
// taken as the start of the days after it.
func (c *Calendar) buildMidnights() {
	c.mid = make([]int64, c.n+1)
	c.flags = make([]uint8, c.n)
	t, exact := c.dayStart(c.first)
	c.mid[0] = t.UnixNano()
	_, end := t.ZoneBounds()
	for i := 1; i <= c.n; i++ {
		next := c.mid[i-1] + nsPerDay
		if exact && (end.IsZero() || next < end.UnixNano()) {
			c.mid[i] = next
			continue
		}
		c.flags[i-1] |= flagIrregular
		t, exact = c.dayStart(c.first.AddDays(i))
		c.mid[i] = t.UnixNano()
		_, end = t.ZoneBounds()
	}
	c.minSec = floorDiv64(c.mid[0], int64(time.Second))
	c.maxSec = floorDiv64(c.mid[c.n], int64(time.Second))
}

// dayStart returns the first instant of day d in the calendar's location, and
// whether the clock reads 00:00 there. Where a clock change skips midnight,
// time.Date gives an instant of the day before or after it; the day then begins
// at the first instant whose date is d.
func (c *Calendar) dayStart(d Date) (time.Time, bool) {
	t := d.In(c.loc)
	if h, m, s := t.Clock(); h == 0 && m == 0 && s == 0 && t.Nanosecond() == 0 {
		return t, true
	}
	if DateOf(t) != d { // before the day: look for its first instant within a day
		lo, hi := t, t.Add(24*time.Hour)
		for hi.Sub(lo) > time.Nanosecond {
			mid := lo.Add(hi.Sub(lo) / 2)
			if !DateOf(mid).Before(d) {
				hi = mid
			} else {
				lo = mid
			}
		}
		t = hi
	}
	return t, false
}

// Wall is an instant's date and wall-clock time in a calendar's location.
type Wall struct {
	Date                             Date
	Weekday                          time.Weekday
	Hour, Minute, Second, Nanosecond int
	// ClockChange reports a date on which the UTC offset changes (the day
	// does not last 24 hours, or it ends in another offset than it began),
	// where a wall time alone can name two instants, or none.
	ClockChange bool
}

// WallOf returns t's date, weekday and time of day in the calendar's location,
// as t.In(c.Location()) gives them, and whether the clocks change on that date.
// On a day of the range without a clock change it reads the calendar's tables
// rather than asking the location, in a few nanoseconds.
func (c *Calendar) WallOf(t time.Time) Wall {
	if s := t.Unix(); c.n > 0 && s >= c.minSec && s <= c.maxSec {
		u := t.UnixNano()
		if i, ok := c.regularDay(u); ok {
			return c.wallOn(i, u)
		}
	}
	return c.zoneWall(t)
}

// WallClock returns the date and weekday of the instant u, Unix nanoseconds,
// in the calendar's location, and the time since that date's midnight, which
// is the time of day as a wall clock shows it, on a day of the range that is
// 24 hours long in one UTC offset: WallOf's answer, read from the calendar's
// tables without making a time.Time. ok is false, and the rest zero, on a day
// whose clocks change, on a day in which the location reports the end of a
// zone period without a change (Go reports one at every New Year that a
// zone's rule string serves), and outside the range (its end included): ask
// WallOf there.
func (c *Calendar) WallClock(u int64) (d Date, wd time.Weekday, sinceMidnight time.Duration, ok bool) {
	i, ok := c.regularDay(u)
	if !ok {
		return Date{}, 0, 0, false
	}
	return c.dateAt(i), c.weekdayAt(i), time.Duration(u - c.mid[i]), true
}

// regularDay returns the index of the day of u, Unix nanoseconds, when that
// day is of the range and 24 hours long in one UTC offset; false otherwise.
func (c *Calendar) regularDay(u int64) (int, bool) {
	if c == nil || c.n == 0 || u < c.mid[0] || u >= c.mid[c.n] {
		return 0, false
	}
	i := c.dayIndex(u)
	return i, c.flags[i]&flagIrregular == 0
}

// dayIndex returns the index of the day of u, Unix nanoseconds, from mid[0]
// (included) to mid[n] (excluded). Every day is 24 hours give or take the UTC
// offset changes, so the first guess is at most a day off.
func (c *Calendar) dayIndex(u int64) int {
	i := int(uint64(u-c.mid[0]) / uint64(nsPerDay))
	if i >= c.n {
		i = c.n - 1
	}
	for u < c.mid[i] {
		i--
	}
	for u >= c.mid[i+1] {
		i++
	}
	return i
}

// weekdayAt returns the weekday of day i.
func (c *Calendar) weekdayAt(i int) time.Weekday { return (c.weekday0 + time.Weekday(uint(i)%7)) % 7 }

// wallOn is the wall clock of u on regular day i: the day's date and weekday,
// and the time since its midnight.
func (c *Calendar) wallOn(i int, u int64) Wall {
	ns := uint64(u - c.mid[i])
	sod := uint32(ns / uint64(time.Second))
	return Wall{Date: c.dateAt(i), Weekday: c.weekdayAt(i),
		Hour: int(sod / 3600), Minute: int(sod / 60 % 60), Second: int(sod % 60), Nanosecond: int(ns % uint64(time.Second))}
}

// zoneWall is WallOf asking the location.
func (c *Calendar) zoneWall(t time.Time) Wall {
	t = t.In(c.loc)
	y, m, d := t.Date()
	hh, mm, ss := t.Clock()
	return Wall{Date: Date{y, m, d}, Weekday: t.Weekday(), Hour: hh, Minute: mm, Second: ss, Nanosecond: t.Nanosecond(), ClockChange: clocksChangeOn(t)}
}

// clocksChangeOn reports whether t's date has a clock change in t's location:
// the day does not last 24 hours, or its first and last instants have
// different UTC offsets.
func clocksChangeOn(t time.Time) bool {
	y, m, d := t.Date()
	day0 := time.Date(y, m, d, 0, 0, 0, 0, t.Location())
	day1 := time.Date(y, m, d+1, 0, 0, 0, 0, t.Location())
	_, off0 := day0.Zone()
	_, off1 := day1.Add(-time.Nanosecond).Zone()
	return day1.Sub(day0) != 24*time.Hour || off0 != off1
}

// Location returns the calendar's location: every result is in it.
func (c *Calendar) Location() *time.Location { return c.loc }

// First returns the first day the calendar covers.
func (c *Calendar) First() Date { return c.first }

// Last returns the last day the calendar covers.
func (c *Calendar) Last() Date { return c.first.AddDays(c.n - 1) }

// DateOf returns the civil date of instant t in the calendar's location.
func (c *Calendar) DateOf(t time.Time) Date {
	// Days with a clock change ask the location.
	if _, i, ok := c.regularInstant(t); ok {
		return c.dateAt(i)
	}
	return DateOf(t.In(c.loc))
}

// regularInstant is instant for a t on a day of the range that is 24 hours
// long in one UTC offset, from its midnight: on such a day the wall clock is
// the time since mid[i], and the date is day i's. It reports false for other
// instants, the end of the range included.
func (c *Calendar) regularInstant(t time.Time) (u int64, i int, ok bool) {
	if u, i, ok = c.instant(t); !ok || u == c.mid[c.n] {
		return u, i, false
	}
	return u, i, c.flags[i]&flagIrregular == 0
}

// At returns the instant at wall-clock time tod on day d in the calendar's
// location. 24:00 is the first instant of the next day. A wall time that a clock
// change skips is normalised as time.Date does.
func (c *Calendar) At(d Date, tod TimeOfDay) (time.Time, error) {
	i, ok := c.index(d)
	if !ok {
		return time.Time{}, c.dateError(d)
	}
	if !tod.valid() {
		return time.Time{}, &ValueError{Field: "time of day", Value: tod.String(), Reason: "want 00:00:00 to 24:00:00"}
	}
	return time.Unix(0, c.at(i, tod)).In(c.loc), nil
}

// at returns the instant of tod on day i in Unix nanoseconds.
func (c *Calendar) at(i int, tod TimeOfDay) int64 {
	switch {
	case tod == 0:
		return c.mid[i]
	case tod == EndOfDay:
		return c.mid[i+1]
	case c.flags[i]&flagIrregular == 0:
		return c.mid[i] + int64(tod)*int64(time.Second)
	}
	d := c.first.AddDays(i)
	h, m, s := tod.Clock()
	return time.Date(d.Year, d.Month, d.Day, h, m, s, 0, c.loc).UnixNano()
}

// EndOfDayAfter finds the date of t in the calendar's location, DateOf(t); the
// date n days after it, day.AddDays(n); and the end (24:00) of that date,
// At(last, EndOfDay), in one pass over the tables. t's date must be a day of
// the calendar (the range's end, the last day's 24:00, is the next day's
// start, so it is refused); the error otherwise is a RangeError for the
// instant, and for a last date outside the range At's.
func (c *Calendar) EndOfDayAfter(t time.Time, n int) (DaysAfter, error) {
	_, i, ok := c.regularInstant(t)
	if !ok {
		if i, ok = c.index(c.DateOf(t)); !ok {
			return DaysAfter{}, c.instantError("instant", t)
		}
	}
	if n <= -c.n || n >= c.n || i+n < 0 || i+n >= c.n {
		_, err := c.At(c.dateAt(i).AddDays(n), EndOfDay)
		return DaysAfter{}, err
	}
	j := i + n
	return DaysAfter{cal: c, end: c.mid[j+1], days: uint64(i) | uint64(j)<<dayBits}, nil
}

// DaysAfter is what Calendar.EndOfDayAfter found, in three words that a caller
// keeps in registers; its methods give the dates and the instant.
type DaysAfter struct {
	cal  *Calendar
	end  int64  // Unix nanoseconds
	days uint64 // the day indices of Day and Last, dayBits each
}

// Day returns the date the count starts from.
func (r DaysAfter) Day() Date { return r.cal.packedDay(r.days) }

// Last returns the date n days after Day.
func (r DaysAfter) Last() Date { return r.cal.packedDay(r.days >> dayBits) }

// End returns the end (24:00) of Last, in the calendar's location.
func (r DaysAfter) End() time.Time { return r.cal.packedInstant(r.end) }

// EndUnixNano returns End as Unix nanoseconds, without making a time.Time of
// it.
func (r DaysAfter) EndUnixNano() int64 { return r.end }

// IsBusinessDay reports whether d is a business day: a workweek day that is not
// a holiday or closure, or a worked day (WithWorkday).
func (c *Calendar) IsBusinessDay(d Date) (bool, error) {
	i, ok := c.index(d)
	if !ok {
		return false, c.dateError(d)
	}
	return c.flags[i]&flagBusiness != 0, nil
}

// HolidayOn returns the holiday or closure on d, if there is one. A holiday on a
// Saturday is reported; it is not a business day anyway.
func (c *Calendar) HolidayOn(d Date) (Holiday, bool, error) {
	i, ok := c.index(d)
	if !ok {
		return Holiday{}, false, c.dateError(d)
	}
	if c.flags[i]&flagHoliday == 0 {
		return Holiday{}, false, nil
	}
	k := sort.Search(len(c.holidays), func(k int) bool { return int(c.holidays[k].day) >= i })
	return c.holidays[k].Holiday, true, nil
}

// Holidays returns the holidays and closures of year, in date order, including
// those that fall on a weekend.
func (c *Calendar) Holidays(year int) ([]Holiday, error) {
	return c.HolidaysBetween(Date{year, time.January, 1}, Date{year, time.December, 31})
}

// HolidaysBetween returns the holidays and closures from one date to another,
// both included, in date order.
func (c *Calendar) HolidaysBetween(from, to Date) ([]Holiday, error) {
	return c.AppendHolidaysBetween(nil, from, to)
}

// AppendHolidaysBetween appends to dst the holidays and closures from one date
// to another, both included, in date order, and returns the extended slice
// (dst itself when there are none). It allocates only when dst has too little
// room. On error dst is returned unchanged.
func (c *Calendar) AppendHolidaysBetween(dst []Holiday, from, to Date) ([]Holiday, error) {
	i, ok := c.index(from)
	if !ok {
		return dst, c.dateError(from)
	}
	j, ok := c.index(to)
	if !ok {
		return dst, c.dateError(to)
	}
	if j-i < 64 && !c.anyHoliday(i, j) { // a short span without one: no search
		return dst, nil
	}
	lo := sort.Search(len(c.holidays), func(k int) bool { return int(c.holidays[k].day) >= i })
	for k := lo; k < len(c.holidays) && int(c.holidays[k].day) <= j; k++ {
		dst = append(dst, c.holidays[k].Holiday)
	}
	return dst, nil
}

// anyHoliday reports whether a day from i to j, both included, is a holiday
// or closure.
func (c *Calendar) anyHoliday(i, j int) bool {
	for k := max(i, 0); k <= j && k < c.n; k++ {
		if c.flags[k]&flagHoliday != 0 {
			return true
		}
	}
	return false
}

// NextBusinessDay returns the first business day after d.
func (c *Calendar) NextBusinessDay(d Date) (Date, error) { return c.AddBusinessDays(d, 1) }

// PrevBusinessDay returns the last business day before d.
func (c *Calendar) PrevBusinessDay(d Date) (Date, error) { return c.AddBusinessDays(d, -1) }

// AddBusinessDays returns the n-th business day after d (n > 0), the -n-th
// business day before d (n < 0), or d itself (n == 0). d need not be a business
// day: the first business day after Saturday is Monday (when it is one).
func (c *Calendar) AddBusinessDays(d Date, n int) (Date, error) {
	i, ok := c.index(d)
	if !ok {
		return Date{}, c.dateError(d)
	}
	j, ok := addCounted(c.biz, i, n)
	if !ok {
		return Date{}, c.rangeError("result of adding "+itoa(n)+" business days to", d.String())
	}
	return c.dateAt(j), nil
}

// addCounted returns the index of the n-th counted day after day i (n > 0), the
// -n-th before it (n < 0) or i (n == 0), where cum[k] is the number of counted
// days among days 0..k-1; false when the result lies outside the range, however
// large n is.
func addCounted(cum []int32, i, n int) (int, bool) {
	days := len(cum) - 1
	switch {
	case n == 0:
		return i, true
	case n > 0:
		// Compare before adding: n may be near the limits of int.
		if n > int(cum[days]-cum[i+1]) {
			return 0, false
		}
		target := cum[i+1] + int32(n)
		if n <= 2 {
			// A day or two: a weekend or a holiday or two away, a few steps
			// forward, cheaper than a search. The counted day exists.
			j := i + 1
			for cum[j+1] < target {
				j++
			}
			return j, true
		}
		return gallop(cum, i+1, target) - 1, true
	}
	if n < -int(cum[i]) {
		return 0, false
	}
	target := cum[i] + int32(n) + 1
	p := sort.Search(i+1, func(p int) bool { return cum[p] >= target })
	return p - 1, true
}

// BusinessDaysBetween counts the business days after a up to and including b,
// going from a towards b: when b is before a it counts, negatively, the business
// days from b up to but not including a. For every n,
// BusinessDaysBetween(d, AddBusinessDays(d, n)) == n, also from a weekend: the
// Friday before a Saturday is -1 business day from it, while the Saturday is 0
// business days from the Friday.
func (c *Calendar) BusinessDaysBetween(a, b Date) (int, error) {
	i, ok := c.index(a)
	if !ok {
		return 0, c.dateError(a)
	}
	j, ok := c.index(b)
	if !ok {
		return 0, c.dateError(b)
	}
	if j < i {
		return int(c.biz[j] - c.biz[i]), nil
	}
	return int(c.biz[j+1] - c.biz[i+1]), nil
}

// index returns d's day index in the range.
func (c *Calendar) index(d Date) (int, bool) {
	if c == nil || c.n == 0 || !d.valid() {
		return 0, false
	}
	// A year far from the range is out before its day number is computed: near
	// the limits of int that number overflows and can wrap into the range.
	if d.Year < c.first.Year || d.Year > c.first.Year+c.n/365 {
		return 0, false
	}
	i := d.days() - c.firstDay
	if i < 0 || i >= int64(c.n) {
		return 0, false
	}
	return int(i), true
}

// dateAt returns the date of day i.
func (c *Calendar) dateAt(i int) Date { return unpackDate(c.dates[i]) }

// packDate packs a date of the range into 32 bits, year<<9 | month<<5 | day,
// the form of the table of dates.
func packDate(d Date) uint32 { return uint32(d.Year)<<9 | uint32(d.Month)<<5 | uint32(d.Day) }

func unpackDate(p uint32) Date { return Date{int(p >> 9), time.Month(p >> 5 & 15), int(p & 31)} }

// instant returns t in Unix nanoseconds and its day index. The end of the range
// (the last day's 24:00) is an instant of the range, on the last day: a deadline
// can fall on it.
func (c *Calendar) instant(t time.Time) (u int64, i int, ok bool) {
	if c == nil || c.n == 0 {
		return 0, 0, false
	}
	if s := t.Unix(); s < c.minSec || s > c.maxSec {
		return 0, 0, false
	}
	u = t.UnixNano()
	if u < c.mid[0] || u > c.mid[c.n] {
		return 0, 0, false
	}
	if u == c.mid[c.n] {
		return u, c.n - 1, true
	}
	return u, c.dayIndex(u), true
}

// CheckInstant reports, as the calendar's other methods do for an instant
// outside its range, an error wrapping ErrOutOfRange unless t is an instant
// of the range: from the first day's 00:00 to the last day's 24:00, both
// included. It reads no tables.
func (c *Calendar) CheckInstant(t time.Time) error {
	if c != nil && c.n > 0 {
		s := t.Unix()
		if s > c.minSec && s < c.maxSec {
			return nil
		}
		if s >= c.minSec && s <= c.maxSec {
			if u := t.UnixNano(); u >= c.mid[0] && u <= c.mid[c.n] {
				return nil
			}
		}
	}
	return c.instantError("instant", t)
}

func (c *Calendar) dateError(d Date) error {
	if c == nil || c.n == 0 {
		return &ValueError{Field: "Calendar", Value: "zero", Reason: "build a calendar with New, NewPoland or Poland"}
	}
	if !d.valid() {
		return &ValueError{Field: "date", Value: d.String(), Reason: "not a day of the calendar"}
	}
	return c.rangeError("date", d.String())
}

func (c *Calendar) instantError(what string, t time.Time) error {
	if c == nil || c.n == 0 {
		return &ValueError{Field: "Calendar", Value: "zero", Reason: "build a calendar with New, NewPoland or Poland"}
	}
	return c.rangeError(what, t.Format(time.RFC3339Nano))
}

func (c *Calendar) rangeError(what, value string) error {
	return &RangeError{What: what, Value: value, First: c.first, Last: c.Last()}
}

// gallop returns the smallest p >= lo with a[p] >= target, or len(a) if there is
// none; a must be non-decreasing. It looks near lo first, so short spans cost a
// few comparisons and long ones a binary search.
func gallop[T int32 | int64](a []T, lo int, target T) int {
	hi, step := lo, 1
	for hi < len(a) && a[hi] < target {
		lo = hi + 1
		hi += step
		step *= 2
	}
	if hi > len(a) {
		hi = len(a)
	}
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if a[m] < target {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

func itoa(n int) string { return string(appendInt(nil, n, 1)) }

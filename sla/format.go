package sla

import (
	"encoding/binary"
	"math"
	"time"

	"github.com/slaclock/slaclock/calendar"
)

var dayNames = [7]string{"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"}
var monthNames = [13]string{"", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}

// The three-letter names with a space, as little-endian words: "Mon " and
// " Jan", written in one store each.
var dayWords, monthWords = func() (d [7]uint32, m [13]uint32) {
	for i, n := range dayNames {
		d[i] = binary.LittleEndian.Uint32([]byte(n + " "))
	}
	for i, n := range monthNames[1:] {
		m[i+1] = binary.LittleEndian.Uint32([]byte(" " + n))
	}
	return
}()

// textRoom is the most a date or an instant takes: "Wed 30 Dec 2026
// 23:59:59.123456789" is 34 bytes.
const textRoom = 40

// room returns b with at least textRoom bytes of spare capacity, and that room
// to write into.
func room(b []byte) ([]byte, *[textRoom]byte) {
	if cap(b)-len(b) < textRoom {
		b = append(b, make([]byte, textRoom)...)[:len(b)]
	}
	return b, (*[textRoom]byte)(b[len(b) : len(b)+textRoom])
}

// putDay writes "Mon 2 Jan" at p[0:] and returns its length. wd, month and day
// must be valid.
func putDay(p *[textRoom]byte, wd time.Weekday, month time.Month, day int) int {
	binary.LittleEndian.PutUint32(p[0:4], dayWords[wd%7])
	n := 4
	if day >= 10 {
		p[4] = byte('0' + day/10)
		n = 5
	}
	p[n] = byte('0' + day%10)
	binary.LittleEndian.PutUint32(p[n+1:n+5], monthWords[month%13])
	return n + 5
}

// putYear writes " 2006" at p[n:] for a four-digit year and returns the new
// length, or n and false for any other year.
func putYear(p *[textRoom]byte, n, y int) (int, bool) {
	if y < 1000 || y > 9999 || n > textRoom-5 {
		return n, false
	}
	q := p[n : n+5]
	q[0], q[1], q[2], q[3], q[4] = ' ', byte('0'+y/1000), byte('0'+y/100%10), byte('0'+y/10%10), byte('0'+y%10)
	return n + 5, true
}

// validDay reports whether putDay can write d's day and month.
func validDay(d calendar.Date) bool {
	return d.Month >= time.January && d.Month <= time.December && d.Day >= 1 && d.Day <= 31
}

// appendWall writes a wall clock as zoneCache.appendInstant does, without the
// zone: "Fri 13 Nov 2026 15:20", with ":05" seconds and a fraction when the
// instant has them.
func appendWall(b []byte, w *calendar.Wall) []byte {
	if !validDay(w.Date) || w.Date.Year < 1000 || w.Date.Year > 9999 {
		return appendWallSlow(b, w)
	}
	return appendClockParts(b, w.Date, w.Weekday, uint32(w.Hour), uint32(w.Minute), uint32(w.Second), uint32(w.Nanosecond))
}

// appendClock writes, as appendWall does, the wall clock of an instant on a day
// whose clocks do not change, given as calendar.WallClock gives it: the date,
// its weekday and the time since its midnight.
func appendClock(b []byte, d calendar.Date, wd time.Weekday, since time.Duration) []byte {
	if !validDay(d) || d.Year < 1000 || d.Year > 9999 || uint64(since) >= uint64(24*time.Hour) {
		w := calendar.Wall{Date: d, Weekday: wd, Hour: int(since / time.Hour), Minute: int(since / time.Minute % 60),
			Second: int(since / time.Second % 60), Nanosecond: int(since % time.Second)}
		return appendWallSlow(b, &w)
	}
	ns := uint64(since)
	sec := uint32(ns / uint64(time.Second))
	return appendClockParts(b, d, wd, sec/3600, sec/60%60, sec%60, uint32(ns-uint64(sec)*uint64(time.Second)))
}

// appendClockParts writes appendWall's form of a valid date of a four-digit
// year, its weekday and a time of day.
func appendClockParts(b []byte, d calendar.Date, wd time.Weekday, hour, minute, second, frac uint32) []byte {
	b, p := room(b)
	n, _ := putYear(p, putDay(p, wd, d.Month, d.Day), d.Year)
	q := p[n : n+6]
	q[0], q[1], q[2], q[3], q[4], q[5] = ' ', byte('0'+hour/10), byte('0'+hour%10), ':', byte('0'+minute/10), byte('0'+minute%10)
	n += 6
	if second != 0 || frac != 0 {
		n = putFraction(p, n, second, frac)
	}
	return b[:len(b)+n]
}

// putFraction writes ":05" seconds at p[n:], and ".25" when there is a
// fraction of a second, and returns the new length.
func putFraction(p *[textRoom]byte, n int, second, frac uint32) int {
	q := p[n : n+3]
	q[0], q[1], q[2] = ':', byte('0'+second/10), byte('0'+second%10)
	n += 3
	if frac != 0 {
		q = p[n : n+10]
		q[0] = '.'
		for i, v := 9, frac; i > 0; i-- {
			q[i] = byte('0' + v%10)
			v /= 10
		}
		n += 10
		for p[n-1] == '0' {
			n--
		}
	}
	return n
}

// appendWallSlow is appendWall for a year of other than four digits.
func appendWallSlow(b []byte, w *calendar.Wall) []byte {
	b = append(b, dayNames[w.Weekday]...)
	b = append(b, ' ')
	b = appendInt(b, w.Date.Day, 1)
	b = append(b, ' ')
	b = append(b, monthNames[w.Date.Month]...)
	b = append(b, ' ')
	b = appendInt(b, w.Date.Year, 4)
	b = append(b, ' ')
	b = appendInt(b, w.Hour, 2)
	b = append(b, ':')
	b = appendInt(b, w.Minute, 2)
	if w.Second != 0 || w.Nanosecond != 0 {
		b = append(b, ':')
		b = appendInt(b, w.Second, 2)
		if ns := w.Nanosecond; ns != 0 {
			var frac [10]byte
			frac[0] = '.'
			for i, v := 9, ns; i >= 1; i-- {
				frac[i] = byte('0' + v%10)
				v /= 10
			}
			n := 10
			for frac[n-1] == '0' {
				n--
			}
			b = append(b, frac[:n]...)
		}
	}
	return b
}

// appendDay writes "Mon 2 Jan".
func appendDay(b []byte, d calendar.Date) []byte {
	if !validDay(d) {
		return append(b, d.String()...)
	}
	b, p := room(b)
	return b[:len(b)+putDay(p, d.Weekday(), d.Month, d.Day)]
}

// appendDayYear writes "Mon 2 Jan 2006".
func appendDayYear(b []byte, d calendar.Date) []byte {
	if !validDay(d) {
		return append(b, d.String()...)
	}
	return appendDayYearOn(b, d, d.Weekday())
}

// appendDayYearOn is appendDayYear for a valid date d whose weekday wd is known.
func appendDayYearOn(b []byte, d calendar.Date, wd time.Weekday) []byte {
	b, p := room(b)
	n, ok := putYear(p, putDay(p, wd, d.Month, d.Day), d.Year)
	b = b[:len(b)+n]
	if !ok {
		b = append(b, ' ')
		return appendInt(b, d.Year, 4)
	}
	return b
}

// appendInt writes n with at least width digits.
func appendInt(b []byte, n, width int) []byte {
	switch {
	case n >= 0 && n < 100 && width <= 2:
		if n >= 10 || width == 2 {
			return append(b, byte('0'+n/10), byte('0'+n%10))
		}
		return append(b, byte('0'+n))
	case n >= 1000 && n < 10000 && width <= 4:
		return append(b, byte('0'+n/1000), byte('0'+n/100%10), byte('0'+n/10%10), byte('0'+n%10))
	}
	if n < 0 {
		b = append(b, '-')
		n = -n
	}
	var tmp [20]byte
	i := len(tmp)
	for n > 0 || i > len(tmp)-width || i == len(tmp) {
		i--
		tmp[i] = byte('0' + n%10)
		n /= 10
	}
	return append(b, tmp[i:]...)
}

// zoneCache keeps the zone period of the last instant a renderer asked about,
// so that the spans of one explanation, which mostly lie in one, look the
// location's zone bounds up once; and the wall clock of the last instant
// written.
type zoneCache struct {
	loc      *time.Location
	from, to int64 // Unix seconds: the period [from, to) in which the location's offset and zone name hold
	ok       bool
	table    *zoneTable         // where fill looks first; nil: it asks the location
	cal      *calendar.Calendar // the calendar whose wall clocks civil gives
	// The wall clock civil gave last, of Unix second lastSec.
	last    bool
	lastSec int64
	lastW   calendar.Wall
}

// civil returns t's wall clock in the calendar's location, as
// calendar.WallOf gives it. It points into the cache and holds until the next
// call.
func (z *zoneCache) civil(t time.Time) *calendar.Wall {
	sec, ns := t.Unix(), t.Nanosecond()
	w := &z.lastW
	if !z.last || sec != z.lastSec || ns != w.Nanosecond {
		*w = z.cal.WallOf(t)
		z.last, z.lastSec = true, sec
	}
	return w // an explanation writes many an instant twice
}

// period makes the cache's zone period the one of t, Unix second sec.
func (z *zoneCache) period(t time.Time, sec int64) {
	if !z.ok || z.loc != t.Location() || sec < z.from || sec >= z.to {
		z.fill(t, sec)
	}
}

func (z *zoneCache) fill(t time.Time, sec int64) {
	if p, ok := z.table.find(t.Location(), sec); ok {
		z.loc, z.ok, z.from, z.to = t.Location(), true, p.from, p.to
		return
	}
	start, end := t.ZoneBounds()
	z.loc, z.ok = t.Location(), true
	z.from, z.to = math.MinInt64, math.MaxInt64
	if !start.IsZero() {
		z.from = start.Unix()
	}
	if !end.IsZero() {
		z.to = end.Unix()
	}
	if sec < z.from || sec >= z.to { // Go's ZoneBounds can miss t (golang/go#81583)
		z.from, z.to = sec, sec+1
	}
}

// holds reports whether the zone period of a also holds b, so that no zone
// boundary lies from a to b.
func (z *zoneCache) holds(a, b time.Time) bool {
	z.period(a, a.Unix())
	return z.to == math.MaxInt64 || b.Unix() < z.to
}

// appendInstant writes t as "Fri 13 Nov 2026 15:20", with seconds (and
// fractions) when it has them, and the zone abbreviation on days when the
// clocks change, where a wall time alone can be ambiguous.
func (z *zoneCache) appendInstant(b []byte, t time.Time) []byte {
	return z.appendWallAt(b, t, z.civil(t))
}

// appendWallAt is appendInstant for an instant whose wall clock w is known.
func (z *zoneCache) appendWallAt(b []byte, t time.Time, w *calendar.Wall) []byte {
	b = appendWall(b, w)
	if w.ClockChange {
		b = append(b, ' ')
		b = t.AppendFormat(b, "MST")
	}
	return b
}

// appendEnd writes an instant that ends a day: midnight is written as 24:00 of
// the day before ("Mon 16 Nov 2026 24:00").
func (z *zoneCache) appendEnd(b []byte, t time.Time) []byte {
	return z.appendEndAt(b, t, z.civil(t))
}

// appendEndAt is appendEnd for an instant whose wall clock w is known.
func (z *zoneCache) appendEndAt(b []byte, t time.Time, w *calendar.Wall) []byte {
	if w.Hour == 0 && w.Minute == 0 && w.Second == 0 && w.Nanosecond == 0 {
		b = appendDayYear(b, w.Date.AddDays(-1))
		return append(b, " 24:00"...)
	}
	return z.appendWallAt(b, t, w)
}

// zoneTable holds the periods of one UTC offset and zone name of a location
// over a calendar's range, in time order, so that a renderer finds the period
// of an instant without asking the location for its zone and bounds.
type zoneTable struct {
	loc     *time.Location
	periods []zonePeriod
}

// zonePeriod is the span [from, to), in Unix seconds, in which a location has
// UTC offset off (seconds) and zone name name.
type zonePeriod struct {
	from, to, off int64
	name          string
}

// newZoneTable walks cal's location from two days before the calendar's first
// day to three days after its last, joining the periods Go reports at which
// neither the offset nor the name changes (one starts every year a zone's
// rule string serves).
func newZoneTable(cal *calendar.Calendar) *zoneTable {
	loc := cal.Location()
	z := &zoneTable{loc: loc}
	t, end := cal.First().AddDays(-2).In(loc), cal.Last().AddDays(3).In(loc)
	for t.Before(end) {
		name, off := t.Zone()
		next := nextZoneBoundary(t)
		p := zonePeriod{from: t.Unix(), to: math.MaxInt64, off: int64(off), name: name}
		if !next.IsZero() {
			p.to = next.Unix()
		}
		if n := len(z.periods); n > 0 && z.periods[n-1].off == p.off && z.periods[n-1].name == p.name {
			z.periods[n-1].to = p.to
		} else {
			z.periods = append(z.periods, p)
		}
		if next.IsZero() || next.Unix() <= t.Unix() {
			break
		}
		t = next
	}
	return z
}

// find returns the period of loc that holds Unix second sec, and false when
// the table is of another location or does not reach sec.
func (z *zoneTable) find(loc *time.Location, sec int64) (zonePeriod, bool) {
	if z == nil || loc != z.loc || len(z.periods) == 0 {
		return zonePeriod{}, false
	}
	ps := z.periods
	lo, hi := 0, len(ps)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if ps[m].to <= sec {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo == len(ps) || sec < ps[lo].from {
		return zonePeriod{}, false
	}
	return ps[lo], true
}

package sla

import (
	"math"
	"time"

	"github.com/slaclock/slaclock/calendar"
)

var dayNames = [7]string{"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"}
var monthNames = [13]string{"", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}

// appendWall writes a wall clock as zoneCache.appendInstant does, without the
// zone.
func appendWall(b []byte, w wallClock) []byte {
	b = append(b, dayNames[w.wd]...)
	b = append(b, ' ')
	b = appendInt(b, w.date.Day, 1)
	b = append(b, ' ')
	b = append(b, monthNames[w.date.Month]...)
	b = append(b, ' ')
	b = appendInt(b, w.date.Year, 4)
	b = append(b, ' ')
	b = appendInt(b, w.hh, 2)
	b = append(b, ':')
	b = appendInt(b, w.mm, 2)
	if w.ss != 0 || w.ns != 0 {
		b = append(b, ':')
		b = appendInt(b, w.ss, 2)
		if ns := w.ns; ns != 0 {
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
	b = append(b, dayNames[d.Weekday()]...)
	b = append(b, ' ')
	b = appendInt(b, d.Day, 1)
	b = append(b, ' ')
	return append(b, monthNames[d.Month]...)
}

// appendDayYear writes "Mon 2 Jan 2006".
func appendDayYear(b []byte, d calendar.Date) []byte {
	b = appendDay(b, d)
	b = append(b, ' ')
	return appendInt(b, d.Year, 4)
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

// clocksChangeOn reports whether t's day has a clock change in t's location:
// the day does not last 24 hours, or its first and last instants have
// different UTC offsets.
func clocksChangeOn(t time.Time) bool {
	y, m, d := t.Date()
	day0 := time.Date(y, m, d, 0, 0, 0, 0, t.Location())
	day1 := time.Date(y, m, d+1, 0, 0, 0, 0, t.Location())
	return day1.Sub(day0) != 24*time.Hour || zoneOffset(day0) != zoneOffset(day1.Add(-time.Nanosecond))
}

// zoneCache keeps the zone period of the last instant a renderer wrote, so that
// the instants of one explanation, which mostly share one, look the location's
// offset up once, and compute their wall clock from it.
type zoneCache struct {
	loc      *time.Location
	from, to int64 // Unix seconds: the period [from, to) in which off and name hold
	off      int64
	name     string
	ok       bool
	// The dates of the last days asked for, by day number since 1970-01-01.
	days  [4]int64
	dates [4]calendar.Date
	next  int
}

// wallClock is an instant's date and time of day in its location.
type wallClock struct {
	date           calendar.Date
	wd             time.Weekday
	hh, mm, ss, ns int
	quiet          bool // the day and the two around it have one UTC offset
}

var epoch = calendar.Date{Year: 1970, Month: time.January, Day: 1}

// civil returns t's wall clock, as t.Date and t.Clock give it.
func (z *zoneCache) civil(t time.Time) wallClock {
	sec := t.Unix()
	if !z.ok || z.loc != t.Location() || sec < z.from || sec >= z.to {
		z.fill(t, sec)
	}
	local := sec + z.off
	days := floorDiv(local, 86400)
	sod := local - days*86400
	date := z.date(days)
	// The day's midnight is within one period of the offset, two days from its
	// edges either way, so neither a clock change nor time.Date's choice of
	// offset for a wall time near one can touch it.
	begin := days*86400 - z.off
	quiet := z.from <= begin-2*86400 && begin+3*86400 < z.to
	return wallClock{date: date, wd: time.Weekday(floorMod(days+4, 7)), hh: int(sod / 3600), mm: int(sod % 3600 / 60), ss: int(sod % 60), ns: t.Nanosecond(), quiet: quiet}
}

// date returns the date of day number days.
func (z *zoneCache) date(days int64) calendar.Date {
	for k := range z.days {
		if z.days[k] == days && !z.dates[k].IsZero() {
			return z.dates[k]
		}
	}
	d := epoch.AddDays(int(days))
	z.days[z.next], z.dates[z.next] = days, d
	z.next = (z.next + 1) % len(z.days)
	return d
}

func (z *zoneCache) fill(t time.Time, sec int64) {
	name, off := t.Zone()
	start, end := t.ZoneBounds()
	z.loc, z.name, z.off, z.ok = t.Location(), name, int64(off), true
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
	z.civil(a)
	return z.to == math.MaxInt64 || b.Unix() < z.to
}

// appendInstant writes t as "Fri 13 Nov 2026 15:20", with seconds (and
// fractions) when it has them, and the zone abbreviation on days when the
// clocks change, where a wall time alone can be ambiguous.
func (z *zoneCache) appendInstant(b []byte, t time.Time) []byte {
	return z.appendWallAt(b, t, z.civil(t))
}

// appendWallAt is appendInstant for an instant whose wall clock w is known.
func (z *zoneCache) appendWallAt(b []byte, t time.Time, w wallClock) []byte {
	b = appendWall(b, w)
	if !w.quiet && clocksChangeOn(t) {
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
func (z *zoneCache) appendEndAt(b []byte, t time.Time, w wallClock) []byte {
	if w.hh == 0 && w.mm == 0 && w.ss == 0 && w.ns == 0 {
		b = appendDayYear(b, w.date.AddDays(-1))
		return append(b, " 24:00"...)
	}
	return z.appendWallAt(b, t, w)
}

func floorDiv(a, b int64) int64 {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}

func floorMod(a, b int64) int64 { return a - floorDiv(a, b)*b }

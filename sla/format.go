package sla

import (
	"time"

	"github.com/slaclock/slaclock/calendar"
)

var dayNames = [7]string{"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"}
var monthNames = [13]string{"", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}

// appendInstant writes t as "Fri 13 Nov 2026 15:20", with seconds (and
// fractions) when it has them, and the zone abbreviation on days when the
// clocks change, where a wall time alone can be ambiguous.
func appendInstant(b []byte, t time.Time) []byte {
	y, m, d := t.Date()
	hh, mm, ss := t.Clock()
	b = append(b, dayNames[t.Weekday()]...)
	b = append(b, ' ')
	b = appendInt(b, d, 1)
	b = append(b, ' ')
	b = append(b, monthNames[m]...)
	b = append(b, ' ')
	b = appendInt(b, y, 4)
	b = append(b, ' ')
	b = appendInt(b, hh, 2)
	b = append(b, ':')
	b = appendInt(b, mm, 2)
	if ss != 0 || t.Nanosecond() != 0 {
		b = append(b, ':')
		b = appendInt(b, ss, 2)
		if ns := t.Nanosecond(); ns != 0 {
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
	if clocksChangeOn(t) {
		b = append(b, ' ')
		b = t.AppendFormat(b, "MST")
	}
	return b
}

// appendEnd writes an instant that ends a day: midnight is written as 24:00 of
// the day before ("Mon 16 Nov 2026 24:00").
func appendEnd(b []byte, t time.Time) []byte {
	if t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0 && t.Nanosecond() == 0 {
		b = appendDayYear(b, calendar.DateOf(t).AddDays(-1))
		return append(b, " 24:00"...)
	}
	return appendInstant(b, t)
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

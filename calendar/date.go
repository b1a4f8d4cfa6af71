package calendar

import (
	"cmp"
	"fmt"
	"time"
)

// Date is a civil date: a day in a calendar, with no time of day and no location.
//
// Date is a comparable value type. The zero Date (year 0, month 0, day 0) is not a
// valid date; IsZero reports it. A Date is normalised only by the functions that
// build one (NewDate, DateOf, ParseDate, AddDays); a literal such as
// Date{2026, 2, 30} is passed to the calendar as it is and rejected there.
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// NewDate returns the date year-month-day, normalised as time.Date normalises
// (31 April becomes 1 May).
func NewDate(year int, month time.Month, day int) Date {
	m := int(month) - 1
	year += floorDiv(m, 12)
	m -= floorDiv(m, 12) * 12
	return dateFromDays(daysFromCivil(year, time.Month(m+1), 1) + int64(day) - 1)
}

// DateOf returns the civil date of t in t's own location. To get the date in a
// calendar's location use Calendar.DateOf.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return Date{y, m, d}
}

// IsZero reports whether d is the zero Date.
func (d Date) IsZero() bool { return d == Date{} }

// valid reports whether d names a real day of the proleptic Gregorian calendar.
func (d Date) valid() bool {
	if d.Month < time.January || d.Month > time.December || d.Day < 1 {
		return false
	}
	return d.Day <= 28 || d.Day <= daysIn(d.Year, d.Month) // every month has 28 days
}

// Weekday returns the day of the week of d.
func (d Date) Weekday() time.Weekday {
	// 1970-01-01 was a Thursday. Moved by a multiple of 7 weeks, the day
	// numbers of some 30 billion years around it are positive, and take an
	// unsigned remainder.
	days := d.days()
	if k := uint64(days + 7<<40 + int64(time.Thursday)); k < 7<<41 {
		return time.Weekday(k % 7)
	}
	return time.Weekday((floorMod64(days, 7) + int64(time.Thursday)) % 7)
}

// AddDays returns the date n calendar days after d (before d when n is negative).
func (d Date) AddDays(n int) Date {
	// Within the 28 days every month has, the month and year stay.
	if uint(d.Month-1) < 12 && uint(d.Day-1) < 28 && uint(d.Day+n-1) < 28 {
		return Date{d.Year, d.Month, d.Day + n}
	}
	return dateFromDays(d.days() + int64(n))
}

// DaysUntil returns the number of calendar days from d to e: e.DaysUntil(e) is 0,
// and d.DaysUntil(d.AddDays(n)) is n.
func (d Date) DaysUntil(e Date) int { return int(e.days() - d.days()) }

// Compare returns -1 if d is before e, 0 if they are the same day and +1 if d is after e.
func (d Date) Compare(e Date) int {
	// Dates of days 1 to 28, which every month has, are in the order of
	// their year, month and day.
	if uint(d.Month-1) < 12 && uint(e.Month-1) < 12 && uint(d.Day-1) < 28 && uint(e.Day-1) < 28 {
		switch {
		case d.Year != e.Year:
			return cmp.Compare(d.Year, e.Year)
		case d.Month != e.Month:
			return cmp.Compare(d.Month, e.Month)
		}
		return cmp.Compare(d.Day, e.Day)
	}
	return cmp.Compare(d.days(), e.days())
}

// Before reports whether d is before e.
func (d Date) Before(e Date) bool { return d.Compare(e) < 0 }

// After reports whether d is after e.
func (d Date) After(e Date) bool { return d.Compare(e) > 0 }

// In returns the instant at which d begins (its midnight, or the first instant of
// the day where a clock change skips midnight) in loc.
func (d Date) In(loc *time.Location) time.Time {
	return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, loc)
}

// String returns d as YYYY-MM-DD. A date that is not valid prints as
// %!Date(y-m-d) instead of panicking.
func (d Date) String() string {
	if !d.valid() || d.Year < 0 || d.Year > 9999 {
		return fmt.Sprintf("%%!Date(%d-%d-%d)", d.Year, int(d.Month), d.Day)
	}
	var b [10]byte
	return string(d.appendTo(b[:0]))
}

func (d Date) appendTo(b []byte) []byte {
	b = appendInt(b, d.Year, 4)
	b = append(b, '-')
	b = appendInt(b, int(d.Month), 2)
	b = append(b, '-')
	return appendInt(b, d.Day, 2)
}

// ParseDate parses a date written as YYYY-MM-DD. Anything else, including a day
// that does not exist (2026-02-30), is a *ParseError that quotes the input.
func ParseDate(s string) (Date, error) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return Date{}, &ParseError{Kind: "date", Input: s, Reason: "want YYYY-MM-DD"}
	}
	y, ok1 := atoi(s[0:4])
	m, ok2 := atoi(s[5:7])
	dd, ok3 := atoi(s[8:10])
	d := Date{y, time.Month(m), dd}
	if !ok1 || !ok2 || !ok3 || !d.valid() {
		return Date{}, &ParseError{Kind: "date", Input: s, Reason: "not a day of the calendar"}
	}
	return d, nil
}

// MarshalText implements encoding.TextMarshaler; the form is YYYY-MM-DD.
func (d Date) MarshalText() ([]byte, error) {
	if !d.valid() || d.Year < 0 || d.Year > 9999 {
		return nil, &ParseError{Kind: "date", Input: d.String(), Reason: "not a day of the calendar"}
	}
	return d.appendTo(make([]byte, 0, 10)), nil
}

// UnmarshalText implements encoding.TextUnmarshaler. On error d is left unchanged.
func (d *Date) UnmarshalText(b []byte) error {
	v, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// days returns the number of days from 1970-01-01 to d.
func (d Date) days() int64 { return daysFromCivil(d.Year, d.Month, d.Day) }

// daysFromCivil returns the days since 1970-01-01 of the proleptic Gregorian
// date y-m-d (m in 1..12, d may overflow the month). The years of the table
// of years (1900-2299, where every calendar's range lies) are looked up there;
// other years from -32799 to 2,900,000 take the unsigned arithmetic of Neri
// and Schneider's "Euclidean affine functions and their application to
// calendar algorithms" (2022), a few multiplications and shifts; others, and
// days far outside the month, Howard Hinnant's days_from_civil.
func daysFromCivil(y int, m time.Month, d int) int64 {
	if k := uint(y - tableFirstYear); k < tableYears && uint(m-1) < 12 {
		// A year of the table: its first day, plus the days before the month.
		start := civil.years[k]
		leap := civil.years[k+1] - start - 365
		return int64(start) + int64(monthStart[leap][m]) + int64(d) - 1
	}
	return arithDaysFromCivil(y, m, d)
}

// arithDaysFromCivil is daysFromCivil worked out with arithmetic alone.
func arithDaysFromCivil(y int, m time.Month, d int) int64 {
	if y <= -neriYears || y > 2_900_000 || d < -1_000_000 || d > 1_000_000 {
		return hinnantDaysFromCivil(y, m, d)
	}
	yy := uint64(y + neriYears)
	mm := uint64(m)
	if mm <= 2 {
		yy--
		mm += 12
	}
	c := yy / 100
	n := 1461*yy/4 - c + c/4 + (979*mm-2919)/32
	return int64(n) + int64(d) - 1 - neriShift
}

// The shift of Neri and Schneider's algorithms: 82 cycles of 400 years, so
// every date they serve has a positive day number.
const (
	neriYears = 400 * 82
	neriShift = 719468 + 146097*82
)

func hinnantDaysFromCivil(y int, m time.Month, d int) int64 {
	yy := int64(y)
	if m <= 2 {
		yy--
	}
	era := floorDiv64(yy, 400)
	yoe := yy - era*400
	mp := (int64(m) + 9) % 12
	doy := (153*mp+2)/5 + int64(d) - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468
}

// dateFromDays is the inverse of daysFromCivil: from the table of years for
// the years it holds; otherwise Neri and Schneider's
// algorithm for day numbers below 2^30 once shifted (dates up to year
// 2,900,000), Hinnant's civil_from_days for the others.
func dateFromDays(z int64) Date {
	if off := z - int64(civil.years[0]); uint64(off) < tableDays {
		return civil.date(int(off))
	}
	return arithDateFromDays(z)
}

// arithDateFromDays is dateFromDays worked out with arithmetic alone.
func arithDateFromDays(z int64) Date {
	if z < -neriShift || z >= 1<<30-neriShift {
		return hinnantDateFromDays(z)
	}
	n := uint32(z + neriShift)
	n1 := 4*n + 3
	c := n1 / 146097
	nc := n1 % 146097 / 4
	p2 := 2939745 * uint64(4*nc+3)
	yz := uint32(p2 >> 32)
	ny := uint32(p2) / 2939745 / 4
	y := 100*c + yz
	n3 := 2141*ny + 197913
	m := n3 >> 16
	d := (n3&0xffff)/2141 + 1
	if ny >= 306 {
		y++
		m -= 12
	}
	return Date{int(y) - neriYears, time.Month(m), int(d)}
}

func hinnantDateFromDays(z int64) Date {
	z += 719468
	era := floorDiv64(z, 146097)
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	y := yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	d := doy - (153*mp+2)/5 + 1
	m := mp + 3
	if m > 12 {
		m -= 12
	}
	if m <= 2 {
		y++
	}
	return Date{int(y), time.Month(m), int(d)}
}

func daysIn(y int, m time.Month) int {
	switch m {
	case time.February:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case time.April, time.June, time.September, time.November:
		return 30
	}
	return 31
}

func floorDiv(a, b int) int {
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}

func floorDiv64(a, b int64) int64 {
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}

func floorMod64(a, b int64) int64 { return a - floorDiv64(a, b)*b }

// appendInt appends n in decimal, zero-padded to width digits.
func appendInt(b []byte, n, width int) []byte {
	if n < 0 {
		b = append(b, '-')
		n = -n
	}
	var buf [20]byte
	i := len(buf)
	for n >= 10 || width > 1 {
		i--
		buf[i] = byte('0' + n%10)
		n /= 10
		width--
	}
	i--
	buf[i] = byte('0' + n)
	return append(b, buf[i:]...)
}

// atoi parses a string of ASCII digits only.
func atoi(s string) (int, bool) {
	if s == "" || len(s) > 9 {
		return 0, false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

// The table of years: the civil-date conversions of the years 1900-2299, which
// hold every calendar's range, are lookups instead of arithmetic, since dates
// are converted to day numbers and back on most calls of the package.
const (
	tableFirstYear = 1900
	tableYears     = 400
	tableDays      = 146097 // 400 Gregorian years
)

// civilTable holds the day number of 1 January of each year of the table, and
// of the year after it, and the month and day of each day of a common and of
// a leap year.
type civilTable struct {
	years    [tableYears + 1]int32
	monthDay [2][366]uint16 // month<<5 | day, from 1 January
}

// monthStart is the number of days before each month of a common and of a leap
// year.
var monthStart = [2][13]int32{
	{0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334},
	{0, 0, 31, 60, 91, 121, 152, 182, 213, 244, 274, 305, 335},
}

// civil is built with the arithmetic, which TestDateDaysMatchTimePackage
// checks against the time package.
var civil = func() (t civilTable) {
	for k := range t.years {
		t.years[k] = int32(arithDaysFromCivil(tableFirstYear+k, time.January, 1))
	}
	for leap := 0; leap < 2; leap++ {
		first := arithDaysFromCivil(2001+3*leap, time.January, 1) // 2001 is common, 2004 leap
		for doy := 0; doy < 365+leap; doy++ {
			d := arithDateFromDays(first + int64(doy))
			t.monthDay[leap][doy] = uint16(d.Month)<<5 | uint16(d.Day)
		}
	}
	return t
}()

// date returns the date off days after 1 January of the table's first year,
// off being inside the table.
func (t *civilTable) date(off int) Date {
	k := off * tableYears / tableDays // the year, at most one off
	off += int(t.years[0])
	for k > 0 && int(t.years[k]) > off {
		k--
	}
	for int(t.years[k+1]) <= off {
		k++
	}
	leap := t.years[k+1] - t.years[k] - 365
	md := t.monthDay[leap][off-int(t.years[k])]
	return Date{tableFirstYear + k, time.Month(md >> 5), int(md & 31)}
}

package calendar

import (
	"strings"
	"time"
)

// TimeOfDay is a wall-clock time of day in seconds after midnight, from 00:00:00
// (0) to 24:00:00 (EndOfDay, the end of the day). The zero value is midnight.
type TimeOfDay int32

// EndOfDay is 24:00, the end of a day (the next day's 00:00).
const EndOfDay TimeOfDay = 24 * 60 * 60

// Clock returns the time of day h:m:s. Out-of-range parts are not normalised:
// Clock(25, 0, 0) is not valid and prints as %!TimeOfDay(90000).
func Clock(h, m, s int) TimeOfDay { return TimeOfDay(h*3600 + m*60 + s) }

// Clock returns the hour, minute and second of t; 24:00 is (24, 0, 0).
func (t TimeOfDay) Clock() (h, m, s int) {
	return int(t) / 3600, int(t) / 60 % 60, int(t) % 60
}

// Duration returns t as the duration since midnight on a day without a clock change.
func (t TimeOfDay) Duration() time.Duration { return time.Duration(t) * time.Second }

func (t TimeOfDay) valid() bool { return t >= 0 && t <= EndOfDay }

// String returns t as HH:MM, or HH:MM:SS when it has seconds. A value outside
// 00:00-24:00 prints as %!TimeOfDay(n).
func (t TimeOfDay) String() string {
	if !t.valid() {
		return "%!TimeOfDay(" + itoa(int(t)) + ")"
	}
	return string(t.appendTo(nil))
}

func (t TimeOfDay) appendTo(b []byte) []byte {
	h, m, s := t.Clock()
	b = appendInt(b, h, 2)
	b = append(b, ':')
	b = appendInt(b, m, 2)
	if s != 0 {
		b = append(b, ':')
		b = appendInt(b, s, 2)
	}
	return b
}

// ParseTimeOfDay parses HH:MM or HH:MM:SS (one-digit hours accepted), from 00:00
// to 24:00.
func ParseTimeOfDay(s string) (TimeOfDay, error) {
	bad := func(reason string) (TimeOfDay, error) {
		return 0, &ParseError{Kind: "time of day", Input: s, Reason: reason}
	}
	parts := strings.Split(strings.TrimSpace(s), ":")
	if len(parts) < 2 || len(parts) > 3 {
		return bad("want HH:MM or HH:MM:SS")
	}
	var v [3]int
	for k, p := range parts {
		n, ok := atoi(p)
		if !ok || len(p) > 2 || (k > 0 && len(p) != 2) {
			return bad("want HH:MM or HH:MM:SS")
		}
		v[k] = n
	}
	if v[1] > 59 || v[2] > 59 {
		return bad("minutes and seconds run 00-59")
	}
	t := Clock(v[0], v[1], v[2])
	if !t.valid() {
		return bad("want 00:00 to 24:00")
	}
	return t, nil
}

// MarshalText implements encoding.TextMarshaler.
func (t TimeOfDay) MarshalText() ([]byte, error) {
	if !t.valid() {
		return nil, &ValueError{Field: "time of day", Value: t.String(), Reason: "want 00:00 to 24:00"}
	}
	return t.appendTo(nil), nil
}

// UnmarshalText implements encoding.TextUnmarshaler. On error t is unchanged.
func (t *TimeOfDay) UnmarshalText(b []byte) error {
	v, err := ParseTimeOfDay(string(b))
	if err != nil {
		return err
	}
	*t = v
	return nil
}

// Weekdays is a set of days of the week, one bit per time.Weekday (bit 0 is
// Sunday). The zero value is the empty set.
type Weekdays uint8

// Common sets of days.
const (
	MondayToFriday Weekdays = 1<<time.Monday | 1<<time.Tuesday | 1<<time.Wednesday | 1<<time.Thursday | 1<<time.Friday
	EveryDay       Weekdays = 1<<7 - 1
)

// DaysOf returns the set of the given days.
func DaysOf(days ...time.Weekday) Weekdays {
	var w Weekdays
	for _, d := range days {
		if d >= time.Sunday && d <= time.Saturday {
			w |= 1 << d
		}
	}
	return w
}

// Has reports whether d is in the set.
func (w Weekdays) Has(d time.Weekday) bool { return d >= 0 && d <= 6 && w&(1<<d) != 0 }

var dayAbbr = [7]string{"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"}

// String lists the days from Monday to Sunday, runs of three or more as a range:
// "Mon-Fri", "Mon,Wed,Fri", "Sat,Sun", "Mon-Sun". The empty set is "none".
func (w Weekdays) String() string {
	if w&^EveryDay != 0 {
		return "%!Weekdays(" + itoa(int(w)) + ")"
	}
	if w == 0 {
		return "none"
	}
	var parts []string
	// Walk Monday (1) .. Sunday (7 -> 0).
	day := func(k int) time.Weekday { return time.Weekday(k % 7) }
	for k := 1; k <= 7; {
		if !w.Has(day(k)) {
			k++
			continue
		}
		e := k
		for e+1 <= 7 && w.Has(day(e+1)) {
			e++
		}
		switch {
		case e-k >= 2:
			parts = append(parts, dayAbbr[day(k)]+"-"+dayAbbr[day(e)])
		default:
			for x := k; x <= e; x++ {
				parts = append(parts, dayAbbr[day(x)])
			}
		}
		k = e + 1
	}
	return strings.Join(parts, ",")
}

// ParseWeekdays parses a list of three-letter day names and Monday-first ranges,
// case-insensitively: "Mon-Fri", "mon,wed,fri", "Sat-Sun", "Mon-Fri,Sun", "none".
func ParseWeekdays(s string) (Weekdays, error) {
	bad := func(reason string) (Weekdays, error) {
		return 0, &ParseError{Kind: "weekdays", Input: s, Reason: reason}
	}
	t := strings.ToLower(strings.TrimSpace(s))
	if t == "none" {
		return 0, nil
	}
	if t == "" {
		return bad("empty")
	}
	// Monday-first position of each day name: Mon 1 .. Sun 7.
	pos := func(name string) (int, bool) {
		for d, a := range dayAbbr {
			if strings.EqualFold(a, strings.TrimSpace(name)) {
				if d == 0 {
					return 7, true
				}
				return d, true
			}
		}
		return 0, false
	}
	var w Weekdays
	for _, item := range strings.Split(t, ",") {
		from, to, isRange := strings.Cut(item, "-")
		a, ok := pos(from)
		if !ok {
			return bad("unknown day " + strings.TrimSpace(from))
		}
		b := a
		if isRange {
			if b, ok = pos(to); !ok {
				return bad("unknown day " + strings.TrimSpace(to))
			}
			if b < a {
				return bad("a range runs Monday to Sunday")
			}
		}
		for k := a; k <= b; k++ {
			w |= 1 << (k % 7)
		}
	}
	return w, nil
}

// Window is a coverage window: the hours, on the days, in which a service clock
// runs. On each day it is open, a window is the interval [Open, Close) of wall-
// clock time in the calendar's location; Close may be 24:00 (EndOfDay). A day is
// open when its weekday is in Days and, unless OpenOnHolidays, it is not a holiday
// or closure of the calendar. Windows that span midnight (22:00-06:00) are not
// supported: use two days' hours.
//
// Window is a comparable value type. The zero Window is not valid (it never
// opens); Calendar.Schedule rejects it.
type Window struct {
	Open, Close    TimeOfDay
	Days           Weekdays
	OpenOnHolidays bool
}

// Window8x5 returns the 8x5 window of the service description: 09:00-17:00 on
// business days (Monday to Friday, holidays excluded).
func Window8x5() Window {
	return Window{Open: Clock(9, 0, 0), Close: Clock(17, 0, 0), Days: MondayToFriday}
}

// Window9x5 returns Huawei's 9x5 window: 09:00-18:00 on business days.
func Window9x5() Window {
	return Window{Open: Clock(9, 0, 0), Close: Clock(18, 0, 0), Days: MondayToFriday}
}

// Window24x7 returns the 24x7 window: always open, holidays included.
func Window24x7() Window {
	return Window{Open: 0, Close: EndOfDay, Days: EveryDay, OpenOnHolidays: true}
}

// Validate reports why w cannot be used, or nil.
func (w Window) Validate() error {
	switch {
	case !w.Open.valid() || w.Open == EndOfDay:
		return &ValueError{Field: "Window.Open", Value: w.Open.String(), Reason: "want 00:00 to 23:59:59"}
	case !w.Close.valid():
		return &ValueError{Field: "Window.Close", Value: w.Close.String(), Reason: "want 00:00:01 to 24:00"}
	case w.Close <= w.Open:
		return &ValueError{Field: "Window.Close", Value: w.Close.String(), Reason: "must be after Window.Open " + w.Open.String()}
	case w.Days == 0 || w.Days&^EveryDay != 0:
		return &ValueError{Field: "Window.Days", Value: w.Days.String(), Reason: "want at least one day of the week"}
	}
	return nil
}

// String returns "8x5", "9x5" or "24x7" for those windows and otherwise
// "HH:MM-HH:MM Days", with " +holidays" when the window is open on holidays:
// "07:00-19:00 Mon-Sat", "00:00-24:00 Mon-Sun" (closed on holidays). An invalid
// window prints as %!Window(...).
func (w Window) String() string {
	switch w {
	case Window8x5():
		return "8x5"
	case Window9x5():
		return "9x5"
	case Window24x7():
		return "24x7"
	}
	s := w.Open.String() + "-" + w.Close.String() + " " + w.Days.String()
	if w.OpenOnHolidays {
		s += " +holidays"
	}
	if w.Validate() != nil {
		return "%!Window(" + s + ")"
	}
	return s
}

// ParseWindow parses a window's text form, case-insensitively: "8x5", "9x5",
// "24x7" (also "24/7"), or "HH:MM-HH:MM Days [+holidays]" as String writes it.
// ParseWindow(w.String()) == w for every valid w.
func ParseWindow(s string) (Window, error) {
	t := strings.ToLower(strings.Join(strings.Fields(s), " "))
	switch strings.ReplaceAll(t, " ", "") {
	case "8x5":
		return Window8x5(), nil
	case "9x5":
		return Window9x5(), nil
	case "24x7", "24/7":
		return Window24x7(), nil
	}
	bad := func(reason string) (Window, error) {
		return Window{}, &ParseError{Kind: "window", Input: s, Reason: reason}
	}
	fields := strings.Fields(t)
	if len(fields) < 2 || len(fields) > 3 {
		return bad(`want "8x5", "9x5", "24x7" or "HH:MM-HH:MM Mon-Fri [+holidays]"`)
	}
	var w Window
	if len(fields) == 3 {
		if fields[2] != "+holidays" {
			return bad(`the third part may only be "+holidays"`)
		}
		w.OpenOnHolidays = true
	}
	open, closing, ok := strings.Cut(fields[0], "-")
	if !ok {
		return bad("want the hours as HH:MM-HH:MM")
	}
	var err error
	if w.Open, err = ParseTimeOfDay(open); err != nil {
		return bad("opening time: " + err.(*ParseError).Reason)
	}
	if w.Close, err = ParseTimeOfDay(closing); err != nil {
		return bad("closing time: " + err.(*ParseError).Reason)
	}
	if w.Days, err = ParseWeekdays(fields[1]); err != nil {
		return bad("days: " + err.(*ParseError).Reason)
	}
	if err := w.Validate(); err != nil {
		return bad(err.(*ValueError).Reason)
	}
	return w, nil
}

// MarshalText implements encoding.TextMarshaler with the String form.
func (w Window) MarshalText() ([]byte, error) {
	if err := w.Validate(); err != nil {
		return nil, err
	}
	return []byte(w.String()), nil
}

// UnmarshalText implements encoding.TextUnmarshaler. On error w is unchanged.
func (w *Window) UnmarshalText(b []byte) error {
	v, err := ParseWindow(string(b))
	if err != nil {
		return err
	}
	*w = v
	return nil
}

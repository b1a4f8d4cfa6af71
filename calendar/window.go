package calendar

import (
	"strconv"
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

// MaxIntervals is the most intervals a Window has on one day of the week,
// counted after adjacent and overlapping intervals are merged. It keeps Window a
// fixed-size comparable value; more is an error that names the day and its hours.
const MaxIntervals = 6

// Interval is a span of wall-clock time that opens on a day: from Open to Close
// in the calendar's location. When Close is after Open the interval ends on the
// same day (Close may be 24:00, the next day's 00:00); when Close is before Open
// it is an overnight interval that ends at Close on the next day: 22:00-06:00
// opened on Monday closes on Tuesday at 06:00. A Close of 00:00 means 24:00.
// An interval opens at 00:00 to 23:59:59 and lasts less than 24 hours, except
// 00:00-24:00, the whole day. The zero Interval is not valid.
//
// Both edges are wall-clock times built with time.Date on the day they fall on,
// so an interval is as long as the elapsed time between them: 01:00-05:00 lasts
// 3 hours on the night clocks go forward and 5 hours on the night they go back.
type Interval struct {
	Open, Close TimeOfDay
}

// String returns the interval as "HH:MM-HH:MM" (seconds when it has them). An
// interval that is not valid prints as %!Interval(...).
func (iv Interval) String() string {
	s := iv.Open.String() + "-" + iv.Close.String()
	if iv.check() != "" {
		return "%!Interval(" + s + ")"
	}
	return s
}

// Overnight reports whether the interval ends on the next day.
func (iv Interval) Overnight() bool { return iv.Close < iv.Open && iv.Close != 0 }

// check returns why iv is not valid, or "".
func (iv Interval) check() string {
	switch {
	case !iv.Open.valid() || iv.Open == EndOfDay:
		return "opens at " + iv.Open.String() + ": want 00:00 to 23:59:59"
	case !iv.Close.valid():
		return "closes at " + iv.Close.String() + ": want 00:00 to 24:00"
	case iv.Close == iv.Open:
		return "opens and closes at " + iv.Open.String() + ": an interval lasts less than 24 hours"
	case iv.Open == 0 && iv.Close == 0:
		return "is empty"
	}
	return ""
}

// end returns where iv ends, in seconds after the midnight of the day it opens
// on: after 24:00 for an overnight interval.
func (iv Interval) end() TimeOfDay {
	if iv.Close <= iv.Open {
		return iv.Close + EndOfDay
	}
	return iv.Close
}

// spanInterval turns an opening and an end (seconds after the opening day's
// midnight, up to 48 hours) back into an Interval.
func spanInterval(open, end TimeOfDay) Interval {
	if end > EndOfDay {
		return Interval{Open: open, Close: end - EndOfDay}
	}
	return Interval{Open: open, Close: end}
}

// dayHours is one day's intervals in canonical form: sorted by opening, merged
// where they touch or overlap, unused entries zero at the end.
type dayHours [MaxIntervals]Interval

func (h *dayHours) len() int {
	n := 0
	for n < MaxIntervals && h[n] != (Interval{}) {
		n++
	}
	return n
}

func (h *dayHours) list() []Interval { return h[:h.len()] }

func (h *dayHours) appendTo(b []byte) []byte {
	for k, iv := range h.list() {
		if k > 0 {
			b = append(b, ',')
		}
		b = iv.Open.appendTo(b)
		b = append(b, '-')
		b = iv.Close.appendTo(b)
	}
	return b
}

func (h *dayHours) String() string { return string(h.appendTo(nil)) }

// canonicalHours merges ivs into one day's canonical hours. field names the day
// in errors.
func canonicalHours(field string, ivs []Interval) (dayHours, error) {
	var h dayHours
	list := make([]Interval, 0, len(ivs))
	for _, iv := range ivs {
		if iv.Open > 0 && iv.Close == 0 {
			iv.Close = EndOfDay
		}
		if why := iv.check(); why != "" {
			return h, &ValueError{Field: field, Value: iv.Open.String() + "-" + iv.Close.String(), Reason: "the interval " + why}
		}
		list = append(list, iv)
	}
	// Insertion sort by opening: a day has a handful of intervals.
	for i := 1; i < len(list); i++ {
		for j := i; j > 0 && list[j].Open < list[j-1].Open; j-- {
			list[j], list[j-1] = list[j-1], list[j]
		}
	}
	var merged []Interval
	var open, end TimeOfDay
	for k, iv := range list {
		switch {
		case k == 0:
			open, end = iv.Open, iv.end()
		case iv.Open <= end:
			end = max(end, iv.end())
		default:
			merged = append(merged, spanInterval(open, end))
			open, end = iv.Open, iv.end()
		}
		if end > EndOfDay && end-open >= EndOfDay {
			return h, &ValueError{Field: field, Value: intervalsText(ivs),
				Reason: "together they run 24 hours or more from " + open.String() + "; the longest interval opening on a day is 00:00-24:00"}
		}
	}
	if len(list) > 0 {
		merged = append(merged, spanInterval(open, end))
	}
	if len(merged) > MaxIntervals {
		return h, &ValueError{Field: field, Value: intervalsText(ivs),
			Reason: "more than " + itoa(MaxIntervals) + " intervals on one day, after merging those that touch"}
	}
	copy(h[:], merged)
	return h, nil
}

func intervalsText(ivs []Interval) string {
	parts := make([]string, len(ivs))
	for k, iv := range ivs {
		parts[k] = iv.Open.String() + "-" + iv.Close.String()
	}
	return strings.Join(parts, ",")
}

// Window is a coverage window: the hours of the week in which a service clock
// runs. For each day of the week it holds up to MaxIntervals intervals of wall-
// clock time in the calendar's location, different per weekday if need be
// (Monday to Friday 08:00-12:00 and 13:00-17:00, Saturday 09:00-13:00), overnight
// ones included (22:00-06:00).
//
// An interval belongs to the day it opens on: it runs when that day's weekday
// has it and, unless OpenOnHolidays, that day is not a holiday or closure of the
// calendar. An overnight interval opened on Monday 22:00 runs to Tuesday 06:00
// even when Tuesday is a holiday, and one opened on a holiday does not run at
// all. Where an overnight interval runs into the next day's own hours, the
// window is open over both.
//
// Window is a comparable value type in canonical form: each day's intervals are
// sorted and those that touch or overlap are merged, so two windows with the
// same hours are == and print the same. Build one with NewWindow, With or
// ParseWindow; set OpenOnHolidays directly. The zero Window is not valid (it
// has no hours); Calendar.Schedule rejects it.
type Window struct {
	hours [7]dayHours // by time.Weekday

	// OpenOnHolidays makes the window run on holidays and closures too.
	OpenOnHolidays bool
}

// NewWindow returns the window open in hours on each of days, closed on
// holidays. Intervals that touch or overlap are merged. More than MaxIntervals
// on a day, an interval that is not valid or no days is an error wrapping
// ErrInvalid that names the field and the value.
func NewWindow(days Weekdays, hours ...Interval) (Window, error) {
	return Window{}.With(days, hours...)
}

// With returns w with hours added on each of days, merged with the hours those
// days already have. It is how windows with different hours per weekday are
// built: NewWindow(MondayToFriday, ...) then With(DaysOf(time.Saturday), ...).
// On error it returns w unchanged.
func (w Window) With(days Weekdays, hours ...Interval) (Window, error) {
	if days == 0 || days&^EveryDay != 0 {
		return w, &ValueError{Field: "Window days", Value: days.String(), Reason: "want at least one day of the week"}
	}
	if len(hours) == 0 {
		return w, &ValueError{Field: "Window hours", Value: "none", Reason: "want at least one interval"}
	}
	out := w
	for d := time.Sunday; d <= time.Saturday; d++ {
		if !days.Has(d) {
			continue
		}
		h, err := canonicalHours("Window."+dayAbbr[d], append(w.Hours(d), hours...))
		if err != nil {
			return w, err
		}
		out.hours[d] = h
	}
	return out, nil
}

// Hours returns the intervals that open on weekday d, sorted by opening; none
// when the window is closed that day. The slice is the caller's.
func (w Window) Hours(d time.Weekday) []Interval {
	if d < time.Sunday || d > time.Saturday {
		return nil
	}
	return append([]Interval(nil), w.hours[d].list()...)
}

// Days returns the days of the week on which at least one interval opens.
func (w Window) Days() Weekdays {
	var days Weekdays
	for d := range w.hours {
		if w.hours[d][0] != (Interval{}) {
			days |= 1 << d
		}
	}
	return days
}

// Window8x5 returns the 8x5 window of the service description: 09:00-17:00 on
// business days (Monday to Friday, holidays excluded).
func Window8x5() Window { return simpleWindow(Clock(9, 0, 0), Clock(17, 0, 0), MondayToFriday, false) }

// Window9x5 returns Huawei's 9x5 window: 09:00-18:00 on business days.
func Window9x5() Window { return simpleWindow(Clock(9, 0, 0), Clock(18, 0, 0), MondayToFriday, false) }

// Window24x7 returns the 24x7 window: always open, holidays included.
func Window24x7() Window { return simpleWindow(0, EndOfDay, EveryDay, true) }

func simpleWindow(open, closing TimeOfDay, days Weekdays, holidays bool) Window {
	w := Window{OpenOnHolidays: holidays}
	for d := range w.hours {
		if days.Has(time.Weekday(d)) {
			w.hours[d][0] = Interval{Open: open, Close: closing}
		}
	}
	return w
}

// Validate reports why w cannot be used, or nil: the zero Window and any window
// with no hours are refused with an error wrapping ErrInvalid.
func (w Window) Validate() error {
	if w.Days() == 0 {
		return &ValueError{Field: "Window", Value: "none", Reason: "no hours on any day of the week"}
	}
	for d := range w.hours {
		h := &w.hours[d]
		if c, err := canonicalHours("Window."+dayAbbr[d], h.list()); err != nil || c != *h {
			// Only reachable through a Window built outside this package's
			// constructors; kept so that Validate never lies.
			return &ValueError{Field: "Window." + dayAbbr[d], Value: h.String(), Reason: "hours not in canonical form"}
		}
	}
	return nil
}

// String returns "8x5", "9x5" or "24x7" for those windows and otherwise the
// canonical text form: groups of days with the same hours, "Days HH:MM-HH:MM"
// with the day's intervals separated by commas and the groups by "; ", in the
// order of their first day, Monday first, with " +holidays" when the window is
// open on holidays:
//
//	Mon-Fri 08:00-12:00,13:00-17:00; Sat 09:00-13:00
//	Mon-Sun 22:00-06:00 +holidays
//
// An invalid window prints as %!Window(none).
func (w Window) String() string {
	switch w {
	case Window8x5():
		return "8x5"
	case Window9x5():
		return "9x5"
	case Window24x7():
		return "24x7"
	}
	if w.Validate() != nil {
		return "%!Window(none)"
	}
	var b []byte
	var done Weekdays
	for k := 1; k <= 7; k++ {
		d := time.Weekday(k % 7)
		if done.Has(d) || w.hours[d][0] == (Interval{}) {
			continue
		}
		var group Weekdays
		for j := k; j <= 7; j++ {
			if e := time.Weekday(j % 7); w.hours[e] == w.hours[d] {
				group |= 1 << e
			}
		}
		done |= group
		if len(b) > 0 {
			b = append(b, "; "...)
		}
		b = append(b, group.String()...)
		b = append(b, ' ')
		b = w.hours[d].appendTo(b)
	}
	if w.OpenOnHolidays {
		b = append(b, " +holidays"...)
	}
	return string(b)
}

// ParseWindow parses a window's text form, case-insensitively and ignoring
// extra spaces: "8x5", "9x5", "24x7" (also "24/7"); the canonical form String
// writes, "Mon-Fri 08:00-12:00,13:00-17:00; Sat 09:00-13:00 [+holidays]", where
// a day named in several groups gets the hours of all of them; and the one-
// interval form "09:00-17:00 Mon-Fri [+holidays]". ParseWindow(w.String()) == w
// for every valid w. An error is a *ParseError that quotes the input and wraps
// ErrSyntax.
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
	const want = `want "8x5", "9x5", "24x7" or hours such as "Mon-Fri 08:00-12:00,13:00-17:00; Sat 09:00-13:00 [+holidays]"`
	var w Window
	if body, ok := strings.CutSuffix(t, " +holidays"); ok {
		w.OpenOnHolidays = true
		t = body
	}
	switch strings.ReplaceAll(t, " ", "") {
	case "8x5", "9x5", "24x7", "24/7":
		return bad("a named window takes no +holidays: spell its hours out")
	case "":
		return bad(want)
	}
	if f := strings.Fields(t); len(f) == 2 && !strings.Contains(t, ";") && f[0] != "" && f[0][0] >= '0' && f[0][0] <= '9' {
		t = f[1] + " " + f[0] // the one-interval form: hours first, then days
	}
	for _, group := range strings.Split(t, ";") {
		group = strings.TrimSpace(group)
		daysText, hoursText, ok := strings.Cut(group, " ")
		if !ok {
			return bad(`group "` + group + `": ` + want)
		}
		days, err := ParseWeekdays(daysText)
		if err != nil {
			return bad(`group "` + group + `": days: ` + err.(*ParseError).Reason)
		}
		if days == 0 {
			return bad(`group "` + group + `": want at least one day`)
		}
		var ivs []Interval
		for _, item := range strings.Split(strings.ReplaceAll(hoursText, " ", ""), ",") {
			iv, err := parseInterval(item)
			if err != nil {
				return bad(`group "` + group + `": ` + err.Error())
			}
			ivs = append(ivs, iv)
		}
		if w, err = w.With(days, ivs...); err != nil {
			ve := err.(*ValueError)
			return bad(ve.Field + " " + ve.Value + ": " + ve.Reason)
		}
	}
	return w, nil
}

// parseInterval parses "HH:MM-HH:MM"; the error is a bare reason.
func parseInterval(s string) (Interval, error) {
	open, closing, ok := strings.Cut(s, "-")
	if !ok {
		return Interval{}, errorString("hours " + strconv.Quote(s) + ": want HH:MM-HH:MM")
	}
	o, err := ParseTimeOfDay(open)
	if err != nil {
		return Interval{}, errorString("opening time " + strconv.Quote(open) + ": " + err.(*ParseError).Reason)
	}
	c, err := ParseTimeOfDay(closing)
	if err != nil {
		return Interval{}, errorString("closing time " + strconv.Quote(closing) + ": " + err.(*ParseError).Reason)
	}
	return Interval{Open: o, Close: c}, nil
}

type errorString string

func (e errorString) Error() string { return string(e) }

// MustParseWindow is like ParseWindow but panics on an error. It is for windows
// fixed in the program.
func MustParseWindow(s string) Window {
	w, err := ParseWindow(s)
	if err != nil {
		panic(err)
	}
	return w
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

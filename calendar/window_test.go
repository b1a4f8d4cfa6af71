package calendar

import (
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The expected values in this file follow from the text forms documented in
// window.go (HH:MM[:SS], Monday-first day lists, "HH:MM-HH:MM Days [+holidays]")
// and from SPEC.md section 3 (8x5 = 09:00-17:00, 9x5 = 09:00-18:00 on business
// days, 24x7 = always), worked out by hand.

func TestParseTimeOfDay(t *testing.T) {
	cases := []struct {
		name string
		in   string
		want TimeOfDay
		out  string // String of the result
	}{
		{"midnight is zero", "00:00", 0, "00:00"},
		{"an ordinary time", "09:00", 9 * 3600, "09:00"},
		{"a one-digit hour is accepted and printed with two", "9:00", 9 * 3600, "09:00"},
		{"minutes count sixty seconds each", "17:45", 17*3600 + 45*60, "17:45"},
		{"seconds are kept and printed", "12:30:15", 12*3600 + 30*60 + 15, "12:30:15"},
		{"zero seconds print as HH:MM", "12:30:00", 12*3600 + 30*60, "12:30"},
		{"the last second of the day", "23:59:59", 86399, "23:59:59"},
		{"24:00 is the end of the day", "24:00", 86400, "24:00"},
		{"24:00:00 is the end of the day too", "24:00:00", 86400, "24:00"},
		{"surrounding spaces are ignored", "  08:15 ", 8*3600 + 15*60, "08:15"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := ParseTimeOfDay(c.in)
			require.NoError(t, err)
			assert.Equal(t, c.want, got)
			assert.Equal(t, c.out, got.String())
		})
	}
	assert.Equal(t, EndOfDay, TimeOfDay(86400), "EndOfDay is 24 hours of seconds")
}

func TestParseTimeOfDayErrors(t *testing.T) {
	cases := []struct{ name, in string }{
		{"hours run to 24", "25:00"},
		{"nothing after 24:00", "24:01"},
		{"nothing after 24:00, not even a second", "24:00:01"},
		{"minutes run 00-59", "12:60"},
		{"seconds run 00-59", "12:30:60"},
		{"minutes are needed", "12"},
		{"letters are not digits", "ab:cd"},
		{"empty", ""},
		{"one-digit minutes are refused", "12:5"},
		{"three-digit hours are refused", "009:00"},
		{"a sign is not a digit", "-1:00"},
		{"a plus sign is not a digit", "+9:00"},
		{"four parts", "12:00:00:00"},
		{"an empty hour", ":30"},
		{"inner spaces", "12 :30"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := ParseTimeOfDay(c.in)
			assert.ErrorIs(t, err, ErrSyntax)
			var pe *ParseError
			require.ErrorAs(t, err, &pe)
			assert.Equal(t, c.in, pe.Input, "the error quotes the input")
			assert.Equal(t, "time of day", pe.Kind)
			assert.Equal(t, TimeOfDay(0), got)
		})
	}
}

// Every time of day from 00:00:00 to 24:00:00 prints in a form that parses back
// to itself.
func TestTimeOfDayRoundTripEverySecond(t *testing.T) {
	for v := TimeOfDay(0); v <= EndOfDay; v++ {
		got, err := ParseTimeOfDay(v.String())
		if !assert.NoError(t, err, "%d prints as %q", int(v), v.String()) || !assert.Equal(t, v, got) {
			return
		}
	}
}

func TestTimeOfDayClockAndInvalid(t *testing.T) {
	h, m, s := Clock(7, 8, 9).Clock()
	assert.Equal(t, []int{7, 8, 9}, []int{h, m, s}, "Clock and TimeOfDay.Clock are inverses")
	h, m, s = EndOfDay.Clock()
	assert.Equal(t, []int{24, 0, 0}, []int{h, m, s}, "24:00 is (24, 0, 0)")
	assert.Equal(t, 90*time.Minute, Clock(1, 30, 0).Duration())

	// Out-of-range values print instead of panicking and do not marshal.
	for _, c := range []struct {
		name string
		v    TimeOfDay
		want string
	}{
		{"25:00 is not normalised", Clock(25, 0, 0), "%!TimeOfDay(90000)"},
		{"one second past 24:00", EndOfDay + 1, "%!TimeOfDay(86401)"},
		{"negative", -1, "%!TimeOfDay(-1)"},
	} {
		assert.Equal(t, c.want, c.v.String(), c.name)
		_, err := c.v.MarshalText()
		assert.ErrorIs(t, err, ErrInvalid, c.name)
		var ve *ValueError
		assert.ErrorAs(t, err, &ve, c.name)
	}
}

func TestTimeOfDayText(t *testing.T) {
	b, err := Clock(9, 30, 5).MarshalText()
	require.NoError(t, err)
	assert.Equal(t, "09:30:05", string(b))

	var v TimeOfDay
	require.NoError(t, v.UnmarshalText([]byte("24:00")))
	assert.Equal(t, EndOfDay, v)

	keep := Clock(17, 0, 0)
	err = keep.UnmarshalText([]byte("17:60"))
	assert.ErrorIs(t, err, ErrSyntax)
	assert.Equal(t, Clock(17, 0, 0), keep, "UnmarshalText leaves the value unchanged on error")
}

func TestWeekdaysStringAndParse(t *testing.T) {
	mon, tue, wed, thu, fri, sat, sun := time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday, time.Saturday, time.Sunday
	cases := []struct {
		name string
		in   string
		want Weekdays
		out  string
	}{
		{"a range of the workweek", "Mon-Fri", DaysOf(mon, tue, wed, thu, fri), "Mon-Fri"},
		{"two days are listed, not a range", "Sat,Sun", DaysOf(sat, sun), "Sat,Sun"},
		{"a two-day range prints as a list", "Sat-Sun", DaysOf(sat, sun), "Sat,Sun"},
		{"a list with gaps", "Mon,Wed,Fri", DaysOf(mon, wed, fri), "Mon,Wed,Fri"},
		{"the whole week", "Mon-Sun", DaysOf(mon, tue, wed, thu, fri, sat, sun), "Mon-Sun"},
		{"none is the empty set", "none", 0, "none"},
		{"case does not matter", "mON-fri", DaysOf(mon, tue, wed, thu, fri), "Mon-Fri"},
		{"Sunday prints last, Monday first", "Sun,Mon", DaysOf(sun, mon), "Mon,Sun"},
		{"a range and a day", "Mon-Fri,Sun", DaysOf(mon, tue, wed, thu, fri, sun), "Mon-Fri,Sun"},
		{"a three-day run becomes a range", "Tue,Wed,Thu", DaysOf(tue, wed, thu), "Tue-Thu"},
		{"a one-day range", "Wed-Wed", DaysOf(wed), "Wed"},
		{"spaces around names are ignored", " Mon , Fri ", DaysOf(mon, fri), "Mon,Fri"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := ParseWeekdays(c.in)
			require.NoError(t, err)
			assert.Equal(t, c.want, got)
			assert.Equal(t, c.out, got.String())
		})
	}
	assert.Equal(t, MondayToFriday, DaysOf(mon, tue, wed, thu, fri))
	assert.Equal(t, EveryDay, DaysOf(mon, tue, wed, thu, fri, sat, sun))
	assert.Equal(t, DaysOf(mon), DaysOf(mon, 7, -1), "days outside Sunday-Saturday are ignored")
	assert.True(t, MondayToFriday.Has(fri))
	assert.False(t, MondayToFriday.Has(sat))
	assert.False(t, EveryDay.Has(7), "7 is not a day of the week")
}

func TestParseWeekdaysErrors(t *testing.T) {
	cases := []struct{ name, in string }{
		{"a range runs Monday to Sunday", "Fri-Mon"},
		{"Sunday is the end of the week, not the start", "Sun-Sat"},
		{"an unknown name", "Xyz"},
		{"empty", ""},
		{"an empty item", "Mon,,Fri"},
		{"a range with no end", "Mon-"},
		{"a full day name", "Monday"},
		{"none is not combined with days", "none,Mon"},
		{"three ends", "Mon-Wed-Fri"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := ParseWeekdays(c.in)
			assert.ErrorIs(t, err, ErrSyntax)
			var pe *ParseError
			require.ErrorAs(t, err, &pe)
			assert.Equal(t, c.in, pe.Input)
			assert.Equal(t, Weekdays(0), got)
		})
	}
}

// All 128 sets of days round-trip through their text form; values with bits
// above Saturday print instead of panicking and do not parse.
func TestWeekdaysRoundTripEverySet(t *testing.T) {
	for v := 0; v < 256; v++ {
		w := Weekdays(v)
		s := w.String()
		got, err := ParseWeekdays(s)
		if v < 128 {
			require.NoError(t, err, "%d prints as %q", v, s)
			assert.Equal(t, w, got, "%d prints as %q", v, s)
			continue
		}
		assert.Equal(t, "%!Weekdays("+itoa(v)+")", s)
		assert.ErrorIs(t, err, ErrSyntax, "%q", s)
	}
}

func iv(open, closing TimeOfDay) Interval { return Interval{Open: open, Close: closing} }

func mustWindow(t testing.TB, days Weekdays, hours ...Interval) Window {
	t.Helper()
	w, err := NewWindow(days, hours...)
	require.NoError(t, err)
	return w
}

func TestNamedWindows(t *testing.T) {
	nine, five, six := Clock(9, 0, 0), Clock(17, 0, 0), Clock(18, 0, 0)
	assert.Equal(t, mustWindow(t, MondayToFriday, iv(nine, five)), Window8x5(), "8x5 is 09:00-17:00 on business days")
	assert.Equal(t, mustWindow(t, MondayToFriday, iv(nine, six)), Window9x5(), "9x5 is 09:00-18:00 on business days")
	w := mustWindow(t, EveryDay, iv(0, EndOfDay))
	w.OpenOnHolidays = true
	assert.Equal(t, w, Window24x7(), "24x7 is always, holidays included")
	for _, w := range []Window{Window8x5(), Window9x5(), Window24x7()} {
		assert.NoError(t, w.Validate(), w.String())
	}
	assert.Equal(t, MondayToFriday, Window8x5().Days())
	assert.Equal(t, []Interval{iv(nine, five)}, Window8x5().Hours(time.Monday))
	assert.Empty(t, Window8x5().Hours(time.Saturday), "8x5 has no hours on Saturday")
	assert.Empty(t, Window8x5().Hours(7), "7 is not a day of the week")
}

func TestWindowStringAndParse(t *testing.T) {
	h := func(hh, mm int) TimeOfDay { return Clock(hh, mm, 0) }
	withHolidays := func(w Window) Window { w.OpenOnHolidays = true; return w }
	lunch := mustWindow(t, MondayToFriday, iv(h(8, 0), h(12, 0)), iv(h(13, 0), h(17, 0)))
	withSat, err := lunch.With(DaysOf(time.Saturday), iv(h(9, 0), h(13, 0)))
	require.NoError(t, err)
	cases := []struct {
		name string
		in   string
		want Window
		out  string
	}{
		{"8x5 by name", "8x5", Window8x5(), "8x5"},
		{"9x5 by name", "9x5", Window9x5(), "9x5"},
		{"24x7 by name", "24x7", Window24x7(), "24x7"},
		{"24/7 is 24x7", "24/7", Window24x7(), "24x7"},
		{"names ignore case and spaces", " 24 X 7 ", Window24x7(), "24x7"},
		{"8x5 in today's one-interval form is 8x5", "09:00-17:00 Mon-Fri", Window8x5(), "8x5"},
		{"8x5 in the canonical form is 8x5", "Mon-Fri 09:00-17:00", Window8x5(), "8x5"},
		{"9x5 spelt out with a one-digit hour is 9x5", "9:00-18:00 mon-fri", Window9x5(), "9x5"},
		{"24x7 spelt out is 24x7", "00:00-24:00 Mon-Sun +holidays", Window24x7(), "24x7"},
		{"all day, every day, closed on holidays", "00:00-24:00 Mon-Sun",
			mustWindow(t, EveryDay, iv(0, EndOfDay)), "Mon-Sun 00:00-24:00"},
		{"a custom window prints days first", "07:00-19:00 Mon-Sat",
			mustWindow(t, DaysOf(1, 2, 3, 4, 5, 6), iv(h(7, 0), h(19, 0))), "Mon-Sat 07:00-19:00"},
		{"8x5 open on holidays is not 8x5", "09:00-17:00 Mon-Fri +holidays",
			withHolidays(Window8x5()), "Mon-Fri 09:00-17:00 +holidays"},
		{"seconds in the hours", "09:00:30-17:00 Mon,Wed",
			mustWindow(t, DaysOf(1, 3), iv(Clock(9, 0, 30), h(17, 0))), "Mon,Wed 09:00:30-17:00"},
		{"extra spaces and case", "  02:00-04:00   MON-SUN   +Holidays ",
			withHolidays(mustWindow(t, EveryDay, iv(h(2, 0), h(4, 0)))), "Mon-Sun 02:00-04:00 +holidays"},
		{"a lunch break is two intervals", "Mon-Fri 08:00-12:00,13:00-17:00", lunch, "Mon-Fri 08:00-12:00,13:00-17:00"},
		{"other hours on Saturday form their own group", "Mon-Fri 08:00-12:00,13:00-17:00; Sat 09:00-13:00",
			withSat, "Mon-Fri 08:00-12:00,13:00-17:00; Sat 09:00-13:00"},
		{"groups print in the order of their first day", "Sat 09:00-13:00; Mon-Fri 08:00-12:00, 13:00-17:00",
			withSat, "Mon-Fri 08:00-12:00,13:00-17:00; Sat 09:00-13:00"},
		{"an overnight interval", "Mon-Sun 22:00-06:00", mustWindow(t, EveryDay, iv(h(22, 0), h(6, 0))), "Mon-Sun 22:00-06:00"},
		{"today's form takes an overnight interval too", "22:00-06:00 Mon-Fri",
			mustWindow(t, MondayToFriday, iv(h(22, 0), h(6, 0))), "Mon-Fri 22:00-06:00"},
		{"a close of 00:00 is 24:00", "Mon 20:00-00:00", mustWindow(t, DaysOf(1), iv(h(20, 0), EndOfDay)), "Mon 20:00-24:00"},
		{"adjacent intervals merge", "Mon-Fri 08:00-12:00,12:00-17:00", mustWindow(t, MondayToFriday, iv(h(8, 0), h(17, 0))), "Mon-Fri 08:00-17:00"},
		{"overlapping intervals merge, so 8x5 written twice is 8x5", "Mon-Fri 09:00-13:00,12:00-17:00", Window8x5(), "8x5"},
		{"an interval inside an overnight one merges into it", "Mon 22:00-06:00,23:00-02:00",
			mustWindow(t, DaysOf(1), iv(h(22, 0), h(6, 0))), "Mon 22:00-06:00"},
		{"an evening and an overnight interval merge", "Mon 18:00-23:00,22:00-06:00",
			mustWindow(t, DaysOf(1), iv(h(18, 0), h(6, 0))), "Mon 18:00-06:00"},
		{"a day named in two groups gets both", "Mon-Fri 08:00-12:00; Mon 13:00-14:00",
			func() Window {
				w := mustWindow(t, MondayToFriday, iv(h(8, 0), h(12, 0)))
				w, err := w.With(DaysOf(1), iv(h(13, 0), h(14, 0)))
				require.NoError(t, err)
				return w
			}(), "Mon 08:00-12:00,13:00-14:00; Tue-Fri 08:00-12:00"},
		{"days with equal hours are grouped even apart", "Mon 08:00-12:00; Tue 09:00-10:00; Wed 08:00-12:00",
			func() Window {
				w := mustWindow(t, DaysOf(1, 3), iv(h(8, 0), h(12, 0)))
				w, err := w.With(DaysOf(2), iv(h(9, 0), h(10, 0)))
				require.NoError(t, err)
				return w
			}(), "Mon,Wed 08:00-12:00; Tue 09:00-10:00"},
		{"six intervals a day are allowed", "Mon 01:00-02:00,03:00-04:00,05:00-06:00,07:00-08:00,09:00-10:00,11:00-12:00",
			mustWindow(t, DaysOf(1), iv(h(1, 0), h(2, 0)), iv(h(3, 0), h(4, 0)), iv(h(5, 0), h(6, 0)), iv(h(7, 0), h(8, 0)), iv(h(9, 0), h(10, 0)), iv(h(11, 0), h(12, 0))),
			"Mon 01:00-02:00,03:00-04:00,05:00-06:00,07:00-08:00,09:00-10:00,11:00-12:00"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := ParseWindow(c.in)
			require.NoError(t, err)
			assert.Equal(t, c.want, got)
			assert.Equal(t, c.out, got.String())
			back, err := ParseWindow(got.String())
			require.NoError(t, err)
			assert.Equal(t, got, back, "ParseWindow(w.String()) == w")
		})
	}
}

func TestParseWindowErrors(t *testing.T) {
	cases := []struct{ name, in string }{
		{"empty", ""},
		{"an unknown name", "9x6"},
		{"hours without days", "09:00-17:00"},
		{"days without hours", "Mon-Fri"},
		{"the last part may only be +holidays", "09:00-17:00 Mon-Fri holidays"},
		{"four parts", "09:00-17:00 Mon-Fri +holidays x"},
		{"hours without a dash", "09:00 Mon-Fri"},
		{"a bad opening time", "25:00-26:00 Mon"},
		{"a bad closing time", "09:00-17:60 Mon"},
		{"bad days", "09:00-17:00 Mon-Xyz"},
		{"an interval that opens when it closes", "09:00-09:00 Mon-Fri"},
		{"no days", "09:00-17:00 none"},
		{"opening at 24:00", "24:00-24:00 Mon"},
		{"a named window with +holidays", "8x5 +holidays"},
		{"only +holidays", "+holidays"},
		{"an invalid window's own print form", "%!Window(none)"},
		{"an empty group", "Mon-Fri 08:00-12:00;"},
		{"an empty interval in a list", "Mon-Fri 08:00-12:00,,13:00-17:00"},
		{"seven intervals a day are too many", "Mon 01:00-02:00,03:00-04:00,05:00-06:00,07:00-08:00,09:00-10:00,11:00-12:00,13:00-14:00"},
		{"a day's hours may not run 24 hours or more", "Mon 00:00-24:00,22:00-06:00"},
		{"an overnight interval of 24 hours", "Mon 06:00-06:00"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := ParseWindow(c.in)
			assert.ErrorIs(t, err, ErrSyntax)
			var pe *ParseError
			require.ErrorAs(t, err, &pe)
			assert.Equal(t, c.in, pe.Input, "the error quotes the input")
			assert.Equal(t, "window", pe.Kind)
			assert.Equal(t, Window{}, got)
		})
	}
}

func TestNewWindowErrorsNameTheFieldAndValue(t *testing.T) {
	h := func(hh int) TimeOfDay { return Clock(hh, 0, 0) }
	seven := []Interval{iv(h(1), h(2)), iv(h(3), h(4)), iv(h(5), h(6)), iv(h(7), h(8)), iv(h(9), h(10)), iv(h(11), h(12)), iv(h(13), h(14))}
	cases := []struct {
		name  string
		days  Weekdays
		hours []Interval
		field string
		value string
	}{
		{"no days", 0, []Interval{iv(h(9), h(17))}, "Window days", "none"},
		{"a bit above Saturday is not a day", MondayToFriday | 1<<7, []Interval{iv(h(9), h(17))}, "Window days", "%!Weekdays(190)"},
		{"no hours", MondayToFriday, nil, "Window hours", "none"},
		{"the zero interval is empty", MondayToFriday, []Interval{{}}, "Window.Mon", "00:00-00:00"},
		{"an interval that opens when it closes", MondayToFriday, []Interval{iv(h(9), h(9))}, "Window.Mon", "09:00-09:00"},
		{"opening at 24:00", DaysOf(time.Sunday), []Interval{iv(EndOfDay, h(1))}, "Window.Sun", "24:00-01:00"},
		{"a negative opening", EveryDay, []Interval{iv(-1, h(17))}, "Window.Sun", "%!TimeOfDay(-1)-17:00"},
		{"closing after 24:00", DaysOf(time.Wednesday), []Interval{iv(h(9), EndOfDay+1)}, "Window.Wed", "09:00-%!TimeOfDay(86401)"},
		{"seven intervals on a day", DaysOf(time.Friday), seven, "Window.Fri", intervalsText(seven)},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			w, err := NewWindow(c.days, c.hours...)
			assert.ErrorIs(t, err, ErrInvalid)
			var ve *ValueError
			require.ErrorAs(t, err, &ve)
			assert.Equal(t, c.field, ve.Field)
			assert.Equal(t, c.value, ve.Value)
			assert.Equal(t, Window{}, w)
		})
	}
	t.Run("With leaves the window unchanged on error", func(t *testing.T) {
		w, err := Window8x5().With(DaysOf(time.Monday), iv(h(9), h(9)))
		assert.ErrorIs(t, err, ErrInvalid)
		assert.Equal(t, Window8x5(), w)
	})
}

func TestWindowValidate(t *testing.T) {
	for _, c := range []struct {
		name string
		w    Window
	}{
		{"the zero window has no hours", Window{}},
		{"open on holidays but with no hours", Window{OpenOnHolidays: true}},
	} {
		t.Run(c.name, func(t *testing.T) {
			err := c.w.Validate()
			assert.ErrorIs(t, err, ErrInvalid)
			var ve *ValueError
			require.ErrorAs(t, err, &ve)
			assert.Equal(t, "Window", ve.Field)
			assert.Equal(t, "none", ve.Value)

			// An invalid window prints instead of panicking, does not parse
			// back and does not marshal.
			s := c.w.String()
			assert.Equal(t, "%!Window(none)", s)
			_, perr := ParseWindow(s)
			assert.ErrorIs(t, perr, ErrSyntax)
			_, merr := c.w.MarshalText()
			assert.ErrorIs(t, merr, ErrInvalid)
		})
	}
	assert.Panics(t, func() { MustParseWindow("9x6") })
}

func TestIntervalString(t *testing.T) {
	assert.Equal(t, "22:00-06:00", iv(Clock(22, 0, 0), Clock(6, 0, 0)).String())
	assert.True(t, iv(Clock(22, 0, 0), Clock(6, 0, 0)).Overnight(), "22:00-06:00 ends the next day")
	assert.False(t, iv(Clock(22, 0, 0), 0).Overnight(), "22:00-00:00 ends at 24:00 the same day")
	assert.False(t, iv(Clock(9, 0, 0), Clock(17, 0, 0)).Overnight())
	assert.Equal(t, "%!Interval(09:00-09:00)", iv(Clock(9, 0, 0), Clock(9, 0, 0)).String())
	assert.Equal(t, "%!Interval(00:00-00:00)", Interval{}.String(), "the zero Interval is not valid")
}

func TestWindowText(t *testing.T) {
	for _, c := range []struct {
		name string
		w    Window
		text string
	}{
		{"a named window marshals as its name", Window9x5(), "9x5"},
		{"a custom window marshals as its days and hours", mustWindow(t, DaysOf(1, 2, 3, 4, 5, 6), iv(Clock(7, 0, 0), Clock(19, 0, 0))), "Mon-Sat 07:00-19:00"},
	} {
		t.Run(c.name, func(t *testing.T) {
			b, err := c.w.MarshalText()
			require.NoError(t, err)
			assert.Equal(t, c.text, string(b))
			var got Window
			require.NoError(t, got.UnmarshalText(b))
			assert.Equal(t, c.w, got)
		})
	}

	keep := Window8x5()
	err := keep.UnmarshalText([]byte("17:00-17:00 Mon-Fri"))
	assert.ErrorIs(t, err, ErrSyntax)
	assert.Equal(t, Window8x5(), keep, "UnmarshalText leaves the value unchanged on error")
	err = keep.UnmarshalText(nil)
	assert.ErrorIs(t, err, ErrSyntax)
	assert.Equal(t, Window8x5(), keep, "UnmarshalText leaves the value unchanged on empty input")
}

// FuzzParseWindow: whatever the text, String never panics, an error is a
// *ParseError quoting the input, and a window that parses is valid and
// round-trips through its String form and its text encoding.
func FuzzParseWindow(f *testing.F) {
	for _, s := range []string{
		"8x5", "9x5", "24x7", "24/7", " 2 4 x 7", "09:00-17:00 Mon-Fri", "00:00-24:00 Mon-Sun +holidays",
		"00:00-24:00 Mon-Sun", "07:00-19:00 Mon-Sat", "9:00:30-17:00:01 sun,mon", "02:00-04:00 Mon-Sun +holidays",
		"17:00-09:00 Mon-Fri", "09:00-17:00 none", "24:00-24:00 Mon", "%!Window(none)", "", "x",
		"09:00-17:00 Mon-Fri,Sun", "23:59:59-24:00 Sat", "Mon-Fri 08:00-12:00,13:00-17:00; Sat 09:00-13:00",
		"Mon-Sun 22:00-06:00 +holidays", "Mon 18:00-23:00,22:00-06:00", "Sat 09:00-13:00; Mon-Fri 08:00-12:00",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		w, err := ParseWindow(s)
		_ = w.String()
		if err != nil {
			var pe *ParseError
			if !errors.As(err, &pe) || !errors.Is(err, ErrSyntax) || pe.Input != s {
				t.Fatalf("ParseWindow(%q): error %v is not a *ParseError quoting the input", s, err)
			}
			if w != (Window{}) {
				t.Fatalf("ParseWindow(%q) failed but returned %#v", s, w)
			}
			return
		}
		if verr := w.Validate(); verr != nil {
			t.Fatalf("ParseWindow(%q) = %#v, which is not valid: %v", s, w, verr)
		}
		text := w.String()
		back, err := ParseWindow(text)
		if err != nil || back != w {
			t.Fatalf("ParseWindow(%q) = %#v; its String %q parses to %#v, %v", s, w, text, back, err)
		}
		b, err := w.MarshalText()
		if err != nil || string(b) != text {
			t.Fatalf("MarshalText of %#v = %q, %v; want %q", w, b, err, text)
		}
	})
}

// FuzzWindowRoundTrip: for any intervals on any days, NewWindow either refuses
// them with a *ValueError or builds a valid window that round-trips through
// String and the text encoding, whose hours are sorted, disjoint and no more
// than MaxIntervals a day, and that is the same whatever order the intervals
// come in.
func FuzzWindowRoundTrip(f *testing.F) {
	f.Add(uint8(MondayToFriday), int32(9*3600), int32(17*3600), int32(0), int32(0), uint8(0), int32(0), int32(0), false)
	f.Add(uint8(MondayToFriday), int32(8*3600), int32(12*3600), int32(13*3600), int32(17*3600), uint8(64), int32(9*3600), int32(13*3600), false)
	f.Add(uint8(EveryDay), int32(22*3600), int32(6*3600), int32(23*3600), int32(2*3600), uint8(1), int32(0), int32(86400), true)
	f.Add(uint8(EveryDay), int32(-1), int32(1<<30), int32(5), int32(5), uint8(255), int32(0), int32(0), true)
	f.Fuzz(func(t *testing.T, days uint8, o1, c1, o2, c2 int32, days2 uint8, o3, c3 int32, holidays bool) {
		a := []Interval{iv(TimeOfDay(o1), TimeOfDay(c1)), iv(TimeOfDay(o2), TimeOfDay(c2))}
		w, err := NewWindow(Weekdays(days), a...)
		if err == nil {
			w, err = w.With(Weekdays(days2), iv(TimeOfDay(o3), TimeOfDay(c3)))
		}
		_ = w.String()
		if err != nil {
			var ve *ValueError
			if !errors.As(err, &ve) || !errors.Is(err, ErrInvalid) {
				t.Fatalf("error %v is not a *ValueError", err)
			}
			return
		}
		w.OpenOnHolidays = holidays
		if verr := w.Validate(); verr != nil {
			t.Fatalf("%v: built but not valid: %v", w, verr)
		}
		rev, err := NewWindow(Weekdays(days), a[1], a[0])
		if err == nil {
			rev, err = rev.With(Weekdays(days2), iv(TimeOfDay(o3), TimeOfDay(c3)))
		}
		rev.OpenOnHolidays = holidays
		if err != nil || rev != w {
			t.Fatalf("the order of intervals matters: %v vs %v, %v", w, rev, err)
		}
		for d := time.Sunday; d <= time.Saturday; d++ {
			hs := w.Hours(d)
			if len(hs) > MaxIntervals {
				t.Fatalf("%v: %d intervals on %v", w, len(hs), d)
			}
			for k := 1; k < len(hs); k++ {
				if hs[k].Open <= hs[k-1].end() {
					t.Fatalf("%v: intervals on %v touch or overlap: %v", w, d, hs)
				}
			}
		}
		s := w.String()
		back, err := ParseWindow(s)
		if err != nil || back != w {
			t.Fatalf("%#v prints as %q, which parses to %#v, %v", w, s, back, err)
		}
		b, err := w.MarshalText()
		if err != nil {
			t.Fatalf("MarshalText of valid %v: %v", w, err)
		}
		var u Window
		if err := u.UnmarshalText(b); err != nil || u != w {
			t.Fatalf("%v marshals as %q, which unmarshals to %v, %v", w, b, u, err)
		}
	})
}

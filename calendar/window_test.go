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

func TestNamedWindows(t *testing.T) {
	nine, five, six := Clock(9, 0, 0), Clock(17, 0, 0), Clock(18, 0, 0)
	assert.Equal(t, Window{Open: nine, Close: five, Days: MondayToFriday}, Window8x5(), "8x5 is 09:00-17:00 on business days")
	assert.Equal(t, Window{Open: nine, Close: six, Days: MondayToFriday}, Window9x5(), "9x5 is 09:00-18:00 on business days")
	assert.Equal(t, Window{Open: 0, Close: EndOfDay, Days: EveryDay, OpenOnHolidays: true}, Window24x7(), "24x7 is always, holidays included")
	for _, w := range []Window{Window8x5(), Window9x5(), Window24x7()} {
		assert.NoError(t, w.Validate(), w.String())
	}
}

func TestWindowStringAndParse(t *testing.T) {
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
		{"8x5 spelt out is 8x5", "09:00-17:00 Mon-Fri", Window8x5(), "8x5"},
		{"9x5 spelt out with a one-digit hour is 9x5", "9:00-18:00 mon-fri", Window9x5(), "9x5"},
		{"24x7 spelt out is 24x7", "00:00-24:00 Mon-Sun +holidays", Window24x7(), "24x7"},
		{"all day, every day, closed on holidays", "00:00-24:00 Mon-Sun",
			Window{Open: 0, Close: EndOfDay, Days: EveryDay}, "00:00-24:00 Mon-Sun"},
		{"a custom window", "07:00-19:00 Mon-Sat",
			Window{Open: Clock(7, 0, 0), Close: Clock(19, 0, 0), Days: DaysOf(1, 2, 3, 4, 5, 6)}, "07:00-19:00 Mon-Sat"},
		{"24x5", "00:00-24:00 Mon-Fri",
			Window{Open: 0, Close: EndOfDay, Days: MondayToFriday}, "00:00-24:00 Mon-Fri"},
		{"8x5 open on holidays is not 8x5", "09:00-17:00 Mon-Fri +holidays",
			Window{Open: Clock(9, 0, 0), Close: Clock(17, 0, 0), Days: MondayToFriday, OpenOnHolidays: true}, "09:00-17:00 Mon-Fri +holidays"},
		{"seconds in the hours", "09:00:30-17:00 Mon,Wed",
			Window{Open: Clock(9, 0, 30), Close: Clock(17, 0, 0), Days: DaysOf(1, 3)}, "09:00:30-17:00 Mon,Wed"},
		{"extra spaces and case", "  02:00-04:00   MON-SUN   +Holidays ",
			Window{Open: Clock(2, 0, 0), Close: Clock(4, 0, 0), Days: EveryDay, OpenOnHolidays: true}, "02:00-04:00 Mon-Sun +holidays"},
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
		{"the third part may only be +holidays", "09:00-17:00 Mon-Fri holidays"},
		{"four parts", "09:00-17:00 Mon-Fri +holidays x"},
		{"hours without a dash", "09:00 Mon-Fri"},
		{"a bad opening time", "25:00-26:00 Mon"},
		{"a bad closing time", "09:00-17:60 Mon"},
		{"bad days", "09:00-17:00 Mon-Xyz"},
		{"open after close", "17:00-09:00 Mon-Fri"},
		{"a zero-length window", "09:00-09:00 Mon-Fri"},
		{"no days", "09:00-17:00 none"},
		{"a window that spans midnight", "22:00-06:00 Mon-Fri"},
		{"opening at 24:00", "24:00-24:00 Mon"},
		{"a named window with +holidays", "8x5 +holidays"},
		{"an invalid window's own print form", "%!Window(09:00-17:00 none)"},
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

func TestWindowValidateNamesTheField(t *testing.T) {
	nine, five := Clock(9, 0, 0), Clock(17, 0, 0)
	cases := []struct {
		name  string
		w     Window
		field string
	}{
		{"open after close: the close must come after the opening", Window{Open: five, Close: nine, Days: MondayToFriday}, "Window.Close"},
		{"open equal to close: an empty window", Window{Open: nine, Close: nine, Days: MondayToFriday}, "Window.Close"},
		{"the zero window closes at 00:00, not after it opens", Window{}, "Window.Close"},
		{"no days", Window{Open: nine, Close: five}, "Window.Days"},
		{"a bit above Saturday is not a day", Window{Open: nine, Close: five, Days: MondayToFriday | 1<<7}, "Window.Days"},
		{"opening at 24:00", Window{Open: EndOfDay, Close: EndOfDay, Days: EveryDay}, "Window.Open"},
		{"a negative opening", Window{Open: -1, Close: five, Days: EveryDay}, "Window.Open"},
		{"closing after 24:00", Window{Open: nine, Close: EndOfDay + 1, Days: EveryDay}, "Window.Close"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := c.w.Validate()
			assert.ErrorIs(t, err, ErrInvalid)
			var ve *ValueError
			require.ErrorAs(t, err, &ve)
			assert.Equal(t, c.field, ve.Field)

			// An invalid window prints instead of panicking, does not parse
			// back and does not marshal.
			s := c.w.String()
			assert.Regexp(t, `^%!Window\(`, s)
			_, perr := ParseWindow(s)
			assert.ErrorIs(t, perr, ErrSyntax)
			_, merr := c.w.MarshalText()
			assert.ErrorIs(t, merr, ErrInvalid)
		})
	}
}

func TestWindowText(t *testing.T) {
	for _, c := range []struct {
		name string
		w    Window
		text string
	}{
		{"a named window marshals as its name", Window9x5(), "9x5"},
		{"a custom window marshals as its hours and days", Window{Open: Clock(7, 0, 0), Close: Clock(19, 0, 0), Days: DaysOf(1, 2, 3, 4, 5, 6)}, "07:00-19:00 Mon-Sat"},
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
	err := keep.UnmarshalText([]byte("17:00-09:00 Mon-Fri"))
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
		"17:00-09:00 Mon-Fri", "09:00-17:00 none", "24:00-24:00 Mon", "%!Window(00:00-00:00 none)", "", "x",
		"09:00-17:00 Mon-Fri,Sun", "23:59:59-24:00 Sat",
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

// FuzzWindowRoundTrip: for any field values, String never panics; a valid
// window round-trips through String and the text encoding, and an invalid one
// is refused by Validate, MarshalText and Calendar.Schedule and its print form
// does not parse.
func FuzzWindowRoundTrip(f *testing.F) {
	for _, w := range []Window{
		Window8x5(), Window9x5(), Window24x7(), {},
		{Open: 0, Close: EndOfDay, Days: MondayToFriday},
		{Open: Clock(7, 0, 0), Close: Clock(19, 0, 0), Days: DaysOf(1, 2, 3, 4, 5, 6)},
		{Open: Clock(2, 0, 0), Close: Clock(4, 0, 0), Days: EveryDay, OpenOnHolidays: true},
		{Open: Clock(9, 0, 1), Close: Clock(9, 0, 2), Days: 1},
		{Open: Clock(17, 0, 0), Close: Clock(9, 0, 0), Days: MondayToFriday},
		{Open: EndOfDay, Close: EndOfDay, Days: EveryDay},
		{Open: -1, Close: 1 << 30, Days: 255},
	} {
		f.Add(int32(w.Open), int32(w.Close), uint8(w.Days), w.OpenOnHolidays)
	}
	f.Fuzz(func(t *testing.T, open, closing int32, days uint8, holidays bool) {
		w := Window{Open: TimeOfDay(open), Close: TimeOfDay(closing), Days: Weekdays(days), OpenOnHolidays: holidays}
		s := w.String()
		valid := open >= 0 && open < int32(EndOfDay) && closing > open && closing <= int32(EndOfDay) && days != 0 && days < 128
		verr := w.Validate()
		if valid != (verr == nil) {
			t.Fatalf("%#v: Validate() = %v, want valid=%v", w, verr, valid)
		}
		if !valid {
			if !errors.Is(verr, ErrInvalid) {
				t.Fatalf("%#v: Validate() = %v, want ErrInvalid", w, verr)
			}
			if _, err := ParseWindow(s); err == nil {
				t.Fatalf("%#v is invalid but its print form %q parses", w, s)
			}
			if _, err := w.MarshalText(); !errors.Is(err, ErrInvalid) {
				t.Fatalf("%#v is invalid but MarshalText returned %v", w, err)
			}
			if _, err := Poland().Schedule(w); !errors.Is(err, ErrInvalid) {
				t.Fatalf("%#v is invalid but Schedule returned %v", w, err)
			}
			return
		}
		back, err := ParseWindow(s)
		if err != nil || back != w {
			t.Fatalf("%#v prints as %q, which parses to %#v, %v", w, s, back, err)
		}
		b, err := w.MarshalText()
		if err != nil {
			t.Fatalf("MarshalText of valid %#v: %v", w, err)
		}
		var u Window
		if err := u.UnmarshalText(b); err != nil || u != w {
			t.Fatalf("%#v marshals as %q, which unmarshals to %#v, %v", w, b, u, err)
		}
	})
}

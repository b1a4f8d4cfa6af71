package calendar_test

import (
	"fmt"
	"time"

	"github.com/slaclock/slaclock/calendar"
)

// The Polish statutory holidays of 2026. Easter Sunday is 5 April, so Pentecost
// Sunday is 24 May (Easter + 49) and Corpus Christi 4 June (Easter + 60). A
// holiday on a weekend (3 May, 15 August, 1 November, 26 December) is listed,
// but gives no weekday off.
func ExamplePoland() {
	holidays, err := calendar.Poland().Holidays(2026)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, h := range holidays {
		fmt.Println(h.Date, h.Date.Weekday().String()[:3], h.Name)
	}
	// Output:
	// 2026-01-01 Thu Nowy Rok
	// 2026-01-06 Tue Święto Trzech Króli
	// 2026-04-05 Sun pierwszy dzień Wielkiej Nocy
	// 2026-04-06 Mon drugi dzień Wielkiej Nocy
	// 2026-05-01 Fri Święto Państwowe
	// 2026-05-03 Sun Święto Narodowe Trzeciego Maja
	// 2026-05-24 Sun pierwszy dzień Zielonych Świątek
	// 2026-06-04 Thu dzień Bożego Ciała
	// 2026-08-15 Sat Wniebowzięcie Najświętszej Maryi Panny
	// 2026-11-01 Sun Wszystkich Świętych
	// 2026-11-11 Wed Narodowe Święto Niepodległości
	// 2026-12-24 Thu Wigilia Bożego Narodzenia
	// 2026-12-25 Fri pierwszy dzień Bożego Narodzenia
	// 2026-12-26 Sat drugi dzień Bożego Narodzenia
}

// Christmas Eve is a day off from 2025; a holiday on a Saturday gives no Friday
// or Monday off.
func ExampleCalendar_IsBusinessDay() {
	pl := calendar.Poland()
	for _, s := range []string{"2024-12-24", "2025-12-24", "2026-08-14", "2026-08-15", "2026-08-17"} {
		d, err := calendar.ParseDate(s)
		if err != nil {
			fmt.Println(err)
			return
		}
		ok, err := pl.IsBusinessDay(d)
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(d, d.Weekday(), ok)
	}
	// Output:
	// 2024-12-24 Tuesday true
	// 2025-12-24 Wednesday false
	// 2026-08-14 Friday true
	// 2026-08-15 Saturday false
	// 2026-08-17 Monday true
}

// Business days over Christmas 2025 (24-26 December, then a weekend), the long
// weekend of 1-3 May 2026 and a year end.
func ExampleCalendar_AddBusinessDays() {
	pl := calendar.Poland()
	for _, c := range []struct {
		from string
		n    int
	}{
		{"2025-12-23", 1},
		{"2026-04-30", 1},
		{"2026-04-30", 5},
		{"2027-01-04", -1},
	} {
		d, err := calendar.ParseDate(c.from)
		if err != nil {
			fmt.Println(err)
			return
		}
		got, err := pl.AddBusinessDays(d, c.n)
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Printf("%s %+d business days = %s %s\n", d, c.n, got, got.Weekday())
	}
	// Output:
	// 2025-12-23 +1 business days = 2025-12-29 Monday
	// 2026-04-30 +1 business days = 2026-05-04 Monday
	// 2026-04-30 +5 business days = 2026-05-08 Friday
	// 2027-01-04 -1 business days = 2026-12-31 Thursday
}

// The business days of a month are those after the last day of the month before,
// up to and including the month's last day.
func ExampleCalendar_BusinessDaysBetween() {
	pl := calendar.Poland()
	n, err := pl.BusinessDaysBetween(calendar.NewDate(2026, time.May, 0), calendar.NewDate(2026, time.June, 0))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("May 2026:", n)
	n, err = pl.BusinessDaysBetween(calendar.NewDate(2025, time.December, 31), calendar.NewDate(2026, time.December, 31))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("2026:", n)
	// Output:
	// May 2026: 20
	// 2026: 253
}

// Under 8x5 (09:00-17:00 on business days) the clock stops at 17:00 and skips
// holidays: from Tuesday 10 November 2026 15:00, two hours run on Tuesday, none
// on Wednesday 11 November, and two on Thursday from 09:00.
func ExampleSchedule_Add_holiday() {
	pl := calendar.Poland()
	s, err := pl.Schedule(calendar.Window8x5())
	if err != nil {
		fmt.Println(err)
		return
	}
	warsaw := pl.Location()
	for _, c := range []struct {
		start time.Time
		d     time.Duration
	}{
		{time.Date(2026, time.November, 10, 15, 0, 0, 0, warsaw), 4 * time.Hour},
		{time.Date(2025, time.December, 23, 16, 0, 0, 0, warsaw), 2 * time.Hour},
	} {
		due, err := s.Add(c.start, c.d)
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(c.start.Format("Mon 2006-01-02 15:04"), "+", c.d, "=", due.Format("Mon 2006-01-02 15:04 MST"))
	}
	// Output:
	// Tue 2026-11-10 15:00 + 4h0m0s = Thu 2026-11-12 11:00 CET
	// Tue 2025-12-23 16:00 + 2h0m0s = Mon 2025-12-29 10:00 CET
}

// Under 24x7 an hour is a real hour: four hours from 01:30 on the night clocks
// go forward (29 March 2026) end at 06:30 summer time, and on the night they go
// back (25 October 2026) at 04:30 winter time.
func ExampleSchedule_Add_clockChange() {
	pl := calendar.Poland()
	s, err := pl.Schedule(calendar.Window24x7())
	if err != nil {
		fmt.Println(err)
		return
	}
	warsaw := pl.Location()
	for _, start := range []time.Time{
		time.Date(2026, time.March, 29, 1, 30, 0, 0, warsaw),
		time.Date(2026, time.October, 25, 1, 30, 0, 0, warsaw),
	} {
		due, err := s.Add(start, 4*time.Hour)
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(start.Format("2006-01-02 15:04 MST"), "+ 4h =", due.Format("15:04 MST"))
	}
	// Output:
	// 2026-03-29 01:30 CET + 4h = 06:30 CEST
	// 2026-10-25 01:30 CEST + 4h = 04:30 CET
}

// A company closes on Friday 2 January 2026, between Nowy Rok and the weekend.
// The shared Poland() calendar is not changed.
func ExampleNewPoland() {
	bridge := calendar.NewDate(2026, time.January, 2)
	pl, err := calendar.NewPoland(calendar.WithClosure(bridge, "Firmowy dzień wolny"))
	if err != nil {
		fmt.Println(err)
		return
	}
	h, ok, err := pl.HolidayOn(bridge)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(h, "closure:", h.Closure, ok)
	next, err := pl.NextBusinessDay(calendar.NewDate(2025, time.December, 31))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("after 2025-12-31:", next)
	open, err := calendar.Poland().IsBusinessDay(bridge)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("Poland() business day on 2026-01-02:", open)
	// Output:
	// 2026-01-02 Firmowy dzień wolny closure: true true
	// after 2025-12-31: 2026-01-05
	// Poland() business day on 2026-01-02: true
}

// The wall clock of 01:30 UTC on Sunday 29 March 2026 in Warsaw: the clocks
// went forward from 02:00 CET to 03:00 CEST an hour before, so it is 03:30,
// and the day is one of a clock change, 23 hours long.
func ExampleCalendar_WallOf() {
	w := calendar.Poland().WallOf(time.Date(2026, time.March, 29, 1, 30, 0, 0, time.UTC))
	fmt.Printf("%s %s %02d:%02d, clock change: %v\n", w.Weekday, w.Date, w.Hour, w.Minute, w.ClockChange)
	w = calendar.Poland().WallOf(time.Date(2026, time.March, 30, 7, 0, 0, 0, time.UTC))
	fmt.Printf("%s %s %02d:%02d, clock change: %v\n", w.Weekday, w.Date, w.Hour, w.Minute, w.ClockChange)
	// Output:
	// Sunday 2026-03-29 03:30, clock change: true
	// Monday 2026-03-30 09:00, clock change: false
}

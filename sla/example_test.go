package sla_test

import (
	"errors"
	"fmt"
	"time"

	"github.com/slaclock/slaclock/calendar"
	"github.com/slaclock/slaclock/sla"
)

// The examples use Warsaw dates of November 2026: Wed 11 Nov is a holiday;
// Fri 13 Nov, Mon 16 and Tue 17 Nov are business days.

func ExampleParseLevel() {
	for _, s := range []string{"9 x 5 x NBD", "24/7 x 4", "24x7x4H", "9x5x10bd-Ship", "8x5x8"} {
		l, err := sla.ParseLevel(s)
		if err != nil {
			panic(err)
		}
		unit := "hours"
		if l.Unit() == sla.BusinessDays {
			unit = "business days"
		}
		fmt.Printf("%-14q %-11s %s window, %d %s, ship-by %t\n", s, l, l.Coverage(), l.N(), unit, l.Ship())
	}

	_, err := sla.ParseLevel("9x5xNDB")
	var pe *sla.ParseError
	fmt.Println(errors.Is(err, sla.ErrInvalidLevel), errors.As(err, &pe) && pe.Input == "9x5xNDB")
	// Output:
	// "9 x 5 x NBD"  9x5xNBD     9x5 window, 1 business days, ship-by false
	// "24/7 x 4"     24x7x4      24x7 window, 4 hours, ship-by false
	// "24x7x4H"      24x7x4      24x7 window, 4 hours, ship-by false
	// "9x5x10bd-Ship" 9x5x10BD-S  9x5 window, 10 business days, ship-by true
	// "8x5x8"        8x5x8       8x5 window, 8 hours, ship-by false
	// true true
}

func ExampleLookupService() {
	premier, err := sla.LookupService("cocare-premier")
	if err != nil {
		panic(err)
	}
	fmt.Println(premier.Name(), "needs a priority:", premier.NeedsPriority())
	for _, p := range []sla.Priority{sla.P1, sla.P2, sla.P3, sla.P4} {
		l, _ := premier.Level(p)
		fmt.Println(p, l)
	}
	_, err = premier.Level(0)
	fmt.Println("no priority:", errors.Is(err, sla.ErrPriorityRequired))

	sos, err := sla.LookupService("SOS-24x7x4")
	if err != nil {
		panic(err)
	}
	l, _ := sos.Level(0)
	fmt.Println(sos.ID(), l, "delivers:", sos.Delivers(), "on site:", sos.OnSite())

	_, err = sla.LookupService("cocare-gold")
	fmt.Println("cocare-gold:", errors.Is(err, sla.ErrUnknownService))
	// Output:
	// CoCare Premier needs a priority: true
	// P1 24x7x4
	// P2 24x7x4
	// P3 9x5xNBD
	// P4 9x5xNBD
	// no priority: true
	// sos-24x7x4 24x7x4 delivers: false on site: true
	// cocare-gold: true
}

// The timeline of SPEC section 6: submitted Friday 14:05, confirmed 15:20 (after
// the cutoff), the replacement delivered Tuesday 11:40.
func ExampleCalculator_Deadlines() {
	r := sla.Request{
		Service:   sla.MustLookupService("cocare-standard-onsite"),
		Submitted: time.Date(2026, 11, 13, 14, 5, 0, 0, calendar.Warsaw()),
		Confirmed: time.Date(2026, 11, 13, 15, 20, 0, 0, calendar.Warsaw()),
		Delivered: time.Date(2026, 11, 17, 11, 40, 0, 0, calendar.Warsaw()),
	}
	ds, err := sla.Default().Deadlines(r)
	if err != nil {
		panic(err)
	}
	fmt.Println(ds.Service, ds.Level)
	for _, d := range ds.All() {
		fmt.Printf("%-11s %s\n", d.Kind.Field(), d.Due.Format("Mon 2 Jan 2006 15:04 MST"))
	}
	// Output:
	// cocare-standard-onsite 9x5xNBD
	// response_by Fri 13 Nov 2026 15:05 CET
	// delivery_by Tue 17 Nov 2026 18:00 CET
	// onsite_by   Tue 17 Nov 2026 18:00 CET
	// return_by   Wed 25 Nov 2026 00:00 CET
}

// A confirmation after the cutoff on the day before a holiday counts from the
// day after it.
func ExampleCalculator_Explain() {
	at := time.Date(2026, 11, 10, 15, 0, 0, 0, calendar.Warsaw())
	ds, err := sla.Default().Explain(sla.Request{Service: sla.MustLookupService("cocare-standard"), Submitted: at, Confirmed: at})
	if err != nil {
		panic(err)
	}
	d, _ := ds.Get(sla.Delivery)
	for _, s := range d.Steps {
		fmt.Printf("%s: %s\n", s.Rule, s.Text)
		for _, h := range s.Skipped {
			fmt.Println("  skipped", h.Date, h.Name)
		}
	}
	// Output:
	// start: confirmed Tue 10 Nov 2026 15:00, after the 15:00 cutoff: counts from Thu 12 Nov (skipping Wed 11 Nov Narodowe Święto Niepodległości)
	//   skipped 2026-11-11 Narodowe Święto Niepodległości
	// count: next business day: Fri 13 Nov
	// due: due at the close of the 9x5 window: Fri 13 Nov 2026 18:00
}

// 24x7 hours are real hours, also on the night the clocks go forward.
func ExampleDeadline_Explanation() {
	at := time.Date(2026, 3, 29, 1, 30, 0, 0, calendar.Warsaw())
	ds, err := sla.Default().Explain(sla.Request{Service: sla.MustLookupService("cocare-premier"), Priority: sla.P1, Submitted: at, Confirmed: at})
	if err != nil {
		panic(err)
	}
	d, _ := ds.Get(sla.Delivery)
	fmt.Println(d.Explanation())
	// Output:
	// confirmed Sun 29 Mar 2026 01:30 CET; 4 hours of real elapsed time (24x7 window); the clocks go forward on the way (+01:00 to +02:00): window time is real elapsed time; due Sun 29 Mar 2026 06:30 CEST
}

// An event exactly at the deadline is met; one nanosecond later it is breached.
// How late is given in elapsed time and in window time.
func ExampleCalculator_Check() {
	c := sla.Default()
	conf := time.Date(2026, 11, 13, 15, 20, 0, 0, calendar.Warsaw())
	ds, err := c.Deadlines(sla.Request{Service: sla.MustLookupService("cocare-standard"), Submitted: conf, Confirmed: conf})
	if err != nil {
		panic(err)
	}
	d, _ := ds.Get(sla.Delivery) // Tue 17 Nov 18:00
	for _, at := range []time.Time{
		time.Date(2026, 11, 17, 18, 0, 0, 0, calendar.Warsaw()),
		time.Date(2026, 11, 17, 18, 0, 0, 1, calendar.Warsaw()),
		time.Date(2026, 11, 18, 10, 0, 0, 0, calendar.Warsaw()),
	} {
		o, err := c.Check(d, at)
		if err != nil {
			panic(err)
		}
		fmt.Printf("%s: %s by %v, %v of window time\n", at.Format("Mon 15:04:05.999999999"), o.Status, o.By, o.ByWindow)
	}
	// Output:
	// Tue 18:00:00: met by 0s, 0s of window time
	// Tue 18:00:00.000000001: breached by 1ns, 0s of window time
	// Wed 10:00:00: breached by 16h0m0s, 1h0m0s of window time
}

// A 24x7x4 target confirmed at 10:00 is due at 14:00; a service warns when half,
// three quarters and nine tenths of it are used.
func ExampleCalculator_Progress() {
	c := sla.Default()
	conf := time.Date(2026, 11, 16, 10, 0, 0, 0, calendar.Warsaw())
	ds, err := c.Deadlines(sla.Request{Service: sla.MustLookupService("cocare-premier"), Priority: sla.P1, Submitted: conf, Confirmed: conf})
	if err != nil {
		panic(err)
	}
	d, _ := ds.Get(sla.Delivery)
	for _, hm := range [][2]int{{12, 0}, {13, 0}, {13, 36}, {15, 0}} {
		p, err := c.Progress(d, time.Date(2026, 11, 16, hm[0], hm[1], 0, 0, calendar.Warsaw()))
		if err != nil {
			panic(err)
		}
		fmt.Printf("%02d:%02d used %v of %v (%.2f), %v left\n", hm[0], hm[1], p.Used, p.Target, p.Share, p.Left)
	}
	// Output:
	// 12:00 used 2h0m0s of 4h0m0s (0.50), 2h0m0s left
	// 13:00 used 3h0m0s of 4h0m0s (0.75), 1h0m0s left
	// 13:36 used 3h36m0s of 4h0m0s (0.90), 24m0s left
	// 15:00 used 5h0m0s of 4h0m0s (1.25), -1h0m0s left
}

// Evaluate checks every deadline of a request against what happened and, for
// the events still to come, against now.
func ExampleCalculator_Evaluate() {
	c := sla.Default()
	warsaw := calendar.Warsaw()
	ds, err := c.Deadlines(sla.Request{
		Service:   sla.MustLookupService("cocare-standard-onsite"),
		Submitted: time.Date(2026, 11, 13, 14, 5, 0, 0, warsaw),
		Confirmed: time.Date(2026, 11, 13, 15, 20, 0, 0, warsaw),
		Delivered: time.Date(2026, 11, 17, 11, 40, 0, 0, warsaw),
	})
	if err != nil {
		panic(err)
	}
	act := sla.Actuals{
		Responded: time.Date(2026, 11, 13, 14, 50, 0, 0, warsaw),
		Delivered: time.Date(2026, 11, 17, 11, 40, 0, 0, warsaw),
	}
	now := time.Date(2026, 11, 18, 10, 0, 0, 0, warsaw)
	out, err := c.Evaluate(&ds, act, now)
	if err != nil {
		panic(err)
	}
	for _, o := range out {
		switch o.Status {
		case sla.Open:
			fmt.Printf("%s: open, %v left, %.0f%% used\n", o.Deadline.Kind, o.Progress.Left, 100*o.Progress.Share)
		default:
			fmt.Printf("%s: %s by %v (%v of window time)\n", o.Deadline.Kind, o.Status, o.By, o.ByWindow)
		}
	}
	// Output:
	// response: met by 15m0s (15m0s of window time)
	// delivery: met by 6h20m0s (6h20m0s of window time)
	// on-site: breached by 16h0m0s (1h0m0s of window time)
	// return: open, 158h0m0s left, 12% used
}

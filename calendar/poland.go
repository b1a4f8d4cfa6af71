package calendar

import (
	_ "embed"
	"sync"
	"time"

	"github.com/rickar/cal/v2"
	"github.com/rickar/cal/v2/aa"
	"github.com/rickar/cal/v2/pl"
)

// warsawTZif is the Europe/Warsaw zone from Go's zoneinfo, embedded so the
// library works where the system has no time-zone database. Its footer rule
// (CET-1CEST,M3.5.0,M10.5.0/3) carries the EU clock changes past 2037.
//
//go:embed zoneinfo/Europe_Warsaw
var warsawTZif []byte

// Warsaw returns the Europe/Warsaw location from the embedded zone data.
func Warsaw() *time.Location { return warsaw() }

var warsaw = sync.OnceValue(func() *time.Location {
	loc, err := time.LoadLocationFromTZData("Europe/Warsaw", warsawTZif)
	if err != nil {
		// The data is part of the source tree; this cannot happen in a built binary.
		panic("calendar: embedded Europe/Warsaw zone data is corrupt: " + err.Error())
	}
	return loc
})

// PolishHolidays returns the definitions of the Polish statutory public holidays
// (ustawa z dnia 18 stycznia 1951 r. o dniach wolnych od pracy, as amended), built
// on github.com/rickar/cal/v2's pl package and corrected where it is wrong: 6 Jan
// only from 2011, Easter Sunday and Pentecost Sunday added, 24 Dec from 2025.
// Each call returns fresh copies, so a caller may change them freely.
func PolishHolidays() []*cal.Holiday {
	return []*cal.Holiday{
		pl.NewYear.Clone(nil),
		// rickar/cal marks Epiphany in every year; it is a day off from 2011.
		pl.ThreeKings.Clone(&cal.Holiday{StartYear: 2011}),
		// rickar/cal's pl has no Easter Sunday.
		aa.Easter.Clone(&cal.Holiday{Name: "pierwszy dzień Wielkiej Nocy", Type: cal.ObservancePublic}),
		pl.EasterMonday.Clone(nil),
		pl.LabourDay.Clone(nil),
		pl.ConstitutionDay.Clone(nil),
		// rickar/cal's pl has no Pentecost Sunday.
		aa.Pentecost.Clone(&cal.Holiday{Name: "pierwszy dzień Zielonych Świątek", Type: cal.ObservancePublic}),
		pl.CorpusChristi.Clone(nil),
		pl.AssumptionBlessedVirginMary.Clone(nil),
		pl.AllSaints.Clone(nil),
		pl.NationalIndependenceDay.Clone(nil),
		// Act of 6 December 2024: a day off from 2025. Its observance type is unset
		// in rickar/cal, so it is taken as it is, not filtered by type.
		pl.ChristmasEve.Clone(nil),
		pl.ChristmasDayOne.Clone(nil),
		pl.ChristmasDayTwo.Clone(nil),
	}
}

var poland = sync.OnceValue(func() *Calendar {
	c, err := NewPoland()
	if err != nil {
		panic("calendar: building the Polish calendar: " + err.Error())
	}
	return c
})

// Poland returns the Polish business calendar: Europe/Warsaw (embedded zone
// data), Monday-Friday business days, the statutory holidays of PolishHolidays,
// for every day from 1990-01-01 to 2200-12-31. A holiday on a Saturday gives no
// weekday off (a substitute day is each employer's own choice: add it with
// WithClosure). The calendar is built once and shared; it is immutable.
func Poland() *Calendar { return poland() }

// NewPoland builds a Polish calendar with changes of the user's own: closures
// (WithClosure), holidays removed (WithoutHoliday), another workweek or range.
// Options apply after the Polish defaults.
func NewPoland(opts ...Option) (*Calendar, error) {
	base := []Option{InLocation(Warsaw()), WithHolidays(PolishHolidays()...)}
	return New(append(base, opts...)...)
}

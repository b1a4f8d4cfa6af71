package calendar_test

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"sort"
	"sync"
	"testing"
	"time"

	"github.com/rickar/cal/v2/de"
	"github.com/rickar/cal/v2/us"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/slaclock/slaclock/calendar"
)

// Every expected value in this file is worked out from the rules (SPEC.md section
// 2) and checked by hand against an independent calendar (python's datetime,
// zdump), never copied from the package's output. Easter comes from Gauss's
// algorithm, written below, which is not the Meeus/Jones/Butcher algorithm that
// rickar/cal uses, and which is itself checked against a published table.

// plDay is a calendar.Date with keyed fields.
func plDay(y int, m time.Month, d int) calendar.Date {
	return calendar.Date{Year: y, Month: m, Day: d}
}

// plDayOf is the civil date of t, normalised by the time package (so plDayOf of
// 32 March is 1 April): date arithmetic in this file does not use the package's.
func plDayOf(t time.Time) calendar.Date {
	return plDay(t.Year(), t.Month(), t.Day())
}

// plAddDays adds n calendar days with the time package.
func plAddDays(d calendar.Date, n int) calendar.Date {
	return plDayOf(time.Date(d.Year, d.Month, d.Day+n, 12, 0, 0, 0, time.UTC))
}

// plWeekday is the day of the week of d, from the time package.
func plWeekday(d calendar.Date) time.Weekday {
	return time.Date(d.Year, d.Month, d.Day, 12, 0, 0, 0, time.UTC).Weekday()
}

// gaussEaster returns Easter Sunday of the Gregorian year y by Gauss's algorithm
// with its two corrections (Easter on 26 April becomes 19 April; on 25 April,
// in the rare case of d = 28, e = 6 and (11M + 11) mod 30 < 19, 18 April).
func gaussEaster(y int) calendar.Date {
	a, b, c := y%19, y%4, y%7
	k := y / 100
	p := (13 + 8*k) / 25
	q := k / 4
	m := (15 - p + k - q) % 30
	n := (4 + k - q) % 7
	d := (19*a + m) % 30
	e := (2*b + 4*c + 6*d + n) % 7
	switch {
	case d == 29 && e == 6:
		return plDay(y, time.April, 19)
	case d == 28 && e == 6 && (11*m+11)%30 < 19:
		return plDay(y, time.April, 18)
	case 22+d+e <= 31:
		return plDay(y, time.March, 22+d+e)
	}
	return plDay(y, time.April, d+e-9)
}

// publishedEaster is Easter Sunday for the years gaussEaster is checked against:
// 1990-2040 as published in Easter tables, and later years, cross-checked with a
// third algorithm (python's dateutil.easter), including the four years of
// 1990-2200 in which one of Gauss's corrections applies (2049, 2076, 2106, 2133).
var publishedEaster = map[int]string{
	1990: "1990-04-15", 1991: "1991-03-31", 1992: "1992-04-19", 1993: "1993-04-11",
	1994: "1994-04-03", 1995: "1995-04-16", 1996: "1996-04-07", 1997: "1997-03-30",
	1998: "1998-04-12", 1999: "1999-04-04", 2000: "2000-04-23", 2001: "2001-04-15",
	2002: "2002-03-31", 2003: "2003-04-20", 2004: "2004-04-11", 2005: "2005-03-27",
	2006: "2006-04-16", 2007: "2007-04-08", 2008: "2008-03-23", 2009: "2009-04-12",
	2010: "2010-04-04", 2011: "2011-04-24", 2012: "2012-04-08", 2013: "2013-03-31",
	2014: "2014-04-20", 2015: "2015-04-05", 2016: "2016-03-27", 2017: "2017-04-16",
	2018: "2018-04-01", 2019: "2019-04-21", 2020: "2020-04-12", 2021: "2021-04-04",
	2022: "2022-04-17", 2023: "2023-04-09", 2024: "2024-03-31", 2025: "2025-04-20",
	2026: "2026-04-05", 2027: "2027-03-28", 2028: "2028-04-16", 2029: "2029-04-01",
	2030: "2030-04-21", 2031: "2031-04-13", 2032: "2032-03-28", 2033: "2033-04-17",
	2034: "2034-04-09", 2035: "2035-03-25", 2036: "2036-04-13", 2037: "2037-04-05",
	2038: "2038-04-25", 2039: "2039-04-10", 2040: "2040-04-01",
	2049: "2049-04-18", 2076: "2076-04-19", 2106: "2106-04-18", 2133: "2133-04-19",
	2160: "2160-03-23", 2200: "2200-04-06",
}

// Names of the Polish statutory holidays, as the calendar gives them.
const (
	nameNewYear       = "Nowy Rok"
	nameThreeKings    = "Święto Trzech Króli"
	nameEaster        = "pierwszy dzień Wielkiej Nocy"
	nameEasterMonday  = "drugi dzień Wielkiej Nocy"
	nameMay1          = "Święto Państwowe"
	nameMay3          = "Święto Narodowe Trzeciego Maja"
	namePentecost     = "pierwszy dzień Zielonych Świątek"
	nameCorpusChristi = "dzień Bożego Ciała"
	nameAssumption    = "Wniebowzięcie Najświętszej Maryi Panny"
	nameAllSaints     = "Wszystkich Świętych"
	nameIndependence  = "Narodowe Święto Niepodległości"
	nameChristmasEve  = "Wigilia Bożego Narodzenia"
	nameChristmas1    = "pierwszy dzień Bożego Narodzenia"
	nameChristmas2    = "drugi dzień Bożego Narodzenia"
)

// polandByRule lists the statutory holidays of year y from SPEC.md section 2, in
// the order they fall: Easter Monday is at most 26 April, before 1 May, and
// Pentecost Sunday at least 10 May, after 3 May, so the order of the rules is the
// order of the dates (TestPolandHolidayCountEveryYear checks it every year).
func polandByRule(y int) []calendar.Holiday {
	easter := gaussEaster(y)
	h := func(d calendar.Date, name string) calendar.Holiday { return calendar.Holiday{Date: d, Name: name} }
	out := []calendar.Holiday{h(plDay(y, time.January, 1), nameNewYear)}
	if y >= 2011 {
		out = append(out, h(plDay(y, time.January, 6), nameThreeKings))
	}
	out = append(out,
		h(easter, nameEaster),
		h(plAddDays(easter, 1), nameEasterMonday),
		h(plDay(y, time.May, 1), nameMay1),
		h(plDay(y, time.May, 3), nameMay3),
		h(plAddDays(easter, 49), namePentecost),
		h(plAddDays(easter, 60), nameCorpusChristi),
		h(plDay(y, time.August, 15), nameAssumption),
		h(plDay(y, time.November, 1), nameAllSaints),
		h(plDay(y, time.November, 11), nameIndependence),
	)
	if y >= 2025 {
		out = append(out, h(plDay(y, time.December, 24), nameChristmasEve))
	}
	return append(out,
		h(plDay(y, time.December, 25), nameChristmas1),
		h(plDay(y, time.December, 26), nameChristmas2),
	)
}

// polandBusinessByRule reports whether d is a Polish business day by the rules:
// Monday to Friday and not a statutory holiday.
func polandBusinessByRule(d calendar.Date) bool {
	if wd := plWeekday(d); wd == time.Saturday || wd == time.Sunday {
		return false
	}
	for _, h := range polandByRule(d.Year) {
		if h.Date == d {
			return false
		}
	}
	return true
}

func TestGaussEasterMatchesPublishedTable(t *testing.T) {
	// The test's own Easter must be right before it judges the calendar's.
	for y, s := range publishedEaster {
		want, err := calendar.ParseDate(s)
		require.NoError(t, err)
		assert.Equal(t, want, gaussEaster(y), "Easter %d", y)
		assert.Equal(t, time.Sunday, plWeekday(want), "Easter %d is a Sunday", y)
	}
}

func TestPolandHolidays2024To2027(t *testing.T) {
	h := func(s, name string) calendar.Holiday {
		d, err := calendar.ParseDate(s)
		require.NoError(t, err)
		return calendar.Holiday{Date: d, Name: name}
	}
	cases := []struct {
		name string
		year int
		want []calendar.Holiday
	}{
		{"2024: 13 days, Easter 31 March, no Wigilia before 2025", 2024, []calendar.Holiday{
			h("2024-01-01", nameNewYear),
			h("2024-01-06", nameThreeKings),
			h("2024-03-31", nameEaster),
			h("2024-04-01", nameEasterMonday),
			h("2024-05-01", nameMay1),
			h("2024-05-03", nameMay3),
			h("2024-05-19", namePentecost),
			h("2024-05-30", nameCorpusChristi),
			h("2024-08-15", nameAssumption),
			h("2024-11-01", nameAllSaints),
			h("2024-11-11", nameIndependence),
			h("2024-12-25", nameChristmas1),
			h("2024-12-26", nameChristmas2),
		}},
		{"2025: 14 days, Easter 20 April, Wigilia from 2025", 2025, []calendar.Holiday{
			h("2025-01-01", nameNewYear),
			h("2025-01-06", nameThreeKings),
			h("2025-04-20", nameEaster),
			h("2025-04-21", nameEasterMonday),
			h("2025-05-01", nameMay1),
			h("2025-05-03", nameMay3),
			h("2025-06-08", namePentecost),
			h("2025-06-19", nameCorpusChristi),
			h("2025-08-15", nameAssumption),
			h("2025-11-01", nameAllSaints),
			h("2025-11-11", nameIndependence),
			h("2025-12-24", nameChristmasEve),
			h("2025-12-25", nameChristmas1),
			h("2025-12-26", nameChristmas2),
		}},
		{"2026: 14 days, Easter 5 April", 2026, []calendar.Holiday{
			h("2026-01-01", nameNewYear),
			h("2026-01-06", nameThreeKings),
			h("2026-04-05", nameEaster),
			h("2026-04-06", nameEasterMonday),
			h("2026-05-01", nameMay1),
			h("2026-05-03", nameMay3),
			h("2026-05-24", namePentecost),
			h("2026-06-04", nameCorpusChristi),
			h("2026-08-15", nameAssumption),
			h("2026-11-01", nameAllSaints),
			h("2026-11-11", nameIndependence),
			h("2026-12-24", nameChristmasEve),
			h("2026-12-25", nameChristmas1),
			h("2026-12-26", nameChristmas2),
		}},
		{"2027: 14 days, Easter 28 March", 2027, []calendar.Holiday{
			h("2027-01-01", nameNewYear),
			h("2027-01-06", nameThreeKings),
			h("2027-03-28", nameEaster),
			h("2027-03-29", nameEasterMonday),
			h("2027-05-01", nameMay1),
			h("2027-05-03", nameMay3),
			h("2027-05-16", namePentecost),
			h("2027-05-27", nameCorpusChristi),
			h("2027-08-15", nameAssumption),
			h("2027-11-01", nameAllSaints),
			h("2027-11-11", nameIndependence),
			h("2027-12-24", nameChristmasEve),
			h("2027-12-25", nameChristmas1),
			h("2027-12-26", nameChristmas2),
		}},
	}
	c := calendar.Poland()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := c.Holidays(tc.year)
			require.NoError(t, err)
			assert.Equal(t, tc.want, got)
			for _, want := range tc.want {
				on, ok, err := c.HolidayOn(want.Date)
				require.NoError(t, err)
				assert.True(t, ok, "%s is a holiday", want.Date)
				assert.Equal(t, want, on)
			}
		})
	}
}

func TestPolandBusinessDayRules(t *testing.T) {
	c := calendar.Poland()
	cases := []struct {
		name string
		day  calendar.Date
		want bool
	}{
		{"Wigilia is a working day before 2025: Tuesday 24 Dec 2024", plDay(2024, time.December, 24), true},
		{"Wigilia is a day off from 2025: Wednesday 24 Dec 2025", plDay(2025, time.December, 24), false},
		{"6 Jan is a working day before 2011: Wednesday 6 Jan 2010", plDay(2010, time.January, 6), true},
		{"6 Jan is a day off from 2011: Thursday 6 Jan 2011", plDay(2011, time.January, 6), false},
		{"a holiday on Saturday gives no Friday off: Fri 14 Aug 2026", plDay(2026, time.August, 14), true},
		{"a holiday on Saturday is not a business day: Sat 15 Aug 2026", plDay(2026, time.August, 15), false},
		{"a holiday on Saturday gives no Monday off: Mon 17 Aug 2026", plDay(2026, time.August, 17), true},
		{"1 May on Friday: Fri 1 May 2026", plDay(2026, time.May, 1), false},
		{"3 May on Monday: Mon 3 May 2027", plDay(2027, time.May, 3), false},
		{"11 Nov on Tuesday: Tue 11 Nov 2025", plDay(2025, time.November, 11), false},
		{"the Monday before 11 Nov is no bridge day: Mon 10 Nov 2025", plDay(2025, time.November, 10), true},
		{"11 Nov on Wednesday: Wed 11 Nov 2026", plDay(2026, time.November, 11), false},
		{"11 Nov on Thursday: Thu 11 Nov 2027", plDay(2027, time.November, 11), false},
		{"the Friday after 11 Nov is no bridge day: Fri 12 Nov 2027", plDay(2027, time.November, 12), true},
		{"Good Friday is a working day in Poland: 3 Apr 2026", plDay(2026, time.April, 3), true},
		{"Pentecost Monday is a working day in Poland: 25 May 2026", plDay(2026, time.May, 25), true},
		{"Corpus Christi is a day off: Thu 4 Jun 2026", plDay(2026, time.June, 4), false},
		{"the Friday after Corpus Christi is a working day: 5 Jun 2026", plDay(2026, time.June, 5), true},
		{"31 Dec is a working day: Thu 31 Dec 2026", plDay(2026, time.December, 31), true},
		{"an ordinary Sunday: 7 Jun 2026", plDay(2026, time.June, 7), false},
		{"an ordinary Saturday: 6 Jun 2026", plDay(2026, time.June, 6), false},
		{"the first day of the range is Nowy Rok: Mon 1 Jan 1990", plDay(1990, time.January, 1), false},
		{"the second day of the range: Tue 2 Jan 1990", plDay(1990, time.January, 2), true},
		{"the last day of the range: Wed 31 Dec 2200", plDay(2200, time.December, 31), true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := c.IsBusinessDay(tc.day)
			require.NoError(t, err)
			assert.Equal(t, tc.want, got)
		})
	}
}

func TestPolandHolidayOnWeekendIsListed(t *testing.T) {
	c := calendar.Poland()
	h, ok, err := c.HolidayOn(plDay(2026, time.August, 15))
	require.NoError(t, err)
	require.True(t, ok, "a Saturday holiday is still reported")
	assert.Equal(t, calendar.Holiday{Date: plDay(2026, time.August, 15), Name: nameAssumption}, h)

	_, ok, err = c.HolidayOn(plDay(2026, time.August, 14))
	require.NoError(t, err)
	assert.False(t, ok, "no substitute day on the Friday")

	got, err := c.HolidaysBetween(plDay(2025, time.December, 20), plDay(2026, time.January, 10))
	require.NoError(t, err)
	assert.Equal(t, []calendar.Holiday{
		{Date: plDay(2025, time.December, 24), Name: nameChristmasEve},
		{Date: plDay(2025, time.December, 25), Name: nameChristmas1},
		{Date: plDay(2025, time.December, 26), Name: nameChristmas2},
		{Date: plDay(2026, time.January, 1), Name: nameNewYear},
		{Date: plDay(2026, time.January, 6), Name: nameThreeKings},
	}, got, "HolidaysBetween across a year end, both ends included")
}

// Easter-based days, year by year, from the test's own Easter.
func TestPolandEasterBasedDays(t *testing.T) {
	c := calendar.Poland()
	for y := 1990; y <= 2200; y++ {
		easter := gaussEaster(y)
		days := []struct {
			rule     string
			offset   int
			name     string // "" when the day is not a holiday
			business bool
		}{
			{"Good Friday (Easter-2) is a working day", -2, "", true},
			{"Easter Sunday (Easter) is a holiday", 0, nameEaster, false},
			{"Easter Monday (Easter+1) is a holiday", 1, nameEasterMonday, false},
			{"Easter Tuesday (Easter+2) is a working day", 2, "", true},
			{"Pentecost Sunday (Easter+49) is a holiday", 49, namePentecost, false},
			{"Pentecost Monday (Easter+50) is a working day", 50, "", true},
			{"Corpus Christi (Easter+60, a Thursday) is a holiday", 60, nameCorpusChristi, false},
			{"the Friday after Corpus Christi (Easter+61) is a working day", 61, "", true},
		}
		for _, tc := range days {
			d := plAddDays(easter, tc.offset)
			biz, err := c.IsBusinessDay(d)
			require.NoError(t, err)
			assert.Equal(t, tc.business, biz, "%d: %s: %s", y, tc.rule, d)
			h, ok, err := c.HolidayOn(d)
			require.NoError(t, err)
			assert.Equal(t, tc.name != "", ok, "%d: %s: %s", y, tc.rule, d)
			if tc.name != "" {
				assert.Equal(t, calendar.Holiday{Date: d, Name: tc.name}, h, "%d: %s", y, tc.rule)
			}
		}
	}
}

// Every year of the range: the holidays are exactly the rule's, in order, and
// their number is 12 up to 2010, 13 from 2011 (6 Jan) and 14 from 2025 (24 Dec).
// No two holidays ever share a date: Easter Sunday falls 22 March-25 April (in
// 1990-2200, 23 March-25 April), so Easter Monday is at most 26 April, before
// 1 May; Pentecost Sunday is Easter+49, at least 10 May, after 3 May; Corpus
// Christi is Easter+60, 21 May-24 June, before 15 August. The test checks the
// strict order, which proves it, and also every single day of the range.
func TestPolandHolidayCountEveryYear(t *testing.T) {
	c := calendar.Poland()
	for y := 1990; y <= 2200; y++ {
		want := polandByRule(y)
		for k := 1; k < len(want); k++ {
			require.True(t, want[k-1].Date.Before(want[k].Date), "%d: %s before %s", y, want[k-1], want[k])
		}
		wantCount := 14
		switch {
		case y <= 2010:
			wantCount = 12
		case y <= 2024:
			wantCount = 13
		}
		require.Len(t, want, wantCount, "the rule list of %d", y)

		got, err := c.Holidays(y)
		require.NoError(t, err)
		assert.Len(t, got, wantCount, "holidays of %d", y)
		assert.Equal(t, want, got, "holidays of %d", y)
	}

	// Every day from 1990-01-01 to 2200-12-31 against the rules.
	mismatches := 0
	for d := plDay(1990, time.January, 1); d != plDay(2201, time.January, 1); d = plAddDays(d, 1) {
		got, err := c.IsBusinessDay(d)
		require.NoError(t, err)
		if want := polandBusinessByRule(d); got != want {
			mismatches++
			assert.Equal(t, want, got, "IsBusinessDay(%s)", d)
			if mismatches > 10 {
				t.FailNow()
			}
		}
	}
}

func TestPolandNextPrevAddBusinessDays(t *testing.T) {
	c := calendar.Poland()
	cases := []struct {
		name string
		from calendar.Date
		n    int
		want calendar.Date
	}{
		{"long weekend 1-3 May 2026: after Thu 30 Apr comes Mon 4 May", plDay(2026, time.April, 30), 1, plDay(2026, time.May, 4)},
		{"2027: Sat 1 May, Sun, Mon 3 May: after Fri 30 Apr comes Tue 4 May", plDay(2027, time.April, 30), 1, plDay(2027, time.May, 4)},
		{"11 Nov 2026 on Wednesday: after Tue 10 Nov comes Thu 12 Nov", plDay(2026, time.November, 10), 1, plDay(2026, time.November, 12)},
		{"11 Nov 2027 on Thursday: after Wed 10 Nov comes Fri 12 Nov", plDay(2027, time.November, 10), 1, plDay(2027, time.November, 12)},
		{"11 Nov 2025 on Tuesday: after Mon 10 Nov comes Wed 12 Nov", plDay(2025, time.November, 10), 1, plDay(2025, time.November, 12)},
		{"Christmas 2025 (24-26 Dec, then a weekend): Tue 23 Dec + 1 is Mon 29 Dec", plDay(2025, time.December, 23), 1, plDay(2025, time.December, 29)},
		{"Christmas 2025 backwards: Mon 29 Dec - 1 is Tue 23 Dec", plDay(2025, time.December, 29), -1, plDay(2025, time.December, 23)},
		{"Christmas 2024 (Wigilia still a working day): Mon 23 Dec + 1 is Tue 24 Dec", plDay(2024, time.December, 23), 1, plDay(2024, time.December, 24)},
		{"year end: Tue 31 Dec 2024 + 1 is Thu 2 Jan 2025", plDay(2024, time.December, 31), 1, plDay(2025, time.January, 2)},
		{"year end: Thu 31 Dec 2026 + 1 is Mon 4 Jan 2027 (Fri 1 Jan is a holiday)", plDay(2026, time.December, 31), 1, plDay(2027, time.January, 4)},
		{"year end backwards: Mon 4 Jan 2027 - 1 is Thu 31 Dec 2026", plDay(2027, time.January, 4), -1, plDay(2026, time.December, 31)},
		{"year end backwards: Thu 2 Jan 2025 - 2 is Mon 30 Dec 2024", plDay(2025, time.January, 2), -2, plDay(2024, time.December, 30)},
		{"from a Saturday forward: Sat 2 May 2026 + 1 is Mon 4 May", plDay(2026, time.May, 2), 1, plDay(2026, time.May, 4)},
		{"from a Saturday backward: Sat 6 Jun 2026 - 1 is Fri 5 Jun", plDay(2026, time.June, 6), -1, plDay(2026, time.June, 5)},
		{"from a Sunday backward over a holiday: Sun 3 May 2026 - 1 is Thu 30 Apr", plDay(2026, time.May, 3), -1, plDay(2026, time.April, 30)},
		{"from a holiday forward: Wed 11 Nov 2026 + 1 is Thu 12 Nov", plDay(2026, time.November, 11), 1, plDay(2026, time.November, 12)},
		{"from a holiday backward: Wed 11 Nov 2026 - 1 is Tue 10 Nov", plDay(2026, time.November, 11), -1, plDay(2026, time.November, 10)},
		{"zero days from a holiday is the holiday itself", plDay(2026, time.November, 11), 0, plDay(2026, time.November, 11)},
		{"zero days from a Saturday is the Saturday itself", plDay(2026, time.August, 15), 0, plDay(2026, time.August, 15)},
		{"zero days from a business day is that day", plDay(2026, time.June, 5), 0, plDay(2026, time.June, 5)},
		{"five days over 1 May 2026: Thu 30 Apr + 5 is Fri 8 May", plDay(2026, time.April, 30), 5, plDay(2026, time.May, 8)},
		{"three days back over 1 May 2026: Mon 4 May - 3 is Tue 28 Apr", plDay(2026, time.May, 4), -3, plDay(2026, time.April, 28)},
		{"a whole year: 31 Dec 2025 + 253 (the business days of 2026) is Thu 31 Dec 2026", plDay(2025, time.December, 31), 253, plDay(2026, time.December, 31)},
		{"the last day of the range is reachable", plDay(2200, time.December, 30), 1, plDay(2200, time.December, 31)},
		{"the last business day before the last day of the range", plDay(2200, time.December, 31), -1, plDay(2200, time.December, 30)},
		{"the first business day of the range is reachable backwards", plDay(1990, time.January, 3), -1, plDay(1990, time.January, 2)},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := c.AddBusinessDays(tc.from, tc.n)
			require.NoError(t, err)
			assert.Equal(t, tc.want, got)
			switch tc.n {
			case 1:
				next, err := c.NextBusinessDay(tc.from)
				require.NoError(t, err)
				assert.Equal(t, tc.want, next, "NextBusinessDay")
			case -1:
				prev, err := c.PrevBusinessDay(tc.from)
				require.NoError(t, err)
				assert.Equal(t, tc.want, prev, "PrevBusinessDay")
			}
		})
	}
}

func TestPolandBusinessDaysBetween(t *testing.T) {
	c := calendar.Poland()
	cases := []struct {
		name string
		a, b calendar.Date
		want int
	}{
		{"the same day is zero", plDay(2026, time.June, 5), plDay(2026, time.June, 5), 0},
		{"the same holiday is zero", plDay(2026, time.November, 11), plDay(2026, time.November, 11), 0},
		{"a counts not, b counts: Mon to Tue is one", plDay(2026, time.June, 1), plDay(2026, time.June, 2), 1},
		{"Fri to Sat is zero (the Saturday is no business day)", plDay(2026, time.June, 5), plDay(2026, time.June, 6), 0},
		{"Fri to Mon is one", plDay(2026, time.June, 5), plDay(2026, time.June, 8), 1},
		{"over Christmas 2025: Tue 23 Dec to Mon 29 Dec is one", plDay(2025, time.December, 23), plDay(2025, time.December, 29), 1},
		{"over Christmas 2024: Mon 23 Dec to Mon 30 Dec is three (24, 27, 30)", plDay(2024, time.December, 23), plDay(2024, time.December, 30), 3},
		{"over 1-3 May 2026: Thu 30 Apr to Fri 8 May is five", plDay(2026, time.April, 30), plDay(2026, time.May, 8), 5},
		{"backwards is negative: Wed 10 Jun to Mon 8 Jun is minus two", plDay(2026, time.June, 10), plDay(2026, time.June, 8), -2},
		{"backwards over Christmas 2025: Mon 29 Dec to Tue 23 Dec is minus one", plDay(2025, time.December, 29), plDay(2025, time.December, 23), -1},
		{"the whole of 2026 is 253 business days", plDay(2025, time.December, 31), plDay(2026, time.December, 31), 253},
		{"backwards from a Saturday: Sat 6 Jun to Fri 5 Jun is minus one", plDay(2026, time.June, 6), plDay(2026, time.June, 5), -1},
		{"backwards from a Sunday over 1 May: Sun 3 May to Thu 30 Apr 2026 is minus one", plDay(2026, time.May, 3), plDay(2026, time.April, 30), -1},
		{"backwards counts b and not a: Sat 31 Jan 2026 to Wed 31 Dec 2025 is minus 21 (31 Dec and January's 20)", plDay(2026, time.January, 31), plDay(2025, time.December, 31), -21},
		{"backwards from a holiday: Wed 11 Nov to Tue 10 Nov 2026 is minus one", plDay(2026, time.November, 11), plDay(2026, time.November, 10), -1},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := c.BusinessDaysBetween(tc.a, tc.b)
			require.NoError(t, err)
			assert.Equal(t, tc.want, got)
		})
	}
}

// The business days of each month of 2026, by hand: the weekdays of the month
// minus its holidays that fall on a weekday.
func TestPolandBusinessDaysPerMonth2026(t *testing.T) {
	cases := []struct {
		month time.Month
		want  int
		why   string
	}{
		{time.January, 20, "22 weekdays - Thu 1 Jan - Tue 6 Jan"},
		{time.February, 20, "20 weekdays, no holidays"},
		{time.March, 22, "22 weekdays, no holidays"},
		{time.April, 21, "22 weekdays - Mon 6 Apr (Easter Sunday 5 Apr is a Sunday)"},
		{time.May, 20, "21 weekdays - Fri 1 May (3 May and Pentecost 24 May are Sundays)"},
		{time.June, 21, "22 weekdays - Thu 4 Jun (Corpus Christi)"},
		{time.July, 23, "23 weekdays, no holidays"},
		{time.August, 21, "21 weekdays; 15 Aug is a Saturday and gives no day off"},
		{time.September, 22, "22 weekdays, no holidays"},
		{time.October, 22, "22 weekdays, no holidays"},
		{time.November, 20, "21 weekdays - Wed 11 Nov (1 Nov is a Sunday)"},
		{time.December, 21, "23 weekdays - Thu 24 Dec - Fri 25 Dec (26 Dec is a Saturday)"},
	}
	c := calendar.Poland()
	total := 0
	for _, tc := range cases {
		t.Run(tc.month.String(), func(t *testing.T) {
			// The last day of the previous month and of this one, by the time package.
			prevLast := plDayOf(time.Date(2026, tc.month, 0, 12, 0, 0, 0, time.UTC))
			last := plDayOf(time.Date(2026, tc.month+1, 0, 12, 0, 0, 0, time.UTC))
			got, err := c.BusinessDaysBetween(prevLast, last)
			require.NoError(t, err)
			assert.Equal(t, tc.want, got, tc.why)
		})
		total += tc.want
	}
	assert.Equal(t, 253, total, "261 weekdays in 2026 minus 8 weekday holidays")
}

// BusinessDaysBetween(d, AddBusinessDays(d, n)) == n for every d and n, forward
// and backward, from business days, weekends and holidays; and the result of
// AddBusinessDays is the one a day-by-day walk over the rules finds.
func TestPolandAddBusinessDaysBetweenProperty(t *testing.T) {
	c := calendar.Poland()
	r := rand.New(rand.NewPCG(2026, 11))
	// d from 1992 to 2198 and |n| <= 300 (about 14 months) keep the result in range.
	lo := plDay(1992, time.January, 1)
	days := int(time.Date(2198, 12, 31, 0, 0, 0, 0, time.UTC).Sub(time.Date(1992, 1, 1, 0, 0, 0, 0, time.UTC)) / (24 * time.Hour))
	for k := 0; k < 3000; k++ {
		d := plAddDays(lo, r.IntN(days+1))
		n := r.IntN(601) - 300
		if k%10 == 0 {
			n = r.IntN(7) - 3 // many short hops
		}
		got, err := c.AddBusinessDays(d, n)
		require.NoError(t, err, "AddBusinessDays(%s, %d)", d, n)

		between, err := c.BusinessDaysBetween(d, got)
		require.NoError(t, err)
		assert.Equal(t, n, between, "BusinessDaysBetween(%s, AddBusinessDays(%s, %d) = %s)", d, d, n, got)

		// Walk day by day over the rules.
		want := d
		for step, left := 1, n; left != 0; {
			if n < 0 {
				step = -1
			}
			want = plAddDays(want, step)
			if polandBusinessByRule(want) {
				left -= step
			}
		}
		assert.Equal(t, want, got, "AddBusinessDays(%s, %d)", d, n)
	}
}

func TestPolandOutOfRange(t *testing.T) {
	c := calendar.Poland()
	first, last := plDay(1990, time.January, 1), plDay(2200, time.December, 31)
	cases := []struct {
		name  string
		value string // the date the error names
		call  func() error
	}{
		{"IsBusinessDay the day before the range", "1989-12-31", func() error {
			_, err := c.IsBusinessDay(plDay(1989, time.December, 31))
			return err
		}},
		{"IsBusinessDay the day after the range", "2201-01-01", func() error {
			_, err := c.IsBusinessDay(plDay(2201, time.January, 1))
			return err
		}},
		{"HolidayOn the day before the range", "1989-12-31", func() error {
			_, _, err := c.HolidayOn(plDay(1989, time.December, 31))
			return err
		}},
		{"Holidays of 1989", "1989-01-01", func() error {
			_, err := c.Holidays(1989)
			return err
		}},
		{"Holidays of 2201", "2201-01-01", func() error {
			_, err := c.Holidays(2201)
			return err
		}},
		{"AddBusinessDays past 2200-12-31 names the date it started from", "2200-12-31", func() error {
			_, err := c.AddBusinessDays(plDay(2200, time.December, 31), 1)
			return err
		}},
		{"AddBusinessDays far past the range", "2200-12-01", func() error {
			_, err := c.AddBusinessDays(plDay(2200, time.December, 1), 100)
			return err
		}},
		{"NextBusinessDay of the last day", "2200-12-31", func() error {
			_, err := c.NextBusinessDay(plDay(2200, time.December, 31))
			return err
		}},
		{"PrevBusinessDay of 2 Jan 1990 (1 Jan 1990 is a holiday)", "1990-01-02", func() error {
			_, err := c.PrevBusinessDay(plDay(1990, time.January, 2))
			return err
		}},
		{"AddBusinessDays from a date before the range", "1989-12-31", func() error {
			_, err := c.AddBusinessDays(plDay(1989, time.December, 31), 1)
			return err
		}},
		{"BusinessDaysBetween to a date after the range", "2201-01-01", func() error {
			_, err := c.BusinessDaysBetween(plDay(2200, time.December, 1), plDay(2201, time.January, 1))
			return err
		}},
		{"HolidaysBetween from a date before the range", "1989-12-31", func() error {
			_, err := c.HolidaysBetween(plDay(1989, time.December, 31), plDay(1990, time.January, 31))
			return err
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var err error
			require.NotPanics(t, func() { err = tc.call() })
			require.Error(t, err)
			assert.ErrorIs(t, err, calendar.ErrOutOfRange)
			var re *calendar.RangeError
			require.ErrorAs(t, err, &re)
			assert.Equal(t, tc.value, re.Value)
			assert.Equal(t, first, re.First)
			assert.Equal(t, last, re.Last)
		})
	}
}

func TestPolandRangeEndsWork(t *testing.T) {
	c := calendar.Poland()
	assert.Equal(t, plDay(1990, time.January, 1), c.First())
	assert.Equal(t, plDay(2200, time.December, 31), c.Last())

	h, ok, err := c.HolidayOn(plDay(1990, time.January, 1))
	require.NoError(t, err)
	assert.True(t, ok)
	assert.Equal(t, nameNewYear, h.Name)

	got, err := c.Holidays(1990)
	require.NoError(t, err)
	assert.Equal(t, polandByRule(1990), got)
	got, err = c.Holidays(2200)
	require.NoError(t, err)
	assert.Equal(t, polandByRule(2200), got)

	n, err := c.BusinessDaysBetween(plDay(1990, time.January, 1), plDay(1990, time.January, 5))
	require.NoError(t, err)
	assert.Equal(t, 4, n, "Tue 2 to Fri 5 Jan 1990")
}

// Values that are not dates are ErrInvalid, never ErrOutOfRange, never a panic
// and never a guess: a year so large that its day number would overflow an
// int64 must not wrap around into the range.
func TestPolandInvalidDates(t *testing.T) {
	c := calendar.Poland()
	cases := []struct {
		name string
		day  calendar.Date
	}{
		{"30 February", plDay(2026, time.February, 30)},
		{"29 February of a common year", plDay(2025, time.February, 29)},
		{"month 13", plDay(2026, 13, 1)},
		{"month 0", plDay(2026, 0, 1)},
		{"day 0", plDay(2026, time.March, 0)},
		{"31 April", plDay(2026, time.April, 31)},
		{"the zero Date", calendar.Date{}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			calls := map[string]func() error{
				"IsBusinessDay": func() error { _, err := c.IsBusinessDay(tc.day); return err },
				"HolidayOn":     func() error { _, _, err := c.HolidayOn(tc.day); return err },
				"AddBusinessDays": func() error {
					_, err := c.AddBusinessDays(tc.day, 1)
					return err
				},
				"BusinessDaysBetween": func() error {
					_, err := c.BusinessDaysBetween(plDay(2026, time.January, 1), tc.day)
					return err
				},
			}
			for name, call := range calls {
				var err error
				require.NotPanics(t, func() { err = call() }, name)
				assert.ErrorIs(t, err, calendar.ErrInvalid, name)
				assert.NotErrorIs(t, err, calendar.ErrOutOfRange, name)
				var ve *calendar.ValueError
				assert.ErrorAs(t, err, &ve, name)
			}
		})
	}
}

// plWrappingYear returns a year, a multiple of 400, whose 1 March has a day
// number (days since 1970-01-01, computed in wrapping int64 arithmetic as
// days-from-civil algorithms do: era*146097 + day-of-era - 719468) equal to that
// of target modulo 2^64. Such a date is far outside any calendar's range.
func plWrappingYear(target calendar.Date) (int, bool) {
	// Days from 1970-01-01 to target, by the time package.
	want := uint64(time.Date(target.Year, target.Month, target.Day, 0, 0, 0, 0, time.UTC).Unix() / 86400)
	// 146097 is odd, so it has an inverse modulo 2^64 (Newton's iteration).
	inv := uint64(146097)
	for k := 0; k < 6; k++ {
		inv *= 2 - 146097*inv
	}
	era := int64((want + 719468) * inv) // 1 March of year 400*era is day 0 of its era
	if era > math.MaxInt64/400 || era < math.MinInt64/400 || era == 0 {
		return 0, false
	}
	return int(era) * 400, true
}

func TestPolandHugeYearsAreOutOfRange(t *testing.T) {
	c := calendar.Poland()
	var days []calendar.Date
	for _, y := range []int{math.MaxInt, math.MinInt, math.MaxInt - 1, 1 << 62, -(1 << 62), 100000, -1, 0} {
		days = append(days, plDay(y, time.March, 1))
	}
	// Dates whose day number wraps around onto a day in 1990-2200.
	found := 0
	for d := plDay(2026, time.January, 1); found < 5 && d.Year < 2200; d = plAddDays(d, 1) {
		if y, ok := plWrappingYear(d); ok {
			days = append(days, plDay(y, time.March, 1))
			found++
		}
	}
	require.Equal(t, 5, found, "wrapping years exist")
	for _, d := range days {
		var err error
		require.NotPanics(t, func() { _, err = c.IsBusinessDay(d) })
		assert.ErrorIs(t, err, calendar.ErrOutOfRange, "year %d", d.Year)
		require.NotPanics(t, func() { _, _, err = c.HolidayOn(d) })
		assert.ErrorIs(t, err, calendar.ErrOutOfRange, "year %d", d.Year)
		require.NotPanics(t, func() { _, err = c.AddBusinessDays(d, 1) })
		assert.ErrorIs(t, err, calendar.ErrOutOfRange, "year %d", d.Year)
		require.NotPanics(t, func() { _, err = c.Holidays(d.Year) })
		assert.ErrorIs(t, err, calendar.ErrOutOfRange, "year %d", d.Year)
	}
}

func TestPolandZeroAndNilCalendar(t *testing.T) {
	var zero calendar.Calendar
	var nilCal *calendar.Calendar
	for name, c := range map[string]*calendar.Calendar{"zero": &zero, "nil": nilCal} {
		d := plDay(2026, time.June, 5)
		var err error
		require.NotPanics(t, func() { _, err = c.IsBusinessDay(d) }, name)
		assert.ErrorIs(t, err, calendar.ErrInvalid, name)
		require.NotPanics(t, func() { _, err = c.AddBusinessDays(d, 1) }, name)
		assert.ErrorIs(t, err, calendar.ErrInvalid, name)
		require.NotPanics(t, func() { _, err = c.Holidays(2026) }, name)
		assert.ErrorIs(t, err, calendar.ErrInvalid, name)
		require.NotPanics(t, func() { _, err = c.Schedule(calendar.Window8x5()) }, name)
		assert.ErrorIs(t, err, calendar.ErrInvalid, name)
	}
}

func TestNewPolandClosure(t *testing.T) {
	bridge := plDay(2026, time.January, 2) // Friday after Nowy Rok
	c, err := calendar.NewPoland(calendar.WithClosure(bridge, "Firmowy dzień wolny"))
	require.NoError(t, err)

	biz, err := c.IsBusinessDay(bridge)
	require.NoError(t, err)
	assert.False(t, biz, "a closure is not a business day")

	closure := calendar.Holiday{Date: bridge, Name: "Firmowy dzień wolny", Closure: true}
	h, ok, err := c.HolidayOn(bridge)
	require.NoError(t, err)
	assert.True(t, ok)
	assert.Equal(t, closure, h)

	got, err := c.Holidays(2026)
	require.NoError(t, err)
	want := append([]calendar.Holiday{polandByRule(2026)[0], closure}, polandByRule(2026)[1:]...)
	assert.Equal(t, want, got, "the closure is listed in date order, between 1 and 6 Jan")

	next, err := c.NextBusinessDay(plDay(2025, time.December, 31))
	require.NoError(t, err)
	assert.Equal(t, plDay(2026, time.January, 5), next, "Thu 1 Jan holiday, Fri 2 Jan closure, weekend: Mon 5 Jan")

	// The shared calendar is not changed.
	biz, err = calendar.Poland().IsBusinessDay(bridge)
	require.NoError(t, err)
	assert.True(t, biz, "Poland() still works on 2 Jan 2026")
}

func TestNewPolandClosureOnHolidayKeepsHolidayName(t *testing.T) {
	c, err := calendar.NewPoland(calendar.WithClosure(plDay(2026, time.November, 11), "Firmowy dzień wolny"))
	require.NoError(t, err)
	h, ok, err := c.HolidayOn(plDay(2026, time.November, 11))
	require.NoError(t, err)
	assert.True(t, ok)
	assert.Equal(t, calendar.Holiday{Date: plDay(2026, time.November, 11), Name: nameIndependence}, h)
	got, err := c.Holidays(2026)
	require.NoError(t, err)
	assert.Equal(t, polandByRule(2026), got, "no duplicate entry")
}

func TestNewPolandWithoutHoliday(t *testing.T) {
	c, err := calendar.NewPoland(calendar.WithoutHoliday(plDay(2026, time.November, 11)))
	require.NoError(t, err)

	biz, err := c.IsBusinessDay(plDay(2026, time.November, 11))
	require.NoError(t, err)
	assert.True(t, biz, "a removed holiday on a Wednesday is a business day")
	_, ok, err := c.HolidayOn(plDay(2026, time.November, 11))
	require.NoError(t, err)
	assert.False(t, ok)

	got, err := c.Holidays(2026)
	require.NoError(t, err)
	var want []calendar.Holiday
	for _, h := range polandByRule(2026) {
		if h.Date != plDay(2026, time.November, 11) {
			want = append(want, h)
		}
	}
	assert.Equal(t, want, got)

	biz, err = c.IsBusinessDay(plDay(2027, time.November, 11))
	require.NoError(t, err)
	assert.False(t, biz, "only that one day is removed, not the holiday of every year")

	// Poland() is not changed by building a calendar with options.
	biz, err = calendar.Poland().IsBusinessDay(plDay(2026, time.November, 11))
	require.NoError(t, err)
	assert.False(t, biz, "Poland() still has 11 Nov 2026 as a holiday")
	assert.NotSame(t, calendar.Poland(), c)
}

func TestNewPolandWithoutClosure(t *testing.T) {
	d := plDay(2026, time.January, 2)
	c, err := calendar.NewPoland(calendar.WithoutHoliday(d), calendar.WithClosure(d, "Firmowy dzień wolny"))
	require.NoError(t, err, "a closure can be removed, whatever the order of the options")
	biz, err := c.IsBusinessDay(d)
	require.NoError(t, err)
	assert.True(t, biz)
}

func TestNewPolandOptionErrors(t *testing.T) {
	cases := []struct {
		name  string
		opts  []calendar.Option
		isErr error
		value string // the value the typed error names
	}{
		{"WithoutHoliday on a working day", []calendar.Option{calendar.WithoutHoliday(plDay(2026, time.November, 12))}, calendar.ErrInvalid, "2026-11-12"},
		{"WithoutHoliday on a plain Saturday", []calendar.Option{calendar.WithoutHoliday(plDay(2026, time.November, 14))}, calendar.ErrInvalid, "2026-11-14"},
		{"WithoutHoliday on 24 Dec before 2025", []calendar.Option{calendar.WithoutHoliday(plDay(2024, time.December, 24))}, calendar.ErrInvalid, "2024-12-24"},
		{"WithoutHoliday on an invalid date", []calendar.Option{calendar.WithoutHoliday(plDay(2026, time.February, 30))}, calendar.ErrInvalid, "%!Date(2026-2-30)"},
		{"WithoutHoliday outside the range", []calendar.Option{calendar.WithoutHoliday(plDay(2201, time.January, 1))}, calendar.ErrOutOfRange, "2201-01-01"},
		{"WithClosure on an invalid date", []calendar.Option{calendar.WithClosure(plDay(2026, time.February, 30), "x")}, calendar.ErrInvalid, "%!Date(2026-2-30)"},
		{"WithClosure before the range", []calendar.Option{calendar.WithClosure(plDay(1989, time.December, 29), "x")}, calendar.ErrOutOfRange, "1989-12-29"},
		{"WithClosure after the range", []calendar.Option{calendar.WithClosure(plDay(2201, time.January, 2), "x")}, calendar.ErrOutOfRange, "2201-01-02"},
		{"WithClosure outside a narrower WithYears range", []calendar.Option{calendar.WithYears(2000, 2010), calendar.WithClosure(plDay(2026, time.January, 2), "x")}, calendar.ErrOutOfRange, "2026-01-02"},
		{"WithYears before 1900", []calendar.Option{calendar.WithYears(1899, 2000)}, calendar.ErrInvalid, "1899-2000"},
		{"WithYears after 2260", []calendar.Option{calendar.WithYears(2100, 2261)}, calendar.ErrInvalid, "2100-2261"},
		{"WithYears backwards", []calendar.Option{calendar.WithYears(2010, 2000)}, calendar.ErrInvalid, "2010-2000"},
		{"WithYears of 251 years", []calendar.Option{calendar.WithYears(1950, 2200)}, calendar.ErrInvalid, "1950-2200"},
		{"WithWorkweek with a day that does not exist", []calendar.Option{calendar.WithWorkweek(time.Monday, time.Weekday(7))}, calendar.ErrInvalid, "%!Weekday(7)"},
		{"InLocation nil", []calendar.Option{calendar.InLocation(nil)}, calendar.ErrInvalid, "nil"},
		{"WithHolidays nil", []calendar.Option{calendar.WithHolidays(nil)}, calendar.ErrInvalid, "nil"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var c *calendar.Calendar
			var err error
			require.NotPanics(t, func() { c, err = calendar.NewPoland(tc.opts...) })
			assert.Nil(t, c)
			require.Error(t, err)
			assert.ErrorIs(t, err, tc.isErr)
			switch tc.isErr {
			case calendar.ErrInvalid:
				var ve *calendar.ValueError
				require.ErrorAs(t, err, &ve)
				assert.Equal(t, tc.value, ve.Value)
				assert.NotErrorIs(t, err, calendar.ErrOutOfRange)
			case calendar.ErrOutOfRange:
				var re *calendar.RangeError
				require.ErrorAs(t, err, &re)
				assert.Equal(t, tc.value, re.Value)
			}
		})
	}
}

func TestNewPolandWithYears(t *testing.T) {
	c, err := calendar.NewPoland(calendar.WithYears(2000, 2010))
	require.NoError(t, err)
	assert.Equal(t, plDay(2000, time.January, 1), c.First())
	assert.Equal(t, plDay(2010, time.December, 31), c.Last())

	got, err := c.Holidays(2010)
	require.NoError(t, err)
	assert.Equal(t, polandByRule(2010), got)

	_, err = c.IsBusinessDay(plDay(2011, time.January, 3))
	var re *calendar.RangeError
	require.ErrorAs(t, err, &re)
	assert.Equal(t, "2011-01-03", re.Value)
	assert.Equal(t, plDay(2000, time.January, 1), re.First)
	assert.Equal(t, plDay(2010, time.December, 31), re.Last)

	_, err = c.AddBusinessDays(plDay(2010, time.December, 31), 1)
	assert.ErrorIs(t, err, calendar.ErrOutOfRange, "Fri 31 Dec 2010 is the last business day of the range")

	_, err = calendar.NewPoland(calendar.WithYears(1950, 2199))
	assert.NoError(t, err, "250 years is allowed")
	_, err = calendar.NewPoland(calendar.WithYears(2026, 2026))
	assert.NoError(t, err, "a single year is allowed")
}

func TestNewPolandWithWorkweek(t *testing.T) {
	monSat := []time.Weekday{time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday, time.Saturday}
	c, err := calendar.NewPoland(calendar.WithWorkweek(monSat...))
	require.NoError(t, err)
	cases := []struct {
		name string
		day  calendar.Date
		want bool
	}{
		{"an ordinary Saturday works", plDay(2026, time.August, 22), true},
		{"a Saturday holiday does not", plDay(2026, time.August, 15), false},
		{"Sunday does not", plDay(2026, time.August, 23), false},
		{"a weekday holiday does not", plDay(2026, time.November, 11), false},
		{"an ordinary Monday works", plDay(2026, time.August, 17), true},
	}
	for _, tc := range cases {
		got, err := c.IsBusinessDay(tc.day)
		require.NoError(t, err)
		assert.Equal(t, tc.want, got, tc.name)
	}
	next, err := c.NextBusinessDay(plDay(2026, time.August, 21))
	require.NoError(t, err)
	assert.Equal(t, plDay(2026, time.August, 22), next, "Fri 21 Aug + 1 is Sat 22 Aug")
	next, err = c.NextBusinessDay(plDay(2026, time.August, 14))
	require.NoError(t, err)
	assert.Equal(t, plDay(2026, time.August, 17), next, "Fri 14 Aug + 1 skips the Saturday holiday and Sunday")
	n, err := c.BusinessDaysBetween(plDay(2026, time.July, 31), plDay(2026, time.August, 31))
	require.NoError(t, err)
	assert.Equal(t, 25, n, "August 2026: 26 Mondays-to-Saturdays minus Sat 15 Aug")

	// A Tuesday-to-Saturday week, and an empty one.
	c, err = calendar.NewPoland(calendar.WithWorkweek(time.Tuesday, time.Wednesday, time.Thursday, time.Friday, time.Saturday))
	require.NoError(t, err)
	next, err = c.NextBusinessDay(plDay(2026, time.June, 6))
	require.NoError(t, err)
	assert.Equal(t, plDay(2026, time.June, 9), next, "Sat 6 Jun + 1 is Tue 9 Jun")

	c, err = calendar.NewPoland(calendar.WithWorkweek())
	require.NoError(t, err)
	biz, err := c.IsBusinessDay(plDay(2026, time.June, 5))
	require.NoError(t, err)
	assert.False(t, biz, "no business days at all")
	_, err = c.NextBusinessDay(plDay(2026, time.June, 5))
	assert.ErrorIs(t, err, calendar.ErrOutOfRange, "there is no next business day in the range")
}

func TestNewWithOtherCountry(t *testing.T) {
	c, err := calendar.New(calendar.InLocation(time.UTC), calendar.WithHolidays(de.Holidays...))
	require.NoError(t, err)
	assert.Equal(t, "UTC", c.Location().String())

	// German federal holidays of 2026; Easter is 5 April.
	want := []calendar.Holiday{
		{Date: plDay(2026, time.January, 1), Name: "Neujahrstag"},
		{Date: plDay(2026, time.April, 3), Name: "Karfreitag"},
		{Date: plDay(2026, time.April, 6), Name: "Ostermontag"},
		{Date: plDay(2026, time.May, 1), Name: "Tag der Arbeit"},
		{Date: plDay(2026, time.May, 14), Name: "Christi Himmelfahrt"},
		{Date: plDay(2026, time.May, 25), Name: "Pfingstmontag"},
		{Date: plDay(2026, time.October, 3), Name: "Tag der Deutschen Einheit"},
		{Date: plDay(2026, time.December, 25), Name: "Weihnachtstag"},
		{Date: plDay(2026, time.December, 26), Name: "Zweiter Weihnachtsfeiertag"},
	}
	got, err := c.Holidays(2026)
	require.NoError(t, err)
	assert.Equal(t, want, got)

	for _, tc := range []struct {
		name string
		day  calendar.Date
		want bool
	}{
		{"Good Friday is off in Germany", plDay(2026, time.April, 3), false},
		{"11 Nov is a working day in Germany", plDay(2026, time.November, 11), true},
		{"6 Jan is not a federal holiday", plDay(2026, time.January, 6), true},
	} {
		biz, err := c.IsBusinessDay(tc.day)
		require.NoError(t, err)
		assert.Equal(t, tc.want, biz, tc.name)
	}

	// New without options: UTC, Monday to Friday, no holidays.
	plain, err := calendar.New()
	require.NoError(t, err)
	assert.Equal(t, "UTC", plain.Location().String())
	biz, err := plain.IsBusinessDay(plDay(2026, time.January, 1))
	require.NoError(t, err)
	assert.True(t, biz, "no holidays: Thu 1 Jan 2026 is a business day")
	hs, err := plain.Holidays(2026)
	require.NoError(t, err)
	assert.Empty(t, hs)
}

func TestNewWithObservedHoliday(t *testing.T) {
	// US Independence Day 2026 is a Saturday, observed on Friday 3 July.
	c, err := calendar.New(calendar.WithHolidays(us.IndependenceDay))
	require.NoError(t, err)
	got, err := c.Holidays(2026)
	require.NoError(t, err)
	assert.Equal(t, []calendar.Holiday{
		{Date: plDay(2026, time.July, 3), Name: "Independence Day (observed)"},
		{Date: plDay(2026, time.July, 4), Name: "Independence Day"},
	}, got)
	biz, err := c.IsBusinessDay(plDay(2026, time.July, 3))
	require.NoError(t, err)
	assert.False(t, biz, "the observed day is off")
}

func TestPolishHolidaysAreFreshCopies(t *testing.T) {
	defs := calendar.PolishHolidays()
	require.Len(t, defs, 14)
	for _, d := range defs {
		d.Name = "changed"
		d.StartYear = 3000
	}
	got, err := calendar.NewPoland()
	require.NoError(t, err)
	hs, err := got.Holidays(2026)
	require.NoError(t, err)
	assert.Equal(t, polandByRule(2026), hs, "changing one copy changes no calendar")
	hs, err = calendar.Poland().Holidays(2026)
	require.NoError(t, err)
	assert.Equal(t, polandByRule(2026), hs)
}

func TestPolandZone(t *testing.T) {
	c := calendar.Poland()
	loc := c.Location()
	require.NotNil(t, loc)
	assert.Equal(t, "Europe/Warsaw", loc.String())
	assert.Same(t, calendar.Warsaw(), loc)

	const layout = "2006-01-02 15:04:05 -07:00 MST"
	utc := func(y int, m time.Month, d, h, min, s int) time.Time {
		return time.Date(y, m, d, h, min, s, 0, time.UTC)
	}
	cases := []struct {
		name string
		at   time.Time
		want string
	}{
		// Last Sunday of March 2026 is the 29th: 02:00 CET becomes 03:00 CEST at 01:00 UTC.
		{"2026 spring: the last second of CET", utc(2026, time.March, 29, 0, 59, 59), "2026-03-29 01:59:59 +01:00 CET"},
		{"2026 spring: the first instant of CEST", utc(2026, time.March, 29, 1, 0, 0), "2026-03-29 03:00:00 +02:00 CEST"},
		// Last Sunday of October 2026 is the 25th: 03:00 CEST becomes 02:00 CET at 01:00 UTC.
		{"2026 autumn: the last second of CEST", utc(2026, time.October, 25, 0, 59, 59), "2026-10-25 02:59:59 +02:00 CEST"},
		{"2026 autumn: the first instant of CET", utc(2026, time.October, 25, 1, 0, 0), "2026-10-25 02:00:00 +01:00 CET"},
		// Past 2037 the zone's footer rule applies: last Sundays of 2150 are 29 March and 25 October.
		{"2150 spring: the last second of CET", utc(2150, time.March, 29, 0, 59, 59), "2150-03-29 01:59:59 +01:00 CET"},
		{"2150 spring: the first instant of CEST", utc(2150, time.March, 29, 1, 0, 0), "2150-03-29 03:00:00 +02:00 CEST"},
		{"2150 autumn: the last second of CEST", utc(2150, time.October, 25, 0, 59, 59), "2150-10-25 02:59:59 +02:00 CEST"},
		{"2150 autumn: the first instant of CET", utc(2150, time.October, 25, 1, 0, 0), "2150-10-25 02:00:00 +01:00 CET"},
		{"2150: a week before the autumn change is summer time", utc(2150, time.October, 18, 10, 0, 0), "2150-10-18 12:00:00 +02:00 CEST"},
		// 1995: summer time ended on the last Sunday of September, the 24th (EU rule until 1995).
		{"1995 spring: 26 March", utc(1995, time.March, 26, 1, 0, 0), "1995-03-26 03:00:00 +02:00 CEST"},
		{"1995 autumn: the last second of CEST on 24 September", utc(1995, time.September, 24, 0, 59, 59), "1995-09-24 02:59:59 +02:00 CEST"},
		{"1995 autumn: CET from 01:00 UTC on 24 September", utc(1995, time.September, 24, 1, 0, 0), "1995-09-24 02:00:00 +01:00 CET"},
		{"1995: October is winter time", utc(1995, time.October, 15, 10, 0, 0), "1995-10-15 11:00:00 +01:00 CET"},
		// 1996 is the first year of the last Sunday of October (the 27th).
		{"1996: 26 October is still summer time", utc(1996, time.October, 26, 10, 0, 0), "1996-10-26 12:00:00 +02:00 CEST"},
		{"1996 autumn: CET from 01:00 UTC on 27 October", utc(1996, time.October, 27, 1, 0, 0), "1996-10-27 02:00:00 +01:00 CET"},
	}
	for _, tc := range cases {
		assert.Equal(t, tc.want, tc.at.In(loc).Format(layout), tc.name)
	}

	// Wall times built in the zone.
	before := time.Date(2026, time.March, 29, 1, 59, 59, 0, loc)
	after := time.Date(2026, time.March, 29, 3, 0, 0, 0, loc)
	_, offBefore := before.Zone()
	_, offAfter := after.Zone()
	assert.Equal(t, 3600, offBefore, "01:59:59 on 29 March 2026 is +01:00")
	assert.Equal(t, 7200, offAfter, "03:00 on 29 March 2026 is +02:00")
	assert.Equal(t, time.Second, after.Sub(before), "02:00-03:00 does not exist")

	// The calendar's days are 23 or 25 hours long on those Sundays.
	dayLengths := []struct {
		day  calendar.Date
		want time.Duration
	}{
		{plDay(2026, time.March, 28), 24 * time.Hour},
		{plDay(2026, time.March, 29), 23 * time.Hour},
		{plDay(2026, time.October, 25), 25 * time.Hour},
		{plDay(2150, time.March, 29), 23 * time.Hour},
		{plDay(2150, time.October, 25), 25 * time.Hour},
		{plDay(2150, time.October, 26), 24 * time.Hour},
		{plDay(1995, time.March, 26), 23 * time.Hour},
		{plDay(1995, time.September, 24), 25 * time.Hour},
		{plDay(1995, time.October, 29), 24 * time.Hour},
		{plDay(2200, time.December, 31), 24 * time.Hour},
	}
	for _, tc := range dayLengths {
		start, err := c.At(tc.day, 0)
		require.NoError(t, err)
		end, err := c.At(tc.day, calendar.EndOfDay)
		require.NoError(t, err)
		assert.Equal(t, tc.want, end.Sub(start), "length of %s", tc.day)
	}

	nine, err := c.At(plDay(2026, time.March, 29), calendar.Clock(9, 0, 0))
	require.NoError(t, err)
	assert.Equal(t, "2026-03-29 09:00:00 +02:00 CEST", nine.Format(layout), "09:00 is 09:00 on the day clocks go forward")
	nine, err = c.At(plDay(2150, time.October, 25), calendar.Clock(9, 0, 0))
	require.NoError(t, err)
	assert.Equal(t, "2150-10-25 09:00:00 +01:00 CET", nine.Format(layout), "09:00 is 09:00 on the day clocks go back")
}

// plCheck is one call and the result it must give, as text.
type plCheck struct {
	name string
	want string
	call func() (string, error)
}

func plDateResult(d calendar.Date, err error) (string, error) { return d.String(), err }

func plTimeResult(t time.Time, err error) (string, error) {
	return t.Format(time.RFC3339Nano), err
}

// plChecks lists calls on c and their results, every one worked out before any
// goroutine starts: holidays and business days from the rules, the rest by hand.
// closed is a day c has as a closure (or the zero Date); removed a day it has
// not as a holiday (or the zero Date).
func plChecks(c *calendar.Calendar, closed, removed calendar.Date) []plCheck {
	loc := calendar.Warsaw()
	at := func(y int, m time.Month, d, h, min int) time.Time { return time.Date(y, m, d, h, min, 0, 0, loc) }
	var out []plCheck

	for y := 2020; y <= 2030; y++ {
		var want []string // "YYYY-MM-DD Name", which sorts by date
		for _, h := range polandByRule(y) {
			if h.Date != removed {
				want = append(want, h.String())
			}
		}
		if closed.Year == y {
			want = append(want, closed.String()+" Firmowy dzień wolny")
		}
		sort.Strings(want)
		out = append(out, plCheck{fmt.Sprintf("Holidays(%d)", y), fmt.Sprint(want), func() (string, error) {
			hs, err := c.Holidays(y)
			var s []string
			for _, h := range hs {
				s = append(s, h.String())
			}
			return fmt.Sprint(s), err
		}})
	}
	for d := plDay(2025, time.December, 1); d.Before(plDay(2027, time.January, 1)); d = plAddDays(d, 1) {
		want := polandBusinessByRule(d)
		switch d {
		case closed:
			want = false
		case removed:
			want = true
		}
		out = append(out, plCheck{"IsBusinessDay " + d.String(), fmt.Sprint(want), func() (string, error) {
			b, err := c.IsBusinessDay(d)
			return fmt.Sprint(b), err
		}})
	}
	add := func(d calendar.Date, n int, want string) {
		out = append(out, plCheck{fmt.Sprintf("AddBusinessDays(%s, %d)", d, n), want, func() (string, error) {
			return plDateResult(c.AddBusinessDays(d, n))
		}})
	}
	add(plDay(2025, time.December, 23), 1, "2025-12-29")
	add(plDay(2026, time.April, 30), 1, "2026-05-04")
	add(plDay(2026, time.May, 4), -3, "2026-04-28")
	add(plDay(2026, time.August, 14), 1, "2026-08-17")

	sched := func(name string, w calendar.Window, want string, f func(s *calendar.Schedule) (string, error)) {
		out = append(out, plCheck{w.String() + " " + name, want, func() (string, error) {
			s, err := c.Schedule(w)
			if err != nil {
				return "", err
			}
			return f(s)
		}})
	}
	// 8x5 from Tue 10 Nov 2026 15:00: two hours on Tuesday, then Thursday from
	// 09:00 when 11 Nov is a holiday, Wednesday from 09:00 when it is removed.
	want8x5 := "2026-11-12T11:00:00+01:00"
	if removed == plDay(2026, time.November, 11) {
		want8x5 = "2026-11-11T11:00:00+01:00"
	}
	sched("Add 4h over 11 Nov", calendar.Window8x5(), want8x5, func(s *calendar.Schedule) (string, error) {
		return plTimeResult(s.Add(at(2026, time.November, 10, 15, 0), 4*time.Hour))
	})
	// 9x5 from Thu 30 Apr 2026 16:00: two hours to 18:00, 1 May a holiday, a
	// weekend, then one hour from 09:00 on Mon 4 May.
	sched("Add 3h over 1 May", calendar.Window9x5(), "2026-05-04T10:00:00+02:00", func(s *calendar.Schedule) (string, error) {
		return plTimeResult(s.Add(at(2026, time.April, 30, 16, 0), 3*time.Hour))
	})
	// 24x7 on the night clocks go forward: 01:30 CET + 4 real hours is 06:30 CEST.
	sched("Add 4h on 29 Mar 2026", calendar.Window24x7(), "2026-03-29T06:30:00+02:00", func(s *calendar.Schedule) (string, error) {
		return plTimeResult(s.Add(at(2026, time.March, 29, 1, 30), 4*time.Hour))
	})
	// 24x7 on the night clocks go back: 01:30 CEST + 4 real hours is 04:30 CET.
	sched("Add 4h on 25 Oct 2026", calendar.Window24x7(), "2026-10-25T04:30:00+01:00", func(s *calendar.Schedule) (string, error) {
		return plTimeResult(s.Add(at(2026, time.October, 25, 1, 30), 4*time.Hour))
	})
	// 8x5 over Christmas 2025: Tue 23 Dec 09:00-17:00 and Mon 29 Dec 09:00-17:00.
	sched("Between 23 and 29 Dec 2025", calendar.Window8x5(), "16h0m0s", func(s *calendar.Schedule) (string, error) {
		d, err := s.Between(at(2025, time.December, 23, 9, 0), at(2025, time.December, 29, 17, 0))
		return d.String(), err
	})
	// The whole of 25 Oct 2026 under 24x7 is 25 hours.
	sched("Between over 25 Oct 2026", calendar.Window24x7(), "25h0m0s", func(s *calendar.Schedule) (string, error) {
		d, err := s.Between(at(2026, time.October, 25, 0, 0), at(2026, time.October, 26, 0, 0))
		return d.String(), err
	})
	// 8x5 at Friday 14 Aug 2026 17:00: the Saturday holiday and Sunday are closed anyway.
	sched("NextOpen after Fri 14 Aug 2026", calendar.Window8x5(), "2026-08-17T09:00:00+02:00", func(s *calendar.Schedule) (string, error) {
		return plTimeResult(s.NextOpen(at(2026, time.August, 14, 17, 0)))
	})
	// 9x5 on New Year's Eve 2025 after the close: 1 Jan holiday, then Fri 2 Jan
	// unless it is a closure, then Mon 5 Jan.
	wantJan := "2026-01-02T09:00:00+01:00"
	if closed == plDay(2026, time.January, 2) {
		wantJan = "2026-01-05T09:00:00+01:00"
	}
	sched("NextOpen after 31 Dec 2025", calendar.Window9x5(), wantJan, func(s *calendar.Schedule) (string, error) {
		return plTimeResult(s.NextOpen(at(2025, time.December, 31, 18, 0)))
	})
	return out
}

// One calendar, many goroutines: every result must be the one worked out before
// they started. A fresh calendar whose schedules are built by the goroutines
// themselves checks the lazy, shared schedule cache under the race detector.
func TestPolandConcurrentUse(t *testing.T) {
	closure := plDay(2026, time.January, 2)
	removed := plDay(2026, time.November, 11)
	opts := []calendar.Option{calendar.WithClosure(closure, "Firmowy dzień wolny"), calendar.WithoutHoliday(removed)}

	custom, err := calendar.NewPoland(opts...)
	require.NoError(t, err)
	checks := append(plChecks(calendar.Poland(), calendar.Date{}, calendar.Date{}),
		plChecks(custom, closure, removed)...)

	// Sequentially first: a wrong expectation fails here, not in a goroutine.
	for _, ck := range checks {
		got, err := ck.call()
		require.NoError(t, err, ck.name)
		require.Equal(t, ck.want, got, ck.name)
	}

	// Twins built now, used first by the goroutines: their schedules do not exist yet.
	twin, err := calendar.NewPoland(opts...)
	require.NoError(t, err)
	checks = append(checks, plChecks(twin, closure, removed)...)
	windows := []calendar.Window{calendar.Window8x5(), calendar.Window9x5(), calendar.Window24x7()}

	const workers = 16
	var wg sync.WaitGroup
	start := make(chan struct{})
	schedules := make([][]*calendar.Schedule, workers)
	for g := 0; g < workers; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			r := rand.New(rand.NewPCG(uint64(g), 7))
			<-start
			// Every goroutine asks for the twin's schedules at once.
			for _, w := range windows {
				s, err := twin.Schedule(w)
				if assert.NoError(t, err) {
					schedules[g] = append(schedules[g], s)
				}
			}
			for round := 0; round < 3; round++ {
				for _, k := range r.Perm(len(checks)) {
					got, err := checks[k].call()
					if !assert.NoError(t, err, checks[k].name) || !assert.Equal(t, checks[k].want, got, checks[k].name) {
						return
					}
				}
			}
		}(g)
	}
	close(start)
	wg.Wait()

	for g := 1; g < workers; g++ {
		require.Len(t, schedules[g], len(windows))
		for k := range windows {
			assert.Same(t, schedules[0][k], schedules[g][k], "one schedule per window, shared by all goroutines")
		}
	}
}

// errors.Is and errors.As see through wrapping by a caller.
func TestPolandErrorsWrap(t *testing.T) {
	_, err := calendar.Poland().IsBusinessDay(plDay(2201, time.January, 1))
	wrapped := fmt.Errorf("deadline: %w", err)
	assert.True(t, errors.Is(wrapped, calendar.ErrOutOfRange))
	var re *calendar.RangeError
	assert.True(t, errors.As(wrapped, &re))
}

package main

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/slaclock/slaclock/calendar"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The expected outputs below are written from SPEC.md section 2 with the dates
// and weekdays checked on a calendar (Python's datetime, Gauss's Easter), not
// copied from the program's output.

// Holiday names as the calendar gives them (the act's wording).
const (
	nNewYear       = "Nowy Rok"
	nThreeKings    = "Święto Trzech Króli"
	nEaster        = "pierwszy dzień Wielkiej Nocy"
	nEasterMonday  = "drugi dzień Wielkiej Nocy"
	nMay1          = "Święto Państwowe"
	nMay3          = "Święto Narodowe Trzeciego Maja"
	nPentecost     = "pierwszy dzień Zielonych Świątek"
	nCorpusChristi = "dzień Bożego Ciała"
	nAssumption    = "Wniebowzięcie Najświętszej Maryi Panny"
	nAllSaints     = "Wszystkich Świętych"
	nIndependence  = "Narodowe Święto Niepodległości"
	nChristmasEve  = "Wigilia Bożego Narodzenia"
	nChristmas1    = "pierwszy dzień Bożego Narodzenia"
	nChristmas2    = "drugi dzień Bożego Narodzenia"
)

// holidays2010 are the holidays of 2010, the last year without Epiphany.
var holidays2010 = lines(
	"2010-01-01\tFriday\t"+nNewYear,
	"2010-04-04\tSunday\t"+nEaster,
	"2010-04-05\tMonday\t"+nEasterMonday,
	"2010-05-01\tSaturday\t"+nMay1,
	"2010-05-03\tMonday\t"+nMay3,
	"2010-05-23\tSunday\t"+nPentecost,
	"2010-06-03\tThursday\t"+nCorpusChristi,
	"2010-08-15\tSunday\t"+nAssumption,
	"2010-11-01\tMonday\t"+nAllSaints,
	"2010-11-11\tThursday\t"+nIndependence,
	"2010-12-25\tSaturday\t"+nChristmas1,
	"2010-12-26\tSunday\t"+nChristmas2,
)

func lines(ls ...string) string { return strings.Join(ls, "\n") + "\n" }

// call runs the program and returns its exit status, stdout and stderr.
func call(args ...string) (int, string, string) {
	var out, errOut bytes.Buffer
	code := run(args, &out, &errOut)
	return code, out.String(), errOut.String()
}

func TestYear(t *testing.T) {
	tests := []struct {
		name string
		year string
		want string
	}{
		{
			name: "2026: Epiphany and Wigilia are holidays; Saturday 15 Aug and 26 Dec give no day off",
			year: "2026",
			want: lines(
				"2026-01-01\tThursday\t"+nNewYear,
				"2026-01-06\tTuesday\t"+nThreeKings,
				"2026-04-05\tSunday\t"+nEaster,
				"2026-04-06\tMonday\t"+nEasterMonday,
				"2026-05-01\tFriday\t"+nMay1,
				"2026-05-03\tSunday\t"+nMay3,
				"2026-05-24\tSunday\t"+nPentecost,
				"2026-06-04\tThursday\t"+nCorpusChristi,
				"2026-08-15\tSaturday\t"+nAssumption,
				"2026-11-01\tSunday\t"+nAllSaints,
				"2026-11-11\tWednesday\t"+nIndependence,
				"2026-12-24\tThursday\t"+nChristmasEve,
				"2026-12-25\tFriday\t"+nChristmas1,
				"2026-12-26\tSaturday\t"+nChristmas2,
				"",
				"business days per month:",
				"2026-01\t20", "2026-02\t20", "2026-03\t22", "2026-04\t21",
				"2026-05\t20", "2026-06\t21", "2026-07\t23", "2026-08\t21",
				"2026-09\t22", "2026-10\t22", "2026-11\t20", "2026-12\t21",
				"total\t253",
			),
		},
		{
			name: "2024: Wigilia is still a business day (a holiday from 2025)",
			year: "2024",
			want: lines(
				"2024-01-01\tMonday\t"+nNewYear,
				"2024-01-06\tSaturday\t"+nThreeKings,
				"2024-03-31\tSunday\t"+nEaster,
				"2024-04-01\tMonday\t"+nEasterMonday,
				"2024-05-01\tWednesday\t"+nMay1,
				"2024-05-03\tFriday\t"+nMay3,
				"2024-05-19\tSunday\t"+nPentecost,
				"2024-05-30\tThursday\t"+nCorpusChristi,
				"2024-08-15\tThursday\t"+nAssumption,
				"2024-11-01\tFriday\t"+nAllSaints,
				"2024-11-11\tMonday\t"+nIndependence,
				"2024-12-25\tWednesday\t"+nChristmas1,
				"2024-12-26\tThursday\t"+nChristmas2,
				"",
				"business days per month:",
				"2024-01\t22", "2024-02\t21", "2024-03\t21", "2024-04\t21",
				"2024-05\t20", "2024-06\t20", "2024-07\t23", "2024-08\t21",
				"2024-09\t21", "2024-10\t23", "2024-11\t19", "2024-12\t20",
				"total\t252",
			),
		},
		{
			name: "2010: no Epiphany before 2011, so 6 Jan (a Wednesday) is a business day",
			year: " 2010 ",
			want: holidays2010 + lines(
				"",
				"business days per month:",
				"2010-01\t20", "2010-02\t20", "2010-03\t23", "2010-04\t21",
				"2010-05\t20", "2010-06\t21", "2010-07\t22", "2010-08\t22",
				"2010-09\t22", "2010-10\t21", "2010-11\t20", "2010-12\t23",
				"total\t255",
			),
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errOut := call("-year", tc.year)
			require.Equal(t, 0, code, errOut)
			assert.Equal(t, tc.want, out)
			assert.Empty(t, errOut)
		})
	}
}

func TestYearRange(t *testing.T) {
	t.Run("2010-2011: the holidays of both years and no monthly counts", func(t *testing.T) {
		code, out, errOut := call("-year", "2010-2011")
		require.Equal(t, 0, code, errOut)
		assert.Equal(t, holidays2010+lines(
			"2011-01-01\tSaturday\t"+nNewYear,
			"2011-01-06\tThursday\t"+nThreeKings,
			"2011-04-24\tSunday\t"+nEaster,
			"2011-04-25\tMonday\t"+nEasterMonday,
			"2011-05-01\tSunday\t"+nMay1,
			"2011-05-03\tTuesday\t"+nMay3,
			"2011-06-12\tSunday\t"+nPentecost,
			"2011-06-23\tThursday\t"+nCorpusChristi,
			"2011-08-15\tMonday\t"+nAssumption,
			"2011-11-01\tTuesday\t"+nAllSaints,
			"2011-11-11\tFriday\t"+nIndependence,
			"2011-12-25\tSunday\t"+nChristmas1,
			"2011-12-26\tMonday\t"+nChristmas2,
		), out)
	})

	t.Run("1990-2200: every holiday of the supported range, one line each", func(t *testing.T) {
		code, out, errOut := call("-year", "1990-2200")
		require.Equal(t, 0, code, errOut)
		got := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
		// 12 holidays a year in 1990-2010, 13 in 2011-2024 (Epiphany), 14 from
		// 2025 (Wigilia).
		assert.Len(t, got, 21*12+14*13+176*14)
		assert.Equal(t, "1990-01-01\tMonday\t"+nNewYear, got[0])
		assert.Equal(t, "1990-04-15\tSunday\t"+nEaster, got[1])
		assert.Equal(t, "2200-12-26\tFriday\t"+nChristmas2, got[len(got)-1])
		prev := ""
		for _, l := range got {
			f := strings.Split(l, "\t")
			require.Len(t, f, 3, "line %q", l)
			assert.Greater(t, f[0], prev, "lines in date order")
			prev = f[0]
		}
		assert.NotContains(t, out, "business days", "a range has no monthly counts")
	})

	t.Run("a range of one year is a year without the counts", func(t *testing.T) {
		code, out, _ := call("-year", "2026-2026")
		require.Equal(t, 0, code)
		assert.Equal(t, 14, strings.Count(out, "\n"))
	})
}

func TestMonth(t *testing.T) {
	tests := []struct {
		name  string
		month string
		want  string
	}{
		{
			name:  "December 2026 starts on a Tuesday; Wigilia and Christmas marked, the Saturday holiday too",
			month: "2026-12",
			want: lines(
				"December 2026",
				" Mo  Tu  We  Th  Fr  Sa  Su",
				"      1   2   3   4   5~  6~",
				"  7   8   9  10  11  12~ 13~",
				" 14  15  16  17  18  19~ 20~",
				" 21  22  23  24* 25* 26* 27~",
				" 28  29  30  31",
				"* holiday  ~ weekend  business days: 21",
				"2026-12-24\tThursday\t"+nChristmasEve,
				"2026-12-25\tFriday\t"+nChristmas1,
				"2026-12-26\tSaturday\t"+nChristmas2,
			),
		},
		{
			name:  "March 2026 starts on a Sunday and has no holiday",
			month: "2026-03",
			want: lines(
				"March 2026",
				" Mo  Tu  We  Th  Fr  Sa  Su",
				"                          1~",
				"  2   3   4   5   6   7~  8~",
				"  9  10  11  12  13  14~ 15~",
				" 16  17  18  19  20  21~ 22~",
				" 23  24  25  26  27  28~ 29~",
				" 30  31",
				"* holiday  ~ weekend  business days: 22",
			),
		},
		{
			name:  "June 2026 starts on a Monday; Corpus Christi on Thursday 4 June",
			month: "2026-06",
			want: lines(
				"June 2026",
				" Mo  Tu  We  Th  Fr  Sa  Su",
				"  1   2   3   4*  5   6~  7~",
				"  8   9  10  11  12  13~ 14~",
				" 15  16  17  18  19  20~ 21~",
				" 22  23  24  25  26  27~ 28~",
				" 29  30",
				"* holiday  ~ weekend  business days: 21",
				"2026-06-04\tThursday\t"+nCorpusChristi,
			),
		},
		{
			name:  "February 2027 is exactly four weeks, Monday to Sunday",
			month: "2027-02",
			want: lines(
				"February 2027",
				" Mo  Tu  We  Th  Fr  Sa  Su",
				"  1   2   3   4   5   6~  7~",
				"  8   9  10  11  12  13~ 14~",
				" 15  16  17  18  19  20~ 21~",
				" 22  23  24  25  26  27~ 28~",
				"* holiday  ~ weekend  business days: 20",
			),
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errOut := call("-month", tc.month)
			require.Equal(t, 0, code, errOut)
			assert.Equal(t, tc.want, out)
		})
	}
}

func TestBadArguments(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want string // in the message on stderr
	}{
		{"no flag", nil, "give -year"},
		{"both flags", []string{"-year", "2026", "-month", "2026-12"}, "not both"},
		{"an argument left over", []string{"-year", "2026", "extra"}, `unexpected argument "extra"`},
		{"an unknown flag", []string{"-bogus"}, "-bogus"},
		{"a year that is not a number", []string{"-year", "abc"}, `-year "abc"`},
		{"a two-digit year", []string{"-year", "26"}, `-year "26"`},
		{"a signed year", []string{"-year", "+2026"}, `-year "+2026"`},
		{"an empty year", []string{"-year", ""}, `-year ""`},
		{"a range with no end", []string{"-year", "2026-"}, `-year "2026-"`},
		{"a range of three parts", []string{"-year", "2020-2025-2030"}, `-year "2020-2025-2030"`},
		{"a range that ends before it starts", []string{"-year", "2026-2025"}, "ends before it starts"},
		{"a year before 1990", []string{"-year", "1989"}, "year 1989 is outside"},
		{"a year after 2200", []string{"-year", "2201"}, "year 2201 is outside"},
		{"a range that leaves the calendar", []string{"-year", "2200-2201"}, "year 2201 is outside"},
		{"a month 13", []string{"-month", "2026-13"}, `-month "2026-13"`},
		{"a month 0", []string{"-month", "2026-00"}, `-month "2026-00"`},
		{"a one-digit month", []string{"-month", "2026-1"}, `-month "2026-1"`},
		{"a month with a day", []string{"-month", "2026-12-01"}, `-month "2026-12-01"`},
		{"a month without a year", []string{"-month", "12"}, `-month "12"`},
		{"a month outside the calendar", []string{"-month", "1989-12"}, "year 1989 is outside"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errOut := call(tc.args...)
			assert.Equal(t, 2, code)
			assert.Empty(t, out, "nothing on stdout")
			assert.Contains(t, errOut, tc.want)
			assert.Contains(t, errOut, "usage: calendar", "the usage follows the message")
		})
	}
}

func TestHelp(t *testing.T) {
	code, out, errOut := call("-h")
	assert.Equal(t, 0, code)
	assert.Empty(t, out)
	assert.Contains(t, errOut, "usage: calendar")
}

// failingWriter refuses every write.
type failingWriter struct{}

var errDiskFull = errors.New("disk full")

func (failingWriter) Write([]byte) (int, error) { return 0, errDiskFull }

func TestWriteError(t *testing.T) {
	for _, args := range [][]string{{"-year", "2026"}, {"-year", "1990-2200"}, {"-month", "2026-12"}} {
		var errOut bytes.Buffer
		code := run(args, failingWriter{}, &errOut)
		assert.Equal(t, 1, code, "%v", args)
		assert.Contains(t, errOut.String(), "disk full", "%v", args)
	}
}

// -year with -ics writes an iCalendar file that parses back to the same
// holidays; without -stamp its DTSTAMP is 1 January of the first year, 00:00 UTC.
func TestYearICS(t *testing.T) {
	var out, errOut bytes.Buffer
	require.Equal(t, 0, run([]string{"-year", "2026-2027", "-ics"}, &out, &errOut), errOut.String())
	assert.Contains(t, out.String(), "DTSTAMP:20260101T000000Z")
	back, err := calendar.New(calendar.InLocation(calendar.Warsaw()), calendar.WithClosuresICS(bytes.NewReader(out.Bytes())))
	require.NoError(t, err)
	got, err := back.HolidaysBetween(calendar.Date{Year: 2026, Month: 1, Day: 1}, calendar.Date{Year: 2027, Month: 12, Day: 31})
	require.NoError(t, err)
	assert.Len(t, got, 28, "14 statutory holidays a year")
	h, ok, err := back.HolidayOn(calendar.Date{Year: 2026, Month: 12, Day: 24})
	require.NoError(t, err)
	require.True(t, ok)
	assert.Equal(t, "Wigilia Bożego Narodzenia", h.Name)

	out.Reset()
	require.Equal(t, 0, run([]string{"-year", "2026", "-ics", "-stamp", "2025-12-01T10:00:00+01:00"}, &out, &errOut))
	assert.Contains(t, out.String(), "DTSTAMP:20251201T090000Z")
	assert.Equal(t, 2, run([]string{"-year", "2026", "-stamp", "2025-12-01T10:00:00Z"}, &out, &errOut), "-stamp without -ics")
	assert.Equal(t, 2, run([]string{"-month", "2026-12", "-ics"}, &out, &errOut), "-ics without -year")
	assert.Equal(t, 2, run([]string{"-year", "2026", "-ics", "-stamp", "yesterday"}, &out, &errOut), "a bad -stamp")
}

// Command calendar prints the Polish business calendar that slaclock computes
// with: the statutory holidays of a year or of a range of years, and a month as
// a grid.
//
//	go run ./examples/calendar -year 2026
//	go run ./examples/calendar -year 1990-2200
//	go run ./examples/calendar -month 2026-12
//	go run ./examples/calendar -year 2026 -ics > holidays.ics
//
// -year Y prints the holidays of year Y, one per line as
// "YYYY-MM-DD<TAB>weekday<TAB>Polish name" (holidays on a weekend included:
// they give no weekday off), then a blank line, the line "business days per
// month:", one line "YYYY-MM<TAB>count" for each month and a last line
// "total<TAB>count".
//
// -year A-B prints the holidays of every year from A to B, both included, in
// the same line format, with no monthly counts.
//
// -month YYYY-MM prints the month as a grid, Monday first, with each holiday
// marked "*" and each other weekend day marked "~", a legend with the month's
// business days, and the month's holidays in the -year line format.
//
// -year with -ics writes the holidays of the year or range as an iCalendar
// (RFC 5545) file instead, one all-day event per holiday with a stable UID
// (Calendar.WriteICS). Every event's DTSTAMP is -stamp (RFC 3339) when given,
// and otherwise 00:00 UTC on 1 January of the first year exported, so the
// output depends only on the arguments, never on the clock.
//
// Years from 1990 to 2200 are covered. Exactly one of -year and -month is
// given. The exit status is 0 when the calendar is printed (and for -h), 1 when
// it cannot be written, and 2 for bad usage: an unknown flag, an argument left
// over, neither or both of -year and -month, a value that does not parse or a
// year outside the range.
package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/slaclock/slaclock/calendar"
)

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

// run is the program: it parses args, writes the calendar to stdout and
// problems to stderr, and returns the exit status.
func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("calendar", flag.ContinueOnError)
	fs.SetOutput(stderr)
	yearText := fs.String("year", "", "a year (2026) or a range of years (1990-2200): its holidays and, for one year, the business days per month")
	icsOut := fs.Bool("ics", false, "with -year: write the holidays as an iCalendar (.ics) file")
	stampText := fs.String("stamp", "", "with -ics: the DTSTAMP of every event, RFC 3339 (default: 00:00 UTC on 1 January of the first year)")
	monthText := fs.String("month", "", "a month (2026-12): a grid with holidays and weekends marked")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: calendar -year 2026 | -year 1990-2200 [-ics [-stamp RFC3339]] | -month 2026-12")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2 // the flag package has printed the problem and the usage
	}
	usage := func(format string, a ...any) int {
		fmt.Fprintf(stderr, "calendar: "+format+"\n", a...)
		fs.Usage()
		return 2
	}
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	switch {
	case fs.NArg() > 0:
		return usage("unexpected argument %q: give -year or -month", fs.Arg(0))
	case set["year"] && set["month"]:
		return usage("give -year or -month, not both")
	case !set["year"] && !set["month"]:
		return usage("give -year (2026 or 1990-2200) or -month (2026-12)")
	case (*icsOut || set["stamp"]) && !set["year"]:
		return usage("-ics and -stamp go with -year")
	case set["stamp"] && !*icsOut:
		return usage("-stamp goes with -ics")
	}

	cal := calendar.Poland()
	w := bufio.NewWriter(stdout)
	if set["year"] {
		from, to, isRange, err := parseYears(*yearText, cal)
		if err != nil {
			return usage("%v", err)
		}
		if *icsOut {
			stamp := time.Date(from, time.January, 1, 0, 0, 0, 0, time.UTC)
			if set["stamp"] {
				if stamp, err = time.Parse(time.RFC3339, *stampText); err != nil {
					return usage("-stamp %q: want an RFC 3339 instant such as 2026-01-01T00:00:00Z", *stampText)
				}
			}
			if err := cal.WriteICS(w, from, to, stamp); err != nil {
				return fail(stderr, err)
			}
		} else if err := writeYears(w, cal, from, to, !isRange); err != nil {
			return fail(stderr, err)
		}
	} else {
		year, month, err := parseMonth(*monthText, cal)
		if err != nil {
			return usage("%v", err)
		}
		if err := writeMonth(w, cal, year, month); err != nil {
			return fail(stderr, err)
		}
	}
	if err := w.Flush(); err != nil {
		return fail(stderr, err)
	}
	return 0
}

// fail reports an error of the program itself (not of its usage).
func fail(stderr io.Writer, err error) int {
	fmt.Fprintf(stderr, "calendar: %v\n", err)
	return 1
}

// parseYears parses -year: "2026" or "1990-2200", years the calendar covers,
// the first not after the last. isRange tells which form was given ("2026-2026"
// is a range).
func parseYears(s string, cal *calendar.Calendar) (from, to int, isRange bool, err error) {
	bad := fmt.Errorf("-year %q: want a year such as 2026 or a range such as 1990-2200", s)
	var a, b string
	a, b, isRange = strings.Cut(strings.TrimSpace(s), "-")
	if from, err = parseYear(a); err != nil {
		return 0, 0, false, bad
	}
	to = from
	if isRange {
		if to, err = parseYear(b); err != nil {
			return 0, 0, false, bad
		}
	}
	if from > to {
		return 0, 0, false, fmt.Errorf("-year %q: the range ends before it starts", s)
	}
	if err := checkYear("-year", s, from, cal); err != nil {
		return 0, 0, false, err
	}
	return from, to, isRange, checkYear("-year", s, to, cal)
}

// parseMonth parses -month: "YYYY-MM" in a year the calendar covers.
func parseMonth(s string, cal *calendar.Calendar) (int, time.Month, error) {
	bad := fmt.Errorf("-month %q: want a year and a month such as 2026-12", s)
	y, m, ok := strings.Cut(strings.TrimSpace(s), "-")
	if !ok || len(m) != 2 {
		return 0, 0, bad
	}
	year, err := parseYear(y)
	if err != nil {
		return 0, 0, bad
	}
	month, err := strconv.Atoi(m)
	if err != nil || month < 1 || month > 12 || m[0] == '+' || m[0] == '-' {
		return 0, 0, bad
	}
	return year, time.Month(month), checkYear("-month", s, year, cal)
}

// parseYear parses four decimal digits.
func parseYear(s string) (int, error) {
	if len(s) != 4 {
		return 0, strconv.ErrSyntax
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return 0, strconv.ErrSyntax
		}
	}
	return strconv.Atoi(s)
}

// checkYear reports a year the calendar does not cover.
func checkYear(flagName, value string, year int, cal *calendar.Calendar) error {
	if year < cal.First().Year || year > cal.Last().Year {
		return fmt.Errorf("%s %q: year %d is outside the calendar's range %d-%d",
			flagName, value, year, cal.First().Year, cal.Last().Year)
	}
	return nil
}

// writeYears writes the holidays of the years from..to; with counts (-year
// given one year, not a range), the business days per month and in total
// follow.
func writeYears(w io.Writer, cal *calendar.Calendar, from, to int, counts bool) error {
	hs, err := cal.HolidaysBetween(calendar.NewDate(from, time.January, 1), calendar.NewDate(to, time.December, 31))
	if err != nil {
		return err
	}
	for _, h := range hs {
		if _, err := writeHoliday(w, h); err != nil {
			return err
		}
	}
	if !counts {
		return nil
	}
	fmt.Fprintf(w, "\nbusiness days per month:\n")
	total := 0
	for m := time.January; m <= time.December; m++ {
		n, err := businessDays(cal, from, m)
		if err != nil {
			return err
		}
		total += n
		fmt.Fprintf(w, "%04d-%02d\t%d\n", from, int(m), n)
	}
	_, err = fmt.Fprintf(w, "total\t%d\n", total)
	return err
}

// writeHoliday writes one holiday line: date, weekday, name.
func writeHoliday(w io.Writer, h calendar.Holiday) (int, error) {
	return fmt.Fprintf(w, "%s\t%s\t%s\n", h.Date, h.Date.Weekday(), h.Name)
}

// businessDays counts the business days of a month: those after its first day
// up to its last (Calendar.BusinessDaysBetween), and the first day itself.
func businessDays(cal *calendar.Calendar, year int, month time.Month) (int, error) {
	first := calendar.NewDate(year, month, 1)
	last := calendar.NewDate(year, month+1, 1).AddDays(-1) // NewDate normalises month 13
	n, err := cal.BusinessDaysBetween(first, last)
	if err != nil {
		return 0, err
	}
	ok, err := cal.IsBusinessDay(first)
	if ok {
		n++
	}
	return n, err
}

// writeMonth writes a month as a grid, Monday first: each day is a cell of four
// characters, the day's number right-aligned in three and a mark: "*" for a
// holiday (on any weekday), "~" for another day outside the work week.
func writeMonth(w io.Writer, cal *calendar.Calendar, year int, month time.Month) error {
	first := calendar.NewDate(year, month, 1)
	fmt.Fprintf(w, "%s %d\n", month, year)
	var line strings.Builder
	for _, name := range []string{"Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"} {
		fmt.Fprintf(&line, "%3s ", name)
	}
	fmt.Fprintln(w, strings.TrimRight(line.String(), " "))
	line.Reset()
	line.WriteString(strings.Repeat("    ", (int(first.Weekday())+6)%7))
	var holidays []calendar.Holiday
	business := 0
	for d := first; d.Month == month; d = d.AddDays(1) {
		h, isHoliday, err := cal.HolidayOn(d)
		if err != nil {
			return err
		}
		isBusiness, err := cal.IsBusinessDay(d)
		if err != nil {
			return err
		}
		mark := ' '
		switch {
		case isHoliday:
			mark = '*'
			holidays = append(holidays, h)
		case !isBusiness:
			mark = '~'
		default:
			business++
		}
		fmt.Fprintf(&line, "%3d%c", d.Day, mark)
		if d.Weekday() == time.Sunday {
			fmt.Fprintln(w, strings.TrimRight(line.String(), " "))
			line.Reset()
		}
	}
	if line.Len() > 0 {
		fmt.Fprintln(w, strings.TrimRight(line.String(), " "))
	}
	fmt.Fprintf(w, "* holiday  ~ weekend  business days: %d\n", business)
	for _, h := range holidays {
		if _, err := writeHoliday(w, h); err != nil {
			return err
		}
	}
	return nil
}

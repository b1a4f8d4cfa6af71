// Command icsdeadlines writes the deadlines of two fixed requests as an
// iCalendar (RFC 5545) file (deadlineics.Write), the form a service desk
// subscribes to:
//
//	go run ./examples/icsdeadlines > deadlines.ics
//	go run ./examples/icsdeadlines -stamp 2026-11-16T12:00:00Z > deadlines.ics
//
// REQ-1 is a cocare-standard (9x5xNBD) request submitted and confirmed Mon 16
// Nov 2026 10:00 in Warsaw: response due Mon 11:00, delivery Tue 17 Nov 18:00
// (CET). REQ-2 is the same request with a hold from Mon 14:00 to 16:00, which
// moves its delivery to Wed 18 Nov 11:00 and raises its SEQUENCE.
//
// Every event's DTSTAMP is -stamp (RFC 3339), by default 2026-11-16T09:00:00Z,
// so the output depends only on the arguments, never on the clock. The exit
// status is 0 when the file is written (and for -h), 1 when it cannot be, and 2
// for bad usage.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/slaclock/slaclock/calendar"
	"github.com/slaclock/slaclock/deadlineics"
	"github.com/slaclock/slaclock/sla"
)

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

// run is the program: it parses args, writes the file to stdout and problems
// to stderr, and returns the exit status.
func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("icsdeadlines", flag.ContinueOnError)
	fs.SetOutput(stderr)
	stampText := fs.String("stamp", "2026-11-16T09:00:00Z", "the DTSTAMP of every event, RFC 3339")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "icsdeadlines: unexpected argument %q\n", fs.Arg(0))
		return 2
	}
	stamp, err := time.Parse(time.RFC3339, *stampText)
	if err != nil {
		fmt.Fprintf(stderr, "icsdeadlines: -stamp %q is not RFC 3339\n", *stampText)
		return 2
	}
	calc := sla.Default()
	mon := func(h, m int) time.Time { return time.Date(2026, time.November, 16, h, m, 0, 0, calendar.Warsaw()) }
	base := sla.Request{Service: sla.MustLookupService("cocare-standard"), Submitted: mon(10, 0), Confirmed: mon(10, 0)}
	held := base
	held.Holds = []sla.Hold{{From: mon(14, 0), To: mon(16, 0)}}
	var reqs []deadlineics.Request
	for _, r := range []struct {
		id  string
		req sla.Request
	}{{"REQ-1", base}, {"REQ-2", held}} {
		ds, err := calc.Explain(r.req)
		if err != nil {
			fmt.Fprintln(stderr, "icsdeadlines:", err)
			return 1
		}
		reqs = append(reqs, deadlineics.Request{ID: r.id, Deadlines: ds})
	}
	if err := deadlineics.Write(stdout, calc, reqs, stamp); err != nil {
		fmt.Fprintln(stderr, "icsdeadlines:", err)
		return 1
	}
	return 0
}

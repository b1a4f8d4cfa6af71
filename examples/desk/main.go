// Command desk replays a service desk's log of request events against a
// registry of contracts and reports where every request stands at one instant.
//
//	go run ./examples/desk -contracts examples/contracts.json -events examples/events.csv [-now 2026-11-23T12:00:00+01:00]
//
// It prints three sections:
//
//  1. Open requests: one row per service of each request that is not closed or
//     rejected: contract, serial, priority, the service id and the level that
//     applied to the request (9x5xNBD; 24x7x4 for a Premier P1), the last step,
//     the next deadline (the one due first whose event has not happened) and
//     when it is due, the time left in the level's coverage window
//     (sla.Progress.Left) and on the clock (Progress.LeftElapsed), the share of
//     the target used, a mark ("!" from 75 % used, Progress.Share >= 0.75; "!!"
//     once the deadline has passed) and, on marked rows, the escalation channel
//     (contract.Status.Escalation). The most urgent rows come first.
//  2. Compliance by service and month: for each service id and month of
//     submission (in Europe/Warsaw), the requests, and their deadlines
//     (response, ship-by, delivery, on-site, return) met, breached and still
//     open, kept apart; and the worst breach, the largest sla.Outcome.By among
//     the breached, with its contract and serial. An open request is judged at
//     the report time; a closed or rejected one at the time it ended, so a
//     deadline it never reached is not counted (a delivery deadline of a
//     request closed after a remote fix, say). Rows are sorted by service id,
//     then month.
//  3. Rejected lines: every line of the events file that was not applied, with
//     its line number and the reason. Replay goes on with the rest.
//
// # The events file
//
// A CSV file (RFC 4180, one record a line) with a header row naming the columns, in any order
// and any case: contract, serial, priority, event, time, and optionally
// description and id (the desk's own reference, used on the submitted event).
// Other columns are ignored. Lines starting with # are comments; blank lines
// are skipped. The fields:
//
//   - contract, serial: the service contract number and the failed device's
//     serial number, both required (compared ignoring case and spaces);
//   - priority: P1 to P4, or empty; it is read from the submitted event and
//     needed there for cocare-premier and cocare-premium-onsite;
//   - event: submitted, responded, confirmed, shipped, delivered, onsite,
//     returned, closed, rejected, hold (the request goes on hold: the clocks
//     counting from the confirmation stop), resumed (the hold ends) or
//     priority (the request's priority changes to the one in the priority
//     column), as contract.ParseStep accepts them, so on-site too;
//   - time: RFC 3339 with an offset (2026-11-23T12:00:00+01:00; Z for UTC).
//
// The lines are replayed in the order of the file (Desk): a device
// has one open request at a time, which a submitted event opens and closed or
// rejected ends. A line is rejected, and listed in section 3, when it has more
// or fewer fields than the header; when a field is empty (contract, serial) or
// does not parse (every bad field is named); when its time is after the report
// time; or when the desk refuses the event (contract.Desk.Apply's error: an
// unknown contract, a device the contract does not cover, a submission outside
// the contract's term, a missing priority, a step out of order, before the
// previous one or already recorded at another time, an event the calendar
// cannot take: dated after 2200, or giving a deadline past its end). A line
// that is not valid CSV (a stray quote) is rejected too: a record is one line,
// so a quote left open rejects its own line and replay goes on with the next.
// A UTF-8 byte order mark at the start of the file is skipped, also before a
// comment line.
//
// # The report time
//
// -now is the instant the report is made at, in RFC 3339 with an offset. Its
// default is the time of the latest event applied: the program never reads the
// clock, so the same files always give the same report. Events after the
// report time are not applied: the report knows nothing later.
//
// Times are printed in Europe/Warsaw ("Tue 17 Nov 18:00"); a deadline at
// midnight, the end of a day, is printed as 24:00 of that day. Durations are in
// hours and minutes, truncated to the minute ("67h00m"): a day is not always
// 24 hours.
//
// # Exit status
//
// 0 when the report is printed, whether or not lines were rejected, and for -h
// (the usage); 1 when the contracts file cannot be read or is invalid (every
// problem of the registry is printed), or the events file cannot be read or has
// no usable header; 2 for bad usage: an unknown flag, a missing -contracts or
// -events, an argument left over, or a -now that does not parse or is outside
// the calendar's range.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/slaclock/slaclock/contract"
	"github.com/slaclock/slaclock/sla"
)

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

// run is the program: it parses args, reads the files, writes the report to
// stdout and problems to stderr, and returns the exit status.
func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("desk", flag.ContinueOnError)
	fs.SetOutput(stderr)
	contractsPath := fs.String("contracts", "", "the registry of contracts, a JSON file (required)")
	eventsPath := fs.String("events", "", "the request events, a CSV file (required)")
	nowText := fs.String("now", "", "the report time, RFC 3339 with an offset (default: the latest time in the events file)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: desk -contracts contracts.json -events events.csv [-now 2026-11-23T12:00:00+01:00]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2 // the flag package has printed the problem and the usage
	}
	usage := func(format string, a ...any) int {
		fmt.Fprintf(stderr, "desk: "+format+"\n", a...)
		fs.Usage()
		return 2
	}
	switch {
	case fs.NArg() > 0:
		return usage("unexpected argument %q: every input is given with a flag", fs.Arg(0))
	case *contractsPath == "":
		return usage("-contracts is required: the registry of contracts, a JSON file")
	case *eventsPath == "":
		return usage("-events is required: the request events, a CSV file")
	}
	var now time.Time
	if *nowText != "" {
		var err error
		if now, err = parseNow(*nowText); err != nil {
			return usage("%v", err)
		}
	}

	reg, err := contract.LoadFile(*contractsPath, nil)
	if err != nil {
		fmt.Fprintf(stderr, "desk: contracts file %s is not usable:\n", *contractsPath)
		for _, line := range strings.Split(err.Error(), "\n") {
			fmt.Fprintf(stderr, "  %s\n", line)
		}
		return 1
	}
	f, err := os.Open(*eventsPath)
	if err != nil {
		fmt.Fprintf(stderr, "desk: events file: %v\n", err)
		return 1
	}
	defer f.Close()
	r, err := makeReport(reg, f, now)
	if err != nil {
		fmt.Fprintf(stderr, "desk: events file %s: %v\n", *eventsPath, err)
		return 1
	}
	r.Contracts, r.Events = *contractsPath, *eventsPath
	if err := r.write(stdout); err != nil {
		fmt.Fprintf(stderr, "desk: writing the report: %v\n", err)
		return 1
	}
	return 0
}

// parseNow parses the -now flag: RFC 3339 with an offset, on a day the calendar
// covers.
func parseNow(s string) (time.Time, error) {
	t, err := time.Parse(time.RFC3339, strings.TrimSpace(s))
	if err != nil {
		return time.Time{}, fmt.Errorf("-now %q: want RFC 3339 with an offset, such as 2026-11-23T12:00:00+01:00", s)
	}
	cal := sla.Default().Calendar()
	if day := cal.DateOf(t); day.Before(cal.First()) || day.After(cal.Last()) {
		return time.Time{}, fmt.Errorf("-now %q: outside the calendar's range %s to %s", s, cal.First(), cal.Last())
	}
	return t, nil
}

// makeReport reads the events and replays them at now (the latest applied
// event's time when now is zero) as it reads, and builds the three sections.
// A request is folded into the compliance summary when it ends and dropped;
// only the open ones are kept. The error is readEvents': a file that cannot be
// used at all.
func makeReport(reg *contract.Registry, events io.Reader, now time.Time) (*report, error) {
	r := &report{Now: now, NowGiven: !now.IsZero(), NContracts: len(reg.Contracts())}
	var sum compliance
	desk := NewDesk(reg, sum.add)
	var latest time.Time
	reject := func(rj rejection) { r.Rejected = append(r.Rejected, rj) }
	apply := func(ce csvEvent) {
		e := ce.Event
		rej := rejection{Line: ce.Line, Contract: e.Contract, Serial: e.Serial, Event: e.Step.String()}
		if r.NowGiven && e.At.After(now) {
			rej.Reason = "time " + e.At.Format(time.RFC3339) + ": after the report time " + now.Format(time.RFC3339)
			reject(rej)
			return
		}
		if err := desk.Apply(e, ce.Line); err != nil {
			rej.Reason = reasonOf(err)
			reject(rej)
			return
		}
		r.NEvents++
		if e.At.After(latest) {
			latest = e.At
		}
	}
	if err := readEvents(events, apply, reject); err != nil {
		return nil, err
	}
	if !r.NowGiven {
		r.Now = latest
	}
	r.NRequests = desk.Opened()
	late := false
	for _, o := range desk.Open() {
		st, err := o.q.Status(r.Now)
		if err != nil {
			// Not expected: every event was evaluated when it was applied. The
			// request is left out and said so, rather than the report dying.
			late = true
			r.Rejected = append(r.Rejected, rejection{Line: o.line, Contract: o.q.Contract().Number, Serial: o.q.Device().Serial,
				Event: contract.Submitted.String(), Reason: "the request cannot be reported at the report time: " + reasonOf(err)})
			continue
		}
		r.NOpen++
		r.Open = append(r.Open, openRows(o.q, st)...)
		sum.add(o.q, st)
	}
	if late {
		slices.SortStableFunc(r.Rejected, func(a, b rejection) int { return a.Line - b.Line })
	}
	sortOpen(r.Open)
	r.Summary = sum.sorted()
	return r, nil
}

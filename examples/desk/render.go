package main

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/slaclock/slaclock/calendar"
	"github.com/slaclock/slaclock/contract"
	"github.com/slaclock/slaclock/sla"
)

// The section headers of the report.
const (
	headerOpen     = "1. Open requests"
	headerSummary  = "2. Compliance by service and month"
	headerRejected = "3. Rejected lines"
)

// report is everything the program prints.
type report struct {
	Now        time.Time
	NowGiven   bool // -now was given; otherwise Now is the latest event time
	Contracts  string
	NContracts int
	Events     string
	NEvents    int // events applied
	NRequests  int
	NOpen      int // requests not closed or rejected
	Open       []openRow
	Summary    []summaryRow
	Rejected   []rejection
}

// write prints the report. Lines are trimmed of the blanks tabwriter pads
// empty cells at their end with.
func (r *report) write(w io.Writer) error {
	var b bytes.Buffer
	if err := r.body(&b); err != nil {
		return err
	}
	sc := bufio.NewScanner(&b)
	for sc.Scan() {
		if _, err := fmt.Fprintln(w, strings.TrimRight(sc.Text(), " ")); err != nil {
			return err
		}
	}
	return sc.Err()
}

func (r *report) body(w io.Writer) error {
	now := "(no events, no -now)"
	if !r.Now.IsZero() {
		now = r.Now.In(calendar.Warsaw()).Format("Mon 2 Jan 2006 15:04 MST")
		if r.NowGiven {
			now += " (-now)"
		} else {
			now += " (the latest event in the file; no -now given)"
		}
	}
	fmt.Fprintf(w, "Service desk report at %s\n", now)
	fmt.Fprintf(w, "contracts: %s (%d contracts)\n", r.Contracts, r.NContracts)
	fmt.Fprintf(w, "events:    %s (%d applied, %s rejected)\n", r.Events, r.NEvents, plural(len(r.Rejected), "line", "lines"))
	fmt.Fprintf(w, "requests:  %d, %d still open\n", r.NRequests, r.NOpen)

	fmt.Fprintf(w, "\n%s at the report time\n\n", headerOpen)
	if len(r.Open) == 0 {
		fmt.Fprintln(w, "(none)")
	} else {
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "CONTRACT\tSERIAL\tPRIO\tSERVICE\tLEVEL\tSTEP\tNEXT\tDUE\tLEFT (WINDOW)\tLEFT (ELAPSED)\tUSED\tMARK\tESCALATE TO")
		for _, o := range r.Open {
			q := o.Request
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t", q.Contract().Number, q.Device().Serial, fmtPriority(q.Priority()), o.Service.ID(), o.Level, q.Step())
			if o.Next == nil {
				next := "closure"
				if _, ok := q.Time(contract.Confirmed); !ok {
					next = "verification"
				}
				fmt.Fprintf(tw, "%s\t-\t-\t-\t-\t\t\n", next)
				continue
			}
			if o.Next.Status == sla.Paused {
				d := o.Next.Deadline
				fmt.Fprintf(tw, "%s\ton hold since %s\t%s\t-\t-\t\t\n", d.Kind, fmtTime(d.PausedSince), fmtDuration(d.Left))
				continue
			}
			p := o.Next.Progress
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", o.Next.Deadline.Kind, fmtTime(o.Next.Deadline.Due),
				fmtDuration(p.Left), fmtDuration(p.LeftElapsed), fmtShare(p.Share), mark(o.Next), fmtEscalation(o.Escalation))
		}
		if err := tw.Flush(); err != nil {
			return err
		}
		fmt.Fprintln(w)
		fmt.Fprintf(w, "One row per service of each request that is not closed or rejected, the most urgent first.\n")
		fmt.Fprintf(w, "LEFT (WINDOW) is time left in the level's coverage window, LEFT (ELAPSED) on the clock;\n")
		fmt.Fprintf(w, "USED is the share of the target used. MARK: ! at least 75 %% used, !! past the deadline (breached).\n")
		fmt.Fprintf(w, "NEXT verification or closure: no deadline is pending, the request waits for that step.\n")
		if slices.ContainsFunc(r.Open, func(o openRow) bool { return o.Next != nil && o.Next.Status == sla.Paused }) {
			fmt.Fprintf(w, "On hold: the deadline's clock is stopped; LEFT (WINDOW) is the window time left when it stopped.\n")
		}
	}

	fmt.Fprintf(w, "\n%s of submission (Europe/Warsaw)\n\n", headerSummary)
	if len(r.Summary) == 0 {
		fmt.Fprintln(w, "(none)")
	} else {
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "SERVICE\tMONTH\tREQUESTS\tMET\tBREACHED\tOPEN\tWORST BREACH")
		for _, s := range r.Summary {
			worst := "-"
			if s.Worst != nil {
				late := "late"
				if s.Worst.Pending {
					late = "late so far"
				}
				worst = fmt.Sprintf("%s %s %s, %s %s", s.Worst.Kind, fmtDuration(s.Worst.By), late, s.Worst.Contract, s.Worst.Serial)
			}
			fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%d\t%d\t%s\n", s.Service.ID(), s.Month, s.Requests, s.Met, s.Breached, s.Open, worst)
		}
		if err := tw.Flush(); err != nil {
			return err
		}
		fmt.Fprintln(w)
		fmt.Fprintf(w, "MET, BREACHED and OPEN count deadlines (response, ship-by, delivery, on-site, return):\n")
		fmt.Fprintf(w, "met and breached are decided; open ones are still running at the report time.\n")
		fmt.Fprintf(w, "A request under a contract with two services counts under both. A closed or rejected\n")
		fmt.Fprintf(w, "request is judged at its end: a deadline it never reached is not counted.\n")
	}

	fmt.Fprintf(w, "\n%s of %s\n\n", headerRejected, r.Events)
	if len(r.Rejected) == 0 {
		fmt.Fprintln(w, "(none)")
		return nil
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "LINE\tCONTRACT\tSERIAL\tEVENT\tREASON")
	for _, rj := range r.Rejected {
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\n", rj.Line, orDash(rj.Contract), orDash(rj.Serial), orDash(rj.Event), rj.Reason)
	}
	return tw.Flush()
}

// mark is "!!" for a deadline that has passed, "!" for one with at least 75 %
// of its target used, "" otherwise.
func mark(d *contract.DeadlineStatus) string {
	switch {
	case d.Status == sla.Breached:
		return "!!"
	case d.Actual.IsZero() && d.Progress.Reached(sla.DefaultSettings().EscalationShare):
		return "!"
	}
	return ""
}

// fmtTime writes an instant in Europe/Warsaw as "Tue 17 Nov 18:00"; midnight,
// the end of a day, is written as 24:00 of the day before.
func fmtTime(t time.Time) string {
	t = t.In(calendar.Warsaw())
	if t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0 && t.Nanosecond() == 0 {
		return t.AddDate(0, 0, -1).Format("Mon 2 Jan") + " 24:00"
	}
	return t.Format("Mon 2 Jan 15:04")
}

// fmtDuration writes a duration in hours and minutes, truncated to the minute:
// "45m", "2h30m", "67h00m", "-3h00m". Days are not used: a day is not always
// 24 hours.
func fmtDuration(d time.Duration) string {
	sign := ""
	if d < 0 {
		sign, d = "-", -d
	}
	d = d.Truncate(time.Minute)
	if d == 0 {
		return "0m"
	}
	h, m := int64(d/time.Hour), int64(d%time.Hour/time.Minute)
	if h == 0 {
		return sign + strconv.FormatInt(m, 10) + "m"
	}
	return fmt.Sprintf("%s%dh%02dm", sign, h, m)
}

// fmtShare writes the share of a target used as a whole percentage, rounded
// down, so that 74.9 % (no warning) never prints as 75 %.
func fmtShare(s float64) string {
	return strconv.Itoa(int(math.Floor(s*100))) + "%"
}

func fmtPriority(p sla.Priority) string {
	if p == 0 {
		return "-"
	}
	return p.String()
}

func fmtEscalation(e *contract.Escalation) string {
	switch {
	case e == nil:
		return ""
	case e.Email != "" && e.Phone != "":
		return e.Email + ", " + e.Phone
	}
	return e.Email + e.Phone
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// plural writes n and the noun in the number n takes: "1 line", "0 lines".
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

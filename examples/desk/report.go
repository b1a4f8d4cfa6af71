package main

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/slaclock/slaclock/calendar"
	"github.com/slaclock/slaclock/contract"
	"github.com/slaclock/slaclock/sla"
)

// reasonOf writes a desk's error on one line: the problems errors.Join put on
// separate lines are joined with "; ", without the package prefix.
func reasonOf(err error) string {
	parts := strings.Split(err.Error(), "\n")
	for i, p := range parts {
		parts[i] = strings.TrimPrefix(p, "contract: ")
	}
	return strings.Join(parts, "; ")
}

// openRow is one service of a request that is still open: its next deadline.
type openRow struct {
	Request *contract.Request
	Service sla.Service
	Level   sla.Level // the level that applied to the request's priority
	// Next is the service's deadline due first among those whose event has not
	// happened (still open, or past and so breached), or, when all of those
	// are paused by a running hold, the first paused one; nil when none is pending:
	// the request waits for verification or for closure, which have no deadline.
	Next *contract.DeadlineStatus
	// Escalation is the channel to escalate through, set when Next is breached
	// or has at least 75 % of its target used.
	Escalation *contract.Escalation
}

// openRows returns a row for every service of the open request q at now.
func openRows(q *contract.Request, st contract.Status) []openRow {
	var rows []openRow
	for _, sd := range q.Deadlines() {
		row := openRow{Request: q, Service: sd.Service, Level: sd.Deadlines.Level}
		for i := range st.Deadlines {
			d := &st.Deadlines[i]
			if d.Service != sd.Service || !d.Actual.IsZero() {
				continue
			}
			// A running deadline comes before a paused one (it has no due
			// instant while the request is on hold), then the earliest due.
			if row.Next == nil || row.Next.Status == sla.Paused && d.Status != sla.Paused ||
				d.Status != sla.Paused && d.Deadline.Due.Before(row.Next.Deadline.Due) {
				row.Next = d
			}
		}
		if row.Next != nil && row.Next.Escalate {
			row.Escalation = st.Escalation
		}
		rows = append(rows, row)
	}
	return rows
}

// sortOpen puts the rows the most urgent first (by the next deadline's due
// time), then the rows with no deadline pending; ties by contract and serial,
// then in the order they are given.
func sortOpen(rows []openRow) {
	dated := func(r openRow) bool { return r.Next != nil && r.Next.Status != sla.Paused }
	slices.SortStableFunc(rows, func(a, b openRow) int {
		switch {
		case dated(a) && dated(b):
			if c := a.Next.Deadline.Due.Compare(b.Next.Deadline.Due); c != 0 {
				return c
			}
		case dated(a) != dated(b):
			if dated(a) {
				return -1
			}
			return 1
		case (a.Next != nil) != (b.Next != nil): // paused rows before those with nothing pending
			if a.Next != nil {
				return -1
			}
			return 1
		}
		return cmp.Or(cmp.Compare(a.Request.Contract().Number, b.Request.Contract().Number),
			cmp.Compare(a.Request.Device().Serial, b.Request.Device().Serial))
	})
}

// month is a calendar month.
type month struct {
	Year  int
	Month time.Month
}

func (m month) String() string { return fmt.Sprintf("%04d-%02d", m.Year, int(m.Month)) }

func (m month) compare(n month) int {
	return cmp.Or(cmp.Compare(m.Year, n.Year), cmp.Compare(m.Month, n.Month))
}

// breach is a breached deadline of a request.
type breach struct {
	By       time.Duration // how late, in elapsed time (Outcome.By)
	Kind     sla.Kind
	Contract string
	Serial   string
	Pending  bool // the event has not happened yet: By is how late it is so far
}

// summaryRow is the compliance of one service over the requests submitted in
// one month.
type summaryRow struct {
	Service  sla.Service
	Month    month // of the submission, in Europe/Warsaw
	Requests int
	// Met and Breached count the deadlines that are decided; Open those still
	// running at the report time.
	Met, Breached, Open int
	Worst               *breach // the breach with the largest By; nil when none
}

// compliance counts, per service and month of submission, the requests and
// their deadlines (response, ship-by, delivery, on-site, return). A request
// under a contract with several services counts under each. A request is
// added once, with its status: a closed or rejected one as it stood when it
// ended (a deadline whose event never happened is breached if it had passed by
// then, and not counted at all if it had not: closing the request ended it),
// an open one at the report time.
type compliance struct {
	rows map[complianceKey]*summaryRow
}

type complianceKey struct {
	svc sla.Service
	m   month
}

// add counts request q with its status st.
func (c *compliance) add(q *contract.Request, st contract.Status) {
	if c.rows == nil {
		c.rows = map[complianceKey]*summaryRow{}
	}
	sub, _ := q.Time(contract.Submitted)
	sub = sub.In(calendar.Warsaw())
	m := month{sub.Year(), sub.Month()}
	var number, serial string
	for _, sd := range q.Deadlines() {
		k := complianceKey{sd.Service, m}
		row := c.rows[k]
		if row == nil {
			row = &summaryRow{Service: sd.Service, Month: m}
			c.rows[k] = row
		}
		row.Requests++
		for _, d := range st.Deadlines {
			if d.Service != sd.Service {
				continue
			}
			switch d.Status {
			case sla.Met:
				row.Met++
			case sla.Breached:
				row.Breached++
				if row.Worst == nil || d.By > row.Worst.By {
					if number == "" {
						number, serial = q.Contract().Number, q.Device().Serial
					}
					row.Worst = &breach{By: d.By, Kind: d.Deadline.Kind, Contract: number, Serial: serial, Pending: d.Actual.IsZero()}
				}
			case sla.Open, sla.Paused:
				if !q.Done() {
					row.Open++
				}
			}
		}
	}
}

// sorted returns the rows sorted by service id, then month.
func (c *compliance) sorted() []summaryRow {
	rows := make([]summaryRow, 0, len(c.rows))
	for _, r := range c.rows {
		rows = append(rows, *r)
	}
	slices.SortFunc(rows, func(a, b summaryRow) int {
		return cmp.Or(cmp.Compare(a.Service.ID(), b.Service.ID()), a.Month.compare(b.Month))
	})
	return rows
}

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

// replay applies the events to a new desk on reg, in the order of the file.
// Events after now are not applied (the report is made at now and knows nothing
// later); they and every event the desk refuses are returned as rejections, in
// the order of the file.
func replay(reg *contract.Registry, events []csvEvent, now time.Time) (*contract.Desk, []rejection) {
	desk := contract.NewDesk(reg)
	var rejected []rejection
	for _, ce := range events {
		e := ce.Event
		rej := rejection{Line: ce.Line, Contract: e.Contract, Serial: e.Serial, Event: e.Step.String()}
		if e.At.After(now) {
			rej.Reason = "time " + e.At.Format(time.RFC3339) + ": after the report time " + now.Format(time.RFC3339)
			rejected = append(rejected, rej)
			continue
		}
		if _, err := desk.Apply(e); err != nil {
			rej.Reason = reasonOf(err)
			rejected = append(rejected, rej)
		}
	}
	return desk, rejected
}

// reasonOf writes a desk's error on one line: the problems errors.Join put on
// separate lines are joined with "; ", without the package prefix.
func reasonOf(err error) string {
	parts := strings.Split(err.Error(), "\n")
	for i, p := range parts {
		parts[i] = strings.TrimPrefix(p, "contract: ")
	}
	return strings.Join(parts, "; ")
}

// latest returns the latest time of the events, or the zero time when there are
// none.
func latest(events []csvEvent) time.Time {
	var t time.Time
	for _, e := range events {
		if e.Event.At.After(t) {
			t = e.Event.At
		}
	}
	return t
}

// openRow is one service of a request that is still open: its next deadline.
type openRow struct {
	Request *contract.Request
	Service sla.Service
	Level   sla.Level // the level that applied to the request's priority
	// Next is the service's deadline due first among those whose event has not
	// happened (still open, or past and so breached); nil when none is pending:
	// the request waits for verification or for closure, which have no deadline.
	Next *contract.DeadlineStatus
	// Escalation is the channel to escalate through, set when Next is breached
	// or has at least 75 % of its target used.
	Escalation *contract.Escalation
}

// openRequests returns a row for every service of every request that is not
// closed or rejected, at now: the most urgent first (by the next deadline's due
// time), then the rows with no deadline pending; ties by contract and serial.
func openRequests(desk *contract.Desk, now time.Time) ([]openRow, error) {
	var rows []openRow
	for _, q := range desk.Requests() {
		if q.Done() {
			continue
		}
		st, err := q.Status(now)
		if err != nil {
			return nil, fmt.Errorf("request for serial %s under contract %s: %w", q.Device().Serial, q.Contract().Number, err)
		}
		for _, sd := range q.Deadlines() {
			row := openRow{Request: q, Service: sd.Service, Level: sd.Deadlines.Level}
			for i := range st.Deadlines {
				d := &st.Deadlines[i]
				if d.Service != sd.Service || !d.Actual.IsZero() {
					continue
				}
				if row.Next == nil || d.Deadline.Due.Before(row.Next.Deadline.Due) {
					row.Next = d
				}
			}
			if row.Next != nil && row.Next.Escalate {
				row.Escalation = st.Escalation
			}
			rows = append(rows, row)
		}
	}
	slices.SortStableFunc(rows, func(a, b openRow) int {
		switch {
		case a.Next != nil && b.Next != nil:
			if c := a.Next.Deadline.Due.Compare(b.Next.Deadline.Due); c != 0 {
				return c
			}
		case a.Next != nil:
			return -1
		case b.Next != nil:
			return 1
		}
		return cmp.Or(cmp.Compare(a.Request.Contract().Number, b.Request.Contract().Number),
			cmp.Compare(a.Request.Device().Serial, b.Request.Device().Serial))
	})
	return rows, nil
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

// summarize counts, per service and month of submission, the requests and their
// deadlines (response, ship-by, delivery, on-site, return) at now. A request
// under a contract with several services counts under each. An open request is
// evaluated at now. A closed or rejected request is evaluated at the time it
// ended: a deadline whose event never happened is breached if it had passed by
// then, and is not counted at all if it had not (closing the request ended it).
// Rows are sorted by service id, then month.
func summarize(desk *contract.Desk, now time.Time) ([]summaryRow, error) {
	type key struct {
		svc sla.Service
		m   month
	}
	byKey := map[key]*summaryRow{}
	for _, q := range desk.Requests() {
		at := now
		if end, ok := q.Time(contract.Closed); ok {
			at = end
		} else if end, ok := q.Time(contract.Rejected); ok {
			at = end
		}
		st, err := q.Status(at)
		if err != nil {
			return nil, fmt.Errorf("request for serial %s under contract %s: %w", q.Device().Serial, q.Contract().Number, err)
		}
		sub, _ := q.Time(contract.Submitted)
		sub = sub.In(calendar.Warsaw())
		m := month{sub.Year(), sub.Month()}
		for _, sd := range q.Deadlines() {
			k := key{sd.Service, m}
			row := byKey[k]
			if row == nil {
				row = &summaryRow{Service: sd.Service, Month: m}
				byKey[k] = row
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
						row.Worst = &breach{By: d.By, Kind: d.Deadline.Kind, Contract: q.Contract().Number, Serial: q.Device().Serial, Pending: d.Actual.IsZero()}
					}
				case sla.Open:
					if !q.Done() {
						row.Open++
					}
				}
			}
		}
	}
	rows := make([]summaryRow, 0, len(byKey))
	for _, r := range byKey {
		rows = append(rows, *r)
	}
	slices.SortFunc(rows, func(a, b summaryRow) int {
		return cmp.Or(cmp.Compare(a.Service.ID(), b.Service.ID()), a.Month.compare(b.Month))
	})
	return rows, nil
}

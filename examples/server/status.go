package main

import (
	"math"
	"net/http"
	"sort"
	"strconv"
	"time"

	"github.com/slaclock/slaclock/contract"
	"github.com/slaclock/slaclock/sla"
)

// statusJSON is a request's status at an instant, the answer of most calls.
type statusJSON struct {
	ID          string `json:"id"`
	Contract    string `json:"contract"`
	Serial      string `json:"serial"`
	Priority    string `json:"priority,omitempty"`
	Description string `json:"description,omitempty"`
	At          string `json:"at"`   // the instant of the status
	Step        string `json:"step"` // the last step recorded at or before At
	Done        bool   `json:"done"` // closed or rejected
	// OnHoldSince is set while the request is on hold.
	OnHoldSince string         `json:"on_hold_since,omitempty"`
	Deadlines   []deadlineJSON `json:"deadlines"`
	// Next is the deadline due first among those whose event has not
	// happened; absent when none is.
	Next       *nextJSON       `json:"next,omitempty"`
	Escalation *escalationJSON `json:"escalation,omitempty"`

	urgency urgency
}

// deadlineJSON is one deadline of a request at an instant. Durations are Go
// duration strings ("13h0m0s", negative once passed).
type deadlineJSON struct {
	Service  string `json:"service"`
	Level    string `json:"level,omitempty"`
	Deadline string `json:"deadline"` // response, ship-by, delivery, on-site, return
	Status   string `json:"status"`   // open, met, breached, paused
	Due      string `json:"due"`      // empty while paused
	Actual   string `json:"actual,omitempty"`
	// By is how early (met) or how late (breached) the event was, or is at At.
	By string `json:"by,omitempty"`
	// Used is the share of the target used at At; LeftWindow the window time
	// left (for a paused deadline, what was left when its clock stopped),
	// LeftElapsed the time on the clock to Due.
	Used            string `json:"used,omitempty"`
	LeftWindow      string `json:"left_window,omitempty"`
	LeftElapsed     string `json:"left_elapsed,omitempty"`
	PausedSince     string `json:"paused_since,omitempty"`
	Escalate        bool   `json:"escalate"`
	CustomerOverdue bool   `json:"customer_overdue,omitempty"`
	Explanation     string `json:"explanation,omitempty"`
}

type nextJSON struct {
	Service  string `json:"service"`
	Deadline string `json:"deadline"`
	Due      string `json:"due"`
}

type escalationJSON struct {
	Email string `json:"email,omitempty"`
	Phone string `json:"phone,omitempty"`
}

// urgency orders the open requests: the earliest pending deadline first, then
// those whose pending deadlines are all paused by the window time left, then
// the rest (nothing pending: waiting for verification or closure).
type urgency struct {
	group int           // 0: a deadline pending, 1: paused, 2: nothing
	due   time.Time     // group 0
	left  time.Duration // group 1
}

func (a urgency) before(b urgency) bool {
	if a.group != b.group {
		return a.group < b.group
	}
	switch a.group {
	case 0:
		return a.due.Before(b.due)
	case 1:
		return a.left < b.left
	}
	return false
}

// sortByUrgency orders sts by keys, stably (ties keep the order of creation).
func sortByUrgency(sts []*statusJSON, keys []urgency) {
	for i := range sts {
		sts[i].urgency = keys[i]
	}
	sort.SliceStable(sts, func(i, j int) bool { return sts[i].urgency.before(sts[j].urgency) })
}

// fmtTime formats t in the calendar's location (Warsaw), RFC 3339.
func (s *Server) fmtTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(s.cal.Location()).Format(time.RFC3339Nano)
}

// asOf returns request e as it was at instant at: e's request when no event
// is recorded after at, otherwise its history without those events (the
// submission always kept), replayed. Status alone already ignores later
// events; the replay also gives the explanations and the iCalendar export as
// they were then. Should that shortened history not replay (a correction kept
// whose original was left out), e's request is used: its Status at at is
// still what was known then.
func (s *Server) asOf(e *entry, at time.Time) *Request {
	h := e.req.History()
	kept := make([]Entry, 0, len(h.Entries))
	for i, x := range h.Entries {
		if i == 0 || !x.At.After(at) {
			kept = append(kept, x)
		}
	}
	if len(kept) == len(h.Entries) {
		return e.req
	}
	h.Entries = kept
	q, err := restoreRequest(s.cfg.Registry, h)
	if err != nil {
		return e.req
	}
	return q
}

// status is request e's status at at, with every deadline's explanation. The
// caller holds e.mu.
func (s *Server) status(e *entry, at time.Time) (*statusJSON, *apiError) {
	q := s.asOf(e, at)
	st, err := q.Status(at)
	if err != nil {
		return nil, refusal(http.StatusUnprocessableEntity, err, "at", s.fmtTime(at))
	}
	c, dev := q.Contract(), q.Device()
	out := &statusJSON{ID: q.ID(), Contract: c.Number, Serial: dev.Serial, Description: q.Description(),
		At: s.fmtTime(at), Step: st.Step.String(), Done: st.Step == stepClosed || st.Step == stepRejected,
		Deadlines: []deadlineJSON{}, urgency: urgency{group: 2}}
	if p := q.Priority(); p != 0 {
		out.Priority = p.String()
	}
	if !st.HeldSince.IsZero() {
		out.OnHoldSince = s.fmtTime(st.HeldSince)
	}
	explained := map[string]map[sla.Kind]string{}
	for _, d := range st.Deadlines {
		svc := d.Service.ID()
		if explained[svc] == nil {
			explained[svc] = map[sla.Kind]string{}
			if ds, err := q.Explain(d.Service); err == nil {
				for _, x := range ds.All() {
					explained[svc][x.Kind] = x.Explanation()
				}
			}
		}
		out.Deadlines = append(out.Deadlines, s.deadline(d, explained[svc][d.Deadline.Kind]))
		if out.Done || !d.Actual.IsZero() {
			continue
		}
		switch {
		case d.Status == sla.Paused || d.Deadline.Paused:
			if out.urgency.group == 2 || (out.urgency.group == 1 && d.Progress.Left < out.urgency.left) {
				out.urgency = urgency{group: 1, left: d.Progress.Left}
			}
		case out.urgency.group != 0 || d.Deadline.Due.Before(out.urgency.due):
			out.urgency = urgency{group: 0, due: d.Deadline.Due}
		}
	}
	if st.Next != nil {
		out.Next = &nextJSON{Service: st.Next.Service.ID(), Deadline: st.Next.Deadline.Kind.String(), Due: s.fmtTime(st.Next.Deadline.Due)}
	}
	if st.Escalation != nil {
		out.Escalation = &escalationJSON{Email: st.Escalation.Email, Phone: st.Escalation.Phone}
	}
	return out, nil
}

// deadline is one deadline's JSON form.
func (s *Server) deadline(d contract.DeadlineStatus, explanation string) deadlineJSON {
	j := deadlineJSON{Service: d.Service.ID(), Deadline: d.Deadline.Kind.String(), Status: d.Status.String(),
		Due: s.fmtTime(d.Deadline.Due), Actual: s.fmtTime(d.Actual), Escalate: d.Escalate,
		CustomerOverdue: d.CustomerOverdue, Explanation: explanation}
	if !d.Deadline.Level.IsZero() {
		j.Level = d.Deadline.Level.String()
	}
	switch {
	case d.Status == sla.Met || (d.Status == sla.Breached && !d.Actual.IsZero()):
		j.By = d.By.String()
	case d.Status == sla.Paused:
		j.PausedSince = s.fmtTime(d.Deadline.PausedSince)
		j.LeftWindow = d.Progress.Left.String()
		j.Used = percent(d.Progress.Share)
	default: // open, or breached with the event still to come
		j.Used = percent(d.Progress.Share)
		j.LeftWindow = d.Progress.Left.String()
		j.LeftElapsed = d.Progress.LeftElapsed.String()
		if d.Status == sla.Breached {
			j.By = d.By.String()
		}
	}
	return j
}

// percent is a share as a whole percentage, rounded down: 0.749 is "74%".
func percent(share float64) string {
	return strconv.Itoa(int(math.Floor(share*100+1e-9))) + "%"
}

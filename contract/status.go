package contract

import (
	"time"

	"github.com/slaclock/slaclock/sla"
)

// DeadlineStatus is one deadline of a request at an instant. Its Outcome's
// Escalate is set for a provider's deadline that is breached, or open or
// paused with at least the calculator's Settings().EscalationShare of its
// target used (a paused one: used when its clock stopped); past the return
// deadline the customer is overdue (CustomerOverdue), which never escalates.
type DeadlineStatus struct {
	Service sla.Service
	Level   sla.Level
	sla.Outcome
}

// Escalation is the channel to escalate through, from the service description.
type Escalation struct {
	Email string
	Phone string
}

// Status is a request's deadlines at an instant.
type Status struct {
	Step Step
	// Deadlines are the request's deadlines: one response deadline (the
	// earliest of its services': the customer bought the fastest answer),
	// then each service's own hardware target, in the order of the contract's
	// services, then one return deadline. A deadline stopped by a running hold
	// has Status sla.Paused, no due instant, and its window time left in
	// Progress.Left.
	Deadlines []DeadlineStatus
	// Next is the deadline due first among those whose event has not happened
	// (open, or overdue and so breached), paused ones left out; nil when there
	// is none or the request is closed or rejected.
	Next *DeadlineStatus
	// Escalation is set when any deadline escalates (see DeadlineStatus): the
	// escalation e-mail and phone of its service's programme.
	Escalation *Escalation
	// HeldSince is when the running hold began; zero when not on hold.
	HeldSince time.Time
}

// Status reports every deadline of the request at now (passed in, never read
// from the clock): met, breached, open or paused, by how much, and the window
// time left. Only the events at or before now count, so a past instant shows
// what the desk saw then (with corrections applied); the opening always
// counts.
//
// A closed or rejected request is judged at the time it ended rather than at
// now, so a deadline whose event never happened stays open (it was not needed)
// unless it had already passed when the request ended.
//
// The response is taken to happen at the responded step; a request confirmed,
// rejected or closed without one was answered when verification ended. Which
// event meets which deadline is sla.Actuals.For's. The return is the returned
// step.
func (q *Request) Status(now time.Time) (Status, error) {
	st := &q.st
	if n := len(st.events); n > 1 && now.Before(st.events[n-1].At) {
		k := 1
		for k < n && !st.events[k].At.After(now) {
			k++
		}
		p, err := q.replay(st.events[:k], false)
		if err != nil {
			return Status{}, err
		}
		st = &p
	}
	act := sla.Actuals{
		Responded: st.times[Responded],
		Verified:  st.times[Confirmed],
		Shipped:   st.times[Shipped],
		Delivered: st.times[Delivered],
		OnSite:    st.times[OnSite],
		Returned:  st.times[Returned],
	}
	if act.Verified.IsZero() {
		act.Verified = st.times[Rejected]
	}
	if act.Verified.IsZero() {
		act.Verified = st.times[Closed]
	}
	// A closed or rejected request is judged at the time it ended: a deadline it
	// never reached (a delivery after a remote fix) is not breached later.
	at := now
	if end := st.times[st.last]; st.done() && end.Before(now) {
		at = end
	}
	// One response, the earliest; one return, the earliest too: the part
	// reached the customer when the first service's event brought it (an
	// engineer on site may bring it before a delivery), the first service's
	// where two are due at one instant.
	resp, ret := -1, -1
	var respDue, retDue time.Time
	for i := range st.deadlines {
		ds := &st.deadlines[i].Deadlines
		if d, ok := ds.Get(sla.Response); ok && (resp < 0 || d.Due.Before(respDue)) {
			resp, respDue = i, d.Due
		}
		if d, ok := ds.Get(sla.Return); ok && (ret < 0 || d.Due.Before(retDue)) {
			ret, retDue = i, d.Due
		}
	}
	var out Status
	out.Step = st.last
	if h, ok := st.running(); ok {
		out.HeldSince = h.From
	}
	// Every service's outcomes, then one list: the response, the hardware
	// targets in the order of the services, the return.
	var buf [4][]sla.Outcome
	outs, n := buf[:0], 0
	for i := range st.deadlines {
		o, err := q.calc.Evaluate(&st.deadlines[i].Deadlines, act, at)
		if err != nil {
			return Status{}, err
		}
		outs, n = append(outs, o), n+len(o)
	}
	out.Deadlines = make([]DeadlineStatus, 0, n)
	add := func(i int, o sla.Outcome) {
		sd := &st.deadlines[i]
		out.Deadlines = append(out.Deadlines, DeadlineStatus{Service: sd.Service, Level: sd.Deadlines.Level, Outcome: o})
	}
	for i, list := range outs {
		for _, o := range list {
			if o.Deadline.Kind == sla.Response && i == resp {
				add(i, o)
			}
		}
	}
	for i, list := range outs {
		for _, o := range list {
			if o.Deadline.Kind != sla.Response && o.Deadline.Kind != sla.Return {
				add(i, o)
			}
		}
	}
	for i, list := range outs {
		for _, o := range list {
			if o.Deadline.Kind == sla.Return && i == ret {
				add(i, o)
			}
		}
	}
	for _, d := range out.Deadlines {
		if d.Escalate {
			c := d.Service.Programme().Contacts()
			if c.EscalationEmail != "" || c.EscalationPhone != "" {
				out.Escalation = &Escalation{Email: c.EscalationEmail, Phone: c.EscalationPhone}
				break
			}
		}
	}
	if st.done() {
		return out, nil
	}
	for i := range out.Deadlines {
		d := &out.Deadlines[i]
		if d.Actual.IsZero() && d.Status != sla.Paused && (out.Next == nil || d.Deadline.Due.Before(out.Next.Deadline.Due)) {
			out.Next = d
		}
	}
	return out, nil
}

// Explain returns the deadlines of service svc with their explanations, as
// sla.Calculator.Explain gives them for the request's events so far.
func (q *Request) Explain(svc sla.Service) (sla.Deadlines, error) {
	for _, s := range q.terms.Services {
		if s == svc {
			return q.calc.Explain(q.slaRequest(&q.st, svc))
		}
	}
	return sla.Deadlines{}, &FieldError{Field: "service", Value: svc.ID(), Reason: "is not a service of contract " + q.terms.Contract, Err: ErrInvalidField}
}

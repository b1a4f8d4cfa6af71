package contract

import (
	"errors"
	"strconv"
	"strings"
	"time"

	"github.com/slaclock/slaclock/sla"
)

// Step is a step of a request's timeline.
type Step uint8

// The steps, in the order a request normally takes them: submitted ->
// (responded) -> confirmed -> shipped / delivered / on site -> returned ->
// closed; or submitted -> (responded) -> rejected at verification.
const (
	Submitted Step = iota + 1 // the request was sent by an authorized user representative
	Responded                 // an engineer contacted the reporting person
	Confirmed                 // its validity was accepted after verification
	Shipped                   // the replacement left the logistics hub
	Delivered                 // the replacement was delivered
	OnSite                    // the engineer was on site
	Returned                  // the customer returned the damaged part
	Closed                    // the request was closed
	Rejected                  // verification did not confirm it
)

var stepNames = [...]string{Submitted: "submitted", Responded: "responded", Confirmed: "confirmed", Shipped: "shipped",
	Delivered: "delivered", OnSite: "onsite", Returned: "returned", Closed: "closed", Rejected: "rejected"}

// String returns the step's name: submitted, responded, confirmed, shipped,
// delivered, onsite, returned, closed, rejected.
func (s Step) String() string {
	if s < Submitted || s > Rejected {
		return "%!Step(" + strconv.Itoa(int(s)) + ")"
	}
	return stepNames[s]
}

// ParseStep parses a step's name, ignoring case and surrounding spaces; "on-site"
// and "on site" are accepted for onsite.
func ParseStep(name string) (Step, error) {
	t := strings.ToLower(strings.TrimSpace(name))
	t = strings.NewReplacer("-", "", " ", "", "_", "").Replace(t)
	for s := Submitted; s <= Rejected; s++ {
		if stepNames[s] == t {
			return s, nil
		}
	}
	return 0, &FieldError{Field: "event", Value: name, Reason: "want submitted, responded, confirmed, shipped, delivered, onsite, returned, closed or rejected", Err: ErrInvalidField}
}

// Opening is what a service desk knows when a request comes in.
type Opening struct {
	ID          string // the desk's own reference, optional
	Contract    string // the service contract number; required
	Serial      string // the failed device's serial number; required
	Priority    sla.Priority
	Submitted   time.Time // required
	Description string
}

// ServiceDeadlines are the deadlines one of the contract's services sets for a
// request.
type ServiceDeadlines struct {
	Service   sla.Service
	Deadlines sla.Deadlines
}

// Request is a service request followed through its timeline. Its methods are
// not safe for concurrent use: a request belongs to one goroutine at a time.
type Request struct {
	ID          string
	Contract    *Contract
	Device      Device
	Priority    sla.Priority
	Description string

	calc      *sla.Calculator
	times     [Rejected + 1]time.Time
	last      Step
	deadlines []ServiceDeadlines
}

// Open checks an opening and returns the request, submitted. It is refused, with
// every problem joined (errors.Join of *FieldError), when the contract number or
// the serial number is missing (the service description requires both), the
// submission time is missing, the contract is unknown (ErrUnknownContract), the
// submission is outside the contract's term (ErrOutsideTerm), the device is not
// covered by the contract (ErrNotCovered), or the priority is missing where a
// service of the contract needs one (ErrMissingField and sla.ErrPriorityRequired).
// Contract and serial numbers are compared after trimming spaces, ignoring case.
func (r *Registry) Open(o Opening) (*Request, error) {
	var errs []error
	if strings.TrimSpace(o.Contract) == "" {
		errs = append(errs, &FieldError{Field: "contract number", Value: o.Contract, Reason: "required to accept a request", Err: ErrMissingField})
	}
	if strings.TrimSpace(o.Serial) == "" {
		errs = append(errs, &FieldError{Field: "serial number", Value: o.Serial, Reason: "required to accept a request", Err: ErrMissingField})
	}
	if o.Submitted.IsZero() {
		errs = append(errs, &FieldError{Field: "submitted", Reason: "required: the response clock starts there", Err: ErrMissingField})
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	c, err := r.Lookup(o.Contract)
	if err != nil {
		return nil, err
	}
	calc := r.Calculator(c)
	dev, covered := c.Device(o.Serial)
	if !covered {
		errs = append(errs, &FieldError{Field: "serial number", Value: o.Serial, Reason: "is not covered by contract " + c.Number, Err: ErrNotCovered})
	}
	if day := calc.Calendar().DateOf(o.Submitted); !c.Covers(day) {
		errs = append(errs, &FieldError{Field: "submitted", Value: o.Submitted.Format(time.RFC3339),
			Reason: "is outside the term of contract " + c.Number + " (" + c.Start.String() + " to " + c.End.String() + ")", Err: ErrOutsideTerm})
	}
	if o.Priority > sla.P4 {
		errs = append(errs, &FieldError{Field: "priority", Value: o.Priority.String(), Reason: "want P1 to P4", Err: ErrInvalidField, Cause: sla.ErrInvalidPriority})
	} else if o.Priority == 0 && c.NeedsPriority() {
		errs = append(errs, &FieldError{Field: "priority", Reason: "required: contract " + c.Number + " has a service whose target depends on it", Err: ErrMissingField, Cause: sla.ErrPriorityRequired})
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	q := &Request{ID: o.ID, Contract: c, Device: dev, Priority: o.Priority, Description: o.Description, calc: calc, last: Submitted}
	q.times[Submitted] = o.Submitted.In(calc.Calendar().Location())
	ds, err := q.compute(q.times)
	if err != nil {
		return nil, err
	}
	q.deadlines = ds
	return q, nil
}

// Step returns the last step recorded.
func (q *Request) Step() Step { return q.last }

// Time returns when step s was recorded, and false if it was not.
func (q *Request) Time(s Step) (time.Time, bool) {
	if s < Submitted || s > Rejected || q.times[s].IsZero() {
		return time.Time{}, false
	}
	return q.times[s], true
}

// Done reports whether the request is closed or rejected.
func (q *Request) Done() bool { return q.last == Closed || q.last == Rejected }

// Deadlines returns the request's deadlines, one set per service of its contract.
func (q *Request) Deadlines() []ServiceDeadlines {
	return append([]ServiceDeadlines(nil), q.deadlines...)
}

// Record records step s at time at. Recording the same step again at the same
// instant changes nothing and is not an error. It is refused, changing nothing,
// when the step is out of order (ErrStepOrder: a shipment before confirmation, a
// return before any replacement, anything after closure), when at is before the
// previous step's time (ErrStepTime), when the step was already recorded at
// another time (ErrStepConflict), or when a deadline cannot be computed from it.
func (q *Request) Record(s Step, at time.Time) error {
	fail := func(reason string, sentinel error) error {
		return &StepError{Step: s, At: at.Format(time.RFC3339Nano), Reason: reason, Err: sentinel}
	}
	if s < Submitted || s > Rejected {
		return fail("not a step", ErrStepOrder)
	}
	if at.IsZero() {
		return fail("needs a time", ErrStepTime)
	}
	if prev := q.times[s]; !prev.IsZero() {
		if prev.Equal(at) {
			return nil
		}
		return fail("already recorded at "+prev.Format(time.RFC3339Nano), ErrStepConflict)
	}
	if reason := q.outOfOrder(s); reason != "" {
		return fail(reason, ErrStepOrder)
	}
	if prev := q.times[q.last]; at.Before(prev) {
		return fail("is before the previous step, "+q.last.String()+" at "+prev.Format(time.RFC3339Nano), ErrStepTime)
	}
	times := q.times
	times[s] = at.In(q.calc.Calendar().Location())
	ds, err := q.compute(times)
	if err != nil {
		return &StepError{Step: s, At: at.Format(time.RFC3339Nano), Reason: err.Error(), Err: ErrStepTime}
	}
	q.times, q.last, q.deadlines = times, s, ds
	return nil
}

// outOfOrder says why step s cannot come now, or "".
func (q *Request) outOfOrder(s Step) string {
	has := func(x Step) bool { return !q.times[x].IsZero() }
	switch {
	case q.Done():
		return "the request is already " + q.last.String()
	case s == Submitted:
		return "a request is submitted once, when it is opened"
	case s == Responded && has(Confirmed):
		return "the response comes before the confirmation"
	case (s == Confirmed || s == Rejected) && q.last > Responded:
		return "verification ends before any later step"
	case (s == Shipped || s == Delivered || s == OnSite) && !has(Confirmed):
		return "nothing is shipped, delivered or done on site before the request is confirmed"
	case s == Shipped && (has(Delivered) || has(Returned)):
		return "the replacement cannot ship after it was delivered"
	case (s == Delivered || s == OnSite) && has(Returned):
		return "the damaged part was already returned"
	case s == Returned && !has(Delivered) && !has(OnSite):
		return "the damaged part is returned after the replacement is delivered or installed on site"
	case s == Closed && !has(Confirmed):
		return "an unconfirmed request is rejected, not closed"
	case s == Closed && (has(Delivered) || has(OnSite)) && !has(Returned):
		return "the damaged part must be returned before the request is closed"
	}
	return ""
}

// compute returns the deadlines of every service for the given step times.
func (q *Request) compute(times [Rejected + 1]time.Time) ([]ServiceDeadlines, error) {
	replaced := times[Delivered]
	if replaced.IsZero() {
		replaced = times[OnSite] // the engineer brings the replacement
	}
	out := make([]ServiceDeadlines, 0, len(q.Contract.Services))
	for _, svc := range q.Contract.Services {
		ds, err := q.calc.Deadlines(sla.Request{Service: svc, Priority: q.Priority,
			Submitted: times[Submitted], Confirmed: times[Confirmed], Delivered: replaced})
		if err != nil {
			return nil, err
		}
		out = append(out, ServiceDeadlines{Service: svc, Deadlines: ds})
	}
	return out, nil
}

// Explain returns the deadlines of service svc with their explanations.
func (q *Request) Explain(svc sla.Service) (sla.Deadlines, error) {
	replaced := q.times[Delivered]
	if replaced.IsZero() {
		replaced = q.times[OnSite]
	}
	return q.calc.Explain(sla.Request{Service: svc, Priority: q.Priority,
		Submitted: q.times[Submitted], Confirmed: q.times[Confirmed], Delivered: replaced})
}

// EscalationShare is the share of a target from which a request names the
// escalation channel: within 25 % of the target.
const EscalationShare = 0.75

// DeadlineStatus is one deadline of a request at an instant.
type DeadlineStatus struct {
	Service sla.Service
	Level   sla.Level
	sla.Outcome
	// Escalate is set when the deadline is breached, or open with at least
	// EscalationShare of its target used.
	Escalate bool
}

// Escalation is the channel to escalate through, from the service description.
type Escalation struct {
	Email string
	Phone string
}

// Status is a request's deadlines at an instant.
type Status struct {
	Step      Step
	Deadlines []DeadlineStatus
	// Next is the deadline due first among those whose event has not happened
	// (open, or overdue and so breached); nil when there is none or the request
	// is closed or rejected.
	Next *DeadlineStatus
	// Escalation is set when any deadline is breached or within 25 % of its
	// target: the escalation e-mail and phone of the service's programme.
	Escalation *Escalation
}

// Status reports every deadline of the request at now (passed in, never read
// from the clock): met, breached or open, by how much, and the window time left.
//
// A closed or rejected request is judged at the time it ended rather than at
// now, so a deadline whose event never happened stays open (it was not needed)
// unless it had already passed when the request ended.
//
// The response is taken to happen at the responded step; a request confirmed or
// rejected without one was answered at verification, so the response time is
// then the confirmation (or rejection). The return is the returned step.
func (q *Request) Status(now time.Time) (Status, error) {
	act := sla.Actuals{
		Responded: q.times[Responded],
		Shipped:   q.times[Shipped],
		Delivered: q.times[Delivered],
		OnSite:    q.times[OnSite],
		Returned:  q.times[Returned],
	}
	if act.Responded.IsZero() {
		act.Responded = q.times[Confirmed]
	}
	if act.Responded.IsZero() {
		act.Responded = q.times[Rejected]
	}
	// A closed or rejected request is judged at the time it ended: a deadline it
	// never reached (a delivery after a remote fix) is not breached later.
	at := now
	if end := q.times[q.last]; q.Done() && end.Before(now) {
		at = end
	}
	st := Status{Step: q.last}
	for _, sd := range q.deadlines {
		outs, err := q.calc.Evaluate(&sd.Deadlines, act, at)
		if err != nil {
			return Status{}, err
		}
		for _, o := range outs {
			ds := DeadlineStatus{Service: sd.Service, Level: sd.Deadlines.Level, Outcome: o}
			ds.Escalate = o.Status == sla.Breached || (o.Status == sla.Open && o.Progress.Share >= EscalationShare)
			if ds.Escalate && st.Escalation == nil {
				c := sd.Service.Programme().Contacts()
				if c.EscalationEmail != "" || c.EscalationPhone != "" {
					st.Escalation = &Escalation{Email: c.EscalationEmail, Phone: c.EscalationPhone}
				}
			}
			st.Deadlines = append(st.Deadlines, ds)
		}
	}
	if q.Done() {
		return st, nil
	}
	for i := range st.Deadlines {
		d := &st.Deadlines[i]
		if d.Actual.IsZero() && (st.Next == nil || d.Deadline.Due.Before(st.Next.Deadline.Due)) {
			st.Next = d
		}
	}
	return st, nil
}

package contract

import (
	"errors"
	"slices"
	"strings"
	"time"

	"github.com/slaclock/slaclock/sla"
)

// Opening is what a service desk knows when a request comes in.
type Opening struct {
	ID          string // the desk's own reference, optional
	Contract    string // the service contract number; required
	Serial      string // the failed device's serial number; required
	Priority    sla.Priority
	Submitted   time.Time // required
	Description string
	Note        string // optional: who took the call, anything worth keeping; see Entry.Note
}

// ServiceDeadlines are the deadlines one of the contract's services sets for a
// request.
type ServiceDeadlines struct {
	Service   sla.Service
	Deadlines sla.Deadlines
}

// Request is a service request followed through its timeline. Its state is
// its history (see History): everything else, the step reached, the holds, the
// priority in force and the deadlines, is derived from it. Everything a caller
// can see is read through methods. Its methods are not safe for concurrent
// use: a request belongs to one goroutine at a time.
type Request struct {
	id          string
	description string
	priority    sla.Priority // the priority it was opened with
	terms       Terms
	calc        *sla.Calculator
	log         []Entry // the history's entries, in the order they were recorded
	st          state
	spare       []ServiceDeadlines // storage for the next event's deadlines (see Apply)
}

// Open checks an opening and returns the request, submitted. It is refused, with
// every problem joined (errors.Join of *FieldError), when the contract number or
// the serial number is missing (the service description requires both), the
// submission time is missing, the contract is unknown (ErrUnknownContract), the
// submission is outside the contract's term (ErrOutsideTerm), the device is not
// covered by the contract (ErrNotCovered), the priority is missing where a
// service of the contract needs one (ErrMissingField and sla.ErrPriorityRequired),
// or the note is too long. Contract and serial numbers are compared after
// trimming spaces, ignoring case.
//
// The request keeps the terms it was opened under (see Terms): later changes
// to the registry do not move its deadlines.
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
	ci, err := r.index(o.Contract)
	if err != nil {
		return nil, err
	}
	c := &r.contracts[ci] // read only: termsOf copies what the request keeps
	calc := r.Calculator(*c)
	dev, covered := r.device(ci, o.Serial)
	if !covered {
		errs = append(errs, &FieldError{Field: "serial number", Value: o.Serial, Reason: "is not covered by contract " + c.Number, Err: ErrNotCovered})
	}
	t := termsOf(*c, dev, calc.Settings())
	errs = append(errs, t.openingErrors(calc, o.Priority, o.Submitted)...)
	if reason := checkNote(o.Note); reason != "" {
		errs = append(errs, &FieldError{Field: "note", Value: o.Note, Reason: reason, Err: ErrInvalidField})
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	q := &Request{id: o.ID, description: o.Description, priority: o.Priority, terms: t, calc: calc}
	e := Entry{Step: Submitted, At: o.Submitted.In(calc.Calendar().Location()), Note: o.Note}
	st, err := q.replay([]Entry{e}, true)
	if err != nil {
		return nil, &FieldError{Field: "submitted", Value: o.Submitted.Format(time.RFC3339Nano), Reason: reasonOf(err), Err: ErrInvalidField, Cause: err}
	}
	q.st, q.log = st, []Entry{e}
	return q, nil
}

// openingErrors are the problems of an opening under terms t, apart from the
// registry's: a submission outside the term, a missing or invalid priority.
func (t *Terms) openingErrors(calc *sla.Calculator, p sla.Priority, submitted time.Time) []error {
	var errs []error
	if day := calc.Calendar().DateOf(submitted); day.Before(t.Start) || day.After(t.End) {
		errs = append(errs, &FieldError{Field: "submitted", Value: submitted.Format(time.RFC3339),
			Reason: "is outside the term of contract " + t.Contract + " (" + t.Start.String() + " to " + t.End.String() + ")", Err: ErrOutsideTerm})
	}
	needs := false
	for _, s := range t.Services {
		needs = needs || s.NeedsPriority()
	}
	if p > sla.P4 {
		errs = append(errs, &FieldError{Field: "priority", Value: p.String(), Reason: "want P1 to P4", Err: ErrInvalidField, Cause: sla.ErrInvalidPriority})
	} else if p == 0 && needs {
		errs = append(errs, &FieldError{Field: "priority", Reason: "required: contract " + t.Contract + " has a service whose target depends on it", Err: ErrMissingField, Cause: sla.ErrPriorityRequired})
	}
	return errs
}

// reasonOf is err's message without the package prefix.
func reasonOf(err error) string {
	s := err.Error()
	for _, p := range [...]string{"contract: ", "sla: "} {
		s = strings.TrimPrefix(s, p)
	}
	return s
}

// ID returns the desk's own reference given at the opening.
func (q *Request) ID() string { return q.id }

// Description returns the description given at the opening.
func (q *Request) Description() string { return q.description }

// Contract returns the contract the request was opened under, as it was then
// (see Terms): its number, customer, services, term, the request's device as
// its one device, and as Overrides every setting the request's deadlines use.
func (q *Request) Contract() Contract { return q.terms.contract() }

// Terms returns the terms the request was opened under.
func (q *Request) Terms() Terms { return q.terms.clone() }

// Device returns the failed device, as the contract spells it.
func (q *Request) Device() Device { return q.terms.Device }

// Priority returns the priority in force: the opening's, or the last change's.
func (q *Request) Priority() sla.Priority {
	if n := len(q.st.changes); n > 0 {
		return q.st.changes[n-1].Priority
	}
	return q.priority
}

// Calculator returns the deadline calculator the request's terms use.
func (q *Request) Calculator() *sla.Calculator { return q.calc }

// Step returns the last step of the request's progress recorded (Submitted to
// Rejected); holds and priority changes are not steps of its progress: see
// OnHold and Priority.
func (q *Request) Step() Step { return q.st.last }

// Time returns when step s happened (after any correction), and false if it
// has not. For OnHold, Resumed and PriorityChanged it is the latest one.
func (q *Request) Time(s Step) (time.Time, bool) {
	if s.once() {
		t := q.st.times[s]
		return t, !t.IsZero()
	}
	for i := len(q.st.events) - 1; i >= 0; i-- {
		if q.st.events[i].Step == s {
			return q.st.events[i].At, true
		}
	}
	return time.Time{}, false
}

// Len returns the number of entries in the request's history,
// len(q.History().Entries), without copying it: an Apply that leaves it
// unchanged recorded nothing (the event repeated one already recorded).
func (q *Request) Len() int { return len(q.log) }

// Done reports whether the request is closed or rejected.
func (q *Request) Done() bool { return q.st.done() }

// OnHold reports whether the request is on hold, and since when.
func (q *Request) OnHold() (since time.Time, ok bool) {
	if h, ok := q.st.running(); ok {
		return h.From, true
	}
	return time.Time{}, false
}

// Holds returns the request's holds in time order; the last one has a zero To
// while it runs. A hold that closing or rejecting ended ends at that instant.
func (q *Request) Holds() []sla.Hold { return slices.Clone(q.st.holds) }

// Changes returns the request's priority changes in time order.
func (q *Request) Changes() []sla.PriorityChange { return slices.Clone(q.st.changes) }

// Deadlines returns the request's deadlines, one set per service of its
// contract, each as its service alone would set them. Status reports one
// response deadline (the earliest of the services') and one return deadline
// for the request (the earliest of the services' too).
func (q *Request) Deadlines() []ServiceDeadlines {
	return slices.Clone(q.st.deadlines)
}

package contract

import (
	"errors"
	"slices"
	"strconv"
	"time"
	"unicode/utf8"

	"github.com/slaclock/slaclock/sla"
)

// MaxNote is the longest note an event can carry, in bytes.
const MaxNote = 500

// state is what a request's events give. It is derived from the history and
// never stored. Its slices are appended to but never changed in place, so a
// copy of a state is a snapshot.
type state struct {
	times     [Rejected + 1]time.Time // each step of the progress, after corrections
	last      Step                    // the last step of the progress
	holds     []sla.Hold
	changes   []sla.PriorityChange
	events    []Entry // the events in force (corrections applied), in time order
	deadlines []ServiceDeadlines
}

func (st *state) done() bool { return st.last == Closed || st.last == Rejected }

// running returns the hold that has not ended, if any.
func (st *state) running() (sla.Hold, bool) {
	if n := len(st.holds); n > 0 && st.holds[n-1].Running() {
		return st.holds[n-1], true
	}
	return sla.Hold{}, false
}

// Record records step s at time at, without a note: Apply(Entry{Step: s, At:
// at}). A priority change needs its priority: use ChangePriority.
func (q *Request) Record(s Step, at time.Time) error { return q.Apply(Entry{Step: s, At: at}) }

// ChangePriority records that the request's priority became p at time at:
// Apply(Entry{Step: PriorityChanged, At: at, Priority: p}).
func (q *Request) ChangePriority(at time.Time, p sla.Priority) error {
	return q.Apply(Entry{Step: PriorityChanged, At: at, Priority: p})
}

// Correct corrects the time of step s, recorded by mistake at another
// instant: Apply(Entry{Step: s, At: at, Note: note, Correction: true}).
func (q *Request) Correct(s Step, at time.Time, note string) error {
	return q.Apply(Entry{Step: s, At: at, Note: note, Correction: true})
}

// Apply records one event of the request's timeline, with its note, and
// appends it to the history. A refused event changes nothing and returns a
// *StepError naming the step, the time and why, wrapping one sentinel.
//
// The events come in time order: one before the latest event is refused
// (ErrStepTime), and so is one without a time. The same event twice at the
// same instant is one event: the repeat changes nothing, is not kept, and is
// not an error (for a priority change: the same priority at the instant of
// the last change). A step of the progress recorded again at another instant
// is refused (ErrStepConflict): correct it instead. Out of order
// (ErrStepOrder): anything after closing or rejecting; a second submission; a
// response after the confirmation; a confirmation or rejection after a later
// step; a shipment, delivery or visit on site before the confirmation; a
// shipment after the delivery or return; a delivery or visit after the
// return; a return before any replacement reached the customer; closing with
// the damaged part not returned; a hold while on hold; resuming when not on
// hold. Closing without a confirmation is accepted: verification solved a
// configuration or software problem and no hardware was sent.
//
// Holds: while the request is on hold, a shipment, delivery or visit on site
// is refused (ErrOnHold), and so is a priority change, except one at the
// hold's first instant, which comes before the hold. A response or
// confirmation is accepted. Closing or rejecting ends the hold.
//
// A priority change needs P1 to P4, and only a priority change carries a
// priority (ErrInvalidField); a note is at most MaxNote bytes of UTF-8
// (ErrInvalidField). An event from which the deadlines cannot be computed is
// refused with ErrDeadline and the cause (errors.Is(err,
// calendar.ErrOutOfRange) for an instant the calendar cannot take).
//
// A correction (Entry.Correction) gives step s a new time: the latest event
// of that step that is in force (for OnHold, Resumed and PriorityChanged the
// latest one; a priority change's correction may give a new priority too).
// The timeline with the new time, put back in time order, goes through the
// same checks from the submission on; if any event is then refused, so is
// the correction (with that event's sentinel and the refusal as its cause).
// The history keeps the original and the correction; the deadlines follow
// the corrected time. A correction to the time in force changes nothing.
func (q *Request) Apply(e Entry) error {
	if !e.At.IsZero() {
		e.At = e.At.In(q.calc.Calendar().Location())
	}
	var st state
	var keep bool
	var err error
	if e.Correction {
		st, keep, err = q.corrected(e)
	} else {
		st = q.st
		if keep, err = q.next(&st, e); err == nil && keep {
			// The deadlines are computed into the spare storage, so that
			// q.st keeps its own until the event is taken.
			err = q.compute(&st, e, q.spare)
		}
	}
	if err != nil || !keep {
		return err
	}
	if !e.Correction {
		q.spare = q.st.deadlines // nothing outside the request holds it: Deadlines copies
	}
	q.st = st
	q.log = append(q.log, e)
	return nil
}

// stepError builds the refusal of e.
func stepError(e Entry, reason string, sentinel, cause error) *StepError {
	return &StepError{Step: e.Step, At: e.At.Format(time.RFC3339Nano), Reason: reason, Err: sentinel, Cause: cause}
}

// checkEntry checks what an event says on its own: a step, a time, a
// priority only on a priority change, a short note.
func (q *Request) checkEntry(e Entry) error {
	switch {
	case !e.Step.valid():
		return stepError(e, "not a step", ErrStepOrder, nil)
	case e.At.IsZero():
		return stepError(e, "needs a time", ErrStepTime, nil)
	case e.Step == PriorityChanged && e.Priority == 0 && !e.Correction:
		return stepError(e, "a priority change needs the new priority", ErrInvalidField, sla.ErrInvalidPriority)
	case e.Step == PriorityChanged && e.Priority > sla.P4:
		return stepError(e, "the new priority "+e.Priority.String()+": want P1 to P4", ErrInvalidField, sla.ErrInvalidPriority)
	case e.Step != PriorityChanged && e.Priority != 0:
		return stepError(e, "only a priority change carries a priority (got "+e.Priority.String()+")", ErrInvalidField, nil)
	}
	if reason := checkNote(e.Note); reason != "" {
		return stepError(e, "note "+strconv.Quote(e.Note)+": "+reason, ErrInvalidField, nil)
	}
	if _, err := q.calc.Schedule(sla.Coverage24x7).Between(e.At, e.At); err != nil {
		return stepError(e, "the calendar cannot take it: "+reasonOf(err), ErrStepTime, err)
	}
	return nil
}

// checkNote says why a note cannot be kept, or "".
func checkNote(s string) string {
	switch {
	case len(s) > MaxNote:
		return "longer than " + strconv.Itoa(MaxNote) + " bytes: a note is a short line (who, why)"
	case !utf8.ValidString(s):
		return "not valid UTF-8"
	}
	return ""
}

// next applies event e (not a correction) to st, with every check of Apply
// but the deadlines'. It returns false, leaving st as it was, for a repeat.
func (q *Request) next(st *state, e Entry) (bool, error) {
	if err := q.checkEntry(e); err != nil {
		return false, err
	}
	s, at := e.Step, e.At
	if s.once() {
		if prev := st.times[s]; !prev.IsZero() {
			if prev.Equal(at) {
				return false, nil
			}
			return false, stepError(e, "already recorded at "+prev.Format(time.RFC3339Nano), ErrStepConflict, nil)
		}
	} else if st.repeats(e) {
		return false, nil
	}
	if st.done() {
		return false, stepError(e, "the request is already "+st.last.String(), ErrStepOrder, nil)
	}
	if n := len(st.events); n > 0 && at.Before(st.events[n-1].At) {
		prev := st.events[n-1]
		return false, stepError(e, "is before the previous event, "+prev.Step.String()+" at "+prev.At.Format(time.RFC3339Nano), ErrStepTime, nil)
	}
	if reason, sentinel := st.refusal(e); reason != "" {
		return false, stepError(e, reason, sentinel, nil)
	}
	switch s {
	case OnHold:
		st.holds = append(st.holds, sla.Hold{From: at})
	case Resumed:
		st.endHold(at)
	case PriorityChanged:
		st.changes = append(st.changes, sla.PriorityChange{At: at, Priority: e.Priority})
	default:
		st.times[s], st.last = at, s
		if s == Closed || s == Rejected {
			st.endHold(at)
		}
	}
	st.events = append(st.events, e)
	return true, nil
}

// endHold ends the running hold, if any, at at.
func (st *state) endHold(at time.Time) {
	if _, ok := st.running(); ok {
		st.holds = slices.Clone(st.holds) // the deadlines of the state before see the old one
		st.holds[len(st.holds)-1].To = at
	}
}

// repeats reports whether e (a hold, its end or a priority change) repeats an
// event at the same instant.
func (st *state) repeats(e Entry) bool {
	if e.Step == PriorityChanged {
		n := len(st.changes)
		return n > 0 && st.changes[n-1].At.Equal(e.At) && st.changes[n-1].Priority == e.Priority
	}
	for i := len(st.events) - 1; i >= 0 && !st.events[i].At.Before(e.At); i-- {
		if st.events[i].Step == e.Step && st.events[i].At.Equal(e.At) {
			return true
		}
	}
	return false
}

// refusal says why event e cannot come now, with the sentinel, or "".
func (st *state) refusal(e Entry) (string, error) {
	has := func(x Step) bool { return !st.times[x].IsZero() }
	hold, held := st.running()
	since := func() string { return " (on hold since " + hold.From.Format(time.RFC3339Nano) + ")" }
	switch s := e.Step; {
	case s == Submitted:
		return "a request is submitted once, when it is opened", ErrStepOrder
	case s == Responded && has(Confirmed):
		return "the response comes before the confirmation", ErrStepOrder
	case (s == Confirmed || s == Rejected) && st.last > Responded:
		return "verification ends before any later step", ErrStepOrder
	case (s == Shipped || s == Delivered || s == OnSite) && !has(Confirmed):
		return "nothing is shipped, delivered or done on site before the request is confirmed", ErrStepOrder
	case (s == Shipped || s == Delivered || s == OnSite) && held:
		return "nothing is shipped, delivered or done on site during a hold" + since(), ErrOnHold
	case s == Shipped && (has(Delivered) || has(OnSite) || has(Returned)):
		return "the replacement cannot ship after it was delivered or brought on site", ErrStepOrder
	case (s == Delivered || s == OnSite) && has(Returned):
		return "the damaged part was already returned", ErrStepOrder
	case s == Returned && !has(Delivered) && !has(OnSite):
		return "the damaged part is returned after the replacement is delivered or installed on site", ErrStepOrder
	case s == Closed && (has(Delivered) || has(OnSite)) && !has(Returned):
		return "the damaged part must be returned before the request is closed", ErrStepOrder
	case s == OnHold && held:
		return "the request is already on hold since " + hold.From.Format(time.RFC3339Nano), ErrStepOrder
	case s == Resumed && !held:
		return "the request is not on hold", ErrStepOrder
	case s == PriorityChanged && held && !e.At.Equal(hold.From):
		return "the priority cannot change during a hold" + since() + ": one at the hold's first instant comes before it", ErrOnHold
	}
	return "", nil
}

// compute sets st's deadlines, one set per service, in buf's storage when it
// has room; e is the event that led to st, named in the error.
func (q *Request) compute(st *state, e Entry, buf []ServiceDeadlines) error {
	out := buf[:0]
	if cap(out) < len(q.terms.Services) {
		out = make([]ServiceDeadlines, 0, len(q.terms.Services))
	}
	for _, svc := range q.terms.Services {
		ds, err := q.calc.Deadlines(q.slaRequest(st, svc))
		if err != nil {
			return stepError(e, reasonOf(err), ErrDeadline, err)
		}
		out = append(out, ServiceDeadlines{Service: svc, Deadlines: ds})
	}
	st.deadlines = out
	return nil
}

// slaRequest is what sla computes service svc's deadlines from.
func (q *Request) slaRequest(st *state, svc sla.Service) sla.Request {
	return sla.Request{Service: svc, Priority: q.priority, Submitted: st.times[Submitted], Confirmed: st.times[Confirmed],
		Shipped: st.times[Shipped], Delivered: st.times[Delivered], OnSite: st.times[OnSite], Holds: st.holds, Changes: st.changes}
}

// replay builds the state of events (corrections applied), which begin with
// the submission. With check, every event goes through Apply's checks and the
// deadlines are computed after each, as recording did; without, only the
// final deadlines are (for a prefix of events that were checked).
func (q *Request) replay(events []Entry, check bool) (state, error) {
	var st state
	if len(events) == 0 {
		return st, &FieldError{Field: "entries", Reason: "a history begins with the submission", Err: ErrMissingField}
	}
	first := events[0]
	if first.Step != Submitted || first.Correction {
		return st, stepError(first, "the submission comes first", ErrStepOrder, nil)
	}
	if check {
		if err := q.checkEntry(first); err != nil {
			return st, err
		}
		if errs := q.terms.openingErrors(q.calc, q.priority, first.At); len(errs) > 0 {
			return st, errors.Join(errs...)
		}
	}
	st.times[Submitted], st.last = first.At, Submitted
	st.events = append(make([]Entry, 0, len(events)), first)
	for i, e := range events {
		if i > 0 {
			keep, err := q.next(&st, e)
			if err != nil {
				return state{}, err
			}
			if !keep {
				continue
			}
		}
		if check {
			if err := q.compute(&st, e, st.deadlines); err != nil { // st is replay's own
				return state{}, err
			}
		}
	}
	if !check {
		if err := q.compute(&st, events[len(events)-1], nil); err != nil {
			return state{}, err
		}
	}
	return st, nil
}

// corrected returns the state with correction e applied, and false if it
// changes nothing.
func (q *Request) corrected(e Entry) (state, bool, error) {
	if err := q.checkEntry(e); err != nil {
		return state{}, false, err
	}
	i := len(q.st.events) - 1
	for i >= 0 && q.st.events[i].Step != e.Step {
		i--
	}
	if i < 0 {
		return state{}, false, stepError(e, "was not recorded: there is nothing to correct", ErrStepOrder, nil)
	}
	old := q.st.events[i]
	fixed := old
	fixed.At = e.At
	if e.Priority != 0 {
		fixed.Priority = e.Priority
	}
	if fixed.At.Equal(old.At) && fixed.Priority == old.Priority {
		return state{}, false, nil
	}
	events := slices.Clone(q.st.events)
	events[i] = fixed
	slices.SortStableFunc(events, func(a, b Entry) int { return a.At.Compare(b.At) })
	st, err := q.replay(events, true)
	if err != nil {
		return state{}, false, stepError(e, "correcting "+old.Step.String()+" at "+old.At.Format(time.RFC3339Nano)+
			": the corrected timeline is refused: "+reasonOf(err), sentinelOf(err), err)
	}
	return st, true, nil
}

// sentinelOf is the sentinel a refusal wraps.
func sentinelOf(err error) error {
	var se *StepError
	var fe *FieldError
	switch {
	case errors.As(err, &se):
		return se.Err
	case errors.As(err, &fe):
		return fe.Err
	}
	return ErrStepOrder
}

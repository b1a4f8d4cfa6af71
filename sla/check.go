package sla

import (
	"strconv"
	"time"
)

// check reports every problem of r's times, holds and changes, joined; each
// names the field and its value.
func (c *Calculator) check(r *Request) error {
	if !r.Submitted.IsZero() && len(r.Holds) == 0 && len(r.Changes) == 0 && stepsInOrder(r) && c.eventsInRange(r) {
		return nil // checkAll finds nothing: a few comparisons say so
	}
	return c.checkAll(r)
}

// checkAll is check without its shortcut for requests whose steps are in order.
func (c *Calculator) checkAll(r *Request) error {
	var errs []error
	bad := func(field string, t time.Time, reason string) {
		errs = append(errs, &ValueError{Field: field, Value: t.Format(time.RFC3339Nano), Reason: reason, Err: ErrInvalidRequest})
	}
	if r.Submitted.IsZero() {
		return &ValueError{Field: "submitted", Reason: "required: the response clock starts there", Err: ErrInvalidRequest}
	}
	if !r.Confirmed.IsZero() && before(r.Confirmed, r.Submitted) {
		bad("confirmed", r.Confirmed, "is before submitted "+r.Submitted.Format(time.RFC3339Nano))
	}
	for _, ev := range [...]struct {
		field string
		t     time.Time
	}{{"shipped", r.Shipped}, {"delivered", r.Delivered}, {"onsite", r.OnSite}} {
		switch {
		case ev.t.IsZero():
		case r.Confirmed.IsZero():
			bad(ev.field, ev.t, "is set but confirmed is not: a replacement is sent only after confirmation")
		case before(ev.t, r.Confirmed):
			bad(ev.field, ev.t, "is before confirmed "+r.Confirmed.Format(time.RFC3339Nano))
		default:
			for i, h := range r.Holds {
				if !before(ev.t, h.From) && (h.Running() || before(ev.t, h.To)) {
					bad(ev.field, ev.t, "is inside "+index("holds", i)+" ("+holdText(h)+"): nothing is shipped, delivered or done on site during a hold")
				}
			}
		}
	}
	// An instant the rules do not read (a shipment, an event after the one
	// that met its deadline, a hold or change after a deadline) is in the
	// calendar's range all the same: outside it nothing is computed.
	for _, ev := range [...]struct {
		field string
		t     time.Time
	}{{"submitted", r.Submitted}, {"confirmed", r.Confirmed}, {"shipped", r.Shipped}, {"delivered", r.Delivered}, {"onsite", r.OnSite}} {
		if err := c.rangeError(ev.field, "", ev.t); err != nil {
			errs = append(errs, err)
		}
	}
	for i, h := range r.Holds {
		field := index("holds", i)
		if err := c.rangeError(field, ".from", h.From); err != nil {
			errs = append(errs, err)
			continue
		}
		if err := c.rangeError(field, ".to", h.To); err != nil {
			errs = append(errs, err)
			continue
		}
		switch {
		case h.From.IsZero():
			errs = append(errs, &ValueError{Field: field + ".from", Reason: "required: when the hold began", Err: ErrInvalidRequest})
			continue
		case before(h.From, r.Submitted):
			bad(field+".from", h.From, "is before submitted "+r.Submitted.Format(time.RFC3339Nano))
		}
		if !h.Running() && before(h.To, h.From) {
			bad(field+".to", h.To, "is before the hold's from "+h.From.Format(time.RFC3339Nano))
		}
		if i > 0 {
			p := r.Holds[i-1]
			switch {
			case p.From.IsZero():
			case p.Running():
				bad(field+".from", h.From, "comes after "+index("holds", i-1)+", which has not ended: holds do not overlap")
			case before(h.From, p.To):
				bad(field+".from", h.From, "is before the end of "+index("holds", i-1)+" ("+holdText(p)+"): holds are in time order and do not overlap")
			}
		}
	}
	for i, ch := range r.Changes {
		field := index("changes", i)
		if err := c.rangeError(field, ".at", ch.At); err != nil {
			errs = append(errs, err)
			continue
		}
		switch {
		case ch.At.IsZero():
			errs = append(errs, &ValueError{Field: field + ".at", Reason: "required: when the priority changed", Err: ErrInvalidRequest})
			continue
		case before(ch.At, r.Submitted):
			bad(field+".at", ch.At, "is before submitted "+r.Submitted.Format(time.RFC3339Nano))
		case i > 0 && !r.Changes[i-1].At.IsZero() && before(ch.At, r.Changes[i-1].At):
			bad(field+".at", ch.At, "is before "+index("changes", i-1)+" at "+r.Changes[i-1].At.Format(time.RFC3339Nano)+": changes are in time order")
		}
		if !ch.Priority.valid() {
			errs = append(errs, &ValueError{Field: field + ".priority", Value: ch.Priority.String(), Reason: "want P1 to P4", Err: ErrInvalidPriority})
		}
		for j, h := range r.Holds {
			if !h.From.IsZero() && before(h.From, ch.At) && (h.Running() || before(ch.At, h.To)) {
				bad(field+".at", ch.At, "is inside "+index("holds", j)+" ("+holdText(h)+"): a change at a hold's start comes before it, one at its end after it")
			}
		}
	}
	return joinErrors(errs)
}

// stepsInOrder reports whether r's steps pass the checks of checkAll that do
// not involve holds or changes: the confirmation at or after the submission, and
// each event after a confirmation, at or after it.
func stepsInOrder(r *Request) bool {
	if r.Confirmed.IsZero() {
		return r.Shipped.IsZero() && r.Delivered.IsZero() && r.OnSite.IsZero()
	}
	c := wallOf(r.Confirmed)
	return !c.before(wallOf(r.Submitted)) &&
		(r.Shipped.IsZero() || !wallOf(r.Shipped).before(c)) &&
		(r.Delivered.IsZero() || !wallOf(r.Delivered).before(c)) &&
		(r.OnSite.IsZero() || !wallOf(r.OnSite).before(c))
}

// holdText writes a hold as "from X to Y" or "from X, not ended".
func holdText(h Hold) string {
	if h.Running() {
		return "from " + h.From.Format(time.RFC3339Nano) + ", not ended"
	}
	return "from " + h.From.Format(time.RFC3339Nano) + " to " + h.To.Format(time.RFC3339Nano)
}

func itoa(n int) string { return strconv.Itoa(n) }

// rangeError is the error for a set instant t of the request's field (with
// its suffix: the field's name is made only for an error) outside
// the calendar's range: the rules do not read every instant (a shipment, an
// event after the one that met its deadline, a hold or change after a
// deadline), and outside the range nothing is computed.
func (c *Calculator) rangeError(field, suffix string, t time.Time) error {
	if t.IsZero() {
		return nil
	}
	if err := c.cal.CheckInstant(t); err != nil {
		return timeError(field+suffix, t, err)
	}
	return nil
}

// eventsInRange reports whether the events the rules may not read (the
// shipment, the delivery, the arrival on site) are instants of the calendar's
// range; the submission and the confirmation are read by the rules, which
// report them.
func (c *Calculator) eventsInRange(r *Request) bool {
	ok := func(t time.Time) bool { return t.IsZero() || c.cal.CheckInstant(t) == nil }
	return ok(r.Shipped) && ok(r.Delivered) && ok(r.OnSite)
}

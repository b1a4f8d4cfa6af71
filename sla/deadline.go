package sla

import (
	"strconv"
	"time"

	"github.com/slaclock/slaclock/calendar"
)

// Kind is the kind of a deadline.
type Kind uint8

// The deadlines of a request (SPEC section 6).
const (
	Response Kind = iota + 1 // the provider's first response, from submission
	ShipBy                   // dispatch from the logistics hub (-S levels), from confirmation
	Delivery                 // the replacement delivered, from confirmation
	OnSite                   // an engineer on site with the replacement, from confirmation
	Return                   // the customer returns the damaged device, from delivery
)

// Kinds lists every kind in the order deadlines are reported.
var kindNames = [...]string{Response: "response", ShipBy: "ship-by", Delivery: "delivery", OnSite: "on-site", Return: "return"}
var kindFields = [...]string{Response: "response_by", ShipBy: "ship_by", Delivery: "delivery_by", OnSite: "onsite_by", Return: "return_by"}

func (k Kind) valid() bool { return k >= Response && k <= Return }

// String returns "response", "ship-by", "delivery", "on-site" or "return".
func (k Kind) String() string {
	if !k.valid() {
		return "%!Kind(" + strconv.Itoa(int(k)) + ")"
	}
	return kindNames[k]
}

// Field returns the kind's name as a data field: response_by, ship_by,
// delivery_by, onsite_by, return_by.
func (k Kind) Field() string {
	if !k.valid() {
		return k.String()
	}
	return kindFields[k]
}

// Request is what the deadlines of a service request are computed from.
type Request struct {
	Service  Service
	Priority Priority // needed by services split by priority; ignored by the others
	// Submitted is when an authorized user representative sent the request; the
	// response clock starts here. Required.
	Submitted time.Time
	// Confirmed is when the request's validity was accepted after verification;
	// the ship-by, delivery and on-site clocks start here. Zero: not confirmed yet,
	// and only the response deadline exists.
	Confirmed time.Time
	// Delivered is when the replacement was delivered; the return clock starts
	// here. Zero: not delivered yet.
	Delivered time.Time
}

// Deadline is one deadline of a request: the last instant at which the event is
// on time. An event at exactly Due is met; one nanosecond later is breached.
type Deadline struct {
	Kind   Kind
	Due    time.Time       // in the calendar's location
	Start  time.Time       // when its clock started: submission, confirmation or delivery
	Window calendar.Window // the window its time is measured in (24x7 for the return period)
	// Steps explain how Due was reached. Only Calculator.Explain fills them.
	Steps []Step
}

// Deadlines are the deadlines of one request, in the order of Kind.
type Deadlines struct {
	Service  Service
	Priority Priority
	Level    Level // the level that applied to the request's priority
	list     [5]Deadline
	n        int
}

// All returns the deadlines in the order of Kind. The slice shares d's storage.
func (d *Deadlines) All() []Deadline { return d.list[:d.n] }

// Len returns the number of deadlines.
func (d *Deadlines) Len() int { return d.n }

// Get returns the deadline of kind k, and false if the request has none.
func (d *Deadlines) Get(k Kind) (Deadline, bool) {
	for i := 0; i < d.n; i++ {
		if d.list[i].Kind == k {
			return d.list[i], true
		}
	}
	return Deadline{}, false
}

func (d *Deadlines) add(x Deadline) {
	d.list[d.n] = x
	d.n++
}

// Deadlines computes the deadlines of r as SPEC section 6 says:
//
//   - response: Settings.Response (1h) of the level's window from submission;
//   - once confirmed, the target of the level that applies to r's priority:
//     ship-by for -S levels, otherwise delivery (services that deliver) and
//     on-site (services with an engineer on site; the onsite CoCare packages have
//     both, with the same deadline);
//   - once delivered, the return of the damaged device: the end (24:00) of the
//     Settings.ReturnDays-th calendar day after the delivery date.
//
// Hour targets are H hours of the window from confirmation, carried over where
// the window closes; business-day targets clamp the confirmation into the
// window, apply the cutoff (at 15:00:00 exactly a confirmation is after it) and
// end at the close of the window on the due business day.
//
// Errors name the field and value: a missing service or submission, a
// confirmation before the submission, a delivery before the confirmation or
// without one, a missing priority (ErrPriorityRequired), a time outside the
// calendar's range (wrapping calendar.ErrOutOfRange). Deadlines does not
// allocate; Explain does the same and fills each deadline's Steps.
func (c *Calculator) Deadlines(r Request) (Deadlines, error) { return c.compute(r, false) }

// Explain is Deadlines with each deadline's explanation filled in.
func (c *Calculator) Explain(r Request) (Deadlines, error) { return c.compute(r, true) }

func (c *Calculator) compute(r Request, explain bool) (Deadlines, error) {
	var out Deadlines
	if r.Service.IsZero() {
		return out, &ValueError{Field: "service", Reason: "required", Err: ErrUnknownService}
	}
	lvl, err := r.Service.Level(r.Priority)
	if err != nil {
		return out, err
	}
	if err := checkTimes(r); err != nil {
		return out, err
	}
	out.Service, out.Priority, out.Level = r.Service, r.Priority, lvl

	sched := c.sched[lvl.cov]
	resp := Deadline{Kind: Response, Start: r.Submitted.In(c.cal.Location()), Window: sched.Window()}
	if resp.Due, resp.Steps, err = c.windowTime(sched, lvl.cov, "submitted", r.Submitted, c.set.Response, "response within", explain); err != nil {
		return out, err
	}
	out.add(resp)

	if !r.Confirmed.IsZero() {
		t := Deadline{Start: r.Confirmed.In(c.cal.Location()), Window: sched.Window()}
		if lvl.unit == Hours {
			t.Due, t.Steps, err = c.windowTime(sched, lvl.cov, "confirmed", r.Confirmed, time.Duration(lvl.n)*time.Hour, "", explain)
		} else {
			t.Due, t.Steps, err = c.businessDays(sched, lvl, r.Confirmed, explain)
		}
		if err != nil {
			return out, err
		}
		switch {
		case r.Service.Delivers() && lvl.ship:
			t.Kind = ShipBy
			out.add(t)
		case r.Service.Delivers():
			t.Kind = Delivery
			out.add(t)
		}
		if r.Service.OnSite() {
			t.Kind = OnSite
			out.add(t)
		}
	}

	if !r.Delivered.IsZero() {
		ret := Deadline{Kind: Return, Start: r.Delivered.In(c.cal.Location()), Window: calendar.Window24x7()}
		if ret.Due, ret.Steps, err = c.returnBy(r.Delivered, explain); err != nil {
			return out, err
		}
		out.add(ret)
	}
	return out, nil
}

func checkTimes(r Request) error {
	switch {
	case r.Submitted.IsZero():
		return &ValueError{Field: "submitted", Reason: "required: the response clock starts there", Err: ErrInvalidRequest}
	case !r.Confirmed.IsZero() && r.Confirmed.Before(r.Submitted):
		return &ValueError{Field: "confirmed", Value: r.Confirmed.Format(time.RFC3339Nano),
			Reason: "is before submitted " + r.Submitted.Format(time.RFC3339Nano), Err: ErrInvalidRequest}
	case !r.Delivered.IsZero() && r.Confirmed.IsZero():
		return &ValueError{Field: "delivered", Value: r.Delivered.Format(time.RFC3339Nano),
			Reason: "is set but confirmed is not: a replacement is sent only after confirmation", Err: ErrInvalidRequest}
	case !r.Delivered.IsZero() && r.Delivered.Before(r.Confirmed):
		return &ValueError{Field: "delivered", Value: r.Delivered.Format(time.RFC3339Nano),
			Reason: "is before confirmed " + r.Confirmed.Format(time.RFC3339Nano), Err: ErrInvalidRequest}
	}
	return nil
}

// timeError wraps a calendar error about the request's field.
func timeError(field string, t time.Time, err error) error {
	return &ValueError{Field: field, Value: t.Format(time.RFC3339Nano), Reason: err.Error(), Err: ErrInvalidRequest, Cause: err}
}

// windowTime is the deadline d of window time after start (the response and the
// hour targets), with its steps when explain is set.
func (c *Calculator) windowTime(s *calendar.Schedule, cov Coverage, field string, start time.Time, d time.Duration, what string, explain bool) (time.Time, []Step, error) {
	due, err := s.Add(start, d)
	if err != nil {
		return time.Time{}, nil, timeError(field, start, err)
	}
	if !explain {
		return due, nil, nil
	}
	return due, c.explainWindowTime(s, cov, field, start, d, what, due), nil
}

// businessDays is the deadline of a business-day target (NBD, kBD) confirmed at
// conf: SPEC section 6's four steps.
func (c *Calculator) businessDays(s *calendar.Schedule, l Level, conf time.Time, explain bool) (time.Time, []Step, error) {
	// 1. Clamp the confirmation into the window; D is its date.
	start, err := s.NextOpen(conf)
	if err != nil {
		return time.Time{}, nil, timeError("confirmed", conf, err)
	}
	day := c.cal.DateOf(start)
	isBusiness, err := c.cal.IsBusinessDay(day)
	if err != nil {
		return time.Time{}, nil, timeError("confirmed", conf, err)
	}
	// 2./3. The k-th business day after D, the (k+1)-th from the cutoff on.
	applies := !l.ship || c.set.CutoffAppliesToShip
	after := false
	if isBusiness && applies {
		cut, err := c.cal.At(day, c.set.Cutoff)
		if err != nil {
			return time.Time{}, nil, timeError("confirmed", conf, err)
		}
		after = !start.Before(cut)
	}
	n := int(l.n)
	if after {
		n++
	}
	dueDay, err := c.cal.AddBusinessDays(day, n)
	if err != nil {
		return time.Time{}, nil, timeError("confirmed", conf, err)
	}
	// 4. The close of the window on the due day.
	due, open, err := s.CloseOn(dueDay)
	if err != nil {
		return time.Time{}, nil, timeError("confirmed", conf, err)
	}
	if !open {
		return time.Time{}, nil, &ValueError{Field: "Settings.Window" + l.cov.String(), Value: s.Window().String(),
			Reason: "is closed on the due business day " + dueDay.String(), Err: ErrInvalidSettings}
	}
	if !explain {
		return due, nil, nil
	}
	return due, c.explainBusinessDays(s, l, conf, start, day, isBusiness, applies, after, dueDay, due), nil
}

// returnBy is the end (24:00) of the ReturnDays-th calendar day after delivery.
func (c *Calculator) returnBy(delivered time.Time, explain bool) (time.Time, []Step, error) {
	if _, err := c.elapsed.Contains(delivered); err != nil {
		return time.Time{}, nil, timeError("delivered", delivered, err)
	}
	last := c.cal.DateOf(delivered).AddDays(c.set.ReturnDays)
	due, err := c.cal.At(last, calendar.EndOfDay)
	if err != nil {
		return time.Time{}, nil, timeError("delivered", delivered, err)
	}
	if !explain {
		return due, nil, nil
	}
	return due, c.explainReturn(delivered, last, due), nil
}

package sla

import (
	"time"
)

// Kind is the kind of a deadline. The zero Kind is not valid.
type Kind uint8

// The deadlines of a request.
const (
	Response Kind = iota + 1 // the provider's first response, from submission
	ShipBy                   // dispatch from the logistics hub (-S levels), from confirmation
	Delivery                 // the replacement delivered, from confirmation
	OnSite                   // an engineer on site with the replacement, from confirmation
	Return                   // the customer returns the damaged device, from delivery
)

var kindNames = [...]string{Response: "response", ShipBy: "ship-by", Delivery: "delivery", OnSite: "on-site", Return: "return"}
var kindFields = [...]string{Response: "response_by", ShipBy: "ship_by", Delivery: "delivery_by", OnSite: "onsite_by", Return: "return_by"}

func (k Kind) valid() bool { return k >= Response && k <= Return }

// String returns "response", "ship-by", "delivery", "on-site" or "return"; an
// invalid Kind prints as %!Kind(n).
func (k Kind) String() string {
	if !k.valid() {
		return "%!Kind(" + itoa(int(k)) + ")"
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

// Provider reports whether the deadline is the provider's (every kind but
// Return, which is the customer's own).
func (k Kind) Provider() bool { return k != Return }

// Deadline is one deadline of a request: the last instant at which its event is
// on time. An event at exactly Due is met; one nanosecond later is breached.
//
// A deadline whose clock a running hold has stopped is Paused: it has no Due
// (the zero time), and Left is the window time that was left when the clock
// stopped, at PausedSince; it stays the same until the hold ends.
type Deadline struct {
	Kind Kind
	// Paused reports a deadline stopped by a running hold; PausedSince and
	// Left say when its clock stopped and how much window time was left.
	Paused bool
	// Level is the service level in force for the deadline's clock, after any
	// priority change; its coverage is the window its time is measured in. The
	// return deadline has no level: its seven days are calendar days.
	Level Level
	Start time.Time // when its clock started: submission, confirmation or delivery
	Due   time.Time // in the calendar's location; zero while Paused

	PausedSince time.Time     // while Paused: when the hold stopped the clock
	Left        time.Duration // while Paused: the window time left then
	// Holds are the request's holds that stopped this deadline's clock, in time
	// order: a part of Request.Holds, not a copy.
	Holds []Hold
	// Steps explain how Due was reached. Calculator.Explain fills them.
	Steps []Step
}

// Coverage returns the coverage the deadline's time is measured in; the return
// period, measured in calendar days, reports Coverage24x7.
func (d Deadline) Coverage() Coverage {
	if d.Kind == Return || !d.Level.valid() {
		return Coverage24x7
	}
	return d.Level.cov
}

// Deadlines are the deadlines of one request, in the order of Kind.
//
// A Deadlines holds the deadlines alone. What each rule decided on the way
// (the clamped start, the processing day, the cutoff, the holds and priority
// changes applied) is recorded only by Calculator.Explain, for the time it
// renders the explanation from it, and is not kept.
type Deadlines struct {
	Service  Service
	Priority Priority // the priority in force after the last change
	Level    Level    // the level in force for the target (before confirmation, for the response)
	list     [maxDeadlines]Deadline
	n        int32
}

// maxDeadlines is the most deadlines a request has: the response, two targets
// (the onsite packages' delivery and on-site) and the return.
const maxDeadlines = 4

// All returns the deadlines in the order of Kind. The slice shares d's storage.
func (d *Deadlines) All() []Deadline { return d.list[:d.n] }

// Len returns the number of deadlines.
func (d *Deadlines) Len() int { return int(d.n) }

// Get returns the deadline of kind k, and false if the request has none.
func (d *Deadlines) Get(k Kind) (Deadline, bool) {
	for i := 0; i < int(d.n); i++ {
		if d.list[i].Kind == k {
			return d.list[i], true
		}
	}
	return Deadline{}, false
}

// Deadlines computes the deadlines of r:
//
//   - response: Settings.Response (1 hour) of the level's window from the
//     submission, carried over to the next opening where the window closes;
//     the response clock never stops for a hold;
//   - once confirmed, the target of the level that applies to r's priority:
//     ship-by for -S levels, otherwise delivery (services that deliver) and
//     on-site (services with an engineer on site; the onsite CoCare packages
//     have both, with the same deadline);
//   - once the replacement reached the customer (the delivery; for the
//     services with an engineer on site, the earlier of the delivery and the
//     engineer's arrival with the part), the return of the damaged device:
//     the end (24:00) of the Settings.ReturnDays-th calendar day after that
//     date; it never stops for a hold.
//
// Hour targets are H hours of the window from the confirmation. Business-day
// targets count coverage days (business days of the calendar on which the
// window is open): the confirmation is clamped into the window; where the
// cutoff applies (8x5 and 9x5 by default, see Settings) a confirmation at or
// after the cutoff (at 15:00:00 exactly it is after), or on a day that is not
// a coverage day, counts from the next coverage day; the deadline is the
// window's close on the k-th coverage day after that. Without holds and
// priority changes a later confirmation never gets an earlier deadline.
//
// A hold [from, to) stops the clocks that count from the confirmation and are
// still running when it begins (their event has not happened by then): with
// f the later of from and the clock's start, if f is before the deadline d and
// before to, the deadline becomes the instant at which the window time left
// at f (from f to d) has run again from to. Otherwise it does not move. Holds
// apply in time order; a running hold leaves the deadline Paused.
//
// A priority change at c, after the clock's start s and before its deadline
// d, that changes the level: to a more urgent level, d becomes the earlier of
// d and the new level's deadline counted from c; to a less urgent one, the new
// level's deadline from s with the holds that ended by c applied again. With
// Settings.RetroactivePriorityChanges both directions take the latter. The
// clock then runs in the new level's window. A change at or after d moves
// nothing; one at s is in force at s.
//
// Errors name the field and the value (see Request): a missing service or
// submission, an event before the step it follows, holds that overlap or end
// before they begin, an event inside a hold, changes out of order or inside a
// hold, a missing priority (ErrPriorityRequired), a time outside the
// calendar's range (wrapping calendar.ErrOutOfRange). Deadlines does not
// allocate while it records at most 12 effects of holds and priority changes:
// the response clock records each priority change, the other clocks each hold
// that ends after their start and each change, and the delivery and on-site
// deadlines share one clock unless a hold begins between their events. So
// three holds with two priority changes never allocate, nor do six holds alone.
func (c *Calculator) Deadlines(r Request) (out Deadlines, err error) {
	err = c.compute(&r, &out, nil)
	return out, err
}

// Explain is Deadlines with each deadline's Steps filled in: a rendering of the
// record the computation kept, in words and as data.
func (c *Calculator) Explain(r Request) (out Deadlines, err error) {
	var tr trace
	if err = c.compute(&r, &out, &tr); err != nil {
		return out, err
	}
	c.render(&out, &tr)
	return out, nil
}

// compute computes the deadlines of r into out, recording what the rules
// decided into tr (nil: nothing is recorded).
func (c *Calculator) compute(r *Request, out *Deadlines, tr *trace) error {
	if r.Service.IsZero() {
		return &ValueError{Field: "service", Reason: "required", Err: ErrUnknownService}
	}
	lvl, err := r.Service.Level(r.Priority)
	if err != nil {
		return err
	}
	if err := c.check(r); err != nil {
		return err
	}
	out.Service, out.Priority, out.Level = r.Service, r.Priority, lvl
	rc := recorder{tr: tr}
	if tr != nil {
		tr.holds, tr.changes = r.Holds, r.Changes
	}
	if n := len(r.Changes); n > 0 {
		out.Priority = r.Changes[n-1].Priority
	}

	if len(r.Holds) == 0 && len(r.Changes) == 0 {
		if err := c.plain(r, out, &rc, lvl); err != nil {
			return err
		}
	} else {
		if err := c.clock(r, out, &rc, &out.list[0], Response, lvl, r.Submitted, time.Time{}); err != nil {
			return err
		}
		out.n = 1
		if !r.Confirmed.IsZero() {
			kinds, nk := r.Service.targetKindList()
			if err := c.targets(r, out, &rc, lvl, kinds[:nk]); err != nil {
				return err
			}
			out.Level = out.list[out.n-1].Level // a priority change may have moved it
		}
	}
	// The return: the end (24:00) of the ReturnDays-th calendar day after the
	// replacement reached the customer. Its deadline and record are zero.
	if start, field := replacedAt(r); !start.IsZero() {
		x, err := c.cal.EndOfDayAfter(start, c.set.ReturnDays)
		if err != nil {
			return timeError(startFields[field], start, err)
		}
		d := &out.list[out.n]
		d.Kind, d.Start, d.Due = Return, start.In(c.cal.Location()), x.End()
		if tr != nil {
			rec := rc.newRecord()
			rec.field = field
			rec.how, rec.at, rec.day, rec.dueDay, rec.base = howDays, unix(start), pack(x.Day()), pack(x.Last()), x.EndUnixNano()
			rec.clampedTime, rec.baseTime = d.Start, d.Due
			rc.link(out.n)
		}
		out.n++
	}
	return nil
}

// plain computes the response and target deadlines of a request without holds
// and priority changes, of level lvl: each clock is its rule alone, and the
// deadlines of a target share its clock. It writes the records and the
// deadlines itself, in one pass, where startClock and clock would weigh holds
// and changes: this is the path of most requests.
func (c *Calculator) plain(r *Request, out *Deadlines, rc *recorder, lvl Level) error {
	loc := c.cal.Location()
	s := c.sched[lvl.cov]
	rec := rc.newRecord()
	rec.kind, rec.field = Response, fieldSubmitted
	if !rec.spare {
		rec.lvl, rec.at = lvl, unix(r.Submitted)
	}
	// The rules are called directly, not through rule's dispatch: one call
	// less per clock is 4% of a plain request.
	due, err := c.windowRule(rec, s, r.Submitted, c.set.Response)
	if err != nil {
		return err
	}
	d := &out.list[0]
	d.Kind, d.Level, d.Start, d.Due = Response, lvl, r.Submitted.In(loc), due
	rc.link(0)
	out.n = 1
	if r.Confirmed.IsZero() {
		return nil
	}

	first, second := r.Service.targetKinds()
	rec = rc.newRecord()
	rec.kind, rec.field = first, fieldConfirmed
	if !rec.spare {
		rec.lvl, rec.at = lvl, unix(r.Confirmed)
	}
	if lvl.unit == Hours {
		due, err = c.windowRule(rec, s, r.Confirmed, time.Duration(lvl.n)*time.Hour)
	} else {
		due, err = c.daysRule(rec, s, lvl, r.Confirmed)
	}
	if err != nil {
		return err
	}
	// The deadlines are zero: their fields are set one by one, each from the
	// value it comes from, not copied from another deadline just written
	// (reading back what was just written stalls).
	start := r.Confirmed.In(loc)
	d = &out.list[1]
	d.Kind, d.Level, d.Start, d.Due = first, lvl, start, due
	rc.link(1)
	out.n = 2
	if second != 0 {
		d = &out.list[2]
		d.Kind, d.Level, d.Start, d.Due = second, lvl, start, due
		rc.link(2)
		out.n = 3
	}
	return nil
}

// targets computes the target deadlines of the given kinds of a request with
// holds or priority changes; base is the level of the request's priority.
func (c *Calculator) targets(r *Request, out *Deadlines, rc *recorder, base Level, kinds []Kind) error {
	var prevEvent time.Time
	for i, k := range kinds {
		ev := meetingEvent(k, r.Service, r.Shipped, r.Delivered, r.OnSite)
		d := &out.list[out.n]
		if i > 0 && sameClock(r.Holds, prevEvent, ev) {
			*d = out.list[out.n-1]
			rc.share(out.n)
		} else if err := c.clock(r, out, rc, d, k, base, r.Confirmed, ev); err != nil {
			return err
		}
		d.Kind = k
		out.n++
		prevEvent = ev
	}
	return nil
}

// sameClock reports whether two deadlines that count from the confirmation,
// met by events a and b (zero: not happened), have the same clock: an event
// matters only to the holds that begin at or after it, so they do unless a
// hold begins from the earlier event to before the later one.
func sameClock(holds []Hold, a, b time.Time) bool {
	if same(a, b) || len(holds) == 0 {
		return true
	}
	if a.IsZero() || (!b.IsZero() && before(b, a)) {
		a, b = b, a // a is the earlier event, which has happened
	}
	for _, h := range holds {
		if !before(h.From, a) && (b.IsZero() || before(h.From, b)) {
			return false
		}
	}
	return true
}

// targetKinds lists the deadlines the service's target sets: first, and
// second where it sets two (zero where it sets one). Two results, not an
// array: the plain path keeps them in registers.
func (s Service) targetKinds() (first, second Kind) {
	in := s.info()
	switch {
	case in.delivers && in.onsite:
		return Delivery, OnSite
	case in.onsite:
		return OnSite, 0
	case s.kind == ahb && s.level.ship, in.level.ship:
		return ShipBy, 0
	}
	return Delivery, 0
}

// targetKindList is targetKinds as a list.
func (s Service) targetKindList() ([2]Kind, int) {
	first, second := s.targetKinds()
	if second == 0 {
		return [2]Kind{first}, 1
	}
	return [2]Kind{first, second}, 2
}

// replacedAt is when the replacement reached the customer, and the field it
// comes from: the delivery, or for the services with an engineer on site the
// earlier of the delivery and the engineer's arrival with the part (the
// delivery where both are at one instant).
func replacedAt(r *Request) (time.Time, startField) {
	if r.Service.OnSite() && !r.OnSite.IsZero() && (r.Delivered.IsZero() || before(r.OnSite, r.Delivered)) {
		return r.OnSite, fieldOnSite
	}
	if !r.Delivered.IsZero() {
		return r.Delivered, fieldDelivered
	}
	return time.Time{}, 0
}

// meetingEvent is the event that meets a deadline of kind k: the shipment for
// ship-by (where none is recorded, the delivery or the engineer's arrival,
// whichever came first: the part cannot arrive before it left), the delivery
// for delivery (for the on-site packages also the engineer's arrival with the
// part), the arrival for on-site.
func meetingEvent(k Kind, s Service, shipped, delivered, onsite time.Time) time.Time {
	switch k {
	case ShipBy:
		if !shipped.IsZero() {
			return shipped
		}
		return earliest(delivered, onsite)
	case Delivery:
		if s.OnSite() {
			return earliest(delivered, onsite)
		}
		return delivered
	case OnSite:
		return onsite
	}
	return time.Time{}
}

// earliest returns the earlier of two times, a zero one counting as absent.
func earliest(a, b time.Time) time.Time {
	switch {
	case a.IsZero():
		return b
	case b.IsZero() || before(a, b):
		return a
	}
	return b
}

// levelAt returns the level of the priority in force at t: the request's
// priority, whose level is base, with every change at or before t applied; and
// the index of the first change after t.
func levelAt(r *Request, base Level, t time.Time) (Level, Priority, int) {
	if len(r.Changes) == 0 || before(t, r.Changes[0].At) {
		return base, r.Priority, 0
	}
	p, next := r.Priority, 0
	for next < len(r.Changes) && !before(t, r.Changes[next].At) {
		p = r.Changes[next].Priority
		next++
	}
	l, _ := r.Service.Level(p) // priorities were checked
	return l, p, next
}

// timeError wraps a calendar error about the request's field.
func timeError(field string, t time.Time, err error) error {
	return &ValueError{Field: field, Value: t.Format(time.RFC3339Nano), Reason: err.Error(), Err: ErrInvalidRequest, Cause: err}
}

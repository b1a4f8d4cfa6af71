package sla

import (
	"time"

	"github.com/slaclock/slaclock/calendar"
)

// Status is where a deadline stands.
type Status uint8

// The statuses of a deadline. The zero Status is Open.
const (
	Open     Status = iota // the event has not happened and the deadline has not passed
	Met                    // the event happened at or before the deadline
	Breached               // the event happened after the deadline, or has not happened and the deadline has passed
	Paused                 // a running hold has stopped the deadline's clock: it has no due instant yet
)

var statusNames = [...]string{Open: "open", Met: "met", Breached: "breached", Paused: "paused"}

// String returns "open", "met", "breached" or "paused"; an invalid Status
// prints as %!Status(n).
func (s Status) String() string {
	if s > Paused {
		return "%!Status(" + itoa(int(s)) + ")"
	}
	return statusNames[s]
}

// ParseStatus parses a status's name, ignoring case and surrounding spaces.
func ParseStatus(s string) (Status, error) {
	for v, name := range statusNames {
		if equalFoldTrim(s, name) {
			return Status(v), nil
		}
	}
	return 0, &ParseError{Kind: "status", Input: s, Reason: "want open, met, breached or paused", Err: ErrInvalidRequest}
}

// MarshalText implements encoding.TextMarshaler.
func (s Status) MarshalText() ([]byte, error) {
	if s > Paused {
		return nil, &ValueError{Field: "status", Value: s.String(), Reason: "not a status", Err: ErrInvalidRequest}
	}
	return []byte(s.String()), nil
}

// UnmarshalText implements encoding.TextUnmarshaler. On error s is unchanged.
func (s *Status) UnmarshalText(b []byte) error {
	v, err := ParseStatus(string(b))
	if err != nil {
		return err
	}
	*s = v
	return nil
}

// Actuals are the times the events of a request happened; a zero time means the
// event has not happened (yet).
type Actuals struct {
	Responded time.Time
	// Verified is when verification ended: the confirmation, the rejection, or
	// a closing without confirmation. Where Responded is zero it counts as the
	// response.
	Verified  time.Time
	Shipped   time.Time
	Delivered time.Time
	OnSite    time.Time
	Returned  time.Time
}

// For returns the time of the event that meets the deadline of kind k of
// service s: the response by the responded step, else by the end of
// verification; ship-by by the shipment, and where none is recorded by the
// delivery or the engineer's arrival, whichever came first; delivery by the
// delivery, or for the on-site packages by the engineer's arrival with the
// part, whichever came first; on-site by the arrival; return by the returned
// step.
func (a Actuals) For(k Kind, s Service) time.Time {
	switch k {
	case Response:
		if a.Responded.IsZero() {
			return a.Verified
		}
		return a.Responded
	case ShipBy, Delivery, OnSite:
		return meetingEvent(k, s, a.Shipped, a.Delivered, a.OnSite)
	case Return:
		return a.Returned
	}
	return time.Time{}
}

// Outcome is a deadline checked against what happened.
type Outcome struct {
	Deadline Deadline
	Status   Status
	Actual   time.Time // when the event happened; zero while it has not
	// By is how far the event was from the deadline, in elapsed time: how early
	// when Met, how late when Breached (for an open deadline that has passed, how
	// late it is at now). Zero for an open or paused deadline.
	By time.Duration
	// ByWindow is By counted in window time (for the return period, elapsed time).
	ByWindow time.Duration
	// Progress is the state of the clock at now for an open, paused or
	// open-and-breached deadline; zero once the event has happened.
	Progress Progress
	// Escalate is set for a provider's deadline (every kind but Return) that is
	// breached, or open or paused with at least Settings.EscalationShare of its
	// target used (for a paused deadline, used when its clock stopped): the
	// request names its programme's escalation channel. A met deadline does
	// not escalate.
	Escalate bool
	// CustomerOverdue is set when the return deadline has passed without the
	// damaged device returned: the customer is late, not the provider.
	CustomerOverdue bool
}

// Progress is the state of a deadline's clock at an instant. All of it is
// window time of the level in force, with the time on hold left out.
type Progress struct {
	Target time.Duration // window time from the clock's start to the deadline, holds excluded
	Used   time.Duration // window time from the start to now, holds excluded (0 before the start)
	// Left is the window time from now to the deadline, holds excluded: Target
	// minus Used once the clock has started; once the deadline has passed, minus
	// the window time since (so it stays 0 while the window is shut after a 9x5
	// close). For a paused deadline it is the window time left when the clock
	// stopped.
	Left time.Duration
	// LeftElapsed is Due minus now, in elapsed time; negative once it has
	// passed, zero for a paused deadline.
	LeftElapsed time.Duration
	// Share is Used / Target as a float, for display: 0 at the start, 1 at the
	// deadline, above 1 after it. Use Reached to compare with a share.
	Share  float64
	Paused bool
}

// Reached reports whether share p of the target is used: Used is at least p of
// Target, rounded up to the nanosecond.
func (p Progress) Reached(s Share) bool { return p.Used >= s.Of(p.Target) }

// Check compares a deadline with the time its event happened. An event at
// exactly the deadline is met; one nanosecond later it is breached. The
// difference is given in elapsed time and in the deadline's window time. A
// paused deadline has no due instant to check against (and an event cannot
// happen while its clock is on hold). Check does not allocate.
func (c *Calculator) Check(d Deadline, actual time.Time) (Outcome, error) {
	if actual.IsZero() {
		return Outcome{}, &ValueError{Field: d.Kind.String() + " actual time", Reason: "required: use Progress for an event that has not happened", Err: ErrInvalidRequest}
	}
	if d.Paused {
		return Outcome{}, &ValueError{Field: d.Kind.String() + " actual time", Value: actual.Format(time.RFC3339Nano),
			Reason: "the deadline is paused by a running hold: it has no due instant", Err: ErrInvalidRequest}
	}
	if before(actual, d.Start) {
		return Outcome{}, &ValueError{Field: d.Kind.String() + " actual time", Value: actual.Format(time.RFC3339Nano),
			Reason: "is before the clock started at " + d.Start.Format(time.RFC3339Nano), Err: ErrInvalidRequest}
	}
	s, err := c.schedule(d)
	if err != nil {
		return Outcome{}, err
	}
	w, err := s.Between(actual, d.Due)
	if err != nil {
		return Outcome{}, timeError(d.Kind.String()+" actual time", actual, err)
	}
	o := Outcome{Deadline: d, Actual: actual.In(c.cal.Location()), Status: Met, By: d.Due.Sub(actual), ByWindow: w}
	if before(d.Due, actual) {
		o.Status, o.By, o.ByWindow = Breached, -o.By, -o.ByWindow
		o.Escalate = d.Kind.Provider()
		o.CustomerOverdue = d.Kind == Return
	}
	return o, nil
}

// schedule returns the compiled window of d: its level's under the
// calculator's settings, real time for the return period.
func (c *Calculator) schedule(d Deadline) (*calendar.Schedule, error) {
	switch {
	case d.Kind == Return:
		return c.elapsed, nil
	case !d.Kind.valid():
		return nil, &ValueError{Field: "deadline kind", Value: d.Kind.String(), Reason: "not a deadline kind", Err: ErrInvalidRequest}
	case !d.Level.valid():
		return nil, &ValueError{Field: d.Kind.String() + " level", Value: d.Level.String(), Reason: "a provider's deadline needs its level", Err: ErrInvalidRequest}
	}
	return c.sched[d.Level.cov], nil
}

// used is the window time from d's start to t with the time on hold left out.
func used(s *calendar.Schedule, d *Deadline, t time.Time) (time.Duration, error) {
	if !before(d.Start, t) {
		return 0, nil
	}
	u, err := s.Between(d.Start, t)
	if err != nil {
		return 0, err
	}
	for _, h := range d.Holds {
		a := h.From
		if before(a, d.Start) {
			a = d.Start
		}
		if !before(a, t) {
			break
		}
		b := t
		if !h.Running() && before(h.To, t) {
			b = h.To
		}
		x, err := s.Between(a, b)
		if err != nil {
			return 0, err
		}
		u -= x
	}
	return u, nil
}

// target is the window time of d's whole target, holds excluded.
func target(s *calendar.Schedule, d *Deadline) (time.Duration, error) {
	if d.Paused {
		u, err := used(s, d, d.PausedSince)
		return u + d.Left, err
	}
	return used(s, d, d.Due)
}

// Progress returns the state of d's clock at now: window time used and left and
// the share of the target used, with the time on hold left out. It does not
// allocate.
func (c *Calculator) Progress(d Deadline, now time.Time) (Progress, error) {
	s, err := c.schedule(d)
	if err != nil {
		return Progress{}, err
	}
	tg, err := target(s, &d)
	if err != nil {
		return Progress{}, timeError(d.Kind.String()+" start", d.Start, err)
	}
	u, err := used(s, &d, now)
	if err != nil {
		return Progress{}, timeError("now", now, err)
	}
	p := Progress{Target: tg, Used: u, Left: tg - u, Paused: d.Paused}
	if before(now, d.Start) && !d.Paused {
		// Before the clock starts the window time until it starts is left too.
		early, err := s.Between(now, d.Start)
		if err != nil {
			return Progress{}, timeError("now", now, err)
		}
		p.Left += early
	}
	if !d.Paused {
		p.LeftElapsed = d.Due.Sub(now)
	}
	switch {
	case tg > 0:
		p.Share = float64(u) / float64(tg)
	case !d.Paused && !before(now, d.Due):
		p.Share = 1
	}
	return p, nil
}

// AlertAt returns the instant at which share p of d's target will be used if no
// further hold comes: the first instant at which Progress reports p reached, so
// a service can set a timer for 50, 75 or 90 % instead of polling. For p of 100
// % it is the deadline itself. For a paused deadline the instant is known only
// if p was reached before the clock stopped; otherwise AlertAt returns false.
func (c *Calculator) AlertAt(d Deadline, p Share) (time.Time, bool, error) {
	if !p.valid() {
		return time.Time{}, false, &ValueError{Field: "share", Value: p.String(), Reason: checkShare(p), Err: ErrInvalidSettings}
	}
	s, err := c.schedule(d)
	if err != nil {
		return time.Time{}, false, err
	}
	tg, err := target(s, &d)
	if err != nil {
		return time.Time{}, false, timeError(d.Kind.String()+" start", d.Start, err)
	}
	thr := p.Of(tg)
	var u time.Duration
	cur := d.Start
	for _, h := range d.Holds {
		a := h.From
		if before(a, cur) {
			a = cur
		}
		seg, err := s.Between(cur, a)
		if err != nil {
			return time.Time{}, false, timeError("hold", h.From, err)
		}
		if u+seg >= thr {
			t, err := s.Add(cur, thr-u)
			return t, err == nil, err
		}
		u += seg
		if h.Running() {
			return time.Time{}, false, nil
		}
		if before(cur, h.To) {
			cur = h.To
		}
	}
	t, err := s.Add(cur, thr-u)
	if err != nil {
		return time.Time{}, false, timeError(d.Kind.String()+" alert", cur, err)
	}
	return t, true, nil
}

// Evaluate checks every deadline of ds against what happened (act) and, for
// those whose event has not happened, against now: one Outcome per deadline, in
// the order of ds.All(). Which event meets which deadline is Actuals.For's.
func (c *Calculator) Evaluate(ds *Deadlines, act Actuals, now time.Time) ([]Outcome, error) {
	out := make([]Outcome, 0, ds.Len())
	for _, d := range ds.All() {
		o, err := c.outcome(d, act.For(d.Kind, ds.Service), now)
		if err != nil {
			return nil, err
		}
		out = append(out, o)
	}
	return out, nil
}

// outcome is one deadline's Outcome.
func (c *Calculator) outcome(d Deadline, at, now time.Time) (Outcome, error) {
	if !at.IsZero() && !d.Paused {
		return c.Check(d, at)
	}
	p, err := c.Progress(d, now)
	if err != nil {
		return Outcome{}, err
	}
	o := Outcome{Deadline: d, Status: Open, Progress: p}
	switch {
	case d.Paused:
		o.Status = Paused
		o.Escalate = d.Kind.Provider() && p.Reached(c.set.EscalationShare)
	case before(d.Due, now):
		o.Status, o.By, o.ByWindow = Breached, now.Sub(d.Due), -p.Left
		o.Escalate = d.Kind.Provider()
		o.CustomerOverdue = d.Kind == Return
	case d.Kind.Provider() && p.Reached(c.set.EscalationShare):
		o.Escalate = true
	}
	return o, nil
}

// equalFoldTrim reports whether s, without the blanks around it, is name (in
// lower case) in any case.
func equalFoldTrim(s, name string) bool {
	s = trimBlanks(s)
	if len(s) != len(name) {
		return false
	}
	for i := 0; i < len(s); i++ {
		a := s[i]
		if a >= 'A' && a <= 'Z' {
			a += 'a' - 'A'
		}
		if a != name[i] {
			return false
		}
	}
	return true
}

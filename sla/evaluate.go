package sla

import (
	"strconv"
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
)

var statusNames = [...]string{Open: "open", Met: "met", Breached: "breached"}

// String returns "open", "met" or "breached".
func (s Status) String() string {
	if s > Breached {
		return "%!Status(" + strconv.Itoa(int(s)) + ")"
	}
	return statusNames[s]
}

// Actuals are the times the events of a request happened; a zero time means the
// event has not happened (yet).
type Actuals struct {
	Responded time.Time
	Shipped   time.Time
	Delivered time.Time
	OnSite    time.Time
	Returned  time.Time
}

// For returns the actual time of the event that deadline kind k waits for.
func (a Actuals) For(k Kind) time.Time {
	switch k {
	case Response:
		return a.Responded
	case ShipBy:
		return a.Shipped
	case Delivery:
		return a.Delivered
	case OnSite:
		return a.OnSite
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
	// late it is at now). Zero for an open deadline.
	By time.Duration
	// ByWindow is By counted in window time (for the return period, elapsed time).
	ByWindow time.Duration
	// Progress is the state of the clock at now for an open or open-and-breached
	// deadline; zero once the event has happened.
	Progress Progress
}

// Progress is the state of a deadline's clock at an instant.
type Progress struct {
	Target time.Duration // window time from the clock's start to the deadline
	Used   time.Duration // window time from the start to now (0 before the start)
	// Left is the window time from now to the deadline; once the deadline has
	// passed, minus the window time from the deadline to now (so it stays 0
	// while the window is shut after a 9x5 close, and LeftElapsed does not).
	Left time.Duration
	// LeftElapsed is Due minus now, in elapsed time; negative once it has passed.
	LeftElapsed time.Duration
	// Share is Used / Target: 0 at the start, 1 at the deadline, above 1 after it.
	// A service warns at 0.5, 0.75 or 0.9.
	Share float64
}

// Check compares a deadline with the time its event happened. An event at
// exactly the deadline is met; one nanosecond later it is breached. The
// difference is given in elapsed time and in the deadline's window time. It
// does not allocate for a deadline computed by the calculator.
func (c *Calculator) Check(d Deadline, actual time.Time) (Outcome, error) {
	if actual.IsZero() {
		return Outcome{}, &ValueError{Field: d.Kind.String() + " actual time", Reason: "required: use Progress for an event that has not happened", Err: ErrInvalidRequest}
	}
	if actual.Before(d.Start) {
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
	if actual.After(d.Due) {
		o.Status, o.By, o.ByWindow = Breached, -o.By, -o.ByWindow
	}
	return o, nil
}

// schedule returns the compiled window of d; a window that is not valid (the
// zero Deadline's, say) is an error wrapping ErrInvalidRequest, like every other
// error of the package.
func (c *Calculator) schedule(d Deadline) (*calendar.Schedule, error) {
	// The calculator's own windows first: no lock, and they are kept even where
	// the calendar keeps no more compiled windows.
	for _, s := range c.sched[Coverage8x5:] {
		if s.Window() == d.Window {
			return s, nil
		}
	}
	if c.elapsed.Window() == d.Window {
		return c.elapsed, nil
	}
	s, err := c.cal.Schedule(d.Window)
	if err != nil {
		return nil, &ValueError{Field: d.Kind.String() + " window", Value: d.Window.String(), Reason: err.Error(), Err: ErrInvalidRequest, Cause: err}
	}
	return s, nil
}

// Progress returns the state of d's clock at now: window time used and left and
// the share of the target used. It does not allocate for a deadline computed by
// the calculator.
func (c *Calculator) Progress(d Deadline, now time.Time) (Progress, error) {
	s, err := c.schedule(d)
	if err != nil {
		return Progress{}, err
	}
	target, err := s.Between(d.Start, d.Due)
	if err != nil {
		return Progress{}, timeError(d.Kind.String()+" start", d.Start, err)
	}
	left, err := s.Between(now, d.Due)
	if err != nil {
		return Progress{}, timeError("now", now, err)
	}
	p := Progress{Target: target, Left: left, LeftElapsed: d.Due.Sub(now)}
	p.Used = target - left
	if now.Before(d.Start) {
		p.Used = 0
	}
	switch {
	case target > 0:
		p.Share = float64(p.Used) / float64(target)
	case !now.Before(d.Due):
		p.Share = 1
	}
	return p, nil
}

// Evaluate checks every deadline of ds against what happened (act) and, for
// those whose event has not happened, against now: one Outcome per deadline, in
// the order of ds.All().
func (c *Calculator) Evaluate(ds *Deadlines, act Actuals, now time.Time) ([]Outcome, error) {
	out := make([]Outcome, 0, ds.Len())
	for _, d := range ds.All() {
		if at := act.For(d.Kind); !at.IsZero() {
			o, err := c.Check(d, at)
			if err != nil {
				return nil, err
			}
			out = append(out, o)
			continue
		}
		p, err := c.Progress(d, now)
		if err != nil {
			return nil, err
		}
		o := Outcome{Deadline: d, Status: Open, Progress: p}
		if now.After(d.Due) {
			o.Status, o.By, o.ByWindow = Breached, now.Sub(d.Due), -p.Left
		}
		out = append(out, o)
	}
	return out, nil
}

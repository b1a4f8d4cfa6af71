package sla

import (
	"strconv"
	"time"
)

// Request is what the deadlines of a service request are computed from: its
// service and priority, the times of its steps so far, its holds and its
// priority changes. A zero time means the step has not happened (yet).
// Times are instants on the wall clock: they are compared and counted by their
// wall clock readings, and a monotonic clock reading (time.Now gives one)
// plays no part.
//
// Calculator.Deadlines reads Holds and Changes in place and keeps no reference
// to them beyond the Deadlines it returns, whose Holds point into Request.Holds.
type Request struct {
	Service Service
	// Priority is the priority the request was submitted with. It is needed by
	// the services split by priority and ignored by the others.
	Priority Priority
	// Submitted is when an authorized user representative sent the request; the
	// response clock starts here. Required.
	Submitted time.Time
	// Confirmed is when the request's validity was accepted after verification;
	// the ship-by, delivery and on-site clocks start here. Zero: not confirmed
	// yet, and only the response deadline exists.
	Confirmed time.Time
	// Shipped is when the replacement left the logistics hub; it meets the
	// ship-by deadline.
	Shipped time.Time
	// Delivered is when the replacement was delivered: it meets the delivery
	// deadline (and a ship-by deadline with no shipment recorded) and starts
	// the return clock.
	Delivered time.Time
	// OnSite is when the engineer arrived with the replacement: it meets the
	// on-site deadline, the delivery deadline of the on-site packages and a
	// ship-by deadline with no shipment recorded; where nothing was delivered
	// before, the return clock starts here.
	OnSite time.Time
	// Holds are the intervals in which the provider waited for the customer, in
	// time order, not overlapping, none before the submission. The last one
	// may be still running (a zero To).
	Holds []Hold
	// Changes are the priority changes, in time order, none before the
	// submission and none strictly inside a hold. Several at one instant
	// apply in the order given.
	Changes []PriorityChange
}

// before reports whether a is before b on their wall clocks; unlike
// time.Time.Before it ignores monotonic clock readings, as the deadlines,
// counted in Unix nanoseconds, do.
func before(a, b time.Time) bool { return wallOf(a).before(wallOf(b)) }

// same reports whether a and b are the same instant on the wall clock.
func same(a, b time.Time) bool { return wallOf(a) == wallOf(b) }

// wallTime is an instant's wall clock reading, read once to be compared often.
type wallTime struct {
	sec  int64 // Unix seconds
	nsec int
}

func wallOf(t time.Time) wallTime { return wallTime{t.Unix(), t.Nanosecond()} }

func (a wallTime) before(b wallTime) bool { return a.sec < b.sec || a.sec == b.sec && a.nsec < b.nsec }

// Hold is an interval [From, To) in which the provider cannot go on because of
// the customer: the customer asked for a later delivery or visit, the site was
// closed to the engineer, shipment details were not agreed. A zero To is a
// hold that has not ended yet.
type Hold struct {
	From time.Time `json:"from"`
	To   time.Time `json:"to"` // zero: still on hold
}

// Running reports whether the hold has not ended yet.
func (h Hold) Running() bool { return h.To.IsZero() }

// MarshalJSON writes {"from": ..., "to": ...}, with "to" null for a running
// hold.
func (h Hold) MarshalJSON() ([]byte, error) {
	b := append(make([]byte, 0, 80), `{"from":"`...)
	b = h.From.AppendFormat(b, time.RFC3339Nano)
	if h.To.IsZero() {
		return append(b, `","to":null}`...), nil
	}
	b = append(b, `","to":"`...)
	b = h.To.AppendFormat(b, time.RFC3339Nano)
	return append(b, `"}`...), nil
}

// PriorityChange is a change of the request's priority at an instant.
type PriorityChange struct {
	At       time.Time `json:"at"`
	Priority Priority  `json:"priority"`
}

// index writes "holds[i]" and the like.
func index(field string, i int) string { return field + "[" + strconv.Itoa(i) + "]" }

package main

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/slaclock/slaclock/contract"
	"github.com/slaclock/slaclock/sla"
)

// Event is one line of a service desk's log: a step of the request for the
// device with serial Serial under contract Contract.
type Event struct {
	Contract string
	Serial   string
	// Priority is the opening's priority on a submitted event and the new
	// priority on a priority event; other events do not use it.
	Priority    sla.Priority
	Step        contract.Step
	At          time.Time
	Description string
	ID          string // the request's reference, optional; used on the submitted event
}

// Desk replays events into requests. It is this program's policy, not a rule
// of the contract package: a device has at most one request open at a time; a
// submitted event opens one, later events go to the device's open request, and
// closed or rejected ends it, so the next submitted event opens a new one.
//
// The desk keeps only what is still open. A request that ends is handed to the
// desk's end function with its status at the time it ended and dropped; of it
// the desk keeps, per device, only its events' steps and instants, so that a
// repeated line of it is known as a repeat. Memory grows with open requests
// and devices, not with the length of the log. A Desk is not safe for
// concurrent use.
type Desk struct {
	reg   *contract.Registry
	open  map[string]*openRequest // by device key
	ended map[string][]stamp      // the events of each device's last ended request
	end   func(*contract.Request, contract.Status)
	seq   int // requests opened
}

// openRequest is a request that has not ended, with the order it was opened in.
type openRequest struct {
	q      *contract.Request
	seq    int
	line   int     // the line it was submitted on
	stamps []stamp // its events, kept for the device when it ends
}

// stamp is an event of an ended request: enough to know a repeated line.
type stamp struct {
	step     contract.Step
	priority sla.Priority
	at       int64 // Unix nanoseconds
}

// NewDesk returns an empty desk on registry reg; end, when not nil, is called
// with every request that ends (closed or rejected) and its status at the time
// it ended, before the desk drops it.
func NewDesk(reg *contract.Registry, end func(*contract.Request, contract.Status)) *Desk {
	return &Desk{reg: reg, open: map[string]*openRequest{}, ended: map[string][]stamp{}, end: end}
}

// deviceKey is the desk's key of a device: contract and serial numbers compared
// ignoring case and surrounding spaces, as the registry compares them.
func deviceKey(number, serial string) string {
	return strings.ToUpper(strings.TrimSpace(number)) + "\x00" + strings.ToUpper(strings.TrimSpace(serial))
}

// Apply applies the event on line line of the log. A refused event changes
// nothing and returns the reason: the opening's or the step's error
// (*contract.FieldError, *contract.StepError); contract.ErrStepOrder for a
// submitted event on a device that already has an open request or a later
// step on one that has none; or the calendar's error (calendar.ErrOutOfRange)
// for an event whose deadlines the calendar cannot compute (every event) or,
// for the closing or rejecting event, evaluate at its time; an open request
// is evaluated when it is reported. An
// event that repeats one already applied (same device, step, instant and
// priority), of the open request or of the device's last ended one, is the
// same event: it is accepted and changes nothing.
func (d *Desk) Apply(e Event, line int) error {
	k := deviceKey(e.Contract, e.Serial)
	o, busy := d.open[k]
	if !busy {
		if d.repeatsEnded(k, e) {
			return nil
		}
		if e.Step != contract.Submitted {
			return &contract.StepError{Step: e.Step, At: e.At.Format(time.RFC3339Nano),
				Reason: "no open request for serial " + e.Serial + " under contract " + e.Contract, Err: contract.ErrStepOrder}
		}
		q, err := d.reg.Open(contract.Opening{ID: e.ID, Contract: e.Contract, Serial: e.Serial, Priority: e.Priority, Submitted: e.At, Description: e.Description})
		if err != nil {
			return err
		}
		d.seq++
		d.open[k] = &openRequest{q: q, seq: d.seq, line: line, stamps: []stamp{stampOf(e)}}
		delete(d.ended, k) // the last ended request is no longer the device's last
		return nil
	}
	q := o.q
	if e.Step == contract.Submitted {
		if at, _ := q.Time(contract.Submitted); at.Equal(e.At) {
			return nil // the submission repeated
		}
		at, _ := q.Time(contract.Submitted)
		return &contract.StepError{Step: e.Step, At: e.At.Format(time.RFC3339Nano),
			Reason: "the device already has an open request, submitted at " + at.Format(time.RFC3339Nano), Err: contract.ErrStepOrder}
	}
	entry := contract.Entry{Step: e.Step, At: e.At}
	if e.Step == contract.PriorityChanged {
		entry.Priority = e.Priority
	}
	before := q.Len()
	if err := q.Apply(entry); err != nil {
		return err
	}
	if q.Len() == before {
		return nil // a repeat: nothing changed
	}
	o.stamps = append(o.stamps, stampOf(e))
	if !q.Done() {
		return nil
	}
	st, err := q.Status(e.At)
	if err != nil {
		// The calendar cannot evaluate the deadlines at the end: take the
		// event back.
		h := q.History()
		h.Entries = h.Entries[:len(h.Entries)-1]
		back, rerr := d.reg.Restore(h)
		if rerr != nil {
			return fmt.Errorf("taking back the refused event: %w", errors.Join(rerr, err)) // not expected: the history replayed before
		}
		o.q, o.stamps = back, o.stamps[:len(o.stamps)-1]
		return stepError(e, err)
	}
	if d.end != nil {
		d.end(q, st)
	}
	delete(d.open, k)
	d.ended[k] = o.stamps
	return nil
}

// stampOf is the stamp of an applied event.
func stampOf(e Event) stamp {
	s := stamp{step: e.Step, at: e.At.UnixNano()}
	if e.Step == contract.PriorityChanged {
		s.priority = e.Priority
	}
	return s
}

// repeatsEnded reports whether e repeats an event of the device's last ended
// request.
func (d *Desk) repeatsEnded(k string, e Event) bool {
	for _, s := range d.ended[k] {
		if s.step == e.Step && s.at == e.At.UnixNano() && (s.step != contract.PriorityChanged || s.priority == e.Priority) {
			return true
		}
	}
	return false
}

// stepError is the refusal of an event whose deadlines the calendar cannot
// evaluate: a *contract.StepError wrapping the calendar's error.
func stepError(e Event, err error) error {
	return &contract.StepError{Step: e.Step, At: e.At.Format(time.RFC3339Nano),
		Reason: "the calendar cannot evaluate its deadlines: " + strings.TrimPrefix(err.Error(), "contract: "), Err: contract.ErrDeadline, Cause: err}
}

// Open returns the requests not ended, in the order they were opened, with the
// line each was submitted on.
func (d *Desk) Open() []*openRequest {
	out := make([]*openRequest, 0, len(d.open))
	for _, o := range d.open {
		out = append(out, o)
	}
	slices.SortFunc(out, func(a, b *openRequest) int { return a.seq - b.seq })
	return out
}

// Opened returns the number of requests opened.
func (d *Desk) Opened() int { return d.seq }

package contract

import (
	"time"

	"github.com/slaclock/slaclock/sla"
)

// Event is one line of a service desk's log: a step of the request for the
// device with serial Serial under contract Contract.
type Event struct {
	Contract    string
	Serial      string
	Priority    sla.Priority // read from the submitted event; later events' priority is not used
	Step        Step
	At          time.Time
	Description string
	ID          string // the request's reference, optional; used on the submitted event
}

// Desk replays events into requests. A device has at most one request open at a
// time: a submitted event opens one, later events go to the device's open
// request, and closed or rejected ends it, so the next submitted event opens a
// new one. A Desk is not safe for concurrent use.
type Desk struct {
	reg      *Registry
	requests []*Request
	open     map[string]*Request // by contract and serial key
}

// NewDesk returns an empty desk on registry reg.
func NewDesk(reg *Registry) *Desk {
	return &Desk{reg: reg, open: map[string]*Request{}}
}

// Apply applies one event and returns the request it changed. A refused event
// changes nothing and returns the reason: the opening's or the step's error, or
// ErrStepOrder for a submitted event on a device that already has an open
// request or a later step on one that has none.
func (d *Desk) Apply(e Event) (*Request, error) {
	k := key(e.Contract) + "\x00" + key(e.Serial)
	if e.Step == Submitted {
		if q, busy := d.open[k]; busy {
			at, _ := q.Time(Submitted)
			return nil, &StepError{Step: e.Step, At: e.At.Format(time.RFC3339Nano),
				Reason: "the device already has an open request, submitted at " + at.Format(time.RFC3339Nano), Err: ErrStepOrder}
		}
		q, err := d.reg.Open(Opening{ID: e.ID, Contract: e.Contract, Serial: e.Serial, Priority: e.Priority, Submitted: e.At, Description: e.Description})
		if err != nil {
			return nil, err
		}
		d.requests = append(d.requests, q)
		d.open[k] = q
		return q, nil
	}
	q, ok := d.open[k]
	if !ok {
		return nil, &StepError{Step: e.Step, At: e.At.Format(time.RFC3339Nano),
			Reason: "no open request for serial " + e.Serial + " under contract " + e.Contract, Err: ErrStepOrder}
	}
	if err := q.Record(e.Step, e.At); err != nil {
		return nil, err
	}
	if q.Done() {
		delete(d.open, k)
	}
	return q, nil
}

// Requests returns every request opened, in the order they were opened.
func (d *Desk) Requests() []*Request { return append([]*Request(nil), d.requests...) }

package main

// TEMPORARY: the contract history API (contract.History, Registry.Restore,
// Request.Apply, holds) is being built on another branch; this shim gives the
// server the same names over today's contract package so that the service,
// its store and its tests can be built meanwhile. It goes when the API lands.

import (
	"errors"
	"time"

	"github.com/slaclock/slaclock/contract"
	"github.com/slaclock/slaclock/sla"
)

const (
	stepClosed          = contract.Closed
	stepRejected        = contract.Rejected
	stepPriorityChanged = contract.Step(12)
)

type Opening struct {
	ID          string
	Contract    string
	Serial      string
	Priority    sla.Priority
	Submitted   time.Time
	Description string
	Note        string
}

type Entry struct {
	Step     contract.Step
	At       time.Time
	Priority sla.Priority `json:",omitempty"`
	Note     string       `json:",omitempty"`
}

type Terms struct {
	Contract string
	Device   contract.Device
}

type History struct {
	Version     int
	ID          string
	Priority    sla.Priority
	Description string
	Terms       Terms
	Entries     []Entry
}

type Request struct {
	reg *contract.Registry
	q   *contract.Request
	h   History
}

type Status struct {
	contract.Status
	HeldSince time.Time
}

func parseStep(s string) (contract.Step, error) { return contract.ParseStep(s) }

func openRequest(reg *contract.Registry, o Opening) (*Request, error) {
	q, err := reg.Open(contract.Opening{ID: o.ID, Contract: o.Contract, Serial: o.Serial, Priority: o.Priority, Submitted: o.Submitted, Description: o.Description})
	if err != nil {
		return nil, err
	}
	return &Request{reg: reg, q: q, h: History{ID: o.ID, Priority: o.Priority, Description: o.Description,
		Terms: Terms{Contract: q.Contract.Number, Device: q.Device}, Entries: []Entry{{Step: contract.Submitted, At: o.Submitted, Note: o.Note}}}}, nil
}

func restoreRequest(reg *contract.Registry, h History) (*Request, error) {
	if len(h.Entries) == 0 {
		return nil, errors.New("shim: no submission")
	}
	r, err := openRequest(reg, Opening{ID: h.ID, Contract: h.Terms.Contract, Serial: h.Terms.Device.Serial, Priority: h.Priority,
		Submitted: h.Entries[0].At, Description: h.Description, Note: h.Entries[0].Note})
	if err != nil {
		return nil, err
	}
	for _, e := range h.Entries[1:] {
		if err := r.Apply(e); err != nil {
			return nil, err
		}
	}
	return r, nil
}

func (r *Request) Apply(e Entry) error {
	if e.Step == stepPriorityChanged {
		return errors.New("shim: priority changes need the contract history API")
	}
	if t, ok := r.q.Time(e.Step); ok && t.Equal(e.At) {
		return nil // the same event again
	}
	if err := r.q.Record(e.Step, e.At); err != nil {
		return err
	}
	r.h.Entries = append(r.h.Entries, e)
	return nil
}

func (r *Request) History() History {
	h := r.h
	h.Entries = append([]Entry(nil), h.Entries...)
	return h
}

func (r *Request) ID() string                                   { return r.q.ID }
func (r *Request) Contract() contract.Contract                  { return *r.q.Contract }
func (r *Request) Device() contract.Device                      { return r.q.Device }
func (r *Request) Priority() sla.Priority                       { return r.q.Priority }
func (r *Request) Description() string                          { return r.q.Description }
func (r *Request) Done() bool                                   { return r.q.Done() }
func (r *Request) Calculator() *sla.Calculator                  { return r.reg.Calculator(r.q.Contract) }
func (r *Request) Explain(s sla.Service) (sla.Deadlines, error) { return r.q.Explain(s) }
func (r *Request) Status(at time.Time) (Status, error) {
	st, err := r.q.Status(at)
	return Status{Status: st}, err
}

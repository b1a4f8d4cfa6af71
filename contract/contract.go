// Package contract turns a service desk's phone call ("the device with serial X
// under contract Y is down") into a checked request and follows it to the end:
// service contracts and their covered devices, a registry of contracts loaded
// from JSON (and written back), request validation, and the request's
// timeline from submission to closure with its deadlines (from package sla),
// met, breached, open or paused, and the escalation channel to use.
//
// # A request's life
//
// Registry.Open checks the opening and returns a submitted request. Each event
// is recorded with Request.Record (or Apply, with a note): responded,
// confirmed, shipped, delivered, on site, returned, closed or rejected; on
// hold and resumed, while the provider waits for the customer (the clocks
// from the confirmation stop and their window time left runs again from the
// end of the hold); and ChangePriority. A mistaken event is corrected with
// Correct. Each refusal says which rule and why, and changes nothing.
//
// A request under a contract with several services has one response deadline,
// the earliest of its services', each service's own hardware target, and one
// return deadline. Status(now) gives them at an instant, from the events at or
// before it.
//
// # The history is the state
//
// A request's History (its opening, the terms it was opened under, every
// event in order) is all of its state, with a versioned JSON form; deadlines
// are derived, never stored. Registry.Restore replays a history through the
// same checks and gives back the same request; Registry.Reterm replays it
// under the registry's terms of today and says which deadlines that moves.
//
// No function reads the clock: every instant is passed in. Errors name the
// field or the event and the value, and wrap one sentinel per class (and the
// sla or calendar package's error where one of them found the problem).
package contract

import (
	"encoding/json"
	"errors"
	"slices"
	"strconv"
	"strings"

	"github.com/slaclock/slaclock/calendar"
	"github.com/slaclock/slaclock/sla"
)

// Device is a device covered by a contract.
type Device struct {
	Serial string `json:"serial"`
	Model  string `json:"model,omitempty"`
	Site   string `json:"site,omitempty"` // the installation address, where replacements go
}

// Overrides are a contract's own settings, which replace the defaults of the
// services it carries: sla's one definition of the settings a contract can
// change, with its JSON form (a registry file's "settings" object).
type Overrides = sla.Overrides

// Contract is a service contract: the services a customer bought for a set of
// devices over a term.
//
// Its JSON form is an object of a registry file's "contracts" array (see Load):
//
//	{"number": "CC/2026/0347", "customer": "Miejskie Wodociągi",
//	 "services": ["cocare-standard", "sos-24x7xNBD"],
//	 "start": "2026-01-01", "end": "2027-12-31",
//	 "settings": {"cutoff": "14:00", "return_days": 10},
//	 "devices": [{"serial": "2102351931P0K1000123", "model": "S5735-L48T4X", "site": "Kraków"}]}
//
// services are catalogue ids (sla.LookupService), start and end dates as
// YYYY-MM-DD, settings the contract's own settings in sla.Overrides' form
// (left out when there are none), customer optional; a device has a serial
// and optionally a model and a site. Unknown fields are an error.
type Contract struct {
	Number   string `json:"number"`
	Customer string `json:"customer,omitempty"`
	// Services are the catalogue services the contract carries: a CoCare package,
	// an AHB or SOS add-on, or a package with add-ons for the same devices. A
	// request under the contract gets one response deadline (the earliest of
	// its services'), each service's own hardware target, and one return
	// deadline (the earliest of its services').
	Services []sla.Service `json:"services"`
	// Start and End are the first and last day of the term, inclusive, in
	// Europe/Warsaw time (the calendar's location).
	Start     calendar.Date `json:"start"`
	End       calendar.Date `json:"end"`
	Devices   []Device      `json:"devices"`
	Overrides Overrides     `json:"settings"`
}

// jsonContract is Contract's JSON form, with dates as text and the settings
// left out when there are none.
type jsonContract struct {
	Number   string        `json:"number"`
	Customer string        `json:"customer,omitempty"`
	Services []sla.Service `json:"services"`
	Start    string        `json:"start"`
	End      string        `json:"end"`
	Settings *Overrides    `json:"settings,omitempty"`
	Devices  []Device      `json:"devices"`
}

// MarshalJSON writes the contract's JSON form (see Contract). A contract that
// NewRegistry would refuse is an error.
func (c Contract) MarshalJSON() ([]byte, error) {
	if errs := c.validate("contract", 0); len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	jc := jsonContract{Number: c.Number, Customer: c.Customer, Services: c.Services, Start: c.Start.String(), End: c.End.String(), Devices: c.Devices}
	if !c.Overrides.IsZero() {
		jc.Settings = &c.Overrides
	}
	return json.Marshal(jc)
}

// UnmarshalJSON reads the contract's JSON form (see Contract) with every check
// of Load, reporting every problem joined, each a *FieldError under
// "contract". On error c is unchanged.
func (c *Contract) UnmarshalJSON(b []byte) error {
	v, errs := decodeContract(b, "contract", 0)
	if len(errs) > 0 {
		return errors.Join(errs...)
	}
	*c = v
	return nil
}

// clone returns a deep copy of c: nothing it shares can change c.
func (c Contract) clone() Contract {
	c.Services = slices.Clone(c.Services)
	c.Devices = slices.Clone(c.Devices)
	c.Overrides = cloneOverrides(c.Overrides)
	return c
}

// cloneOverrides returns o with every setting in a pointer of its own.
func cloneOverrides(o Overrides) Overrides {
	o.Cutoff = clonePtr(o.Cutoff)
	o.CutoffAppliesToShip = clonePtr(o.CutoffAppliesToShip)
	o.CutoffAppliesTo24x7 = clonePtr(o.CutoffAppliesTo24x7)
	o.Window8x5 = clonePtr(o.Window8x5)
	o.Window9x5 = clonePtr(o.Window9x5)
	o.Window24x7 = clonePtr(o.Window24x7)
	o.Response = clonePtr(o.Response)
	o.ReturnDays = clonePtr(o.ReturnDays)
	o.EscalationShare = clonePtr(o.EscalationShare)
	o.RetroactivePriorityChanges = clonePtr(o.RetroactivePriorityChanges)
	return o
}

func clonePtr[T any](p *T) *T {
	if p == nil {
		return nil
	}
	v := *p
	return &v
}

// overridesOf returns every setting of s as Overrides: applied to any
// Settings it gives s.
func overridesOf(s sla.Settings) Overrides {
	return Overrides{Cutoff: &s.Cutoff, CutoffAppliesToShip: &s.CutoffAppliesToShip, CutoffAppliesTo24x7: &s.CutoffAppliesTo24x7,
		Window8x5: &s.Window8x5, Window9x5: &s.Window9x5, Window24x7: &s.Window24x7, Response: &s.Response,
		ReturnDays: &s.ReturnDays, EscalationShare: &s.EscalationShare, RetroactivePriorityChanges: &s.RetroactivePriorityChanges}
}

// key normalises a contract or serial number for comparison: surrounding spaces
// trimmed, case ignored.
func key(s string) string { return strings.ToLower(strings.TrimSpace(s)) }

// Device returns the covered device with the given serial number (compared after
// trimming spaces and ignoring case).
func (c Contract) Device(serial string) (Device, bool) {
	k := key(serial)
	for _, d := range c.Devices {
		if key(d.Serial) == k {
			return d, true
		}
	}
	return Device{}, false
}

// Covers reports whether day lies in the contract's term.
func (c Contract) Covers(day calendar.Date) bool {
	return !day.Before(c.Start) && !day.After(c.End)
}

// NeedsPriority reports whether any of the contract's services needs a priority.
func (c Contract) NeedsPriority() bool {
	for _, s := range c.Services {
		if s.NeedsPriority() {
			return true
		}
	}
	return false
}

// validate returns every problem of the contract, each naming the field (under
// prefix, e.g. "contracts[2]") and the value.
func (c Contract) validate(prefix string, line int) []error {
	var errs []error
	add := func(field, value, reason string, sentinel, cause error) {
		errs = append(errs, &FieldError{Field: prefix + field, Value: value, Reason: reason, Line: line, Err: sentinel, Cause: cause})
	}
	if strings.TrimSpace(c.Number) == "" {
		add(".number", c.Number, "a contract needs a number", ErrMissingField, nil)
	}
	if len(c.Services) == 0 {
		add(".services", "", "a contract needs at least one service", ErrMissingField, nil)
	}
	seenSvc := map[sla.Service]int{}
	for i, s := range c.Services {
		if s.IsZero() {
			add(".services["+strconv.Itoa(i)+"]", "", "not a catalogue service", ErrInvalidField, sla.ErrUnknownService)
			continue
		}
		if j, dup := seenSvc[s]; dup {
			add(".services["+strconv.Itoa(i)+"]", s.ID(), "listed twice (also services["+strconv.Itoa(j)+"])", ErrInvalidField, nil)
		}
		seenSvc[s] = i
	}
	if c.Start.IsZero() {
		add(".start", "", "a contract needs the first day of its term", ErrMissingField, nil)
	}
	if c.End.IsZero() {
		add(".end", "", "a contract needs the last day of its term", ErrMissingField, nil)
	}
	switch {
	case c.Start.IsZero() || c.End.IsZero():
	case c.End.Before(c.Start):
		add(".end", c.End.String(), "is before the start "+c.Start.String(), ErrInvalidTerm, nil)
	}
	if len(c.Devices) == 0 {
		add(".devices", "", "a contract needs at least one covered device", ErrMissingField, nil)
	}
	seen := map[string]int{}
	for i, d := range c.Devices {
		field := ".devices[" + strconv.Itoa(i) + "].serial"
		k := key(d.Serial)
		if k == "" {
			add(field, d.Serial, "a device needs a serial number", ErrMissingField, nil)
			continue
		}
		if j, dup := seen[k]; dup {
			add(field, d.Serial, "listed twice (also devices["+strconv.Itoa(j)+"])", ErrDuplicateSerial, nil)
			continue
		}
		seen[k] = i
	}
	for _, err := range splitErrors(c.Overrides.Validate()) {
		var ve *sla.ValueError
		if errors.As(err, &ve) {
			add(".settings."+ve.Field, ve.Value, ve.Reason, ErrInvalidField, err)
		}
	}
	return errs
}

// splitErrors returns the errors joined in err, or err alone.
func splitErrors(err error) []error {
	if err == nil {
		return nil
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		if _, isValue := err.(*sla.ValueError); !isValue {
			return j.Unwrap()
		}
	}
	return []error{err}
}

// Package contract turns a service desk's phone call ("the device with serial X
// under contract Y is down") into a checked request and follows it to the end:
// service contracts and their covered devices, a registry of contracts loaded
// from JSON, request validation, and the request's timeline from submission to
// closure with its deadlines (from package sla), met, breached or open, and the
// escalation channel to use.
package contract

import (
	"errors"
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
type Contract struct {
	Number   string
	Customer string
	// Services are the catalogue services the contract carries: a CoCare package,
	// an AHB or SOS add-on, or a package with add-ons for the same devices. A
	// request under the contract gets the deadlines of every one of them.
	Services []sla.Service
	// Start and End are the first and last day of the term, inclusive, in
	// Europe/Warsaw time (the calendar's location).
	Start, End calendar.Date
	Devices    []Device
	Overrides  Overrides
}

// key normalises a contract or serial number for comparison: surrounding spaces
// trimmed, case ignored.
func key(s string) string { return strings.ToLower(strings.TrimSpace(s)) }

// Device returns the covered device with the given serial number (compared after
// trimming spaces and ignoring case).
func (c *Contract) Device(serial string) (Device, bool) {
	k := key(serial)
	for _, d := range c.Devices {
		if key(d.Serial) == k {
			return d, true
		}
	}
	return Device{}, false
}

// Covers reports whether day lies in the contract's term.
func (c *Contract) Covers(day calendar.Date) bool {
	return !day.Before(c.Start) && !day.After(c.End)
}

// NeedsPriority reports whether any of the contract's services needs a priority.
func (c *Contract) NeedsPriority() bool {
	for _, s := range c.Services {
		if s.NeedsPriority() {
			return true
		}
	}
	return false
}

// validate returns every problem of the contract, each naming the field (under
// prefix, e.g. "contracts[2]") and the value.
func (c *Contract) validate(prefix string, line int) []error {
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

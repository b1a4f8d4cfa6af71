package sla

import (
	"errors"
	"fmt"
)

// Sentinel errors, one per class; every error of the package wraps one, so
// callers test with errors.Is. Errors from the calendar (a time outside its
// range) are wrapped as they are: errors.Is(err, calendar.ErrOutOfRange) holds.
var (
	ErrInvalidLevel     = errors.New("sla: invalid service level")
	ErrInvalidPriority  = errors.New("sla: invalid priority")
	ErrUnknownService   = errors.New("sla: unknown service")
	ErrPriorityRequired = errors.New("sla: priority required")
	ErrInvalidRequest   = errors.New("sla: invalid request")
	ErrInvalidSettings  = errors.New("sla: invalid settings")
)

// ParseError reports text that does not parse; it quotes the input.
type ParseError struct {
	Kind   string // "level", "priority", "service"
	Input  string
	Reason string
	Err    error // the sentinel
}

func (e *ParseError) Error() string {
	return fmt.Sprintf("sla: invalid %s %q: %s", e.Kind, e.Input, e.Reason)
}

func (e *ParseError) Unwrap() error { return e.Err }

// ValueError reports a field of a request, a service or the settings whose value
// cannot be used: it names the field and the value.
type ValueError struct {
	Field  string // e.g. "confirmed", "priority", "Settings.Cutoff"
	Value  string // the value, as text
	Reason string
	Err    error // the sentinel
	Cause  error // the underlying error (from the calendar), if any
}

func (e *ValueError) Error() string {
	if e.Value == "" {
		return fmt.Sprintf("sla: %s: %s", e.Field, e.Reason)
	}
	return fmt.Sprintf("sla: %s %s: %s", e.Field, e.Value, e.Reason)
}

// Unwrap returns the sentinel and the cause, so errors.Is matches both
// (ErrInvalidRequest and calendar.ErrOutOfRange, say).
func (e *ValueError) Unwrap() []error {
	if e.Cause == nil {
		return []error{e.Err}
	}
	return []error{e.Err, e.Cause}
}

// joinErrors is errors.Join that returns nil for no errors and the error itself
// for one, so a single problem keeps its type for errors.As.
func joinErrors(errs []error) error {
	switch len(errs) {
	case 0:
		return nil
	case 1:
		return errs[0]
	}
	return errors.Join(errs...)
}

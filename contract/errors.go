package contract

import (
	"errors"
	"fmt"
	"strings"
)

// Sentinel errors, one per class. Every error of the package wraps one of them
// (and, where the sla or calendar package found the problem, that package's
// error too), so callers test with errors.Is and errors.As.
var (
	ErrMissingField      = errors.New("contract: missing field")
	ErrInvalidField      = errors.New("contract: invalid field")
	ErrDuplicateContract = errors.New("contract: duplicate contract number")
	ErrDuplicateSerial   = errors.New("contract: serial number listed twice")
	ErrInvalidTerm       = errors.New("contract: invalid term")
	ErrUnknownContract   = errors.New("contract: unknown contract")
	ErrOutsideTerm       = errors.New("contract: outside the contract's term")
	ErrNotCovered        = errors.New("contract: device not covered")
	ErrStepOrder         = errors.New("contract: step out of order")
	ErrStepTime          = errors.New("contract: step time before the previous step")
	ErrStepConflict      = errors.New("contract: step already recorded at another time")
)

// FieldError is a problem with one field: which field, its value and why. In a
// registry file, Field is a path such as contracts[2].devices[0].serial and Line
// the line of the contract in the file (0 when unknown).
type FieldError struct {
	Field  string
	Value  string
	Reason string
	Line   int
	Err    error // the sentinel
	Cause  error // the underlying error (sla, calendar, encoding/json), if any
}

func (e *FieldError) Error() string {
	var b strings.Builder
	b.WriteString("contract: ")
	if e.Line > 0 {
		fmt.Fprintf(&b, "line %d: ", e.Line)
	}
	b.WriteString(e.Field)
	if e.Value != "" {
		fmt.Fprintf(&b, " %q", e.Value)
	}
	b.WriteString(": ")
	b.WriteString(e.Reason)
	return b.String()
}

// Unwrap returns the sentinel and the cause.
func (e *FieldError) Unwrap() []error {
	if e.Cause == nil {
		return []error{e.Err}
	}
	return []error{e.Err, e.Cause}
}

// StepError is a timeline step that was refused; the request is unchanged.
type StepError struct {
	Step   Step
	At     string // the step's time, RFC 3339
	Reason string
	Err    error // ErrStepOrder, ErrStepTime or ErrStepConflict
}

func (e *StepError) Error() string {
	return fmt.Sprintf("contract: step %s at %s: %s", e.Step, e.At, e.Reason)
}

func (e *StepError) Unwrap() error { return e.Err }

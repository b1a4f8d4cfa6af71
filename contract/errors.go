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
	ErrStepTime          = errors.New("contract: step time missing, out of order or outside the calendar")
	ErrStepConflict      = errors.New("contract: step already recorded at another time")
	ErrOnHold            = errors.New("contract: refused while the request is on hold")
	ErrDeadline          = errors.New("contract: the deadlines cannot be computed")
	ErrHistory           = errors.New("contract: the history does not replay")
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

// StepError is an event that was refused; the request is unchanged.
type StepError struct {
	Step   Step
	At     string // the event's time, RFC 3339
	Reason string
	// Err is the sentinel: ErrStepOrder, ErrStepTime, ErrStepConflict,
	// ErrOnHold, ErrInvalidField (a bad priority or note) or ErrDeadline (the
	// deadlines cannot be computed from it).
	Err error
	// Cause is the underlying error, if any: the sla or calendar package's
	// (errors.Is(err, calendar.ErrOutOfRange) holds for an instant the calendar
	// cannot take), or for a refused correction the refusal of the event the
	// corrected timeline breaks.
	Cause error
}

func (e *StepError) Error() string {
	return fmt.Sprintf("contract: step %s at %s: %s", e.Step, e.At, e.Reason)
}

// Unwrap returns the sentinel and the cause.
func (e *StepError) Unwrap() []error {
	if e.Cause == nil {
		return []error{e.Err}
	}
	return []error{e.Err, e.Cause}
}

// HistoryError is a history that Registry.Restore refused: the entry at Index
// (0 is the submission; -1 for the history's version or terms) and why. It
// wraps ErrHistory and the refusal itself (a *StepError or *FieldError).
type HistoryError struct {
	Index int
	Step  Step
	At    string // the entry's time, RFC 3339; "" for the version and terms
	Err   error
}

func (e *HistoryError) Error() string {
	if e.Index < 0 {
		return "contract: history: " + strings.TrimPrefix(e.Err.Error(), "contract: ")
	}
	return fmt.Sprintf("contract: history entries[%d] (%s at %s): %s", e.Index, e.Step, e.At, strings.TrimPrefix(e.Err.Error(), "contract: "))
}

// Unwrap returns ErrHistory and the refusal.
func (e *HistoryError) Unwrap() []error { return []error{ErrHistory, e.Err} }

package calendar

import (
	"errors"
	"fmt"
)

// Sentinel errors, one per class. Every error the package returns wraps one of
// them, so callers test with errors.Is.
var (
	// ErrOutOfRange: a date or instant outside the years the calendar covers.
	ErrOutOfRange = errors.New("calendar: outside the supported range")
	// ErrSyntax: a text form (date, time of day, window) that does not parse.
	ErrSyntax = errors.New("calendar: invalid syntax")
	// ErrInvalid: a value or option that is not usable (a window that closes
	// before it opens, a nil location, a year range that is too long).
	ErrInvalid = errors.New("calendar: invalid value")
)

// RangeError reports a date or instant outside the calendar's range.
type RangeError struct {
	What        string // what was out of range: "date", "instant", "result"
	Value       string // the value, as text
	First, Last Date   // the range the calendar covers, inclusive
}

func (e *RangeError) Error() string {
	return fmt.Sprintf("calendar: %s %s is outside the supported range %s to %s",
		e.What, e.Value, e.First, e.Last)
}

// Unwrap returns ErrOutOfRange.
func (e *RangeError) Unwrap() error { return ErrOutOfRange }

// ParseError reports text that does not parse; it quotes the input.
type ParseError struct {
	Kind   string // what was being parsed: "date", "time of day", "window", "weekdays"
	Input  string // the text as given
	Reason string // why it was refused
}

func (e *ParseError) Error() string {
	return fmt.Sprintf("calendar: invalid %s %q: %s", e.Kind, e.Input, e.Reason)
}

// Unwrap returns ErrSyntax.
func (e *ParseError) Unwrap() error { return ErrSyntax }

// ValueError reports a field whose value is not usable.
type ValueError struct {
	Field  string // the field or option, e.g. "Window.Close", "WithYears"
	Value  string // the value, as text
	Reason string
}

func (e *ValueError) Error() string {
	return fmt.Sprintf("calendar: invalid %s %s: %s", e.Field, e.Value, e.Reason)
}

// Unwrap returns ErrInvalid.
func (e *ValueError) Unwrap() error { return ErrInvalid }

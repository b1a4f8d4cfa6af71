package sla

import "strconv"

// Coverage names the window a service level's clock runs in: 8x5, 9x5 or 24x7.
// Its hours are a setting (Settings.Window); the zero Coverage is not valid.
type Coverage uint8

// The coverages: the windows a service level's clock can run in.
const (
	Coverage8x5  Coverage = iota + 1 // 09:00-17:00 on business days
	Coverage9x5                      // 09:00-18:00 on business days (Huawei's 9x5)
	Coverage24x7                     // always, holidays included
)

var coverageNames = [...]string{Coverage8x5: "8x5", Coverage9x5: "9x5", Coverage24x7: "24x7"}

func (c Coverage) valid() bool { return c >= Coverage8x5 && c <= Coverage24x7 }

// String returns "8x5", "9x5" or "24x7"; an invalid value prints as %!Coverage(n).
func (c Coverage) String() string {
	if !c.valid() {
		return "%!Coverage(" + strconv.Itoa(int(c)) + ")"
	}
	return coverageNames[c]
}

// Unit is the unit of a level's target: hours of the window or business days.
type Unit uint8

// The units of a target.
const (
	Hours        Unit = iota + 1 // H hours of the window ("24x7x4", "8x5x8")
	BusinessDays                 // k business days ("9x5xNBD" is 1, "9x5x10BD")
)

// maxTarget bounds a level's number of business days, maxHours its hours:
// the notation writes hours as H or HH.
const (
	maxTarget = 999
	maxHours  = 99
)

// Level is a service level, written in the vendor's notation
// <window>x<target>[-S], for example 9x5xNBD, 9x5xNBD-S, 24x7x4, 8x5x8, 9x5x10BD-S.
// The target is H hours of the window, or k business days (NBD is 1BD) with the
// 15:00 cutoff; -S makes it a ship-by time (dispatch from the manufacturer's
// logistics hub) instead of delivery.
//
// Level is a comparable value type: ParseLevel(l.String()) == l for every valid
// level. The zero Level is not valid: IsZero reports it and it prints as
// %!Level(zero).
type Level struct {
	cov  Coverage
	unit Unit
	n    uint16
	ship bool
}

// NewLevel returns the level of coverage cov with a target of n units, a ship-by
// target when ship is true. n runs from 1 to 99 hours or from 1 to 999
// business days.
func NewLevel(cov Coverage, n int, unit Unit, ship bool) (Level, error) {
	switch {
	case !cov.valid():
		return Level{}, &ValueError{Field: "coverage", Value: cov.String(), Reason: "want 8x5, 9x5 or 24x7", Err: ErrInvalidLevel}
	case unit != Hours && unit != BusinessDays:
		return Level{}, &ValueError{Field: "unit", Value: strconv.Itoa(int(unit)), Reason: "want Hours or BusinessDays", Err: ErrInvalidLevel}
	case n < 1 || n > maxTarget:
		return Level{}, &ValueError{Field: "target", Value: strconv.Itoa(n), Reason: "want 1 to 999", Err: ErrInvalidLevel}
	case unit == Hours && n > maxHours:
		return Level{}, &ValueError{Field: "target", Value: strconv.Itoa(n), Reason: "want 1 to 99 hours (H or HH)", Err: ErrInvalidLevel}
	}
	return Level{cov: cov, unit: unit, n: uint16(n), ship: ship}, nil
}

// MustParseLevel is ParseLevel for levels fixed in the program; it panics on error.
func MustParseLevel(s string) Level {
	l, err := ParseLevel(s)
	if err != nil {
		panic(err)
	}
	return l
}

// ParseLevel parses a level. Case and spaces are ignored, so the service
// description's spellings parse: "9 x 5 x NBD", "24/7 x 4", "24x7x4H",
// "9x5xNBD-Ship". The window is 8x5, 9x5, 24x7 or 24/7; the target NBD, kBD
// (k from 1 to 999), or hours H or HH (1 to 99) with an optional H suffix;
// the suffix -S or -Ship. Anything else is a *ParseError quoting the input.
// ParseLevel does not allocate on success.
func ParseLevel(s string) (Level, error) {
	var buf [40]byte
	b := buf[:0]
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == ' ' || c == '\t':
			continue
		case c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
		}
		if len(b) == len(buf) {
			return Level{}, levelError(s, "too long")
		}
		b = append(b, c)
	}
	var l Level
	switch {
	case hasPrefix(b, "8x5x"):
		l.cov, b = Coverage8x5, b[4:]
	case hasPrefix(b, "9x5x"):
		l.cov, b = Coverage9x5, b[4:]
	case hasPrefix(b, "24x7x"), hasPrefix(b, "24/7x"):
		l.cov, b = Coverage24x7, b[5:]
	default:
		return Level{}, levelError(s, "want a window of 8x5, 9x5 or 24x7 followed by x and a target")
	}
	switch {
	case hasSuffix(b, "-ship"):
		l.ship, b = true, b[:len(b)-5]
	case hasSuffix(b, "-s"):
		l.ship, b = true, b[:len(b)-2]
	}
	if string(b) == "nbd" {
		l.unit, l.n = BusinessDays, 1
		return l, nil
	}
	digits := 0
	for digits < len(b) && b[digits] >= '0' && b[digits] <= '9' {
		digits++
	}
	rest := b[digits:]
	switch string(rest) {
	case "bd":
		l.unit = BusinessDays
	case "", "h":
		l.unit = Hours
	default:
		return Level{}, levelError(s, "want a target of NBD, kBD or H hours, optionally followed by -S")
	}
	if digits == 0 || digits > 3 {
		return Level{}, levelError(s, "want a target of NBD, kBD or H hours from 1 to 999")
	}
	if l.unit == Hours && digits > 2 {
		return Level{}, levelError(s, "want hours of one or two digits, H or HH")
	}
	n := 0
	for _, c := range b[:digits] {
		n = n*10 + int(c-'0')
	}
	if n == 0 {
		return Level{}, levelError(s, "a target of zero is not a target")
	}
	l.n = uint16(n)
	return l, nil
}

func levelError(input, reason string) error {
	return &ParseError{Kind: "level", Input: input, Reason: reason, Err: ErrInvalidLevel}
}

func hasPrefix(b []byte, p string) bool { return len(b) >= len(p) && string(b[:len(p)]) == p }
func hasSuffix(b []byte, p string) bool {
	return len(b) >= len(p) && string(b[len(b)-len(p):]) == p
}

// IsZero reports whether l is the zero (invalid) Level.
func (l Level) IsZero() bool { return l == Level{} }

func (l Level) valid() bool {
	return l.cov.valid() && (l.unit == Hours && l.n <= maxHours || l.unit == BusinessDays && l.n <= maxTarget) && l.n >= 1
}

// Coverage returns the window the level's clock runs in.
func (l Level) Coverage() Coverage { return l.cov }

// Unit returns the unit of the target.
func (l Level) Unit() Unit { return l.unit }

// N returns the number of the target: hours, or business days (1 for NBD).
func (l Level) N() int { return int(l.n) }

// Ship reports whether the target is a ship-by time (-S) rather than delivery.
func (l Level) Ship() bool { return l.ship }

// String returns the canonical form: 9x5xNBD, 9x5xNBD-S, 24x7x4, 9x5x10BD-S.
func (l Level) String() string {
	if l.IsZero() {
		return "%!Level(zero)"
	}
	if !l.valid() {
		return "%!Level(" + l.cov.String() + "," + strconv.Itoa(int(l.unit)) + "," + strconv.Itoa(int(l.n)) + ")"
	}
	return string(l.appendTo(make([]byte, 0, 16)))
}

func (l Level) appendTo(b []byte) []byte {
	b = append(b, l.cov.String()...)
	b = append(b, 'x')
	switch {
	case l.unit == BusinessDays && l.n == 1:
		b = append(b, "NBD"...)
	case l.unit == BusinessDays:
		b = strconv.AppendInt(b, int64(l.n), 10)
		b = append(b, "BD"...)
	default:
		b = strconv.AppendInt(b, int64(l.n), 10)
	}
	if l.ship {
		b = append(b, "-S"...)
	}
	return b
}

// MarshalText implements encoding.TextMarshaler with the canonical form.
func (l Level) MarshalText() ([]byte, error) {
	if !l.valid() {
		return nil, &ValueError{Field: "level", Value: l.String(), Reason: "not a valid level", Err: ErrInvalidLevel}
	}
	return l.appendTo(nil), nil
}

// UnmarshalText implements encoding.TextUnmarshaler. On error l is unchanged.
func (l *Level) UnmarshalText(b []byte) error {
	v, err := ParseLevel(string(b))
	if err != nil {
		return err
	}
	*l = v
	return nil
}

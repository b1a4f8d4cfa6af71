package sla

import "strconv"

// Priority is a request's priority, P1 (critical) to P4 (little or no impact),
// as the service description defines them. The zero Priority means none was
// given; it prints as "none".
type Priority uint8

// The priorities of the service description.
const (
	P1 Priority = iota + 1
	P2
	P3
	P4
)

var priorityDefinitions = [...]string{
	P1: "Critical impact on the client's business operations.",
	P2: "Negative impact on material aspects of the client's business operations. The client is able to perform business operations, but their performance is degraded or severely limited.",
	P3: "Faults that have limited business impact and most operations remain functional.",
	P4: "Little or no impact on the customer's business operations. Includes information or assistance regarding the functionality, operation or configuration of your Huawei product and other questions.",
}

func (p Priority) valid() bool { return p >= P1 && p <= P4 }

// String returns "P1" to "P4", "none" for the zero Priority and %!Priority(n) for
// anything else.
func (p Priority) String() string {
	switch {
	case p == 0:
		return "none"
	case !p.valid():
		return "%!Priority(" + strconv.Itoa(int(p)) + ")"
	}
	return "P" + strconv.Itoa(int(p))
}

// Definition returns the service description's definition of the priority, or ""
// for the zero or an invalid Priority.
func (p Priority) Definition() string {
	if !p.valid() {
		return ""
	}
	return priorityDefinitions[p]
}

// Critical reports whether p is P1 or P2, the critical reports that Premier and
// Premium Onsite serve 24x7x4.
func (p Priority) Critical() bool { return p == P1 || p == P2 }

// ParsePriority parses "P1" to "P4" (any case, surrounding spaces ignored).
// "none" and the empty string give the zero Priority. Anything else is a
// *ParseError quoting the input.
func ParsePriority(s string) (Priority, error) {
	t := trimBlanks(s)
	switch {
	case t == "" || t == "none":
		return 0, nil
	case len(t) == 2 && (t[0] == 'P' || t[0] == 'p') && t[1] >= '1' && t[1] <= '4':
		return Priority(t[1] - '0'), nil
	}
	return 0, &ParseError{Kind: "priority", Input: s, Reason: "want P1, P2, P3 or P4", Err: ErrInvalidPriority}
}

// trimBlanks returns s without the spaces and tabs around it: the parsers of
// names (priorities, kinds, statuses) ignore them.
func trimBlanks(s string) string {
	for len(s) > 0 && (s[0] == ' ' || s[0] == '\t') {
		s = s[1:]
	}
	for len(s) > 0 && (s[len(s)-1] == ' ' || s[len(s)-1] == '\t') {
		s = s[:len(s)-1]
	}
	return s
}

// MarshalText implements encoding.TextMarshaler.
func (p Priority) MarshalText() ([]byte, error) {
	if p != 0 && !p.valid() {
		return nil, &ValueError{Field: "priority", Value: p.String(), Reason: "want P1 to P4", Err: ErrInvalidPriority}
	}
	return []byte(p.String()), nil
}

// UnmarshalText implements encoding.TextUnmarshaler. On error p is unchanged.
func (p *Priority) UnmarshalText(b []byte) error {
	v, err := ParsePriority(string(b))
	if err != nil {
		return err
	}
	*p = v
	return nil
}

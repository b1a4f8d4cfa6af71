package sla

import (
	"encoding/json"
	"strings"
	"time"
)

// ParseKind parses a kind's name ("response", "ship-by", "delivery", "on-site",
// "return") or its field name ("response_by", "ship_by", "delivery_by",
// "onsite_by", "return_by"), ignoring case and surrounding spaces.
func ParseKind(s string) (Kind, error) {
	for k := Response; k <= Return; k++ {
		if equalFoldTrim(s, kindNames[k]) || equalFoldTrim(s, kindFields[k]) {
			return k, nil
		}
	}
	return 0, &ParseError{Kind: "kind", Input: s, Reason: "want response, ship-by, delivery, on-site or return", Err: ErrInvalidRequest}
}

// MarshalText implements encoding.TextMarshaler with String's form.
func (k Kind) MarshalText() ([]byte, error) {
	if !k.valid() {
		return nil, &ValueError{Field: "kind", Value: k.String(), Reason: "not a deadline kind", Err: ErrInvalidRequest}
	}
	return []byte(kindNames[k]), nil
}

// UnmarshalText implements encoding.TextUnmarshaler with ParseKind. On error k
// is unchanged.
func (k *Kind) UnmarshalText(b []byte) error {
	v, err := ParseKind(string(b))
	if err != nil {
		return err
	}
	*k = v
	return nil
}

// ParseCoverage parses "8x5", "9x5" or "24x7" (also "24/7"), ignoring case and
// surrounding spaces.
func ParseCoverage(s string) (Coverage, error) {
	t := strings.ToLower(strings.TrimSpace(s))
	if t == "24/7" {
		t = "24x7"
	}
	for c := Coverage8x5; c <= Coverage24x7; c++ {
		if t == coverageNames[c] {
			return c, nil
		}
	}
	return 0, &ParseError{Kind: "coverage", Input: s, Reason: "want 8x5, 9x5 or 24x7", Err: ErrInvalidLevel}
}

// MarshalText implements encoding.TextMarshaler with String's form.
func (c Coverage) MarshalText() ([]byte, error) {
	if !c.valid() {
		return nil, &ValueError{Field: "coverage", Value: c.String(), Reason: "want 8x5, 9x5 or 24x7", Err: ErrInvalidLevel}
	}
	return []byte(coverageNames[c]), nil
}

// UnmarshalText implements encoding.TextUnmarshaler with ParseCoverage. On
// error c is unchanged.
func (c *Coverage) UnmarshalText(b []byte) error {
	v, err := ParseCoverage(string(b))
	if err != nil {
		return err
	}
	*c = v
	return nil
}

// deadlineJSON is the JSON form of a Deadline.
type deadlineJSON struct {
	Kind        Kind          `json:"kind"`
	Level       *Level        `json:"level,omitempty"`
	Coverage    Coverage      `json:"coverage"`
	Start       time.Time     `json:"start"`
	Due         *time.Time    `json:"due"`
	Paused      bool          `json:"paused,omitempty"`
	PausedSince *time.Time    `json:"paused_since,omitempty"`
	Left        time.Duration `json:"left_ns,omitempty"`
	Holds       []Hold        `json:"holds,omitempty"`
	Steps       []Step        `json:"steps,omitempty"`
}

// MarshalJSON writes the deadline with its kind, level and coverage by name,
// its instants in RFC 3339, "due" null while paused, and the window time left
// of a paused deadline in nanoseconds ("left_ns").
func (d Deadline) MarshalJSON() ([]byte, error) {
	j := deadlineJSON{Kind: d.Kind, Coverage: d.Coverage(), Start: d.Start, Paused: d.Paused, Left: d.Left, Holds: d.Holds, Steps: d.Steps}
	if d.Level.valid() {
		j.Level = &d.Level
	}
	if !d.Paused {
		j.Due = &d.Due
	} else {
		j.PausedSince = &d.PausedSince
	}
	return json.Marshal(j)
}

// UnmarshalJSON reads what MarshalJSON writes. On error d is unchanged.
func (d *Deadline) UnmarshalJSON(b []byte) error {
	var j deadlineJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return err
	}
	v := Deadline{Kind: j.Kind, Start: j.Start, Paused: j.Paused, Left: j.Left, Holds: j.Holds, Steps: j.Steps}
	if j.Level != nil {
		v.Level = *j.Level
	}
	if j.Due != nil {
		v.Due = *j.Due
	}
	if j.PausedSince != nil {
		v.PausedSince = *j.PausedSince
	}
	*d = v
	return nil
}

// UnmarshalJSON reads {"from", "to"}, "to" null or absent for a running hold.
func (h *Hold) UnmarshalJSON(b []byte) error {
	var j struct {
		From time.Time  `json:"from"`
		To   *time.Time `json:"to"`
	}
	if err := json.Unmarshal(b, &j); err != nil {
		return err
	}
	*h = Hold{From: j.From}
	if j.To != nil {
		h.To = *j.To
	}
	return nil
}

type deadlinesJSON struct {
	Service   Service    `json:"service"`
	Priority  Priority   `json:"priority"`
	Level     Level      `json:"level"`
	Deadlines []Deadline `json:"deadlines"`
}

// MarshalJSON writes the deadlines as {"service", "priority", "level",
// "deadlines": [...]}, every deadline in the order of Kind. The record the
// explanation is rendered from is not written; the Steps already rendered are.
func (d Deadlines) MarshalJSON() ([]byte, error) {
	return json.Marshal(deadlinesJSON{Service: d.Service, Priority: d.Priority, Level: d.Level, Deadlines: d.list[:d.n]})
}

// UnmarshalJSON reads what MarshalJSON writes: the same deadlines, in the same
// order. On error d is unchanged.
func (d *Deadlines) UnmarshalJSON(b []byte) error {
	var j deadlinesJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return err
	}
	if len(j.Deadlines) > len(d.list) {
		return &ValueError{Field: "deadlines", Value: itoa(len(j.Deadlines)), Reason: "a request has at most " + itoa(len(d.list)) + " deadlines", Err: ErrInvalidRequest}
	}
	v := Deadlines{Service: j.Service, Priority: j.Priority, Level: j.Level, n: int32(len(j.Deadlines))}
	copy(v.list[:], j.Deadlines)
	*d = v
	return nil
}

// ParseRule parses a rule's name ("start", "count", "clocks", "hold",
// "priority", "due"), ignoring case and surrounding spaces.
func ParseRule(s string) (Rule, error) {
	for r := RuleStart; r <= RuleDue; r++ {
		if equalFoldTrim(s, ruleNames[r]) {
			return r, nil
		}
	}
	return 0, &ParseError{Kind: "rule", Input: s, Reason: "want start, count, clocks, hold, priority or due", Err: ErrInvalidRequest}
}

// MarshalText implements encoding.TextMarshaler with String's form.
func (r Rule) MarshalText() ([]byte, error) {
	if !r.valid() {
		return nil, &ValueError{Field: "rule", Value: r.String(), Reason: "not a rule of an explanation", Err: ErrInvalidRequest}
	}
	return []byte(ruleNames[r]), nil
}

// UnmarshalText implements encoding.TextUnmarshaler with ParseRule. On error
// r is unchanged.
func (r *Rule) UnmarshalText(b []byte) error {
	v, err := ParseRule(string(b))
	if err != nil {
		return err
	}
	*r = v
	return nil
}

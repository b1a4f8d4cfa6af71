package sla

import (
	"bytes"
	"encoding/json"
	"errors"
	"slices"
	"strconv"
	"time"

	"github.com/slaclock/slaclock/calendar"
)

// Overrides are the settings a contract can change: each non-nil field replaces
// the one of the Settings it is applied to. This is the one definition of them;
// its JSON form, a registry file's "settings" object, has the snake_case keys
// given on each field:
//
//	{"cutoff": "14:00", "cutoff_applies_to_ship": false, "cutoff_applies_to_24x7": true,
//	 "window_8x5": "08:00-16:00 Mon-Fri", "window_9x5": "...", "window_24x7": "...",
//	 "response": "30m", "return_days": 10, "escalation_share": "80%",
//	 "retroactive_priority_changes": true}
//
// The zero Overrides changes nothing.
type Overrides struct {
	Cutoff                     *calendar.TimeOfDay // "cutoff": a time of day, "15:00"
	CutoffAppliesToShip        *bool               // "cutoff_applies_to_ship"
	CutoffAppliesTo24x7        *bool               // "cutoff_applies_to_24x7"
	Window8x5                  *calendar.Window    // "window_8x5": a window's text form
	Window9x5                  *calendar.Window    // "window_9x5"
	Window24x7                 *calendar.Window    // "window_24x7"
	Response                   *time.Duration      // "response": a Go duration, "1h", "30m"
	ReturnDays                 *int                // "return_days": 1 to 366
	EscalationShare            *Share              // "escalation_share": "75%" or "0.75"
	RetroactivePriorityChanges *bool               // "retroactive_priority_changes"
}

// overrideKeys are the JSON keys of Overrides, in the order of its fields.
var overrideKeys = []string{"cutoff", "cutoff_applies_to_ship", "cutoff_applies_to_24x7", "window_8x5", "window_9x5",
	"window_24x7", "response", "return_days", "escalation_share", "retroactive_priority_changes"}

// IsZero reports whether o changes nothing.
func (o Overrides) IsZero() bool { return o == Overrides{} }

// Apply returns base with o's fields in place of base's.
func (o Overrides) Apply(base Settings) Settings {
	set := func(dst *bool, v *bool) {
		if v != nil {
			*dst = *v
		}
	}
	if o.Cutoff != nil {
		base.Cutoff = *o.Cutoff
	}
	set(&base.CutoffAppliesToShip, o.CutoffAppliesToShip)
	set(&base.CutoffAppliesTo24x7, o.CutoffAppliesTo24x7)
	set(&base.RetroactivePriorityChanges, o.RetroactivePriorityChanges)
	for _, w := range [...]struct {
		dst *calendar.Window
		v   *calendar.Window
	}{{&base.Window8x5, o.Window8x5}, {&base.Window9x5, o.Window9x5}, {&base.Window24x7, o.Window24x7}} {
		if w.v != nil {
			*w.dst = *w.v
		}
	}
	if o.Response != nil {
		base.Response = *o.Response
	}
	if o.ReturnDays != nil {
		base.ReturnDays = *o.ReturnDays
	}
	if o.EscalationShare != nil {
		base.EscalationShare = *o.EscalationShare
	}
	return base
}

// Validate checks each field on its own, with the checks Settings.Validate
// uses, and reports every problem joined, each a *ValueError naming the JSON
// key and the value.
func (o Overrides) Validate() error {
	var errs []error
	add := func(key, value, reason string, cause error) {
		if reason != "" {
			errs = append(errs, &ValueError{Field: key, Value: value, Reason: reason, Err: ErrInvalidSettings, Cause: cause})
		}
	}
	if o.Cutoff != nil {
		add("cutoff", o.Cutoff.String(), checkCutoff(*o.Cutoff), nil)
	}
	for i, w := range [...]*calendar.Window{o.Window8x5, o.Window9x5, o.Window24x7} {
		if w != nil {
			reason, err := checkWindow(*w)
			add(overrideKeys[3+i], w.String(), reason, err)
		}
	}
	if o.Response != nil {
		add("response", o.Response.String(), checkResponse(*o.Response), nil)
	}
	if o.ReturnDays != nil {
		add("return_days", strconv.Itoa(*o.ReturnDays), checkReturnDays(*o.ReturnDays), nil)
	}
	if o.EscalationShare != nil {
		add("escalation_share", o.EscalationShare.String(), checkShare(*o.EscalationShare), nil)
	}
	return joinErrors(errs)
}

// MarshalJSON writes the fields that are set, with the keys of Overrides' doc.
func (o Overrides) MarshalJSON() ([]byte, error) {
	if err := o.Validate(); err != nil {
		return nil, err
	}
	var b bytes.Buffer
	b.WriteByte('{')
	put := func(key string, v any) {
		if b.Len() > 1 {
			b.WriteByte(',')
		}
		k, _ := json.Marshal(key)
		b.Write(k)
		b.WriteByte(':')
		x, _ := json.Marshal(v)
		b.Write(x)
	}
	var response any
	if o.Response != nil {
		response = o.Response.String()
	}
	// In the order of overrideKeys: whether the field is set, and its value.
	fields := [...]struct {
		set bool
		v   any
	}{
		{o.Cutoff != nil, o.Cutoff}, {o.CutoffAppliesToShip != nil, o.CutoffAppliesToShip},
		{o.CutoffAppliesTo24x7 != nil, o.CutoffAppliesTo24x7}, {o.Window8x5 != nil, o.Window8x5},
		{o.Window9x5 != nil, o.Window9x5}, {o.Window24x7 != nil, o.Window24x7}, {o.Response != nil, response},
		{o.ReturnDays != nil, o.ReturnDays}, {o.EscalationShare != nil, o.EscalationShare},
		{o.RetroactivePriorityChanges != nil, o.RetroactivePriorityChanges},
	}
	for i, f := range fields {
		if f.set {
			put(overrideKeys[i], f.v)
		}
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// UnmarshalJSON reads the JSON object of Overrides' doc. It reports every
// problem at once, joined: each a *ValueError naming the key and the value as
// written (an unknown key, a value of the wrong type, a value that does not
// parse or is out of range). On error o is unchanged.
func (o *Overrides) UnmarshalJSON(b []byte) error {
	var m map[string]json.RawMessage
	if err := json.Unmarshal(b, &m); err != nil {
		return &ValueError{Field: "settings", Value: string(b), Reason: "want a JSON object of settings", Err: ErrInvalidSettings, Cause: err}
	}
	if m == nil {
		return &ValueError{Field: "settings", Value: "null", Reason: "want a JSON object of settings", Err: ErrInvalidSettings}
	}
	var v Overrides
	var errs []error
	bad := func(key, value, reason string, cause error) {
		errs = append(errs, &ValueError{Field: key, Value: value, Reason: reason, Err: ErrInvalidSettings, Cause: cause})
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, key := range keys {
		raw := m[key]
		text, isString := jsonString(raw)
		switch key {
		case "cutoff":
			t, err := calendar.ParseTimeOfDay(text)
			if !isString || err != nil || checkCutoff(t) != "" {
				bad(key, text, "want a time of day as HH:MM", err)
				continue
			}
			v.Cutoff = &t
		case "cutoff_applies_to_ship", "cutoff_applies_to_24x7", "retroactive_priority_changes":
			var x bool
			if err := json.Unmarshal(raw, &x); err != nil || bytes.Equal(bytes.TrimSpace(raw), []byte("null")) {
				bad(key, string(raw), "want true or false", err)
				continue
			}
			switch key {
			case "cutoff_applies_to_ship":
				v.CutoffAppliesToShip = &x
			case "cutoff_applies_to_24x7":
				v.CutoffAppliesTo24x7 = &x
			default:
				v.RetroactivePriorityChanges = &x
			}
		case "window_8x5", "window_9x5", "window_24x7":
			w, err := calendar.ParseWindow(text)
			if !isString || err != nil {
				bad(key, text, `want a window such as "08:00-16:00 Mon-Fri"`, err)
				continue
			}
			switch key {
			case "window_8x5":
				v.Window8x5 = &w
			case "window_9x5":
				v.Window9x5 = &w
			default:
				v.Window24x7 = &w
			}
		case "response":
			d, err := time.ParseDuration(text)
			if !isString || err != nil || checkResponse(d) != "" {
				bad(key, text, `want a positive duration such as "1h" or "30m"`, err)
				continue
			}
			v.Response = &d
		case "return_days":
			var n int
			if err := json.Unmarshal(raw, &n); err != nil || bytes.Equal(bytes.TrimSpace(raw), []byte("null")) {
				bad(key, string(raw), "want a whole number of days", err)
				continue
			}
			if r := checkReturnDays(n); r != "" {
				bad(key, strconv.Itoa(n), r, nil)
				continue
			}
			v.ReturnDays = &n
		case "escalation_share":
			if !isString {
				text = string(raw) // a JSON number, 0.75
			}
			p, err := ParseShare(text)
			if err != nil {
				bad(key, text, `want a share such as "75%" or 0.75`, err)
				continue
			}
			v.EscalationShare = &p
		default:
			bad(key, "", "unknown setting (want one of "+joinKeys()+")", nil)
		}
	}
	if len(errs) > 0 {
		return errors.Join(errs...)
	}
	*o = v
	return nil
}

func joinKeys() string {
	var b []byte
	for i, k := range overrideKeys {
		if i > 0 {
			b = append(b, ", "...)
		}
		b = append(b, k...)
	}
	return string(b)
}

// jsonString returns the value of a JSON string, or raw's text and false.
func jsonString(raw json.RawMessage) (string, bool) {
	var s string
	if err := json.Unmarshal(raw, &s); err != nil || len(raw) == 0 || raw[0] != '"' {
		return string(bytes.TrimSpace(raw)), false
	}
	return s, true
}

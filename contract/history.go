package contract

import (
	"bytes"
	"encoding/json"
	"errors"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/slaclock/slaclock/calendar"
	"github.com/slaclock/slaclock/sla"
)

// HistoryVersion is the version of History's JSON format that this package
// writes and reads.
const HistoryVersion = 1

// Entry is one event of a request's history.
type Entry struct {
	Step Step      `json:"step"` // its name in JSON: "confirmed", "hold", "priority", ...
	At   time.Time `json:"at"`
	// Priority is the new priority of a PriorityChanged event (and of its
	// correction, where the correction changes it); zero otherwise.
	Priority sla.Priority `json:"priority,omitempty"`
	// Note is who recorded it and why ("customer asked for delivery on
	// Monday"), at most MaxNote bytes; optional.
	Note string `json:"note,omitempty"`
	// Correction marks an entry that corrects the time of the latest Step
	// recorded before it (see Request.Apply): the history keeps both.
	Correction bool `json:"correction,omitempty"`
}

// Terms are what a request was opened under: its contract's number, customer,
// services and term, the device, and every setting its deadlines use. A
// request's history keeps them, so restoring it gives the same deadlines
// whatever the registry holds by then (Registry.Reterm applies today's).
// The calendar (public holidays and closures) is the registry's: it is the
// law of the land, not a term of the contract.
type Terms struct {
	Contract string        `json:"contract"`
	Customer string        `json:"customer,omitempty"`
	Services []sla.Service `json:"services"`
	Start    calendar.Date `json:"start"`
	End      calendar.Date `json:"end"`
	Device   Device        `json:"device"`
	// Settings are the settings of the request's calculator, every one of
	// them when the request was opened; any left out take sla.DefaultSettings.
	Settings sla.Overrides `json:"settings"`
}

// termsOf returns the terms of a request on device dev under c with settings
// set.
func termsOf(c Contract, dev Device, set sla.Settings) Terms {
	return Terms{Contract: c.Number, Customer: c.Customer, Services: slices.Clone(c.Services), Start: c.Start, End: c.End,
		Device: dev, Settings: overridesOf(set)}
}

func (t Terms) clone() Terms {
	t.Services = slices.Clone(t.Services)
	t.Settings = cloneOverrides(t.Settings)
	return t
}

// contract returns the terms as a contract with the one device.
func (t Terms) contract() Contract {
	return Contract{Number: t.Contract, Customer: t.Customer, Services: slices.Clone(t.Services), Start: t.Start, End: t.End,
		Devices: []Device{t.Device}, Overrides: cloneOverrides(t.Settings)}
}

type jsonTerms struct {
	Contract string          `json:"contract"`
	Customer string          `json:"customer,omitempty"`
	Services []sla.Service   `json:"services"`
	Start    string          `json:"start"`
	End      string          `json:"end"`
	Device   Device          `json:"device"`
	Settings json.RawMessage `json:"settings"`
}

// MarshalJSON writes the terms as History's format gives them.
func (t Terms) MarshalJSON() ([]byte, error) {
	set, err := json.Marshal(t.Settings)
	if err != nil {
		return nil, err
	}
	return json.Marshal(jsonTerms{Contract: t.Contract, Customer: t.Customer, Services: t.Services, Start: t.Start.String(), End: t.End.String(),
		Device: t.Device, Settings: set})
}

// UnmarshalJSON reads the terms as History's format gives them; unknown
// fields are an error. On error t is unchanged.
func (t *Terms) UnmarshalJSON(b []byte) error {
	var j jsonTerms
	if err := strict(b, &j); err != nil {
		return jsonError("terms", nil, 0, err)
	}
	v := Terms{Contract: j.Contract, Customer: j.Customer, Services: j.Services, Device: j.Device}
	var errs []error
	for _, d := range [...]struct {
		field, text string
		dst         *calendar.Date
	}{{"terms.start", j.Start, &v.Start}, {"terms.end", j.End, &v.End}} {
		day, err := calendar.ParseDate(d.text)
		if err != nil {
			errs = append(errs, &FieldError{Field: d.field, Value: d.text, Reason: "want a date as YYYY-MM-DD", Err: ErrInvalidField, Cause: err})
		}
		*d.dst = day
	}
	if j.Settings != nil {
		if err := json.Unmarshal(j.Settings, &v.Settings); err != nil {
			for _, e := range splitErrors(err) {
				var ve *sla.ValueError
				if errors.As(e, &ve) {
					errs = append(errs, &FieldError{Field: "terms.settings." + ve.Field, Value: ve.Value, Reason: ve.Reason, Err: ErrInvalidField, Cause: e})
				} else {
					errs = append(errs, &FieldError{Field: "terms.settings", Reason: e.Error(), Err: ErrInvalidField, Cause: e})
				}
			}
		}
	}
	if len(errs) > 0 {
		return errors.Join(errs...)
	}
	*t = v
	return nil
}

// History is a request's whole state: what was known when it was opened (its
// reference, priority, description and terms), then every event recorded, in
// the order recorded. Deadlines are never stored: Registry.Restore replays
// the history and derives them again.
//
// # JSON format, version 1
//
//	{
//	  "version": 1,
//	  "id": "REQ-2026-0117",
//	  "priority": "P3",
//	  "description": "port 3 down",
//	  "terms": {
//	    "contract": "CC/2026/0347", "customer": "Miejskie Wodociągi",
//	    "services": ["cocare-premier"], "start": "2026-01-01", "end": "2027-12-31",
//	    "device": {"serial": "2102351931P0K1000123", "model": "S5735-L48T4X", "site": "Kraków"},
//	    "settings": {"cutoff": "15:00", "cutoff_applies_to_ship": true, ...}
//	  },
//	  "entries": [
//	    {"step": "submitted", "at": "2026-11-16T09:00:00+01:00", "note": "call from J. Nowak"},
//	    {"step": "confirmed", "at": "2026-11-16T10:00:00+01:00"},
//	    {"step": "hold", "at": "2026-11-16T14:00:00+01:00", "note": "customer asked for delivery on Tuesday"},
//	    {"step": "resumed", "at": "2026-11-17T11:00:00+01:00"},
//	    {"step": "priority", "at": "2026-11-17T12:00:00+01:00", "priority": "P1"},
//	    {"step": "confirmed", "at": "2026-11-16T09:50:00+01:00", "correction": true, "note": "logged late"}
//	  ]
//	}
//
// version is HistoryVersion; a reader refuses any other. id, priority (P1 to
// P4, the opening's), description and customer are left out when empty.
// terms are the request's Terms: dates as YYYY-MM-DD, settings in
// sla.Overrides' form (Request.History writes every setting; one left out
// takes sla.DefaultSettings). entries begin with the submission; each has its
// step's name (submitted, responded, confirmed, shipped, delivered, onsite,
// returned, closed, rejected, hold, resumed, priority), its instant in RFC
// 3339 with nanoseconds as needed (written in Europe/Warsaw time), the new
// priority for a priority change, an optional note, and "correction": true
// for a correction (see Request.Apply). Unknown fields are an error.
type History struct {
	Version     int          `json:"version"`
	ID          string       `json:"id,omitempty"`
	Priority    sla.Priority `json:"priority,omitempty"`
	Description string       `json:"description,omitempty"`
	Terms       Terms        `json:"terms"`
	Entries     []Entry      `json:"entries"`
}

// History returns the request's history: a copy, which the request's later
// events do not change.
func (q *Request) History() History {
	return History{Version: HistoryVersion, ID: q.id, Priority: q.priority, Description: q.description,
		Terms: q.terms.clone(), Entries: slices.Clone(q.log)}
}

type jsonHistory History // History's fields without its methods

// UnmarshalJSON reads History's JSON format; unknown fields and a version
// other than HistoryVersion are errors (a *FieldError naming the field). On
// error h is unchanged.
func (h *History) UnmarshalJSON(b []byte) error {
	var v jsonHistory
	if err := strict(b, &v); err != nil {
		var fe *FieldError
		if errors.As(err, &fe) || isJoined(err) {
			return err
		}
		return jsonError("history", nil, 0, err)
	}
	if v.Version != HistoryVersion {
		return &FieldError{Field: "history.version", Value: strconv.Itoa(v.Version), Reason: "this library reads version " + strconv.Itoa(HistoryVersion), Err: ErrInvalidField}
	}
	*h = History(v)
	return nil
}

type jsonEntry Entry // Entry's fields without its methods

// UnmarshalJSON reads one entry of History's JSON format; unknown fields are
// an error. On error e is unchanged.
func (e *Entry) UnmarshalJSON(b []byte) error {
	var v jsonEntry
	if err := strict(b, &v); err != nil {
		var fe *FieldError
		if errors.As(err, &fe) {
			return err
		}
		return jsonError("entry", nil, 0, err)
	}
	*e = Entry(v)
	return nil
}

// strict decodes one JSON value from b into v, refusing unknown fields and
// anything after the value.
func strict(b []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return err
	}
	if dec.More() {
		return errors.New("unexpected data after the JSON value")
	}
	return nil
}

func isJoined(err error) bool {
	_, ok := err.(interface{ Unwrap() []error })
	return ok
}

// Restore replays history h and returns the request it gives: the same
// deadlines and the same Status at any instant as the request it was taken
// from. The history's own terms are used, whatever the registry holds today:
// a contract since changed, ended or removed, a device no longer covered, do
// not move its deadlines (Reterm applies today's terms); only the registry's
// calendar is used.
//
// Each entry goes through exactly the checks that recording went through
// (Open's on the terms for the submission, Apply's for each event after). A
// history that does not replay is a *HistoryError naming the entry (its
// index, step and time) and why, wrapping ErrHistory and the refusal; nothing
// is restored then. The request's History is h normalised: instants in
// Europe/Warsaw time, every setting written, a repeated event dropped; it
// restores to itself.
func (r *Registry) Restore(h History) (*Request, error) {
	whole := func(err error) error { return &HistoryError{Index: -1, Err: err} }
	if h.Version != HistoryVersion {
		return nil, whole(&FieldError{Field: "version", Value: strconv.Itoa(h.Version), Reason: "this library reads version " + strconv.Itoa(HistoryVersion), Err: ErrInvalidField})
	}
	t := h.Terms.clone()
	if errs := t.contract().validate("terms", 0); len(errs) > 0 {
		for _, e := range errs {
			if fe, ok := e.(*FieldError); ok {
				fe.Field = strings.Replace(strings.Replace(fe.Field, "terms.devices[0]", "terms.device", 1), "terms.number", "terms.contract", 1)
			}
		}
		return nil, whole(errors.Join(errs...))
	}
	if len(h.Entries) == 0 {
		return nil, whole(&FieldError{Field: "entries", Reason: "a history begins with the submission", Err: ErrMissingField})
	}
	set := t.Settings.Apply(sla.DefaultSettings())
	calc, err := r.calculatorFor(set)
	if err != nil {
		return nil, whole(&FieldError{Field: "terms.settings", Reason: reasonOf(err), Err: ErrInvalidField, Cause: err})
	}
	t.Settings = overridesOf(set)
	q := &Request{id: h.ID, description: h.Description, priority: h.Priority, terms: t, calc: calc}
	loc := calc.Calendar().Location()
	for i, e := range h.Entries {
		if !e.At.IsZero() {
			e.At = e.At.In(loc)
		}
		at := e.At.Format(time.RFC3339Nano)
		if i == 0 {
			st, err := q.replay([]Entry{e}, true)
			if err != nil {
				return nil, &HistoryError{Index: 0, Step: e.Step, At: at, Err: err}
			}
			q.st, q.log = st, []Entry{e}
			continue
		}
		if err := q.Apply(e); err != nil {
			return nil, &HistoryError{Index: i, Step: e.Step, At: at, Err: err}
		}
	}
	return q, nil
}

// Moved is a deadline that today's terms give differently (see
// Registry.Reterm): Was under the history's terms, Now under today's. A
// deadline that exists under one only has the zero Deadline (Kind 0) in the
// other.
type Moved struct {
	Service  sla.Service
	Kind     sla.Kind
	Was, Now sla.Deadline
}

// Reterm replays history h under the terms the registry gives its contract
// and device today (the contract's services, term and settings as they are
// now), instead of the terms h keeps, and says which deadlines that moves:
// every deadline whose due instant, level or paused state differs, in the
// order of the services (h's, then any new ones) and of sla.Kind. It is an
// error when h does not restore under its own terms, when the contract is no
// longer in the registry (ErrUnknownContract), the device no longer covered
// (ErrNotCovered), or h does not replay under today's terms (a *HistoryError:
// a submission outside today's term wraps ErrOutsideTerm).
func (r *Registry) Reterm(h History) (*Request, []Moved, error) {
	was, err := r.Restore(h)
	if err != nil {
		return nil, nil, err
	}
	ci, err := r.index(h.Terms.Contract)
	if err != nil {
		return nil, nil, err
	}
	c := r.contracts[ci] // read only: termsOf copies what the request keeps
	dev, ok := r.device(ci, h.Terms.Device.Serial)
	if !ok {
		return nil, nil, &FieldError{Field: "serial number", Value: h.Terms.Device.Serial, Reason: "is no longer covered by contract " + c.Number, Err: ErrNotCovered}
	}
	h.Terms = termsOf(c, dev, r.Calculator(c).Settings())
	now, err := r.Restore(h)
	if err != nil {
		return nil, nil, err
	}
	return now, moved(was.st.deadlines, now.st.deadlines), nil
}

// moved lists the deadlines of b that differ from a's.
func moved(a, b []ServiceDeadlines) []Moved {
	var svcs []sla.Service
	for _, sd := range append(slices.Clone(a), b...) {
		if !slices.Contains(svcs, sd.Service) {
			svcs = append(svcs, sd.Service)
		}
	}
	get := func(list []ServiceDeadlines, s sla.Service, k sla.Kind) sla.Deadline {
		for i := range list {
			if list[i].Service == s {
				d, _ := list[i].Deadlines.Get(k)
				return d
			}
		}
		return sla.Deadline{}
	}
	var out []Moved
	for _, s := range svcs {
		for k := sla.Response; k <= sla.Return; k++ {
			x, y := get(a, s, k), get(b, s, k)
			if x.Kind == y.Kind && x.Due.Equal(y.Due) && x.Level == y.Level && x.Paused == y.Paused && x.Left == y.Left && x.PausedSince.Equal(y.PausedSince) {
				continue
			}
			out = append(out, Moved{Service: s, Kind: k, Was: x, Now: y})
		}
	}
	return out
}

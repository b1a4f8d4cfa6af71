package contract

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/slaclock/slaclock/calendar"
	"github.com/slaclock/slaclock/sla"
)

// Registry is a set of contracts, looked up by number. Build one with
// NewRegistry, Load or LoadFile; write it back with Write. A Registry is
// immutable and safe for concurrent use: it hands out copies of its contracts.
type Registry struct {
	calc      *sla.Calculator
	contracts []Contract
	byKey     map[string]int             // index into contracts, by key(number)
	devices   []map[string]int           // per contract, index into its Devices, by key(serial)
	calcs     map[string]*sla.Calculator // by key(number), for contracts with settings of their own

	mu     sync.Mutex
	bySets map[sla.Settings]*sla.Calculator // for restored terms, by their settings
}

// NewRegistry checks the contracts and builds a registry of them on calc
// (sla.Default() when nil). It reports every problem at once, joined with
// errors.Join, each a *FieldError naming the contract by index
// (contracts[i].field) and the value: missing fields, duplicate contract
// numbers, an end before a start, a serial listed twice, bad settings.
func NewRegistry(calc *sla.Calculator, contracts ...Contract) (*Registry, error) {
	var errs []error
	for i := range contracts {
		errs = append(errs, contracts[i].validate("contracts["+strconv.Itoa(i)+"]", 0)...)
	}
	errs = append(errs, duplicateNumbers(contracts, nil)...)
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return build(calc, contracts, nil)
}

// duplicateNumbers reports every contract whose number an earlier one has.
func duplicateNumbers(contracts []Contract, lines []int) []error {
	var errs []error
	first := map[string]int{}
	for i, c := range contracts {
		k := key(c.Number)
		if k == "" {
			continue
		}
		j, dup := first[k]
		if !dup {
			first[k] = i
			continue
		}
		line := 0
		if lines != nil {
			line = lines[i]
		}
		errs = append(errs, &FieldError{Field: "contracts[" + strconv.Itoa(i) + "].number", Value: c.Number, Line: line,
			Reason: "duplicates contracts[" + strconv.Itoa(j) + "]", Err: ErrDuplicateContract})
	}
	return errs
}

// build makes the registry of checked contracts, with a calculator for each
// contract that has settings of its own.
func build(calc *sla.Calculator, contracts []Contract, lines []int) (*Registry, error) {
	if calc == nil {
		calc = sla.Default()
	}
	r := &Registry{calc: calc, byKey: map[string]int{}, calcs: map[string]*sla.Calculator{},
		bySets: map[sla.Settings]*sla.Calculator{calc.Settings(): calc}}
	var errs []error
	for i := range contracts {
		c := contracts[i].clone()
		if !c.Overrides.IsZero() {
			set := c.Overrides.Apply(calc.Settings())
			oc, ok := r.bySets[set]
			if !ok {
				var err error
				if oc, err = sla.NewCalculator(calc.Calendar(), set); err != nil {
					line := 0
					if lines != nil {
						line = lines[i]
					}
					errs = append(errs, &FieldError{Field: "contracts[" + strconv.Itoa(i) + "].settings", Line: line, Reason: err.Error(), Err: ErrInvalidField, Cause: err})
					continue
				}
				r.bySets[set] = oc
			}
			r.calcs[key(c.Number)] = oc
		}
		devs := make(map[string]int, len(c.Devices))
		for j, d := range c.Devices {
			devs[key(d.Serial)] = j
		}
		r.byKey[key(c.Number)] = len(r.contracts)
		r.contracts = append(r.contracts, c)
		r.devices = append(r.devices, devs)
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return r, nil
}

// Lookup returns a copy of the contract with the given number, compared after
// trimming spaces and ignoring case; an unknown number is an error wrapping
// ErrUnknownContract.
func (r *Registry) Lookup(number string) (Contract, error) {
	i, err := r.index(number)
	if err != nil {
		return Contract{}, err
	}
	return r.contracts[i].clone(), nil
}

// index returns the index of the contract with the given number, as Lookup
// finds it, without copying it: the registry's own opening and re-terming
// read it in place, so that the cost of an opening does not grow with the
// contract's devices.
func (r *Registry) index(number string) (int, error) {
	if strings.TrimSpace(number) == "" {
		return 0, &FieldError{Field: "contract number", Reason: "required", Err: ErrMissingField}
	}
	i, ok := r.byKey[key(number)]
	if !ok {
		return 0, &FieldError{Field: "contract number", Value: number, Reason: "no such contract in the registry", Err: ErrUnknownContract}
	}
	return i, nil
}

// device returns the device of contract i with the given serial number, as
// Contract.Device finds it, from the registry's index of serial numbers.
func (r *Registry) device(i int, serial string) (Device, bool) {
	j, ok := r.devices[i][key(serial)]
	if !ok {
		return Device{}, false
	}
	return r.contracts[i].Devices[j], true
}

// Contracts returns copies of the contracts in the order they were given.
func (r *Registry) Contracts() []Contract {
	out := make([]Contract, len(r.contracts))
	for i, c := range r.contracts {
		out[i] = c.clone()
	}
	return out
}

// Calculator returns the deadline calculator for the registry's contract with
// c's number (compared as Lookup does): the registry's, or one with the
// contract's own settings. Only the number of c is used, so any copy of a
// contract gets its calculator; an unknown number gets the registry's.
func (r *Registry) Calculator(c Contract) *sla.Calculator {
	if oc, ok := r.calcs[key(c.Number)]; ok {
		return oc
	}
	return r.calc
}

// calculatorFor returns a calculator on the registry's calendar with settings
// set, reusing one the registry has.
func (r *Registry) calculatorFor(set sla.Settings) (*sla.Calculator, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if c, ok := r.bySets[set]; ok {
		return c, nil
	}
	c, err := sla.NewCalculator(r.calc.Calendar(), set)
	if err != nil {
		return nil, err
	}
	if len(r.bySets) < maxCalculators {
		r.bySets[set] = c
	}
	return c, nil
}

// maxCalculators bounds the calculators a registry keeps for restored terms.
const maxCalculators = 64

// Write writes the registry as a registry file that Load reads back into the
// same contracts: {"contracts": [...]}, one contract per element in
// Contract's JSON form, indented. The calculator is not written: Load is given
// one.
func (r *Registry) Write(w io.Writer) error {
	b, err := json.MarshalIndent(struct {
		Contracts []Contract `json:"contracts"`
	}{r.contracts}, "", "  ")
	if err != nil {
		return err
	}
	_, err = w.Write(append(b, '\n'))
	return err
}

// The registry file format: see Load and Contract. fileContract is the
// lenient view of a contract that decodeContract reads first, so that one bad
// field does not hide the others.
type fileRegistry struct {
	Contracts []json.RawMessage `json:"contracts"`
}

type fileContract struct {
	Number   string          `json:"number"`
	Customer string          `json:"customer"`
	Services []string        `json:"services"`
	Start    string          `json:"start"`
	End      string          `json:"end"`
	Settings json.RawMessage `json:"settings"`
	Devices  []Device        `json:"devices"`
}

// LoadFile reads a registry file; see Load.
func LoadFile(path string, calc *sla.Calculator) (*Registry, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, &FieldError{Field: "registry file", Value: path, Reason: err.Error(), Err: ErrInvalidField, Cause: err}
	}
	return Load(bytes.NewReader(data), calc)
}

// Load reads a registry from JSON, {"contracts": [...]} with each contract in
// Contract's JSON form, and builds it on calc (sla.Default() when nil). It reports every
// problem in the file at once, joined with errors.Join: each a *FieldError with
// the contract's line in the file, the field's path and its value.
func Load(rd io.Reader, calc *sla.Calculator) (*Registry, error) {
	data, err := io.ReadAll(rd)
	if err != nil {
		return nil, &FieldError{Field: "registry", Reason: "cannot be read: " + err.Error(), Err: ErrInvalidField, Cause: err}
	}
	var f fileRegistry
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		return nil, jsonError("registry", data, 0, err)
	}
	if dec.More() {
		return nil, &FieldError{Field: "registry", Line: lineAt(data, int(dec.InputOffset())), Reason: "unexpected data after the registry object", Err: ErrInvalidField}
	}
	if f.Contracts == nil {
		return nil, &FieldError{Field: "contracts", Reason: `want an object {"contracts": [...]}`, Err: ErrMissingField}
	}
	var errs []error
	contracts := make([]Contract, 0, len(f.Contracts))
	lines := make([]int, 0, len(f.Contracts))
	pos := 0 // contracts appear in order: search each after the one before
	for i, raw := range f.Contracts {
		off := bytes.Index(data[pos:], raw)
		if off >= 0 {
			off += pos
			pos = off + len(raw)
		}
		line := lineAt(data, off)
		c, cerrs := decodeContract(raw, "contracts["+strconv.Itoa(i)+"]", line)
		errs = append(errs, cerrs...)
		contracts = append(contracts, c)
		lines = append(lines, line)
	}
	errs = append(errs, duplicateNumbers(contracts, lines)...)
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return build(calc, contracts, lines)
}

// decodeContract decodes one contract of a registry file; every problem it finds
// names the field under prefix.
func decodeContract(raw json.RawMessage, prefix string, line int) (Contract, []error) {
	var errs []error
	add := func(field, value, reason string, sentinel, cause error) {
		errs = append(errs, &FieldError{Field: prefix + field, Value: value, Reason: reason, Line: line, Err: sentinel, Cause: cause})
	}
	// Decode leniently first, so that one bad field does not hide the others,
	// then report unknown fields: every one at the top, the first one below.
	var fc fileContract
	if err := json.Unmarshal(raw, &fc); err != nil {
		errs = append(errs, jsonError(prefix, nil, line, err))
		var te *json.UnmarshalTypeError
		if !errors.As(err, &te) {
			return Contract{Number: fc.Number}, errs
		}
	}
	var top map[string]json.RawMessage
	if json.Unmarshal(raw, &top) == nil {
		for _, name := range sortedKeys(top) {
			if !knownContractFields[name] {
				add("."+name, "", "unknown field", ErrInvalidField, nil)
			}
		}
	}
	var devices []json.RawMessage
	if raw, ok := top["devices"]; ok && json.Unmarshal(raw, &devices) == nil {
		for i, d := range devices {
			for _, name := range unknownKeys(d, knownDeviceFields) {
				add(".devices["+strconv.Itoa(i)+"]."+name, "", "unknown field", ErrInvalidField, nil)
			}
		}
	}

	c := Contract{Number: fc.Number, Customer: fc.Customer, Devices: fc.Devices}
	for i, id := range fc.Services {
		s, err := sla.LookupService(id)
		if err != nil {
			add(".services["+strconv.Itoa(i)+"]", id, "not a catalogue service", ErrInvalidField, err)
			continue
		}
		c.Services = append(c.Services, s)
	}
	date := func(field, v string) calendar.Date {
		if v == "" {
			return calendar.Date{} // reported as missing by validate
		}
		d, err := calendar.ParseDate(v)
		if err != nil {
			add(field, v, "want a date as YYYY-MM-DD", ErrInvalidField, err)
		}
		return d
	}
	c.Start = date(".start", fc.Start)
	c.End = date(".end", fc.End)
	if fc.Settings != nil {
		if err := json.Unmarshal(fc.Settings, &c.Overrides); err != nil {
			for _, e := range splitErrors(err) {
				var ve *sla.ValueError
				if errors.As(e, &ve) {
					add(".settings."+ve.Field, ve.Value, ve.Reason, ErrInvalidField, e)
				} else {
					add(".settings", "", e.Error(), ErrInvalidField, e)
				}
			}
		}
	}
	// The rules on decoded values (missing fields, the term, duplicate serials,
	// settings), less what decoding has already reported on the same field.
	for _, e := range c.validate(prefix, line) {
		if fe, ok := e.(*FieldError); ok && hasField(errs, fe.Field) {
			continue
		}
		errs = append(errs, e)
	}
	return c, errs
}

var (
	knownContractFields = map[string]bool{"number": true, "customer": true, "services": true, "start": true, "end": true, "settings": true, "devices": true}
	knownDeviceFields   = map[string]bool{"serial": true, "model": true, "site": true}
)

// unknownKeys returns the keys of the JSON object raw that are not known, sorted.
func unknownKeys(raw json.RawMessage, known map[string]bool) []string {
	var m map[string]json.RawMessage
	if json.Unmarshal(raw, &m) != nil {
		return nil
	}
	var out []string
	for _, k := range sortedKeys(m) {
		if !known[k] {
			out = append(out, k)
		}
	}
	return out
}

// hasField reports whether errs has a problem on field or on a field inside it.
func hasField(errs []error, field string) bool {
	for _, e := range errs {
		if fe, ok := e.(*FieldError); ok && (fe.Field == field || strings.HasPrefix(fe.Field, field+".") || strings.HasPrefix(fe.Field, field+"[")) {
			return true
		}
	}
	return false
}

func sortedKeys(m map[string]json.RawMessage) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// jsonError turns an encoding/json error into a FieldError with a line number
// (counted in data when given, else line) and the field's path.
func jsonError(prefix string, data []byte, line int, err error) error {
	fe := &FieldError{Field: prefix, Line: line, Reason: err.Error(), Err: ErrInvalidField, Cause: err}
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		if data != nil {
			fe.Line = lineAt(data, int(se.Offset))
		}
		fe.Reason = "not valid JSON: " + se.Error()
	case errors.As(err, &te):
		if te.Field != "" {
			fe.Field = prefix + "." + te.Field
		}
		fe.Reason = "want a JSON value for " + te.Type.String() + ", not a JSON " + te.Value
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		name := strings.Trim(strings.TrimPrefix(err.Error(), "json: unknown field "), `"`)
		fe.Field = prefix + "." + name
		fe.Reason = "unknown field"
	case errors.Is(err, io.EOF):
		fe.Reason = "empty: want a JSON object"
	case errors.Is(err, io.ErrUnexpectedEOF):
		fe.Reason = "not valid JSON: unexpected end of input"
	}
	return fe
}

// lineAt returns the 1-based line of byte offset off in data.
func lineAt(data []byte, off int) int {
	if off < 0 {
		return 0
	}
	if off > len(data) {
		off = len(data)
	}
	return bytes.Count(data[:off], []byte("\n")) + 1
}

// Package batchline computes the deadlines of one service request given as a
// line of JSON, and writes them as one line of JSON: the format of the batch
// program (examples/batch, many lines) and of the example server's
// POST /v1/deadlines (one line), which give the same answer for the same line.
//
// # Input
//
// One JSON object:
//
//	{"id":"REQ-1","service":"cocare-standard","submitted":"2026-11-16T09:30:00+01:00",
//	 "confirmed":"2026-11-16T10:00:00+01:00","delivered":"2026-11-18T12:00:00+01:00",
//	 "holds":[{"from":"2026-11-16T14:00:00+01:00","to":"2026-11-17T11:00:00+01:00"}],
//	 "priority_changes":[{"at":"2026-11-16T13:00:00+01:00","priority":"P1"}]}
//
// (on one line). The fields:
//
//   - id: a string, copied to the output; optional.
//   - service: a catalogue id (cocare-basic, cocare-standard, cocare-premier,
//     cocare-standard-onsite, cocare-premium-onsite, ahb-<level>,
//     sos-<level>); required.
//   - priority: P1 to P4, the priority the request was submitted with; needed
//     by the services whose target depends on it (cocare-premier,
//     cocare-premium-onsite), ignored by the others.
//   - submitted (required), confirmed and delivered (the replacement's
//     delivery, which starts the return clock): RFC 3339 times with an offset.
//   - holds: the intervals in which the provider waited for the customer, a
//     list of {"from", "to"}, both RFC 3339 times and both required (this
//     format takes holds that have ended: a request on hold now is a
//     contract's business, whose status shows what is paused). They are in
//     time order and do not overlap, none begins before the submission, none
//     ends before it begins, and nothing is delivered inside one. A hold stops
//     the ship-by, delivery and on-site clocks still running when it begins;
//     the window time left then runs again from its end.
//   - priority_changes: the request's priority changes, a list of {"at",
//     "priority"}, both required, in time order, none before the submission
//     and none strictly inside a hold (one at a hold's start applies before
//     it, one at its end after it).
//
// Keys are matched exactly (lower case); a field set to null is taken as
// absent; a key given twice counts with its last value. A line takes at most
// MaxHolds holds and MaxChanges priority changes and MaxLine bytes.
//
// # Output
//
// One JSON object and a \n. Either the deadlines: id, then those of
// response_by, ship_by, delivery_by, onsite_by and return_by that the request
// has, each the last instant at which its event is on time, in RFC 3339 with
// Europe/Warsaw's offset, holds and priority changes applied; with explain,
// also "explain", an object from each deadline's field to the list of its
// steps' texts:
//
//	{"id":"REQ-1","response_by":"2026-11-16T10:30:00+01:00","delivery_by":"2026-11-18T15:00:00+01:00",...}
//
// Or an error: {"id": ..., "error": "..."}, the id null where it cannot be
// read, naming every problem found, "; " between them, each starting with the
// field in this format's own names (holds[1].from, priority_changes[0].at):
// not JSON, not an object (null included), more than one JSON value, a blank
// line, a line over MaxLine bytes, invalid UTF-8 (named, never replaced), an
// unknown field (the other problems of the line are reported too), a value of
// the wrong JSON type, a missing or unknown service, a bad or missing
// priority, a missing submitted, a time that does not parse or has no
// offset, a time outside 1990-01-01 to 2200-12-31 24:00, a step before the
// one it follows, a hold without an end, holds that overlap, end before they
// begin or come before the submission, a delivery inside a hold, priority
// changes out of order, before the submission or strictly inside a hold.
//
// A deadline a running hold has paused has no due instant; it cannot happen
// here, since every hold of this format has ended.
package batchline

import (
	"bytes"
	"encoding/json"
	"errors"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/slaclock/slaclock/sla"
)

// Limits of one line.
const (
	MaxLine    = 1 << 20 // bytes, the line ending excluded
	MaxHolds   = 100
	MaxChanges = 100
)

// BOM is the UTF-8 byte order mark, which an input may start with.
const BOM = "\xef\xbb\xbf"

// TrimBOM returns input without the UTF-8 byte order mark it may start with.
// The caller applies it to the start of an input (a file, a request body),
// not to each line: a byte order mark inside an input is a bad line.
func TrimBOM(input []byte) []byte { return bytes.TrimPrefix(input, []byte(BOM)) }

// Processor turns input lines into output lines with one Calculator. It keeps
// buffers from line to line, so it is not safe for concurrent use: give each
// goroutine its own (New is cheap).
type Processor struct {
	calc     *sla.Calculator
	explain  bool
	errs     []string
	holds    []sla.Hold
	changes  []sla.PriorityChange
	services map[string]sla.Service // the services looked up so far

	// the line being read
	badUTF8  bool // the line is not valid UTF-8: every string is checked
	reported bool // a problem about invalid UTF-8 has been recorded
	unknown  int  // how many of the problems are unknown fields
	in       input
}

// New returns a Processor that computes with calc, and adds each deadline's
// steps under "explain" if explain is set.
func New(calc *sla.Calculator, explain bool) *Processor {
	return &Processor{calc: calc, explain: explain, services: make(map[string]sla.Service)}
}

// value is a string field as read: absent (or null), or its text.
type value struct {
	set  bool
	bad  bool // given but unreadable: reported as such, not as missing
	text []byte
}

type holdIn struct{ from, to value }

type changeIn struct{ at, priority value }

type input struct {
	id                        []byte // nil: absent, null or not a string
	service, priority         value
	submitted, confirmed, dlv value
	holds                     []holdIn
	changes                   []changeIn
	nHolds, nChanges          int // as given, beyond the limits too
}

const fieldList = "id, service, priority, submitted, confirmed, delivered, holds, priority_changes"

// Line appends to dst the output line (with its \n) for one input line
// (without its line ending; white space around the object is allowed) and
// returns the extended buffer.
func (p *Processor) Line(dst, line []byte) []byte {
	p.errs = p.errs[:0]
	p.in.reset()
	p.badUTF8, p.reported, p.unknown = false, false, 0
	if len(line) > MaxLine {
		return errorLine(dst, nil, "line: longer than "+strconv.Itoa(MaxLine>>20)+" MiB")
	}
	if len(bytes.TrimSpace(line)) == 0 {
		return errorLine(dst, nil, "line: blank, want a JSON object")
	}
	if !json.Valid(line) {
		if bytes.HasPrefix(bytes.TrimLeft(line, " \t\r\n"), []byte(BOM)) {
			return errorLine(dst, nil, "line: starts with a UTF-8 byte order mark, which only the start of an input may have")
		}
		return p.invalid(dst, line)
	}
	p.badUTF8 = !utf8.Valid(line)
	s := scanner{b: line}
	if c := s.peek(); c != '{' {
		return errorLine(dst, nil, "line: want a JSON object, not "+kindName(c))
	}
	p.object(&s)
	if p.badUTF8 && !p.reported {
		// The invalid bytes were inside a value already refused for its type.
		p.errs = append(p.errs, "line: "+badUTF8(line, 0))
	}
	req := p.request()
	if len(p.errs) > 0 {
		if len(p.errs) == p.unknown {
			// Only unknown fields: the request itself was read whole, so
			// what the calculator finds wrong with it is reported too.
			if _, err := p.calc.Deadlines(req); err != nil {
				p.errs = append(p.errs, errorText(err))
			}
		}
		return errorLine(dst, p.in.id, strings.Join(p.errs, "; "))
	}
	var ds sla.Deadlines
	var err error
	if p.explain {
		ds, err = p.calc.Explain(req)
	} else {
		ds, err = p.calc.Deadlines(req)
	}
	if err != nil {
		return errorLine(dst, p.in.id, errorText(err))
	}
	return p.deadlines(dst, &ds)
}

func (in *input) reset() {
	holds, changes := in.holds[:0], in.changes[:0]
	*in = input{holds: holds, changes: changes}
}

// invalid answers a line that is not one JSON value.
func (p *Processor) invalid(dst, line []byte) []byte {
	dec := json.NewDecoder(bytes.NewReader(line))
	var first json.RawMessage
	err := dec.Decode(&first)
	var se *json.SyntaxError
	switch {
	case err == nil: // a valid value, then more
		var id []byte
		if s := (scanner{b: first}); s.peek() == '{' && utf8.Valid(first) {
			p.errs = p.errs[:0]
			p.object(&s)
			id = p.in.id
		}
		return errorLine(dst, id, "line: more than one JSON value")
	case errors.As(err, &se):
		return errorLine(dst, nil, "line: not valid JSON: "+strings.TrimPrefix(se.Error(), "json: ")+
			" (offset "+strconv.FormatInt(se.Offset, 10)+")")
	}
	return errorLine(dst, nil, "line: not valid JSON: unexpected end of line")
}

// path names a field: holds, holds[1], holds[1].from. It is written out
// only for a problem, so reading a good line builds no names.
type path struct {
	field string
	i     int // -1: not an element of a list
	sub   string
}

func name(field string) path { return path{field: field, i: -1} }

func (f path) at(i int) path { return path{field: f.field, i: i} }

func (f path) dot(sub string) path { return path{field: f.field, i: f.i, sub: sub} }

func (f path) String() string {
	s := f.field
	if f.i >= 0 {
		s += "[" + strconv.Itoa(f.i) + "]"
	}
	if f.sub != "" {
		s += "." + f.sub
	}
	return s
}

// unknownField records a key the format does not have; want lists those it
// has.
func (p *Processor) unknownField(f path, want string) {
	p.unknown++
	p.bad(f, "unknown field (want "+want+")")
}

// bad records a problem.
func (p *Processor) bad(f path, msg string) { p.errs = append(p.errs, f.String()+": "+msg) }

// text reads a string at s (a key or a value), checking it is valid UTF-8
// and unescaping it; msg says what is wrong if it cannot be read.
func (p *Processor) text(s *scanner) (t []byte, msg string) {
	raw, off := s.str()
	if p.badUTF8 {
		if msg := badUTF8(raw, off); msg != "" {
			p.reported = true
			return nil, msg
		}
	}
	return unescape(raw)
}

// key reads an object's key and its colon; ok is false (and a problem
// recorded for the object at f) if the key is not valid text.
func (p *Processor) key(s *scanner, f path) ([]byte, bool) {
	k, msg := p.text(s)
	s.peek()
	s.next() // :
	if msg != "" {
		p.bad(f, "a key: "+msg)
		return nil, false
	}
	return k, true
}

// more consumes the comma between members or elements, if there is one,
// and reports whether the object or list goes on (closing is its end byte).
func (s *scanner) more(closing byte) bool {
	if s.peek() == ',' {
		s.next()
	}
	return s.peek() != closing
}

// str reads a string field's value: a string, or null for absent.
func (p *Processor) str(s *scanner, f path, v *value) {
	switch c := s.peek(); c {
	case '"':
		t, msg := p.text(s)
		*v = value{set: msg == "", bad: msg != "", text: t}
		if msg != "" {
			p.bad(f, msg)
		}
	case 'n':
		s.skip()
		*v = value{}
	default:
		start := s.i
		s.skip()
		*v = value{bad: true}
		p.bad(f, "want a string, not "+kindName(c)+scalarText(s.b[start:s.i]))
	}
}

// scalarText is " (12345)" for a short number or boolean as the line has
// it, so that the error names the value; nothing for a list, an object, or
// anything longer or not plain ASCII.
func scalarText(raw []byte) string {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || len(raw) > 40 || raw[0] == '{' || raw[0] == '[' {
		return ""
	}
	for _, c := range raw {
		if c < 0x21 || c > 0x7e {
			return ""
		}
	}
	return " (" + string(raw) + ")"
}

// object reads the request object at s.
func (p *Processor) object(s *scanner) {
	in := &p.in
	s.next() // {
	for s.more('}') {
		k, ok := p.key(s, name("line"))
		if !ok {
			s.skip()
			continue
		}
		switch string(k) {
		case "id":
			switch c := s.peek(); c {
			case '"':
				var msg string
				if in.id, msg = p.text(s); msg != "" {
					p.bad(name("id"), msg)
				}
			case 'n':
				s.skip()
				in.id = nil
			default:
				s.skip()
				in.id = nil
				p.bad(name("id"), "want a string, not "+kindName(c))
			}
		case "service":
			p.str(s, name("service"), &in.service)
		case "priority":
			p.str(s, name("priority"), &in.priority)
		case "submitted":
			p.str(s, name("submitted"), &in.submitted)
		case "confirmed":
			p.str(s, name("confirmed"), &in.confirmed)
		case "delivered":
			p.str(s, name("delivered"), &in.dlv)
		case "holds":
			in.holds, in.nHolds = in.holds[:0], 0
			p.list(s, name("holds"), `{"from","to"}`, p.hold)
		case "priority_changes":
			in.changes, in.nChanges = in.changes[:0], 0
			p.list(s, name("priority_changes"), `{"at","priority"}`, p.change)
		default:
			s.skip()
			p.unknownField(name(string(k)), fieldList)
		}
	}
	s.next() // }
}

// hold reads one element of holds.
func (p *Processor) hold(s *scanner, f path) {
	var h holdIn
	s.next() // {
	for s.more('}') {
		k, ok := p.key(s, f)
		if !ok {
			s.skip()
			continue
		}
		switch string(k) {
		case "from":
			p.str(s, f.dot("from"), &h.from)
		case "to":
			p.str(s, f.dot("to"), &h.to)
		default:
			s.skip()
			p.unknownField(f.dot(string(k)), "from, to")
		}
	}
	s.next() // }
	if p.in.nHolds++; p.in.nHolds <= MaxHolds {
		p.in.holds = append(p.in.holds, h)
	}
}

// change reads one element of priority_changes.
func (p *Processor) change(s *scanner, f path) {
	var c changeIn
	s.next() // {
	for s.more('}') {
		k, ok := p.key(s, f)
		if !ok {
			s.skip()
			continue
		}
		switch string(k) {
		case "at":
			p.str(s, f.dot("at"), &c.at)
		case "priority":
			p.str(s, f.dot("priority"), &c.priority)
		default:
			s.skip()
			p.unknownField(f.dot(string(k)), "at, priority")
		}
	}
	s.next() // }
	if p.in.nChanges++; p.in.nChanges <= MaxChanges {
		p.in.changes = append(p.in.changes, c)
	}
}

// list reads a list of objects, calling elem for each; null is an empty list.
func (p *Processor) list(s *scanner, f path, shape string, elem func(s *scanner, f path)) {
	switch c := s.peek(); c {
	case 'n':
		s.skip()
		return
	case '[':
	default:
		s.skip()
		p.bad(f, "want a list of "+shape+", not "+kindName(c))
		return
	}
	s.next() // [
	for i := 0; s.more(']'); i++ {
		if c := s.peek(); c != '{' {
			s.skip()
			p.bad(f.at(i), "want an object "+shape+", not "+kindName(c))
			continue
		}
		elem(s, f.at(i))
	}
	s.next() // ]
}

// request checks what was read and builds the sla.Request, recording the
// problems.
func (p *Processor) request() sla.Request {
	in := &p.in
	var req sla.Request
	switch {
	case in.service.bad: // reported as it was read
	case !in.service.set:
		p.bad(name("service"), "required")
	default:
		if svc, ok := p.services[string(in.service.text)]; ok {
			req.Service = svc
		} else if svc, err := sla.LookupService(string(in.service.text)); err != nil {
			p.bad(name("service"), trim(err))
		} else {
			req.Service = svc
			if len(p.services) < 64 {
				p.services[string(in.service.text)] = svc
			}
		}
	}
	if in.priority.set {
		req.Priority = p.priority(name("priority"), in.priority.text)
	}
	if !in.submitted.set && !in.submitted.bad {
		p.bad(name("submitted"), "required")
	}
	req.Submitted = p.time(name("submitted"), in.submitted)
	req.Confirmed = p.time(name("confirmed"), in.confirmed)
	req.Delivered = p.time(name("delivered"), in.dlv)

	if in.nHolds > MaxHolds {
		p.bad(name("holds"), strconv.Itoa(in.nHolds)+" holds, at most "+strconv.Itoa(MaxHolds)+" in a request")
	}
	p.holds = p.holds[:0]
	for i, h := range in.holds {
		f := name("holds").at(i)
		if !h.from.set && !h.from.bad {
			p.bad(f.dot("from"), "required: when the hold began")
		}
		if !h.to.set && !h.to.bad {
			p.bad(f.dot("to"), "required: when the hold ended (this format takes holds that have ended; a request on hold now is a contract's business)")
		}
		p.holds = append(p.holds, sla.Hold{From: p.time(f.dot("from"), h.from), To: p.time(f.dot("to"), h.to)})
	}
	if in.nChanges > MaxChanges {
		p.bad(name("priority_changes"), strconv.Itoa(in.nChanges)+" changes, at most "+strconv.Itoa(MaxChanges)+" in a request")
	}
	p.changes = p.changes[:0]
	for i, c := range in.changes {
		f := name("priority_changes").at(i)
		var ch sla.PriorityChange
		if !c.at.set && !c.at.bad {
			p.bad(f.dot("at"), "required: when the priority changed")
		}
		ch.At = p.time(f.dot("at"), c.at)
		if !c.priority.set && !c.priority.bad {
			p.bad(f.dot("priority"), "required: the new priority, P1 to P4")
		} else if c.priority.set {
			ch.Priority = p.priority(f.dot("priority"), c.priority.text)
		}
		p.changes = append(p.changes, ch)
	}
	if len(p.holds) > 0 {
		req.Holds = p.holds
	}
	if len(p.changes) > 0 {
		req.Changes = p.changes
	}
	return req
}

func (p *Processor) priority(field path, text []byte) sla.Priority {
	pr, err := sla.ParsePriority(string(text))
	if err != nil {
		p.bad(field, trim(err))
	}
	return pr
}

// time parses an optional RFC 3339 time field, recording a problem.
func (p *Processor) time(field path, v value) time.Time {
	var t time.Time
	if !v.set {
		return t
	}
	if err := t.UnmarshalText(v.text); err != nil {
		p.bad(field, strconv.Quote(string(v.text))+" is not an RFC 3339 time with an offset (2026-11-13T15:20:00+01:00)")
	}
	return t
}

// deadlines appends the output line of computed deadlines.
func (p *Processor) deadlines(b []byte, ds *sla.Deadlines) []byte {
	all := ds.All()
	for _, d := range all {
		if d.Paused { // every hold here has an end, so no deadline stays paused
			return errorLine(b, p.in.id, d.Kind.Field()+": paused by a hold that has not ended")
		}
	}
	b = append(b, `{"id":`...)
	b = appendID(b, p.in.id)
	for _, d := range all {
		b = append(b, `,"`...)
		b = append(b, d.Kind.Field()...)
		b = append(b, `":"`...)
		b = d.Due.AppendFormat(b, time.RFC3339Nano)
		b = append(b, '"')
	}
	if p.explain {
		b = append(b, `,"explain":{`...)
		for i, d := range all {
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, '"')
			b = append(b, d.Kind.Field()...)
			b = append(b, `":[`...)
			for j, s := range d.Steps {
				if j > 0 {
					b = append(b, ',')
				}
				b = appendString(b, s.Text)
			}
			b = append(b, ']')
		}
		b = append(b, '}')
	}
	return append(b, "}\n"...)
}

// errorText writes the calculator's error in this format's names: each
// problem without the package prefix, sla's changes[i] called
// priority_changes[i].
func errorText(err error) string {
	var parts []string
	var walk func(error)
	walk = func(err error) {
		var ve *sla.ValueError
		if e, ok := err.(*sla.ValueError); ok {
			ve = e
		}
		switch {
		case ve != nil:
			msg := rename(ve.Field) + ": " + rename(ve.Reason)
			if ve.Value != "" {
				msg = rename(ve.Field) + " " + ve.Value + ": " + rename(ve.Reason)
			}
			parts = append(parts, msg)
		default:
			if j, ok := err.(interface{ Unwrap() []error }); ok {
				for _, e := range j.Unwrap() {
					walk(e)
				}
				return
			}
			parts = append(parts, trim(err))
		}
	}
	walk(err)
	return strings.Join(parts, "; ")
}

// rename calls sla's changes[i] priority_changes[i].
func rename(s string) string {
	if !strings.Contains(s, "changes[") {
		return s
	}
	var b strings.Builder
	for {
		i := strings.Index(s, "changes[")
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		b.WriteString(s[:i])
		if !strings.HasSuffix(s[:i], "priority_") {
			b.WriteString("priority_")
		}
		b.WriteString("changes[")
		s = s[i+len("changes["):]
	}
}

func trim(err error) string { return strings.TrimPrefix(err.Error(), "sla: ") }

func errorLine(b, id []byte, msg string) []byte {
	b = append(b, `{"id":`...)
	b = appendID(b, id)
	b = append(b, `,"error":`...)
	b = appendString(b, msg)
	return append(b, "}\n"...)
}

func appendID(b, id []byte) []byte {
	if id == nil {
		return append(b, "null"...)
	}
	return appendString(b, string(id))
}

// appendString appends s as a JSON string: quotes, backslashes, control
// characters and U+2028/U+2029 escaped. s is valid UTF-8 (the line was
// checked; the library writes valid text), and any invalid byte would be
// written as \ufffd rather than produce invalid JSON.
func appendString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b = append(b, '\\', byte(r))
		case r < 0x20:
			b = append(b, '\\', 'u', '0', '0', hex[r>>4], hex[r&0xf])
		case r == 0x2028 || r == 0x2029 || r == utf8.RuneError:
			b = append(b, '\\', 'u', hex[r>>12], hex[r>>8&0xf], hex[r>>4&0xf], hex[r&0xf])
		default:
			b = utf8.AppendRune(b, r)
		}
	}
	return append(b, '"')
}

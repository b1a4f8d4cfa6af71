// Command batch computes the deadlines of service requests, one JSON object per
// line in, one JSON object per line out, in the same order:
//
//	go run ./examples/batch [-explain] < requests.jsonl > deadlines.jsonl
//
// Input fields: id (a string, copied to the output), service (a catalogue id:
// cocare-basic, cocare-standard, cocare-premier, cocare-standard-onsite,
// cocare-premium-onsite, ahb-<level>, sos-<level>), priority (P1-P4; optional
// where the service does not need it), submitted, confirmed (optional) and
// delivered (optional: the replacement's delivery, for the return deadline), all
// RFC 3339 times with an offset. A field set to null is taken as absent; a key
// given twice counts with its last value (as encoding/json reads it).
//
// Output fields, in this order: id, then those of response_by, ship_by,
// delivery_by, onsite_by and return_by that the request has, RFC 3339 in
// Europe/Warsaw's offset; with -explain also explain, an object with the steps
// of each deadline (its field name to the list of the steps' texts).
//
// A bad line (not JSON, not an object, an unknown field, an id that is not a
// string, a missing or unknown service, a bad priority, a missing submitted, a
// time that does not parse or has no offset, a confirmation before submission,
// a time outside 1990-2200, a blank line, a line over 1 MiB, ...) gives
// {"id": ..., "error": "..."} naming every problem found, with id null when it
// cannot be read, and the run goes on: a line is never dropped or reordered.
// Lines are separated by \n (a \r before it is ignored); a last line without \n
// counts, and a final \n does not start another line. The exit status is 0
// unless the input cannot be read (1) or a flag is wrong (2).
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/slaclock/slaclock/sla"
)

// maxLine is the longest line read; a longer one is a bad line.
const maxLine = 1 << 20

func main() { os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) }

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("batch", flag.ContinueOnError)
	fs.SetOutput(stderr)
	explain := fs.Bool("explain", false, "add each deadline's steps under \"explain\"")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: batch [-explain] < requests.jsonl > deadlines.jsonl")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "batch: unexpected argument %q: the requests are read from standard input\n", fs.Arg(0))
		return 2
	}
	out := bufio.NewWriterSize(stdout, 64<<10)
	p := processor{calc: sla.Default(), explain: *explain}
	err := eachLine(stdin, func(line []byte, tooLong bool) error {
		p.buf = p.line(p.buf[:0], line, tooLong)
		_, err := out.Write(p.buf)
		return err
	})
	if ferr := out.Flush(); err == nil {
		err = ferr
	}
	if err != nil {
		fmt.Fprintln(stderr, "batch:", err)
		return 1
	}
	return 0
}

// eachLine calls f for every line of r, without its \n (or \r\n). A line longer
// than maxLine is passed truncated with tooLong set.
func eachLine(r io.Reader, f func(line []byte, tooLong bool) error) error {
	br := bufio.NewReaderSize(r, 64<<10)
	var long []byte // a line longer than the reader's buffer, gathered
	inLong := false
	for {
		chunk, err := br.ReadSlice('\n')
		if err == bufio.ErrBufferFull {
			if len(long) <= maxLine {
				long = append(long, chunk...)
			}
			inLong = true
			continue
		}
		if err != nil && err != io.EOF {
			return err
		}
		line := chunk
		if inLong {
			if len(long) <= maxLine {
				long = append(long, chunk...)
			}
			line = long
		}
		if err == io.EOF && len(line) == 0 {
			return nil
		}
		line = bytes.TrimSuffix(line, []byte("\n"))
		line = bytes.TrimSuffix(line, []byte("\r"))
		if ferr := f(line, len(line) > maxLine); ferr != nil {
			return ferr
		}
		long, inLong = long[:0], false
		if err == io.EOF {
			return nil
		}
	}
}

// input is one request line.
type input struct {
	ID        json.RawMessage `json:"id"`
	Service   *string         `json:"service"`
	Priority  *string         `json:"priority"`
	Submitted *string         `json:"submitted"`
	Confirmed *string         `json:"confirmed"`
	Delivered *string         `json:"delivered"`
}

type processor struct {
	calc    *sla.Calculator
	explain bool
	buf     []byte
	errs    []string
}

// line appends the output line for one input line to b.
func (p *processor) line(b, line []byte, tooLong bool) []byte {
	p.errs = p.errs[:0]
	if tooLong {
		return p.errorLine(b, nil, "line: longer than 1 MiB")
	}
	if len(bytes.TrimSpace(line)) == 0 {
		return p.errorLine(b, nil, "line: blank, want a JSON object")
	}
	var in input
	if msg := decode(line, &in); msg != "" {
		return p.errorLine(b, readID(in.ID), msg)
	}
	id := readID(in.ID)
	if in.ID != nil && id == nil && !bytes.Equal(in.ID, []byte("null")) {
		p.errs = append(p.errs, "id: want a string, not "+string(in.ID))
	}
	var req sla.Request
	var err error
	switch {
	case in.Service == nil:
		p.errs = append(p.errs, "service: required")
	default:
		if req.Service, err = sla.LookupService(*in.Service); err != nil {
			p.errs = append(p.errs, "service: "+strings.TrimPrefix(err.Error(), "sla: "))
		}
	}
	if in.Priority != nil {
		if req.Priority, err = sla.ParsePriority(*in.Priority); err != nil {
			p.errs = append(p.errs, "priority: "+strings.TrimPrefix(err.Error(), "sla: "))
		}
	}
	if in.Submitted == nil {
		p.errs = append(p.errs, "submitted: required")
	}
	req.Submitted = p.time("submitted", in.Submitted)
	req.Confirmed = p.time("confirmed", in.Confirmed)
	req.Delivered = p.time("delivered", in.Delivered)
	if len(p.errs) > 0 {
		return p.errorLine(b, id, strings.Join(p.errs, "; "))
	}
	var ds sla.Deadlines
	if p.explain {
		ds, err = p.calc.Explain(req)
	} else {
		ds, err = p.calc.Deadlines(req)
	}
	if err != nil {
		return p.errorLine(b, id, strings.TrimPrefix(err.Error(), "sla: "))
	}
	b = append(b, `{"id":`...)
	b = appendID(b, id)
	for _, d := range ds.All() {
		b = append(b, `,"`...)
		b = append(b, d.Kind.Field()...)
		b = append(b, `":"`...)
		b = d.Due.AppendFormat(b, time.RFC3339Nano)
		b = append(b, '"')
	}
	if p.explain {
		b = append(b, `,"explain":{`...)
		for i, d := range ds.All() {
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

// time parses an optional RFC 3339 time field, recording a problem.
func (p *processor) time(field string, v *string) time.Time {
	if v == nil {
		return time.Time{}
	}
	t, err := time.Parse(time.RFC3339, *v)
	if err != nil {
		p.errs = append(p.errs, fmt.Sprintf("%s: %q is not an RFC 3339 time with an offset (2026-11-13T15:20:00+01:00)", field, *v))
	}
	return t
}

// decode reads one JSON object into in, and says what is wrong with the line.
func decode(line []byte, in *input) string {
	dec := json.NewDecoder(bytes.NewReader(line))
	dec.DisallowUnknownFields()
	err := dec.Decode(in)
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case err == nil:
		if rest := bytes.TrimSpace(line[dec.InputOffset():]); len(rest) > 0 {
			return "line: more than one JSON value"
		}
		return ""
	case errors.As(err, &se):
		return "line: not valid JSON: " + strings.TrimPrefix(se.Error(), "json: ")
	case errors.Is(err, io.ErrUnexpectedEOF):
		return "line: not valid JSON: unexpected end of line"
	case errors.As(err, &te) && te.Field == "":
		return "line: want a JSON object, not a JSON " + te.Value
	case errors.As(err, &te):
		return te.Field + ": want a string, not a JSON " + te.Value
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		return strings.Trim(strings.TrimPrefix(err.Error(), "json: unknown field "), `"`) +
			": unknown field (want id, service, priority, submitted, confirmed, delivered)"
	}
	return "line: " + strings.TrimPrefix(err.Error(), "json: ")
}

// readID returns the id if raw is a JSON string, else nil.
func readID(raw json.RawMessage) *string {
	if len(raw) == 0 || raw[0] != '"' {
		return nil
	}
	var s string
	if json.Unmarshal(raw, &s) != nil {
		return nil
	}
	return &s
}

func (p *processor) errorLine(b []byte, id *string, msg string) []byte {
	b = append(b, `{"id":`...)
	b = appendID(b, id)
	b = append(b, `,"error":`...)
	b = appendString(b, msg)
	return append(b, "}\n"...)
}

func appendID(b []byte, id *string) []byte {
	if id == nil {
		return append(b, "null"...)
	}
	return appendString(b, *id)
}

// appendString appends s as a JSON string: quotes, backslashes and control
// characters escaped, invalid UTF-8 replaced by U+FFFD.
func appendString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b = append(b, '\\', byte(r))
		case r < 0x20:
			b = append(b, '\\', 'u', '0', '0', hex[r>>4], hex[r&0xf])
		case r == 0x2028 || r == 0x2029:
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xf])
		default:
			b = utf8.AppendRune(b, r)
		}
	}
	return append(b, '"')
}

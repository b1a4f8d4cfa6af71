package main

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/slaclock/slaclock/contract"
	"github.com/slaclock/slaclock/sla"
)

// The columns of the events file, found by their names in the header row.
var (
	requiredColumns = []string{"contract", "serial", "priority", "event", "time"}
	optionalColumns = []string{"description", "id"}
)

// wantColumns is the header the program wants, for error messages:
// contract,serial,priority,event,time[,description][,id].
func wantColumns() string {
	s := strings.Join(requiredColumns, ",")
	for _, c := range optionalColumns {
		s += "[," + c + "]"
	}
	return s
}

// csvEvent is a data line of the events file whose fields parsed.
type csvEvent struct {
	Line  int // the line of the file the record starts on
	Event contract.Event
}

// rejection is a line of the events file that was not applied, and why.
type rejection struct {
	Line int
	// Contract, Serial and Event are the line's fields as written, where it has
	// them (a short line may not).
	Contract, Serial, Event string
	Reason                  string
}

// header is the header row: each column name's index, and the number of columns.
type header struct {
	index map[string]int
	n     int
}

func (h header) field(rec []string, name string) string {
	i, ok := h.index[name]
	if !ok || i >= len(rec) {
		return ""
	}
	return strings.TrimSpace(rec[i])
}

// readEvents reads an events file: a header row naming the columns, then one
// event a line. Lines starting with # are comments; blank lines are skipped.
// Every data line either parses into a csvEvent or is returned as a rejection
// with its line number and the reason; reading goes on after a bad line. The
// error is for a file that cannot be used at all: unreadable, empty, or a
// header without a required column.
func readEvents(r io.Reader) ([]csvEvent, []rejection, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1 // a short or long line is a rejection, not the end of the file
	cr.Comment = '#'
	rec, err := cr.Read()
	switch {
	case errors.Is(err, io.EOF):
		return nil, nil, errors.New("no header row: want " + wantColumns())
	case err != nil:
		return nil, nil, err
	}
	headerLine, _ := cr.FieldPos(0)
	h, err := parseHeader(rec, headerLine)
	if err != nil {
		return nil, nil, err
	}
	var events []csvEvent
	var rejected []rejection
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		var pe *csv.ParseError
		if errors.As(err, &pe) && !errors.Is(err, csv.ErrFieldCount) {
			rejected = append(rejected, rejection{Line: pe.StartLine, Reason: "not valid CSV: " + pe.Err.Error()})
			continue
		}
		if err != nil {
			return nil, nil, err
		}
		line, _ := cr.FieldPos(0)
		e, rej := parseRecord(h, rec, line)
		if rej != nil {
			rejected = append(rejected, *rej)
			continue
		}
		events = append(events, e)
	}
	return events, rejected, nil
}

// parseHeader finds the columns by name, ignoring case, spaces and a UTF-8 byte
// order mark. Columns other than the known ones are ignored.
func parseHeader(rec []string, line int) (header, error) {
	h := header{index: map[string]int{}, n: len(rec)}
	for i, name := range rec {
		name = strings.ToLower(strings.TrimSpace(strings.TrimPrefix(name, "\ufeff")))
		if _, dup := h.index[name]; dup && name != "" {
			return header{}, fmt.Errorf("line %d: column %q appears twice", line, name)
		}
		h.index[name] = i
	}
	var missing []string
	for _, name := range requiredColumns {
		if _, ok := h.index[name]; !ok {
			missing = append(missing, name)
		}
	}
	if len(missing) > 0 {
		return header{}, fmt.Errorf("line %d: the header has no column %s: want %s", line, strings.Join(missing, ", "), wantColumns())
	}
	return h, nil
}

// parseRecord parses one data line. Every field that does not parse is named in
// the reason.
func parseRecord(h header, rec []string, line int) (csvEvent, *rejection) {
	rej := &rejection{Line: line, Contract: h.field(rec, "contract"), Serial: h.field(rec, "serial"), Event: h.field(rec, "event")}
	if len(rec) != h.n {
		rej.Reason = fmt.Sprintf("has %d fields, the header has %d", len(rec), h.n)
		return csvEvent{}, rej
	}
	var problems []string
	e := contract.Event{
		Contract:    rej.Contract,
		Serial:      rej.Serial,
		Description: h.field(rec, "description"),
		ID:          h.field(rec, "id"),
	}
	if e.Contract == "" {
		problems = append(problems, "contract: empty, every line needs the service contract number")
	}
	if e.Serial == "" {
		problems = append(problems, "serial: empty, every line needs the failed device's serial number")
	}
	p, err := sla.ParsePriority(h.field(rec, "priority"))
	if err != nil {
		problems = append(problems, fmt.Sprintf("priority %q: want P1, P2, P3, P4 or empty", h.field(rec, "priority")))
	}
	e.Priority = p
	if e.Step, err = contract.ParseStep(rej.Event); err != nil {
		problems = append(problems, fmt.Sprintf("event %q: want submitted, responded, confirmed, shipped, delivered, onsite, returned, closed or rejected", rej.Event))
	}
	at := h.field(rec, "time")
	if e.At, err = time.Parse(time.RFC3339, at); err != nil {
		problems = append(problems, fmt.Sprintf("time %q: want RFC 3339 with an offset, such as 2026-11-23T12:00:00+01:00", at))
	}
	if len(problems) > 0 {
		rej.Reason = strings.Join(problems, "; ")
		return csvEvent{}, rej
	}
	return csvEvent{Line: line, Event: e}, nil
}

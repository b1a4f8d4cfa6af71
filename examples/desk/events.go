package main

import (
	"bufio"
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
	Line  int // the line of the file
	Event Event
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
// event a line, each passed to apply or, when it does not parse, to reject
// with its line number and the reason, in the order of the file; reading goes
// on after a bad line. Lines starting with # are comments; empty lines are
// skipped; a UTF-8 byte order mark at the start of the file is ignored. A
// record is one line: a quoted field may hold commas and doubled quotes but
// not a line break, so a quote left open rejects its own line only. The error
// is for a file that cannot be used at all: unreadable, empty, or a header
// without a required column.
func readEvents(r io.Reader, apply func(csvEvent), reject func(rejection)) error {
	br := bufio.NewReaderSize(r, 64<<10)
	var h *header
	var fields []string
	for n := 1; ; n++ {
		text, err := br.ReadString('\n')
		if err != nil && !errors.Is(err, io.EOF) {
			return err
		}
		if text == "" && err != nil {
			break
		}
		text = strings.TrimSuffix(strings.TrimSuffix(text, "\n"), "\r")
		if n == 1 {
			text = strings.TrimPrefix(text, "\ufeff")
		}
		if text == "" || text[0] == '#' {
			continue
		}
		var perr error
		fields, perr = splitCSV(fields[:0], text)
		if h == nil {
			if perr != nil {
				return fmt.Errorf("line %d: the header is not valid CSV: %w", n, perr)
			}
			hh, err := parseHeader(fields, n)
			if err != nil {
				return err
			}
			h = &hh
			continue
		}
		if perr != nil {
			reject(rejection{Line: n, Reason: "not valid CSV: " + perr.Error()})
			continue
		}
		e, rej := parseRecord(*h, fields, n)
		if rej != nil {
			reject(*rej)
			continue
		}
		apply(e)
	}
	if h == nil {
		return errors.New("no header row: want " + wantColumns())
	}
	return nil
}

// splitCSV splits one line into its fields, appended to dst, as RFC 4180
// writes them: comma-separated, a field in double quotes may hold commas and
// doubled quotes (""). A quote inside an unquoted field, text after a closing
// quote, or a quote left open is an error naming the column.
func splitCSV(dst []string, line string) ([]string, error) {
	for i := 0; ; {
		if i < len(line) && line[i] == '"' {
			var b strings.Builder
			j := i + 1
			for {
				k := strings.IndexByte(line[j:], '"')
				if k < 0 {
					return dst, fmt.Errorf("column %d: the quote opened there is never closed", i+1)
				}
				b.WriteString(line[j : j+k])
				j += k + 1
				if j < len(line) && line[j] == '"' {
					b.WriteByte('"')
					j++
					continue
				}
				break
			}
			dst = append(dst, b.String())
			switch {
			case j == len(line):
				return dst, nil
			case line[j] != ',':
				return dst, fmt.Errorf("column %d: text after the closing quote", j+1)
			}
			i = j + 1
			continue
		}
		end := strings.IndexByte(line[i:], ',')
		field := line[i:]
		if end >= 0 {
			field = line[i : i+end]
		}
		if q := strings.IndexByte(field, '"'); q >= 0 {
			return dst, fmt.Errorf("column %d: a quote inside a field that does not start with one", i+q+1)
		}
		dst = append(dst, field)
		if end < 0 {
			return dst, nil
		}
		i += end + 1
	}
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
	e := Event{
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
	var err error
	if e.Step, err = contract.ParseStep(rej.Event); err != nil {
		problems = append(problems, fmt.Sprintf("event %q: want submitted, responded, confirmed, shipped, delivered, onsite, returned, closed, rejected, hold, resumed or priority", rej.Event))
	}
	p, err := sla.ParsePriority(h.field(rec, "priority"))
	switch {
	case err != nil:
		problems = append(problems, fmt.Sprintf("priority %q: want P1, P2, P3, P4 or empty", h.field(rec, "priority")))
	case p == 0 && e.Step == contract.PriorityChanged:
		problems = append(problems, "priority: empty, a priority event needs the new priority (P1 to P4)")
	}
	e.Priority = p
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

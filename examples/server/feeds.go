package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/slaclock/slaclock/deadlineics"
	"github.com/slaclock/slaclock/sla"
)

// icsGroup is the deadlines of requests whose contracts share a calculator
// (whose escalation share places the alarms).
type icsGroup struct {
	calc *sla.Calculator
	reqs []deadlineics.Request
}

// add adds the requests of q to the group of its calculator.
func addICS(groups []icsGroup, q *Request) ([]icsGroup, error) {
	rs, err := icsRequests(q)
	if err != nil {
		return groups, err
	}
	calc := q.Calculator()
	for i := range groups {
		if groups[i].calc == calc {
			groups[i].reqs = append(groups[i].reqs, rs...)
			return groups, nil
		}
	}
	return append(groups, icsGroup{calc: calc, reqs: rs}), nil
}

// icsRequests are the deadlineics requests of q: one per service of its
// contract, keyed by the request's ID (with the service's ID after it when the
// contract has several services, so that UIDs stay apart).
func icsRequests(q *Request) ([]deadlineics.Request, error) {
	services := q.Contract().Services
	var out []deadlineics.Request
	for _, svc := range services {
		ds, err := q.Explain(svc)
		if err != nil {
			return nil, err
		}
		id := q.ID()
		if len(services) > 1 {
			id += "-" + svc.ID()
		}
		out = append(out, deadlineics.Request{ID: id, Deadlines: ds})
	}
	return out, nil
}

// writeICS writes the groups' deadlines as one iCalendar stream, stamped
// stamp: each group is written by deadlineics.Write and their events are put
// in one VCALENDAR. With no deadline to show (every one paused, or no request)
// it is deadlineics' calendar without events, which subscribers read as
// "nothing due".
func (s *Server) writeICS(w http.ResponseWriter, groups []icsGroup, stamp time.Time) {
	var head, events bytes.Buffer
	const begin, end = "BEGIN:VEVENT\r\n", "END:VCALENDAR\r\n"
	for _, g := range groups {
		var b bytes.Buffer
		if err := deadlineics.Write(&b, g.calc, g.reqs, stamp); err != nil {
			writeError(w, internal(err))
			return
		}
		out := b.Bytes()
		i, j := bytes.Index(out, []byte(begin)), bytes.LastIndex(out, []byte(end))
		if i < 0 {
			continue // no event in this group
		}
		if j < i {
			writeError(w, internal(errors.New("server: deadlineics wrote an unexpected stream")))
			return
		}
		if head.Len() == 0 {
			head.Write(out[:i])
		}
		events.Write(out[i:j])
	}
	if head.Len() == 0 {
		if err := deadlineics.Write(&head, sla.Default(), nil, stamp); err != nil {
			writeError(w, internal(err))
			return
		}
	} else {
		head.Write(events.Bytes())
		head.WriteString(end)
	}
	w.Header().Set("Content-Type", "text/calendar; charset=utf-8")
	w.Header().Set("Content-Length", strconv.Itoa(head.Len()))
	w.WriteHeader(http.StatusOK)
	w.Write(head.Bytes())
}

// handleRequestICS answers GET /v1/requests/{id}/deadlines.ics[?at=]: the
// request's deadlines as they were at at (default: the clock), DTSTAMP at.
func (s *Server) handleRequestICS(w http.ResponseWriter, r *http.Request) {
	e, aerr := s.lookup(r)
	if aerr != nil {
		writeError(w, aerr)
		return
	}
	at, aerr := s.atParam(r)
	if aerr != nil {
		writeError(w, aerr)
		return
	}
	e.mu.Lock()
	if e.dead || e.req == nil {
		e.mu.Unlock()
		writeError(w, fieldErr(http.StatusNotFound, "id", e.id, "no such request"))
		return
	}
	groups, err := addICS(nil, s.asOf(e, at))
	e.mu.Unlock()
	if err != nil {
		writeError(w, refusal(http.StatusUnprocessableEntity, err, "at", s.fmtTime(at)))
		return
	}
	s.writeICS(w, groups, at)
}

// handleAllICS answers GET /v1/deadlines.ics[?at=]: the deadlines of every
// request open at at.
func (s *Server) handleAllICS(w http.ResponseWriter, r *http.Request) {
	at, aerr := s.atParam(r)
	if aerr != nil {
		writeError(w, aerr)
		return
	}
	var groups []icsGroup
	for _, e := range s.snapshot() {
		e.mu.Lock()
		if e.dead || e.req == nil {
			e.mu.Unlock()
			continue
		}
		var err error
		if q := s.asOf(e, at); !q.Done() {
			groups, err = addICS(groups, q)
		}
		e.mu.Unlock()
		if err != nil {
			writeError(w, refusal(http.StatusUnprocessableEntity, err, "at", s.fmtTime(at)))
			return
		}
	}
	s.writeICS(w, groups, at)
}

// holidayJSON is one holiday of GET /v1/holidays/{year}.
type holidayJSON struct {
	Date    string `json:"date"`
	Weekday string `json:"weekday"`
	Name    string `json:"name"`
}

// handleHolidays answers GET /v1/holidays/{year} (JSON) and
// /v1/holidays/{year}.ics (iCalendar, DTSTAMP 00:00 UTC on 1 January of the
// year, so the same year gives the same bytes).
func (s *Server) handleHolidays(w http.ResponseWriter, r *http.Request) {
	text := r.PathValue("year")
	yearText, ics := strings.CutSuffix(text, ".ics")
	year, err := strconv.Atoi(yearText)
	if err != nil || len(yearText) != 4 {
		writeError(w, fieldErr(http.StatusBadRequest, "year", text, "want a year such as 2026, or 2026.ics"))
		return
	}
	first, last := s.cal.First().Year, s.cal.Last().Year
	if year < first || year > last {
		writeError(w, fieldErr(http.StatusBadRequest, "year", yearText, fmt.Sprintf("outside the calendar's years, %d to %d", first, last)))
		return
	}
	if ics {
		var b bytes.Buffer
		if err := s.cal.WriteICS(&b, year, year, time.Date(year, time.January, 1, 0, 0, 0, 0, time.UTC)); err != nil {
			writeError(w, internal(err))
			return
		}
		w.Header().Set("Content-Type", "text/calendar; charset=utf-8")
		w.Header().Set("Content-Length", strconv.Itoa(b.Len()))
		w.WriteHeader(http.StatusOK)
		w.Write(b.Bytes())
		return
	}
	hs, err := s.cal.Holidays(year)
	if err != nil {
		writeError(w, internal(err))
		return
	}
	out := struct {
		Year     int           `json:"year"`
		Holidays []holidayJSON `json:"holidays"`
	}{Year: year, Holidays: []holidayJSON{}}
	for _, h := range hs {
		out.Holidays = append(out.Holidays, holidayJSON{Date: h.Date.String(), Weekday: h.Date.Weekday().String(), Name: h.Name})
	}
	writeJSON(w, http.StatusOK, out)
}

// handleBatch answers POST /v1/deadlines[?explain=true]: one line of the batch
// format in, its answer line out (422 when it is the format's error line); the
// service keeps nothing of it.
func (s *Server) handleBatch(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxBody))
	var tooBig *http.MaxBytesError
	switch {
	case errors.As(err, &tooBig):
		writeError(w, fieldErr(http.StatusRequestEntityTooLarge, "body", "", "larger than "+strconv.Itoa(maxBody)+" bytes (1 MiB)"))
		return
	case err != nil:
		writeError(w, fieldErr(http.StatusBadRequest, "body", "", "cannot be read: "+err.Error()))
		return
	}
	explain := false
	switch v := r.URL.Query().Get("explain"); v {
	case "", "false":
	case "true":
		explain = true
	default:
		writeError(w, fieldErr(http.StatusBadRequest, "explain", v, "want true or false"))
		return
	}
	status, out := s.batch.answer(body, explain)
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	w.Write(out)
}

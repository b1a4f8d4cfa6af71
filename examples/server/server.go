package main

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/subtle"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"log"
	"net/http"
	"regexp"
	"strings"
	"sync"
	"time"

	"github.com/slaclock/slaclock/calendar"
	"github.com/slaclock/slaclock/contract"
	"github.com/slaclock/slaclock/sla"
)

// Config is what a Server needs.
type Config struct {
	Registry *contract.Registry
	Store    Store
	// Now is the clock, read only where a call needs "now" and by the alert
	// timers; nil means time.Now.
	Now func() time.Time
	// Frozen says Now stands still (the -clock flag): alerts due at it are
	// sent, and no timer waits for a later one.
	Frozen bool
	Token  string // when set, every call needs "Authorization: Bearer Token"
	Notify string // where alerts are POSTed; empty: no alerts
	// Client sends the alerts; nil means a client with a 10 s timeout.
	Client *http.Client
	Log    *log.Logger // nil: discard
	// RetryMin is the first wait before sending a failed alert again (it
	// doubles up to a minute); 0 means one second.
	RetryMin time.Duration
}

// Server is the service: the requests in memory, each with the history that is
// in the store, and the HTTP API over them. Calls that change a request hold
// that request's lock from the check to the commit, so concurrent events on
// one request apply one after another, each answer saying what it did.
type Server struct {
	cfg  Config
	mux  *http.ServeMux
	cal  *calendar.Calendar
	base context.Context // cancelled by Close

	mu   sync.RWMutex
	reqs map[string]*entry
	list []*entry // in the order of creation

	alerts *alerter
	batch  *batchLines
	cancel context.CancelFunc
}

// entry is one request. Its lock is held while the request is read or changed.
type entry struct {
	mu   sync.Mutex
	id   string
	req  *Request // nil while being created, and after a failed creation
	rev  int      // its revision in the store
	hist []byte   // its history as stored
	dead bool     // its creation failed: it is not in the store
}

// New builds the server from what the store holds: every request is restored
// from its history through the same checks as when it was recorded; a history
// that does not replay stops the start with an error naming the request.
func New(ctx context.Context, cfg Config) (*Server, error) {
	if cfg.Registry == nil || cfg.Store == nil {
		return nil, errors.New("server: a registry and a store are required")
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Log == nil {
		cfg.Log = log.New(discard{}, "", 0)
	}
	base, cancel := context.WithCancel(context.Background())
	s := &Server{cfg: cfg, cal: calendar.Poland(), reqs: map[string]*entry{}, base: base, cancel: cancel, batch: newBatchLines(sla.Default())}
	stored, err := cfg.Store.Requests(ctx)
	if err != nil {
		cancel()
		return nil, err
	}
	for _, r := range stored {
		q, err := s.restore(r.History)
		if err != nil {
			cancel()
			return nil, fmt.Errorf("server: request %q (revision %d) in the database does not replay: %w", r.ID, r.Revision, err)
		}
		e := &entry{id: r.ID, req: q, rev: r.Revision, hist: r.History}
		s.reqs[r.ID] = e
		s.list = append(s.list, e)
	}
	if cfg.Notify != "" {
		sent, err := cfg.Store.Alerts(ctx)
		if err != nil {
			cancel()
			return nil, err
		}
		s.alerts = newAlerter(s, sent)
		for _, e := range s.list {
			e.mu.Lock()
			s.alerts.schedule(e)
			e.mu.Unlock()
		}
	}
	s.routes()
	return s, nil
}

// Close stops the alert timers and senders. It does not close the store.
func (s *Server) Close() {
	s.cancel()
	if s.alerts != nil {
		s.alerts.stop()
	}
}

type discard struct{}

func (discard) Write(p []byte) (int, error) { return len(p), nil }

func (s *Server) routes() {
	m := http.NewServeMux()
	m.HandleFunc("POST /v1/requests", s.handleOpen)
	m.HandleFunc("GET /v1/requests", s.handleList)
	m.HandleFunc("GET /v1/requests/{id}", s.handleGet)
	m.HandleFunc("POST /v1/requests/{id}/events", s.handleEvent)
	m.HandleFunc("GET /v1/requests/{id}/history", s.handleHistory)
	m.HandleFunc("GET /v1/requests/{id}/deadlines.ics", s.handleRequestICS)
	m.HandleFunc("GET /v1/deadlines.ics", s.handleAllICS)
	m.HandleFunc("POST /v1/deadlines", s.handleBatch)
	m.HandleFunc("GET /v1/holidays/{year}", s.handleHolidays)
	s.mux = m
}

// ServeHTTP checks the token, answers every error as JSON (unknown paths and
// methods included) and turns a panic into a 500.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	defer func() {
		if v := recover(); v != nil {
			s.cfg.Log.Printf("panic serving %s %s: %v", r.Method, r.URL.Path, v)
			writeError(w, internal(fmt.Errorf("server: internal error")))
		}
	}()
	if s.cfg.Token != "" && !s.authorized(r) {
		w.Header().Set("WWW-Authenticate", `Bearer realm="slaclock"`)
		writeError(w, fieldErr(http.StatusUnauthorized, "Authorization", "", `required: "Bearer" and the service's token`))
		return
	}
	if _, pattern := s.mux.Handler(r); pattern == "" {
		var allow []string
		for _, m := range []string{http.MethodGet, http.MethodPost} {
			probe := r.Clone(r.Context())
			probe.Method = m
			if _, p := s.mux.Handler(probe); p != "" {
				allow = append(allow, m)
			}
		}
		if len(allow) > 0 {
			w.Header().Set("Allow", strings.Join(allow, ", "))
			writeError(w, fieldErr(http.StatusMethodNotAllowed, "method", r.Method, "this path takes "+strings.Join(allow, " or ")))
			return
		}
		writeError(w, fieldErr(http.StatusNotFound, "path", r.URL.Path, "no such endpoint: see GET /v1/requests, POST /v1/requests, ..."))
		return
	}
	s.mux.ServeHTTP(w, r)
}

func (s *Server) authorized(r *http.Request) bool {
	scheme, tok, ok := strings.Cut(r.Header.Get("Authorization"), " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") {
		return false
	}
	return subtle.ConstantTimeCompare([]byte(strings.TrimSpace(tok)), []byte(s.cfg.Token)) == 1
}

// validID is the form of a request's ID: it goes in paths and iCalendar UIDs.
var validID = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._:/-]{0,99}$`)

// openingJSON is the body of POST /v1/requests.
type openingJSON struct {
	ID          string `json:"id"`
	Contract    string `json:"contract"`
	Serial      string `json:"serial"`
	Priority    string `json:"priority"`
	Submitted   string `json:"submitted"`
	Description string `json:"description"`
	Note        string `json:"note"`
}

func (s *Server) handleOpen(w http.ResponseWriter, r *http.Request) {
	var in openingJSON
	if e := decode(w, r, &in); e != nil {
		writeError(w, e)
		return
	}
	o, aerr := in.opening()
	if aerr != nil {
		writeError(w, aerr)
		return
	}
	generated := o.ID == ""
	for attempt := 0; ; attempt++ {
		if generated {
			o.ID = newID()
		}
		status, body, aerr := s.open(o)
		if aerr == errRetry && attempt < 5 {
			continue
		}
		if aerr != nil {
			writeError(w, aerr)
			return
		}
		writeJSON(w, status, body)
		return
	}
}

// errRetry says an ID was taken by a creation that then failed, or (for a
// generated ID) taken at all: try again.
var errRetry = &apiError{Status: http.StatusServiceUnavailable, Message: "server: try again"}

func (in openingJSON) opening() (Opening, *apiError) {
	o := Opening{ID: strings.TrimSpace(in.ID), Contract: in.Contract, Serial: in.Serial, Description: in.Description, Note: in.Note}
	if in.ID != "" && !validID.MatchString(o.ID) {
		return o, fieldErr(http.StatusBadRequest, "id", in.ID, "want 1 to 100 letters, digits and . _ : / - , starting with a letter or digit")
	}
	p, err := sla.ParsePriority(in.Priority)
	if err != nil {
		return o, fieldErr(http.StatusBadRequest, "priority", in.Priority, "want P1, P2, P3 or P4")
	}
	o.Priority = p
	t, aerr := parseTime("submitted", in.Submitted)
	if aerr != nil {
		return o, aerr
	}
	o.Submitted = t
	return o, nil
}

// open creates request o, or, when o.ID exists, answers for the repeat.
func (s *Server) open(o Opening) (int, any, *apiError) {
	s.mu.RLock()
	e, ok := s.reqs[o.ID]
	s.mu.RUnlock()
	if ok {
		return s.repeat(e, o)
	}
	q, err := openRequest(s.cfg.Registry, o)
	if err != nil {
		return 0, nil, refusal(http.StatusUnprocessableEntity, err, "opening", o.ID)
	}
	hist, err := json.Marshal(q.History())
	if err != nil {
		return 0, nil, internal(fmt.Errorf("server: request %q: history: %w", o.ID, err))
	}
	s.mu.Lock()
	if e, ok := s.reqs[o.ID]; ok {
		s.mu.Unlock()
		return s.repeat(e, o)
	}
	e = &entry{id: o.ID}
	e.mu.Lock()
	defer e.mu.Unlock()
	s.reqs[o.ID] = e
	s.list = append(s.list, e)
	s.mu.Unlock()

	if err := s.cfg.Store.Create(s.base, StoredRequest{ID: o.ID, Revision: 1, History: hist}); err != nil {
		e.dead = true
		s.forget(e)
		if errors.Is(err, ErrExists) {
			return 0, nil, errRetry
		}
		return 0, nil, internal(err)
	}
	e.req, e.rev, e.hist = q, 1, hist
	if s.alerts != nil {
		s.alerts.schedule(e)
	}
	st, aerr := s.status(e, s.cfg.Now())
	if aerr != nil {
		return 0, nil, aerr
	}
	return http.StatusCreated, st, nil
}

// repeat answers an opening whose ID exists: the same request (200) when it is
// the same opening, 409 when it differs.
func (s *Server) repeat(e *entry, o Opening) (int, any, *apiError) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.dead || e.req == nil {
		return 0, nil, errRetry
	}
	if field, was, now := differs(openingOf(e.req.History()), o); field != "" {
		return 0, nil, &apiError{Status: http.StatusConflict,
			Message:  fmt.Sprintf("server: request %q exists with another %s: %q, not %q", o.ID, field, was, now),
			Problems: []Problem{{Field: field, Value: now, Reason: fmt.Sprintf("request %q was opened with %q", o.ID, was)}}}
	}
	st, aerr := s.status(e, s.cfg.Now())
	if aerr != nil {
		return 0, nil, aerr
	}
	return http.StatusOK, st, nil
}

// openingOf is the opening a history begins with: its terms' contract and
// device, and its first entry, the submission.
func openingOf(h History) Opening {
	o := Opening{ID: h.ID, Contract: h.Terms.Contract, Serial: h.Terms.Device.Serial, Priority: h.Priority, Description: h.Description}
	if len(h.Entries) > 0 {
		o.Submitted, o.Note = h.Entries[0].At, h.Entries[0].Note
	}
	return o
}

// differs names the first field in which opening b is not opening a, with both
// values; "" when they are the same opening (numbers compared as Open compares
// them: trimmed, ignoring case).
func differs(a, b Opening) (field, was, now string) {
	same := func(x, y string) bool { return strings.EqualFold(strings.TrimSpace(x), strings.TrimSpace(y)) }
	switch {
	case !same(a.Contract, b.Contract):
		return "contract", a.Contract, b.Contract
	case !same(a.Serial, b.Serial):
		return "serial", a.Serial, b.Serial
	case a.Priority != b.Priority:
		return "priority", a.Priority.String(), b.Priority.String()
	case !a.Submitted.Equal(b.Submitted):
		return "submitted", a.Submitted.Format(time.RFC3339Nano), b.Submitted.Format(time.RFC3339Nano)
	case a.Description != b.Description:
		return "description", a.Description, b.Description
	case a.Note != b.Note:
		return "note", a.Note, b.Note
	}
	return "", "", ""
}

// forget removes a request whose creation failed.
func (s *Server) forget(e *entry) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.reqs[e.id] == e {
		delete(s.reqs, e.id)
	}
	for i, x := range s.list {
		if x == e {
			s.list = append(s.list[:i], s.list[i+1:]...)
			break
		}
	}
}

func newID() string {
	var b [8]byte
	if _, err := rand.Read(b[:]); err != nil {
		panic(err) // crypto/rand does not fail on supported systems
	}
	return "req-" + hex.EncodeToString(b[:])
}

// lookup returns the request of the path's {id}.
func (s *Server) lookup(r *http.Request) (*entry, *apiError) {
	id := r.PathValue("id")
	s.mu.RLock()
	e, ok := s.reqs[id]
	s.mu.RUnlock()
	if !ok {
		return nil, fieldErr(http.StatusNotFound, "id", id, "no such request")
	}
	return e, nil
}

// eventJSON is the body of POST /v1/requests/{id}/events.
type eventJSON struct {
	Event    string `json:"event"`
	At       string `json:"at"`
	Priority string `json:"priority,omitempty"`
	Note     string `json:"note,omitempty"`
}

// eventAnswer is the answer to an event: what was recorded, whether it changed
// the request (the same event at the same instant is one event), the new
// revision and the status.
type eventAnswer struct {
	Recorded eventJSON `json:"recorded"`
	Changed  bool      `json:"changed"`
	Revision int       `json:"revision"`
	*statusJSON
}

func (s *Server) handleEvent(w http.ResponseWriter, r *http.Request) {
	e, aerr := s.lookup(r)
	if aerr != nil {
		writeError(w, aerr)
		return
	}
	var in eventJSON
	if aerr := decode(w, r, &in); aerr != nil {
		writeError(w, aerr)
		return
	}
	ent, aerr := in.entry()
	if aerr != nil {
		writeError(w, aerr)
		return
	}
	status, body, aerr := s.record(e, ent)
	if aerr != nil {
		writeError(w, aerr)
		return
	}
	writeJSON(w, status, body)
}

func (in eventJSON) entry() (Entry, *apiError) {
	step, err := parseStep(in.Event)
	if err != nil {
		return Entry{}, refusal(http.StatusBadRequest, err, "event", in.Event)
	}
	at, aerr := parseTime("at", in.At)
	if aerr != nil {
		return Entry{}, aerr
	}
	ent := Entry{Step: step, At: at, Note: in.Note}
	switch {
	case step == stepPriorityChanged && in.Priority == "":
		return ent, fieldErr(http.StatusBadRequest, "priority", "", "required with the priority event: the new priority, P1 to P4")
	case step == stepPriorityChanged:
		p, err := sla.ParsePriority(in.Priority)
		if err != nil || p == 0 {
			return ent, fieldErr(http.StatusBadRequest, "priority", in.Priority, "want P1, P2, P3 or P4")
		}
		ent.Priority = p
	case in.Priority != "":
		return ent, fieldErr(http.StatusBadRequest, "priority", in.Priority, "goes with the priority event only, not "+step.String())
	}
	return ent, nil
}

// record applies ent to request e and commits it before answering; a refused
// event changes nothing and is answered 409.
func (s *Server) record(e *entry, ent Entry) (int, any, *apiError) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.dead || e.req == nil {
		return 0, nil, fieldErr(http.StatusNotFound, "id", e.id, "no such request")
	}
	if err := e.req.Apply(ent); err != nil {
		return 0, nil, refusal(http.StatusConflict, err, "event", ent.Step.String())
	}
	hist, err := json.Marshal(e.req.History())
	if err != nil {
		s.rollback(e)
		return 0, nil, internal(fmt.Errorf("server: request %q: history: %w", e.id, err))
	}
	changed := !bytes.Equal(hist, e.hist)
	if changed {
		next := StoredRequest{ID: e.id, Revision: e.rev + 1, History: hist}
		if err := s.cfg.Store.Update(s.base, next); err != nil {
			s.rollback(e)
			return 0, nil, internal(err)
		}
		e.rev, e.hist = next.Revision, hist
		if s.alerts != nil {
			s.alerts.schedule(e)
		}
	}
	st, aerr := s.status(e, s.cfg.Now())
	if aerr != nil {
		return 0, nil, aerr
	}
	ans := eventAnswer{Recorded: eventJSON{Event: ent.Step.String(), At: s.fmtTime(ent.At), Note: ent.Note}, Changed: changed, Revision: e.rev, statusJSON: st}
	if ent.Step == stepPriorityChanged {
		ans.Recorded.Priority = ent.Priority.String()
	}
	return http.StatusOK, ans, nil
}

// rollback puts request e back as its stored history says, after a change that
// could not be stored.
func (s *Server) rollback(e *entry) {
	q, err := s.restore(e.hist)
	if err != nil {
		// The stored history replayed at start or was written by this
		// process; if it does not replay now, the request is unusable.
		s.cfg.Log.Printf("request %q: restoring the stored history after a failed write: %v", e.id, err)
		e.dead = true
		return
	}
	e.req = q
}

// restore replays a stored history.
func (s *Server) restore(b []byte) (*Request, error) {
	var h History
	if err := json.Unmarshal(b, &h); err != nil {
		return nil, err
	}
	return restoreRequest(s.cfg.Registry, h)
}

// atParam reads ?at=, the instant of an answer; without it, the clock.
func (s *Server) atParam(r *http.Request) (time.Time, *apiError) {
	v, ok := r.URL.Query()["at"]
	if !ok {
		return s.cfg.Now(), nil
	}
	return parseTime("at", v[0])
}

func (s *Server) handleGet(w http.ResponseWriter, r *http.Request) {
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
	defer e.mu.Unlock()
	if e.dead || e.req == nil {
		writeError(w, fieldErr(http.StatusNotFound, "id", e.id, "no such request"))
		return
	}
	st, aerr := s.status(e, at)
	if aerr != nil {
		writeError(w, aerr)
		return
	}
	writeJSON(w, http.StatusOK, st)
}

// historyAnswer is the answer of GET /v1/requests/{id}/history: the request as
// the store keeps it.
type historyAnswer struct {
	ID       string          `json:"id"`
	Revision int             `json:"revision"`
	History  json.RawMessage `json:"history"`
}

func (s *Server) handleHistory(w http.ResponseWriter, r *http.Request) {
	e, aerr := s.lookup(r)
	if aerr != nil {
		writeError(w, aerr)
		return
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.dead || e.req == nil {
		writeError(w, fieldErr(http.StatusNotFound, "id", e.id, "no such request"))
		return
	}
	writeJSON(w, http.StatusOK, historyAnswer{ID: e.id, Revision: e.rev, History: json.RawMessage(e.hist)})
}

// snapshot returns the requests in the order of creation.
func (s *Server) snapshot() []*entry {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return append([]*entry(nil), s.list...)
}

// listJSON is the answer of GET /v1/requests.
type listJSON struct {
	At       string        `json:"at"`
	Count    int           `json:"count"`
	Requests []*statusJSON `json:"requests"`
}

func (s *Server) handleList(w http.ResponseWriter, r *http.Request) {
	at, aerr := s.atParam(r)
	if aerr != nil {
		writeError(w, aerr)
		return
	}
	var openOnly, doneOnly bool
	switch v := r.URL.Query().Get("open"); v {
	case "":
	case "true":
		openOnly = true
	case "false":
		doneOnly = true
	default:
		writeError(w, fieldErr(http.StatusBadRequest, "open", v, "want true or false"))
		return
	}
	out := listJSON{At: s.fmtTime(at), Requests: []*statusJSON{}}
	var keys []urgency
	for _, e := range s.snapshot() {
		e.mu.Lock()
		if e.dead || e.req == nil {
			e.mu.Unlock()
			continue
		}
		st, aerr := s.status(e, at)
		e.mu.Unlock()
		if aerr != nil {
			writeError(w, aerr)
			return
		}
		if (openOnly && st.Done) || (doneOnly && !st.Done) {
			continue
		}
		out.Requests = append(out.Requests, st)
		keys = append(keys, st.urgency)
	}
	sortByUrgency(out.Requests, keys)
	out.Count = len(out.Requests)
	writeJSON(w, http.StatusOK, out)
}

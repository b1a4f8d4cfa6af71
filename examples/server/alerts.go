package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"sync"
	"time"
)

// The two alerts of a provider's deadline.
const (
	alertEscalation = "escalation" // the escalation share of its target is used
	alertBreach     = "breach"     // it passed without its event
)

// alertJSON is what -notify receives, one POST per alert. ID is stable (the
// request, service, deadline and alert), so a receiver can drop a repeat.
type alertJSON struct {
	ID       string `json:"id"`
	Alert    string `json:"alert"` // escalation or breach
	Request  string `json:"request"`
	Contract string `json:"contract"`
	Serial   string `json:"serial"`
	Service  string `json:"service"`
	Level    string `json:"level,omitempty"`
	Deadline string `json:"deadline"`
	Due      string `json:"due,omitempty"` // empty while the deadline is paused
	// At is the alert's instant: when the share was reached, or the deadline
	// (the last instant on time) for a breach.
	At         string          `json:"at"`
	Share      string          `json:"share,omitempty"`
	Escalation *escalationJSON `json:"escalation,omitempty"`

	key string    // service/deadline/alert, within the request
	due time.Time // At as an instant
}

// alerter sends the alerts: once per provider deadline when it reaches the
// escalation share (Calculator.AlertAt) and once when it is breached (one
// nanosecond after its Due), at those instants. Each request has one timer,
// for its next alert, set again whenever the request changes (a hold or a
// priority change moves its deadlines). An alert is remembered in the store
// once the receiver has acknowledged it (a 2xx), so a restart does not repeat
// it; an alert whose instant passed while the service was down is sent at
// start, so a restart does not drop it. A failed POST is tried again, waiting
// longer each time, up to a minute between tries.
type alerter struct {
	s      *Server
	url    string
	client *http.Client

	mu     sync.Mutex
	sent   map[string]bool // request ID + "/" + key: acknowledged (stored)
	queued map[string]bool // waiting in queue or being sent
	queue  []alertJSON
	timers map[string]*time.Timer // by request ID
	wake   chan struct{}

	ctx    context.Context
	cancel context.CancelFunc
	done   chan struct{}
}

func newAlerter(s *Server, sent []SentAlert) *alerter {
	ctx, cancel := context.WithCancel(s.base)
	a := &alerter{s: s, url: s.cfg.Notify, client: s.cfg.Client, sent: map[string]bool{}, queued: map[string]bool{},
		timers: map[string]*time.Timer{}, wake: make(chan struct{}, 1), ctx: ctx, cancel: cancel, done: make(chan struct{})}
	if a.client == nil {
		a.client = &http.Client{Timeout: 10 * time.Second}
	}
	for _, x := range sent {
		a.sent[x.Request+"/"+x.Key] = true
	}
	go a.sender()
	return a
}

// checkNotifyURL checks -notify.
func checkNotifyURL(s string) error {
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return fmt.Errorf("server: -notify %q: want an http or https URL such as http://127.0.0.1:9000/alerts", s)
	}
	return nil
}

// schedule queues request e's alerts whose instant has come and sets its
// timer for the next one. The caller holds e.mu.
func (a *alerter) schedule(e *entry) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if t := a.timers[e.id]; t != nil {
		t.Stop()
		delete(a.timers, e.id)
	}
	if a.ctx.Err() != nil || e.dead || e.req == nil || e.req.Done() {
		return
	}
	now := a.s.cfg.Now()
	due, next, err := alertsOf(e.req, now)
	if err != nil {
		a.s.cfg.Log.Printf("alerts of request %q: %v", e.id, err)
		return
	}
	for _, al := range due {
		k := e.id + "/" + al.key
		if a.sent[k] || a.queued[k] {
			continue
		}
		a.queued[k] = true
		a.queue = append(a.queue, al)
	}
	if len(due) > 0 {
		select {
		case a.wake <- struct{}{}:
		default:
		}
	}
	if next.IsZero() || a.s.cfg.Frozen {
		return
	}
	a.timers[e.id] = time.AfterFunc(next.Sub(now), func() {
		e.mu.Lock()
		defer e.mu.Unlock()
		a.schedule(e)
	})
}

// alertsOf returns the alerts of q whose instant is at or before now, and the
// earliest instant after now at which another one comes (zero if none).
func alertsOf(q *Request, now time.Time) (due []alertJSON, next time.Time, err error) {
	st, err := q.Status(now)
	if err != nil {
		return nil, time.Time{}, err
	}
	calc := q.Calculator()
	share := calc.Settings().EscalationShare
	c, dev := q.Contract(), q.Device()
	for _, d := range st.Deadlines {
		dl := d.Deadline
		if !dl.Kind.Provider() || !d.Actual.IsZero() {
			continue
		}
		base := alertJSON{Request: q.ID(), Contract: c.Number, Serial: dev.Serial, Service: d.Service.ID(), Deadline: dl.Kind.String()}
		if !dl.Level.IsZero() {
			base.Level = dl.Level.String()
		}
		if !dl.Paused {
			base.Due = dl.Due.Format(time.RFC3339Nano)
		}
		if ch := d.Service.Programme().Contacts(); ch.EscalationEmail != "" || ch.EscalationPhone != "" {
			base.Escalation = &escalationJSON{Email: ch.EscalationEmail, Phone: ch.EscalationPhone}
		}
		consider := func(kind string, at, fire time.Time) {
			al := base
			al.Alert, al.key, al.due = kind, d.Service.ID()+"/"+dl.Kind.Field()+"/"+kind, at
			al.ID = q.ID() + "/" + al.key
			al.At = at.In(dl.Start.Location()).Format(time.RFC3339Nano)
			if kind == alertEscalation {
				al.Share = share.String()
			}
			if !fire.After(now) {
				due = append(due, al)
			} else if next.IsZero() || fire.Before(next) {
				next = fire
			}
		}
		at, ok, err := calc.AlertAt(dl, share)
		if err != nil {
			return nil, time.Time{}, err
		}
		if ok {
			consider(alertEscalation, at, at)
		}
		if !dl.Paused && !dl.Due.IsZero() {
			consider(alertBreach, dl.Due, dl.Due.Add(time.Nanosecond)) // breached one nanosecond after Due
		}
	}
	return due, next, nil
}

// sender posts the queued alerts one at a time, in order, and remembers each
// once acknowledged.
func (a *alerter) sender() {
	defer close(a.done)
	retry := a.s.cfg.RetryMin
	if retry <= 0 {
		retry = time.Second
	}
	wait := retry
	for {
		a.mu.Lock()
		var al alertJSON
		ok := len(a.queue) > 0
		if ok {
			al = a.queue[0]
		}
		a.mu.Unlock()
		if !ok {
			select {
			case <-a.wake:
				continue
			case <-a.ctx.Done():
				return
			}
		}
		if err := a.post(al); err != nil {
			a.s.cfg.Log.Printf("alert %s: %v; trying again in %s", al.ID, err, wait)
			select {
			case <-time.After(wait):
			case <-a.ctx.Done():
				return
			}
			if wait *= 2; wait > time.Minute {
				wait = time.Minute
			}
			continue
		}
		wait = retry
		k := al.Request + "/" + al.key
		if err := a.s.cfg.Store.MarkSent(a.ctx, SentAlert{Request: al.Request, Key: al.key, At: al.due, Sent: a.s.cfg.Now()}); err != nil {
			a.s.cfg.Log.Printf("alert %s: sent, but not remembered: %v (a restart sends it again)", al.ID, err)
		}
		a.mu.Lock()
		a.sent[k] = true
		delete(a.queued, k)
		a.queue = a.queue[1:]
		a.mu.Unlock()
	}
}

func (a *alerter) post(al alertJSON) error {
	b, err := json.Marshal(al)
	if err != nil {
		return err
	}
	req, err := http.NewRequestWithContext(a.ctx, http.MethodPost, a.url, bytes.NewReader(b))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := a.client.Do(req)
	if err != nil {
		return err
	}
	resp.Body.Close()
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return fmt.Errorf("the receiver answered %s", resp.Status)
	}
	return nil
}

// stop stops the timers and the sender; alerts not yet acknowledged are sent
// at the next start.
func (a *alerter) stop() {
	a.cancel()
	a.mu.Lock()
	for id, t := range a.timers {
		t.Stop()
		delete(a.timers, id)
	}
	a.mu.Unlock()
	<-a.done
}

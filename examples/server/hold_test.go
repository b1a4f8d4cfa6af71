package main

import (
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A hold stops the delivery clock and the list puts requests on hold after
// those with a deadline running, the least window time left first. At Mon 16
// Nov 12:00: P (confirmed 10:00, due Tue 17:00) has a deadline running; E,
// confirmed Mon 10:00 and on hold since 11:00, had 6 h on Monday and 8 on
// Tuesday left; F, confirmed Fri 13 Nov 10:00 (due Mon 17:00) and on hold
// since Fri 15:00, had 2 h on Friday and 8 on Monday left.
func TestAPIHoldsAndTheOpenList(t *testing.T) {
	tg := newTarget(t)
	for _, r := range []struct{ id, submitted, confirmed, hold string }{
		{"E", "2026-11-16T09:30:00+01:00", "2026-11-16T10:00:00+01:00", "2026-11-16T11:00:00+01:00"},
		{"F", "2026-11-13T09:30:00+01:00", "2026-11-13T10:00:00+01:00", "2026-11-13T15:00:00+01:00"},
		{"P", "2026-11-16T09:30:00+01:00", "2026-11-16T10:00:00+01:00", ""},
	} {
		require.Equal(t, http.StatusCreated, tg.open(t, r.id, ahb+`,"submitted":"`+r.submitted+`"`).status)
		require.Equal(t, http.StatusOK, tg.event(t, r.id, "confirmed", r.confirmed).status)
		if r.hold != "" {
			a := tg.do(t, "POST", "/v1/requests/"+tg.prefix+r.id+"/events", `{"event":"hold","at":"`+r.hold+`","note":"the customer asks for a later delivery"}`)
			require.Equal(t, http.StatusOK, a.status, "%s", a.body)
			assert.Equal(t, "the customer asks for a later delivery", a.json(t)["recorded"].(map[string]any)["note"])
		}
	}
	a := tg.do(t, "GET", "/v1/requests/"+tg.prefix+"E?at=2026-11-16T12:00:00%2B01:00", "")
	require.Equal(t, http.StatusOK, a.status, "%s", a.body)
	st := a.json(t)
	assert.Equal(t, "2026-11-16T11:00:00+01:00", st["on_hold_since"])
	d := deadline(t, st, "", "delivery")
	assert.Equal(t, "paused", d["status"])
	assert.Equal(t, "", d["due"])
	assert.Equal(t, "14h0m0s", d["left_window"])
	assert.Equal(t, "2026-11-16T11:00:00+01:00", d["paused_since"])

	a = tg.do(t, "GET", "/v1/requests?open=true&at=2026-11-16T12:00:00%2B01:00", "")
	require.Equal(t, http.StatusOK, a.status, "%s", a.body)
	var ids []string
	for _, r := range a.json(t)["requests"].([]any) {
		if id := r.(map[string]any)["id"].(string); strings.HasPrefix(id, tg.prefix) {
			ids = append(ids, strings.TrimPrefix(id, tg.prefix))
		}
	}
	assert.Equal(t, []string{"P", "F", "E"}, ids)

	// Nothing is delivered on hold: refused, nothing changes.
	a = tg.event(t, "E", "delivered", "2026-11-16T11:30:00+01:00")
	assert.Equal(t, http.StatusConflict, a.status, "%s", a.body)

	// Resumed Tue 17 Nov 11:00: the 14 h left run from there, 6 on Tuesday
	// and 8 on Wednesday: due Wed 18 Nov 17:00.
	a = tg.event(t, "E", "resumed", "2026-11-17T11:00:00+01:00")
	require.Equal(t, http.StatusOK, a.status, "%s", a.body)
	a = tg.do(t, "GET", "/v1/requests/"+tg.prefix+"E?at=2026-11-17T12:00:00%2B01:00", "")
	d = deadline(t, a.json(t), "", "delivery")
	assert.Equal(t, "2026-11-18T17:00:00+01:00", d["due"])
	assert.Equal(t, "open", d["status"])
}

// A hold moves a deadline, and its alert moves with it. cocare-premier at P1
// confirmed 09:00:01 (24x7x4): delivery due 13:00:01, its 75 % at 12:00:01.
// On hold from 12:00:00.1 to 12:00:00.3, the 0.2 s move it to 12:00:01.2. (Its
// response, 1 hour from 09:00:01, reached 75 % at 09:45:01 and was breached
// after 10:00:01 by the time the opening came, before its confirmation: both
// alerts go at once.)
func TestAlertFollowsAHold(t *testing.T) {
	clock := runningClock(t, testClock)
	rcv := newReceiver(t, clock)
	tg := startLocal(t, filepath.Join(t.TempDir(), "h.db"), alertingConfig(clock, rcv.URL), "")
	require.Equal(t, http.StatusCreated, tg.open(t, "H", premierP1+`,"submitted":"2026-11-16T09:00:01+01:00"`).status)
	require.Equal(t, http.StatusOK, tg.event(t, "H", "confirmed", "2026-11-16T09:00:01+01:00").status)
	waitUntil := func(s string) { time.Sleep(mustTime(t, s).Sub(clock())) }
	waitUntil("2026-11-16T12:00:00.1+01:00")
	require.Equal(t, http.StatusOK, tg.event(t, "H", "hold", "2026-11-16T12:00:00.1+01:00").status)
	waitUntil("2026-11-16T12:00:00.3+01:00")
	require.Equal(t, http.StatusOK, tg.event(t, "H", "resumed", "2026-11-16T12:00:00.3+01:00").status)
	time.Sleep(1500 * time.Millisecond)
	got := rcv.alerts()
	require.Equal(t, []string{"H/cocare-premier/delivery_by/escalation", "H/cocare-premier/response_by/breach", "H/cocare-premier/response_by/escalation"}, ids(got))
	for _, r := range got {
		if r.alert.Deadline != "delivery" {
			continue
		}
		assert.Equal(t, "2026-11-16T12:00:01.2+01:00", r.alert.At)
		assert.Equal(t, "2026-11-16T13:00:01.2+01:00", r.alert.Due)
		assert.False(t, r.at.Before(mustTime(t, "2026-11-16T12:00:01.2+01:00")), "not before its instant")
	}
}

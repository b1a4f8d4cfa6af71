package main

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"sort"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// receiver is an alert receiver on loopback.
type receiver struct {
	*httptest.Server
	clock func() time.Time

	mu     sync.Mutex
	got    []received
	refuse int // answer this many POSTs 503 first
}

type received struct {
	alert alertJSON
	at    time.Time // the service clock's time when it arrived
}

func newReceiver(t *testing.T, clock func() time.Time) *receiver {
	r := &receiver{clock: clock}
	r.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		var a alertJSON
		if err := json.NewDecoder(req.Body).Decode(&a); err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		r.mu.Lock()
		defer r.mu.Unlock()
		r.got = append(r.got, received{alert: a, at: r.clock()})
		if r.refuse > 0 {
			r.refuse--
			w.WriteHeader(http.StatusServiceUnavailable)
			return
		}
		w.WriteHeader(http.StatusNoContent)
	}))
	t.Cleanup(r.Close)
	return r
}

func (r *receiver) alerts() []received {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]received(nil), r.got...)
}

// ids lists the received alerts' IDs, sorted.
func ids(rs []received) []string {
	var out []string
	for _, r := range rs {
		out = append(out, r.alert.ID)
	}
	sort.Strings(out)
	return out
}

// runningClock is a service clock that starts at start and runs with real
// time, so alerts fall a second or two after the test begins.
func runningClock(t *testing.T, start string) func() time.Time {
	base, began := mustTime(t, start), time.Now()
	return func() time.Time { return base.Add(time.Since(began)) }
}

// cocare-premier at P1 is 24x7x4: its response is due one real hour after the
// submission, and its escalation share (75 %) is reached 45 minutes in.
const premierP1 = `"contract":"CC/2025/0312","serial":"2102353GJH10M8000154","priority":"P1"`

func alertingConfig(clock func() time.Time, notify string) Config {
	return Config{Now: clock, Notify: notify, RetryMin: 50 * time.Millisecond}
}

// Alerts come at their instants, once each: the escalation share of a
// deadline and its breach. With the clock at 12:00:00 when the test begins:
// E's response (submitted 11:15:01) reaches 75 % at 12:00:01; B's (submitted
// 11:00:01.5) reached it at 11:45:01.5, already past, so it goes at once, and
// is breached after 12:00:01.5; M responds at once and never alerts.
func TestAlertsAtTheirInstants(t *testing.T) {
	clock := runningClock(t, testClock)
	rcv := newReceiver(t, clock)
	tg := startLocal(t, filepath.Join(t.TempDir(), "a.db"), alertingConfig(clock, rcv.URL), "")
	require.Equal(t, http.StatusCreated, tg.open(t, "E", premierP1+`,"submitted":"2026-11-16T11:15:01+01:00"`).status)
	require.Equal(t, http.StatusCreated, tg.open(t, "B", premierP1+`,"submitted":"2026-11-16T11:00:01.5+01:00"`).status)
	require.Equal(t, http.StatusCreated, tg.open(t, "M", premierP1+`,"submitted":"2026-11-16T11:15:01.2+01:00"`).status)
	require.Equal(t, http.StatusOK, tg.event(t, "M", "responded", "2026-11-16T12:00:00.5+01:00").status)

	time.Sleep(2500 * time.Millisecond)
	got := rcv.alerts()
	assert.Equal(t, []string{"B/cocare-premier/response_by/breach", "B/cocare-premier/response_by/escalation", "E/cocare-premier/response_by/escalation"}, ids(got))
	want := map[string]string{ // the alert's instant, worked out above
		"B/cocare-premier/response_by/escalation": "2026-11-16T11:45:01.5+01:00",
		"E/cocare-premier/response_by/escalation": "2026-11-16T12:00:01+01:00",
		"B/cocare-premier/response_by/breach":     "2026-11-16T12:00:01.5+01:00",
	}
	for _, r := range got {
		a := r.alert
		assert.Equal(t, want[a.ID], a.At, a.ID)
		at := mustTime(t, a.At)
		assert.False(t, r.at.Before(at), "%s arrived at %s, before its instant", a.ID, r.at)
		if at.After(mustTime(t, testClock)) {
			assert.Less(t, r.at.Sub(at), 500*time.Millisecond, "%s arrived late, at %s", a.ID, r.at)
		}
		assert.Equal(t, "CC/2025/0312", a.Contract)
		assert.Equal(t, "24x7x4", a.Level)
		assert.Equal(t, "response", a.Deadline)
		assert.NotNil(t, a.Escalation)
	}
	e := got[0].alert
	for _, r := range got {
		if r.alert.Alert == alertEscalation {
			e = r.alert
		}
	}
	assert.Equal(t, "75%", e.Share)

	sent, err := tg.store.Alerts(context.Background())
	require.NoError(t, err)
	assert.Len(t, sent, 3, "every acknowledged alert is remembered")
}

// A restart neither repeats nor drops an alert: S's escalation goes before the
// restart and is not sent again; L's falls while the service is down and is
// sent when it starts.
func TestAlertsSurviveRestart(t *testing.T) {
	clock := runningClock(t, testClock)
	rcv := newReceiver(t, clock)
	db := filepath.Join(t.TempDir(), "a.db")
	tg := startLocal(t, db, alertingConfig(clock, rcv.URL), "")
	// S reached 75 % at 11:50, L reaches it at 12:00:01 (submitted 11:15:01).
	require.Equal(t, http.StatusCreated, tg.open(t, "S", premierP1+`,"submitted":"2026-11-16T11:05:00+01:00"`).status)
	require.Equal(t, http.StatusCreated, tg.open(t, "L", premierP1+`,"submitted":"2026-11-16T11:15:01+01:00"`).status)
	require.Eventually(t, func() bool { return len(rcv.alerts()) == 1 }, 2*time.Second, 10*time.Millisecond)
	time.Sleep(100 * time.Millisecond) // let the store remember it
	tg.stop()
	require.True(t, clock().Before(mustTime(t, "2026-11-16T12:00:01+01:00")), "stopped before L's instant")

	time.Sleep(mustTime(t, "2026-11-16T12:00:01.3+01:00").Sub(clock()))
	tg = startLocal(t, db, alertingConfig(clock, rcv.URL), "")
	require.Eventually(t, func() bool { return len(rcv.alerts()) == 2 }, 2*time.Second, 10*time.Millisecond)
	time.Sleep(300 * time.Millisecond)
	tg.stop()

	tg = startLocal(t, db, alertingConfig(clock, rcv.URL), "")
	time.Sleep(500 * time.Millisecond)
	tg.stop()
	assert.Equal(t, []string{"L/cocare-premier/response_by/escalation", "S/cocare-premier/response_by/escalation"}, ids(rcv.alerts()), "each sent once over three starts")
}

// A receiver that fails gets the alert again until it acknowledges it; only
// then is the alert remembered.
func TestAlertRetried(t *testing.T) {
	clock := runningClock(t, testClock)
	rcv := newReceiver(t, clock)
	rcv.refuse = 2
	tg := startLocal(t, filepath.Join(t.TempDir(), "a.db"), alertingConfig(clock, rcv.URL), "")
	require.Equal(t, http.StatusCreated, tg.open(t, "S", premierP1+`,"submitted":"2026-11-16T11:05:00+01:00"`).status)
	require.Eventually(t, func() bool { return len(rcv.alerts()) == 3 }, 3*time.Second, 10*time.Millisecond)
	require.Eventually(t, func() bool {
		sent, err := tg.store.Alerts(context.Background())
		return err == nil && len(sent) == 1
	}, time.Second, 10*time.Millisecond)
	time.Sleep(300 * time.Millisecond)
	assert.Len(t, rcv.alerts(), 3, "two refused, one acknowledged, none after")
}

package main

import (
	"context"
	"errors"
	"net/http"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// These tests need a server in the test process (a token, a failing store, a
// restart); the HTTP tests run against an external server too.

func frozenConfig(t *testing.T) Config {
	clock := mustTime(t, testClock)
	return Config{Now: func() time.Time { return clock }, Frozen: true}
}

// With a token every call needs "Authorization: Bearer <token>".
func TestTokenRequired(t *testing.T) {
	cfg := frozenConfig(t)
	cfg.Token = "s3cret"
	tg := startLocal(t, filepath.Join(t.TempDir(), "t.db"), cfg, "A-")
	for _, c := range []struct {
		why    string
		header []string
		want   int
	}{
		{"no Authorization", nil, http.StatusUnauthorized},
		{"another token", []string{"Authorization", "Bearer nope"}, http.StatusUnauthorized},
		{"another scheme", []string{"Authorization", "Basic s3cret"}, http.StatusUnauthorized},
		{"the token", []string{"Authorization", "Bearer s3cret"}, http.StatusOK},
		{"the scheme in lower case", []string{"Authorization", "bearer s3cret"}, http.StatusOK},
	} {
		a := tg.do(t, "GET", "/v1/holidays/2026", "", c.header...)
		assert.Equal(t, c.want, a.status, c.why)
		if c.want == http.StatusUnauthorized {
			assert.Equal(t, `Bearer realm="slaclock"`, a.header.Get("WWW-Authenticate"), c.why)
			assert.Equal(t, "Authorization", a.json(t)["problems"].([]any)[0].(map[string]any)["field"], c.why)
		}
	}
	a := tg.do(t, "POST", "/v1/requests", `{`+ahb+`,"submitted":"2026-11-16T09:30:00+01:00"}`)
	assert.Equal(t, http.StatusUnauthorized, a.status, "an opening without the token is refused")
	got, err := tg.store.Requests(context.Background())
	require.NoError(t, err)
	assert.Empty(t, got, "and stores nothing")
}

// A restart on the same file gives back every request as it was: the same
// history, the same status.
func TestRestartKeepsRequests(t *testing.T) {
	db := filepath.Join(t.TempDir(), "r.db")
	tg := startLocal(t, db, frozenConfig(t), "")
	require.Equal(t, http.StatusCreated, tg.open(t, "K", ahb+`,"submitted":"2026-11-16T09:30:00+01:00"`).status)
	require.Equal(t, http.StatusOK, tg.event(t, "K", "confirmed", "2026-11-16T10:00:00+01:00").status)
	hist := tg.do(t, "GET", "/v1/requests/K/history", "")
	st := tg.do(t, "GET", "/v1/requests/K?at=2026-11-16T13:00:00%2B01:00", "")
	tg.stop()

	tg = startLocal(t, db, frozenConfig(t), "")
	assert.Equal(t, string(hist.body), string(tg.do(t, "GET", "/v1/requests/K/history", "").body))
	assert.Equal(t, string(st.body), string(tg.do(t, "GET", "/v1/requests/K?at=2026-11-16T13:00:00%2B01:00", "").body))
	a := tg.event(t, "K", "delivered", "2026-11-17T11:00:00+01:00")
	assert.Equal(t, http.StatusOK, a.status, "the restored request goes on: %s", a.body)
	assert.Equal(t, float64(3), a.json(t)["revision"])
}

// failingStore fails writes while fail is set.
type failingStore struct {
	Store
	fail atomic.Bool
}

var errDiskFull = errors.New("disk full")

func (f *failingStore) Create(ctx context.Context, r StoredRequest) error {
	if f.fail.Load() {
		return errDiskFull
	}
	return f.Store.Create(ctx, r)
}

func (f *failingStore) Update(ctx context.Context, r StoredRequest) error {
	if f.fail.Load() {
		return errDiskFull
	}
	return f.Store.Update(ctx, r)
}

// When the store cannot write, the answer is a 500 and nothing changed: the
// request is as it was, in memory and in the file, and the same call works
// once the store does.
func TestFailedWriteChangesNothing(t *testing.T) {
	db := filepath.Join(t.TempDir(), "f.db")
	store, err := OpenSQLite(db)
	require.NoError(t, err)
	fs := &failingStore{Store: store}
	cfg := frozenConfig(t)
	cfg.Store = fs
	tg := startLocal(t, filepath.Join(t.TempDir(), "unused.db"), cfg, "")
	t.Cleanup(func() { store.Close() })

	require.Equal(t, http.StatusCreated, tg.open(t, "F", ahb+`,"submitted":"2026-11-16T09:30:00+01:00"`).status)
	before := tg.do(t, "GET", "/v1/requests/F", "")
	fs.fail.Store(true)
	a := tg.event(t, "F", "confirmed", "2026-11-16T10:00:00+01:00")
	assert.Equal(t, http.StatusInternalServerError, a.status)
	assert.Contains(t, a.json(t)["error"], "disk full")
	a = tg.open(t, "G", ahb+`,"submitted":"2026-11-16T09:30:00+01:00"`)
	assert.Equal(t, http.StatusInternalServerError, a.status)
	assert.Equal(t, http.StatusNotFound, tg.do(t, "GET", "/v1/requests/G", "").status, "a failed opening leaves no request")
	assert.Equal(t, string(before.body), string(tg.do(t, "GET", "/v1/requests/F", "").body), "the failed event left the request as it was")

	fs.fail.Store(false)
	a = tg.event(t, "F", "confirmed", "2026-11-16T10:00:00+01:00")
	assert.Equal(t, http.StatusOK, a.status, "%s", a.body)
	assert.Equal(t, true, a.json(t)["changed"])
	assert.Equal(t, float64(2), a.json(t)["revision"])
	assert.Equal(t, http.StatusCreated, tg.open(t, "G", ahb+`,"submitted":"2026-11-16T09:30:00+01:00"`).status)
}

// With no open request the feed is a calendar without events (which
// subscribers read as nothing due), not an error.
func TestEmptyDeadlinesFeed(t *testing.T) {
	tg := startLocal(t, filepath.Join(t.TempDir(), "e.db"), frozenConfig(t), "")
	a := tg.do(t, "GET", "/v1/deadlines.ics", "")
	require.Equal(t, http.StatusOK, a.status, "%s", a.body)
	body := string(a.body)
	assert.True(t, strings.HasPrefix(body, "BEGIN:VCALENDAR\r\n"), body)
	assert.True(t, strings.HasSuffix(body, "END:VCALENDAR\r\n"), body)
	assert.Contains(t, body, "PRODID:-//slaclock//deadlines//EN\r\n")
	assert.NotContains(t, body, "BEGIN:VEVENT")

	// A rejected request is not open: still no event.
	require.Equal(t, http.StatusCreated, tg.open(t, "X", ahb+`,"submitted":"2026-11-16T09:30:00+01:00"`).status)
	require.Equal(t, http.StatusOK, tg.event(t, "X", "rejected", "2026-11-16T09:40:00+01:00").status)
	a = tg.do(t, "GET", "/v1/deadlines.ics", "")
	require.Equal(t, http.StatusOK, a.status, "%s", a.body)
	assert.NotContains(t, string(a.body), "BEGIN:VEVENT")
}

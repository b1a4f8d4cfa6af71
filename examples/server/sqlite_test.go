package main

import (
	"context"
	"fmt"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func openTestStore(t *testing.T, path string) *SQLiteStore {
	t.Helper()
	s, err := OpenSQLite(path)
	require.NoError(t, err)
	t.Cleanup(func() { s.Close() })
	return s
}

// The store keeps requests in creation order with their revisions, refuses a
// taken ID and a stale revision, and gives everything back after a reopen.
func TestSQLiteStoreRequests(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "s.db")
	s := openTestStore(t, path)

	require.NoError(t, s.Create(ctx, StoredRequest{ID: "B", History: []byte(`{"b":1}`)}))
	require.NoError(t, s.Create(ctx, StoredRequest{ID: "A", History: []byte(`{"a":1}`)}))
	assert.ErrorIs(t, s.Create(ctx, StoredRequest{ID: "A", History: []byte(`{}`)}), ErrExists, "an ID is taken once")

	require.NoError(t, s.Update(ctx, StoredRequest{ID: "A", Revision: 2, History: []byte(`{"a":2}`)}))
	assert.ErrorIs(t, s.Update(ctx, StoredRequest{ID: "A", Revision: 2, History: []byte(`{"a":"stale"}`)}), ErrRevision, "revision 1 is gone")
	assert.ErrorIs(t, s.Update(ctx, StoredRequest{ID: "Z", Revision: 2, History: []byte(`{}`)}), ErrNotFound)

	due := time.Date(2026, 11, 17, 17, 0, 0, 0, time.UTC)
	sent := due.Add(3 * time.Millisecond)
	a := SentAlert{Request: "A", Key: "cocare-standard/delivery/breach", At: due, Sent: sent}
	require.NoError(t, s.MarkSent(ctx, a))
	require.NoError(t, s.MarkSent(ctx, a), "marking twice is no error")
	require.NoError(t, s.Close())

	s = openTestStore(t, path)
	got, err := s.Requests(ctx)
	require.NoError(t, err)
	assert.Equal(t, []StoredRequest{
		{ID: "B", Revision: 1, History: []byte(`{"b":1}`)},
		{ID: "A", Revision: 2, History: []byte(`{"a":2}`)},
	}, got)
	alerts, err := s.Alerts(ctx)
	require.NoError(t, err)
	require.Len(t, alerts, 1)
	assert.Equal(t, "A", alerts[0].Request)
	assert.Equal(t, a.Key, alerts[0].Key)
	assert.True(t, due.Equal(alerts[0].At))
	assert.True(t, sent.Equal(alerts[0].Sent))
}

// Concurrent writers go through the one writer, and every write that was
// answered nil is in the file after a reopen (the database is in WAL mode with
// synchronous FULL).
func TestSQLiteStoreConcurrentWrites(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "s.db")
	s := openTestStore(t, path)
	var mode, syncMode string
	require.NoError(t, s.db.QueryRow("PRAGMA journal_mode").Scan(&mode))
	require.NoError(t, s.db.QueryRow("PRAGMA synchronous").Scan(&syncMode))
	assert.Equal(t, "wal", mode)
	assert.Equal(t, "2", syncMode, "synchronous=FULL is 2")

	const writers, each = 16, 20
	var wg sync.WaitGroup
	errs := make(chan error, writers*each)
	for w := 0; w < writers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			id := fmt.Sprintf("R%02d", w)
			if err := s.Create(ctx, StoredRequest{ID: id, History: []byte("0")}); err != nil {
				errs <- err
				return
			}
			for i := 2; i <= each; i++ {
				if err := s.Update(ctx, StoredRequest{ID: id, Revision: i, History: []byte(fmt.Sprint(i))}); err != nil {
					errs <- err
				}
			}
		}(w)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		assert.NoError(t, err)
	}
	require.NoError(t, s.Close())
	s = openTestStore(t, path)
	got, err := s.Requests(ctx)
	require.NoError(t, err)
	require.Len(t, got, writers)
	for _, r := range got {
		assert.Equal(t, each, r.Revision, r.ID)
		assert.Equal(t, fmt.Sprint(each), string(r.History), r.ID)
	}
	assert.ErrorIs(t, s.Close(), nil)
	assert.ErrorIs(t, s.Create(ctx, StoredRequest{ID: "late"}), ErrClosed)
}

// A database written by a newer version of the program is refused, not
// silently read.
func TestSQLiteStoreNewerSchema(t *testing.T) {
	path := filepath.Join(t.TempDir(), "s.db")
	s := openTestStore(t, path)
	_, err := s.db.Exec("PRAGMA user_version = 99")
	require.NoError(t, err)
	require.NoError(t, s.Close())
	_, err = OpenSQLite(path)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "schema version 99")
}

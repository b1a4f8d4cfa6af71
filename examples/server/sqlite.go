package main

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"sync"
	"time"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// schemaVersion is the schema this program writes, kept in PRAGMA user_version.
const schemaVersion = 1

// schema creates the tables on first start. A request is its history as JSON
// (contract.History), never its deadlines; seq keeps the order of creation.
const schema = `
CREATE TABLE IF NOT EXISTS requests (
	seq      INTEGER PRIMARY KEY AUTOINCREMENT,
	id       TEXT    NOT NULL UNIQUE,
	revision INTEGER NOT NULL,
	history  TEXT    NOT NULL
);
CREATE TABLE IF NOT EXISTS alerts_sent (
	request_id TEXT NOT NULL REFERENCES requests(id),
	alert      TEXT NOT NULL,
	due_at     TEXT NOT NULL,
	sent_at    TEXT NOT NULL,
	PRIMARY KEY (request_id, alert)
);
PRAGMA user_version = 1;
`

// maxBatch is the most writes one transaction commits together.
const maxBatch = 128

// SQLiteStore is the Store on an SQLite file, through the pure-Go driver
// modernc.org/sqlite (no cgo). The database is in WAL mode with
// synchronous=FULL, so a committed transaction survives a crash of the process
// or of the machine; every write goes through one connection and one goroutine,
// which commits the writes waiting at that moment in one transaction (group
// commit: one sync of the log for all of them), and each write's caller is
// answered only once its transaction is committed.
type SQLiteStore struct {
	db  *sql.DB
	ops chan *writeOp

	mu     sync.RWMutex // guards closed against sends on ops
	closed bool
	done   chan struct{} // closed when the writer has stopped
}

// writeOp is one write waiting for the writer.
type writeOp struct {
	query string
	args  []any
	check func(tx *sql.Tx, res sql.Result) error // nil: any result is fine
	err   chan error
}

// OpenSQLite opens (and on first use creates) the database file at path.
func OpenSQLite(path string) (*SQLiteStore, error) {
	if path == "" {
		return nil, errors.New("server: -db: a database file is required")
	}
	q := url.Values{}
	for _, p := range []string{"journal_mode(WAL)", "synchronous(FULL)", "busy_timeout(5000)", "foreign_keys(ON)"} {
		q.Add("_pragma", p)
	}
	q.Set("_txlock", "immediate")
	db, err := sql.Open("sqlite", "file:"+(&url.URL{Path: path}).EscapedPath()+"?"+q.Encode())
	if err != nil {
		return nil, fmt.Errorf("server: database %q: %w", path, err)
	}
	db.SetMaxOpenConns(1) // one writer: writes are serialized here, not by SQLITE_BUSY
	db.SetMaxIdleConns(1)
	db.SetConnMaxLifetime(0)
	ctx := context.Background()
	var version int
	if err := db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		db.Close()
		return nil, fmt.Errorf("server: database %q: %w", path, err)
	}
	if version > schemaVersion {
		db.Close()
		return nil, fmt.Errorf("server: database %q has schema version %d; this program knows up to %d", path, version, schemaVersion)
	}
	var mode string
	if err := db.QueryRowContext(ctx, "PRAGMA journal_mode").Scan(&mode); err != nil || !strings.EqualFold(mode, "wal") {
		db.Close()
		return nil, fmt.Errorf("server: database %q: journal mode %q, want wal (%v)", path, mode, err)
	}
	if _, err := db.ExecContext(ctx, schema); err != nil {
		db.Close()
		return nil, fmt.Errorf("server: database %q: creating the schema: %w", path, err)
	}
	s := &SQLiteStore{db: db, ops: make(chan *writeOp, maxBatch), done: make(chan struct{})}
	go s.writer()
	return s, nil
}

// Requests implements Store.
func (s *SQLiteStore) Requests(ctx context.Context) ([]StoredRequest, error) {
	rows, err := s.db.QueryContext(ctx, "SELECT id, revision, history FROM requests ORDER BY seq")
	if err != nil {
		return nil, fmt.Errorf("server: reading requests: %w", err)
	}
	defer rows.Close()
	var out []StoredRequest
	for rows.Next() {
		var r StoredRequest
		var h string
		if err := rows.Scan(&r.ID, &r.Revision, &h); err != nil {
			return nil, fmt.Errorf("server: reading requests: %w", err)
		}
		r.History = []byte(h)
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("server: reading requests: %w", err)
	}
	return out, nil
}

// Create implements Store.
func (s *SQLiteStore) Create(ctx context.Context, r StoredRequest) error {
	err := s.write(ctx, &writeOp{query: "INSERT INTO requests (id, revision, history) VALUES (?, 1, ?)", args: []any{r.ID, string(r.History)}})
	var se *sqlite.Error
	if errors.As(err, &se) && se.Code() == sqlite3.SQLITE_CONSTRAINT_UNIQUE {
		return fmt.Errorf("%w: %q", ErrExists, r.ID)
	}
	return err
}

// Update implements Store.
func (s *SQLiteStore) Update(ctx context.Context, r StoredRequest) error {
	return s.write(ctx, &writeOp{
		query: "UPDATE requests SET revision = ?, history = ? WHERE id = ? AND revision = ?",
		args:  []any{r.Revision, string(r.History), r.ID, r.Revision - 1},
		check: func(tx *sql.Tx, res sql.Result) error {
			if n, err := res.RowsAffected(); err != nil || n == 1 {
				return err
			}
			var rev int
			switch err := tx.QueryRow("SELECT revision FROM requests WHERE id = ?", r.ID).Scan(&rev); {
			case errors.Is(err, sql.ErrNoRows):
				return fmt.Errorf("%w: %q", ErrNotFound, r.ID)
			case err != nil:
				return err
			}
			return fmt.Errorf("%w: request %q is at revision %d, not %d", ErrRevision, r.ID, rev, r.Revision-1)
		},
	})
}

// Alerts implements Store.
func (s *SQLiteStore) Alerts(ctx context.Context) ([]SentAlert, error) {
	rows, err := s.db.QueryContext(ctx, "SELECT request_id, alert, due_at, sent_at FROM alerts_sent ORDER BY request_id, alert")
	if err != nil {
		return nil, fmt.Errorf("server: reading alerts: %w", err)
	}
	defer rows.Close()
	var out []SentAlert
	for rows.Next() {
		var a SentAlert
		var at, sent string
		if err := rows.Scan(&a.Request, &a.Key, &at, &sent); err != nil {
			return nil, fmt.Errorf("server: reading alerts: %w", err)
		}
		if a.At, err = time.Parse(time.RFC3339Nano, at); err != nil {
			return nil, fmt.Errorf("server: alert %s %s: due_at %q: %w", a.Request, a.Key, at, err)
		}
		if a.Sent, err = time.Parse(time.RFC3339Nano, sent); err != nil {
			return nil, fmt.Errorf("server: alert %s %s: sent_at %q: %w", a.Request, a.Key, sent, err)
		}
		out = append(out, a)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("server: reading alerts: %w", err)
	}
	return out, nil
}

// MarkSent implements Store.
func (s *SQLiteStore) MarkSent(ctx context.Context, a SentAlert) error {
	return s.write(ctx, &writeOp{
		query: "INSERT INTO alerts_sent (request_id, alert, due_at, sent_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
		args:  []any{a.Request, a.Key, a.At.Format(time.RFC3339Nano), a.Sent.Format(time.RFC3339Nano)},
	})
}

// Close implements Store: it waits for the writes under way, then closes the
// database (which checkpoints the log into the file).
func (s *SQLiteStore) Close() error {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return nil
	}
	s.closed = true
	close(s.ops)
	s.mu.Unlock()
	<-s.done
	return s.db.Close()
}

// write hands op to the writer and waits until its transaction is committed
// (nil) or has failed. A caller that gives up (ctx done) may still see its
// write committed later.
func (s *SQLiteStore) write(ctx context.Context, op *writeOp) error {
	op.err = make(chan error, 1)
	s.mu.RLock()
	if s.closed {
		s.mu.RUnlock()
		return ErrClosed
	}
	select {
	case s.ops <- op:
	case <-ctx.Done():
		s.mu.RUnlock()
		return ctx.Err()
	}
	s.mu.RUnlock()
	select {
	case err := <-op.err:
		return err
	case <-ctx.Done():
		return ctx.Err()
	}
}

// writer is the one goroutine that writes: it takes the writes waiting, runs
// them in one transaction, commits, and answers each.
func (s *SQLiteStore) writer() {
	defer close(s.done)
	batch := make([]*writeOp, 0, maxBatch)
	errs := make([]error, 0, maxBatch)
	for first := range s.ops {
		batch = append(batch[:0], first)
	drain:
		for len(batch) < maxBatch {
			select {
			case op, ok := <-s.ops:
				if !ok {
					break drain
				}
				batch = append(batch, op)
			default:
				break drain
			}
		}
		errs = errs[:0]
		err := s.commit(batch, &errs)
		for i, op := range batch {
			if err != nil {
				op.err <- err
			} else {
				op.err <- errs[i]
			}
		}
	}
}

// commit runs batch in one transaction. It returns the error that fails the
// whole transaction; each write's own error (a duplicate ID, a stale
// revision: SQLite undoes that statement alone) goes to errs.
func (s *SQLiteStore) commit(batch []*writeOp, errs *[]error) error {
	ctx := context.Background()
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("server: database: %w", err)
	}
	for _, op := range batch {
		res, err := tx.ExecContext(ctx, op.query, op.args...)
		if err == nil && op.check != nil {
			err = op.check(tx, res)
		}
		*errs = append(*errs, err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("server: database: commit: %w", err)
	}
	return nil
}

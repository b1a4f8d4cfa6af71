package main

import (
	"context"
	"errors"
	"time"
)

// Store keeps the service's state: each request as its history (the JSON form
// of contract.History: the opening, the terms it was opened under and every
// event in order, never computed deadlines), and the alerts already delivered.
// SQLiteStore is the one implementation; another database can be added behind
// the same methods.
//
// A method that returns nil has made its change durable: the service answers a
// client only after that. Implementations are safe for concurrent use.
type Store interface {
	// Requests returns every stored request, in the order they were created.
	Requests(ctx context.Context) ([]StoredRequest, error)
	// Create stores a new request at revision 1; ErrExists when its ID is taken.
	Create(ctx context.Context, r StoredRequest) error
	// Update replaces request r.ID's history by r.History, going from revision
	// r.Revision-1 to r.Revision; ErrNotFound when there is no such request and
	// ErrRevision when the stored revision is not r.Revision-1 (another writer
	// came first).
	Update(ctx context.Context, r StoredRequest) error
	// Alerts returns the alerts delivered so far.
	Alerts(ctx context.Context) ([]SentAlert, error)
	// MarkSent remembers that alert a was delivered; marking it again changes
	// nothing.
	MarkSent(ctx context.Context, a SentAlert) error
	// Close releases the store; the other methods fail after it.
	Close() error
}

// StoredRequest is one request as the store keeps it.
type StoredRequest struct {
	ID       string
	Revision int    // 1 when created, one more for every recorded event
	History  []byte // contract.History as JSON
}

// SentAlert is an alert the receiver acknowledged.
type SentAlert struct {
	Request string    // the request's ID
	Key     string    // the alert's key within the request: service/deadline/kind
	At      time.Time // the instant it was due
	Sent    time.Time // when the receiver acknowledged it
}

// Errors of a Store, wrapped by its implementations.
var (
	ErrExists   = errors.New("server: request exists")
	ErrNotFound = errors.New("server: no such request")
	ErrRevision = errors.New("server: request changed meanwhile")
	ErrClosed   = errors.New("server: store closed")
)

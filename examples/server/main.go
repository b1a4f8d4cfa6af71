// Command server is slaclock inside a real service: an HTTP JSON API over an
// embedded SQLite database, for service desks whose ticketing system calls it
// from its webhooks.
//
//	go run . -contracts ../contracts.json -db slaclock.db -addr 127.0.0.1:8080
//
// The database is created with its schema on first start. A request is stored
// as its history (contract.History: the opening, the terms it was opened under
// and every event in order), never as computed deadlines; the deadlines are
// computed from it. Every event the service acknowledges (a 2xx answer) is
// committed to the database before the answer is sent.
//
// Endpoints (every answer is JSON but the .ics ones; every error is JSON
// {"error": ..., "problems": [{"field", "value", "reason"}]}):
//
//	POST /v1/requests                     open a request -> 201 (200 for a repeat)
//	POST /v1/requests/{id}/events         record an event -> 200, 409 when refused
//	GET  /v1/requests/{id}?at=T           the status at T (default: the clock)
//	GET  /v1/requests?open=true&at=T      requests at T, the most urgent first
//	GET  /v1/requests/{id}/deadlines.ics  its deadlines, with alarms
//	GET  /v1/deadlines.ics                the deadlines of every open request
//	POST /v1/deadlines                    one line of the batch format in, its answer out
//	GET  /v1/holidays/{year}              the year's holidays; {year}.ics as iCalendar
//
// Flags:
//
//	-contracts FILE  the registry of contracts (contract.LoadFile); required
//	-db FILE         the SQLite database; required
//	-addr HOST:PORT  where to listen (default 127.0.0.1:8080)
//	-token TOKEN     every call needs "Authorization: Bearer TOKEN" (also
//	                 $SLACLOCK_TOKEN); without a token the service listens on
//	                 loopback addresses only and refuses any other -addr
//	-notify URL      POST a JSON alert there when a deadline reaches its
//	                 escalation share and when it is breached
//	-clock T         a clock that stands still at T (RFC 3339), for demos and
//	                 tests; by default the system clock
//
// The program reads the clock only where a call needs "now" (a status without
// ?at=, the alert timers); the library never does. The exit status is 0 after a
// clean shutdown (SIGINT, SIGTERM), 1 when the service fails and 2 for bad
// usage.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/slaclock/slaclock/contract"
	"github.com/slaclock/slaclock/sla"
)

// tokenEnv is the environment variable that gives the token when -token does
// not.
const tokenEnv = "SLACLOCK_TOKEN"

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	os.Exit(run(ctx, os.Args[1:], os.Getenv, os.Stdout, os.Stderr))
}

// config is what the flags say.
type config struct {
	contracts string
	db        string
	addr      string
	token     string
	notify    string
	clock     time.Time // zero: the system clock
}

// run is the program: it serves until ctx is done and returns the exit status.
// It prints "listening on ADDR" on stdout once the service accepts calls.
func run(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) int {
	cfg, err := parseFlags(args, getenv, stderr)
	if errors.Is(err, flag.ErrHelp) {
		return 0
	}
	if err != nil {
		if err != errUsage {
			fmt.Fprintln(stderr, err)
		}
		return 2
	}
	logger := log.New(stderr, "server: ", log.LstdFlags|log.Lmicroseconds)
	reg, err := contract.LoadFile(cfg.contracts, sla.Default())
	if err != nil {
		fmt.Fprintf(stderr, "server: -contracts %q: %v\n", cfg.contracts, err)
		return 1
	}
	ln, err := listen(cfg)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 2
	}
	store, err := OpenSQLite(cfg.db)
	if err != nil {
		ln.Close()
		fmt.Fprintln(stderr, err)
		return 1
	}
	now, frozen := time.Now, false
	if !cfg.clock.IsZero() {
		fixed := cfg.clock
		now, frozen = func() time.Time { return fixed }, true
	}
	srv, err := New(ctx, Config{Registry: reg, Store: store, Now: now, Frozen: frozen, Token: cfg.token, Notify: cfg.notify, Log: logger})
	if err != nil {
		ln.Close()
		store.Close()
		fmt.Fprintln(stderr, err)
		return 1
	}
	hs := &http.Server{Handler: srv, ReadHeaderTimeout: 10 * time.Second, ReadTimeout: time.Minute, WriteTimeout: time.Minute, IdleTimeout: 2 * time.Minute, ErrorLog: logger}
	served := make(chan error, 1)
	go func() { served <- hs.Serve(ln) }()
	fmt.Fprintf(stdout, "listening on %s\n", ln.Addr())
	status := 0
	select {
	case err := <-served:
		logger.Print(err)
		status = 1
	case <-ctx.Done():
		sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		if err := hs.Shutdown(sctx); err != nil {
			logger.Print("shutdown: ", err)
			status = 1
		}
		cancel()
	}
	srv.Close()
	if err := store.Close(); err != nil {
		logger.Print(err)
		status = 1
	}
	return status
}

// errUsage is a usage error the flag package has already reported.
var errUsage = errors.New("usage")

func parseFlags(args []string, getenv func(string) string, stderr io.Writer) (config, error) {
	var cfg config
	fs := flag.NewFlagSet("server", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&cfg.contracts, "contracts", "", "the registry of contracts, JSON (required)")
	fs.StringVar(&cfg.db, "db", "", "the SQLite database file, created on first start (required)")
	fs.StringVar(&cfg.addr, "addr", "127.0.0.1:8080", "the address to listen on; without a token, a loopback one")
	fs.StringVar(&cfg.token, "token", "", "every call needs \"Authorization: Bearer TOKEN\" (default $"+tokenEnv+")")
	fs.StringVar(&cfg.notify, "notify", "", "POST alerts as JSON to this URL")
	clock := fs.String("clock", "", "a clock that stands still at this RFC 3339 instant, for demos and tests")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return cfg, err
		}
		return cfg, errUsage
	}
	switch {
	case fs.NArg() > 0:
		return cfg, fmt.Errorf("server: unexpected argument %q", fs.Arg(0))
	case cfg.contracts == "":
		return cfg, errors.New("server: -contracts: the registry of contracts is required")
	case cfg.db == "":
		return cfg, errors.New("server: -db: the database file is required")
	}
	if cfg.token == "" {
		cfg.token = getenv(tokenEnv)
	}
	if *clock != "" {
		t, err := time.Parse(time.RFC3339Nano, *clock)
		if err != nil {
			return cfg, fmt.Errorf("server: -clock %q: want an RFC 3339 instant such as 2026-11-16T12:00:00+01:00", *clock)
		}
		cfg.clock = t
	}
	if cfg.notify != "" {
		if err := checkNotifyURL(cfg.notify); err != nil {
			return cfg, err
		}
	}
	return cfg, nil
}

// listen opens the listening socket. Without a token only a loopback address
// is accepted: the host must be a loopback IP or "localhost", and the socket
// opened must be on a loopback address.
func listen(cfg config) (net.Listener, error) {
	host, _, err := net.SplitHostPort(cfg.addr)
	if err != nil {
		return nil, fmt.Errorf("server: -addr %q: want HOST:PORT such as 127.0.0.1:8080", cfg.addr)
	}
	open := func() error {
		return fmt.Errorf("server: -addr %q listens beyond this machine, and no token is set: give -token (or $%s) so that every call needs it, or listen on 127.0.0.1", cfg.addr, tokenEnv)
	}
	if cfg.token == "" && !loopbackHost(host) {
		return nil, open()
	}
	ln, err := net.Listen("tcp", cfg.addr)
	if err != nil {
		return nil, fmt.Errorf("server: -addr %q: %w", cfg.addr, err)
	}
	if tcp, ok := ln.Addr().(*net.TCPAddr); cfg.token == "" && (!ok || !tcp.IP.IsLoopback()) {
		ln.Close()
		return nil, open()
	}
	return ln, nil
}

// loopbackHost reports whether host names only this machine.
func loopbackHost(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

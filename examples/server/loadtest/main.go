// Command loadtest puts a bounded load on a running server on this machine:
// concurrent clients that open requests and take each through its life
// (confirmed, delivered, returned, closed), for a fixed time, then prints the
// calls per second and the latency percentiles.
//
//	go run ./loadtest -url http://127.0.0.1:8080 -clients 32 -duration 20s
//
// The server must have been started with the registry examples/contracts.json
// (the requests are under HZ/AHB/2025/041). Only loopback URLs are accepted,
// and -duration is at most 30s. Every answer must be the one expected (201 for
// an opening, 200 for an event); the exit status is 1 if any was not or a
// call failed, 2 for bad usage.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"sort"
	"strings"
	"sync"
	"time"
)

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("loadtest", flag.ContinueOnError)
	fs.SetOutput(stderr)
	base := fs.String("url", "http://127.0.0.1:8080", "the server's base URL, on loopback")
	clients := fs.Int("clients", 32, "concurrent clients")
	duration := fs.Duration("duration", 20*time.Second, "how long to load, at most 30s")
	token := fs.String("token", os.Getenv("SLACLOCK_TOKEN"), "the server's token, if it has one")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	u, err := url.Parse(*base)
	if err != nil || u.Scheme != "http" || !loopback(u.Hostname()) {
		fmt.Fprintf(stderr, "loadtest: -url %q: want http:// and a loopback host, such as http://127.0.0.1:8080\n", *base)
		return 2
	}
	if *duration <= 0 || *duration > 30*time.Second {
		fmt.Fprintf(stderr, "loadtest: -duration %s: want more than 0 and at most 30s\n", *duration)
		return 2
	}
	if *clients < 1 || *clients > 1024 {
		fmt.Fprintf(stderr, "loadtest: -clients %d: want 1 to 1024\n", *clients)
		return 2
	}
	res := load(strings.TrimRight(*base, "/"), *token, *clients, *duration)
	res.print(stdout, *clients, *duration)
	if res.failed > 0 {
		return 1
	}
	return 0
}

func loopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// result is what the clients measured.
type result struct {
	latencies []time.Duration
	failed    int
	firstErr  string
	elapsed   time.Duration
	requests  int
}

// The life every client gives each request it opens.
var events = [][2]string{
	{"confirmed", "2026-11-16T10:00:00+01:00"},
	{"delivered", "2026-11-17T11:00:00+01:00"},
	{"returned", "2026-11-20T10:00:00+01:00"},
	{"closed", "2026-11-20T12:00:00+01:00"},
}

func load(base, token string, clients int, d time.Duration) result {
	tr := &http.Transport{MaxIdleConns: clients, MaxIdleConnsPerHost: clients}
	client := &http.Client{Transport: tr, Timeout: 30 * time.Second}
	run := time.Now().UnixNano()
	var mu sync.Mutex
	var res result
	var wg sync.WaitGroup
	began := time.Now()
	deadline := began.Add(d)
	for c := 0; c < clients; c++ {
		wg.Add(1)
		go func(c int) {
			defer wg.Done()
			var lat []time.Duration
			failed, requests, firstErr := 0, 0, ""
			call := func(path, body string, want int) bool {
				req, _ := http.NewRequest(http.MethodPost, base+path, strings.NewReader(body))
				req.Header.Set("Content-Type", "application/json")
				if token != "" {
					req.Header.Set("Authorization", "Bearer "+token)
				}
				t0 := time.Now()
				resp, err := client.Do(req)
				if err == nil {
					_, err = io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
				}
				lat = append(lat, time.Since(t0))
				if err == nil && resp.StatusCode != want {
					err = fmt.Errorf("%s: status %d, want %d", path, resp.StatusCode, want)
				}
				if err != nil {
					failed++
					if firstErr == "" {
						firstErr = err.Error()
					}
					return false
				}
				return true
			}
			for n := 0; time.Now().Before(deadline); n++ {
				id := fmt.Sprintf("load-%d-%02d-%06d", run, c, n)
				requests++
				if !call("/v1/requests", `{"id":"`+id+`","contract":"HZ/AHB/2025/041","serial":"2102313QMB10P2000604","submitted":"2026-11-16T09:30:00+01:00","description":"load test"}`, http.StatusCreated) {
					continue
				}
				for _, e := range events {
					if !call("/v1/requests/"+id+"/events", `{"event":"`+e[0]+`","at":"`+e[1]+`"}`, http.StatusOK) {
						break
					}
				}
			}
			mu.Lock()
			defer mu.Unlock()
			res.latencies = append(res.latencies, lat...)
			res.failed += failed
			res.requests += requests
			if res.firstErr == "" {
				res.firstErr = firstErr
			}
		}(c)
	}
	wg.Wait()
	res.elapsed = time.Since(began)
	return res
}

func (r result) print(w io.Writer, clients int, d time.Duration) {
	sort.Slice(r.latencies, func(i, j int) bool { return r.latencies[i] < r.latencies[j] })
	pct := func(p float64) time.Duration {
		if len(r.latencies) == 0 {
			return 0
		}
		i := int(p*float64(len(r.latencies))+0.5) - 1
		if i < 0 {
			i = 0
		}
		return r.latencies[i]
	}
	calls := len(r.latencies)
	fmt.Fprintf(w, "clients %d, %s: %d calls (%d requests opened, each with 4 events), %d failed\n", clients, d, calls, r.requests, r.failed)
	fmt.Fprintf(w, "throughput: %.0f calls/s\n", float64(calls)/r.elapsed.Seconds())
	fmt.Fprintf(w, "latency: p50 %s, p90 %s, p99 %s, max %s\n", pct(0.50).Round(10*time.Microsecond), pct(0.90).Round(10*time.Microsecond),
		pct(0.99).Round(10*time.Microsecond), pct(1).Round(10*time.Microsecond))
	if r.firstErr != "" {
		fmt.Fprintf(w, "first failure: %s\n", r.firstErr)
	}
}

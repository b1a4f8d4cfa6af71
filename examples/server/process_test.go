package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// buildServer builds the program once per test binary.
var buildServer = sync.OnceValues(func() (string, error) {
	dir, err := tempDirForBinary()
	if err != nil {
		return "", err
	}
	bin := filepath.Join(dir, "server")
	out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	if err != nil {
		return "", fmt.Errorf("go build: %v\n%s", err, out)
	}
	return bin, nil
})

// process is the program running.
type process struct {
	cmd    *exec.Cmd
	base   string
	stderr *bytes.Buffer
}

// startProcess starts the built program with args (and -addr 127.0.0.1:0)
// and waits until it listens.
func startProcess(t *testing.T, args ...string) *process {
	t.Helper()
	bin, err := buildServer()
	require.NoError(t, err)
	cmd := exec.Command(bin, append([]string{"-addr", "127.0.0.1:0"}, args...)...)
	p := &process{cmd: cmd, stderr: &bytes.Buffer{}}
	cmd.Stderr = p.stderr
	out, err := cmd.StdoutPipe()
	require.NoError(t, err)
	require.NoError(t, cmd.Start())
	t.Cleanup(func() {
		if cmd.ProcessState == nil {
			cmd.Process.Kill()
			cmd.Wait()
		}
	})
	line, err := bufio.NewReader(out).ReadString('\n')
	require.NoError(t, err, "the server did not start: %s", p.stderr)
	addr, ok := strings.CutPrefix(strings.TrimSpace(line), "listening on ")
	require.True(t, ok, "first line %q", line)
	go io.Copy(io.Discard, out)
	p.base = "http://" + addr
	return p
}

// kill sends SIGKILL and waits for the end.
func (p *process) kill() {
	p.cmd.Process.Signal(syscall.SIGKILL)
	p.cmd.Wait()
}

// One client's request in the SIGKILL test: what the server acknowledged.
type tracked struct {
	id       string
	opened   bool            // the opening was acknowledged (201)
	acked    int             // events acknowledged as changing the request
	refused  int             // events refused (409)
	inflight bool            // a call was under way at the kill
	last     json.RawMessage // the status in the last acknowledged answer
}

// The service is killed with SIGKILL in the middle of a load, restarted on the
// same file, and every acknowledged event is there, each request's status is
// as the last answer said, and no refused event is.
func TestKilledMidLoadLosesNothing(t *testing.T) {
	db := filepath.Join(t.TempDir(), "kill.db")
	args := []string{"-contracts", "../contracts.json", "-db", db, "-clock", testClock}
	p := startProcess(t, args...)

	// Each client opens requests and takes each through its life; between the
	// opening and the confirmation it sends a delivery, which is refused.
	steps := [][2]string{
		{"delivered", "2026-11-16T09:50:00+01:00"}, // refused: not confirmed yet
		{"confirmed", "2026-11-16T10:00:00+01:00"},
		{"delivered", "2026-11-17T11:00:00+01:00"},
		{"returned", "2026-11-20T10:00:00+01:00"},
		{"closed", "2026-11-20T12:00:00+01:00"},
	}
	client := &http.Client{Timeout: 10 * time.Second}
	post := func(path, body string) (int, []byte, error) {
		resp, err := client.Post(p.base+path, "application/json", strings.NewReader(body))
		if err != nil {
			return 0, nil, err
		}
		defer resp.Body.Close()
		b, err := io.ReadAll(resp.Body)
		return resp.StatusCode, b, err
	}
	stop := make(chan struct{})
	var mu sync.Mutex
	var all []*tracked
	var wg sync.WaitGroup
	for c := 0; c < 32; c++ {
		wg.Add(1)
		go func(c int) {
			defer wg.Done()
			for n := 0; ; n++ {
				tr := &tracked{id: fmt.Sprintf("K%02d-%04d", c, n)}
				mu.Lock()
				all = append(all, tr)
				mu.Unlock()
				call := func(path, body string) (int, []byte, bool) {
					tr.inflight = true
					st, b, err := post(path, body)
					if err != nil {
						return 0, nil, false // killed: the call's fate is unknown
					}
					tr.inflight = false
					return st, b, true
				}
				select {
				case <-stop:
					return
				default:
				}
				st, b, ok := call("/v1/requests", `{"id":"`+tr.id+`",`+ahb+`,"submitted":"2026-11-16T09:30:00+01:00"}`)
				if !ok {
					return
				}
				if st != http.StatusCreated {
					t.Errorf("%s: opening: %d %s", tr.id, st, b)
					return
				}
				tr.opened, tr.last = true, b
				for _, s := range steps {
					st, b, ok := call("/v1/requests/"+tr.id+"/events", `{"event":"`+s[0]+`","at":"`+s[1]+`"}`)
					switch {
					case !ok:
						return
					case st == http.StatusConflict:
						tr.refused++
					case st == http.StatusOK:
						tr.acked++
						tr.last = b
					default:
						t.Errorf("%s: %s: %d %s", tr.id, s[0], st, b)
						return
					}
				}
			}
		}(c)
	}
	time.Sleep(1500 * time.Millisecond)
	p.kill()
	close(stop)
	wg.Wait()
	require.False(t, t.Failed())

	p = startProcess(t, args...)
	get := func(path string) (int, []byte) {
		resp, err := client.Get(p.base + path)
		require.NoError(t, err)
		defer resp.Body.Close()
		b, err := io.ReadAll(resp.Body)
		require.NoError(t, err)
		return resp.StatusCode, b
	}
	var acked, refused, inflight, found int
	for _, tr := range all {
		st, b := get("/v1/requests/" + tr.id + "/history")
		if !tr.opened {
			if st == http.StatusOK {
				found++ // committed, but the answer was lost in the kill: allowed
			} else {
				assert.Equal(t, http.StatusNotFound, st, tr.id)
			}
			continue
		}
		require.Equal(t, http.StatusOK, st, "%s: an acknowledged opening is there: %s", tr.id, b)
		var h historyAnswer
		require.NoError(t, json.Unmarshal(b, &h))
		acked += tr.acked
		refused += tr.refused
		// Every acknowledged event is there, no refused one: the revision is
		// the opening plus the acknowledged events, plus at most the one the
		// kill interrupted.
		want := 1 + tr.acked
		if tr.inflight && h.Revision == want+1 {
			inflight++
			continue
		}
		require.Equal(t, want, h.Revision, "%s: acknowledged %d events, refused %d", tr.id, tr.acked, tr.refused)
		_, now := get("/v1/requests/" + tr.id)
		assert.JSONEq(t, string(statusOnly(t, tr.last)), string(now), "%s: the status is as the last answer said", tr.id)
	}
	t.Logf("%d requests, %d events acknowledged and %d refused before the kill; %d interrupted events and %d openings were committed without an answer",
		len(all), acked, refused, inflight, found)
	assert.Greater(t, acked, 32, "the load ran")
	assert.Greater(t, refused, 0, "some events were refused")

	// The restarted service goes on.
	st, b, err := post("/v1/requests", `{"id":"after-restart",`+ahb+`,"submitted":"2026-11-16T09:30:00+01:00"}`)
	require.NoError(t, err)
	assert.Equal(t, http.StatusCreated, st, "%s", b)
	p.cmd.Process.Signal(syscall.SIGTERM)
	require.NoError(t, p.cmd.Wait(), "a clean shutdown: %s", p.stderr)
}

// statusOnly drops an event answer's own fields, leaving the status.
func statusOnly(t *testing.T, b []byte) []byte {
	var m map[string]any
	require.NoError(t, json.Unmarshal(b, &m))
	delete(m, "recorded")
	delete(m, "changed")
	delete(m, "revision")
	out, err := json.Marshal(m)
	require.NoError(t, err)
	return out
}

// The program refuses bad usage with status 2 and a message naming the flag
// and its value: no token and an address beyond loopback above all.
func TestUsage(t *testing.T) {
	for _, c := range []struct {
		why  string
		args []string
		env  string
		want string
	}{
		{"no token, every interface", []string{"-addr", ":8080"}, "", `-addr ":8080" listens beyond this machine`},
		{"no token, a public address", []string{"-addr", "0.0.0.0:8080"}, "", `-addr "0.0.0.0:8080" listens beyond this machine`},
		{"no token, a host name", []string{"-addr", "example.com:8080"}, "", `-addr "example.com:8080" listens beyond this machine`},
		{"an address without a port", []string{"-addr", "127.0.0.1"}, "", `-addr "127.0.0.1": want HOST:PORT`},
		{"a bad clock", []string{"-clock", "noon"}, "", `-clock "noon"`},
		{"a bad notify URL", []string{"-notify", "ftp://x"}, "", `-notify "ftp://x"`},
		{"no database", []string{"-db", ""}, "", `-db: the database file is required`},
		{"an argument left over", []string{"extra"}, "", `unexpected argument "extra"`},
		{"an unknown flag", []string{"-bogus"}, "", `flag provided but not defined: -bogus`},
	} {
		args := append([]string{"-contracts", "../contracts.json", "-db", filepath.Join(t.TempDir(), "u.db")}, c.args...)
		var out, errb bytes.Buffer
		status := run(context.Background(), args, func(string) string { return c.env }, &out, &errb)
		assert.Equal(t, 2, status, c.why)
		assert.Contains(t, errb.String(), c.want, c.why)
	}
}

// A token, from the flag or from the environment, lets the service listen on
// any address; the environment's is used when the flag gives none.
func TestTokenFromEnvironment(t *testing.T) {
	cfg, err := parseFlags([]string{"-contracts", "x", "-db", "y"}, func(k string) string {
		if k == tokenEnv {
			return "from-env"
		}
		return ""
	}, io.Discard)
	require.NoError(t, err)
	assert.Equal(t, "from-env", cfg.token)
	cfg, err = parseFlags([]string{"-contracts", "x", "-db", "y", "-token", "from-flag"}, func(string) string { return "from-env" }, io.Discard)
	require.NoError(t, err)
	assert.Equal(t, "from-flag", cfg.token)
}

package main

import (
	"net/http"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// readmeSession returns the curl session of README.md's service section: each
// "$ curl ..." line and the output shown under it.
func readmeSession(t *testing.T) (cmds []string, outputs []string) {
	t.Helper()
	b, err := os.ReadFile("../../README.md")
	require.NoError(t, err)
	_, section, ok := strings.Cut(string(b), "\n## A service over HTTP: `examples/server`\n")
	require.True(t, ok, "README.md has the service section")
	section, _, _ = strings.Cut(section, "\n## ")
	_, block, ok := strings.Cut(section, "\n```console\n")
	require.True(t, ok, "the section has a console block")
	block, _, ok = strings.Cut(block, "\n```\n")
	require.True(t, ok)
	for _, line := range strings.Split(block, "\n") {
		if cmd, ok := strings.CutPrefix(line, "$ "); ok {
			cmds = append(cmds, cmd)
			outputs = append(outputs, "")
			continue
		}
		require.NotEmpty(t, cmds, "output before any command: %q", line)
		outputs[len(outputs)-1] += line + "\n"
	}
	return cmds, outputs
}

// curlArgs splits a curl command line as a shell would, for the forms the
// README uses: words, and '...' quoted words.
func curlArgs(t *testing.T, cmd string) []string {
	t.Helper()
	var args []string
	var cur strings.Builder
	inWord, quoted := false, false
	for _, r := range cmd {
		switch {
		case quoted && r == '\'':
			quoted = false
		case quoted:
			cur.WriteRune(r)
		case r == '\'':
			quoted, inWord = true, true
		case r == ' ':
			if inWord {
				args = append(args, cur.String())
				cur.Reset()
				inWord = false
			}
		default:
			cur.WriteRune(r)
			inWord = true
		}
	}
	require.False(t, quoted, "unterminated quote in %q", cmd)
	if inWord {
		args = append(args, cur.String())
	}
	return args
}

// The README's curl session, run against the service (its clock at testClock,
// as the README says it was started), prints what the README shows. Its
// request ID is made unique to the run, in the commands and in the output.
func TestAPIReadmeSession(t *testing.T) {
	tg := newTarget(t)
	cmds, outputs := readmeSession(t)
	require.GreaterOrEqual(t, len(cmds), 3)
	const id = "REQ-1"
	for i, cmd := range cmds {
		args := curlArgs(t, strings.ReplaceAll(cmd, id, tg.prefix+id))
		require.Equal(t, "curl", args[0], cmd)
		method, url, body := "", "", ""
		for j := 1; j < len(args); j++ {
			switch a := args[j]; {
			case a == "-s":
			case a == "-X":
				j++
				method = args[j]
			case a == "-d":
				j++
				body = args[j]
			case strings.HasPrefix(a, "-"):
				require.Failf(t, "an option the test does not know", "%s in %s", a, cmd)
			default:
				url = a
			}
		}
		if method == "" {
			method = http.MethodGet
			if body != "" {
				method = http.MethodPost
			}
		}
		path, ok := strings.CutPrefix(url, "localhost:8080")
		require.True(t, ok, "the README talks to localhost:8080: %s", cmd)
		a := tg.do(t, method, path, body)
		assert.Equal(t, strings.ReplaceAll(outputs[i], id, tg.prefix+id), string(a.body), "the output of %s", cmd)
	}
}

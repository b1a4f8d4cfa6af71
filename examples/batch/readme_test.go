package main

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// readmeSection returns the fenced blocks of the README's batch section.
func readmeSection(t *testing.T) []string {
	t.Helper()
	readme, err := os.ReadFile("../../README.md")
	require.NoError(t, err)
	const heading = "## Deadlines in bulk: `examples/batch`\n"
	_, sec, ok := strings.Cut(string(readme), heading)
	require.True(t, ok, "README.md has the section %q", heading)
	if end := strings.Index(sec, "\n## "); end >= 0 {
		sec = sec[:end]
	}
	var blocks []string
	for {
		_, rest, ok := strings.Cut(sec, "```")
		if !ok {
			return blocks
		}
		_, rest, _ = strings.Cut(rest, "\n") // the fence's info string
		body, after, ok := strings.Cut(rest, "```")
		require.True(t, ok, "a closed fence")
		blocks = append(blocks, strings.TrimSuffix(body, "\n"))
		sec = after
	}
}

// The README's batch section shows the command, then input lines each with
// the output line the program prints for it: the command is the one that
// works from the repository root, each input line is in the file it names,
// and each output line is exactly what the program prints for it there.
func TestReadmeBatchSection(t *testing.T) {
	blocks := readmeSection(t)
	require.GreaterOrEqual(t, len(blocks), 3, "a command and at least one input line with its output")
	require.Equal(t, "go run ./examples/batch < examples/requests.jsonl > deadlines.jsonl", blocks[0])
	require.Equal(t, 0, (len(blocks)-1)%2, "input and output blocks come in pairs")

	file, err := os.ReadFile("../requests.jsonl")
	require.NoError(t, err)
	var out bytes.Buffer
	require.Equal(t, 0, run(nil, bytes.NewReader(file), &out, &bytes.Buffer{}))
	inLines := strings.Split(strings.TrimSuffix(string(file), "\n"), "\n")
	outLines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
	require.Len(t, outLines, len(inLines))

	for i := 1; i+1 < len(blocks); i += 2 {
		in, want := blocks[i], blocks[i+1]
		n := -1
		for j, l := range inLines {
			if l == in {
				n = j
			}
		}
		if assert.GreaterOrEqual(t, n, 0, "README input %q is a line of examples/requests.jsonl", in) {
			assert.Equal(t, want, outLines[n], "README output for %q", in)
		}
		got, _, code := runBatch(t, nil, in+"\n")
		require.Equal(t, 0, code)
		assert.Equal(t, want+"\n", got, "the line on its own gives the same answer")
	}
	assert.Contains(t, strings.Join(blocks, "\n"), `"holds":[`)
	assert.Contains(t, strings.Join(blocks, "\n"), `"priority_changes":[`)
}

package main

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// matches reports whether got's lines are want's, where a "..." line of want
// stands for any number of lines.
func matches(want, got []string) bool {
	if len(want) == 0 {
		return len(got) == 0
	}
	if want[0] == "..." {
		for i := 0; i <= len(got); i++ {
			if matches(want[1:], got[i:]) {
				return true
			}
		}
		return false
	}
	return len(got) > 0 && got[0] == want[0] && matches(want[1:], got[1:])
}

// The README's icsdeadlines section gives the command and what it prints,
// shortened with "..." lines: every line shown is the program's, in order.
func TestReadmeSection(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	require.NoError(t, err)
	const heading = "## Deadlines as iCalendar: `examples/icsdeadlines`\n"
	_, sec, ok := strings.Cut(string(readme), heading)
	require.True(t, ok, "README.md has the section %q", heading)
	if end := strings.Index(sec, "\n## "); end >= 0 {
		sec = sec[:end]
	}
	blocks := strings.Split(sec, "```")
	require.GreaterOrEqual(t, len(blocks), 5, "two fenced blocks: the command and the output")
	assert.Equal(t, "\ngo run ./examples/icsdeadlines > deadlines.ics\n", blocks[1])
	shown := strings.Split(strings.Trim(blocks[3], "\n"), "\n")

	var out, errOut bytes.Buffer
	require.Equal(t, 0, run(nil, &out, &errOut), errOut.String())
	got := strings.Split(strings.TrimSuffix(out.String(), "\r\n"), "\r\n")
	assert.True(t, matches(shown, got), "README shows:\n%s\nthe program prints:\n%s", strings.Join(shown, "\n"), strings.Join(got, "\n"))
	assert.Contains(t, shown, "SEQUENCE:1", "the README shows the moved deadline")

	// matches itself: "..." skips, anything else must be there in order.
	assert.True(t, matches([]string{"a", "...", "c"}, []string{"a", "b", "b", "c"}))
	assert.False(t, matches([]string{"a", "c"}, []string{"a", "b", "c"}))
	assert.False(t, matches([]string{"a", "...", "d"}, []string{"a", "b", "c"}))
}

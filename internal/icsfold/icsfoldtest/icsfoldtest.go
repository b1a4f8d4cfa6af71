// Package icsfoldtest checks, in the module's tests, that an iCalendar stream
// is folded as package icsfold folds it.
package icsfoldtest

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/slaclock/slaclock/internal/icsfold"
)

// Continued checks that text ends with a CRLF and that each of its content
// lines takes at most icsfold.Limit octets and holds whole UTF-8 sequences,
// and returns how many lines continue a folded one (those that begin with a
// space).
func Continued(t testing.TB, text string) int {
	t.Helper()
	require.True(t, strings.HasSuffix(text, "\r\n"), "the stream ends with a CRLF")
	continued := 0
	for _, line := range strings.Split(strings.TrimSuffix(text, "\r\n"), "\r\n") {
		assert.LessOrEqual(t, len(line), icsfold.Limit, "%q", line)
		assert.True(t, utf8.ValidString(line), "no UTF-8 sequence is cut: %q", line)
		if strings.HasPrefix(line, " ") {
			continued++
		}
	}
	return continued
}

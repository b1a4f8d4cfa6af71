package icsfold

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// A line of 75 octets stays whole; one of 76 takes a second line with one
// octet after the space; the parts after the first hold 74 octets besides
// their space; a UTF-8 sequence that would straddle the limit moves whole to
// the next part; CRLFs between lines and a last line without one are kept.
func TestFold(t *testing.T) {
	a75, a76 := strings.Repeat("a", 75), strings.Repeat("a", 76)
	for _, c := range []struct{ name, in, want string }{
		{"75 octets", a75 + "\r\n", a75 + "\r\n"},
		{"76 octets", a76 + "\r\n", a75 + "\r\n a\r\n"},
		{"75 + 74 + 1", strings.Repeat("b", 150) + "\r\n", strings.Repeat("b", 75) + "\r\n " + strings.Repeat("b", 74) + "\r\n b\r\n"},
		// "ę" is two octets at 74-75: the first part ends after 74.
		{"a sequence at the limit", strings.Repeat("c", 74) + "ęd\r\n", strings.Repeat("c", 74) + "\r\n ęd\r\n"},
		{"two lines, the last without CRLF", "short\r\n" + a76, "short\r\n" + a75 + "\r\n a"},
		{"empty", "", ""},
	} {
		assert.Equal(t, c.want, string(Fold([]byte(c.in))), c.name)
	}
}

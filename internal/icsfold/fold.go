// Package icsfold folds the content lines of an iCalendar stream, for the
// packages of the module that write one.
package icsfold

import (
	"bytes"
	"unicode/utf8"
)

// Limit is the most octets a content line takes, its CRLF excluded.
const Limit = 75

// Fold folds the content lines of an iCalendar stream longer than 75 octets,
// as RFC 5545 (section 3.1) asks: a CRLF and a space before each further
// part, never inside a UTF-8 sequence. A parser joins them back. Lines of 75
// octets or fewer are left as they are.
func Fold(b []byte) []byte {
	out := make([]byte, 0, len(b)+len(b)/Limit*3)
	for len(b) > 0 {
		line, end := b, []byte(nil)
		if i := bytes.Index(b, []byte("\r\n")); i >= 0 {
			line, end, b = b[:i], b[i:i+2], b[i+2:]
		} else {
			b = nil
		}
		for room := Limit; len(line) > room; room = Limit - 1 { // the space counts
			cut := room
			for cut > 0 && !utf8.RuneStart(line[cut]) {
				cut--
			}
			out = append(out, line[:cut]...)
			out = append(out, "\r\n "...)
			line = line[cut:]
		}
		out = append(out, line...)
		out = append(out, end...)
	}
	return out
}

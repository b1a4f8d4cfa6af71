package batchline

import (
	"fmt"
	"unicode/utf16"
	"unicode/utf8"
)

// scanner walks a line that encoding/json's json.Valid has accepted, so it
// never meets a syntax error: it only has to find where each value ends.
type scanner struct {
	b []byte
	i int
}

func (s *scanner) ws() {
	for s.i < len(s.b) {
		switch s.b[s.i] {
		case ' ', '\t', '\n', '\r':
			s.i++
		default:
			return
		}
	}
}

// peek returns the next byte after white space, or 0 at the end.
func (s *scanner) peek() byte {
	s.ws()
	if s.i == len(s.b) {
		return 0
	}
	return s.b[s.i]
}

// next consumes the byte peek returned.
func (s *scanner) next() { s.i++ }

// str consumes a string at s.i (its opening quote) and returns its bytes
// between the quotes, escapes as written, and where they begin in the line.
func (s *scanner) str() ([]byte, int) {
	s.i++ // "
	start := s.i
	for {
		switch s.b[s.i] {
		case '\\':
			s.i += 2
		case '"':
			raw := s.b[start:s.i]
			s.i++
			return raw, start
		default:
			s.i++
		}
	}
}

// skip consumes one value of any kind.
func (s *scanner) skip() {
	switch s.peek() {
	case '"':
		s.str()
	case '{', '[':
		depth := 0
		for {
			switch s.b[s.i] {
			case '"':
				s.str()
				continue
			case '{', '[':
				depth++
			case '}', ']':
				depth--
			}
			s.i++
			if depth == 0 {
				return
			}
		}
	default: // a number, true, false or null
		for s.i < len(s.b) {
			switch s.b[s.i] {
			case ',', '}', ']', ' ', '\t', '\n', '\r':
				return
			}
			s.i++
		}
	}
}

// kindName names the JSON value starting with c, for "want a string, not ...".
func kindName(c byte) string {
	switch c {
	case '"':
		return "a JSON string"
	case '{':
		return "a JSON object"
	case '[':
		return "a JSON array"
	case 't', 'f':
		return "a JSON boolean"
	case 'n':
		return "null"
	}
	return "a JSON number"
}

// badUTF8 says where raw, which begins at offset off of the line, is not
// valid UTF-8; "" if it is.
func badUTF8(raw []byte, off int) string {
	for i := 0; i < len(raw); {
		r, n := utf8.DecodeRune(raw[i:])
		if r == utf8.RuneError && n == 1 {
			return fmt.Sprintf("not valid UTF-8 (byte 0x%02x at offset %d of the line)", raw[i], off+i)
		}
		i += n
	}
	return ""
}

// unescape returns the text of a JSON string's contents raw (valid UTF-8, as
// json.Valid accepted it). Without a backslash it is raw itself; an escaped
// half of a UTF-16 surrogate pair with no other half is an error, where
// encoding/json would silently put U+FFFD in its place.
func unescape(raw []byte) ([]byte, string) {
	i := 0
	for i < len(raw) && raw[i] != '\\' {
		i++
	}
	if i == len(raw) {
		return raw, ""
	}
	out := make([]byte, 0, len(raw))
	out = append(out, raw[:i]...)
	for i < len(raw) {
		c := raw[i]
		if c != '\\' {
			out = append(out, c)
			i++
			continue
		}
		e := raw[i+1]
		i += 2
		switch e {
		case 'b':
			out = append(out, '\b')
		case 'f':
			out = append(out, '\f')
		case 'n':
			out = append(out, '\n')
		case 'r':
			out = append(out, '\r')
		case 't':
			out = append(out, '\t')
		case 'u':
			r := hex4(raw[i:])
			i += 4
			if utf16.IsSurrogate(r) {
				r2 := rune(-1)
				if i+6 <= len(raw) && raw[i] == '\\' && raw[i+1] == 'u' {
					r2 = hex4(raw[i+2:])
				}
				dec := utf16.DecodeRune(r, r2)
				if dec == utf8.RuneError {
					return nil, fmt.Sprintf(`\u%04x is half of a UTF-16 surrogate pair without its other half, not a character`, r)
				}
				r = dec
				i += 6
			}
			out = utf8.AppendRune(out, r)
		default: // " \ /
			out = append(out, e)
		}
	}
	return out, ""
}

// hex4 reads the four hex digits json.Valid has checked.
func hex4(b []byte) rune {
	var r rune
	for _, c := range b[:4] {
		switch {
		case c >= '0' && c <= '9':
			c -= '0'
		case c >= 'a' && c <= 'f':
			c -= 'a' - 10
		default:
			c -= 'A' - 10
		}
		r = r<<4 | rune(c)
	}
	return r
}

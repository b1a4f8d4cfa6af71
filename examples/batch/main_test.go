package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func runBatch(t *testing.T, args []string, in string) (string, string, int) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := run(args, strings.NewReader(in), &out, &errOut)
	return out.String(), errOut.String(), code
}

func decodeLines(t *testing.T, out string) []map[string]any {
	t.Helper()
	var res []map[string]any
	for _, l := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		var m map[string]any
		require.NoError(t, json.Unmarshal([]byte(l), &m), "output line %q", l)
		res = append(res, m)
	}
	return res
}

// Every expected time is worked out by hand from SPEC section 6 and the Polish
// calendar (2026-11-11 Wed and 2026-04-05/06 Easter are holidays).
func TestGoodLines(t *testing.T) {
	cases := []struct {
		name string
		line string
		want map[string]any
	}{
		{"standard after the cutoff on a Friday: Tuesday 18:00; return to the end of the 7th day",
			`{"id":"a","service":"cocare-standard","submitted":"2026-11-13T15:20:00+01:00","confirmed":"2026-11-13T15:20:00+01:00","delivered":"2026-11-17T11:00:00+01:00"}`,
			map[string]any{"id": "a", "response_by": "2026-11-13T16:20:00+01:00", "delivery_by": "2026-11-17T18:00:00+01:00", "return_by": "2026-11-25T00:00:00+01:00"}},
		{"basic is a ship-by level: ship_by only; a confirmation on 11 Nov clamps to Thu 09:00",
			`{"id":"b","service":"cocare-basic","submitted":"2026-11-10T16:30:00+01:00","confirmed":"2026-11-11T10:00:00+01:00"}`,
			map[string]any{"id": "b", "response_by": "2026-11-10T17:30:00+01:00", "ship_by": "2026-11-13T18:00:00+01:00"}},
		{"premier P1 is 24x7x4 across the spring clock change",
			`{"id":"c","service":"cocare-premier","priority":"P1","submitted":"2026-03-29T01:00:00+01:00","confirmed":"2026-03-29T01:30:00+01:00"}`,
			map[string]any{"id": "c", "response_by": "2026-03-29T03:00:00+02:00", "delivery_by": "2026-03-29T06:30:00+02:00"}},
		{"standard onsite has delivery and on-site, the same deadline",
			`{"id":"d","service":"cocare-standard-onsite","submitted":"2026-11-12T09:15:00+01:00","confirmed":"2026-11-12T11:00:00+01:00"}`,
			map[string]any{"id": "d", "response_by": "2026-11-12T10:15:00+01:00", "delivery_by": "2026-11-13T18:00:00+01:00", "onsite_by": "2026-11-13T18:00:00+01:00"}},
		{"sos gives on-site only; 24x7xNBD on a Saturday is due at the end of Monday",
			`{"id":"e","service":"sos-24x7xNBD","submitted":"2026-11-14T10:00:00+01:00","confirmed":"2026-11-14T10:00:00+01:00"}`,
			map[string]any{"id": "e", "response_by": "2026-11-14T11:00:00+01:00", "onsite_by": "2026-11-17T00:00:00+01:00"}},
		{"ahb 24x7xNBD on Holy Saturday skips Easter Sunday and Monday",
			`{"id":"f","service":"ahb-24x7xNBD","submitted":"2026-04-04T18:00:00+02:00","confirmed":"2026-04-04T19:00:00+02:00"}`,
			map[string]any{"id": "f", "response_by": "2026-04-04T19:00:00+02:00", "delivery_by": "2026-04-08T00:00:00+02:00"}},
		{"ahb 8x5x8 carries over to the next day",
			`{"id":"g","service":"ahb-8x5x8","submitted":"2026-11-09T13:00:00+01:00","confirmed":"2026-11-09T13:00:00+01:00"}`,
			map[string]any{"id": "g", "response_by": "2026-11-09T14:00:00+01:00", "delivery_by": "2026-11-10T13:00:00+01:00"}},
		{"input in UTC, output in Warsaw's offset; no confirmation, response only",
			`{"id":"h","service":"sos-8x5xNBD","submitted":"2026-11-20T15:30:00Z"}`,
			map[string]any{"id": "h", "response_by": "2026-11-23T09:30:00+01:00"}},
		{"null fields are absent",
			`{"id":"i","service":"cocare-standard","priority":null,"submitted":"2026-11-16T10:00:00+01:00","confirmed":null,"delivered":null}`,
			map[string]any{"id": "i", "response_by": "2026-11-16T11:00:00+01:00"}},
	}
	for _, c := range cases {
		out, _, code := runBatch(t, nil, c.line+"\n")
		require.Equal(t, 0, code, c.name)
		got := decodeLines(t, out)
		require.Len(t, got, 1, c.name)
		assert.Equal(t, c.want, got[0], c.name)
	}
}

func TestBadLines(t *testing.T) {
	cases := []struct {
		name, line string
		id         any
		mentions   string
	}{
		{"not JSON", `not json`, nil, "not valid JSON"},
		{"not an object", `[1,2]`, nil, "want a JSON object"},
		{"blank", `   `, nil, "blank"},
		{"unknown field", `{"id":"x","service":"cocare-standard","submited":"2026-11-16T10:00:00+01:00"}`, "x", "submited: unknown field"},
		{"id not a string", `{"id":7,"service":"cocare-standard","submitted":"2026-11-16T10:00:00+01:00"}`, nil, "id"},
		{"missing service", `{"id":"x","submitted":"2026-11-16T10:00:00+01:00"}`, "x", "service: required"},
		{"unknown service", `{"id":"x","service":"cocare-gold","submitted":"2026-11-16T10:00:00+01:00"}`, "x", "cocare-gold"},
		{"bad priority", `{"id":"x","service":"cocare-premier","priority":"P5","submitted":"2026-11-16T10:00:00+01:00"}`, "x", "P5"},
		{"missing priority", `{"id":"x","service":"cocare-premier","submitted":"2026-11-16T10:00:00+01:00"}`, "x", "priority"},
		{"missing submitted", `{"id":"x","service":"cocare-standard"}`, "x", "submitted: required"},
		{"time without offset", `{"id":"x","service":"cocare-standard","submitted":"2026-11-16T10:00:00"}`, "x", "2026-11-16T10:00:00"},
		{"confirmation before submission", `{"id":"x","service":"cocare-standard","submitted":"2026-11-16T10:00:00+01:00","confirmed":"2026-11-16T09:59:59+01:00"}`, "x", "confirmed"},
		{"outside the calendar", `{"id":"x","service":"cocare-standard","submitted":"1989-12-31T10:00:00+01:00"}`, "x", "outside the supported range"},
		{"two values on a line", `{"id":"x"} {"id":"y"}`, "x", "more than one"},
		{"a service given as a number", `{"id":"x","service":5,"submitted":"2026-11-16T10:00:00+01:00"}`, "x", "service"},
	}
	for _, c := range cases {
		out, _, code := runBatch(t, nil, c.line+"\n")
		require.Equal(t, 0, code, c.name)
		got := decodeLines(t, out)
		require.Len(t, got, 1, c.name)
		assert.Equal(t, c.id, got[0]["id"], c.name)
		require.Contains(t, got[0], "error", c.name)
		assert.Contains(t, got[0]["error"], c.mentions, c.name)
		for _, k := range []string{"response_by", "ship_by", "delivery_by", "onsite_by", "return_by"} {
			assert.NotContains(t, got[0], k, c.name)
		}
	}
}

func TestMixedInputKeepsCountAndOrder(t *testing.T) {
	in := strings.Join([]string{
		`{"id":"1","service":"cocare-standard","submitted":"2026-11-16T10:00:00+01:00"}`,
		`garbage`,
		``,
		`{"id":"4","service":"nope","submitted":"2026-11-16T10:00:00+01:00"}`,
		`{"id":"5","service":"ahb-8x5xNBD","submitted":"2026-11-16T10:00:00+01:00"}`,
	}, "\r\n") // no final newline: the last line still counts
	out, _, code := runBatch(t, nil, in)
	require.Equal(t, 0, code)
	got := decodeLines(t, out)
	require.Len(t, got, 5)
	ids := []any{"1", nil, nil, "4", "5"}
	for i, m := range got {
		assert.Equal(t, ids[i], m["id"], "line %d", i+1)
	}
	assert.Contains(t, got[0], "response_by")
	assert.Contains(t, got[1], "error")
	assert.Contains(t, got[2], "error")
	assert.Contains(t, got[3], "error")
	assert.Equal(t, "2026-11-16T11:00:00+01:00", got[4]["response_by"])
}

func TestLongLineIsABadLineAndTheRunGoesOn(t *testing.T) {
	long := `{"id":"` + strings.Repeat("x", maxLine+10) + `"}`
	in := long + "\n" + `{"id":"after","service":"cocare-standard","submitted":"2026-11-16T10:00:00+01:00"}` + "\n"
	out, _, code := runBatch(t, nil, in)
	require.Equal(t, 0, code)
	got := decodeLines(t, out)
	require.Len(t, got, 2)
	assert.Contains(t, got[0]["error"], "longer than 1 MiB")
	assert.Equal(t, "after", got[1]["id"])
	assert.Equal(t, "2026-11-16T11:00:00+01:00", got[1]["response_by"])
}

func TestExplain(t *testing.T) {
	out, _, code := runBatch(t, []string{"-explain"},
		`{"id":"a","service":"cocare-standard","submitted":"2026-11-13T15:20:00+01:00","confirmed":"2026-11-13T15:20:00+01:00"}`+"\n")
	require.Equal(t, 0, code)
	got := decodeLines(t, out)
	require.Len(t, got, 1)
	explain, ok := got[0]["explain"].(map[string]any)
	require.True(t, ok, "explain is an object")
	assert.Equal(t, []any{
		"confirmed Fri 13 Nov 2026 15:20, after the 15:00 cutoff: counts from Mon 16 Nov",
		"next business day: Tue 17 Nov",
		"due at the close of the 9x5 window: Tue 17 Nov 2026 18:00",
	}, explain["delivery_by"])
	assert.Contains(t, explain, "response_by")
}

// A byte order mark at the start of the input is skipped (editors on Windows
// write one); anywhere else it is part of a bad line, and the run goes on.
func TestByteOrderMark(t *testing.T) {
	good := `{"id":"a","service":"cocare-standard","submitted":"2026-11-16T10:00:00+01:00"}`
	out, _, code := runBatch(t, nil, "\xef\xbb\xbf"+good+"\n\xef\xbb\xbf"+good+"\n"+good+"\n")
	require.Equal(t, 0, code)
	got := decodeLines(t, out)
	require.Len(t, got, 3)
	assert.Equal(t, map[string]any{"id": "a", "response_by": "2026-11-16T11:00:00+01:00"}, got[0], "skipped at the start")
	assert.Contains(t, got[1]["error"], "byte order mark", "not skipped on the second line")
	assert.Equal(t, map[string]any{"id": "a", "response_by": "2026-11-16T11:00:00+01:00"}, got[2])

	out, _, code = runBatch(t, nil, "\xef\xbb\xbf")
	require.Equal(t, 0, code)
	got = decodeLines(t, out)
	require.Len(t, got, 1, "an input of a byte order mark alone is one blank line")
	assert.Contains(t, got[0]["error"], "blank")
}

// Invalid UTF-8 is named, never replaced by U+FFFD: the line is an error, and
// the output stays valid UTF-8 and valid JSON.
func TestInvalidUTF8(t *testing.T) {
	in := "{\"id\":\"a\",\"service\":\"cocare-standard\",\"submitted\":\"2026-11-16T10:00:00+01:00\",\"note\xff\":1}\n" +
		"{\"id\":\"\xc3(\",\"service\":\"cocare-standard\",\"submitted\":\"2026-11-16T10:00:00+01:00\"}\n" +
		"\xff\n"
	out, _, code := runBatch(t, nil, in)
	require.Equal(t, 0, code)
	assert.True(t, utf8.ValidString(out), "the output is valid UTF-8")
	got := decodeLines(t, out)
	require.Len(t, got, 3)
	assert.Equal(t, "a", got[0]["id"])
	assert.Contains(t, got[0]["error"], "line: a key: not valid UTF-8 (byte 0xff at offset 83 of the line)")
	assert.Nil(t, got[1]["id"], "an id that is not valid UTF-8 is not copied")
	assert.Contains(t, got[1]["error"], "id: not valid UTF-8 (byte 0xc3 at offset 7 of the line)")
	assert.Contains(t, got[2]["error"], "not valid JSON")
}

type failingReader struct{}

func (failingReader) Read([]byte) (int, error) { return 0, errors.New("disk on fire") }

func TestExitCodes(t *testing.T) {
	var out, errOut bytes.Buffer
	assert.Equal(t, 1, run(nil, failingReader{}, &out, &errOut), "unreadable input")
	assert.Contains(t, errOut.String(), "disk on fire")
	_, _, code := runBatch(t, []string{"-bogus"}, "")
	assert.Equal(t, 2, code, "unknown flag")
	_, _, code = runBatch(t, []string{"file.jsonl"}, "")
	assert.Equal(t, 2, code, "a file argument")
	out2, _, code := runBatch(t, nil, "")
	assert.Equal(t, 0, code, "empty input")
	assert.Empty(t, out2)
}

// FuzzBatch: whatever the input, the program never panics and writes exactly one
// valid JSON object per input line, each with an id and either an error or a
// response deadline.
func FuzzBatch(f *testing.F) {
	for _, s := range []string{
		`{"id":"1","service":"cocare-standard","submitted":"2026-11-16T10:00:00+01:00","confirmed":"2026-11-16T15:00:00+01:00"}`,
		`{"id":"2","service":"cocare-premier","priority":"p1","submitted":"2026-03-29T01:00:00+01:00","confirmed":"2026-03-29T01:30:00+01:00","delivered":"2026-03-29T05:00:00+02:00"}`,
		"garbage\n\n{}\r\n[]",
		`{"id":"\u2028\"","service":"sos-24x7x4","submitted":"2200-12-31T23:00:00+01:00"}`,
		`{"id":null,"service":"ahb-8x5xNBD-S","submitted":"2026-11-16T10:00:00Z"}` + "\n",
		"\xef\xbb\xbf" + `{"id":"h","service":"cocare-premier","priority":"P3","submitted":"2026-11-16T09:30:00+01:00","confirmed":"2026-11-16T10:00:00+01:00","holds":[{"from":"2026-11-16T11:00:00+01:00","to":"2026-11-16T12:00:00+01:00"}],"priority_changes":[{"at":"2026-11-16T12:00:00+01:00","priority":"P1"}]}`,
		"null\n{\"id\":\"\xff\"}\n\xef\xbb\xbf{}",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		var out, errOut bytes.Buffer
		code := run([]string{"-explain"}, bytes.NewReader(in), &out, &errOut)
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errOut.String())
		}
		want := bytes.Count(in, []byte("\n"))
		if len(in) > 0 && in[len(in)-1] != '\n' {
			want++
		}
		lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
		if out.Len() == 0 {
			lines = nil
		}
		if len(lines) != want {
			t.Fatalf("%d output lines for %d input lines", len(lines), want)
		}
		for _, l := range lines {
			var m map[string]json.RawMessage
			if err := json.Unmarshal([]byte(l), &m); err != nil {
				t.Fatalf("output line %q is not a JSON object: %v", l, err)
			}
			_, hasID := m["id"]
			_, hasErr := m["error"]
			_, hasResp := m["response_by"]
			if !hasID || hasErr == hasResp {
				t.Fatalf("output line %q: want an id and either error or response_by", l)
			}
		}
	})
}

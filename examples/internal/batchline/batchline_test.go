package batchline_test

import (
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/slaclock/slaclock/examples/internal/batchline"
	"github.com/slaclock/slaclock/sla"
)

func answer(t *testing.T, line string) string {
	t.Helper()
	out := batchline.New(sla.Default(), false).Line(nil, []byte(line))
	require.True(t, strings.HasSuffix(string(out), "}\n"), "one line ending in \\n: %q", out)
	require.Equal(t, 1, strings.Count(string(out), "\n"), "one line: %q", out)
	require.True(t, json.Valid(out), "valid JSON: %q", out)
	return strings.TrimSuffix(string(out), "\n")
}

// Mon 16 Nov 2026, Tue 17 and Wed 18 are business days (11 Nov, the last
// holiday before them, is the Wednesday before); 9x5 is 09:00-18:00.
const (
	mon0930 = `"2026-11-16T09:30:00+01:00"`
	mon1000 = `"2026-11-16T10:00:00+01:00"`
)

// The examples of the rules on holds and on priority changes, through the
// batch format; every instant worked out by hand.
func TestHoldsAndChangesExamples(t *testing.T) {
	cases := []struct {
		name, line, want string
	}{
		{"holds: 9x5xNBD due Tue 18:00, on hold Mon 14:00 to Tue 11:00: the 13 h left run 7 h on Tuesday and 6 h on Wednesday",
			`{"id":"h1","service":"cocare-standard","submitted":` + mon0930 + `,"confirmed":` + mon1000 + `,"holds":[{"from":"2026-11-16T14:00:00+01:00","to":"2026-11-17T11:00:00+01:00"}]}`,
			`{"id":"h1","response_by":"2026-11-16T10:30:00+01:00","delivery_by":"2026-11-18T15:00:00+01:00"}`},
		{"holds: 24x7x4 due 14:00, on hold 11:00-12:30: due 15:30; the response clock (10:30) never stops",
			`{"id":"h2","service":"cocare-premier","priority":"P1","submitted":` + mon0930 + `,"confirmed":` + mon1000 + `,"holds":[{"from":"2026-11-16T11:00:00+01:00","to":"2026-11-16T12:30:00+01:00"}]}`,
			`{"id":"h2","response_by":"2026-11-16T10:30:00+01:00","delivery_by":"2026-11-16T15:30:00+01:00"}`},
		{"holds: 09:40 to 10:30 around a 10:00 confirmation stops 24x7x4 for 30 minutes: 14:30",
			`{"id":"h3","service":"cocare-premier","priority":"P1","submitted":` + mon0930 + `,"confirmed":` + mon1000 + `,"holds":[{"from":"2026-11-16T09:40:00+01:00","to":"2026-11-16T10:30:00+01:00"}]}`,
			`{"id":"h3","response_by":"2026-11-16T10:30:00+01:00","delivery_by":"2026-11-16T14:30:00+01:00"}`},
		{"holds: the same hold stops 9x5xNBD for 30 minutes of the window: the 17 h left from Mon 10:30 end Wed 09:30",
			`{"id":"h4","service":"cocare-standard","submitted":` + mon0930 + `,"confirmed":` + mon1000 + `,"holds":[{"from":"2026-11-16T09:40:00+01:00","to":"2026-11-16T10:30:00+01:00"}]}`,
			`{"id":"h4","response_by":"2026-11-16T10:30:00+01:00","delivery_by":"2026-11-18T09:30:00+01:00"}`},
		{"holds: a delivery before the hold meets the deadline as it was; the return is due at the end of Mon 23 Nov",
			`{"id":"h5","service":"cocare-standard","submitted":` + mon0930 + `,"confirmed":` + mon1000 + `,"delivered":"2026-11-16T12:00:00+01:00","holds":[{"from":"2026-11-16T14:00:00+01:00","to":"2026-11-17T11:00:00+01:00"}]}`,
			`{"id":"h5","response_by":"2026-11-16T10:30:00+01:00","delivery_by":"2026-11-17T18:00:00+01:00","return_by":"2026-11-24T00:00:00+01:00"}`},
		{"holds: two in time order: 24x7x4 due 14:00 stopped 11:00-11:30 and 12:00-13:00 is due 15:30",
			`{"id":"h6","service":"cocare-premier","priority":"P2","submitted":` + mon0930 + `,"confirmed":` + mon1000 + `,"holds":[{"from":"2026-11-16T11:00:00+01:00","to":"2026-11-16T11:30:00+01:00"},{"from":"2026-11-16T12:00:00+01:00","to":"2026-11-16T13:00:00+01:00"}]}`,
			`{"id":"h6","response_by":"2026-11-16T10:30:00+01:00","delivery_by":"2026-11-16T15:30:00+01:00"}`},
		{"changes: P3 (9x5xNBD, due Tue 18:00) raised to P1 at Mon 13:00: 13:00 + 4 h is earlier, Mon 17:00",
			`{"id":"c1","service":"cocare-premier","priority":"P3","submitted":` + mon1000 + `,"confirmed":` + mon1000 + `,"priority_changes":[{"at":"2026-11-16T13:00:00+01:00","priority":"P1"}]}`,
			`{"id":"c1","response_by":"2026-11-16T11:00:00+01:00","delivery_by":"2026-11-16T17:00:00+01:00"}`},
		{"changes: raised at Tue 16:00, 16:00 + 4 h is later than Tue 18:00, which stays",
			`{"id":"c2","service":"cocare-premier","priority":"P3","submitted":` + mon1000 + `,"confirmed":` + mon1000 + `,"priority_changes":[{"at":"2026-11-17T16:00:00+01:00","priority":"P1"}]}`,
			`{"id":"c2","response_by":"2026-11-16T11:00:00+01:00","delivery_by":"2026-11-17T18:00:00+01:00"}`},
		{"changes: P1 (24x7x4, due Mon 14:00) lowered to P3 at Mon 12:00: 9x5xNBD from the confirmation, Tue 18:00",
			`{"id":"c3","service":"cocare-premier","priority":"P1","submitted":` + mon1000 + `,"confirmed":` + mon1000 + `,"priority_changes":[{"at":"2026-11-16T12:00:00+01:00","priority":"P3"}]}`,
			`{"id":"c3","response_by":"2026-11-16T11:00:00+01:00","delivery_by":"2026-11-17T18:00:00+01:00"}`},
		{"changes: lowered at Mon 15:00, after the deadline: Mon 14:00 stays",
			`{"id":"c4","service":"cocare-premier","priority":"P1","submitted":` + mon1000 + `,"confirmed":` + mon1000 + `,"priority_changes":[{"at":"2026-11-16T15:00:00+01:00","priority":"P3"}]}`,
			`{"id":"c4","response_by":"2026-11-16T11:00:00+01:00","delivery_by":"2026-11-16T14:00:00+01:00"}`},
		{"changes: a change to P2 from P1 keeps the level: nothing moves",
			`{"id":"c5","service":"cocare-premier","priority":"P1","submitted":` + mon1000 + `,"confirmed":` + mon1000 + `,"priority_changes":[{"at":"2026-11-16T12:00:00+01:00","priority":"P2"}]}`,
			`{"id":"c5","response_by":"2026-11-16T11:00:00+01:00","delivery_by":"2026-11-16T14:00:00+01:00"}`},
		{"both: P3 due Tue 18:00, on hold 11:00-12:00 (16 h left run from 12:00 to Wed 10:00), raised to P1 at the hold's end: 12:00 + 4 h",
			`{"id":"b1","service":"cocare-premier","priority":"P3","submitted":` + mon0930 + `,"confirmed":` + mon1000 + `,"delivered":"2026-11-16T15:00:00+01:00","holds":[{"from":"2026-11-16T11:00:00+01:00","to":"2026-11-16T12:00:00+01:00"}],"priority_changes":[{"at":"2026-11-16T12:00:00+01:00","priority":"P1"}]}`,
			`{"id":"b1","response_by":"2026-11-16T10:30:00+01:00","delivery_by":"2026-11-16T16:00:00+01:00","return_by":"2026-11-24T00:00:00+01:00"}`},
		{"both: a change at a hold's start applies before it: P1 from 11:00 is due 15:00, then the 4 h left at 11:00 run from 12:00",
			`{"id":"b2","service":"cocare-premier","priority":"P3","submitted":` + mon0930 + `,"confirmed":` + mon1000 + `,"holds":[{"from":"2026-11-16T11:00:00+01:00","to":"2026-11-16T12:00:00+01:00"}],"priority_changes":[{"at":"2026-11-16T11:00:00+01:00","priority":"P1"}]}`,
			`{"id":"b2","response_by":"2026-11-16T10:30:00+01:00","delivery_by":"2026-11-16T16:00:00+01:00"}`},
		{"null lists are absent, like null fields",
			`{"id":"n1","service":"cocare-standard","submitted":` + mon1000 + `,"holds":null,"priority_changes":null,"confirmed":null}`,
			`{"id":"n1","response_by":"2026-11-16T11:00:00+01:00"}`},
		{"empty lists change nothing",
			`{"id":"n2","service":"cocare-standard","submitted":` + mon1000 + `,"confirmed":` + mon1000 + `,"holds":[],"priority_changes":[]}`,
			`{"id":"n2","response_by":"2026-11-16T11:00:00+01:00","delivery_by":"2026-11-17T18:00:00+01:00"}`},
		{"a key given twice counts with its last value, lists too",
			`{"id":"d1","service":"cocare-gold","service":"cocare-standard","submitted":` + mon1000 + `,"confirmed":` + mon1000 + `,"holds":[{"from":"x"}],"holds":[]}`,
			`{"id":"d1","response_by":"2026-11-16T11:00:00+01:00","delivery_by":"2026-11-17T18:00:00+01:00"}`},
		{"escapes are read and the id written back as text; white space around the object is allowed",
			` {"id":"\u00e9\ud83d\ude00\"\\\/","service":"cocare-standard","submitted":` + mon1000 + "}\r\n",
			`{"id":"é😀\"\\/","response_by":"2026-11-16T11:00:00+01:00"}`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			assert.Equal(t, c.want, answer(t, c.line))
		})
	}
}

// Every refusal names the field in this format's names and says why; none
// gives a deadline.
func TestRefusals(t *testing.T) {
	const req = `"id":"x","service":"cocare-premier","priority":"P3","submitted":` + mon0930 + `,"confirmed":` + mon1000
	cases := []struct {
		name, line string
		id         any
		mentions   []string
	}{
		{"a hold without an end: this format takes holds that have ended",
			`{` + req + `,"holds":[{"from":"2026-11-16T11:00:00+01:00"}]}`, "x",
			[]string{"holds[0].to: required"}},
		{"a hold whose end is null is a hold without an end",
			`{` + req + `,"holds":[{"from":"2026-11-16T11:00:00+01:00","to":null}]}`, "x",
			[]string{"holds[0].to: required"}},
		{"a hold without a start",
			`{` + req + `,"holds":[{"to":"2026-11-16T11:00:00+01:00"}]}`, "x",
			[]string{"holds[0].from: required"}},
		{"holds that overlap: the second begins before the first ends",
			`{` + req + `,"holds":[{"from":"2026-11-16T11:00:00+01:00","to":"2026-11-16T13:00:00+01:00"},{"from":"2026-11-16T12:00:00+01:00","to":"2026-11-16T14:00:00+01:00"}]}`, "x",
			[]string{"holds[1].from 2026-11-16T12:00:00+01:00: is before the end of holds[0]"}},
		{"a hold that ends before it begins",
			`{` + req + `,"holds":[{"from":"2026-11-16T13:00:00+01:00","to":"2026-11-16T12:00:00+01:00"}]}`, "x",
			[]string{"holds[0].to 2026-11-16T12:00:00+01:00: is before the hold's from"}},
		{"a hold before the submission",
			`{` + req + `,"holds":[{"from":"2026-11-16T09:00:00+01:00","to":"2026-11-16T12:00:00+01:00"}]}`, "x",
			[]string{"holds[0].from 2026-11-16T09:00:00+01:00: is before submitted"}},
		{"a delivery inside a hold",
			`{` + req + `,"delivered":"2026-11-16T11:30:00+01:00","holds":[{"from":"2026-11-16T11:00:00+01:00","to":"2026-11-16T12:00:00+01:00"}]}`, "x",
			[]string{"delivered 2026-11-16T11:30:00+01:00: is inside holds[0]"}},
		{"a delivery at a hold's start is inside it ([from, to))",
			`{` + req + `,"delivered":"2026-11-16T11:00:00+01:00","holds":[{"from":"2026-11-16T11:00:00+01:00","to":"2026-11-16T12:00:00+01:00"}]}`, "x",
			[]string{"delivered 2026-11-16T11:00:00+01:00: is inside holds[0]"}},
		{"changes out of order, named priority_changes as in the line, not sla's changes",
			`{` + req + `,"priority_changes":[{"at":"2026-11-16T12:00:00+01:00","priority":"P1"},{"at":"2026-11-16T11:00:00+01:00","priority":"P3"}]}`, "x",
			[]string{"priority_changes[1].at 2026-11-16T11:00:00+01:00: is before priority_changes[0] at 2026-11-16T12:00:00+01:00"}},
		{"a change strictly inside a hold",
			`{` + req + `,"holds":[{"from":"2026-11-16T11:00:00+01:00","to":"2026-11-16T12:00:00+01:00"}],"priority_changes":[{"at":"2026-11-16T11:30:00+01:00","priority":"P1"}]}`, "x",
			[]string{"priority_changes[0].at 2026-11-16T11:30:00+01:00: is inside holds[0]"}},
		{"a change before the submission",
			`{` + req + `,"priority_changes":[{"at":"2026-11-16T09:00:00+01:00","priority":"P1"}]}`, "x",
			[]string{"priority_changes[0].at 2026-11-16T09:00:00+01:00: is before submitted"}},
		{"a change to an unknown priority",
			`{` + req + `,"priority_changes":[{"at":"2026-11-16T11:00:00+01:00","priority":"P7"}]}`, "x",
			[]string{"priority_changes[0].priority: ", `"P7"`}},
		{"a change without its instant or its priority",
			`{` + req + `,"priority_changes":[{},{"at":null,"priority":null}]}`, "x",
			[]string{"priority_changes[0].at: required", "priority_changes[0].priority: required", "priority_changes[1].at: required", "priority_changes[1].priority: required"}},
		{"a hold's time that does not parse or has no offset",
			`{` + req + `,"holds":[{"from":"2026-11-16 11:00","to":"2026-11-16T12:00:00"}]}`, "x",
			[]string{`holds[0].from: "2026-11-16 11:00" is not an RFC 3339 time`, `holds[0].to: "2026-11-16T12:00:00" is not an RFC 3339 time`}},
		{"a hold's time outside the calendar",
			`{` + req + `,"holds":[{"from":"2026-11-16T11:00:00+01:00","to":"2201-01-02T00:00:00+01:00"}]}`, "x",
			[]string{"holds[0].to", "outside the supported range"}},
		{"holds not a list",
			`{` + req + `,"holds":{"from":"2026-11-16T11:00:00+01:00","to":"2026-11-16T12:00:00+01:00"}}`, "x",
			[]string{`holds: want a list of {"from","to"}, not a JSON object`}},
		{"a hold that is null or not an object",
			`{` + req + `,"holds":[null,"2026-11-16T11:00:00+01:00"]}`, "x",
			[]string{`holds[0]: want an object {"from","to"}, not null`, `holds[1]: want an object {"from","to"}, not a JSON string`}},
		{"an unknown field in a hold and in a change",
			`{` + req + `,"holds":[{"from":"2026-11-16T11:00:00+01:00","until":"2026-11-16T12:00:00+01:00"}],"priority_changes":[{"when":"2026-11-16T13:00:00+01:00","priority":"P1"}]}`, "x",
			[]string{"holds[0].until: unknown field (want from, to)", "holds[0].to: required", "priority_changes[0].when: unknown field (want at, priority)", "priority_changes[0].at: required"}},
		{"a hold's time given as a number",
			`{` + req + `,"holds":[{"from":1763283600,"to":"2026-11-16T12:00:00+01:00"}]}`, "x",
			[]string{"holds[0].from: want a string, not a JSON number"}},
		{"more holds than a request takes",
			`{` + req + `,"holds":[` + strings.Repeat(`{"from":"2026-11-16T11:00:00+01:00","to":"2026-11-16T11:00:00+01:00"},`, batchline.MaxHolds) + `{}]}`, "x",
			[]string{"holds: 101 holds, at most 100"}},
		{"an unknown field, and every other problem of the line too",
			`{"id":"y","service":"cocare-gold","submited":"2026-11-16T10:00:00+01:00","holds":[{"from":"bad"}],"priority_changes":"P1","Confirmed":"2026-11-16T10:00:00+01:00"}`, "y",
			[]string{"submited: unknown field", "Confirmed: unknown field", `holds[0].from: "bad" is not an RFC 3339 time`, "holds[0].to: required",
				`priority_changes: want a list of {"at","priority"}, not a JSON string`, `service: invalid service "cocare-gold"`, "submitted: required"}},
		{"an unknown field beside a request read whole: what the calculator finds wrong is reported too",
			`{` + req + `,"note":"customer away","delivered":"2026-11-16T11:30:00+01:00","holds":[{"from":"2026-11-16T11:00:00+01:00","to":"2026-11-16T12:00:00+01:00","why":"closed"}],"priority_changes":[{"at":"2026-11-16T11:10:00+01:00","priority":"P1"}]}`, "x",
			[]string{"note: unknown field", "holds[0].why: unknown field", "delivered 2026-11-16T11:30:00+01:00: is inside holds[0]",
				"priority_changes[0].at 2026-11-16T11:10:00+01:00: is inside holds[0]"}},
		{"null is not an object", `null`, nil, []string{"line: want a JSON object, not null"}},
		{"an array is not an object", `[{"id":"x"}]`, nil, []string{"line: want a JSON object, not a JSON array"}},
		{"invalid UTF-8 in the id is named, and the id cannot be read",
			"{\"id\":\"x\xff\",\"service\":\"cocare-standard\",\"submitted\":" + mon1000 + "}", nil,
			[]string{"id: not valid UTF-8 (byte 0xff at offset 8 of the line)"}},
		{"invalid UTF-8 in a value is named with its field, never replaced",
			"{\"id\":\"x\",\"service\":\"cocare-standard\xc3\",\"submitted\":" + mon1000 + "}", "x",
			[]string{"service: not valid UTF-8 (byte 0xc3 at offset 36 of the line)"}},
		{"invalid UTF-8 in a key",
			"{\"id\":\"x\",\"servic\xe9\":\"cocare-standard\",\"submitted\":" + mon1000 + "}", "x",
			[]string{"line: a key: not valid UTF-8 (byte 0xe9 at offset 17 of the line)", "service: required"}},
		{"invalid UTF-8 inside a value refused for its type is still named",
			"{\"id\":\"x\",\"service\":[\"\xff\"],\"submitted\":" + mon1000 + "}", "x",
			[]string{"service: want a string, not a JSON array", "line: not valid UTF-8 (byte 0xff at offset 22 of the line)"}},
		{"an escaped half of a surrogate pair is not a character (encoding/json would put U+FFFD there)",
			`{"id":"x","service":"cocare-standard\ud800","submitted":` + mon1000 + `}`, "x",
			[]string{`service: \ud800 is half of a UTF-16 surrogate pair`}},
		{"a byte order mark inside an input is a bad line",
			"\xef\xbb\xbf{\"id\":\"x\"}", nil, []string{"byte order mark"}},
		{"keys are matched exactly",
			`{"id":"x","Service":"cocare-standard","submitted":` + mon1000 + `}`, "x",
			[]string{"Service: unknown field", "service: required"}},
		{"not JSON", `{"id":"x",}`, nil, []string{"line: not valid JSON"}},
		{"cut short", `{"id":"x"`, nil, []string{"line: not valid JSON"}},
		{"two values on a line", `{"id":"x"} {"id":"y"}`, "x", []string{"line: more than one JSON value"}},
		{"blank", " \t ", nil, []string{"line: blank"}},
		{"longer than MaxLine", `{"id":"` + strings.Repeat("x", batchline.MaxLine) + `"}`, nil, []string{"line: longer than 1 MiB"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var got map[string]any
			require.NoError(t, json.Unmarshal([]byte(answer(t, c.line)), &got))
			assert.Equal(t, c.id, got["id"])
			require.Contains(t, got, "error")
			assert.Len(t, got, 2, "an id and an error, no deadline")
			msg, _ := got["error"].(string)
			for _, m := range c.mentions {
				assert.Contains(t, msg, m)
			}
			assert.NotContains(t, msg, "sla:", "no package prefix")
			assert.NotRegexp(t, `(^|[^_])changes\[`, msg, "sla's changes[i] is called priority_changes[i] here")
		})
	}
}

// With explain, each deadline's steps come as their texts; the hold and the
// change are among them.
func TestExplain(t *testing.T) {
	line := `{"id":"b1","service":"cocare-premier","priority":"P3","submitted":` + mon0930 + `,"confirmed":` + mon1000 + `,"holds":[{"from":"2026-11-16T11:00:00+01:00","to":"2026-11-16T12:00:00+01:00"}],"priority_changes":[{"at":"2026-11-16T12:00:00+01:00","priority":"P1"}]}`
	out := batchline.New(sla.Default(), true).Line(nil, []byte(line))
	var got struct {
		ID         string              `json:"id"`
		DeliveryBy string              `json:"delivery_by"`
		Explain    map[string][]string `json:"explain"`
	}
	require.NoError(t, json.Unmarshal(out, &got))
	assert.Equal(t, "2026-11-16T16:00:00+01:00", got.DeliveryBy)
	require.Contains(t, got.Explain, "response_by")
	steps := strings.Join(got.Explain["delivery_by"], "\n")
	assert.Contains(t, steps, "on hold from Mon 16 Nov 2026 11:00 to Mon 16 Nov 2026 12:00")
	assert.Contains(t, steps, "priority raised to P1 at Mon 16 Nov 2026 12:00")
	assert.Equal(t, "due Mon 16 Nov 2026 16:00", got.Explain["delivery_by"][len(got.Explain["delivery_by"])-1])
}

// A Processor keeps nothing of one line in the next: a bad line between two
// good ones changes neither, and dst is appended to.
func TestLinesAreIndependent(t *testing.T) {
	p := batchline.New(sla.Default(), false)
	good := `{"id":"g","service":"cocare-premier","priority":"P1","submitted":` + mon1000 + `,"confirmed":` + mon1000 + `,"holds":[{"from":"2026-11-16T11:00:00+01:00","to":"2026-11-16T12:30:00+01:00"}]}`
	bad := `{"id":"b","service":"cocare-premier","priority":"P3","submitted":` + mon1000 + `,"holds":[{"from":"x"},{"from":"y"}],"priority_changes":[{"at":"z"}]}`
	plain := `{"id":"p","service":"cocare-premier","priority":"P1","submitted":` + mon1000 + `,"confirmed":` + mon1000 + `}`
	b := p.Line([]byte("before\n"), []byte(good))
	b = p.Line(b, []byte(bad))
	b = p.Line(b, []byte(plain))
	lines := strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")
	require.Len(t, lines, 4)
	assert.Equal(t, "before", lines[0])
	assert.Equal(t, `{"id":"g","response_by":"2026-11-16T11:00:00+01:00","delivery_by":"2026-11-16T15:30:00+01:00"}`, lines[1])
	assert.Contains(t, lines[2], `"error"`)
	assert.Equal(t, `{"id":"p","response_by":"2026-11-16T11:00:00+01:00","delivery_by":"2026-11-16T14:00:00+01:00"}`, lines[3],
		"the earlier lines' holds do not leak into this one")
}

func TestTrimBOM(t *testing.T) {
	assert.Equal(t, "{}", string(batchline.TrimBOM([]byte("\xef\xbb\xbf{}"))))
	assert.Equal(t, "{}", string(batchline.TrimBOM([]byte("{}"))))
	assert.Equal(t, "\xef\xbb\xbf{}", string(batchline.TrimBOM([]byte("\xef\xbb\xbf\xef\xbb\xbf{}"))), "one mark only")
}

// FuzzLine: whatever the line, one valid JSON line comes out, with an id and
// either an error or a response deadline; a line encoding/json rejects is an
// error, and invalid UTF-8 is never answered with deadlines.
func FuzzLine(f *testing.F) {
	for _, s := range []string{
		`{"id":"b1","service":"cocare-premier","priority":"P3","submitted":"2026-11-16T09:30:00+01:00","confirmed":"2026-11-16T10:00:00+01:00","holds":[{"from":"2026-11-16T11:00:00+01:00","to":"2026-11-16T12:00:00+01:00"}],"priority_changes":[{"at":"2026-11-16T12:00:00+01:00","priority":"P1"}]}`,
		`{"id":"\ud83d\ude00","service":"cocare-standard","submitted":"2026-11-16T09:30:00+01:00","holds":[null,{"a":[{"b":"}"}]}]}`,
		"{\"id\":\"\xff\"}", `null`, `[]`, `{"id":1}`, "\xef\xbb\xbf{}",
	} {
		f.Add([]byte(s))
	}
	p := batchline.New(sla.Default(), true)
	f.Fuzz(func(t *testing.T, line []byte) {
		out := p.Line(nil, line)
		if len(out) == 0 || out[len(out)-1] != '\n' || strings.Count(string(out), "\n") != 1 {
			t.Fatalf("not one line: %q", out)
		}
		var m map[string]json.RawMessage
		if err := json.Unmarshal(out, &m); err != nil {
			t.Fatalf("output %q is not a JSON object: %v", out, err)
		}
		_, hasID := m["id"]
		_, hasErr := m["error"]
		_, hasResp := m["response_by"]
		if !hasID || hasErr == hasResp {
			t.Fatalf("output %q: want an id and either error or response_by", out)
		}
		if !hasErr && (!json.Valid(line) || !utf8.Valid(line)) {
			t.Fatalf("deadlines for a line that is not valid JSON in UTF-8: %q -> %q", line, out)
		}
		// Against encoding/json, which reads keys exactly into a map, the
		// last of a repeated key winning: the same id, and deadlines only
		// for a line with no other key than the format's.
		var obj map[string]json.RawMessage
		if !utf8.Valid(line) || json.Unmarshal(line, &obj) != nil || obj == nil {
			return
		}
		var want, got *string
		if raw, ok := obj["id"]; ok && len(raw) > 0 && raw[0] == '"' {
			require.NoError(t, json.Unmarshal(raw, &want))
		}
		_ = json.Unmarshal(m["id"], &got)
		switch {
		case got != nil && (want == nil || *got != *want):
			t.Fatalf("id %q, encoding/json reads %v: %q", *got, want, line)
		case got == nil && want != nil && !strings.ContainsRune(*want, utf8.RuneError):
			t.Fatalf("id lost, encoding/json reads %q: %q -> %q", *want, line, out)
		}
		if !hasErr {
			for k := range obj {
				if !strings.Contains(" id service priority submitted confirmed delivered holds priority_changes ", " "+k+" ") {
					t.Fatalf("deadlines for a line with the key %q: %q", k, line)
				}
			}
		}
	})
}

// A value of the wrong JSON type is named with its value where it is a short
// number or boolean, and is not reported as missing as well.
func TestWrongTypeNamesTheValue(t *testing.T) {
	for _, c := range []struct{ line, want string }{
		{`{"id":"a","service":"cocare-standard","submitted":12345}`,
			`{"id":"a","error":"submitted: want a string, not a JSON number (12345)"}`},
		{`{"id":"b","service":true,"submitted":` + mon1000 + `}`,
			`{"id":"b","error":"service: want a string, not a JSON boolean (true)"}`},
		{`{"id":"c","service":{"x":1},"submitted":` + mon1000 + `}`,
			`{"id":"c","error":"service: want a string, not a JSON object"}`},
		{`{"id":"d","service":"cocare-standard","submitted":` + mon1000 + `,"holds":[{"from":-1.5e3,"to":false}]}`,
			`{"id":"d","error":"holds[0].from: want a string, not a JSON number (-1.5e3); holds[0].to: want a string, not a JSON boolean (false)"}`},
		{`{"id":"e","service":"cocare-premier","priority":"P3","submitted":` + mon1000 + `,"priority_changes":[{"at":7,"priority":1}]}`,
			`{"id":"e","error":"priority_changes[0].at: want a string, not a JSON number (7); priority_changes[0].priority: want a string, not a JSON number (1)"}`},
	} {
		assert.Equal(t, c.want, answer(t, c.line))
	}
}

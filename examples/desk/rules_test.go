package main

import (
	"bytes"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/slaclock/slaclock/contract"
)

// rulesRegistry adds to testRegistry a contract at the end of the calendar.
const rulesRegistry = `{"contracts": [
  {"number": "T-1", "services": ["cocare-premier"], "start": "2026-01-01", "end": "2026-12-31",
   "devices": [{"serial": "P-1"}, {"serial": "P-2"}]},
  {"number": "T-4", "services": ["sos-24x7xNBD"], "start": "2200-01-01", "end": "2200-12-31",
   "devices": [{"serial": "Z-1"}]}
]}`

// replay makes the report of events on rulesRegistry at now (the default when
// empty).
func replay(t *testing.T, events, now string) *report {
	t.Helper()
	reg, err := contract.Load(strings.NewReader(rulesRegistry), nil)
	require.NoError(t, err)
	var at time.Time
	if now != "" {
		at, err = parseNow(now)
		require.NoError(t, err)
	}
	r, err := makeReport(reg, strings.NewReader(events), at)
	require.NoError(t, err)
	return r
}

// findRow finds the open row of serial; it fails the test when there is none.
func findRow(t *testing.T, r *report, serial string) openRow {
	t.Helper()
	for _, o := range r.Open {
		if o.Request.Device().Serial == serial {
			return o
		}
	}
	t.Fatalf("no open row for %s: %+v", serial, r.Open)
	return openRow{}
}

func TestDeskRules(t *testing.T) {
	const head = "contract,serial,priority,event,time\n"
	t.Run("an event in 2201 is a rejected line, the report is at the latest applied event", func(t *testing.T) {
		r := replay(t, head+
			"T-1,P-1,P3,submitted,2026-11-16T09:00:00+01:00\n"+
			"T-1,P-1,P3,confirmed,2026-11-16T10:00:00+01:00\n"+
			"T-1,P-2,P3,submitted,2201-01-02T10:00:00+01:00\n", "")
		assert.Equal(t, time.Date(2026, 11, 16, 9, 0, 0, 0, time.UTC), r.Now.UTC(), "Mon 16 Nov 10:00 CET")
		require.Len(t, r.Rejected, 1)
		assert.Equal(t, 4, r.Rejected[0].Line)
		assert.Equal(t, 1, r.NOpen)
		// 9x5xNBD confirmed Mon 10:00, before the 15:00 cutoff: due Tue 18:00.
		assert.Equal(t, "Tue 17 Nov 18:00", fmtTime(findRow(t, r, "P-1").Next.Deadline.Due))
	})
	t.Run("a deadline at 2200-12-31 24:00 is reported; an event whose return falls in 2201 is rejected", func(t *testing.T) {
		r := replay(t, head+
			"T-4,Z-1,,submitted,2200-12-30T10:00:00+01:00\n"+
			"T-4,Z-1,,responded,2200-12-30T10:10:00+01:00\n"+
			"T-4,Z-1,,confirmed,2200-12-30T11:00:00+01:00\n"+
			// On site Wed 31 Dec: the part is due back seven days later, in 2201.
			"T-4,Z-1,,onsite,2200-12-31T12:00:00+01:00\n", "")
		require.Len(t, r.Rejected, 1, "%+v", r.Rejected)
		assert.Equal(t, 5, r.Rejected[0].Line)
		assert.Equal(t, time.Date(2200, 12, 30, 10, 0, 0, 0, time.UTC), r.Now.UTC(), "the confirmation, Tue 30 Dec 11:00 CET")
		// 24x7xNBD confirmed Tue 30 Dec: the next business day, Wed 31 Dec, at its end.
		row := findRow(t, r, "Z-1")
		assert.Equal(t, "Wed 31 Dec 24:00", fmtTime(row.Next.Deadline.Due))
		assert.Equal(t, "on-site", row.Next.Deadline.Kind.String())
	})
	t.Run("an unterminated quote rejects its own line only", func(t *testing.T) {
		r := replay(t, "contract,serial,priority,event,time,description\n"+
			`T-1,P-1,P3,submitted,2026-11-16T09:00:00+01:00,"open quote`+"\n"+
			"T-1,P-2,P3,submitted,2026-11-16T09:30:00+01:00,ok\n", "")
		require.Len(t, r.Rejected, 1)
		assert.Equal(t, 2, r.Rejected[0].Line)
		assert.Contains(t, r.Rejected[0].Reason, "never closed")
		assert.Equal(t, 1, r.NRequests, "the next line is applied")
	})
	t.Run("a byte order mark before a leading comment", func(t *testing.T) {
		r := replay(t, "\ufeff# exported from the ticketing system\n"+head+
			"T-1,P-1,P3,submitted,2026-11-16T09:00:00+01:00\n", "")
		assert.Empty(t, r.Rejected)
		assert.Equal(t, 1, r.NRequests)
	})
	t.Run("a repeated line is one event", func(t *testing.T) {
		r := replay(t, head+
			"T-1,P-1,P3,submitted,2026-11-16T09:00:00+01:00\n"+
			"T-1,P-1,P3,submitted,2026-11-16T09:00:00+01:00\n"+
			"T-1,P-1,P3,confirmed,2026-11-16T10:00:00+01:00\n"+
			"T-1,P-1,P3,hold,2026-11-16T14:00:00+01:00\n"+
			"T-1,P-1,P3,hold,2026-11-16T14:00:00+01:00\n"+
			"T-1,P-1,P3,closed,2026-11-16T15:00:00+01:00\n"+
			"T-1,P-1,P3,closed,2026-11-16T15:00:00+01:00\n"+
			"T-1,P-1,P3,confirmed,2026-11-16T10:00:00+01:00\n", "")
		assert.Empty(t, r.Rejected)
		assert.Equal(t, 1, r.NRequests)
		assert.Equal(t, 0, r.NOpen)
	})
	// SPEC's examples: cocare-premier confirmed Mon 16 Nov 2026 10:00.
	const held = "T-1,P-1,P3,submitted,2026-11-16T09:00:00+01:00\n" +
		"T-1,P-1,P3,confirmed,2026-11-16T10:00:00+01:00\n" +
		"T-1,P-1,P3,hold,2026-11-16T14:00:00+01:00\n" +
		"T-1,P-2,P3,submitted,2026-11-16T09:00:00+01:00\n" +
		"T-1,P-2,P3,confirmed,2026-11-16T10:00:00+01:00\n" +
		"T-1,P-2,P1,priority,2026-11-16T13:00:00+01:00\n"
	t.Run("hold and priority", func(t *testing.T) {
		r := replay(t, head+held, "2026-11-16T16:00:00+01:00")
		require.Empty(t, r.Rejected)
		// On hold since Mon 14:00: 4 h of the 17 h of 9x5 window time used, 13 h left.
		p1 := findRow(t, r, "P-1")
		require.NotNil(t, p1.Next)
		assert.True(t, p1.Next.Deadline.Paused)
		assert.Equal(t, 13*time.Hour, p1.Next.Deadline.Left)
		// Raised to P1 at 13:00: 24x7x4 from the change, due Mon 17:00.
		p2 := findRow(t, r, "P-2")
		assert.Equal(t, "Mon 16 Nov 17:00", fmtTime(p2.Next.Deadline.Due))
		assert.Equal(t, "24x7x4", p2.Next.Deadline.Level.String())
		assert.Equal(t, "P-2", r.Open[0].Request.Device().Serial, "the dated row before the paused one")
	})
	t.Run("resumed", func(t *testing.T) {
		// Resumed Tue 11:00: 13 h from there is 7 h on Tuesday and 6 on Wednesday.
		r := replay(t, head+held+"T-1,P-1,P3,resumed,2026-11-17T11:00:00+01:00\n", "2026-11-17T12:00:00+01:00")
		require.Empty(t, r.Rejected)
		assert.Equal(t, "Wed 18 Nov 15:00", fmtTime(findRow(t, r, "P-1").Next.Deadline.Due))
	})
}

func TestOneLineRejected(t *testing.T) {
	r := replay(t, "contract,serial,priority,event,time\nT-1,P-1,P3,escalated,2026-11-16T09:00:00+01:00\n", "")
	var b strings.Builder
	require.NoError(t, r.write(&b))
	assert.Contains(t, b.String(), "(0 applied, 1 line rejected)")
}

// The README's excerpt of the sample output is lines of it, in order.
func TestReadmeShowsTheSample(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	require.NoError(t, err)
	sample, err := os.ReadFile("sample-output.txt")
	require.NoError(t, err)
	text := string(readme)
	i := strings.Index(text, "\n```\nService desk report")
	require.GreaterOrEqual(t, i, 0, "the README shows the desk's report")
	block := text[i+5:]
	block = block[:strings.Index(block, "\n```\n")]
	lines := strings.Split(string(sample), "\n")
	k := 0
	for _, l := range strings.Split(block, "\n") {
		if l == "..." {
			continue
		}
		for k < len(lines) && lines[k] != l {
			k++
		}
		require.Less(t, k, len(lines), "README line not in sample-output.txt (or out of order): %q", l)
		k++
	}
}

// The sample's hold and priority change, worked out by hand.
func TestSampleHoldAndPriority(t *testing.T) {
	var out, errb bytes.Buffer
	require.Equal(t, 0, run([]string{"-contracts", "../contracts.json", "-events", "../events.csv", "-now", testNow}, &out, &errb))
	// sos-24x7xNBD confirmed Fri 20 Nov 15:30: due Mon 23 Nov 24:00. On hold Sat
	// 09:00-13:00 with 63 h left: due Tue 24 Nov 04:00; at Mon 12:00, 16 h left,
	// 64h30m of the 80h30m target used (80 %).
	assert.Regexp(t, `HZ/SOS/2025/024 +2102353GJH10N2000066 +- +sos-24x7xNBD +24x7xNBD +confirmed +on-site +Tue 24 Nov 04:00 +16h00m +16h00m +80% +!`, out.String())
	// cocare-premier P1 confirmed Mon 23 Nov 08:50 (24x7x4, due 12:50), lowered
	// to P3 at 09:30: 9x5xNBD from the confirmation, due Tue 24 Nov 18:00; 3 h
	// of the 18 h of window used.
	assert.Regexp(t, `CC/2025/0312 +2102353GJH10M8000154 +P3 +cocare-premier +9x5xNBD +confirmed +delivery +Tue 24 Nov 18:00 +15h00m +30h00m +16% *\n`, out.String())
}

package main

import (
	"bufio"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/slaclock/slaclock/contract"
)

// testRegistry has a split-priority package, a package with an SOS add-on and
// an 8x5x8 AHB contract.
const testRegistry = `{"contracts": [
  {"number": "T-1", "customer": "Szpital Testowy", "services": ["cocare-premier"], "start": "2026-01-01", "end": "2026-12-31",
   "devices": [{"serial": "P-1", "model": "CE6881-48S6CQ"}, {"serial": "P-2", "model": "S5735-L48T4X"}]},
  {"number": "T-2", "customer": "Wodociągi Testowe", "services": ["cocare-standard", "sos-24x7xNBD"], "start": "2026-01-01", "end": "2026-12-31",
   "devices": [{"serial": "W-1", "model": "AR6140-16G4XG"}]},
  {"number": "T-3", "customer": "Centrum Danych Testowe", "services": ["ahb-8x5x8"], "start": "2026-01-01", "end": "2026-12-31",
   "devices": [{"serial": "A-1"}, {"serial": "A-2"}]}
]}`

// testEvents puts the columns in another order than the sample and adds one
// the program ignores (agent); it has a comment line and a blank line, which
// count in the line numbers. The bad lines are checked in TestRejectedLines.
const testEvents = `event,time,contract,serial,priority,description,agent
# October: a rejected request, and one closed after a remote fix before its delivery deadline
submitted,2026-10-12T10:00:00+02:00,T-1,P-1,P2,Brak zasilania,ania
responded,2026-10-12T10:30:00+02:00,T-1,P-1,P2,,ania
rejected,2026-10-12T11:00:00+02:00,T-1,P-1,P2,konfiguracja,ania
submitted,2026-10-13T10:00:00+02:00,T-1,P-2,P4,Ostrzeżenie wentylatora,ania
confirmed,2026-10-13T10:30:00+02:00,T-1,P-2,P4,,ania
closed,2026-10-13T16:00:00+02:00,T-1,P-2,P4,naprawa zdalna,ania

submitted,2026-11-16T12:10:00+01:00,T-3,A-2,,Karta liniowa,piotr
responded,2026-11-16T12:30:00+01:00,T-3,A-2,,,piotr
confirmed,2026-11-16T13:00:00+01:00,T-3,A-2,,,piotr
delivered,2026-11-17T17:00:00+01:00,T-3,A-2,,,piotr
submitted,2026-11-20T10:00:00+01:00,T-1,P-2,P3,Przełącznik,piotr
responded,2026-11-20T10:20:00+01:00,T-1,P-2,P3,,piotr
confirmed,2026-11-20T15:00:00+01:00,T-1,P-2,P3,,piotr
submitted,2026-11-20T16:30:00+01:00,T-3,A-1,,Zasilacz,piotr
submitted,2026-11-20 16:45,T-3,A-1,,,piotr
submitted,2026-11-21T10:00:00+01:00,T-2,W-1,,Pompownia,ania
responded,2026-11-21T10:20:00+01:00,T-2,W-1,,,ania
confirmed,2026-11-21T11:00:00+01:00,T-2,W-1,,,ania
submitted,2026-11-21T12:00:00+01:00,T-9,X-1,,,ania
submitted,2026-11-21T12:05:00+01:00,T-3,P-1,,,ania
escalated,2026-11-23T08:00:00+01:00,T-3,A-1,,,piotr
returned,2026-11-23T10:00:00+01:00,T-3,A-2,,,piotr
closed,2026-11-23T11:00:00+01:00,T-3,A-2,,,piotr
confirmed,2026-11-23T08:50:00+01:00,T-2,W-1,,"bad"quote,ania
submitted,2026-11-23T09:00:00+01:00,T-1,P-1,P1,Awaria karty,ania
confirmed,2026-11-23T09:30:00+01:00,T-1,P-1,P1,,ania
returned,2026-11-23T10:00:00+01:00,T-1,P-1,P1,,ania
submitted,2026-11-23T09:40:00+01:00,T-1,P-1
responded,2026-11-23T12:30:00+01:00,T-3,A-1,,,piotr
submitted,2026-11-23T10:30:00+01:00,T-1,P-2,P5,,ania
confirmed,2026-11-23T10:40:00+01:00,T-2,,,,ania
`

const testNow = "2026-11-23T12:00:00+01:00" // a Monday

// writeFiles writes the registry and the events to a temporary directory.
func writeFiles(t *testing.T, registry, events string) (contractsPath, eventsPath string) {
	t.Helper()
	dir := t.TempDir()
	contractsPath = filepath.Join(dir, "contracts.json")
	eventsPath = filepath.Join(dir, "events.csv")
	require.NoError(t, os.WriteFile(contractsPath, []byte(registry), 0o644))
	require.NoError(t, os.WriteFile(eventsPath, []byte(events), 0o644))
	return contractsPath, eventsPath
}

// readAll reads an events file into its events and rejections.
func readAll(r io.Reader) ([]csvEvent, []rejection, error) {
	var events []csvEvent
	var rejected []rejection
	err := readEvents(r, func(e csvEvent) { events = append(events, e) }, func(rj rejection) { rejected = append(rejected, rj) })
	return events, rejected, err
}

// buildReport runs the replay and both summaries on the test files at testNow.
func buildReport(t *testing.T) *report {
	t.Helper()
	reg, err := contract.Load(strings.NewReader(testRegistry), nil)
	require.NoError(t, err)
	now, err := parseNow(testNow)
	require.NoError(t, err)
	r, err := makeReport(reg, strings.NewReader(testEvents), now)
	require.NoError(t, err)
	return r
}

// The expected rows are worked out by hand from SPEC section 6; report time
// Mon 23 Nov 2026 12:00.
func TestOpenRequests(t *testing.T) {
	r := buildReport(t)
	assert.Equal(t, 7, r.NRequests)
	assert.Equal(t, 4, r.NOpen)

	type row struct{ serial, service, level, next, due, left, leftElapsed, used, mark string }
	var got []row
	for _, o := range r.Open {
		g := row{serial: o.Request.Device().Serial, service: o.Service.ID(), level: o.Level.String()}
		if o.Next != nil {
			p := o.Next.Progress
			g.next, g.due = o.Next.Deadline.Kind.String(), fmtTime(o.Next.Deadline.Due)
			g.left, g.leftElapsed, g.used, g.mark = fmtDuration(p.Left), fmtDuration(p.LeftElapsed), fmtShare(p.Share), mark(o.Next)
		}
		got = append(got, g)
		if g.mark != "" {
			if assert.NotNil(t, o.Escalation, "%s %s: a marked row names the escalation channel", g.serial, g.service) {
				assert.Equal(t, "escalation@myhezo.pl", o.Escalation.Email)
			}
		} else {
			assert.Nil(t, o.Escalation, "%s %s: no escalation on an unmarked row", g.serial, g.service)
		}
	}
	want := []row{
		// 8x5 response to a request sent Fri 16:30: 30 minutes on Friday, 30 on
		// Monday, so due Mon 09:30 (SPEC's example). Unanswered at 12:00: 2h30m
		// past it; the target was 1h, so 3h30m used.
		{"A-1", "ahb-8x5x8", "8x5x8", "response", "Mon 23 Nov 09:30", "-2h30m", "-2h30m", "350%", "!!"},
		// Premier P1, 24x7x4 from the confirmation at 09:30: due 13:30; 2h30m of 4h used.
		{"P-1", "cocare-premier", "24x7x4", "delivery", "Mon 23 Nov 13:30", "1h30m", "1h30m", "62%", ""},
		// SOS 24x7xNBD confirmed on a Saturday: the next business day is Monday,
		// due at its end. From Sat 11:00 to Tue 00:00 is 61h, 12h left: 80 % used.
		{"W-1", "sos-24x7xNBD", "24x7xNBD", "on-site", "Mon 23 Nov 24:00", "12h00m", "12h00m", "80%", "!"},
		// Premier P3 confirmed Fri 15:00:00 exactly, after the cutoff: counts from
		// Monday, due Tue 18:00. Window time Fri 3h + Mon 9h + Tue 9h = 21h; 15h left.
		{"P-2", "cocare-premier", "9x5xNBD", "delivery", "Tue 24 Nov 18:00", "15h00m", "30h00m", "28%", ""},
		// The same Saturday confirmation under 9x5 starts Mon 09:00: due Tue 18:00,
		// 18h of window time, 3h used. Same due time as P-2: sorted by contract.
		{"W-1", "cocare-standard", "9x5xNBD", "delivery", "Tue 24 Nov 18:00", "15h00m", "30h00m", "16%", ""},
	}
	assert.Equal(t, want, got)
}

func TestSummary(t *testing.T) {
	r := buildReport(t)
	type row struct {
		service, month                string
		requests, met, breached, open int
		worst                         string
	}
	var got []row
	for _, s := range r.Summary {
		g := row{s.Service.ID(), s.Month.String(), s.Requests, s.Met, s.Breached, s.Open, "-"}
		if s.Worst != nil {
			g.worst = s.Worst.Kind.String() + " " + fmtDuration(s.Worst.By) + " " + s.Worst.Contract + " " + s.Worst.Serial
		}
		got = append(got, g)
	}
	want := []row{
		// response met, delivery due Tue 17 Nov 13:00 (4h Monday + 4h
		// Tuesday) delivered at 17:00, 4h late; return met. A-1: its response is
		// 2h30m late so far. The worst is the larger.
		{"ahb-8x5x8", "2026-11", 2, 2, 2, 0, "delivery 4h00m T-3 A-2"},
		// P-1's response met before its rejection; P-2 was closed before its
		// delivery deadline (Wed 14 Oct 18:00): that deadline is not counted.
		{"cocare-premier", "2026-10", 2, 2, 0, 0, "-"},
		// Both responses met; both deliveries still running.
		{"cocare-premier", "2026-11", 2, 2, 0, 2, "-"},
		// W-1 counts under both services of its contract, but its one response
		// deadline (submitted Sat 21 Nov 10:00) is the earliest of the two: 24x7's
		// Sat 11:00, not 9x5's Mon 23 Nov 10:00, so it counts under sos-24x7xNBD.
		{"cocare-standard", "2026-11", 1, 0, 0, 1, "-"},
		{"sos-24x7xNBD", "2026-11", 1, 1, 0, 1, "-"},
	}
	assert.Equal(t, want, got)
	if assert.NotNil(t, r.Summary[0].Worst) {
		assert.False(t, r.Summary[0].Worst.Pending, "the delivery happened, late")
	}
}

func TestRejectedLines(t *testing.T) {
	r := buildReport(t)
	// Each rejected line and a word of the reason that names the field or the rule.
	want := []struct {
		line   int
		reason string
		why    string
	}{
		{18, `time "2026-11-20 16:45"`, "a time without the T and the offset"},
		{22, `contract number "T-9"`, "an unknown contract"},
		{23, `serial number "P-1"`, "a device the contract does not cover"},
		{24, `event "escalated"`, "not a step of a request"},
		{27, "not valid CSV", "a stray quote; replay goes on with the next line"},
		{30, "step returned", "a return before anything was delivered"},
		{31, "has 4 fields, the header has 7", "a short line"},
		{32, "after the report time", "an event after -now is not applied"},
		{33, `priority "P5"`, "a priority outside P1-P4"},
		{34, "serial: empty", "a line without the serial number"},
	}
	require.Len(t, r.Rejected, len(want), "rejected: %+v", r.Rejected)
	for i, w := range want {
		assert.Equal(t, w.line, r.Rejected[i].Line, w.why)
		assert.Contains(t, r.Rejected[i].Reason, w.reason, w.why)
	}
	assert.Equal(t, "T-9", r.Rejected[1].Contract)
	assert.Equal(t, "escalated", r.Rejected[3].Event)
}

// The printed report shows the same values, aligned, under the three headers.
func TestRunPrintsTheReport(t *testing.T) {
	contracts, events := writeFiles(t, testRegistry, testEvents)
	var out, errb bytes.Buffer
	require.Equal(t, 0, run([]string{"-contracts", contracts, "-events", events, "-now", testNow}, &out, &errb), errb.String())
	assert.Empty(t, errb.String())
	text := out.String()
	assert.Contains(t, text, "Service desk report at Mon 23 Nov 2026 12:00 CET (-now)")
	for _, h := range []string{headerOpen, headerSummary, headerRejected} {
		assert.Contains(t, text, "\n"+h)
	}
	assert.Regexp(t, `T-3 +A-1 +- +ahb-8x5x8 +8x5x8 +submitted +response +Mon 23 Nov 09:30 +-2h30m +-2h30m +350% +!! +escalation@myhezo.pl, \+48 12 25 25 502\n`, text)
	assert.Regexp(t, `T-1 +P-1 +P1 +cocare-premier +24x7x4 +confirmed +delivery +Mon 23 Nov 13:30 +1h30m +1h30m +62% *\n`, text)
	assert.Regexp(t, `ahb-8x5x8 +2026-11 +2 +2 +2 +0 +delivery 4h00m late, T-3 A-2\n`, text)
	assert.Regexp(t, `\n18 +T-3 +A-1 +submitted +time "2026-11-20 16:45": want RFC 3339`, text)
}

// Without -now, the report is made at the latest time in the file.
func TestDefaultNowIsTheLatestEvent(t *testing.T) {
	contracts, events := writeFiles(t, testRegistry, "contract,serial,priority,event,time\n"+
		"T-1,P-1,P1,submitted,2026-11-23T09:00:00+01:00\n"+
		"T-1,P-1,P1,confirmed,2026-11-23T09:30:00+01:00\n")
	var out, errb bytes.Buffer
	require.Equal(t, 0, run([]string{"-contracts", contracts, "-events", events}, &out, &errb), errb.String())
	assert.Contains(t, out.String(), "at Mon 23 Nov 2026 09:30 CET (the latest event in the file; no -now given)")
	assert.Regexp(t, `delivery +Mon 23 Nov 13:30 +4h00m +4h00m +0%`, out.String())
}

func TestNowFlag(t *testing.T) {
	contracts, events := writeFiles(t, testRegistry, testEvents)
	tests := []struct {
		name, now, want string
	}{
		{"no offset", "2026-11-23T12:00:00", "want RFC 3339 with an offset"},
		{"a space instead of T", "2026-11-23 12:00:00+01:00", "want RFC 3339 with an offset"},
		{"not a time", "yesterday", `-now "yesterday"`},
		{"a day that does not exist", "2026-02-30T12:00:00+01:00", "want RFC 3339"},
		{"before the calendar's range", "1980-01-01T00:00:00Z", "outside the calendar's range"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			assert.Equal(t, 2, run([]string{"-contracts", contracts, "-events", events, "-now", tc.now}, &out, &errb))
			assert.Contains(t, errb.String(), tc.want)
			assert.Contains(t, errb.String(), "usage: desk")
			assert.Empty(t, out.String())
		})
	}
	t.Run("UTC is accepted and printed in Warsaw time", func(t *testing.T) {
		var out, errb bytes.Buffer
		require.Equal(t, 0, run([]string{"-contracts", contracts, "-events", events, "-now", "2026-11-23T11:00:00Z"}, &out, &errb), errb.String())
		assert.Contains(t, out.String(), "at Mon 23 Nov 2026 12:00 CET (-now)")
	})
}

func TestExitStatus(t *testing.T) {
	contracts, events := writeFiles(t, testRegistry, testEvents)
	dir := t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(p, []byte(text), 0o644))
		return p
	}
	badRegistry := write("bad.json", `{"contracts": [
  {"number": "B-1", "services": ["cocare-platinum"], "start": "2026-01-01", "end": "2026-12-31", "devices": [{"serial": "S"}]},
  {"number": "B-2", "services": ["cocare-basic"], "start": "2026-12-31", "end": "2026-01-01", "devices": [{"serial": "S"}, {"serial": "s"}]}
]}`)
	tests := []struct {
		name   string
		args   []string
		status int
		stderr []string
	}{
		{"no flags", nil, 2, []string{"-contracts is required"}},
		{"no events", []string{"-contracts", contracts}, 2, []string{"-events is required"}},
		{"an unknown flag", []string{"-contract", contracts, "-events", events}, 2, []string{"flag provided but not defined: -contract"}},
		{"an argument left over", []string{"-contracts", contracts, "-events", events, "extra"}, 2, []string{`unexpected argument "extra"`}},
		{"help", []string{"-h"}, 0, []string{"usage: desk"}},
		{"a contracts file that does not exist", []string{"-contracts", filepath.Join(dir, "none.json"), "-events", events}, 1, []string{"none.json"}},
		{"every problem of the registry", []string{"-contracts", badRegistry, "-events", events}, 1, []string{
			`contracts[0].services[0] "cocare-platinum"`, `contracts[1].end "2026-01-01"`, `contracts[1].devices[1].serial "s"`}},
		{"an events file that does not exist", []string{"-contracts", contracts, "-events", filepath.Join(dir, "none.csv")}, 1, []string{"none.csv"}},
		{"an empty events file", []string{"-contracts", contracts, "-events", write("empty.csv", "")}, 1, []string{"no header row"}},
		{"a header without the time column", []string{"-contracts", contracts, "-events", write("notime.csv", "contract,serial,priority,event,when\n")}, 1,
			[]string{`no column time`}},
		{"a column twice", []string{"-contracts", contracts, "-events", write("twice.csv", "contract,serial,priority,event,time,Time\n")}, 1,
			[]string{`line 1: column "time" appears twice`}},
		{"the header's own line, after comments", []string{"-contracts", contracts, "-events", write("late.csv", "# log\n\n# of events\ncontract,serial,event\n")}, 1,
			[]string{"line 4: the header has no column priority, time: want contract,serial,priority,event,time[,description][,id]"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			assert.Equal(t, tc.status, run(tc.args, &out, &errb), errb.String())
			for _, s := range tc.stderr {
				assert.Contains(t, errb.String(), s)
			}
			assert.Empty(t, out.String(), "nothing on stdout when there is no report")
		})
	}
}

// The header is found by name, whatever the case, spaces and a byte order mark.
func TestHeaderByName(t *testing.T) {
	events, rejected, err := readAll(strings.NewReader("\ufeffTime , EVENT,Serial,Contract,Priority\n" +
		"2026-11-23T09:00:00+01:00,Submitted,P-1,T-1,p1\n" +
		"2026-11-23T09:30:00+01:00,On-Site,P-1,T-1,\n"))
	require.NoError(t, err)
	assert.Empty(t, rejected)
	require.Len(t, events, 2)
	assert.Equal(t, 2, events[0].Line)
	assert.Equal(t, "T-1", events[0].Event.Contract)
	assert.Equal(t, "P1", events[0].Event.Priority.String())
	assert.Equal(t, contract.Submitted, events[0].Event.Step)
	assert.Equal(t, contract.OnSite, events[1].Event.Step)
	assert.True(t, time.Date(2026, 11, 23, 8, 30, 0, 0, time.UTC).Equal(events[1].Event.At))
}

func TestFormats(t *testing.T) {
	waw := time.FixedZone("CET", 3600)
	for _, tc := range []struct {
		name string
		got  string
		want string
	}{
		{"a deadline at a window's close", fmtTime(time.Date(2026, 11, 17, 18, 0, 0, 0, waw)), "Tue 17 Nov 18:00"},
		{"midnight is the end of the day before", fmtTime(time.Date(2026, 11, 24, 0, 0, 0, 0, waw)), "Mon 23 Nov 24:00"},
		{"printed in Warsaw time", fmtTime(time.Date(2026, 3, 29, 4, 30, 0, 0, time.UTC)), "Sun 29 Mar 06:30"},
		{"minutes only", fmtDuration(45 * time.Minute), "45m"},
		{"hours, no days", fmtDuration(67 * time.Hour), "67h00m"},
		{"overdue", fmtDuration(-(2*time.Hour + 30*time.Minute)), "-2h30m"},
		{"seconds are cut", fmtDuration(59*time.Minute + 59*time.Second), "59m"},
		{"zero has no sign", fmtDuration(-30 * time.Second), "0m"},
		{"74.9 % does not round up to the warning", fmtShare(0.749), "74%"},
		{"the warning threshold", fmtShare(0.75), "75%"},
	} {
		assert.Equal(t, tc.want, tc.got, tc.name)
	}
}

// The sample files run cleanly, and section 3 lists exactly the lines the
// events file marks "# deliberately bad" (the line after each such comment).
func TestSampleFiles(t *testing.T) {
	const contractsPath, eventsPath = "../contracts.json", "../events.csv"
	var out, errb bytes.Buffer
	require.Equal(t, 0, run([]string{"-contracts", contractsPath, "-events", eventsPath, "-now", testNow}, &out, &errb), errb.String())
	assert.Empty(t, errb.String())

	f, err := os.Open(eventsPath)
	require.NoError(t, err)
	defer f.Close()
	var marked []int
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		if strings.HasPrefix(sc.Text(), "# deliberately bad") {
			marked = append(marked, n+1)
		}
	}
	require.NoError(t, sc.Err())
	require.NotEmpty(t, marked)

	_, section3, found := strings.Cut(out.String(), headerRejected)
	require.True(t, found)
	var listed []int
	for _, m := range regexp.MustCompile(`(?m)^(\d+) `).FindAllStringSubmatch(section3, -1) {
		n, err := strconv.Atoi(m[1])
		require.NoError(t, err)
		listed = append(listed, n)
	}
	assert.Equal(t, marked, listed)

	// The sample covers every service of the catalogue the issue lists.
	for _, svc := range []string{"cocare-basic", "cocare-standard", "cocare-premier", "cocare-standard-onsite", "cocare-premium-onsite",
		"ahb-8x5xNBD", "ahb-24x7xNBD", "ahb-8x5x8", "sos-8x5xNBD", "sos-24x7xNBD"} {
		assert.Regexp(t, "(?m)^"+regexp.QuoteMeta(svc)+" +20", out.String(), "a summary row for %s", svc)
	}
}

// The README shows sample-output.txt: it must be what the program prints.
func TestSampleOutputIsCurrent(t *testing.T) {
	want, err := os.ReadFile("sample-output.txt")
	require.NoError(t, err)
	var out, errb bytes.Buffer
	require.Equal(t, 0, run([]string{"-contracts", "../contracts.json", "-events", "../events.csv", "-now", testNow}, &out, &errb))
	// The file was written from the repository root; the paths differ.
	got := strings.ReplaceAll(out.String(), "../", "examples/")
	assert.Equal(t, string(want), got, "regenerate with: go run ./examples/desk -contracts examples/contracts.json -events examples/events.csv -now %s > examples/desk/sample-output.txt", testNow)
}

package main

import (
	"context"
	"fmt"
	"net/http"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A request's life through the API, every figure worked out by hand from the
// rules: ahb-8x5xNBD under HZ/AHB/2025/041 (8x5 window 09:00-17:00, cutoff
// 14:00, return in 10 days), submitted Mon 16 Nov 2026 09:30.
func TestAPIRequestLifecycle(t *testing.T) {
	tg := newTarget(t)
	a := tg.open(t, "L", ahb+`,"submitted":"2026-11-16T09:30:00+01:00","description":"switch down"`)
	require.Equal(t, http.StatusCreated, a.status, "%s", a.body)
	st := a.json(t)
	assert.Equal(t, tg.prefix+"L", st["id"])
	assert.Equal(t, "submitted", st["step"])
	assert.Equal(t, testClock, st["at"], "without ?at= the status is at the service's clock")
	// Response: 1 hour of the 8x5 window from 09:30: 10:30. At 12:00, with no
	// response, it is breached by 1h30m and 2.5 of its hour are used.
	r := deadline(t, st, "ahb-8x5xNBD", "response")
	assert.Equal(t, "2026-11-16T10:30:00+01:00", r["due"])
	assert.Equal(t, "breached", r["status"])
	assert.Equal(t, "1h30m0s", r["by"])
	assert.Equal(t, "250%", r["used"])
	assert.Equal(t, true, r["escalate"])
	assert.Equal(t, "escalation@myhezo.pl", st["escalation"].(map[string]any)["email"])

	// At 10:00 half of the hour was used.
	a = tg.do(t, "GET", "/v1/requests/"+tg.prefix+"L?at=2026-11-16T10:00:00%2B01:00", "")
	require.Equal(t, http.StatusOK, a.status, "%s", a.body)
	r = deadline(t, a.json(t), "", "response")
	assert.Equal(t, "open", r["status"])
	assert.Equal(t, "50%", r["used"])
	assert.Equal(t, "30m0s", r["left_window"])
	assert.Equal(t, "30m0s", r["left_elapsed"])
	assert.Contains(t, r["explanation"], "response within 1 hour of the 8x5 window")

	// Confirmed Mon 10:00, before the contract's 14:00 cutoff: the response is
	// met at the confirmation, 30 minutes early; delivery is due the next
	// business day at the window's close, Tue 17 Nov 17:00. At 12:00 two of its
	// 15 window hours (Mon 10-17, Tue 9-17) are used: 13 % (13.3), 13 h left,
	// 29 h on the clock.
	a = tg.event(t, "L", "confirmed", "2026-11-16T10:00:00+01:00")
	require.Equal(t, http.StatusOK, a.status, "%s", a.body)
	st = a.json(t)
	assert.Equal(t, true, st["changed"])
	assert.Equal(t, float64(2), st["revision"])
	assert.Equal(t, map[string]any{"event": "confirmed", "at": "2026-11-16T10:00:00+01:00"}, st["recorded"])
	assert.Equal(t, "confirmed", st["step"])
	r = deadline(t, st, "", "response")
	assert.Equal(t, "met", r["status"])
	assert.Equal(t, "30m0s", r["by"])
	d := deadline(t, st, "", "delivery")
	assert.Equal(t, "2026-11-17T17:00:00+01:00", d["due"])
	assert.Equal(t, "open", d["status"])
	assert.Equal(t, "13%", d["used"])
	assert.Equal(t, "13h0m0s", d["left_window"])
	assert.Equal(t, "29h0m0s", d["left_elapsed"])
	assert.Equal(t, false, d["escalate"])
	assert.Nil(t, st["escalation"], "nothing to escalate once the response is met")
	assert.Equal(t, map[string]any{"service": "ahb-8x5xNBD", "deadline": "delivery", "due": "2026-11-17T17:00:00+01:00"}, st["next"])

	// The same event again is one event: 200, nothing changed.
	a = tg.event(t, "L", "confirmed", "2026-11-16T10:00:00+01:00")
	require.Equal(t, http.StatusOK, a.status, "%s", a.body)
	assert.Equal(t, false, a.json(t)["changed"])
	assert.Equal(t, float64(2), a.json(t)["revision"])

	// Delivered Tue 11:00, 6 h early; the damaged part is due back by the end
	// of the 10th day after, Fri 27 Nov 24:00 (Sat 28 Nov 00:00).
	for _, ev := range [][2]string{{"delivered", "2026-11-17T11:00:00+01:00"}, {"returned", "2026-11-20T10:00:00+01:00"}, {"closed", "2026-11-20T12:00:00+01:00"}} {
		a = tg.event(t, "L", ev[0], ev[1])
		require.Equal(t, http.StatusOK, a.status, "%s %s", ev[0], a.body)
	}
	a = tg.do(t, "GET", "/v1/requests/"+tg.prefix+"L?at=2026-11-30T12:00:00%2B01:00", "")
	require.Equal(t, http.StatusOK, a.status, "%s", a.body)
	st = a.json(t)
	assert.Equal(t, "closed", st["step"])
	assert.Equal(t, true, st["done"])
	d = deadline(t, st, "", "delivery")
	assert.Equal(t, "met", d["status"])
	assert.Equal(t, "6h0m0s", d["by"])
	ret := deadline(t, st, "", "return")
	assert.Equal(t, "2026-11-28T00:00:00+01:00", ret["due"])
	assert.Equal(t, "met", ret["status"])
	assert.Nil(t, st["next"], "a closed request has no next deadline")

	a = tg.do(t, "GET", "/v1/requests/"+tg.prefix+"L/history", "")
	require.Equal(t, http.StatusOK, a.status, "%s", a.body)
	assert.Equal(t, float64(5), a.json(t)["revision"], "opened, then four events that changed it")
}

// Webhooks retry: an opening with an ID that exists is the same request
// (200) when it is the same opening, a conflict naming the field when not.
func TestAPIOpeningIsIdempotent(t *testing.T) {
	tg := newTarget(t)
	const fields = ahb + `,"submitted":"2026-11-16T09:30:00+01:00","description":"switch down"`
	require.Equal(t, http.StatusCreated, tg.open(t, "I", fields).status)
	a := tg.open(t, "I", strings.Replace(fields, "HZ/AHB/2025/041", " hz/ahb/2025/041 ", 1))
	assert.Equal(t, http.StatusOK, a.status, "the same opening, the number written as Open compares it: %s", a.body)
	assert.Equal(t, tg.prefix+"I", a.json(t)["id"])
	a = tg.open(t, "I", strings.Replace(fields, "09:30:00+01:00", "08:30:00Z", 1))
	assert.Equal(t, http.StatusOK, a.status, "the same instant in another offset: %s", a.body)

	for _, c := range []struct{ why, field, fields string }{
		{"another submission time", "submitted", strings.Replace(fields, "09:30", "09:31", 1)},
		{"another device", "serial", strings.Replace(fields, "2102313QMB10P2000604", "2102313QMB10P2000611", 1)},
		{"another description", "description", strings.Replace(fields, "switch down", "router down", 1)},
	} {
		a := tg.open(t, "I", c.fields)
		assert.Equal(t, http.StatusConflict, a.status, c.why)
		assert.Equal(t, c.field, a.json(t)["problems"].([]any)[0].(map[string]any)["field"], c.why)
	}
	a = tg.do(t, "GET", "/v1/requests/"+tg.prefix+"I/history", "")
	assert.Equal(t, float64(1), a.json(t)["revision"], "no repeat changed the request")

	// Without an ID the service gives one, a new one each time.
	x := tg.do(t, "POST", "/v1/requests", `{`+fields+`}`)
	y := tg.do(t, "POST", "/v1/requests", `{`+fields+`}`)
	require.Equal(t, http.StatusCreated, x.status, "%s", x.body)
	require.Equal(t, http.StatusCreated, y.status, "%s", y.body)
	assert.NotEqual(t, x.json(t)["id"], y.json(t)["id"])
}

// Every error is JSON naming the field and the value, with a 4xx status for
// the client's mistakes, and changes nothing.
func TestAPIClientErrors(t *testing.T) {
	tg := newTarget(t)
	require.Equal(t, http.StatusCreated, tg.open(t, "E", ahb+`,"submitted":"2026-11-16T09:30:00+01:00"`).status)
	id := tg.prefix + "E"
	big := `{"description":"` + strings.Repeat("x", maxBody) + `"}`
	for _, c := range []struct {
		why, method, path, body string
		status                  int
		field, value            string
	}{
		{"malformed JSON", "POST", "/v1/requests", `{"contract": }`, 400, "body", `{"contract": }`},
		{"JSON that ends early", "POST", "/v1/requests", `{"contract": "x"`, 400, "body", ""},
		{"an empty body", "POST", "/v1/requests", ``, 400, "body", ""},
		{"two objects", "POST", "/v1/requests/" + id + "/events", `{"event":"responded","at":"2026-11-16T10:00:00+01:00"}{}`, 400, "body", ""},
		{"an unknown field", "POST", "/v1/requests", `{"contract":"x","color":"red"}`, 400, "color", ""},
		{"a number for a string", "POST", "/v1/requests", `{"serial":12}`, 400, "serial", "number"},
		{"a body over 1 MiB", "POST", "/v1/requests", big, 413, "body", ""},
		{"a body over 1 MiB, events", "POST", "/v1/requests/" + id + "/events", big, 413, "body", ""},
		{"a time without an offset", "POST", "/v1/requests", `{` + ahb + `,"submitted":"2026-11-16 09:30"}`, 400, "submitted", "2026-11-16 09:30"},
		{"no submission time", "POST", "/v1/requests", `{` + ahb + `}`, 400, "submitted", ""},
		{"a bad priority", "POST", "/v1/requests", `{` + ahb + `,"priority":"P5","submitted":"2026-11-16T09:30:00+01:00"}`, 400, "priority", "P5"},
		{"a bad ID", "POST", "/v1/requests", `{"id":"a b",` + ahb + `,"submitted":"2026-11-16T09:30:00+01:00"}`, 400, "id", "a b"},
		{"an unknown contract", "POST", "/v1/requests", `{"contract":"CC/1999/0001","serial":"X","submitted":"2026-11-16T09:30:00+01:00"}`, 422, "contract number", "CC/1999/0001"},
		{"a device the contract does not cover", "POST", "/v1/requests", `{"contract":"HZ/AHB/2025/041","serial":"NOPE","submitted":"2026-11-16T09:30:00+01:00"}`, 422, "serial number", "NOPE"},
		{"an unknown request", "GET", "/v1/requests/nope-" + id, ``, 404, "id", "nope-" + id},
		{"an event for an unknown request", "POST", "/v1/requests/nope-" + id + "/events", `{"event":"confirmed","at":"2026-11-16T10:00:00+01:00"}`, 404, "id", "nope-" + id},
		{"an unknown event", "POST", "/v1/requests/" + id + "/events", `{"event":"escalated","at":"2026-11-16T10:00:00+01:00"}`, 400, "event", "escalated"},
		{"an event without a time", "POST", "/v1/requests/" + id + "/events", `{"event":"confirmed"}`, 400, "at", ""},
		{"a priority with another event", "POST", "/v1/requests/" + id + "/events", `{"event":"confirmed","at":"2026-11-16T10:00:00+01:00","priority":"P1"}`, 400, "priority", "P1"},
		{"a bad ?at=", "GET", "/v1/requests/" + id + "?at=noon", ``, 400, "at", "noon"},
		{"a bad ?open=", "GET", "/v1/requests?open=yes", ``, 400, "open", "yes"},
		{"a bad year", "GET", "/v1/holidays/20x6", ``, 400, "year", "20x6"},
		{"a year outside the calendar", "GET", "/v1/holidays/2201", ``, 400, "year", "2201"},
		{"an unknown path", "GET", "/v1/nothing", ``, 404, "path", "/v1/nothing"},
		{"a method the path does not take", "DELETE", "/v1/requests/" + id, ``, 405, "method", "DELETE"},
	} {
		a := tg.do(t, c.method, c.path, c.body)
		assert.Equal(t, c.status, a.status, "%s: %s", c.why, a.body)
		if !assert.Contains(t, a.header.Get("Content-Type"), "application/json", c.why) {
			continue
		}
		v := a.json(t)
		assert.NotEmpty(t, v["error"], c.why)
		probs, _ := v["problems"].([]any)
		if assert.NotEmpty(t, probs, c.why) {
			p := probs[0].(map[string]any)
			assert.Equal(t, c.field, p["field"], c.why)
			assert.Equal(t, c.value, p["value"], c.why)
			assert.NotEmpty(t, p["reason"], c.why)
		}
	}
	a := tg.do(t, "GET", "/v1/requests/"+id+"/history", "")
	assert.Equal(t, float64(1), a.json(t)["revision"], "no error changed the request")
}

// A refused event is answered 409 with the error naming the event, and the
// request is as it was.
func TestAPIRefusedEventChangesNothing(t *testing.T) {
	tg := newTarget(t)
	require.Equal(t, http.StatusCreated, tg.open(t, "R", ahb+`,"submitted":"2026-11-16T09:30:00+01:00"`).status)
	before := tg.do(t, "GET", "/v1/requests/"+tg.prefix+"R/history", "")
	for _, c := range []struct{ why, event, at string }{
		{"nothing is delivered before the confirmation", "delivered", "2026-11-16T11:00:00+01:00"},
		{"a step before the previous one", "confirmed", "2026-11-16T09:00:00+01:00"},
		{"a second submission", "submitted", "2026-11-16T10:00:00+01:00"},
	} {
		a := tg.event(t, "R", c.event, c.at)
		assert.Equal(t, http.StatusConflict, a.status, "%s: %s", c.why, a.body)
		p := a.json(t)["problems"].([]any)[0].(map[string]any)
		assert.Equal(t, "event", p["field"], c.why)
		assert.Contains(t, p["value"], c.event, c.why)
	}
	after := tg.do(t, "GET", "/v1/requests/"+tg.prefix+"R/history", "")
	assert.Equal(t, string(before.body), string(after.body))
}

// Concurrent events on one request apply one after another and each answer
// says what it did: of 16 responses at one instant one changes the request
// and the others are the same event again; of 16 at different instants one is
// recorded and the others are refused as a second response.
func TestAPIConcurrentEventsOnOneRequest(t *testing.T) {
	tg := newTarget(t)
	for _, c := range []struct {
		why        string
		id         string
		sameAt     bool
		wantStatus map[int]int
	}{
		{"the same event at one instant", "C1", true, map[int]int{http.StatusOK: 16}},
		{"one step at sixteen instants", "C2", false, map[int]int{http.StatusOK: 1, http.StatusConflict: 15}},
	} {
		require.Equal(t, http.StatusCreated, tg.open(t, c.id, ahb+`,"submitted":"2026-11-16T09:30:00+01:00"`).status)
		var mu sync.Mutex
		statuses := map[int]int{}
		changed, revisions := 0, []int{}
		var wg sync.WaitGroup
		for i := 0; i < 16; i++ {
			wg.Add(1)
			go func(i int) {
				defer wg.Done()
				at := "2026-11-16T09:45:00+01:00"
				if !c.sameAt {
					at = fmt.Sprintf("2026-11-16T09:%02d:00+01:00", 40+i)
				}
				a := tg.event(t, c.id, "responded", at)
				mu.Lock()
				defer mu.Unlock()
				statuses[a.status]++
				if a.status == http.StatusOK {
					v := a.json(t)
					if v["changed"] == true {
						changed++
					}
					revisions = append(revisions, int(v["revision"].(float64)))
				}
			}(i)
		}
		wg.Wait()
		assert.Equal(t, c.wantStatus, statuses, c.why)
		assert.Equal(t, 1, changed, c.why)
		sort.Ints(revisions)
		for _, r := range revisions {
			assert.Equal(t, 2, r, "%s: every answer after the one change says revision 2", c.why)
		}
		a := tg.do(t, "GET", "/v1/requests/"+tg.prefix+c.id+"/history", "")
		assert.Equal(t, float64(2), a.json(t)["revision"], c.why)
	}
}

// GET /v1/requests?open=true lists the open requests at ?at=, the earliest
// deadline first; closed ones are left out.
func TestAPIOpenRequestsByUrgency(t *testing.T) {
	tg := newTarget(t)
	// At Mon 12:00: A's response was due 10:30 (breached), B's is due 12:30,
	// C's delivery Tue 17:00 (confirmed 10:00, its response met), D is closed.
	require.Equal(t, http.StatusCreated, tg.open(t, "C", ahb+`,"submitted":"2026-11-16T09:00:00+01:00"`).status)
	require.Equal(t, http.StatusOK, tg.event(t, "C", "confirmed", "2026-11-16T10:00:00+01:00").status)
	require.Equal(t, http.StatusCreated, tg.open(t, "B", ahb+`,"submitted":"2026-11-16T11:30:00+01:00"`).status)
	require.Equal(t, http.StatusCreated, tg.open(t, "D", `"contract":"HZ/AHB/2025/041","serial":"2102313QMB10P2000611","submitted":"2026-11-16T09:00:00+01:00"`).status)
	require.Equal(t, http.StatusOK, tg.event(t, "D", "rejected", "2026-11-16T09:20:00+01:00").status)
	require.Equal(t, http.StatusCreated, tg.open(t, "A", ahb+`,"submitted":"2026-11-16T09:30:00+01:00"`).status)

	a := tg.do(t, "GET", "/v1/requests?open=true&at=2026-11-16T12:00:00%2B01:00", "")
	require.Equal(t, http.StatusOK, a.status, "%s", a.body)
	var ids []string
	for _, r := range a.json(t)["requests"].([]any) {
		if id := r.(map[string]any)["id"].(string); strings.HasPrefix(id, tg.prefix) {
			ids = append(ids, strings.TrimPrefix(id, tg.prefix))
		}
	}
	assert.Equal(t, []string{"A", "B", "C"}, ids)

	a = tg.do(t, "GET", "/v1/requests?open=false&at=2026-11-16T12:00:00%2B01:00", "")
	require.Equal(t, http.StatusOK, a.status, "%s", a.body)
	ids = nil
	for _, r := range a.json(t)["requests"].([]any) {
		if id := r.(map[string]any)["id"].(string); strings.HasPrefix(id, tg.prefix) {
			ids = append(ids, strings.TrimPrefix(id, tg.prefix))
		}
	}
	assert.Equal(t, []string{"D"}, ids, "open=false lists the closed and rejected")
}

// The deadlines as iCalendar: the delivery of a request confirmed Mon 10:00,
// due Tue 17 Nov 17:00 CET (16:00 UTC), with its alarm at 75 % of its 15
// window hours: 11h15m in, Tue 13:15 CET (12:15 UTC).
func TestAPIDeadlinesICS(t *testing.T) {
	tg := newTarget(t)
	require.Equal(t, http.StatusCreated, tg.open(t, "ICS", ahb+`,"submitted":"2026-11-16T09:30:00+01:00"`).status)
	require.Equal(t, http.StatusOK, tg.event(t, "ICS", "confirmed", "2026-11-16T10:00:00+01:00").status)
	for _, path := range []string{"/v1/requests/" + tg.prefix + "ICS/deadlines.ics", "/v1/deadlines.ics"} {
		a := tg.do(t, "GET", path+"?at=2026-11-16T12:00:00%2B01:00", "")
		require.Equal(t, http.StatusOK, a.status, "%s: %s", path, a.body)
		assert.Contains(t, a.header.Get("Content-Type"), "text/calendar")
		body := string(a.body)
		assert.True(t, strings.HasPrefix(body, "BEGIN:VCALENDAR\r\n"), path)
		assert.True(t, strings.HasSuffix(body, "END:VCALENDAR\r\n"), path)
		ev := vevent(t, body, "UID:"+tg.prefix+"ICS-delivery_by@slaclock")
		assert.Contains(t, ev, "DTSTART:20261117T160000Z\r\n", path)
		assert.Contains(t, ev, "TRIGGER;VALUE=DATE-TIME:20261117T121500Z\r\n", path)
		assert.Contains(t, ev, "DTSTAMP:20261116T110000Z\r\n", path)
		assert.Equal(t, strings.Count(body, "BEGIN:VCALENDAR"), 1, path)
	}
}

// vevent returns the VEVENT of body that contains line.
func vevent(t *testing.T, body, line string) string {
	t.Helper()
	for _, part := range strings.Split(body, "BEGIN:VEVENT\r\n")[1:] {
		ev, _, _ := strings.Cut(part, "END:VEVENT\r\n")
		if strings.Contains(ev, line+"\r\n") {
			return ev
		}
	}
	require.Failf(t, "no such VEVENT", "%s in\n%s", line, body)
	return ""
}

// The year's holidays, as JSON and iCalendar: 2026 has 14, Wigilia on
// Thursday 24 December among them.
func TestAPIHolidays(t *testing.T) {
	tg := newTarget(t)
	a := tg.do(t, "GET", "/v1/holidays/2026", "")
	require.Equal(t, http.StatusOK, a.status, "%s", a.body)
	v := a.json(t)
	assert.Equal(t, float64(2026), v["year"])
	hs := v["holidays"].([]any)
	assert.Len(t, hs, 14)
	assert.Contains(t, hs, map[string]any{"date": "2026-12-24", "weekday": "Thursday", "name": "Wigilia Bożego Narodzenia"})
	assert.Equal(t, map[string]any{"date": "2026-01-01", "weekday": "Thursday", "name": "Nowy Rok"}, hs[0])

	a = tg.do(t, "GET", "/v1/holidays/2026.ics", "")
	require.Equal(t, http.StatusOK, a.status, "%s", a.body)
	assert.Contains(t, a.header.Get("Content-Type"), "text/calendar")
	assert.Equal(t, 14, strings.Count(string(a.body), "BEGIN:VEVENT"))
	ev := vevent(t, string(a.body), "UID:20261224-holiday@slaclock")
	assert.Contains(t, ev, "DTSTART;VALUE=DATE:20261224\r\n")
	assert.Contains(t, ev, "DTSTAMP:20260101T000000Z\r\n", "stamped 1 January of the year: the same year, the same bytes")
}

// POST /v1/deadlines answers one line of the batch format as the batch
// program does. cocare-standard (9x5xNBD) confirmed Mon 16 Nov 10:00, on hold
// from Mon 14:00 to Tue 11:00: 13 window hours were left at 14:00, 7 on
// Tuesday from 11:00 and 6 on Wednesday: due Wed 18 Nov 15:00; the response,
// 1 hour of the 9x5 window from 09:30, at 10:30.
func TestAPIBatchLine(t *testing.T) {
	tg := newTarget(t)
	line := `{"id":"B1","service":"cocare-standard","submitted":"2026-11-16T09:30:00+01:00","confirmed":"2026-11-16T10:00:00+01:00",` +
		`"holds":[{"from":"2026-11-16T14:00:00+01:00","to":"2026-11-17T11:00:00+01:00"}]}`
	a := tg.do(t, "POST", "/v1/deadlines", line)
	require.Equal(t, http.StatusOK, a.status, "%s", a.body)
	assert.Equal(t, `{"id":"B1","response_by":"2026-11-16T10:30:00+01:00","delivery_by":"2026-11-18T15:00:00+01:00"}`+"\n", string(a.body))

	a = tg.do(t, "POST", "/v1/deadlines?explain=true", line)
	require.Equal(t, http.StatusOK, a.status, "%s", a.body)
	assert.Contains(t, a.json(t), "explain")

	a = tg.do(t, "POST", "/v1/deadlines", `{"id":"B2","service":"cocare-standard","submitted":"yesterday"}`)
	assert.Equal(t, http.StatusUnprocessableEntity, a.status, "%s", a.body)
	assert.Equal(t, "B2", a.json(t)["id"])
	assert.Contains(t, a.json(t)["error"], `submitted`)
	assert.Contains(t, a.json(t)["error"], `yesterday`)

	a = tg.do(t, "POST", "/v1/deadlines", `{"id":"B3","service":"`+strings.Repeat("x", maxBody)+`"}`)
	assert.Equal(t, http.StatusRequestEntityTooLarge, a.status)
	a = tg.do(t, "POST", "/v1/deadlines?explain=maybe", line)
	assert.Equal(t, http.StatusBadRequest, a.status)
	if tg.store != nil { // a local server: its store can be read
		got, err := tg.store.Requests(context.Background())
		require.NoError(t, err)
		assert.Empty(t, got, "the service keeps nothing of a batch line")
	}
}

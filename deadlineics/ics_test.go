package deadlineics_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/emersion/go-ical"
	"github.com/slaclock/slaclock/calendar"
	"github.com/slaclock/slaclock/deadlineics"
	"github.com/slaclock/slaclock/internal/icsfold/icsfoldtest"
	"github.com/slaclock/slaclock/sla"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// nov is an instant in November 2026 in Warsaw (CET, UTC+1).
func nov(day, hour, min int) time.Time {
	return time.Date(2026, time.November, day, hour, min, 0, 0, calendar.Warsaw())
}

var stamp = time.Date(2026, time.November, 16, 9, 0, 0, 0, time.UTC)

// explain computes the deadlines of a cocare-standard (9x5xNBD) request
// submitted and confirmed Mon 16 Nov 2026 10:00, changed by edit.
func explain(t *testing.T, edit func(*sla.Request)) sla.Deadlines {
	t.Helper()
	r := sla.Request{Service: sla.MustLookupService("cocare-standard"), Submitted: nov(16, 10, 0), Confirmed: nov(16, 10, 0)}
	if edit != nil {
		edit(&r)
	}
	ds, err := sla.Default().Explain(r)
	require.NoError(t, err)
	return ds
}

// export writes reqs and parses the stream back with go-ical, returning the
// events by UID.
func export(t *testing.T, reqs ...deadlineics.Request) (*ical.Calendar, map[string]ical.Event) {
	t.Helper()
	var buf bytes.Buffer
	require.NoError(t, deadlineics.Write(&buf, sla.Default(), reqs, stamp))
	cal, err := ical.NewDecoder(&buf).Decode()
	require.NoError(t, err)
	events := map[string]ical.Event{}
	for _, ev := range cal.Events() {
		uid, err := ev.Props.Text(ical.PropUID)
		require.NoError(t, err)
		require.NotContains(t, events, uid, "UIDs are unique")
		events[uid] = ev
	}
	return cal, events
}

// utc returns the value of a DATE-TIME property, requiring the UTC form.
func utc(t *testing.T, p *ical.Prop) string {
	t.Helper()
	require.NotNil(t, p)
	require.Empty(t, p.Params.Get(ical.ParamTimezoneID), "no TZID")
	require.Regexp(t, `^\d{8}T\d{6}Z$`, p.Value, "UTC, never floating")
	return p.Value
}

func sequence(t *testing.T, ev ical.Event) int {
	t.Helper()
	p := ev.Props.Get(ical.PropSequence)
	require.NotNil(t, p)
	n, err := p.Int()
	require.NoError(t, err)
	return n
}

func alarm(t *testing.T, ev ical.Event) *ical.Component {
	t.Helper()
	var out *ical.Component
	for _, c := range ev.Children {
		if c.Name == ical.CompAlarm {
			require.Nil(t, out, "one VALARM per event")
			out = c
		}
	}
	return out
}

func TestWriteCalendar(t *testing.T) {
	cal, events := export(t, deadlineics.Request{ID: "REQ-1", Deadlines: explain(t, nil)})
	for prop, want := range map[string]string{
		ical.PropProductID: "-//slaclock//deadlines//EN", ical.PropVersion: "2.0",
		ical.PropCalendarScale: "GREGORIAN", ical.PropMethod: "PUBLISH",
	} {
		got, err := cal.Props.Text(prop)
		require.NoError(t, err)
		assert.Equal(t, want, got, prop)
	}
	require.Len(t, events, 2, "response and delivery; no return before delivery")

	// Response: 1 h of the 9x5 window from Mon 10:00 is Mon 11:00 CET; 75 %
	// (45 min) is Mon 10:45 CET.
	resp := events["REQ-1-response_by@slaclock"]
	assert.Equal(t, "20261116T100000Z", utc(t, resp.Props.Get(ical.PropDateTimeStart)))
	assert.Nil(t, resp.Props.Get(ical.PropDateTimeEnd))
	assert.Nil(t, resp.Props.Get(ical.PropDuration))
	assert.Equal(t, "20261116T090000Z", utc(t, resp.Props.Get(ical.PropDateTimeStamp)), "DTSTAMP is the caller's")
	a := alarm(t, resp)
	require.NotNil(t, a)
	assert.Equal(t, "20261116T094500Z", utc(t, a.Props.Get(ical.PropTrigger)))

	// Delivery: next business day, confirmed before the 15:00 cutoff: Tue 17
	// Nov 18:00 CET. The target is Mon 10:00-18:00 (8 h) + Tue 09:00-18:00 (9
	// h) = 17 h; 75 % is 12h45m: 8 h on Monday, 4h45m from Tue 09:00, so Tue
	// 13:45 CET.
	del := events["REQ-1-delivery_by@slaclock"]
	assert.Equal(t, "20261117T170000Z", utc(t, del.Props.Get(ical.PropDateTimeStart)))
	summary, err := del.Props.Text(ical.PropSummary)
	require.NoError(t, err)
	assert.Equal(t, "REQ-1 delivery due (cocare-standard 9x5xNBD)", summary)
	desc, err := del.Props.Text(ical.PropDescription)
	require.NoError(t, err)
	assert.Contains(t, desc, "Tue 17 Nov 2026 18:00")
	assert.Equal(t, 0, sequence(t, del))
	a = alarm(t, del)
	require.NotNil(t, a)
	trigger := a.Props.Get(ical.PropTrigger)
	assert.Equal(t, "DATE-TIME", trigger.Params.Get(ical.ParamValue))
	assert.Equal(t, "20261117T124500Z", utc(t, trigger))
	action, err := a.Props.Text(ical.PropAction)
	require.NoError(t, err)
	assert.Equal(t, "DISPLAY", action)
	assert.NotNil(t, a.Props.Get(ical.PropDescription))
}

func TestWriteHoldRaisesSequence(t *testing.T) {
	_, plain := export(t, deadlineics.Request{ID: "REQ-1", Deadlines: explain(t, nil)})
	_, held := export(t, deadlineics.Request{ID: "REQ-1", Deadlines: explain(t, func(r *sla.Request) {
		r.Holds = []sla.Hold{{From: nov(16, 14, 0), To: nov(16, 16, 0)}}
	})})
	const uid = "REQ-1-delivery_by@slaclock"
	require.Contains(t, held, uid, "the same UID: the event updates")
	// At Mon 14:00 Mon 14-18 (4 h) + Tue 09-18 (9 h) = 13 h were left; from Mon
	// 16:00: 2 h on Monday, 9 h on Tuesday, 2 h on Wednesday: Wed 18 Nov 11:00
	// CET.
	assert.Equal(t, "20261118T100000Z", utc(t, held[uid].Props.Get(ical.PropDateTimeStart)))
	assert.Greater(t, sequence(t, held[uid]), sequence(t, plain[uid]), "a moved deadline has a higher SEQUENCE")
	// 75 % of 17 h is 12h45m: 4 h before the hold (Mon 10-14), then 8h45m from
	// Mon 16:00: 2 h on Monday, 6h45m from Tue 09:00: Tue 15:45 CET.
	a := alarm(t, held[uid])
	require.NotNil(t, a)
	assert.Equal(t, "20261117T144500Z", utc(t, a.Props.Get(ical.PropTrigger)))
}

func TestWritePausedHasNoEvent(t *testing.T) {
	_, events := export(t, deadlineics.Request{ID: "REQ-1", Deadlines: explain(t, func(r *sla.Request) {
		r.Holds = []sla.Hold{{From: nov(16, 14, 0)}} // still running
	})})
	assert.NotContains(t, events, "REQ-1-delivery_by@slaclock", "paused: no event until it resumes")
	assert.Contains(t, events, "REQ-1-response_by@slaclock", "the response clock does not stop")
	assert.Len(t, events, 1)
}

// A priority change moves a deadline too, and raises its SEQUENCE under the
// same UID; a hold and a change together count twice.
func TestWritePriorityChangeRaisesSequence(t *testing.T) {
	premier := func(changes []sla.PriorityChange, holds []sla.Hold) sla.Deadlines {
		ds, err := sla.Default().Explain(sla.Request{Service: sla.MustLookupService("cocare-premier"), Priority: sla.P3,
			Submitted: nov(16, 10, 0), Confirmed: nov(16, 10, 0), Changes: changes, Holds: holds})
		require.NoError(t, err)
		return ds
	}
	const uid = "REQ-1-delivery_by@slaclock"
	_, plain := export(t, deadlineics.Request{ID: "REQ-1", Deadlines: premier(nil, nil)})
	// P3 is 9x5xNBD: confirmed Mon 10:00, before the cutoff, due Tue 17 Nov
	// 18:00 CET.
	assert.Equal(t, "20261117T170000Z", utc(t, plain[uid].Props.Get(ical.PropDateTimeStart)))
	assert.Equal(t, 0, sequence(t, plain[uid]))

	// Raised to P1 (24x7x4) at Mon 13:00: 13:00 + 4 h = Mon 17:00 CET is
	// earlier, so it is the deadline.
	_, raised := export(t, deadlineics.Request{ID: "REQ-1", Deadlines: premier([]sla.PriorityChange{{At: nov(16, 13, 0), Priority: sla.P1}}, nil)})
	require.Contains(t, raised, uid, "the same UID: the event updates")
	assert.Equal(t, "20261116T160000Z", utc(t, raised[uid].Props.Get(ical.PropDateTimeStart)))
	assert.Greater(t, sequence(t, raised[uid]), sequence(t, plain[uid]), "a deadline moved by a priority change has a higher SEQUENCE")

	// Then on hold Mon 14:00-15:00: the 3 h left at 14:00 run from 15:00, due
	// 18:00 CET; the history grew again, and so does SEQUENCE.
	_, both := export(t, deadlineics.Request{ID: "REQ-1", Deadlines: premier(
		[]sla.PriorityChange{{At: nov(16, 13, 0), Priority: sla.P1}}, []sla.Hold{{From: nov(16, 14, 0), To: nov(16, 15, 0)}})})
	assert.Equal(t, "20261116T170000Z", utc(t, both[uid].Props.Get(ical.PropDateTimeStart)))
	assert.Greater(t, sequence(t, both[uid]), sequence(t, raised[uid]))
	assert.Equal(t, 2, sequence(t, both[uid]), "one hold and one change")
}

// A feed with nothing to show is a valid calendar with no VEVENT, not an
// error: no requests (a desk with nothing open), or stored deadlines that are
// all paused (the desk keeps only those still pending; the response was met).
func TestWriteNothingToShowIsAnEmptyCalendar(t *testing.T) {
	running := explain(t, func(r *sla.Request) { r.Holds = []sla.Hold{{From: nov(16, 14, 0)}} })
	del, ok := running.Get(sla.Delivery)
	require.True(t, ok)
	require.True(t, del.Paused, "a running hold pauses the delivery")
	var pausedOnly sla.Deadlines
	b, err := json.Marshal(map[string]any{"service": "cocare-standard", "deadlines": []sla.Deadline{del}})
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(b, &pausedOnly))
	require.Equal(t, 1, pausedOnly.Len())

	for _, tc := range []struct {
		name string
		reqs []deadlineics.Request
	}{
		{"no requests", nil},
		{"every deadline paused", []deadlineics.Request{{ID: "REQ-1", Deadlines: pausedOnly}}},
		{"a request without deadlines", []deadlineics.Request{{ID: "REQ-1"}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			require.NoError(t, deadlineics.Write(&buf, sla.Default(), tc.reqs, stamp))
			text := buf.String()
			assert.True(t, strings.HasPrefix(text, "BEGIN:VCALENDAR\r\n"), text)
			assert.True(t, strings.HasSuffix(text, "END:VCALENDAR\r\n"), text)
			assert.NotContains(t, text, "VEVENT")
			cal, err := ical.NewDecoder(&buf).Decode()
			require.NoError(t, err, "it parses back")
			assert.Empty(t, cal.Events())
			version, err := cal.Props.Text(ical.PropVersion)
			require.NoError(t, err)
			assert.Equal(t, "2.0", version)
			prodID, err := cal.Props.Text(ical.PropProductID)
			require.NoError(t, err)
			assert.Equal(t, deadlineics.ProductID, prodID)
			// RFC 5545 wants a component: UTC's VTIMEZONE, offset +0000.
			require.Len(t, cal.Children, 1)
			zone := cal.Children[0]
			assert.Equal(t, ical.CompTimezone, zone.Name)
			tzid, err := zone.Props.Text(ical.PropTimezoneID)
			require.NoError(t, err)
			assert.Equal(t, "UTC", tzid)
			require.Len(t, zone.Children, 1)
			std := zone.Children[0]
			assert.Equal(t, ical.CompTimezoneStandard, std.Name)
			assert.Equal(t, "+0000", std.Props.Get(ical.PropTimezoneOffsetFrom).Value)
			assert.Equal(t, "+0000", std.Props.Get(ical.PropTimezoneOffsetTo).Value)
			assert.NotNil(t, std.Props.Get(ical.PropDateTimeStart))
		})
	}
}

// Content lines are folded at 75 octets (RFC 5545 section 3.1), never inside
// a UTF-8 sequence, and parse back to the whole text: here an explanation that
// names the Christmas holidays in Polish.
func TestWriteFoldsLongLines(t *testing.T) {
	confirmed := time.Date(2025, time.December, 23, 14, 10, 0, 0, calendar.Warsaw())
	ds, err := sla.Default().Explain(sla.Request{Service: sla.MustLookupService("ahb-8x5xNBD"), Submitted: confirmed, Confirmed: confirmed})
	require.NoError(t, err)
	del, ok := ds.Get(sla.Delivery)
	require.True(t, ok)
	require.Contains(t, del.Explanation(), "Bożego Narodzenia")
	require.Greater(t, len(del.Explanation()), 150)

	var buf bytes.Buffer
	require.NoError(t, deadlineics.Write(&buf, sla.Default(), []deadlineics.Request{{ID: "REQ-X", Deadlines: ds}}, stamp))
	text := buf.String()
	assert.Greater(t, icsfoldtest.Continued(t, text), 2, "the long lines were folded")
	cal, err := ical.NewDecoder(&buf).Decode()
	require.NoError(t, err)
	for _, ev := range cal.Events() {
		if uid, _ := ev.Props.Text(ical.PropUID); uid == "REQ-X-delivery_by@slaclock" {
			desc, err := ev.Props.Text(ical.PropDescription)
			require.NoError(t, err)
			assert.Equal(t, del.Explanation(), desc, "unfolded, the whole explanation")
			return
		}
	}
	t.Fatal("no delivery event")
}

func TestWriteReturnHasNoAlarm(t *testing.T) {
	_, events := export(t, deadlineics.Request{ID: "REQ-1", Deadlines: explain(t, func(r *sla.Request) {
		r.Delivered = nov(17, 12, 0)
	})})
	ret, ok := events["REQ-1-return_by@slaclock"]
	require.True(t, ok)
	// The end (24:00) of the 7th calendar day after Tue 17 Nov: Wed 25 Nov
	// 00:00 CET, Tue 24 Nov 23:00 UTC.
	assert.Equal(t, "20261124T230000Z", utc(t, ret.Props.Get(ical.PropDateTimeStart)))
	assert.Nil(t, alarm(t, ret), "the customer's deadline has no alarm")
	summary, err := ret.Props.Text(ical.PropSummary)
	require.NoError(t, err)
	assert.Equal(t, "REQ-1 return due (cocare-standard)", summary)
}

func TestWriteTwoRequests(t *testing.T) {
	_, events := export(t,
		deadlineics.Request{ID: "REQ-1", Deadlines: explain(t, nil)},
		deadlineics.Request{ID: "REQ-2", Deadlines: explain(t, nil)})
	assert.Len(t, events, 4)
	assert.Contains(t, events, "REQ-2-delivery_by@slaclock")
}

func TestWriteErrors(t *testing.T) {
	ok := deadlineics.Request{ID: "REQ-1", Deadlines: explain(t, nil)}
	noSteps, err := sla.Default().Deadlines(sla.Request{Service: sla.MustLookupService("cocare-standard"), Submitted: nov(16, 10, 0)})
	require.NoError(t, err)
	for _, tc := range []struct {
		name  string
		calc  *sla.Calculator
		reqs  []deadlineics.Request
		stamp time.Time
		field string
	}{
		{"a zero stamp names DTSTAMP", sla.Default(), []deadlineics.Request{ok}, time.Time{}, "DTSTAMP"},
		{"an empty ID names the field", sla.Default(), []deadlineics.Request{ok, {Deadlines: ok.Deadlines}}, stamp, "requests[1].ID"},
		{"a repeated ID would repeat UIDs", sla.Default(), []deadlineics.Request{ok, ok}, stamp, "requests[1].ID"},
		{"deadlines without steps", sla.Default(), []deadlineics.Request{{ID: "REQ-3", Deadlines: noSteps}}, stamp, "requests[0].Deadlines"},
		{"no calculator", nil, []deadlineics.Request{ok}, stamp, "calculator"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			err := deadlineics.Write(&buf, tc.calc, tc.reqs, tc.stamp)
			require.ErrorIs(t, err, deadlineics.ErrInvalid)
			var fe *deadlineics.FieldError
			require.True(t, errors.As(err, &fe))
			assert.Equal(t, tc.field, fe.Field)
			assert.Zero(t, buf.Len(), "nothing written on error")
		})
	}
}

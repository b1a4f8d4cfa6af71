// Package deadlineics exports the deadlines of service requests as an
// iCalendar (RFC 5545) stream, for a service desk to subscribe to. It sits
// above sla and calendar, which know nothing of it: the import runs one way.
//
// The rules of the export:
//
//   - One VEVENT per deadline that has a due instant. Its DTSTART is the due
//     instant in UTC ("20261117T170000Z"), never a floating local time, and it
//     has no DTEND or DURATION: a deadline is an instant, and RFC 5545 makes
//     such an event end where it starts.
//   - A paused deadline (a running hold stopped its clock) has no due instant
//     and so no event until the hold ends and it resumes. A calendar that
//     subscribes to the export sees the event disappear while the request is
//     on hold and come back, moved, when it resumes. A feed with no event at
//     all (no requests, or stored deadlines that are all paused) is still a
//     calendar, with no VEVENT (see Write).
//   - The UID is stable per request and deadline: "<request id>-<kind field>
//     @slaclock", for example "REQ-1-delivery_by@slaclock", so a subscribed
//     calendar updates an event rather than duplicating it.
//   - SEQUENCE is the number of holds and priority changes the deadline's
//     clock weighed (its hold and priority steps). A deadline only moves when
//     the request's history gains a hold or a priority change, and history
//     only grows, so SEQUENCE grows whenever a deadline moves, without the
//     export keeping any state. A correction of recorded history (an earlier
//     confirmation typed again) moves a deadline without a new hold or change
//     and is not seen; a calendar then needs the feed reloaded.
//   - DTSTAMP is the instant the caller passes: the package never reads the
//     clock, so the same deadlines and stamp give the same bytes.
//   - Every provider deadline (all kinds but sla.Return) carries one VALARM,
//     ACTION:DISPLAY, triggered at the instant at which the calculator's
//     Settings.EscalationShare of its target is used (Calculator.AlertAt),
//     as an absolute UTC DATE-TIME. The customer's return deadline has none.
//   - SUMMARY is "<request id> <kind> due (<service> <level>)" and DESCRIPTION
//     the deadline's explanation (sla.Deadline.Explanation). Content lines
//     longer than 75 octets are folded, as RFC 5545 asks.
//
// Worked days and other hours of the calendar (calendar.WithWorkday,
// calendar.WithHoursOn) have no iCalendar form and are not exported; they are
// already in the deadlines, which is what the export shows.
package deadlineics

import (
	"bytes"
	"errors"
	"io"
	"strconv"
	"time"

	"github.com/emersion/go-ical"
	"github.com/slaclock/slaclock/internal/icsfold"
	"github.com/slaclock/slaclock/sla"
)

// ProductID is the PRODID of every export.
const ProductID = "-//slaclock//deadlines//EN"

// ErrInvalid is wrapped by every error about the arguments of Write.
var ErrInvalid = errors.New("deadlineics: invalid input")

// FieldError reports an argument of Write that cannot be exported: the field,
// its value and why. It wraps ErrInvalid.
type FieldError struct {
	Field  string // DTSTAMP, "requests[2].ID", ...
	Value  string
	Reason string
}

func (e *FieldError) Error() string {
	s := "deadlineics: " + e.Field
	if e.Value != "" {
		s += " " + strconv.Quote(e.Value)
	}
	return s + ": " + e.Reason
}

// Unwrap returns ErrInvalid.
func (e *FieldError) Unwrap() error { return ErrInvalid }

// Request is one request to export: its identifier, the key of its UIDs, and
// its deadlines as Calculator.Explain computes them (the steps give the
// DESCRIPTION and the SEQUENCE).
type Request struct {
	ID        string
	Deadlines sla.Deadlines
}

// Write writes the deadlines of reqs as one iCalendar stream (PRODID
// ProductID, VERSION 2.0, CALSCALE GREGORIAN, METHOD PUBLISH), following the
// rules of the package doc; calc is the calculator that computed them, whose
// escalation share places the alarms. stamp is every event's DTSTAMP.
//
// A feed with no deadline to show (no requests, or every deadline paused) is
// still a calendar, with no VEVENT: a subscribed calendar then drops the
// events it had. As RFC 5545 wants at least one component in a calendar, it
// holds a VTIMEZONE for UTC, the zone of every instant the export writes.
//
// Write fails, wrapping ErrInvalid, with a nil calc, a zero stamp, a request
// with an empty or repeated ID, and a deadline computed without its steps
// (Calculator.Deadlines rather than Calculator.Explain); errors of
// Calculator.AlertAt are returned as they are. Nothing is written on error.
func Write(w io.Writer, calc *sla.Calculator, reqs []Request, stamp time.Time) error {
	if calc == nil {
		return &FieldError{Field: "calculator", Reason: "required"}
	}
	if stamp.IsZero() {
		return &FieldError{Field: "DTSTAMP", Value: "zero", Reason: "pass the instant the export is made"}
	}
	share := calc.Settings().EscalationShare
	cal := ical.NewCalendar()
	cal.Props.SetText(ical.PropVersion, "2.0")
	cal.Props.SetText(ical.PropProductID, ProductID)
	cal.Props.SetText(ical.PropCalendarScale, "GREGORIAN")
	cal.Props.SetText(ical.PropMethod, "PUBLISH")
	seen := make(map[string]bool, len(reqs))
	for i := range reqs {
		r := &reqs[i]
		field := "requests[" + strconv.Itoa(i) + "]"
		switch {
		case r.ID == "":
			return &FieldError{Field: field + ".ID", Reason: "required: it keys the UIDs"}
		case seen[r.ID]:
			return &FieldError{Field: field + ".ID", Value: r.ID, Reason: "repeated: two requests would share UIDs"}
		}
		seen[r.ID] = true
		for _, d := range r.Deadlines.All() {
			if d.Paused || d.Due.IsZero() {
				continue // no due instant: no event until it resumes
			}
			if len(d.Steps) == 0 {
				return &FieldError{Field: field + ".Deadlines", Value: d.Kind.String(), Reason: "has no steps: compute the deadlines with Calculator.Explain"}
			}
			ev, err := event(calc, share, r, d, stamp)
			if err != nil {
				return err
			}
			cal.Children = append(cal.Children, ev.Component)
		}
	}
	if len(cal.Children) == 0 {
		cal.Children = append(cal.Children, utcZone())
	}
	var buf bytes.Buffer
	if err := ical.NewEncoder(&buf).Encode(cal); err != nil {
		return err
	}
	_, err := w.Write(icsfold.Fold(buf.Bytes()))
	return err
}

// utcZone is the VTIMEZONE of UTC: offset +0000 since ever, no change.
func utcZone() *ical.Component {
	std := ical.NewComponent(ical.CompTimezoneStandard)
	std.Props.SetText(ical.PropTimezoneName, "UTC")
	for _, name := range []string{ical.PropTimezoneOffsetFrom, ical.PropTimezoneOffsetTo} {
		p := ical.NewProp(name)
		p.Value = "+0000"
		std.Props.Set(p)
	}
	start := ical.NewProp(ical.PropDateTimeStart)
	start.Value = "19700101T000000" // a local time, as RFC 5545 wants in a VTIMEZONE
	std.Props.Set(start)
	zone := ical.NewComponent(ical.CompTimezone)
	zone.Props.SetText(ical.PropTimezoneID, "UTC")
	zone.Children = append(zone.Children, std)
	return zone
}

// event is the VEVENT of deadline d of request r.
func event(calc *sla.Calculator, share sla.Share, r *Request, d sla.Deadline, stamp time.Time) (*ical.Event, error) {
	summary := r.ID + " " + d.Kind.String() + " due (" + r.Deadlines.Service.String()
	if !d.Level.IsZero() {
		summary += " " + d.Level.String()
	}
	summary += ")"
	ev := ical.NewEvent()
	ev.Props.SetText(ical.PropUID, UID(r.ID, d.Kind))
	ev.Props.SetDateTime(ical.PropDateTimeStamp, stamp.UTC())
	ev.Props.SetDateTime(ical.PropDateTimeStart, d.Due.UTC())
	ev.Props.SetText(ical.PropSummary, summary)
	ev.Props.SetText(ical.PropDescription, d.Explanation())
	seq := ical.NewProp(ical.PropSequence)
	seq.Value = strconv.Itoa(Sequence(d))
	ev.Props.Set(seq)
	ev.Props.SetText(ical.PropTransparency, "TRANSPARENT")
	if !d.Kind.Provider() {
		return ev, nil
	}
	at, ok, err := calc.AlertAt(d, share)
	if err != nil {
		return nil, err
	}
	if ok {
		alarm := ical.NewComponent(ical.CompAlarm)
		alarm.Props.SetText(ical.PropAction, "DISPLAY")
		alarm.Props.SetText(ical.PropDescription, summary+": "+share.String()+" of the target used")
		alarm.Props.SetDateTime(ical.PropTrigger, at.UTC())
		ev.Children = append(ev.Children, alarm)
	}
	return ev, nil
}

// UID returns the UID of the event of request id's deadline of kind k:
// "<id>-<k.Field()>@slaclock".
func UID(id string, k sla.Kind) string { return id + "-" + k.Field() + "@slaclock" }

// Sequence returns the SEQUENCE of d's event: the number of holds and priority
// changes its clock weighed, counted from its steps (zero for a deadline
// computed without them).
func Sequence(d sla.Deadline) int {
	n := 0
	for _, s := range d.Steps {
		if s.Rule == sla.RuleHold || s.Rule == sla.RulePriority {
			n++
		}
	}
	return n
}

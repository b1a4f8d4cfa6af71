package sla

import (
	"strconv"
	"strings"
	"time"

	"github.com/slaclock/slaclock/calendar"
)

// Rule names what a step of an explanation did.
type Rule string

// The rules a step can apply.
const (
	RuleStart    Rule = "start"    // when the clock started, clamped into the window, and the cutoff
	RuleCount    Rule = "count"    // business days counted, or window time spent
	RuleClocks   Rule = "clocks"   // a clock change inside the window on the way
	RuleHold     Rule = "hold"     // a hold, and what it did to the deadline
	RulePriority Rule = "priority" // a priority change, and what it did to the deadline
	RuleDue      Rule = "due"      // the deadline itself
)

// Step is one step of a deadline's explanation, as data. Text is a sentence a
// service-desk engineer can paste into a ticket; Skipped names the holidays the
// step passed over, with their Polish names.
type Step struct {
	Rule    Rule               `json:"rule"`
	At      time.Time          `json:"at"` // the instant the step arrived at, in the calendar's location
	Text    string             `json:"text"`
	Skipped []calendar.Holiday `json:"skipped,omitempty"`
}

// Explanation returns the deadline's steps as one line, joined by "; ", for
// example "confirmed Fri 13 Nov 2026 15:20, after the 15:00 cutoff: counts from
// Mon 16 Nov; next business day: Tue 17 Nov; due at the close of the 9x5 window:
// Tue 17 Nov 2026 18:00". It is empty for a deadline computed without Explain.
func (d Deadline) Explanation() string {
	parts := make([]string, len(d.Steps))
	for i, s := range d.Steps {
		parts[i] = s.Text
	}
	return strings.Join(parts, "; ")
}

// renderer turns the records of a Deadlines into steps. It reads the record and
// the calendar's data (holiday names, the zone's clock changes) and decides
// nothing again.
type renderer struct {
	c   *Calculator
	ds  *Deadlines
	buf []byte
	raw []rawStep
	hol []calendar.Holiday
}

// rawStep is a step whose text is buf[from:to] and whose holidays hol[h0:h1].
type rawStep struct {
	rule     Rule
	at       time.Time
	from, to int
	h0, h1   int
}

func (c *Calculator) render(ds *Deadlines) {
	rd := renderer{c: c, ds: ds, buf: make([]byte, 0, 256*ds.nrec), raw: make([]rawStep, 0, 6*ds.nrec)}
	var bounds [len(Deadlines{}.recs) + 1]int
	for i := 0; i < ds.nrec; i++ {
		rd.record(&ds.recs[i], i)
		bounds[i+1] = len(rd.raw)
	}
	text := string(rd.buf)
	steps := make([]Step, len(rd.raw))
	for i, r := range rd.raw {
		steps[i] = Step{Rule: r.rule, At: r.at, Text: text[r.from:r.to]}
		if r.h1 > r.h0 {
			steps[i].Skipped = rd.hol[r.h0:r.h1:r.h1]
		}
	}
	for i := range ds.list[:ds.n] {
		d := &ds.list[i]
		k := int(d.rec)
		d.Steps = steps[bounds[k]:bounds[k+1]:bounds[k+1]]
	}
}

// begin starts a step's text.
func (rd *renderer) begin() int { return len(rd.buf) }

// end closes the step begun at from.
func (rd *renderer) end(rule Rule, at time.Time, from, h0 int) {
	rd.raw = append(rd.raw, rawStep{rule: rule, at: at, from: from, to: len(rd.buf), h0: h0, h1: len(rd.hol)})
}

func (rd *renderer) str(s string) { rd.buf = append(rd.buf, s...) }

func (rd *renderer) instant(t time.Time) { rd.buf = appendInstant(rd.buf, t) }

// skipped appends " (skipping Wed 11 Nov Narodowe Święto Niepodległości, ...)"
// for the holidays from one date to another, both included.
func (rd *renderer) skipped(from, to calendar.Date) {
	if to.Before(from) {
		return
	}
	hs, err := rd.c.cal.HolidaysBetween(from, to)
	if err != nil || len(hs) == 0 {
		return
	}
	rd.str(" (skipping ")
	for i, h := range hs {
		if i > 0 {
			rd.str(", ")
		}
		rd.buf = appendDay(rd.buf, h.Date)
		rd.str(" ")
		rd.str(h.Name)
	}
	rd.str(")")
	rd.hol = append(rd.hol, hs...)
}

func (rd *renderer) record(rec *record, i int) {
	loc := rd.c.cal.Location()
	switch rec.how {
	case howDays:
		from := rd.begin()
		rd.str("replacement delivered ")
		rd.instant(rec.at)
		rd.end(RuleStart, rec.at, from, len(rd.hol))
		from = rd.begin()
		rd.str(strconv.Itoa(rd.c.set.ReturnDays))
		rd.str(" calendar days: ")
		rd.buf = appendDayYear(rd.buf, rec.dueDay)
		rd.end(RuleCount, rec.base, from, len(rd.hol))
		from = rd.begin()
		rd.str("due at the end of the day: ")
		rd.buf = appendEnd(rd.buf, rec.base)
		rd.end(RuleDue, rec.base, from, len(rd.hol))
		return
	case howWindow:
		rd.windowTime(rec)
	case howBusinessDays:
		rd.businessDays(rec)
	}
	due := rec.base
	for k := 0; k < rec.neff; k++ {
		e := rd.ds.effect(rec.eff0 + k)
		rd.effect(rec, e)
		due = rd.c.at(e.due)
	}
	if rec.neff == 0 {
		return
	}
	d := rd.ds.list[0]
	for _, x := range rd.ds.list[:rd.ds.n] {
		if int(x.rec) == i {
			d = x
			break
		}
	}
	from := rd.begin()
	if d.Paused {
		rd.str("paused since ")
		rd.instant(d.PausedSince)
		rd.str(" with ")
		rd.str(fmtDuration(d.Left))
		rd.str(" of the ")
		rd.str(d.Level.cov.String())
		rd.str(" window left: no due instant until the hold ends")
		rd.end(RuleDue, d.PausedSince, from, len(rd.hol))
		return
	}
	rd.str("due ")
	rd.instant(due.In(loc))
	rd.end(RuleDue, due, from, len(rd.hol))
}

// start writes the start step's first words: "confirmed Sat 14 Nov 2026 10:00,
// outside the 9x5 window: the clock starts Mon 16 Nov 2026 09:00".
func (rd *renderer) start(rec *record) int {
	from := rd.begin()
	rd.str(rec.field)
	rd.str(" ")
	rd.instant(rec.at)
	if !rec.clamped.Equal(rec.at) {
		rd.str(", outside the ")
		rd.str(rec.lvl.cov.String())
		rd.str(" window: the clock starts ")
		rd.instant(rec.clamped)
		rd.skipped(rd.c.cal.DateOf(rec.at), rd.c.cal.DateOf(rec.clamped).AddDays(-1))
	}
	return from
}

func (rd *renderer) windowTime(rec *record) {
	h0 := len(rd.hol)
	from := rd.start(rec)
	rd.end(RuleStart, rec.clamped, from, h0)

	s := rd.c.sched[rec.lvl.cov]
	d := rd.c.set.Response
	if rec.kind != Response {
		d = time.Duration(rec.lvl.n) * time.Hour
	}
	h0, from = len(rd.hol), rd.begin()
	if rec.kind == Response {
		rd.str("response within ")
	}
	rd.str(fmtDuration(d))
	if s.Window() == calendar.Window24x7() {
		rd.str(" of real elapsed time (")
		rd.str(rec.lvl.cov.String())
		rd.str(" window)")
	} else {
		rd.str(" of the ")
		rd.str(describeWindow(rec.lvl.cov, s.Window()))
	}
	if !s.Window().OpenOnHolidays {
		rd.skipped(rd.c.cal.DateOf(rec.clamped), rd.c.cal.DateOf(rec.base))
	}
	rd.end(RuleCount, rec.base, from, h0)

	if dir, a, b, ok := clockChange(s, rec.clamped, rec.base); ok {
		from = rd.begin()
		rd.str("the clocks go ")
		rd.str(dir)
		rd.str(" on the way (")
		rd.buf = a.AppendFormat(rd.buf, "-07:00")
		rd.str(" to ")
		rd.buf = b.AppendFormat(rd.buf, "-07:00")
		rd.str("): window time is real elapsed time")
		rd.end(RuleClocks, rec.base, from, len(rd.hol))
	}
	if rec.neff == 0 {
		from = rd.begin()
		rd.str("due ")
		rd.instant(rec.base)
		rd.end(RuleDue, rec.base, from, len(rd.hol))
	}
}

// clockChange finds a clock change between a and b at which the window is open,
// reading the zone's transitions: "forward" or "back", with an instant before
// and one after it. A zone boundary at which the UTC offset stays the same (Go
// reports one at the start of every year a zone's rule string serves) is not a
// clock change.
func clockChange(s *calendar.Schedule, a, b time.Time) (string, time.Time, time.Time, bool) {
	for t := a; t.Before(b); {
		end := nextZoneBoundary(t)
		if end.IsZero() || !end.Before(b) {
			return "", time.Time{}, time.Time{}, false
		}
		before := end.Add(-time.Nanosecond)
		if zoneOffset(end) != zoneOffset(before) {
			in1, err1 := s.Contains(before)
			in2, err2 := s.Contains(end)
			if err1 == nil && err2 == nil && in1 && in2 {
				dir := "forward"
				if zoneOffset(end) < zoneOffset(before) {
					dir = "back"
				}
				return dir, before, end, true
			}
		}
		t = end
	}
	return "", time.Time{}, time.Time{}, false
}

// nextZoneBoundary returns the first zone boundary after t in t's location, or
// the zero time if there is none. On the last UTC day of a leap year that a
// zone's rule string serves, Go's Time.ZoneBounds reports an end at or before
// t (golang/go#81583); there the offset is compared a day later, and the
// instant it changes at is found by halving the interval, so the walk always
// moves on and never misses a change.
func nextZoneBoundary(t time.Time) time.Time {
	_, end := t.ZoneBounds()
	if end.IsZero() || end.After(t) {
		return end
	}
	lo, hi := t, t.Add(26*time.Hour)
	if zoneOffset(hi) == zoneOffset(lo) {
		return hi // no change within the day: an instant to go on from
	}
	for hi.Sub(lo) > time.Nanosecond {
		mid := lo.Add(hi.Sub(lo) / 2)
		if zoneOffset(mid) == zoneOffset(lo) {
			lo = mid
		} else {
			hi = mid
		}
	}
	return hi
}

func (rd *renderer) businessDays(rec *record) {
	h0 := len(rd.hol)
	from := rd.start(rec)
	cutoff := rd.c.set.Cutoff.String()
	switch rec.cutoff {
	case cutoffNotApplied:
		if ok, _ := rd.c.sched[rec.lvl.cov].IsCoverageDay(rec.day); !ok {
			rd.notCoverage(rec)
			break
		}
		rd.str(", the ")
		rd.str(cutoff)
		if rec.lvl.cov == Coverage24x7 {
			rd.str(" cutoff does not apply to the 24x7 window")
		} else {
			rd.str(" cutoff does not apply to ship-by targets")
		}
	case cutoffNotCoverage:
		rd.notCoverage(rec)
		rd.str(": counts from ")
		rd.buf = appendDay(rd.buf, rec.proc)
		rd.skipped(rec.day.AddDays(1), rec.proc.AddDays(-1))
	case cutoffAfter:
		rd.str(", after the ")
		rd.str(cutoff)
		rd.str(" cutoff: counts from ")
		rd.buf = appendDay(rd.buf, rec.proc)
		rd.skipped(rec.day.AddDays(1), rec.proc.AddDays(-1))
	default:
		rd.str(", before the ")
		rd.str(cutoff)
		rd.str(" cutoff")
	}
	rd.end(RuleStart, rec.clamped, from, h0)

	h0, from = len(rd.hol), rd.begin()
	if rec.lvl.n == 1 {
		rd.str("next business day: ")
	} else {
		rd.str(strconv.Itoa(int(rec.lvl.n)))
		rd.str(" business days: ")
	}
	rd.buf = appendDay(rd.buf, rec.dueDay)
	rd.skipped(rec.proc.AddDays(1), rec.dueDay.AddDays(-1))
	rd.end(RuleCount, rec.base, from, h0)

	from = rd.begin()
	if rec.base.In(rd.c.cal.Location()).Hour() == 0 && rd.c.cal.DateOf(rec.base) != rec.dueDay {
		rd.str("due at the end of the day (")
		rd.str(rec.lvl.cov.String())
		rd.str(" window): ")
	} else {
		rd.str("due at the close of the ")
		rd.str(rec.lvl.cov.String())
		rd.str(" window: ")
	}
	rd.buf = appendEnd(rd.buf, rec.base)
	rd.end(RuleDue, rec.base, from, len(rd.hol))
}

// notCoverage writes why the clamped start's day does not count: ", Sat 14 Nov
// is not a business day".
func (rd *renderer) notCoverage(rec *record) {
	rd.str(", ")
	rd.buf = appendDay(rd.buf, rec.day)
	if biz, _ := rd.c.cal.IsBusinessDay(rec.day); biz {
		rd.str(" is not a coverage day: the ")
		rd.str(rec.lvl.cov.String())
		rd.str(" window is shut on it")
		return
	}
	rd.str(" is not a business day")
	rd.skipped(rec.day, rec.day)
}

func (rd *renderer) effect(rec *record, e *effect) {
	loc := rd.c.cal.Location()
	from, h0 := rd.begin(), len(rd.hol)
	due := rd.c.at(e.due)
	if e.kind <= effHoldAfterDue {
		h := rd.ds.holds[e.i]
		if h.Running() {
			rd.str("on hold since ")
			rd.instant(h.From.In(loc))
		} else {
			rd.str("on hold from ")
			rd.instant(h.From.In(loc))
			rd.str(" to ")
			rd.instant(h.To.In(loc))
		}
		switch e.kind {
		case effHoldMoved:
			rd.str(": ")
			rd.str(fmtDuration(e.left))
			rd.str(" of the ")
			rd.str(e.lvl.cov.String())
			rd.str(" window was left at ")
			rd.instant(rd.c.at(e.f))
			rd.str(" and runs again from the hold's end: ")
			rd.instant(due)
		case effHoldPaused:
			rd.str(", not ended: the clock stopped at ")
			rd.instant(rd.c.at(e.f))
			rd.str(" with ")
			rd.str(fmtDuration(e.left))
			rd.str(" of the ")
			rd.str(e.lvl.cov.String())
			rd.str(" window left")
		case effHoldAfterEvent:
			rd.str(": after the deadline's event, it does not move it")
		case effHoldAfterDue:
			rd.str(": the deadline had passed when it began, so it does not move it")
		}
		rd.end(RuleHold, due, from, h0)
		return
	}
	ch := rd.ds.changes[e.i]
	cand := rd.c.at(e.cand)
	rd.str("priority ")
	switch e.kind {
	case effRaise, effRaiseKept:
		rd.str("raised")
	case effLower:
		rd.str("lowered")
	default:
		rd.str("changed")
	}
	rd.str(" to ")
	rd.str(ch.Priority.String())
	rd.str(" at ")
	rd.instant(ch.At.In(loc))
	switch e.kind {
	case effRaise:
		rd.str(": ")
		rd.str(e.lvl.String())
		rd.str(" counted from then is due ")
		rd.instant(cand)
		rd.str(", earlier than before")
	case effRaiseKept:
		rd.str(": ")
		rd.str(e.lvl.String())
		rd.str(" counted from then would be due ")
		rd.instant(cand)
		rd.str(", not earlier: the deadline stays ")
		rd.instant(due)
	case effLower:
		rd.str(": ")
		rd.str(e.lvl.String())
		rd.str(" counted from the start, with the holds before the change: due ")
		rd.instant(due)
	case effRetroactive:
		rd.str(", counted retroactively: ")
		rd.str(e.lvl.String())
		rd.str(" from the start, with the holds before the change: due ")
		rd.instant(due)
	case effSameLevel:
		rd.str(": the level stays ")
		rd.str(e.lvl.String())
	case effLate:
		rd.str(": at or after the deadline, it moves nothing")
	}
	rd.end(RulePriority, due, from, h0)
}

// describeWindow writes a window for a ticket: "9x5 window (09:00-18:00 Mon-Fri,
// closed on holidays)", "24x7 window (always)".
func describeWindow(cov Coverage, w calendar.Window) string {
	name := cov.String()
	if w == calendar.Window24x7() {
		return name + " window (always)"
	}
	s := name + " window (" + windowHours(w)
	if !w.OpenOnHolidays {
		s += ", closed on holidays"
	}
	return s + ")"
}

// windowHours writes a window's hours: "09:00-18:00 Mon-Fri" when every day it
// opens has the same one interval, else the window's text form without
// "+holidays".
func windowHours(w calendar.Window) string {
	days := w.Days()
	var first []calendar.Interval
	for d := time.Sunday; d <= time.Saturday; d++ {
		if !days.Has(d) {
			continue
		}
		h := w.Hours(d)
		if first == nil {
			first = h
		}
		if len(h) != 1 || h[0] != first[0] {
			w.OpenOnHolidays = false
			return w.String()
		}
	}
	return first[0].String() + " " + days.String()
}

func zoneOffset(t time.Time) int {
	_, off := t.Zone()
	return off
}

// fmtDuration writes a duration for people: "1 hour", "4 hours", "90 minutes",
// "1h30m15s" for anything odd.
func fmtDuration(d time.Duration) string {
	switch {
	case d == time.Hour:
		return "1 hour"
	case d%time.Hour == 0:
		return strconv.FormatInt(int64(d/time.Hour), 10) + " hours"
	case d%time.Minute == 0 && d < 10*time.Hour:
		return strconv.FormatInt(int64(d/time.Minute), 10) + " minutes"
	}
	return d.String()
}

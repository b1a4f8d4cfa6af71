package sla

import (
	"strconv"
	"strings"
	"time"
	"unsafe"

	"github.com/slaclock/slaclock/calendar"
)

// Rule names what a step of an explanation did. Its text form, in JSON too,
// is its name: "start", "count", "clocks", "hold", "priority", "due".
type Rule uint8

// The rules a step can apply.
const (
	RuleStart    Rule = iota + 1 // when the clock started, clamped into the window, and the cutoff
	RuleCount                    // business days counted, or window time spent
	RuleClocks                   // a clock change inside the window on the way
	RuleHold                     // a hold, and what it did to the deadline
	RulePriority                 // a priority change, and what it did to the deadline
	RuleDue                      // the deadline itself
)

var ruleNames = [...]string{RuleStart: "start", RuleCount: "count", RuleClocks: "clocks", RuleHold: "hold", RulePriority: "priority", RuleDue: "due"}

func (r Rule) valid() bool { return r >= RuleStart && r <= RuleDue }

// String returns the rule's name, "start" to "due"; an invalid rule gives
// "Rule(n)".
func (r Rule) String() string {
	if !r.valid() {
		return "Rule(" + itoa(int(r)) + ")"
	}
	return ruleNames[r]
}

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
// nothing again. The text of every step goes into one buffer, and a step's
// Text is its part of the buffer as the step ends: the buffer is only ever
// appended to, so the bytes a Text holds are never written again (when the
// buffer grows, the Texts made before keep the old one, unchanged). The steps'
// holidays go into one slice, the same way.
//
// The renderer holds no pointer into the Deadlines it renders or their trace
// (they are passed to its methods), so that it does not have to move to the heap.
type renderer struct {
	c     *Calculator
	buf   []byte
	steps []Step
	hol   []calendar.Holiday
	zone  zoneCache
	// The last day wallClock looked up, whose clocks do not change: its
	// midnight (Unix nanoseconds; the day is the 24 hours from it), date and
	// weekday. Zero until the first.
	dayStart int64
	day      calendar.Date
	weekday  time.Weekday
}

// smallExplanation holds the steps of an explanation of at most smallSteps
// steps (a request without holds or priority changes has 9, and one more where
// the clocks change under a window-time clock) and room for their text, which
// takes some 40 bytes a step; a longer text moves to a buffer of its own as it
// grows. With the 8-byte header the allocator puts before it, it fills one of
// its classes, 1024 bytes: nine 72-byte steps leave 368 bytes of text. (A
// Rule of one byte, not a string, keeps Step at 72 bytes: at 80, nine steps
// and their text took the next class, 1152 bytes, and fewer objects fit the
// allocator's spans.)
type smallExplanation struct {
	steps [smallSteps]Step
	text  [1024 - 8 - smallSteps*unsafe.Sizeof(Step{})]byte // 8: the allocator's header
}

const smallSteps = 9

func (c *Calculator) render(ds *Deadlines, tr *trace) {
	rd := renderer{c: c}
	rd.zone.cal = c.cal
	if c.zones != nil {
		rd.zone.table = c.zones()
	}
	nsteps := 0
	for i := 0; i < int(tr.nrec); i++ {
		// Start, count, due, and the effects with the due after them. A
		// window-time clock across a clock change has one step more, which
		// grows the steps: it is rare, and looking for it here costs every
		// request.
		rec := &tr.recs[i]
		nsteps += 3 + int(rec.neff)
		if rec.neff > 0 {
			nsteps++
		}
	}
	if nsteps <= smallSteps {
		// One allocation for the steps and their text, rather than two.
		a := new(smallExplanation)
		rd.steps, rd.buf = a.steps[:0:nsteps], a.text[:0]
	} else {
		rd.buf, rd.steps = make([]byte, 0, 80*nsteps), make([]Step, 0, nsteps)
	}
	var bounds [len(trace{}.recs) + 1]int
	for i := 0; i < int(tr.nrec); i++ {
		rd.record(ds, tr, &tr.recs[i], i)
		bounds[i+1] = len(rd.steps)
	}
	steps := rd.steps
	for i := range ds.list[:ds.n] {
		d := &ds.list[i]
		k := int(tr.rec[i])
		d.Steps = steps[bounds[k]:bounds[k+1]:bounds[k+1]]
	}
}

// begin starts a step's text.
func (rd *renderer) begin() int { return len(rd.buf) }

// end closes the step begun at from, whose holidays are those from index h0.
func (rd *renderer) end(rule Rule, at time.Time, from, h0 int) {
	st := rd.step(rule, at)
	if n := len(rd.buf) - from; n > 0 {
		st.Text = unsafe.String(&rd.buf[from], n) // never written again
	}
	if h1 := len(rd.hol); h1 > h0 {
		st.Skipped = rd.hol[h0:h1:h1]
	}
}

// step adds a step. The steps' storage is zero past its length: the fields are
// set one by one, rather than a Step copied in.
func (rd *renderer) step(rule Rule, at time.Time) *Step {
	n := len(rd.steps)
	if n == cap(rd.steps) {
		rd.steps = append(rd.steps, Step{})
	} else {
		rd.steps = rd.steps[:n+1]
	}
	st := &rd.steps[n]
	st.Rule, st.At = rule, at
	return st
}

// endText closes a step whose text is the whole of text, a string of the
// calculator's own that is not copied into the buffer.
func (rd *renderer) endText(rule Rule, at time.Time, text string) {
	rd.step(rule, at).Text = text
}

func (rd *renderer) str(s string) { rd.buf = append(rd.buf, s...) }

func (rd *renderer) instant(t time.Time) { rd.buf = rd.zone.appendInstant(rd.buf, t) }

// instantAt writes the recorded instant u, Unix nanoseconds, as instant does:
// on a day whose clocks do not change, from the calendar's tables alone.
func (rd *renderer) instantAt(u int64) {
	if d, wd, since, ok := rd.wallClock(u); ok {
		rd.buf = appendClock(rd.buf, d, wd, since)
		return
	}
	rd.instant(rd.at(u))
}

// wallClock is calendar.WallClock, answered without the calendar's tables for
// an instant of the day it answered last: a request's instants fall on a few
// days.
func (rd *renderer) wallClock(u int64) (calendar.Date, time.Weekday, time.Duration, bool) {
	if since := u - rd.dayStart; rd.day != (calendar.Date{}) && uint64(since) < uint64(24*time.Hour) {
		return rd.day, rd.weekday, time.Duration(since), true
	}
	d, wd, since, ok := rd.c.cal.WallClock(u)
	if ok {
		rd.dayStart, rd.day, rd.weekday = u-int64(since), d, wd
	}
	return d, wd, since, ok
}

// oneRegularDay reports whether the instants u and v (Unix nanoseconds) lie on
// one day whose clocks do not change, so that no clock change lies between them.
func (rd *renderer) oneRegularDay(u, v int64) bool {
	if _, _, _, ok := rd.wallClock(u); !ok {
		return false
	}
	return uint64(v-rd.dayStart) < uint64(24*time.Hour)
}

// endAt writes the recorded instant u, which ends a day, as zoneCache.appendEnd
// does: midnight is 24:00 of the day before.
func (rd *renderer) endAt(u int64) {
	d, wd, since, ok := rd.wallClock(u)
	switch {
	case !ok || !validDay(d):
		rd.buf = rd.zone.appendEnd(rd.buf, rd.at(u))
	case since == 0:
		rd.buf = appendDayYearOn(rd.buf, d.AddDays(-1), (wd+6)%7)
		rd.str(" 24:00")
	default:
		rd.buf = appendClock(rd.buf, d, wd, since)
	}
}

// dateAt returns the date of the recorded instant u.
func (rd *renderer) dateAt(u int64) calendar.Date {
	if d, _, _, ok := rd.wallClock(u); ok {
		return d
	}
	return rd.c.cal.DateOf(rd.at(u))
}

// at returns a recorded instant in the calendar's location.
func (rd *renderer) at(u int64) time.Time { return rd.c.at(u) }

// skipped appends " (skipping Wed 11 Nov Narodowe Święto Niepodległości, ...)"
// for the holidays from one date to another, both included (none when to is
// before from).
func (rd *renderer) skipped(from, to calendar.Date) {
	rd.writeSkipped(rd.holidays(from, to))
}

// holidays adds the holidays from one date to another to the renderer's, and
// returns the index of the first.
func (rd *renderer) holidays(from, to calendar.Date) int {
	h0 := len(rd.hol)
	if to.Before(from) {
		return h0 // an empty span, as a day counted right after another gives
	}
	if hs, err := rd.c.cal.AppendHolidaysBetween(rd.hol, from, to); err == nil {
		rd.hol = hs
	}
	return h0
}

// writeSkipped writes " (skipping ...)" for the holidays from index h0 on.
func (rd *renderer) writeSkipped(h0 int) {
	hs := rd.hol
	if len(hs) == h0 {
		return
	}
	rd.str(" (skipping ")
	for i, h := range hs[h0:] {
		if i > 0 {
			rd.str(", ")
		}
		rd.buf = appendDay(rd.buf, h.Date)
		rd.str(" ")
		rd.str(h.Name)
	}
	rd.str(")")
}

func (rd *renderer) record(ds *Deadlines, tr *trace, rec *record, i int) {
	switch rec.how {
	case howDays:
		at, base := rec.clampedTime, rec.baseTime
		from := rd.begin()
		if rec.field == fieldOnSite {
			rd.str("replacement brought on site ")
		} else {
			rd.str("replacement delivered ")
		}
		rd.instantAt(rec.at)
		rd.end(RuleStart, at, from, len(rd.hol))
		from = rd.begin()
		rd.str(rd.c.txt.returnDaysColon)
		rd.buf = appendDayYear(rd.buf, rec.dueDay.date())
		rd.end(RuleCount, base, from, len(rd.hol))
		from = rd.begin()
		rd.str("due at the end of the day: ")
		rd.endAt(rec.base)
		rd.end(RuleDue, base, from, len(rd.hol))
		return
	case howWindow:
		rd.windowTime(rec)
	case howBusinessDays:
		rd.businessDays(rec)
	}
	if rec.neff == 0 {
		return
	}
	due := rec.base
	for k := int32(0); k < rec.neff; k++ {
		e := tr.effect(int(rec.eff0 + k))
		rd.effect(tr, rec, e)
		due = e.due
	}
	d := &ds.list[0]
	for j := 0; j < int(ds.n); j++ {
		if int(tr.rec[j]) == i {
			d = &ds.list[j]
			break
		}
	}
	from := rd.begin()
	if d.Paused {
		rd.str("paused since ")
		rd.instant(d.PausedSince)
		rd.str(" with ")
		rd.buf = appendDuration(rd.buf, d.Left)
		rd.str(" of the ")
		rd.str(d.Level.cov.String())
		rd.str(" window left: no due instant until the hold ends")
		rd.end(RuleDue, d.PausedSince, from, len(rd.hol))
		return
	}
	rd.str("due ")
	rd.instantAt(due)
	rd.end(RuleDue, rd.at(due), from, len(rd.hol))
}

// start writes the start step's first words: "confirmed Sat 14 Nov 2026 10:00,
// outside the 9x5 window: the clock starts Mon 16 Nov 2026 09:00".
func (rd *renderer) start(rec *record) int {
	from := rd.begin()
	rd.str(startWords[rec.field])
	rd.instantAt(rec.at)
	if rec.clamped != rec.at {
		rd.str(", outside the ")
		rd.str(rec.lvl.cov.String())
		rd.str(" window: the clock starts ")
		rd.instantAt(rec.clamped)
		rd.skipped(rd.dateAt(rec.at), rd.dateAt(rec.clamped).AddDays(-1))
	}
	return from
}

func (rd *renderer) windowTime(rec *record) {
	h0 := len(rd.hol)
	from := rd.start(rec)
	clamped, base := rec.clampedTime, rec.baseTime
	rd.end(RuleStart, clamped, from, h0)

	tx := &rd.c.txt
	cov := rec.lvl.cov
	h0 = len(rd.hol)
	if !tx.openOnHolidays[cov] {
		// Time spent within one day was spent while the window was open on
		// it: that day was no holiday the window is shut on.
		if a, b := rd.dateAt(rec.clamped), rd.dateAt(rec.base); a != b {
			rd.holidays(a, b)
		}
	}
	if rec.kind == Response && len(rd.hol) == h0 {
		rd.endText(RuleCount, base, tx.responseCount[cov])
	} else {
		from = rd.begin()
		if rec.kind == Response {
			rd.str("response within ")
			rd.str(tx.response)
		} else {
			rd.buf = appendDuration(rd.buf, time.Duration(rec.lvl.n)*time.Hour)
		}
		rd.str(tx.window[cov])
		rd.writeSkipped(h0)
		rd.end(RuleCount, base, from, h0)
	}

	if dir, a, b, ok := rd.clockChange(rd.c.sched[cov], rec.clamped, rec.base, clamped, base); ok {
		from = rd.begin()
		rd.str("the clocks go ")
		rd.str(dir)
		rd.str(" on the way (")
		rd.buf = a.AppendFormat(rd.buf, "-07:00")
		rd.str(" to ")
		rd.buf = b.AppendFormat(rd.buf, "-07:00")
		rd.str("): window time is real elapsed time")
		rd.end(RuleClocks, base, from, len(rd.hol))
	}
	if rec.neff == 0 {
		from = rd.begin()
		rd.str("due ")
		rd.instantAt(rec.base)
		rd.end(RuleDue, base, from, len(rd.hol))
	}
}

// clockChange is the package's clockChange from a to b (u and v in Unix
// nanoseconds), answered without the zone when both lie on one day whose
// clocks do not change, or from the zone period the renderer already knows
// when the whole span lies inside it.
func (rd *renderer) clockChange(s *calendar.Schedule, u, v int64, a, b time.Time) (string, time.Time, time.Time, bool) {
	if u >= v || rd.oneRegularDay(u, v) || rd.zone.holds(a, b) {
		return "", time.Time{}, time.Time{}, false
	}
	return clockChange(s, a, b)
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

// startWords begin a start step: "submitted ", "confirmed ".
var startWords = func() (w [len(startFields)]string) {
	for i, f := range startFields {
		w[i] = f + " "
	}
	return
}()

func (rd *renderer) businessDays(rec *record) {
	h0 := len(rd.hol)
	from := rd.start(rec)
	clamped, base := rec.clampedTime, rec.baseTime
	cutoff := rd.c.txt.cutoff
	switch rec.cutoff {
	case cutoffNotApplied:
		if !rec.covered {
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
		rd.buf = appendDay(rd.buf, rec.proc.date())
		if rec.skipsFrom {
			rd.skipped(rec.day.date().AddDays(1), rec.proc.date().AddDays(-1))
		}
	case cutoffAfter:
		rd.str(rd.c.txt.afterCutoff)
		rd.buf = appendDay(rd.buf, rec.proc.date())
		if rec.skipsFrom {
			rd.skipped(rec.day.date().AddDays(1), rec.proc.date().AddDays(-1))
		}
	default:
		rd.str(rd.c.txt.beforeCutoff)
	}
	rd.end(RuleStart, clamped, from, h0)

	h0, from = len(rd.hol), rd.begin()
	if rec.lvl.n == 1 {
		rd.str("next business day: ")
	} else {
		rd.buf = strconv.AppendInt(rd.buf, int64(rec.lvl.n), 10)
		rd.str(" business days: ")
	}
	rd.buf = appendDay(rd.buf, rec.dueDay.date())
	if rec.skipsDue {
		rd.skipped(rec.proc.date().AddDays(1), rec.dueDay.date().AddDays(-1))
	}
	rd.end(RuleCount, base, from, h0)

	from = rd.begin()
	// Due in the first hour of a day after the due day: at the end of that
	// day, in a window open until midnight.
	d, _, since, ok := rd.wallClock(rec.base)
	if !ok {
		w := rd.zone.civil(base)
		d, since = w.Date, time.Duration(w.Hour)*time.Hour
	}
	if since < time.Hour && d != rec.dueDay.date() {
		rd.str("due at the end of the day (")
		rd.str(rec.lvl.cov.String())
		rd.str(" window): ")
	} else {
		if cov := rec.lvl.cov; cov.valid() {
			rd.str(rd.c.txt.closeOfWindow[cov])
		} else {
			rd.str("due at the close of the ")
			rd.str(cov.String())
			rd.str(" window: ")
		}
	}
	rd.endAt(rec.base)
	rd.end(RuleDue, base, from, len(rd.hol))
}

// notCoverage writes why the clamped start's day does not count: ", Sat 14 Nov
// is not a business day".
func (rd *renderer) notCoverage(rec *record) {
	rd.str(", ")
	rd.buf = appendDay(rd.buf, rec.day.date())
	if biz, _ := rd.c.cal.IsBusinessDay(rec.day.date()); biz {
		rd.str(" is not a coverage day: the ")
		rd.str(rec.lvl.cov.String())
		rd.str(" window is shut on it")
		return
	}
	rd.str(" is not a business day")
	rd.skipped(rec.day.date(), rec.day.date())
}

func (rd *renderer) effect(tr *trace, rec *record, e *effect) {
	loc := rd.c.cal.Location()
	from, h0 := rd.begin(), len(rd.hol)
	due := rd.at(e.due)
	if e.kind <= effHoldAfterDue {
		h := tr.holds[e.i]
		stopped := max(unix(h.From), rec.at) // the clock stopped at the later of the hold's start and its own
		left := time.Duration(e.v)
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
			rd.buf = appendDuration(rd.buf, left)
			rd.str(" of the ")
			rd.str(e.lvl.level().cov.String())
			rd.str(" window was left at ")
			rd.instantAt(stopped)
			rd.str(" and runs again from the hold's end: ")
			rd.instantAt(e.due)
		case effHoldPaused:
			rd.str(", not ended: the clock stopped at ")
			rd.instantAt(stopped)
			rd.str(" with ")
			rd.buf = appendDuration(rd.buf, left)
			rd.str(" of the ")
			rd.str(e.lvl.level().cov.String())
			rd.str(" window left")
		case effHoldAfterEvent:
			rd.str(": after the deadline's event, it does not move it")
		case effHoldAfterDue:
			rd.str(": the deadline had passed when it began, so it does not move it")
		}
		rd.end(RuleHold, due, from, h0)
		return
	}
	ch := tr.changes[e.i]
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
		rd.buf = e.lvl.level().appendTo(rd.buf)
		rd.str(" counted from then is due ")
		rd.instantAt(e.v)
		rd.str(", earlier than before")
	case effRaiseKept:
		rd.str(": ")
		rd.buf = e.lvl.level().appendTo(rd.buf)
		rd.str(" counted from then would be due ")
		rd.instantAt(e.v)
		rd.str(", not earlier: the deadline stays ")
		rd.instantAt(e.due)
	case effLower:
		rd.str(": ")
		rd.buf = e.lvl.level().appendTo(rd.buf)
		rd.str(" counted from the start, with the holds before the change: due ")
		rd.instantAt(e.due)
	case effRetroactive:
		rd.str(", counted retroactively: ")
		rd.buf = e.lvl.level().appendTo(rd.buf)
		rd.str(" from the start, with the holds before the change: due ")
		rd.instantAt(e.due)
	case effSameLevel:
		rd.str(": the level stays ")
		rd.buf = e.lvl.level().appendTo(rd.buf)
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

// appendDuration writes a duration for people: "1 hour", "4 hours", "90
// minutes", and as time.Duration writes it ("1h30m15s") for anything odd.
func appendDuration(b []byte, d time.Duration) []byte {
	switch {
	case d == time.Hour:
		return append(b, "1 hour"...)
	case d%time.Hour == 0:
		b = strconv.AppendInt(b, int64(d/time.Hour), 10)
		return append(b, " hours"...)
	case d%time.Minute == 0 && d < 10*time.Hour:
		b = strconv.AppendInt(b, int64(d/time.Minute), 10)
		return append(b, " minutes"...)
	case d > 0 && d%time.Second == 0:
		// time.Duration's own form, without its allocation: 16h30m0s, 45m10s.
		if h := d / time.Hour; h > 0 {
			b = strconv.AppendInt(b, int64(h), 10)
			b = append(b, 'h')
		}
		if d >= time.Minute {
			b = strconv.AppendInt(b, int64(d%time.Hour/time.Minute), 10)
			b = append(b, 'm')
		}
		b = strconv.AppendInt(b, int64(d%time.Minute/time.Second), 10)
		return append(b, 's')
	}
	return append(b, d.String()...)
}

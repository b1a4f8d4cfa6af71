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
	RuleStart  Rule = "start"  // when the clock started, clamped into the window, and the cutoff
	RuleCount  Rule = "count"  // business days counted, or window time spent
	RuleDue    Rule = "due"    // the deadline itself
	RuleClocks Rule = "clocks" // a clock change inside the span
)

// Step is one step of a deadline's explanation, as data. Text is a sentence a
// service-desk engineer can paste into a ticket; Skipped names the holidays the
// step passed over, with their Polish names.
type Step struct {
	Rule    Rule
	At      time.Time // the instant the step arrived at, in the calendar's location
	Text    string
	Skipped []calendar.Holiday `json:",omitempty"`
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

// fmtInstant writes t as "Fri 13 Nov 2026 15:20", with seconds (and fractions)
// when it has them, and the zone abbreviation on days when the clocks change,
// where a wall time alone can be ambiguous.
func fmtInstant(t time.Time) string {
	layout := "Mon 2 Jan 2006 15:04"
	if t.Second() != 0 || t.Nanosecond() != 0 {
		layout = "Mon 2 Jan 2006 15:04:05.999999999"
	}
	s := t.Format(layout)
	if clocksChangeOn(t) {
		s += " " + t.Format("MST")
	}
	return s
}

// fmtEnd writes an instant that ends a day: midnight is written as 24:00 of the
// day before ("Mon 16 Nov 2026 24:00"), as SPEC writes the end of a day.
func fmtEnd(t time.Time) string {
	if t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0 && t.Nanosecond() == 0 {
		return t.AddDate(0, 0, -1).Format("Mon 2 Jan 2006") + " 24:00"
	}
	return fmtInstant(t)
}

func fmtDay(d calendar.Date) string {
	return time.Date(d.Year, d.Month, d.Day, 12, 0, 0, 0, time.UTC).Format("Mon 2 Jan")
}

func fmtDayYear(d calendar.Date) string {
	return time.Date(d.Year, d.Month, d.Day, 12, 0, 0, 0, time.UTC).Format("Mon 2 Jan 2006")
}

func zoneOffset(t time.Time) int {
	_, off := t.Zone()
	return off
}

// clocksChangeOn reports whether t's day has a clock change in t's location.
func clocksChangeOn(t time.Time) bool {
	y, m, d := t.Date()
	_, a := time.Date(y, m, d, 0, 0, 0, 0, t.Location()).Zone()
	_, b := time.Date(y, m, d, 23, 59, 59, 0, t.Location()).Zone()
	return a != b
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

// skipped lists the holidays from one date to another, both included, and
// appends them to text as "(skipping Wed 11 Nov Narodowe Święto Niepodległości)".
func (c *Calculator) skipped(from, to calendar.Date, text string) (string, []calendar.Holiday) {
	if to.Before(from) {
		return text, nil
	}
	hs, err := c.cal.HolidaysBetween(from, to)
	if err != nil || len(hs) == 0 {
		return text, nil
	}
	names := make([]string, len(hs))
	for i, h := range hs {
		names[i] = fmtDay(h.Date) + " " + h.Name
	}
	return text + " (skipping " + strings.Join(names, ", ") + ")", hs
}

// explainStart writes how the clock started: "confirmed Sat 14 Nov 2026 10:00,
// outside the 9x5 window: the clock starts Mon 16 Nov 2026 09:00".
func (c *Calculator) explainStart(cov Coverage, s *calendar.Schedule, field string, at, start time.Time) Step {
	loc := c.cal.Location()
	text := field + " " + fmtInstant(at.In(loc))
	var hs []calendar.Holiday
	if !start.Equal(at) {
		text += ", outside the " + cov.String() + " window: the clock starts " + fmtInstant(start)
		text, hs = c.skipped(c.cal.DateOf(at), c.cal.DateOf(start).AddDays(-1), text)
	}
	return Step{Rule: RuleStart, At: start, Text: text, Skipped: hs}
}

func (c *Calculator) explainWindowTime(s *calendar.Schedule, cov Coverage, field string, at time.Time, d time.Duration, what string, due time.Time) []Step {
	start, err := s.NextOpen(at)
	if err != nil {
		start = at
	}
	steps := []Step{c.explainStart(cov, s, field, at, start)}
	text := fmtDuration(d) + " of the " + describeWindow(cov, s.Window())
	if s.Window() == calendar.Window24x7() {
		text = fmtDuration(d) + " of real elapsed time (" + cov.String() + " window)"
	}
	if what != "" {
		text = what + " " + text
	}
	var hs []calendar.Holiday
	if !s.Window().OpenOnHolidays {
		text, hs = c.skipped(c.cal.DateOf(start), c.cal.DateOf(due), text)
	}
	steps = append(steps, Step{Rule: RuleCount, At: due, Text: text, Skipped: hs})
	if _, a := start.Zone(); a != zoneOffset(due) {
		dir := "forward"
		if zoneOffset(due) < a {
			dir = "back"
		}
		steps = append(steps, Step{Rule: RuleClocks, At: due,
			Text: "the clocks go " + dir + " on the way (" + start.Format("-07:00") + " to " + due.Format("-07:00") + "): window time is real elapsed time"})
	}
	return append(steps, Step{Rule: RuleDue, At: due, Text: "due " + fmtInstant(due)})
}

func (c *Calculator) explainBusinessDays(s *calendar.Schedule, l Level, conf, start time.Time, day calendar.Date,
	isBusiness, applies, after bool, dueDay calendar.Date, due time.Time) []Step {
	first := c.explainStart(l.cov, s, "confirmed", conf, start)
	base := day
	switch {
	case !isBusiness:
		first.Text += ", " + fmtDay(day) + " is not a business day"
		first.Text, first.Skipped = c.skipped(day, day, first.Text)
	case !applies:
		first.Text += ", the " + c.set.Cutoff.String() + " cutoff does not apply to ship-by targets"
	case after:
		next, err := c.cal.NextBusinessDay(day)
		if err == nil {
			base = next
		}
		first.Text += ", after the " + c.set.Cutoff.String() + " cutoff: counts from " + fmtDay(base)
		var hs []calendar.Holiday
		first.Text, hs = c.skipped(day.AddDays(1), base.AddDays(-1), first.Text)
		first.Skipped = append(first.Skipped, hs...)
	default:
		first.Text += ", before the " + c.set.Cutoff.String() + " cutoff"
	}
	k := int(l.n)
	text := strconv.Itoa(k) + " business days: " + fmtDay(dueDay)
	if k == 1 {
		text = "next business day: " + fmtDay(dueDay)
	}
	text, hs := c.skipped(base.AddDays(1), dueDay.AddDays(-1), text)
	count := Step{Rule: RuleCount, At: due, Text: text, Skipped: hs}

	closeText := "due at the close of the " + l.cov.String() + " window: " + fmtEnd(due)
	if h, m, sec := due.Clock(); h == 0 && m == 0 && sec == 0 && due.Nanosecond() == 0 {
		closeText = "due at the end of the day (" + l.cov.String() + " window): " + fmtEnd(due)
	}
	return []Step{first, count, {Rule: RuleDue, At: due, Text: closeText}}
}

func (c *Calculator) explainReturn(delivered time.Time, last calendar.Date, due time.Time) []Step {
	loc := c.cal.Location()
	return []Step{
		{Rule: RuleStart, At: delivered.In(loc), Text: "replacement delivered " + fmtInstant(delivered.In(loc))},
		{Rule: RuleCount, At: due, Text: strconv.Itoa(c.set.ReturnDays) + " calendar days: " + fmtDayYear(last)},
		{Rule: RuleDue, At: due, Text: "due at the end of the day: " + fmtEnd(due)},
	}
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

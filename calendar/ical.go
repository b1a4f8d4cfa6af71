package calendar

import (
	"bytes"
	"errors"
	"io"
	"os"
	"strings"
	"time"

	"github.com/emersion/go-ical"
	"github.com/teambition/rrule-go"

	"github.com/slaclock/slaclock/internal/icsfold"
)

// iCalendar (RFC 5545) in and out, with github.com/emersion/go-ical for the
// format and github.com/teambition/rrule-go for recurrences.

// WithClosuresICS adds the days of an iCalendar stream's events as closures,
// named by each event's SUMMARY ("closure" when it has none). It reads r when
// called. An event gives closures when it covers whole days in the calendar's
// location: an all-day event (DTSTART;VALUE=DATE, with DTEND, a DURATION of
// whole days or neither, for one day), or a timed event from a local midnight
// to a local midnight, in UTC, with a TZID or floating. Recurring events
// (RRULE, with UNTIL, COUNT or neither, and RDATE) are expanded over the
// calendar's range; EXDATE removes occurrences, and an event with a
// RECURRENCE-ID replaces its occurrence. Events with STATUS:CANCELLED are
// skipped; occurrences outside the calendar's range are ignored.
//
// Building the calendar fails, wrapping ErrSyntax, if the stream does not parse
// (the error names the line), and, wrapping ErrInvalid, if an event does not
// cover whole days: each such event is named by its UID, SUMMARY and DTSTART.
func WithClosuresICS(r io.Reader) Option {
	data, err := io.ReadAll(r)
	var cal *ical.Calendar
	if err == nil {
		cal, err = decodeICS(data)
	}
	return func(b *builder) error {
		if err != nil {
			return err
		}
		b.ics = append(b.ics, cal)
		return nil
	}
}

// WithClosuresICSFile is WithClosuresICS on the file name.
func WithClosuresICSFile(name string) Option {
	data, err := os.ReadFile(name)
	if err != nil {
		return func(*builder) error {
			return &ValueError{Field: "WithClosuresICSFile", Value: name, Reason: err.Error()}
		}
	}
	return WithClosuresICS(bytes.NewReader(data))
}

// lineFeeder gives the decoder one line at a time, the first byte of each line
// apart, so that when decoding fails the lines delivered whole are the lines
// read: the decoder only peeks at the first byte of the next line (to see
// whether it continues the one before).
type lineFeeder struct {
	lines     [][]byte
	k, off    int
	delivered int
}

func (f *lineFeeder) Read(p []byte) (int, error) {
	if f.k >= len(f.lines) {
		return 0, io.EOF
	}
	if len(p) == 0 {
		return 0, nil
	}
	l := f.lines[f.k]
	n := 1
	if f.off > 0 {
		n = copy(p, l[f.off:])
	} else {
		p[0] = l[0]
	}
	f.off += n
	if f.off == len(l) {
		f.k, f.off = f.k+1, 0
		f.delivered++
	}
	return n, nil
}

func decodeICS(data []byte) (*ical.Calendar, error) {
	f := &lineFeeder{lines: bytes.SplitAfter(data, []byte("\n"))}
	if n := len(f.lines); n > 0 && len(f.lines[n-1]) == 0 {
		f.lines = f.lines[:n-1]
	}
	cal, err := ical.NewDecoder(f).Decode()
	if err == nil {
		return cal, nil
	}
	line := max(f.delivered, 1)
	text := ""
	if line <= len(f.lines) {
		text = strings.TrimRight(string(f.lines[line-1]), "\r\n")
	}
	if errors.Is(err, io.EOF) {
		err = errors.New("the stream ends before END:VCALENDAR")
	}
	return nil, &ParseError{Kind: "iCalendar line " + itoa(line), Input: text, Reason: err.Error()}
}

// icsClosures returns the closures that the events of cal give in c's range.
func (c *Calendar) icsClosures(cal *ical.Calendar) ([]Holiday, error) {
	events := cal.Events()
	// Occurrences replaced by an event with a RECURRENCE-ID, by UID.
	replaced := map[string][]Date{}
	for _, ev := range events {
		if rid := ev.Props.Get(ical.PropRecurrenceID); rid != nil {
			if t, _, err := c.icsTime(rid); err == nil {
				uid, _ := ev.Props.Text(ical.PropUID)
				replaced[uid] = append(replaced[uid], c.DateOf(t))
			}
		}
	}
	var out []Holiday
	var errs []error
	for _, ev := range events {
		if st := ev.Props.Get(ical.PropStatus); st != nil && strings.EqualFold(st.Value, "CANCELLED") {
			continue
		}
		hs, err := c.eventClosures(ev, replaced)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		out = append(out, hs...)
	}
	return out, errors.Join(errs...)
}

func (c *Calendar) eventClosures(ev ical.Event, replaced map[string][]Date) ([]Holiday, error) {
	uid, _ := ev.Props.Text(ical.PropUID)
	summary, _ := ev.Props.Text(ical.PropSummary)
	start := ev.Props.Get(ical.PropDateTimeStart)
	name := "UID=" + uid + " SUMMARY=" + summary
	if start != nil {
		name += " DTSTART=" + start.Value
	}
	refuse := func(reason string) error {
		return &ValueError{Field: "iCalendar event", Value: name, Reason: reason}
	}
	if start == nil {
		return nil, refuse("has no DTSTART")
	}
	from, allDay, err := c.icsTime(start)
	if err != nil {
		return nil, refuse(err.Error())
	}
	to := from
	switch end, dur := ev.Props.Get(ical.PropDateTimeEnd), ev.Props.Get(ical.PropDuration); {
	case end != nil:
		if to, _, err = c.icsTime(end); err != nil {
			return nil, refuse("DTEND: " + err.Error())
		}
	case dur != nil:
		d, err := dur.Duration()
		if err != nil || d%(24*time.Hour) != 0 {
			return nil, refuse("DURATION " + dur.Value + " is not whole days")
		}
		to = c.DateOf(from).AddDays(int(d / (24 * time.Hour))).In(c.loc)
	case allDay:
		to = c.DateOf(from).AddDays(1).In(c.loc)
	}
	first, last := c.DateOf(from), c.DateOf(to)
	if !from.Equal(first.In(c.loc)) || !to.Equal(last.In(c.loc)) || !last.After(first) {
		return nil, refuse("does not cover whole days in " + c.loc.String())
	}
	days := first.DaysUntil(last)
	if summary == "" {
		summary = "closure"
	}
	starts := []Date{first}
	if rr := ev.Props.Get(ical.PropRecurrenceRule); rr != nil {
		if starts, err = c.occurrences(ev, first.In(c.loc), replaced[uid]); err != nil {
			return nil, refuse(err.Error())
		}
	}
	var out []Holiday
	for _, d := range starts {
		for k := 0; k < days; k++ {
			if day := d.AddDays(k); !day.Before(c.first) && !day.After(c.Last()) {
				out = append(out, Holiday{Date: day, Name: summary, Closure: true})
			}
		}
	}
	return out, nil
}

// occurrences expands ev's recurrence from start over the calendar's range,
// without its EXDATEs and the dates in replaced.
func (c *Calendar) occurrences(ev ical.Event, start time.Time, replaced []Date) ([]Date, error) {
	opt, err := ev.Props.RecurrenceRule()
	if err != nil {
		return nil, errors.New("RRULE: " + err.Error())
	}
	opt.Dtstart = start
	rule, err := rrule.NewRRule(*opt)
	if err != nil {
		return nil, errors.New("RRULE: " + err.Error())
	}
	set := rrule.Set{}
	set.RRule(rule)
	for _, p := range ev.Props.Values(ical.PropRecurrenceDates) {
		ts, err := c.icsTimes(p)
		if err != nil {
			return nil, errors.New("RDATE: " + err.Error())
		}
		for _, t := range ts {
			set.RDate(t)
		}
	}
	skip := map[Date]bool{}
	for _, d := range replaced {
		skip[d] = true
	}
	for _, p := range ev.Props.Values(ical.PropExceptionDates) {
		ts, err := c.icsTimes(p)
		if err != nil {
			return nil, errors.New("EXDATE: " + err.Error())
		}
		for _, t := range ts {
			skip[c.DateOf(t)] = true
		}
	}
	var out []Date
	for _, t := range set.Between(time.Unix(0, c.mid[0]), time.Unix(0, c.mid[c.n]), true) {
		if d := c.DateOf(t); !skip[d] {
			if !t.Equal(d.In(c.loc)) {
				return nil, errors.New("an occurrence at " + t.In(c.loc).Format(time.RFC3339) + " does not start a day")
			}
			out = append(out, d)
		}
	}
	return out, nil
}

// icsTimes parses a property with one or more comma-separated values.
func (c *Calendar) icsTimes(p ical.Prop) ([]time.Time, error) {
	var out []time.Time
	for _, v := range strings.Split(p.Value, ",") {
		one := p
		one.Value = strings.TrimSpace(v)
		t, _, err := c.icsTime(&one)
		if err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, nil
}

// icsTime parses a DATE or DATE-TIME value in the calendar's location: a DATE
// is the day's first instant; a DATE-TIME is in UTC (a Z suffix), in its TZID
// (the calendar's own location when the names match, so no zone database is
// needed for it) or floating (the calendar's location).
func (c *Calendar) icsTime(p *ical.Prop) (time.Time, bool, error) {
	v := strings.TrimSpace(p.Value)
	if p.Params.Get(ical.ParamValue) == string(ical.ValueDate) || len(v) == 8 {
		t, err := time.Parse("20060102", v)
		if err != nil {
			return time.Time{}, false, errors.New("DATE " + v + " does not parse")
		}
		return DateOf(t).In(c.loc), true, nil
	}
	loc := c.loc
	if tz := p.Params.Get(ical.ParamTimezoneID); tz != "" && tz != c.loc.String() {
		l, err := time.LoadLocation(tz)
		if err != nil {
			return time.Time{}, false, errors.New("TZID " + tz + " is not a known zone")
		}
		loc = l
	}
	if s, ok := strings.CutSuffix(v, "Z"); ok {
		v, loc = s, time.UTC
	}
	t, err := time.ParseInLocation("20060102T150405", v, loc)
	if err != nil {
		return time.Time{}, false, errors.New("DATE-TIME " + p.Value + " does not parse")
	}
	return t.In(c.loc), false, nil
}

// WriteICS writes the holidays and closures of the years from fromYear to
// toYear, both included, as an iCalendar (RFC 5545) stream: one all-day event
// per day off, with DTSTART and DTEND as DATE values (DTEND the next day),
// SUMMARY its name, CATEGORIES HOLIDAY or CLOSURE, TRANSP:TRANSPARENT, and a
// stable UID, "YYYYMMDD-holiday@slaclock" or "YYYYMMDD-closure@slaclock", so a
// subscribed calendar updates rather than duplicates. Content lines longer than
// 75 octets (a long closure name) are folded, as RFC 5545 asks, never inside a
// UTF-8 sequence. stamp is every event's
// DTSTAMP (written in UTC); the library never reads the clock, so the caller
// passes it, and the same calendar, years and stamp give the same bytes.
//
// Worked days (WithWorkday) and other hours (WithHoursOn, WithWindowHoursOn)
// have no iCalendar form and are not written; neither are holidays removed
// with WithoutHoliday.
func (c *Calendar) WriteICS(w io.Writer, fromYear, toYear int, stamp time.Time) error {
	if c == nil || c.n == 0 {
		return c.dateError(Date{})
	}
	if stamp.IsZero() {
		return &ValueError{Field: "DTSTAMP", Value: "zero", Reason: "pass the instant the export is made"}
	}
	if toYear < fromYear {
		return &ValueError{Field: "WriteICS years", Value: itoa(fromYear) + "-" + itoa(toYear), Reason: "the range ends before it starts"}
	}
	hs, err := c.HolidaysBetween(Date{fromYear, time.January, 1}, Date{toYear, time.December, 31})
	if err != nil {
		return err
	}
	cal := ical.NewCalendar()
	cal.Props.SetText(ical.PropVersion, "2.0")
	cal.Props.SetText(ical.PropProductID, "-//slaclock//calendar//EN")
	cal.Props.SetText(ical.PropCalendarScale, "GREGORIAN")
	for _, h := range hs {
		kind, category := "holiday", "HOLIDAY"
		if h.Closure {
			kind, category = "closure", "CLOSURE"
		}
		ev := ical.NewEvent()
		var day [10]byte
		ymd := strings.ReplaceAll(string(h.Date.appendTo(day[:0])), "-", "")
		ev.Props.SetText(ical.PropUID, ymd+"-"+kind+"@slaclock")
		ev.Props.SetDateTime(ical.PropDateTimeStamp, stamp.UTC())
		ev.Props.SetDate(ical.PropDateTimeStart, h.Date.In(time.UTC))
		ev.Props.SetDate(ical.PropDateTimeEnd, h.Date.AddDays(1).In(time.UTC))
		ev.Props.SetText(ical.PropSummary, h.Name)
		ev.Props.SetText(ical.PropCategories, category)
		ev.Props.SetText(ical.PropTransparency, "TRANSPARENT")
		cal.Children = append(cal.Children, ev.Component)
	}
	var buf bytes.Buffer
	if err := ical.NewEncoder(&buf).Encode(cal); err != nil {
		return err
	}
	_, err = w.Write(icsfold.Fold(buf.Bytes()))
	return err
}

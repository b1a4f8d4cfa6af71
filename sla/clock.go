package sla

import (
	"time"

	"github.com/slaclock/slaclock/calendar"
)

// A clock is one deadline's computation: the response from the submission, a
// target from the confirmation, the return from the delivery. Each rule records
// what it decided in the clock's record as it decides it, and the explanation
// is rendered from the record alone.

// maxInlineEffects is how many effects of holds and priority changes a
// Deadlines records without allocating.
const maxInlineEffects = 12

// how is the rule a clock's deadline came from.
type how uint8

const (
	howWindow       how = iota + 1 // window time from the start (the response, hour targets)
	howBusinessDays                // business days with the cutoff
	howDays                        // calendar days (the return)
)

// cutoffRule is what the cutoff decided for a business-day target.
type cutoffRule uint8

const (
	cutoffNotApplied  cutoffRule = iota // the cutoff does not apply to the level
	cutoffBefore                        // confirmed before the cutoff on a coverage day: counts from that day
	cutoffAfter                         // at or after the cutoff: counts from the next coverage day
	cutoffNotCoverage                   // on a day that is not a coverage day: counts from the next one
)

// startField is the request field a clock starts at.
type startField uint8

const (
	fieldStart startField = iota // a clock recounted for a priority change
	fieldSubmitted
	fieldConfirmed
	fieldDelivered // the return clock: the delivery
	fieldOnSite    // the return clock: the engineer's arrival with the part
)

var startFields = [...]string{fieldStart: "start", fieldSubmitted: "submitted", fieldConfirmed: "confirmed", fieldDelivered: "delivered", fieldOnSite: "onsite"}

// record is what the rules decided for one clock. Instants are Unix
// nanoseconds.
type record struct {
	how     how
	kind    Kind // the clock's first deadline kind
	field   startField
	cutoff  cutoffRule
	covered bool // the clamped start's day is a coverage day
	// skipsFrom, skipsDue: the count passed over a holiday after the clamped
	// start's day and before the processing day, and after that and before the
	// due day.
	skipsFrom, skipsDue bool
	spare               bool  // not kept (Deadlines): the rules write only what the computation reads back
	lvl                 Level // the level in force at the start
	eff0                int32 // the clock's effects: eff0 to eff0+neff in the Deadlines' list
	neff                int32
	at                  int64      // the start as given
	clamped             int64      // the start clamped into the window
	base                int64      // the deadline from the rule, before holds and priority changes
	day                 packedDate // the clamped start's date (for the return: the delivery date)
	proc                packedDate // the processing day: the day counting starts from
	dueDay              packedDate
	// The clamped start (for the return: the delivery) and base as times,
	// the instants of the start and count steps, kept as the rules made them.
	clampedTime, baseTime time.Time
}

// packedDate is a date in 32 bits, year<<9 | month<<5 | day, the form the
// record keeps its dates in to stay small.
type packedDate int32

func pack(d calendar.Date) packedDate {
	return packedDate(int32(d.Year)<<9 | int32(d.Month)<<5 | int32(d.Day))
}

func (p packedDate) date() calendar.Date {
	return calendar.Date{Year: int(p >> 9), Month: time.Month(p >> 5 & 15), Day: int(p & 31)}
}

// effectKind is what a hold or a priority change did to a clock.
type effectKind uint8

const (
	effHoldMoved      effectKind = iota + 1 // the clock stopped; the window time left runs from the hold's end
	effHoldPaused                           // a running hold stopped the clock
	effHoldAfterEvent                       // the deadline's event had happened when the hold began
	effHoldAfterDue                         // the deadline had passed when the hold began
	effRaise                                // more urgent: the new level's deadline from the change is earlier
	effRaiseKept                            // more urgent, but the new level's deadline from the change is not earlier
	effLower                                // less urgent: the new level's deadline from the start
	effRetroactive                          // counted retroactively: the new level's deadline from the start
	effSameLevel                            // the new priority has the same level
	effLate                                 // the change came at or after the deadline
)

// effect is what one hold or priority change did to a clock, in 24 bytes.
// Instants are Unix nanoseconds. The instant a hold stopped the clock is not
// kept: it is the later of the hold's From and the clock's start (record.at).
type effect struct {
	due  int64 // the deadline after it
	v    int64 // holds: the window time left when the clock stopped; changes: the new level's deadline that was weighed
	i    int32 // the index in Request.Holds or Request.Changes
	lvl  packedLevel
	kind effectKind
}

// packedLevel is a Level in 16 bits: n, then the coverage, the unit and -S.
type packedLevel uint16

func (l Level) pack() packedLevel {
	p := packedLevel(l.n) | packedLevel(l.cov)<<10 | packedLevel(l.unit)<<12
	if l.ship {
		p |= 1 << 14
	}
	return p
}

func (p packedLevel) level() Level {
	return Level{cov: Coverage(p >> 10 & 3), unit: Unit(p >> 12 & 3), n: uint16(p & 1023), ship: p&(1<<14) != 0}
}

// trace is the record of one request's computation, from which Explain renders
// the explanation: one record per clock, and the effects of holds and priority
// changes on each.
type trace struct {
	nrec    int32
	rec     [maxDeadlines]uint8 // Deadlines.list[i] comes from recs[rec[i]]
	recs    [maxDeadlines]record
	neff    int32
	effects [maxInlineEffects]effect
	more    []effect // effects past the inline ones, in order
	holds   []Hold
	changes []PriorityChange
}

// recorder is where the rules write what they decide: the trace of an
// Explain, or, for Deadlines, which keeps no record, spare, written over by
// each clock (the rules read back only what their own clock wrote, and write
// into spare only that).
type recorder struct {
	tr    *trace
	spare record
}

// newRecord starts the record of a clock.
func (rc *recorder) newRecord() *record {
	tr := rc.tr
	if tr == nil {
		rc.spare.spare = true
		return &rc.spare
	}
	tr.nrec++
	return &tr.recs[tr.nrec-1]
}

// link records that the deadline list[i] comes from the clock recorded last.
func (rc *recorder) link(i int32) {
	if tr := rc.tr; tr != nil {
		tr.rec[i] = uint8(tr.nrec - 1)
	}
}

// share records that the deadline list[i] has the clock of list[i-1].
func (rc *recorder) share(i int32) {
	if tr := rc.tr; tr != nil {
		tr.rec[i] = tr.rec[i-1]
	}
}

func (rc *recorder) addEffect(rec *record, e effect) {
	tr := rc.tr
	if tr == nil {
		return
	}
	if rec.neff == 0 {
		rec.eff0 = int32(tr.neff)
	}
	if tr.neff < maxInlineEffects {
		tr.effects[tr.neff] = e
	} else {
		tr.more = append(tr.more, e)
	}
	tr.neff++
	rec.neff++
}

// effect returns the i-th effect recorded.
func (tr *trace) effect(i int) *effect {
	if i < maxInlineEffects {
		return &tr.effects[i]
	}
	return &tr.more[i-maxInlineEffects]
}

func unix(t time.Time) int64 { return t.UnixNano() }

func (c *Calculator) at(u int64) time.Time { return time.Unix(0, u).In(c.cal.Location()) }

// startClock starts the clock of a deadline of kind k at start in level lvl:
// it records the level's rule and writes into d, a zero Deadline and
// out.list[out.n], the deadline the rule gives, before any hold or priority
// change. A request without either takes the plain path instead, which writes
// the same record and deadline.
func (c *Calculator) startClock(out *Deadlines, rc *recorder, d *Deadline, k Kind, lvl Level, start time.Time) (*record, time.Time, error) {
	rec := rc.newRecord()
	rec.kind, rec.lvl, rec.at = k, lvl, unix(start)
	rec.field = fieldConfirmed
	if k == Response {
		rec.field = fieldSubmitted
	}
	due, err := c.rule(rec, lvl, start)
	if err != nil {
		return nil, time.Time{}, err
	}
	// d is zero: the fields are set one by one rather than copied from a literal.
	d.Kind, d.Level, d.Start, d.Due = k, lvl, start.In(c.cal.Location()), due
	rc.link(out.n)
	return rec, due, nil
}

// clock computes into d, a zero Deadline and out.list[out.n], the deadline of
// kind k whose clock starts at start, and whose event (zero if it has not
// happened) is event, with the request's holds and priority changes; base is
// the level of the request's own priority.
func (c *Calculator) clock(r *Request, out *Deadlines, rc *recorder, d *Deadline, k Kind, base Level, start, event time.Time) error {
	lvl, _, next := levelAt(r, base, start)
	rec, due, err := c.startClock(out, rc, d, k, lvl, start)
	if err != nil {
		return err
	}

	h := 0 // the next hold
	if k == Response {
		h = len(r.Holds) // the response clock never stops
	}
	for h < len(r.Holds) && !r.Holds[h].Running() && !before(start, r.Holds[h].To) {
		h++ // ended before the clock started: changes nothing
	}
	h0, h1 := h, h
	for h < len(r.Holds) || next < len(r.Changes) {
		if next < len(r.Changes) && (h == len(r.Holds) || !before(r.Holds[h].From, r.Changes[next].At)) {
			ch := r.Changes[next]
			e := effect{i: int32(next), lvl: lvl.pack()}
			nl, _ := r.Service.Level(ch.Priority)
			switch {
			case !before(ch.At, due):
				e.kind = effLate
			case nl == lvl:
				e.kind = effSameLevel
			case c.set.RetroactivePriorityChanges || !ch.Priority.Critical():
				e.kind = effLower
				if c.set.RetroactivePriorityChanges {
					e.kind = effRetroactive
				}
				if due, err = c.again(r, k, nl, start, event, next); err != nil {
					return err
				}
				lvl = nl
				e.v = unix(due)
			default:
				scratch := record{kind: k, spare: true}
				cand, err := c.rule(&scratch, nl, ch.At)
				if err != nil {
					return changeError(err, next, ch.At)
				}
				e.kind, e.v = effRaiseKept, unix(cand)
				if before(cand, due) {
					e.kind, due = effRaise, cand
				}
				lvl = nl
			}
			e.due, e.lvl = unix(due), lvl.pack()
			rc.addEffect(rec, e)
			next++
			continue
		}
		hd := r.Holds[h]
		e := effect{i: int32(h), lvl: lvl.pack()}
		f := hd.From
		if before(f, start) {
			f = start
		}
		s := c.sched[lvl.cov]
		if !hd.Running() && !before(f, hd.To) {
			h++ // empty, or ended before the clock started: changes nothing
			continue
		}
		switch {
		case !event.IsZero() && !before(hd.From, event):
			e.kind = effHoldAfterEvent
		case !before(f, due):
			e.kind = effHoldAfterDue
		default:
			left, err := s.Between(f, due)
			if err != nil {
				return timeError(index("holds", h)+".from", hd.From, err)
			}
			e.v = int64(left)
			if hd.Running() {
				e.kind = effHoldPaused
				d.Paused, d.PausedSince, d.Left = true, f.In(c.cal.Location()), left
				break
			}
			if due, err = s.Add(hd.To, left); err != nil {
				return timeError(index("holds", h)+".to", hd.To, err)
			}
			e.kind = effHoldMoved
		}
		if e.kind == effHoldMoved || e.kind == effHoldPaused {
			h1 = h + 1
		}
		e.due = unix(due)
		rc.addEffect(rec, e)
		h++
		if d.Paused {
			break
		}
	}
	d.Level = lvl
	if h1 > h0 {
		d.Holds = r.Holds[h0:h1]
	}
	d.Due = due
	if d.Paused {
		d.Due = time.Time{}
	}
	return nil
}

// again is the deadline of level l from start with the holds that ended by c
// applied: a priority change to a less urgent level (or any change, counted
// retroactively) recounts the clock as if the request had had that priority
// from the start.
func (c *Calculator) again(r *Request, k Kind, l Level, start, event time.Time, change int) (time.Time, error) {
	at := r.Changes[change].At
	scratch := record{kind: k, spare: true}
	due, err := c.rule(&scratch, l, start)
	if err != nil {
		return time.Time{}, changeError(err, change, at)
	}
	if k == Response {
		return due, nil
	}
	s := c.sched[l.cov]
	for _, hd := range r.Holds {
		if hd.Running() || before(at, hd.To) {
			break
		}
		if !event.IsZero() && !before(hd.From, event) {
			break
		}
		f := hd.From
		if before(f, start) {
			f = start
		}
		if !before(f, due) || !before(f, hd.To) {
			continue
		}
		left, err := s.Between(f, due)
		if err == nil {
			due, err = s.Add(hd.To, left)
		}
		if err != nil {
			return time.Time{}, changeError(err, change, at)
		}
	}
	return due, nil
}

// changeError wraps err, from computing a deadline for priority change i at
// t, as a problem of the change's at.
func changeError(err error, i int, t time.Time) error {
	return timeErrorAs(err, index("changes", i)+".at", t)
}

// timeErrorAs wraps err, from computing a deadline, as a problem of field.
func timeErrorAs(err error, field string, t time.Time) error {
	if ve, ok := err.(*ValueError); ok && ve.Cause != nil {
		return timeError(field, t, ve.Cause)
	}
	return err
}

// rule is the deadline of level l from t by the level's rule, recorded in rec
// (rec.base is the deadline).
func (c *Calculator) rule(rec *record, l Level, t time.Time) (time.Time, error) {
	s := c.sched[l.cov]
	if rec.kind == Response {
		return c.windowRule(rec, s, t, c.set.Response)
	}
	if l.unit == Hours {
		return c.windowRule(rec, s, t, time.Duration(l.n)*time.Hour)
	}
	return c.daysRule(rec, s, l, t)
}

// windowRule is the rule of the response and of hour targets: d of window time
// from t, carried over to the next opening where the window is closed.
func (c *Calculator) windowRule(rec *record, s *calendar.Schedule, t time.Time, d time.Duration) (time.Time, error) {
	clamped, due, err := s.NextOpenAdd(t, d)
	if err != nil {
		return time.Time{}, timeError(startFields[rec.field], t, err)
	}
	rec.how = howWindow
	if !rec.spare {
		rec.clamped, rec.base = unix(clamped), unix(due)
		rec.clampedTime, rec.baseTime = clamped, due
	}
	return due, nil
}

// daysRule is the rule of business-day targets: the processing day, then the
// k-th coverage day after it.
func (c *Calculator) daysRule(rec *record, s *calendar.Schedule, l Level, t time.Time) (time.Time, error) {
	applies := c.cutoffApplies(l)
	cutoff := calendar.NoCutoff
	if applies {
		cutoff = c.set.Cutoff
	}
	n, err := s.CountCoverageDays(t, int(l.n), cutoff)
	if err != nil {
		return time.Time{}, timeError(startFields[rec.field], t, err)
	}
	rec.how = howBusinessDays
	if rec.spare {
		return n.Close(), nil
	}
	rec.clamped, rec.day, rec.covered, rec.proc, rec.dueDay = n.StartUnixNano(), pack(n.Day()), n.Covered(), pack(n.From()), pack(n.Due())
	rec.skipsFrom, rec.skipsDue = n.Skips()
	rec.base = n.CloseUnixNano()
	close := n.Close()
	rec.clampedTime, rec.baseTime = n.Start(), close
	switch {
	case !applies:
		rec.cutoff = cutoffNotApplied
	case !n.Covered():
		rec.cutoff = cutoffNotCoverage
	case n.Late():
		rec.cutoff = cutoffAfter
	default:
		rec.cutoff = cutoffBefore
	}
	return close, nil
}

// cutoffApplies reports whether the cutoff applies to level l's business-day
// target.
func (c *Calculator) cutoffApplies(l Level) bool {
	if l.cov == Coverage24x7 {
		return c.set.CutoffAppliesTo24x7
	}
	return !l.ship || c.set.CutoffAppliesToShip
}

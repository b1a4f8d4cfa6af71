package sla

import (
	"strconv"
	"sync"
	"time"

	"github.com/slaclock/slaclock/calendar"
)

// Settings are the choices the service description leaves open, with the
// defaults of DefaultSettings. The zero Settings is not usable (its windows are
// invalid): start from DefaultSettings and change what differs. A contract
// changes some of them with Overrides.
type Settings struct {
	// The hours of each coverage. Defaults: 8x5 09:00-17:00, 9x5 09:00-18:00
	// (Huawei's 9x5), both on business days; 24x7 always.
	Window8x5, Window9x5, Window24x7 calendar.Window
	// Cutoff is the time of day from which a confirmation counts from the next
	// coverage day for business-day targets. Default 15:00; at 15:00:00 exactly
	// a confirmation is after the cutoff.
	Cutoff calendar.TimeOfDay
	// CutoffAppliesToShip says whether the cutoff applies to the ship-by (-S)
	// targets of the 8x5 and 9x5 windows. Default true.
	CutoffAppliesToShip bool
	// CutoffAppliesTo24x7 says whether the cutoff applies to the business-day
	// targets of the 24x7 window, -S levels included. Default false: the
	// service description states the cutoff for the 8x5 and 9x5 services only,
	// so 24x7xNBD confirmed Friday 16:00 is due Monday 24:00. When true, a
	// confirmation on a day that is not a business day counts as after the
	// cutoff: Friday 16:00 and Saturday 10:00 are both due Tuesday 24:00.
	CutoffAppliesTo24x7 bool
	// Response is the response target, in window time from submission. Default 1h.
	Response time.Duration
	// ReturnDays is the number of calendar days the customer has to return the
	// damaged device, counted from the replacement's delivery date; the deadline
	// is the end (24:00) of the last day. Default 7.
	ReturnDays int
	// EscalationShare is the share of a provider's target from which its
	// deadline names the programme's escalation channel. Default 75 %.
	EscalationShare Share
	// RetroactivePriorityChanges makes a priority change count as if the
	// request had had the new priority from the start, in both directions (as
	// Jira Service Management does). Default false: a more urgent priority
	// counts from the change and never makes a request due later.
	RetroactivePriorityChanges bool
}

// DefaultSettings returns the defaults described on each field of Settings.
func DefaultSettings() Settings {
	return Settings{
		Window8x5:           calendar.Window8x5(),
		Window9x5:           calendar.Window9x5(),
		Window24x7:          calendar.Window24x7(),
		Cutoff:              calendar.Clock(15, 0, 0),
		CutoffAppliesToShip: true,
		Response:            time.Hour,
		ReturnDays:          7,
		EscalationShare:     750_000,
	}
}

// Window returns the window of coverage c under these settings.
func (s Settings) Window(c Coverage) calendar.Window {
	switch c {
	case Coverage8x5:
		return s.Window8x5
	case Coverage9x5:
		return s.Window9x5
	case Coverage24x7:
		return s.Window24x7
	}
	return calendar.Window{}
}

// Validate reports every setting that cannot be used, joined with errors.Join;
// each names the field (Settings.Cutoff, ...) and its value.
func (s Settings) Validate() error {
	var errs []error
	add := func(field, value, reason string, cause error) {
		if reason != "" {
			errs = append(errs, &ValueError{Field: "Settings." + field, Value: value, Reason: reason, Err: ErrInvalidSettings, Cause: cause})
		}
	}
	for c := Coverage8x5; c <= Coverage24x7; c++ {
		w := s.Window(c)
		reason, err := checkWindow(w)
		add("Window"+c.String(), w.String(), reason, err)
	}
	add("Cutoff", s.Cutoff.String(), checkCutoff(s.Cutoff), nil)
	add("Response", s.Response.String(), checkResponse(s.Response), nil)
	add("ReturnDays", strconv.Itoa(s.ReturnDays), checkReturnDays(s.ReturnDays), nil)
	add("EscalationShare", s.EscalationShare.String(), checkShare(s.EscalationShare), nil)
	return joinErrors(errs)
}

// The checks of each setting, shared by Settings.Validate and
// Overrides.Validate: the reason a value cannot be used, or "".

func checkWindow(w calendar.Window) (string, error) {
	if err := w.Validate(); err != nil {
		return err.Error(), err
	}
	return "", nil
}

func checkCutoff(t calendar.TimeOfDay) string {
	if t < 0 || t > calendar.EndOfDay {
		return "want 00:00 to 24:00"
	}
	return ""
}

func checkResponse(d time.Duration) string {
	if d <= 0 {
		return "want a positive duration"
	}
	return ""
}

func checkReturnDays(n int) string {
	if n < 1 || n > 366 {
		return "want 1 to 366 days"
	}
	return ""
}

func checkShare(p Share) string {
	if !p.valid() {
		return "want a share above 0 % and at most 100 %"
	}
	return ""
}

// Calculator computes deadlines on a calendar under settings. It is immutable
// and safe for concurrent use; build it once and share it.
type Calculator struct {
	cal     *calendar.Calendar
	set     Settings
	sched   [Coverage24x7 + 1]*calendar.Schedule
	elapsed *calendar.Schedule // real time, for the return period
	txt     texts
	// zones is the calendar location's zone periods, built on the first
	// explanation.
	zones func() *zoneTable
}

// texts are the words of the explanations that depend on the settings alone,
// written once for the calculator.
type texts struct {
	// window is what follows the duration of a window-time step: " of real
	// elapsed time (24x7 window)" or " of the 9x5 window (09:00-18:00
	// Mon-Fri, closed on holidays)".
	window         [Coverage24x7 + 1]string
	openOnHolidays [Coverage24x7 + 1]bool
	cutoff         string // "15:00"
	response       string // "1 hour"
	// responseCount is the response's count step without holidays: "response
	// within 1 hour of the 9x5 window (...)".
	responseCount [Coverage24x7 + 1]string
	// closeOfWindow begins the due step of a business-day target: "due at
	// the close of the 9x5 window: ".
	closeOfWindow [Coverage24x7 + 1]string
	returnDays    string // "7"
	// Phrases of the business-day and return steps, written once.
	returnDaysColon string // "7 calendar days: "
	afterCutoff     string // ", after the 15:00 cutoff: counts from "
	beforeCutoff    string // ", before the 15:00 cutoff"
}

func newTexts(set Settings) texts {
	t := texts{
		cutoff:     set.Cutoff.String(),
		response:   string(appendDuration(nil, set.Response)),
		returnDays: strconv.Itoa(set.ReturnDays),
	}
	t.returnDaysColon = t.returnDays + " calendar days: "
	t.afterCutoff = ", after the " + t.cutoff + " cutoff: counts from "
	t.beforeCutoff = ", before the " + t.cutoff + " cutoff"
	for cov := Coverage8x5; cov <= Coverage24x7; cov++ {
		w := set.Window(cov)
		t.openOnHolidays[cov] = w.OpenOnHolidays
		if w == calendar.Window24x7() {
			t.window[cov] = " of real elapsed time (" + cov.String() + " window)"
		} else {
			t.window[cov] = " of the " + describeWindow(cov, w)
		}
		t.responseCount[cov] = "response within " + t.response + t.window[cov]
		t.closeOfWindow[cov] = "due at the close of the " + cov.String() + " window: "
	}
	return t
}

// NewCalculator returns a calculator for cal with settings set.
func NewCalculator(cal *calendar.Calendar, set Settings) (*Calculator, error) {
	if cal == nil {
		return nil, &ValueError{Field: "calendar", Value: "nil", Reason: "a calculator needs a calendar", Err: ErrInvalidSettings}
	}
	if err := set.Validate(); err != nil {
		return nil, err
	}
	c := &Calculator{cal: cal, set: set, txt: newTexts(set)}
	for cov := Coverage8x5; cov <= Coverage24x7; cov++ {
		s, err := cal.Schedule(set.Window(cov))
		if err != nil {
			return nil, &ValueError{Field: "Settings.Window" + cov.String(), Value: set.Window(cov).String(), Reason: err.Error(), Err: ErrInvalidSettings}
		}
		c.sched[cov] = s
	}
	c.elapsed = cal.MustSchedule(calendar.Window24x7())
	c.zones = sync.OnceValue(func() *zoneTable { return newZoneTable(cal) })
	return c, nil
}

var defaultCalculator = sync.OnceValue(func() *Calculator {
	c, err := NewCalculator(calendar.Poland(), DefaultSettings())
	if err != nil {
		panic("sla: the default calculator: " + err.Error())
	}
	return c
})

// Default returns the calculator on calendar.Poland() with DefaultSettings. It is
// built once and shared.
func Default() *Calculator { return defaultCalculator() }

// Calendar returns the calculator's calendar.
func (c *Calculator) Calendar() *calendar.Calendar { return c.cal }

// Settings returns the calculator's settings.
func (c *Calculator) Settings() Settings { return c.set }

// Schedule returns the compiled window of coverage cov.
func (c *Calculator) Schedule(cov Coverage) *calendar.Schedule {
	if !cov.valid() {
		return nil
	}
	return c.sched[cov]
}

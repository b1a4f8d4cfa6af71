package sla

import (
	"strconv"
	"sync"
	"time"

	"github.com/slaclock/slaclock/calendar"
)

// Settings are the choices SPEC leaves to the user, with its defaults from
// DefaultSettings. The zero Settings is not usable (its windows are invalid):
// start from DefaultSettings and change what differs.
type Settings struct {
	// The hours of each coverage. Defaults: 8x5 09:00-17:00, 9x5 09:00-18:00 (Huawei's
	// 9x5), both on business days; 24x7 always.
	Window8x5, Window9x5, Window24x7 calendar.Window
	// Cutoff is the time of day from which a confirmation counts from the next
	// business day for business-day targets. Default 15:00; at 15:00:00 exactly a
	// confirmation is after the cutoff.
	Cutoff calendar.TimeOfDay
	// CutoffAppliesToShip says whether the cutoff applies to ship-by (-S) targets.
	// Default true.
	CutoffAppliesToShip bool
	// Response is the response target, in window time from submission. Default 1h.
	Response time.Duration
	// ReturnDays is the number of calendar days the customer has to return the
	// damaged device, counted from the replacement's delivery date; the deadline
	// is the end (24:00) of the last day. Default 7.
	ReturnDays int
}

// DefaultSettings returns SPEC's defaults.
func DefaultSettings() Settings {
	return Settings{
		Window8x5:           calendar.Window8x5(),
		Window9x5:           calendar.Window9x5(),
		Window24x7:          calendar.Window24x7(),
		Cutoff:              calendar.Clock(15, 0, 0),
		CutoffAppliesToShip: true,
		Response:            time.Hour,
		ReturnDays:          7,
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
// each names the field and its value.
func (s Settings) Validate() error {
	var errs []error
	for c := Coverage8x5; c <= Coverage24x7; c++ {
		if err := s.Window(c).Validate(); err != nil {
			errs = append(errs, &ValueError{Field: "Settings.Window" + c.String(), Value: s.Window(c).String(), Reason: err.Error(), Err: ErrInvalidSettings})
		}
	}
	if s.Cutoff < 0 || s.Cutoff > calendar.EndOfDay {
		errs = append(errs, &ValueError{Field: "Settings.Cutoff", Value: s.Cutoff.String(), Reason: "want 00:00 to 24:00", Err: ErrInvalidSettings})
	}
	if s.Response <= 0 {
		errs = append(errs, &ValueError{Field: "Settings.Response", Value: s.Response.String(), Reason: "want a positive duration", Err: ErrInvalidSettings})
	}
	if s.ReturnDays < 1 || s.ReturnDays > 366 {
		errs = append(errs, &ValueError{Field: "Settings.ReturnDays", Value: strconv.Itoa(s.ReturnDays), Reason: "want 1 to 366 days", Err: ErrInvalidSettings})
	}
	return joinErrors(errs)
}

// Calculator computes deadlines on a calendar under settings. It is immutable
// and safe for concurrent use; build it once and share it.
type Calculator struct {
	cal     *calendar.Calendar
	set     Settings
	sched   [Coverage24x7 + 1]*calendar.Schedule
	elapsed *calendar.Schedule // real time, for the return period
}

// NewCalculator returns a calculator for cal with settings set.
func NewCalculator(cal *calendar.Calendar, set Settings) (*Calculator, error) {
	if cal == nil {
		return nil, &ValueError{Field: "calendar", Value: "nil", Reason: "a calculator needs a calendar", Err: ErrInvalidSettings}
	}
	if err := set.Validate(); err != nil {
		return nil, err
	}
	c := &Calculator{cal: cal, set: set}
	for cov := Coverage8x5; cov <= Coverage24x7; cov++ {
		s, err := cal.Schedule(set.Window(cov))
		if err != nil {
			return nil, &ValueError{Field: "Settings.Window" + cov.String(), Value: set.Window(cov).String(), Reason: err.Error(), Err: ErrInvalidSettings}
		}
		c.sched[cov] = s
	}
	c.elapsed = cal.MustSchedule(calendar.Window24x7())
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

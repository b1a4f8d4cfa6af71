package calendar

import "time"

// Date exceptions: a worked day and other hours on one date. They are calendar
// options, so a calendar with them is as immutable and as safe for concurrent
// use as any other. For one window on one date the first that applies wins:
//
//  1. a holiday or closure shuts the day, unless the window is open on holidays
//     (remove the holiday with WithoutHoliday to open it);
//  2. the window's own hours for the date (WithWindowHoursOn);
//  3. the hours for every window on the date (WithHoursOn);
//  4. the window's hours of the weekday a worked day stands in for (WithWorkday);
//  5. the window's hours of the date's weekday.
//
// The last option given for the same date (and window) replaces the earlier.
// Worked days and other hours have no iCalendar form: WriteICS exports only
// holidays and closures.

// WithWorkday makes d a worked day: a business day (also when its weekday is
// not in the workweek, such as a Saturday worked to make up for a bridge day)
// on which every window opens with the hours it has on weekday as, the day d
// stands in for. Under 8x5 a Saturday worked as a Friday is open 09:00-17:00;
// under "Mon-Fri 09:00-17:00; Sat 09:00-13:00" too, not 09:00-13:00. Building
// the calendar fails if d is a holiday or closure that is not removed with
// WithoutHoliday, or outside the calendar's range.
func WithWorkday(d Date, as time.Weekday) Option {
	return func(b *builder) error {
		if !d.valid() {
			return &ValueError{Field: "WithWorkday", Value: d.String(), Reason: "not a day of the calendar"}
		}
		if as < time.Sunday || as > time.Saturday {
			return &ValueError{Field: "WithWorkday " + d.String(), Value: as.String(), Reason: "not a day of the week"}
		}
		b.workdays = append(b.workdays, workday{d, as})
		return nil
	}
}

// WithHoursOn gives every window other hours on d, in place of its own: 31 Dec
// 09:00-13:00. Intervals are merged as in a Window (at most MaxIntervals); no
// intervals at all leave every window shut on d while d stays a business day.
// A holiday or closure on d stays shut (except for windows open on holidays)
// unless it is removed with WithoutHoliday. Windows open on holidays, such as
// 24x7, get these hours too; to change only some windows use
// WithWindowHoursOn.
func WithHoursOn(d Date, hours ...Interval) Option {
	return func(b *builder) error {
		h, err := exceptionHours("WithHoursOn", d, hours)
		if err != nil {
			return err
		}
		b.hours = append(b.hours, dateHours{d: d, h: h})
		return nil
	}
}

// WithWindowHoursOn gives window w other hours on d, in place of its own and
// of those of WithHoursOn; other windows keep theirs. It applies to the
// Schedule of a window equal to w.
func WithWindowHoursOn(w Window, d Date, hours ...Interval) Option {
	return func(b *builder) error {
		if err := w.Validate(); err != nil {
			return &ValueError{Field: "WithWindowHoursOn " + d.String(), Value: w.String(), Reason: "the window " + err.(*ValueError).Reason}
		}
		h, err := exceptionHours("WithWindowHoursOn", d, hours)
		if err != nil {
			return err
		}
		b.hours = append(b.hours, dateHours{d: d, h: h, w: w, one: true})
		return nil
	}
}

func exceptionHours(option string, d Date, hours []Interval) (dayHours, error) {
	if !d.valid() {
		return dayHours{}, &ValueError{Field: option, Value: d.String(), Reason: "not a day of the calendar"}
	}
	return canonicalHours(option+" "+d.String(), hours)
}

type workday struct {
	d  Date
	as time.Weekday
}

type dateHours struct {
	d   Date
	h   dayHours
	w   Window // with one: the window they apply to
	one bool
}

// exceptions holds a calendar's date exceptions by day index.
type exceptions struct {
	workedAs map[int32]time.Weekday
	hoursAll map[int32]dayHours
	hoursBy  map[Window]map[int32]dayHours
}

// buildExceptions fills c's exceptions from b; it runs after the holidays are
// known and before the business days are counted.
func (c *Calendar) buildExceptions(b *builder) error {
	for _, wd := range b.workdays {
		i, ok := c.index(wd.d)
		if !ok {
			return c.rangeError("worked day", wd.d.String())
		}
		if c.flags[i]&flagHoliday != 0 {
			return &ValueError{Field: "WithWorkday", Value: wd.d.String(), Reason: "is a holiday or closure: remove it with WithoutHoliday to work on it"}
		}
		if c.ex.workedAs == nil {
			c.ex.workedAs = map[int32]time.Weekday{}
		}
		c.ex.workedAs[int32(i)] = wd.as
		c.flags[i] |= flagException | flagWorked
	}
	for _, dh := range b.hours {
		i, ok := c.index(dh.d)
		if !ok {
			return c.rangeError("date of other hours", dh.d.String())
		}
		c.flags[i] |= flagException
		if !dh.one {
			if c.ex.hoursAll == nil {
				c.ex.hoursAll = map[int32]dayHours{}
			}
			c.ex.hoursAll[int32(i)] = dh.h
			continue
		}
		if c.ex.hoursBy == nil {
			c.ex.hoursBy = map[Window]map[int32]dayHours{}
		}
		if c.ex.hoursBy[dh.w] == nil {
			c.ex.hoursBy[dh.w] = map[int32]dayHours{}
		}
		c.ex.hoursBy[dh.w][int32(i)] = dh.h
	}
	return nil
}

// hoursOn returns the hours w has on day i, whose weekday is wd, and false when
// w does not run that day, by the rules above.
func (c *Calendar) hoursOn(w *Window, i int, wd time.Weekday) (dayHours, bool) {
	if !w.OpenOnHolidays && c.flags[i]&flagHoliday != 0 {
		return dayHours{}, false
	}
	if c.flags[i]&flagException != 0 {
		if h, ok := c.ex.hoursBy[*w][int32(i)]; ok {
			return h, true
		}
		if h, ok := c.ex.hoursAll[int32(i)]; ok {
			return h, true
		}
		if as, ok := c.ex.workedAs[int32(i)]; ok {
			wd = as
		}
	}
	return w.hours[wd], true
}

// WorkdayOn reports whether d is a worked day (WithWorkday) and the weekday
// whose hours it has.
func (c *Calendar) WorkdayOn(d Date) (time.Weekday, bool, error) {
	i, ok := c.index(d)
	if !ok {
		return 0, false, c.dateError(d)
	}
	as, worked := c.ex.workedAs[int32(i)]
	return as, worked, nil
}

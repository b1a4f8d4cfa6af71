package calendar_test

import (
	"testing"
	"time"

	"github.com/rickar/cal/v2"
	"github.com/rickar/cal/v2/pl"
	"github.com/slaclock/slaclock/calendar"
)

// The benchmarks run slaclock and rickar/cal v2.1.31's BusinessCalendar side by
// side on the same inputs: Polish holidays, work hours 09:00-17:00 (rickar's
// default, slaclock's 8x5 window), from Tuesday 17 Nov 2026 16:00 in Warsaw.
// rickar's calendar keeps its defaults (no holiday cache); cal.DefaultLoc, a
// global, is left alone.

var (
	benchStart = time.Date(2026, 11, 17, 16, 0, 0, 0, calendar.Warsaw())
	benchDay   = calendar.Date{Year: 2026, Month: time.November, Day: 17}
	sinkTime   time.Time
	sinkDate   calendar.Date
	sinkDur    time.Duration
)

func rickarPoland() *cal.BusinessCalendar {
	bc := cal.NewBusinessCalendar()
	bc.AddHoliday(pl.Holidays...)
	return bc
}

// TestBenchmarkInputsAgree checks, before anything is timed, that both
// libraries give the hand-checked answers on the benchmark inputs (rickar's pl
// lacks Easter and Pentecost Sundays, which are Sundays anyway, so on these
// spans the two agree).
func TestBenchmarkInputsAgree(t *testing.T) {
	s := calendar.Poland().MustSchedule(calendar.Window8x5())
	bc := rickarPoland()
	loc := calendar.Warsaw()
	cases := []struct {
		d    time.Duration
		want time.Time
	}{
		// Tue 16:00-17:00 is 1h, Wed 18 Nov 09:00 + 3h = 12:00.
		{4 * time.Hour, time.Date(2026, 11, 18, 12, 0, 0, 0, loc)},
		// 400h = 1h on Tue 17 Nov + 49 full days of 8h + 7h. Business days after
		// Tue 17 Nov: 18-30 Nov is 9, 1-23 Dec 17 (26), 24-26 Dec are holidays,
		// 28-31 Dec 4 (30); 1 and 6 Jan 2027 are holidays: 4, 5, 7, 8 Jan (34),
		// 11-15 (39), 18-22 (44), 25-29 Jan (49); the 50th, Mon 1 Feb, gives the
		// last 7h: 16:00.
		{400 * time.Hour, time.Date(2027, 2, 1, 16, 0, 0, 0, loc)},
	}
	for _, c := range cases {
		got, err := s.Add(benchStart, c.d)
		if err != nil || !got.Equal(c.want) {
			t.Errorf("slaclock %v: got %v, %v; want %v", c.d, got, err, c.want)
		}
		if r := bc.AddWorkHours(benchStart, c.d); !r.Equal(c.want) {
			t.Errorf("rickar %v: got %v; want %v", c.d, r, c.want)
		}
	}
	days := []struct {
		n    int
		want calendar.Date
	}{
		{1, calendar.Date{Year: 2026, Month: time.November, Day: 18}},
		// Counted day by day: 18 Nov-31 Dec 2026 holds 30 business days (24-25 Dec
		// are weekday holidays); in 2027 the weekday holidays before mid-November
		// are 1 and 6 Jan, 29 Mar, 3 May, 27 May, 1 and 11 Nov, so the 220th
		// business day of 2027 is Monday 15 Nov.
		{250, calendar.Date{Year: 2027, Month: time.November, Day: 15}},
	}
	for _, c := range days {
		got, err := calendar.Poland().AddBusinessDays(benchDay, c.n)
		if err != nil || got != c.want {
			t.Errorf("slaclock +%d business days: got %v, %v; want %v", c.n, got, err, c.want)
		}
		if r := calendar.DateOf(bc.WorkdaysFrom(benchStart, c.n)); r != c.want {
			t.Errorf("rickar +%d workdays: got %v; want %v", c.n, r, c.want)
		}
	}
}

func BenchmarkAddWorkHours(b *testing.B) {
	s := calendar.Poland().MustSchedule(calendar.Window8x5())
	bc := rickarPoland()
	for _, d := range []time.Duration{4 * time.Hour, 400 * time.Hour} {
		b.Run(d.String()+"/slaclock", func(b *testing.B) {
			b.ReportAllocs()
			for n := 0; n < b.N; n++ {
				sinkTime, _ = s.Add(benchStart, d)
			}
		})
		b.Run(d.String()+"/rickar", func(b *testing.B) {
			b.ReportAllocs()
			for n := 0; n < b.N; n++ {
				sinkTime = bc.AddWorkHours(benchStart, d)
			}
		})
	}
}

func BenchmarkAddBusinessDays(b *testing.B) {
	c := calendar.Poland()
	bc := rickarPoland()
	for _, n := range []int{1, 250} {
		name := map[int]string{1: "1", 250: "250"}[n]
		b.Run(name+"/slaclock", func(b *testing.B) {
			b.ReportAllocs()
			for n := 0; n < b.N; n++ {
				sinkDate, _ = c.AddBusinessDays(benchDay, n)
			}
		})
		b.Run(name+"/rickar", func(b *testing.B) {
			b.ReportAllocs()
			for n := 0; n < b.N; n++ {
				sinkTime = bc.WorkdaysFrom(benchStart, n)
			}
		})
	}
}

func BenchmarkBetween400h(b *testing.B) {
	s := calendar.Poland().MustSchedule(calendar.Window8x5())
	bc := rickarPoland()
	end := time.Date(2027, 2, 1, 16, 0, 0, 0, calendar.Warsaw())
	b.Run("slaclock", func(b *testing.B) {
		b.ReportAllocs()
		for n := 0; n < b.N; n++ {
			sinkDur, _ = s.Between(benchStart, end)
		}
	})
	b.Run("rickar", func(b *testing.B) {
		b.ReportAllocs()
		for n := 0; n < b.N; n++ {
			sinkDur = bc.WorkHoursInRange(benchStart, end)
		}
	})
}

func BenchmarkNextOpen(b *testing.B) {
	s := calendar.Poland().MustSchedule(calendar.Window8x5())
	fri := time.Date(2026, 12, 23, 17, 30, 0, 0, calendar.Warsaw())
	b.ReportAllocs()
	for n := 0; n < b.N; n++ {
		sinkTime, _ = s.NextOpen(fri)
	}
}

// The hot paths allocate nothing.
func TestHotPathsDoNotAllocate(t *testing.T) {
	c := calendar.Poland()
	s := c.MustSchedule(calendar.Window8x5())
	end := benchStart.Add(400 * time.Hour)
	for name, f := range map[string]func(){
		"Schedule.Add":             func() { sinkTime, _ = s.Add(benchStart, 400*time.Hour) },
		"Schedule.Between":         func() { sinkDur, _ = s.Between(benchStart, end) },
		"Schedule.NextOpen":        func() { sinkTime, _ = s.NextOpen(benchStart.Add(2 * time.Hour)) },
		"Schedule.Contains":        func() { _, _ = s.Contains(benchStart) },
		"Calendar.AddBusinessDays": func() { sinkDate, _ = c.AddBusinessDays(benchDay, 250) },
		"Calendar.IsBusinessDay":   func() { _, _ = c.IsBusinessDay(benchDay) },
		"Calendar.BusinessDaysBetween": func() {
			_, _ = c.BusinessDaysBetween(benchDay, calendar.Date{Year: 2027, Month: time.November, Day: 15})
		},
	} {
		if n := testing.AllocsPerRun(200, f); n != 0 {
			t.Errorf("%s: %v allocations per call, want 0", name, n)
		}
	}
}

// The lunch-break pair: the same 8 hours a day as 8x5, 09:00-12:00 and
// 13:00-18:00, on a calendar with date exceptions (a worked Saturday and short
// hours on 31 Dec 2026). A break doubles the stretches the tables hold; it must
// cost at most twice the plain window.
var benchLunch = calendar.MustParseWindow("Mon-Fri 09:00-12:00,13:00-18:00")

func benchExceptions(b testing.TB) *calendar.Calendar {
	c, err := calendar.NewPoland(
		calendar.WithWorkday(calendar.Date{Year: 2026, Month: time.December, Day: 5}, time.Friday),
		calendar.WithHoursOn(calendar.Date{Year: 2026, Month: time.December, Day: 31},
			calendar.Interval{Open: calendar.Clock(9, 0, 0), Close: calendar.Clock(13, 0, 0)}))
	if err != nil {
		b.Fatal(err)
	}
	return c
}

func BenchmarkLunchBreak(b *testing.B) {
	c := benchExceptions(b)
	for _, w := range []struct {
		name string
		w    calendar.Window
	}{{"plain", calendar.Window8x5()}, {"lunch", benchLunch}} {
		s := c.MustSchedule(w.w)
		end := time.Date(2027, 2, 1, 16, 0, 0, 0, calendar.Warsaw())
		b.Run("Add400h/"+w.name, func(b *testing.B) {
			b.ReportAllocs()
			for n := 0; n < b.N; n++ {
				sinkTime, _ = s.Add(benchStart, 400*time.Hour)
			}
		})
		b.Run("Between400h/"+w.name, func(b *testing.B) {
			b.ReportAllocs()
			for n := 0; n < b.N; n++ {
				sinkDur, _ = s.Between(benchStart, end)
			}
		})
	}
}

// Breaks, per-weekday hours and date exceptions allocate nothing either.
func TestLunchBreakHotPathsDoNotAllocate(t *testing.T) {
	s := benchExceptions(t).MustSchedule(calendar.MustParseWindow("Mon-Fri 08:00-12:00,13:00-17:00; Sat 09:00-13:00; Mon-Sun 22:00-06:00"))
	end := benchStart.Add(400 * time.Hour)
	for name, f := range map[string]func(){
		"Schedule.Add":      func() { sinkTime, _ = s.Add(benchStart, 400*time.Hour) },
		"Schedule.Add back": func() { sinkTime, _ = s.Add(end, -400*time.Hour) },
		"Schedule.Between":  func() { sinkDur, _ = s.Between(benchStart, end) },
		"Schedule.NextOpen": func() { sinkTime, _ = s.NextOpen(benchStart.Add(2 * time.Hour)) },
		"Schedule.Contains": func() { _, _ = s.Contains(benchStart) },
	} {
		if n := testing.AllocsPerRun(200, f); n != 0 {
			t.Errorf("%s: %v allocations per call, want 0", name, n)
		}
	}
}

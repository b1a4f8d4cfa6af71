package sla_test

import (
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/slaclock/slaclock/calendar"
	"github.com/slaclock/slaclock/sla"
)

// benchRequests are a 9x5xNBD request across a weekend with a delivery, a
// 24x7x4 request across the spring clock change, and an AHB 8x5xNBD request
// over Christmas 2025.
func benchRequests(b testing.TB) []struct {
	name string
	r    sla.Request
} {
	return []struct {
		name string
		r    sla.Request
	}{
		{"9x5xNBD", sla.Request{Service: service(b, "cocare-standard-onsite"),
			Submitted: wall(2026, 11, 13, 14, 5), Confirmed: wall(2026, 11, 13, 15, 20), Delivered: wall(2026, 11, 17, 11, 40)}},
		{"24x7x4", sla.Request{Service: service(b, "cocare-premier"), Priority: sla.P1,
			Submitted: wall(2026, 3, 29, 1, 10), Confirmed: wall(2026, 3, 29, 1, 30), Delivered: wall(2026, 3, 29, 5, 0)}},
		{"ahb-8x5xNBD", sla.Request{Service: service(b, "ahb-8x5xNBD"),
			Submitted: wall(2025, 12, 23, 14, 30), Confirmed: wall(2025, 12, 23, 15, 0), Delivered: wall(2025, 12, 30, 12, 0)}},
	}
}

func BenchmarkDeadlines(b *testing.B) {
	c := sla.Default()
	for _, br := range benchRequests(b) {
		b.Run(br.name, func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				if _, err := c.Deadlines(br.r); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkExplain(b *testing.B) {
	c := sla.Default()
	for _, br := range benchRequests(b) {
		b.Run(br.name, func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				if _, err := c.Explain(br.r); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// benchEvaluation is the request of TestEvaluate with a response and a
// delivery; the on-site and return deadlines are open at now.
func benchEvaluation(b testing.TB) (sla.Deadlines, sla.Actuals, time.Time) {
	ds, err := sla.Default().Deadlines(benchRequests(b)[0].r)
	require.NoError(b, err)
	act := sla.Actuals{Responded: wall(2026, 11, 13, 14, 50), Delivered: wall(2026, 11, 17, 11, 40)}
	return ds, act, wall(2026, 11, 18, 10, 0)
}

func BenchmarkEvaluate(b *testing.B) {
	c := sla.Default()
	ds, act, now := benchEvaluation(b)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := c.Evaluate(&ds, act, now); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkCheck(b *testing.B) {
	c := sla.Default()
	ds, act, _ := benchEvaluation(b)
	d, _ := ds.Get(sla.Delivery)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := c.Check(d, act.Delivered); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkProgress(b *testing.B) {
	c := sla.Default()
	ds, _, now := benchEvaluation(b)
	d, _ := ds.Get(sla.OnSite)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := c.Progress(d, now); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkParseLevel(b *testing.B) {
	for _, s := range []string{"9x5xNBD", "24/7 x 4", "9 x 5 x 10BD-Ship"} {
		b.Run(s, func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				if _, err := sla.ParseLevel(s); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// The speed targets are measured side by side in one run of BenchmarkTargets,
// since the machine's speed varies between runs: ScheduleAdd4h, the calendar's
// window arithmetic for 4 hours of 8x5 from Tuesday 17 Nov 2026 16:00 (the
// calendar package's own benchmark input), is the unit. Targets: Deadlines of
// one request with four deadlines within 8x ScheduleAdd4h, Explain within 5x
// Deadlines, and DeadlinesHolds (three holds, two priority changes) at 0
// allocations like Deadlines.

// benchOnsite is a CoCare Standard Onsite (9x5xNBD) request with a delivery:
// response, delivery, on-site and return deadlines.
func benchOnsite(b testing.TB) sla.Request { return benchRequests(b)[0].r }

// benchHolds is a CoCare Premium Onsite request submitted P3 (9x5xNBD) with
// three holds and two priority changes: raised to P1 (24x7x4) and lowered back
// to P3, then delivered. TestBenchmarkHolds works its deadlines out by hand.
func benchHolds(b testing.TB) sla.Request {
	return sla.Request{Service: service(b, "cocare-premium-onsite"), Priority: sla.P3,
		Submitted: mon(10, 0), Confirmed: mon(10, 30),
		Holds:     []sla.Hold{hold(mon(11, 0), mon(12, 0)), hold(mon(14, 0), mon(14, 30)), hold(tue(10, 0), tue(12, 0))},
		Changes:   []sla.PriorityChange{{At: mon(13, 0), Priority: sla.P1}, {At: mon(15, 0), Priority: sla.P3}},
		Delivered: wall(2026, 11, 18, 11, 0)}
}

// TestBenchmarkHolds checks the holds request's deadlines, worked out by hand
// (Mon 16 - Wed 18 Nov 2026 are business days; 9x5 is 09:00-18:00):
//   - response: 1 hour of 9x5 from Mon 10:00 is Mon 11:00; the response clock
//     never stops for a hold and both changes come after it.
//   - target, 9x5xNBD from Mon 10:30 (before the cutoff): Tue 18:00. Hold
//     11:00-12:00 leaves 7h (Mon) + 9h (Tue) = 16h, run from 12:00: 6h Mon,
//     9h Tue, 1h Wed: Wed 10:00. P1 at 13:00: 24x7x4 from 13:00 is Mon 17:00,
//     earlier. Hold 14:00-14:30 leaves 3h of 24x7: Mon 17:30. P3 at 15:00, less
//     urgent: 9x5xNBD from the start, Tue 18:00, with the two ended holds
//     applied in 9x5: Wed 10:00, then 14:00 leaves 4h + 9h + 1h = 14h, run from
//     14:30: 3.5h Mon, 9h Tue, 1.5h Wed: Wed 10:30. Hold Tue 10:00-12:00 leaves
//     8h + 1.5h, run from 12:00: 6h Tue, 3.5h Wed: Wed 12:30, for delivery and
//     on-site alike (the delivery at Wed 11:00 comes after every hold).
//   - return: delivered Wed 18 Nov, seven calendar days: Wed 25 Nov 24:00.
func TestBenchmarkHolds(t *testing.T) {
	ds, err := sla.Default().Deadlines(benchHolds(t))
	require.NoError(t, err)
	assertDeadlines(t, []due{
		{sla.Response, "Mon 2026-11-16 11:00:00 CET"},
		{sla.Delivery, "Wed 2026-11-18 12:30:00 CET"},
		{sla.OnSite, "Wed 2026-11-18 12:30:00 CET"},
		{sla.Return, "Thu 2026-11-26 00:00:00 CET"},
	}, ds)
	for _, d := range ds.All()[1:3] {
		assert.Len(t, d.Holds, 3, "%s: every hold stopped the clock", d.Kind)
	}
}

// Deadlines does not allocate, with or without holds and priority changes.
func TestBenchmarkDeadlinesDoNotAllocate(t *testing.T) {
	c := sla.Default()
	for name, r := range map[string]sla.Request{"plain": benchOnsite(t), "3 holds, 2 changes": benchHolds(t)} {
		allocs := testing.AllocsPerRun(200, func() {
			if _, err := c.Deadlines(r); err != nil {
				panic(err)
			}
		})
		assert.Zero(t, allocs, "%s: Calculator.Deadlines allocates", name)
	}
}

// Explain of a request without holds, priority changes, skipped holidays or a
// clock change on the way allocates once: its nine steps and their text share
// one block.
func TestBenchmarkExplainAllocatesOnce(t *testing.T) {
	c, r := sla.Default(), benchOnsite(t)
	allocs := testing.AllocsPerRun(200, func() {
		if _, err := c.Explain(r); err != nil {
			panic(err)
		}
	})
	assert.Equal(t, 1.0, allocs)
}

var sinkTime time.Time

func BenchmarkTargets(b *testing.B) {
	s := calendar.Poland().MustSchedule(calendar.Window8x5())
	start := wall(2026, 11, 17, 16, 0)
	b.Run("ScheduleAdd4h", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			sinkTime, _ = s.Add(start, 4*time.Hour)
		}
	})
	c := sla.Default()
	for _, r := range []struct {
		name string
		r    sla.Request
	}{{"", benchOnsite(b)}, {"Holds", benchHolds(b)}} {
		b.Run("Deadlines"+r.name, func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				if _, err := c.Deadlines(r.r); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run("Explain"+r.name, func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				if _, err := c.Explain(r.r); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkTargetRatios states the targets as ratios measured in one loop that
// alternates short blocks of each call, so that a change in the machine's load
// weighs on both sides of a ratio alike: deadlines/add (target 8),
// explain/deadlines (target 5), for the plain request and the one with holds.
// Its ns/op is that of one round of every block, not of a call.
func BenchmarkTargetRatios(b *testing.B) {
	s := calendar.Poland().MustSchedule(calendar.Window8x5())
	start := wall(2026, 11, 17, 16, 0)
	c := sla.Default()
	plain, held := benchOnsite(b), benchHolds(b)
	const block = 64
	var add, dl, ex, dlh, exh time.Duration
	timed := func(sum *time.Duration, f func()) {
		t0 := time.Now()
		for k := 0; k < block; k++ {
			f()
		}
		*sum += time.Since(t0)
	}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		timed(&add, func() { sinkTime, _ = s.Add(start, 4*time.Hour) })
		timed(&dl, func() { _, _ = c.Deadlines(plain) })
		timed(&ex, func() { _, _ = c.Explain(plain) })
		timed(&dlh, func() { _, _ = c.Deadlines(held) })
		timed(&exh, func() { _, _ = c.Explain(held) })
	}
	b.ReportMetric(float64(dl)/float64(add), "deadlines/add")
	b.ReportMetric(float64(ex)/float64(dl), "explain/deadlines")
	b.ReportMetric(float64(dlh)/float64(add), "held-deadlines/add")
	calls := float64(b.N * block)
	b.ReportMetric(float64(add)/calls, "ns/add")
	b.ReportMetric(float64(dl)/calls, "ns/deadlines")
	b.ReportMetric(float64(ex)/calls, "ns/explain")
	b.ReportMetric(float64(exh)/float64(dlh), "held-explain/deadlines")
}

// A new calculator's first explanations, from many goroutines at once, build
// its table of zone periods once and give what one goroutine alone gives: the
// explanation of the clock change in March, whose window-time step names it.
func TestExplainConcurrentFirstUse(t *testing.T) {
	c, err := sla.NewCalculator(calendar.Poland(), sla.DefaultSettings())
	require.NoError(t, err)
	rs := benchRequests(t)
	want := make([]string, len(rs))
	ref := sla.Default()
	for i, br := range rs {
		ds, err := ref.Explain(br.r)
		require.NoError(t, err)
		for _, d := range ds.All() {
			want[i] += d.Explanation() + "\n"
		}
	}
	assert.Contains(t, want[1], "the clocks go forward on the way (+01:00 to +02:00)", "24x7x4 across the spring change")
	var wg sync.WaitGroup
	got := make([][]string, 8)
	for g := range got {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for _, br := range rs {
				ds, err := c.Explain(br.r)
				if err != nil {
					got[g] = append(got[g], err.Error())
					continue
				}
				s := ""
				for _, d := range ds.All() {
					s += d.Explanation() + "\n"
				}
				got[g] = append(got[g], s)
			}
		}(g)
	}
	wg.Wait()
	for g := range got {
		assert.Equal(t, want, got[g], "goroutine %d", g)
	}
}

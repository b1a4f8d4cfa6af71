package sla_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

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

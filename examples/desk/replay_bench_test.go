package main

import (
	"bytes"
	"testing"
	"time"

	"github.com/slaclock/slaclock/contract"
	"github.com/slaclock/slaclock/examples/internal/desklog"
)

// BenchmarkReplay replays a synthetic log of 10,000 requests over 2,000
// devices: the cost of a report per request.
func BenchmarkReplay(b *testing.B) {
	var cs, ev bytes.Buffer
	if err := desklog.Contracts(&cs, 2000); err != nil {
		b.Fatal(err)
	}
	if err := desklog.Events(&ev, 10000, 2000, 1); err != nil {
		b.Fatal(err)
	}
	reg, err := contract.Load(&cs, nil)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		r, err := makeReport(reg, bytes.NewReader(ev.Bytes()), time.Time{})
		if err != nil || len(r.Rejected) > 0 {
			b.Fatal(err, r.Rejected)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/10000, "ns/request")
}

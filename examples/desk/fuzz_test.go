package main

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/slaclock/slaclock/contract"
)

// FuzzReport: whatever the lines after the header, the report is made and
// written, and every data line is either applied or rejected, never dropped.
func FuzzReport(f *testing.F) {
	f.Add("T-1,P-1,P3,submitted,2026-11-16T09:00:00+01:00\nT-1,P-1,P3,confirmed,2026-11-16T10:00:00+01:00\nT-1,P-1,P3,hold,2026-11-16T14:00:00+01:00\n")
	f.Add("T-1,P-2,P3,submitted,2026-11-16T09:00:00+01:00\nT-1,P-2,P1,priority,2026-11-16T13:00:00+01:00\nT-1,P-2,,closed,2026-11-16T15:00:00+01:00\n")
	f.Add("T-4,Z-1,,submitted,2200-12-31T23:00:00+01:00\nT-4,Z-1,,confirmed,2200-12-31T23:59:59+01:00\nT-4,Z-1,,onsite,2201-01-01T00:00:00+01:00\n")
	f.Add("T-1,P-1,P3,submitted,\"2026-11-16T09:00:00+01:00\n\ufeff# x\n,,,,\n")
	reg, err := contract.Load(strings.NewReader(rulesRegistry), nil)
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, lines string) {
		r, err := makeReport(reg, strings.NewReader("contract,serial,priority,event,time\n"+lines), time.Time{})
		if err != nil {
			t.Fatalf("the header is valid, yet: %v", err)
		}
		data := 0
		// A line ends at "\n"; one "\r" before it belongs to the line's end,
		// so a line holding a stray "\r" of its own is data, not empty.
		for _, l := range strings.Split(lines, "\n") {
			if l = strings.TrimSuffix(l, "\r"); l != "" && l[0] != '#' {
				data++
			}
		}
		if got := r.NEvents + len(r.Rejected); got != data {
			t.Fatalf("%d data lines, %d applied and %d rejected", data, r.NEvents, len(r.Rejected))
		}
		var b bytes.Buffer
		if err := r.write(&b); err != nil {
			t.Fatal(err)
		}
	})
}

package sla_test

import (
	"fmt"
	"time"

	"github.com/slaclock/slaclock/sla"
)

func Example_readme() {
	svc, _ := sla.LookupService("cocare-standard")
	confirmed := time.Date(2026, 11, 13, 15, 20, 0, 0, time.FixedZone("CET", 3600))
	ds, err := sla.Default().Explain(sla.Request{Service: svc, Submitted: confirmed, Confirmed: confirmed})
	if err != nil {
		panic(err)
	}
	d, _ := ds.Get(sla.Delivery)
	fmt.Println(d.Due.Format(time.RFC3339))
	fmt.Println(d.Explanation())
	// Output:
	// 2026-11-17T18:00:00+01:00
	// confirmed Fri 13 Nov 2026 15:20, after the 15:00 cutoff: counts from Mon 16 Nov; next business day: Tue 17 Nov; due at the close of the 9x5 window: Tue 17 Nov 2026 18:00
}

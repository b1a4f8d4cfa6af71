package contract_test

import (
	"encoding/json"
	"testing"

	"github.com/slaclock/slaclock/contract"
	"github.com/slaclock/slaclock/sla"
)

// BenchmarkLife opens a request and records a life with a hold and a
// priority change, then asks its Status: what a desk does per request.
func BenchmarkLife(b *testing.B) {
	r := registry(b)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		q, err := r.Open(contract.Opening{Contract: nPremier, Serial: serial, Priority: sla.P3, Submitted: mon(9, 0)})
		if err != nil {
			b.Fatal(err)
		}
		for _, e := range []contract.Entry{{Step: contract.Confirmed, At: mon(10, 0)}, {Step: contract.OnHold, At: mon(14, 0)},
			{Step: contract.Resumed, At: tue(11, 0)}, {Step: contract.PriorityChanged, At: tue(12, 0), Priority: sla.P1},
			{Step: contract.Delivered, At: tue(15, 0)}} {
			if err := q.Apply(e); err != nil {
				b.Fatal(err)
			}
		}
		if _, err := q.Status(tue(16, 0)); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRestore restores the golden request's history from JSON.
func BenchmarkRestore(b *testing.B) {
	r := registry(b)
	data, err := json.Marshal(goldenRequest(b, r).History())
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		var h contract.History
		if err := json.Unmarshal(data, &h); err != nil {
			b.Fatal(err)
		}
		if _, err := r.Restore(h); err != nil {
			b.Fatal(err)
		}
	}
}

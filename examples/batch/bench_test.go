package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"testing"
	"time"
)

// benchInput returns 100,000 realistic request lines, the same on every run.
func benchInput() []byte {
	services := []string{"cocare-basic", "cocare-standard", "cocare-premier", "cocare-standard-onsite",
		"cocare-premium-onsite", "ahb-8x5xNBD", "ahb-24x7xNBD", "ahb-8x5x8", "sos-8x5xNBD", "sos-24x7xNBD"}
	rng := rand.New(rand.NewPCG(2026, 11))
	start := time.Date(2025, 1, 1, 0, 0, 0, 0, time.FixedZone("", 3600))
	var b bytes.Buffer
	for i := 0; i < 100_000; i++ {
		svc := services[rng.IntN(len(services))]
		sub := start.Add(time.Duration(rng.Int64N(int64(2 * 365 * 24 * time.Hour))))
		fmt.Fprintf(&b, `{"id":"REQ-%06d","service":%q`, i, svc)
		if svc == "cocare-premier" || svc == "cocare-premium-onsite" {
			fmt.Fprintf(&b, `,"priority":"P%d"`, 1+rng.IntN(4))
		}
		fmt.Fprintf(&b, `,"submitted":%q`, sub.Format(time.RFC3339))
		if rng.IntN(10) < 8 {
			conf := sub.Add(time.Duration(rng.Int64N(int64(6 * time.Hour))))
			fmt.Fprintf(&b, `,"confirmed":%q`, conf.Format(time.RFC3339))
			if rng.IntN(2) == 0 {
				fmt.Fprintf(&b, `,"delivered":%q`, conf.Add(time.Duration(rng.Int64N(int64(72*time.Hour)))).Format(time.RFC3339))
			}
		}
		b.WriteString("}\n")
	}
	return b.Bytes()
}

// BenchmarkBatch compares the batch program with a program that only decodes and
// re-encodes the same lines; run them together and quote the ratio.
func BenchmarkBatch(b *testing.B) {
	in := benchInput()
	b.Run("deadlines", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(in)))
		for n := 0; n < b.N; n++ {
			if code := run(nil, bytes.NewReader(in), io.Discard, io.Discard); code != 0 {
				b.Fatal("exit", code)
			}
		}
	})
	b.Run("decode-encode-only", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(in)))
		for n := 0; n < b.N; n++ {
			out := bufio.NewWriterSize(io.Discard, 64<<10)
			err := eachLine(bytes.NewReader(in), func(line []byte, _ bool) error {
				var v input
				dec := json.NewDecoder(bytes.NewReader(line))
				dec.DisallowUnknownFields()
				if err := dec.Decode(&v); err != nil {
					return err
				}
				enc, err := json.Marshal(v)
				if err != nil {
					return err
				}
				out.Write(enc)
				return out.WriteByte('\n')
			})
			if err != nil {
				b.Fatal(err)
			}
			out.Flush()
		}
	})
}

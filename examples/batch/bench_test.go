package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// benchInput returns 100,000 realistic request lines, the same on every run:
// every service, a confirmation on 8 in 10, a delivery on half of those, one
// to three holds on 1 in 5 confirmed requests, one or two priority changes on
// 1 in 4 requests of the services split by priority.
func benchInput() []byte {
	services := []string{"cocare-basic", "cocare-standard", "cocare-premier", "cocare-standard-onsite",
		"cocare-premium-onsite", "ahb-8x5xNBD", "ahb-24x7xNBD", "ahb-8x5x8", "sos-8x5xNBD", "sos-24x7xNBD"}
	rng := rand.New(rand.NewPCG(2026, 11))
	start := time.Date(2025, 1, 1, 0, 0, 0, 0, time.FixedZone("", 3600))
	dur := func(max time.Duration) time.Duration { return time.Duration(rng.Int64N(int64(max))) }
	var b bytes.Buffer
	for i := 0; i < 100_000; i++ {
		svc := services[rng.IntN(len(services))]
		split := svc == "cocare-premier" || svc == "cocare-premium-onsite"
		sub := start.Add(dur(2 * 365 * 24 * time.Hour))
		fmt.Fprintf(&b, `{"id":"REQ-%06d","service":%q`, i, svc)
		if split {
			fmt.Fprintf(&b, `,"priority":"P%d"`, 1+rng.IntN(4))
		}
		fmt.Fprintf(&b, `,"submitted":%q`, sub.Format(time.RFC3339))
		last := sub // no hold, change or delivery before it
		if rng.IntN(10) < 8 {
			conf := sub.Add(dur(6 * time.Hour))
			fmt.Fprintf(&b, `,"confirmed":%q`, conf.Format(time.RFC3339))
			last = conf
			if split && rng.IntN(4) == 0 { // changes before the holds: never inside one
				b.WriteString(`,"priority_changes":[`)
				for j, n := 0, 1+rng.IntN(2); j < n; j++ {
					last = last.Add(dur(3 * time.Hour))
					if j > 0 {
						b.WriteByte(',')
					}
					fmt.Fprintf(&b, `{"at":%q,"priority":"P%d"}`, last.Format(time.RFC3339), 1+rng.IntN(4))
				}
				b.WriteByte(']')
			}
			if rng.IntN(5) == 0 {
				b.WriteString(`,"holds":[`)
				for j, n := 0, 1+rng.IntN(3); j < n; j++ {
					from := last.Add(dur(4 * time.Hour))
					last = from.Add(10*time.Minute + dur(20*time.Hour))
					if j > 0 {
						b.WriteByte(',')
					}
					fmt.Fprintf(&b, `{"from":%q,"to":%q}`, from.Format(time.RFC3339), last.Format(time.RFC3339))
				}
				b.WriteByte(']')
			}
			if rng.IntN(2) == 0 {
				fmt.Fprintf(&b, `,"delivered":%q`, last.Add(dur(72*time.Hour)).Format(time.RFC3339))
			}
		}
		b.WriteString("}\n")
	}
	return b.Bytes()
}

// The benchmark measures deadlines, not refusals: every line of its input is
// good, and the holds and changes are there.
func TestBenchInputIsGood(t *testing.T) {
	in := benchInput()
	assert.Equal(t, 100_000, bytes.Count(in, []byte("\n")))
	assert.Greater(t, bytes.Count(in, []byte(`"holds"`)), 10_000)
	assert.Greater(t, bytes.Count(in, []byte(`"priority_changes"`)), 3_000)
	var out bytes.Buffer
	require.Equal(t, 0, run(nil, bytes.NewReader(in), &out, io.Discard))
	assert.Equal(t, 100_000, strings.Count(out.String(), "\n"))
	if i := strings.Index(out.String(), `"error"`); i >= 0 {
		t.Fatalf("an error line: %.300s", out.String()[i-40:])
	}
}

// decoded is the batch format read by encoding/json: the baseline's struct.
type decoded struct {
	ID        json.RawMessage `json:"id"`
	Service   *string         `json:"service"`
	Priority  *string         `json:"priority"`
	Submitted *string         `json:"submitted"`
	Confirmed *string         `json:"confirmed"`
	Delivered *string         `json:"delivered"`
	Holds     []struct {
		From *string `json:"from"`
		To   *string `json:"to"`
	} `json:"holds"`
	Changes []struct {
		At       *string `json:"at"`
		Priority *string `json:"priority"`
	} `json:"priority_changes"`
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
			err := eachLine(bytes.NewReader(in), func(line []byte) error {
				var v decoded
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

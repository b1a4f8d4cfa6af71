// Package desklog writes synthetic service desk logs for examples/desk: a
// registry of contracts and an events file in time order, as large as asked,
// the same for the same seed. It exists to measure the desk on logs far
// larger than its sample and to test that its memory does not grow with the
// length of the log.
package desklog

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"slices"
	"strconv"
	"time"

	"github.com/slaclock/slaclock/calendar"
)

// services are the packages the contracts rotate through, one a contract.
var services = [][]string{
	{"cocare-standard"}, {"cocare-premier"}, {"cocare-standard-onsite"}, {"ahb-8x5xNBD"},
	{"sos-24x7xNBD"}, {"cocare-basic"}, {"ahb-24x7xNBD"}, {"cocare-standard", "sos-24x7xNBD"},
}

// Contracts writes a registry of contracts that together cover devices
// devices, 1,000 devices a contract (the last may have fewer), with a term
// from 2020 to 2035 so that every event Events writes falls inside it.
func Contracts(w io.Writer, devices int) error {
	type device struct {
		Serial string `json:"serial"`
	}
	type contract struct {
		Number   string   `json:"number"`
		Services []string `json:"services"`
		Start    string   `json:"start"`
		End      string   `json:"end"`
		Devices  []device `json:"devices"`
	}
	var cs []contract
	for i := 0; i < devices; i++ {
		if i%perContract == 0 {
			n := i / perContract
			cs = append(cs, contract{Number: contractNumber(n), Services: services[n%len(services)], Start: "2020-01-01", End: "2035-12-31"})
		}
		c := &cs[len(cs)-1]
		c.Devices = append(c.Devices, device{Serial: serial(i)})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", " ")
	return enc.Encode(struct {
		Contracts []contract `json:"contracts"`
	}{cs})
}

const perContract = 1000

func contractNumber(n int) string { return fmt.Sprintf("GEN/%04d", n) }
func serial(i int) string         { return fmt.Sprintf("SN%08d", i) }

// event is one line of the log before it is written.
type event struct {
	at       time.Time
	device   int
	priority string
	step     string
}

// Events writes an events file of n requests over devices devices (as
// Contracts writes them): a header, then each device's requests one after
// another, a request every two weeks or so per device, every event in time
// order across the devices. A request is submitted, responded to, confirmed
// and closed after its part is delivered or an engineer is on site and the
// part returned; one in eight is put on hold and resumed, one in ten of the
// premier ones changes priority, one in twenty is closed after a remote fix.
// The last request of each device may be left open. seed makes the log.
func Events(w io.Writer, n, devices int, seed uint64) error {
	if devices < 1 || n < 0 {
		return fmt.Errorf("desklog: want at least one device and no fewer than 0 requests, have %d devices, %d requests", devices, n)
	}
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	bw := bufio.NewWriterSize(w, 256<<10)
	bw.WriteString("contract,serial,priority,event,time\n")
	start := time.Date(2021, 1, 4, 0, 0, 0, 0, calendar.Warsaw())
	const round = 14 * 24 * time.Hour // every device has one request in each round
	var batch []event
	var line []byte
	for r := 0; r*devices < n; r++ {
		batch = batch[:0]
		base := start.Add(time.Duration(r) * round)
		for d := 0; d < devices && r*devices+d < n; d++ {
			batch = append(batch, lifecycle(rng, base, d)...)
		}
		slices.SortStableFunc(batch, func(a, b event) int { return a.at.Compare(b.at) })
		for _, e := range batch {
			line = line[:0]
			c := e.device / perContract
			line = append(line, contractNumber(c)...)
			line = append(line, ',')
			line = append(line, serial(e.device)...)
			line = append(line, ',')
			line = append(line, e.priority...)
			line = append(line, ',')
			line = append(line, e.step...)
			line = append(line, ',')
			line = e.at.AppendFormat(line, time.RFC3339)
			line = append(line, '\n')
			if _, err := bw.Write(line); err != nil {
				return err
			}
		}
	}
	return bw.Flush()
}

// lifecycle returns the events of one request of device d, submitted in the
// first week after base and ended within the round.
func lifecycle(rng *rand.Rand, base time.Time, d int) []event {
	svc := services[(d/perContract)%len(services)]
	prio := ""
	if svc[0] == "cocare-premier" {
		prio = "P" + strconv.Itoa(1+rng.IntN(4))
	}
	at := base.Add(time.Duration(rng.Int64N(int64(7*24*time.Hour))) / time.Minute * time.Minute)
	var out []event
	step := func(s string, after time.Duration) {
		at = at.Add(after)
		out = append(out, event{at: at, device: d, priority: prio, step: s})
	}
	minutes := func(lo, hi int) time.Duration { return time.Duration(lo+rng.IntN(hi-lo+1)) * time.Minute }
	step("submitted", 0)
	step("responded", minutes(5, 40))
	step("confirmed", minutes(10, 120))
	if rng.IntN(20) == 0 {
		step("closed", minutes(30, 240))
		return out
	}
	if rng.IntN(8) == 0 {
		step("hold", minutes(10, 60))
		step("resumed", minutes(30, 600))
	}
	if prio != "" && rng.IntN(10) == 0 {
		prio = "P" + strconv.Itoa(1+rng.IntN(4))
		step("priority", minutes(1, 30))
	}
	if len(svc) > 1 || svc[0] == "sos-24x7xNBD" || svc[0] == "cocare-standard-onsite" {
		step("delivered", minutes(60, 1800))
		step("onsite", minutes(0, 120))
	} else {
		step("delivered", minutes(60, 1800))
	}
	step("returned", minutes(600, 3*24*60))
	step("closed", minutes(10, 600))
	return out
}

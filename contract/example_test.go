package contract_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/slaclock/slaclock/calendar"
	"github.com/slaclock/slaclock/contract"
	"github.com/slaclock/slaclock/sla"
)

const exampleRegistry = `{
  "contracts": [
    {
      "number": "HZ/AHB/2026/001",
      "customer": "Sieć Aptek Zdrowa Rodzina sp. z o.o.",
      "services": ["ahb-8x5xNBD"],
      "start": "2026-01-01",
      "end": "2026-12-31",
      "devices": [
        {"serial": "2102313QMB10P2000604", "model": "AR6140-16G4XG", "site": "Łódź, ul. Piotrkowska 104"}
      ]
    },
    {
      "number": "CC/2026/0347",
      "customer": "Małopolskie Wodociągi Regionalne S.A.",
      "services": ["cocare-standard", "sos-24x7xNBD"],
      "start": "2026-03-01",
      "end": "2028-02-29",
      "settings": {"cutoff": "14:00", "return_days": 10},
      "devices": [
        {"serial": "2102353JKP10N3001204", "model": "S5735-L48T4X", "site": "Kraków, ul. Senatorska 1"}
      ]
    }
  ]
}`

// Load reads a registry of contracts from JSON; contracts are looked up by
// number, ignoring case and surrounding spaces.
func ExampleLoad() {
	reg, err := contract.Load(strings.NewReader(exampleRegistry), nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	c, err := reg.Lookup(" cc/2026/0347 ")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(c.Number, c.Customer)
	fmt.Println("services:", c.Services)
	fmt.Println("term:", c.Start, "to", c.End)
	fmt.Println("cutoff:", reg.Calculator(c).Settings().Cutoff, "return days:", reg.Calculator(c).Settings().ReturnDays)
	d, ok := c.Device("2102353jkp10n3001204")
	fmt.Println(ok, d.Model, d.Site)
	// Output:
	// CC/2026/0347 Małopolskie Wodociągi Regionalne S.A.
	// services: [cocare-standard sos-24x7xNBD]
	// term: 2026-03-01 to 2028-02-29
	// cutoff: 14:00 return days: 10
	// true S5735-L48T4X Kraków, ul. Senatorska 1
}

// Load reports every problem of a file at once, each a *contract.FieldError
// with the contract's line, the field and its value.
func ExampleLoad_problems() {
	const file = `{"contracts": [
  {"number": "A/1", "services": ["cocare-gold"], "start": "2026-06-01", "end": "2026-05-31",
   "devices": [{"serial": "S1"}, {"serial": " s1"}]},
  {"number": "a/1", "services": ["cocare-basic"], "start": "2026-01-01", "end": "2026-12-31",
   "devices": [{"serial": "S2"}]}
]}`
	_, err := contract.Load(strings.NewReader(file), nil)
	for _, e := range err.(interface{ Unwrap() []error }).Unwrap() {
		var fe *contract.FieldError
		if errors.As(e, &fe) {
			fmt.Printf("line %d: %s %q\n", fe.Line, fe.Field, fe.Value)
		}
	}
	fmt.Println(errors.Is(err, contract.ErrDuplicateSerial), errors.Is(err, contract.ErrInvalidTerm))
	// Output:
	// line 2: contracts[0].services[0] "cocare-gold"
	// line 2: contracts[0].end "2026-05-31"
	// line 2: contracts[0].devices[1].serial " s1"
	// line 4: contracts[1].number "a/1"
	// true true
}

// A request's life under an AHB 8x5xNBD add-on: the deadlines of each step, and
// the escalation channel once 75 % of a target is used.
func ExampleRegistry_Open() {
	reg, err := contract.Load(strings.NewReader(exampleRegistry), nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	warsaw := calendar.Warsaw()
	at := func(day, h, m int) time.Time { return time.Date(2026, time.January, day, h, m, 0, 0, warsaw) }
	const layout = "Mon 02 Jan 15:04 MST"
	show := func(q *contract.Request) {
		for _, sd := range q.Deadlines() {
			for _, d := range sd.Deadlines.All() {
				fmt.Printf("  %s %s by %s\n", sd.Service, d.Kind, d.Due.Format(layout))
			}
		}
	}
	status := func(q *contract.Request, now time.Time) {
		st, err := q.Status(now)
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Printf("at %s:\n", now.Format(layout))
		for _, d := range st.Deadlines {
			if d.Actual.IsZero() {
				fmt.Printf("  %s %s, %s left, %.0f%% used\n", d.Deadline.Kind, d.Status, d.Progress.Left, 100*d.Progress.Share)
			} else {
				fmt.Printf("  %s %s by %s\n", d.Deadline.Kind, d.Status, d.By)
			}
		}
		if st.Escalation != nil {
			fmt.Println("  escalate to", st.Escalation.Email, st.Escalation.Phone)
		}
	}

	// Friday 2 Jan 16:30: 30 minutes of the 8x5 window are left that day, so the
	// response (1 hour of it) is due Monday 09:30.
	q, err := reg.Open(contract.Opening{Contract: "HZ/AHB/2026/001", Serial: "2102313QMB10P2000604",
		Submitted: at(2, 16, 30), Description: "router does not boot"})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(q.Step())
	show(q)

	// Confirmed Monday 14:00, before the 15:00 cutoff: the next business day
	// after Monday is Wednesday (6 Jan is a holiday), to the window's close.
	_ = q.Record(contract.Responded, at(5, 9, 15))
	_ = q.Record(contract.Confirmed, at(5, 14, 0))
	fmt.Println(q.Step())
	show(q)
	status(q, at(7, 12, 0))
	status(q, at(7, 15, 0))

	// A delivery before the confirmation is refused and changes nothing.
	err = q.Record(contract.Delivered, at(5, 13, 0))
	fmt.Println(errors.Is(err, contract.ErrStepTime), q.Step())

	_ = q.Record(contract.Delivered, at(7, 16, 10))
	fmt.Println(q.Step())
	show(q)
	_ = q.Record(contract.Returned, at(9, 11, 0))
	_ = q.Record(contract.Closed, at(9, 12, 0))
	fmt.Println(q.Step(), q.Done())
	// A closed request is judged at its closure, however late it is asked.
	status(q, at(20, 12, 0))
	// Output:
	// submitted
	//   ahb-8x5xNBD response by Mon 05 Jan 09:30 CET
	// confirmed
	//   ahb-8x5xNBD response by Mon 05 Jan 09:30 CET
	//   ahb-8x5xNBD delivery by Wed 07 Jan 17:00 CET
	// at Wed 07 Jan 12:00 CET:
	//   response met by 15m0s
	//   delivery open, 5h0m0s left, 55% used
	// at Wed 07 Jan 15:00 CET:
	//   response met by 15m0s
	//   delivery open, 2h0m0s left, 82% used
	//   escalate to escalation@myhezo.pl +48 12 25 25 502
	// true confirmed
	// delivered
	//   ahb-8x5xNBD response by Mon 05 Jan 09:30 CET
	//   ahb-8x5xNBD delivery by Wed 07 Jan 17:00 CET
	//   ahb-8x5xNBD return by Thu 15 Jan 00:00 CET
	// closed true
	// at Tue 20 Jan 12:00 CET:
	//   response met by 15m0s
	//   delivery met by 50m0s
	//   return met by 133h0m0s
}

// A request stored as its history (JSON, in a database for instance) and
// restored after a restart: the same steps, holds and deadlines. Deadlines are
// never stored; Restore replays the history through the checks recording
// went through.
func ExampleRegistry_Restore() {
	reg, err := contract.Load(strings.NewReader(exampleRegistry), nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	warsaw := calendar.Warsaw()
	at := func(day, h, m int) time.Time { return time.Date(2026, time.November, day, h, m, 0, 0, warsaw) }
	q, err := reg.Open(contract.Opening{ID: "REQ-17", Contract: "HZ/AHB/2026/001", Serial: "2102313QMB10P2000604",
		Submitted: at(16, 9, 0), Note: "call from J. Nowak"})
	if err != nil {
		fmt.Println(err)
		return
	}
	_ = q.Record(contract.Confirmed, at(16, 10, 0))
	_ = q.Apply(contract.Entry{Step: contract.OnHold, At: at(16, 14, 0), Note: "site closed until Tuesday 11:00"})

	stored, err := json.Marshal(q.History())
	if err != nil {
		fmt.Println(err)
		return
	}

	// After a restart:
	var h contract.History
	if err := json.Unmarshal(stored, &h); err != nil {
		fmt.Println(err)
		return
	}
	back, err := reg.Restore(h)
	if err != nil {
		fmt.Println(err)
		return
	}
	since, held := back.OnHold()
	fmt.Println(back.ID(), back.Step(), held, since.Format("Mon 15:04"))
	for _, e := range back.History().Entries {
		fmt.Printf("  %s %s %q\n", e.Step, e.At.Format("Mon 15:04"), e.Note)
	}
	d, _ := back.Deadlines()[0].Deadlines.Get(sla.Delivery)
	fmt.Println("delivery paused:", d.Paused, d.Left, "of the window left")
	// Output:
	// REQ-17 confirmed true Mon 14:00
	//   submitted Mon 09:00 "call from J. Nowak"
	//   confirmed Mon 10:00 ""
	//   hold Mon 14:00 "site closed until Tuesday 11:00"
	// delivery paused: true 11h0m0s of the window left
}

// A hold stops the delivery clock: ahb-8x5xNBD confirmed Monday 10:00 is due
// Tuesday 17:00; on hold from Monday 14:00, 11 hours of the 09:00-17:00
// window were left (3 on Monday, 8 on Tuesday). Resumed Tuesday 11:00, they
// run again: 6 hours on Tuesday and 5 on Wednesday, due Wednesday 14:00.
func ExampleRequest_Record_hold() {
	reg, err := contract.Load(strings.NewReader(exampleRegistry), nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	warsaw := calendar.Warsaw()
	at := func(day, h, m int) time.Time { return time.Date(2026, time.November, day, h, m, 0, 0, warsaw) }
	q, err := reg.Open(contract.Opening{Contract: "HZ/AHB/2026/001", Serial: "2102313QMB10P2000604", Submitted: at(16, 9, 0)})
	if err != nil {
		fmt.Println(err)
		return
	}
	delivery := func(now time.Time) {
		st, err := q.Status(now)
		if err != nil {
			fmt.Println(err)
			return
		}
		for _, d := range st.Deadlines {
			if d.Deadline.Kind != sla.Delivery {
				continue
			}
			if d.Status == sla.Paused {
				fmt.Printf("at %s: delivery paused since %s, %s left\n", now.Format("Mon 15:04"), st.HeldSince.Format("Mon 15:04"), d.Progress.Left)
			} else {
				fmt.Printf("at %s: delivery %s, due %s\n", now.Format("Mon 15:04"), d.Status, d.Deadline.Due.Format("Mon 15:04"))
			}
		}
	}
	_ = q.Record(contract.Confirmed, at(16, 10, 0))
	delivery(at(16, 12, 0))
	_ = q.Record(contract.OnHold, at(16, 14, 0))
	delivery(at(17, 9, 0))

	// Nothing is delivered during a hold.
	err = q.Record(contract.Delivered, at(17, 10, 0))
	fmt.Println(errors.Is(err, contract.ErrOnHold))

	_ = q.Record(contract.Resumed, at(17, 11, 0))
	delivery(at(17, 12, 0))
	// Output:
	// at Mon 12:00: delivery open, due Tue 17:00
	// at Tue 09:00: delivery paused since Mon 14:00, 11h0m0s left
	// true
	// at Tue 12:00: delivery open, due Wed 14:00
}

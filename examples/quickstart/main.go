// Command quickstart shows slaclock's main job: for a few realistic service
// requests, every deadline the desk and the customer must meet, each with the
// steps that produced it.
//
//	go run ./examples/quickstart
package main

import (
	"fmt"
	"io"
	"os"
	"time"

	"github.com/slaclock/slaclock/sla"
)

type example struct {
	title     string
	service   string
	priority  sla.Priority
	submitted string
	confirmed string
	delivered string
}

var examples = []example{
	{
		title:     "CoCare Standard, confirmed on a Friday after the 15:00 cutoff",
		service:   "cocare-standard",
		submitted: "2026-11-13T14:05:00+01:00",
		confirmed: "2026-11-13T15:20:00+01:00",
		delivered: "2026-11-17T11:40:00+01:00",
	},
	{
		title:     "CoCare Premier P1, on the night the clocks go forward",
		service:   "cocare-premier",
		priority:  sla.P1,
		submitted: "2026-03-29T01:10:00+01:00",
		confirmed: "2026-03-29T01:30:00+01:00",
	},
	{
		title:     "HEZO AHB 8x5xNBD, the day before Wigilia 2025",
		service:   "ahb-8x5xNBD",
		submitted: "2025-12-23T13:30:00+01:00",
		confirmed: "2025-12-23T14:10:00+01:00",
	},
}

func main() { os.Exit(run(os.Stdout)) }

func run(w io.Writer) int {
	calc := sla.Default()
	for i, ex := range examples {
		if i > 0 {
			fmt.Fprintln(w)
		}
		if err := show(w, calc, ex); err != nil {
			fmt.Fprintln(os.Stderr, "quickstart:", err)
			return 1
		}
	}
	return 0
}

func show(w io.Writer, calc *sla.Calculator, ex example) error {
	svc, err := sla.LookupService(ex.service)
	if err != nil {
		return err
	}
	req := sla.Request{Service: svc, Priority: ex.priority}
	for _, f := range []struct {
		in  string
		out *time.Time
	}{{ex.submitted, &req.Submitted}, {ex.confirmed, &req.Confirmed}, {ex.delivered, &req.Delivered}} {
		if f.in == "" {
			continue
		}
		if *f.out, err = time.Parse(time.RFC3339, f.in); err != nil {
			return err
		}
	}
	ds, err := calc.Explain(req)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "%s\n  service %s (%s), level %s\n", ex.title, svc.ID(), svc.Name(), ds.Level)
	for _, d := range ds.All() {
		fmt.Fprintf(w, "  %-9s %s\n", d.Kind.String()+":", due(d.Due))
		for _, s := range d.Steps {
			fmt.Fprintf(w, "            - %s\n", s.Text)
		}
	}
	return nil
}

// due writes a deadline for people; midnight, the end of a day, is written as
// 24:00 of that day.
func due(t time.Time) string {
	if t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0 && t.Nanosecond() == 0 {
		return t.AddDate(0, 0, -1).Format("Mon 2 Jan 2006") + " 24:00 " + t.Format("MST")
	}
	return t.Format("Mon 2 Jan 2006 15:04 MST")
}

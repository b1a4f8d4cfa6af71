package contract_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/slaclock/slaclock/contract"
	"github.com/slaclock/slaclock/sla"
)

// dl is an expected deadline of a one-service request: its kind and instant.
type dl struct {
	Kind sla.Kind
	At   string
}

// oc is an expected deadline status of a one-service request at an instant:
// met or breached by how much (elapsed time), or open with the window time left.
type oc struct {
	Kind   sla.Kind
	Status sla.Status
	Left   time.Duration
}

// lifeStep is a step of a request's life and what the request reports after it.
type lifeStep struct {
	Step contract.Step
	At   time.Time
	Now  time.Time // the instant the status is taken at; zero: At
	Adds []dl      // the deadlines the step adds
	Outs []oc      // every deadline's status at Now
	Next sla.Kind  // the open deadline due first at Now; 0: none
	Esc  bool      // whether the request names the escalation channel at Now
}

const (
	resp   = sla.Response
	shipBy = sla.ShipBy
	deliv  = sla.Delivery
	onSite = sla.OnSite
	retn   = sla.Return
	open_  = sla.Open
	met    = sla.Met
	breach = sla.Breached
	h      = time.Hour
	min    = time.Minute
	sec    = time.Second
)

// TestLifecycle follows a request through its whole life under each service of
// the catalogue. Every deadline was worked out by hand from SPEC section 6 (the
// comment of each case gives the reasoning) and checked against an independent
// calendar; "left" is window time, "by" elapsed time.
func TestLifecycle(t *testing.T) {
	r := registry(t)
	cases := []struct {
		name   string
		number string
		prio   sla.Priority
		level  string
		steps  []lifeStep
	}{
		{
			// 9x5xNBD-S. Submitted Fri 3 Apr 17:30: 30 min of 9x5 left that day;
			// Mon 6 Apr is Easter Monday, so the response is due Tue 09:30.
			// Confirmed Tue 15:00:00, at the cutoff: the second business day after,
			// Thu 9 Apr, at the 9x5 close 18:00 (21 h of window: 3 + 9 + 9).
			// Delivered Fri 10 Apr: returned by the end of Fri 17 Apr.
			name: "cocare-basic ships by the 9x5 close, cutoff at 15:00:00 exactly, over Easter Monday", number: nBasic, level: "9x5xNBD-S",
			steps: []lifeStep{
				{Step: contract.Submitted, At: wall(2026, time.April, 3, 17, 30),
					Adds: []dl{{resp, "Tue 2026-04-07 09:30:00 CEST"}}, Outs: []oc{{resp, open_, 1 * h}}, Next: resp},
				{Step: contract.Responded, At: wall(2026, time.April, 7, 9, 10), Outs: []oc{{resp, met, 20 * min}}},
				{Step: contract.Confirmed, At: wall(2026, time.April, 7, 15, 0),
					Adds: []dl{{shipBy, "Thu 2026-04-09 18:00:00 CEST"}}, Outs: []oc{{resp, met, 20 * min}, {shipBy, open_, 21 * h}}, Next: shipBy},
				{Step: contract.Shipped, At: wall(2026, time.April, 9, 17, 0), Outs: []oc{{resp, met, 20 * min}, {shipBy, met, 1 * h}}},
				{Step: contract.Delivered, At: wall(2026, time.April, 10, 11, 0), Adds: []dl{{retn, "Sat 2026-04-18 00:00:00 CEST"}},
					Outs: []oc{{resp, met, 20 * min}, {shipBy, met, 1 * h}, {retn, open_, 181 * h}}, Next: retn},
				{Step: contract.Returned, At: wall(2026, time.April, 15, 10, 0), Outs: []oc{{resp, met, 20 * min}, {shipBy, met, 1 * h}, {retn, met, 62 * h}}},
				{Step: contract.Closed, At: wall(2026, time.April, 15, 12, 0), Outs: []oc{{resp, met, 20 * min}, {shipBy, met, 1 * h}, {retn, met, 62 * h}}},
			},
		},
		{
			// 9x5xNBD. Submitted Wed 29 Apr 16:00: response due 17:00. No response
			// step: the confirmation Thu 30 Apr 14:59:59 answers it, 21:59:59 late.
			// Before the cutoff, so the next business day after Thu: Fri 1 May is a
			// holiday (3 May falls on a Sunday and gives no day off): Mon 4 May 18:00
			// (3h0m1s of Thursday's window + 9 h). Delivered 18:30, 30 min late.
			// Returned at exactly the end of Mon 11 May: met.
			name: "cocare-standard: confirmation one second before the cutoff, over 1 May, late delivery, return at the last instant", number: nStandard, level: "9x5xNBD",
			steps: []lifeStep{
				{Step: contract.Submitted, At: wall(2026, time.April, 29, 16, 0),
					Adds: []dl{{resp, "Wed 2026-04-29 17:00:00 CEST"}}, Outs: []oc{{resp, open_, 1 * h}}, Next: resp},
				{Step: contract.Confirmed, At: time.Date(2026, time.April, 30, 14, 59, 59, 0, warsaw),
					Adds: []dl{{deliv, "Mon 2026-05-04 18:00:00 CEST"}},
					Outs: []oc{{resp, breach, 21*h + 59*min + 59*sec}, {deliv, open_, 12*h + 1*sec}}, Next: deliv, Esc: true},
				{Step: contract.Delivered, At: wall(2026, time.May, 4, 18, 30), Adds: []dl{{retn, "Tue 2026-05-12 00:00:00 CEST"}},
					Outs: []oc{{resp, breach, 21*h + 59*min + 59*sec}, {deliv, breach, 30 * min}, {retn, open_, 173*h + 30*min}}, Next: retn, Esc: true},
				{Step: contract.Returned, At: wall(2026, time.May, 12, 0, 0),
					Outs: []oc{{resp, breach, 21*h + 59*min + 59*sec}, {deliv, breach, 30 * min}, {retn, met, 0}}, Esc: true},
				{Step: contract.Closed, At: wall(2026, time.May, 12, 9, 0),
					Outs: []oc{{resp, breach, 21*h + 59*min + 59*sec}, {deliv, breach, 30 * min}, {retn, met, 0}}, Esc: true},
			},
		},
		{
			// P1: 24x7x4, response in 24x7. Submitted Sat 28 Mar 23:30 CET: response
			// 00:30. Confirmed Sun 29 Mar 01:30 CET, the night clocks go forward:
			// four real hours later is 06:30 CEST (SPEC section 1). At 05:30 CEST
			// three of the four hours are used: 75 %, escalate.
			name: "cocare-premier P1: 24x7x4 across the spring clock change", number: nPremier, prio: sla.P1, level: "24x7x4",
			steps: []lifeStep{
				{Step: contract.Submitted, At: wall(2026, time.March, 28, 23, 30),
					Adds: []dl{{resp, "Sun 2026-03-29 00:30:00 CET"}}, Outs: []oc{{resp, open_, 1 * h}}, Next: resp},
				{Step: contract.Responded, At: wall(2026, time.March, 29, 0, 20), Outs: []oc{{resp, met, 10 * min}}},
				{Step: contract.Confirmed, At: wall(2026, time.March, 29, 1, 30), Now: wall(2026, time.March, 29, 5, 30),
					Adds: []dl{{deliv, "Sun 2026-03-29 06:30:00 CEST"}}, Outs: []oc{{resp, met, 10 * min}, {deliv, open_, 1 * h}}, Next: deliv, Esc: true},
				{Step: contract.Delivered, At: wall(2026, time.March, 29, 6, 0), Adds: []dl{{retn, "Mon 2026-04-06 00:00:00 CEST"}},
					Outs: []oc{{resp, met, 10 * min}, {deliv, met, 30 * min}, {retn, open_, 186 * h}}, Next: retn},
				{Step: contract.Returned, At: wall(2026, time.April, 2, 12, 0), Outs: []oc{{resp, met, 10 * min}, {deliv, met, 30 * min}, {retn, met, 84 * h}}},
				{Step: contract.Closed, At: wall(2026, time.April, 2, 13, 0), Outs: []oc{{resp, met, 10 * min}, {deliv, met, 30 * min}, {retn, met, 84 * h}}},
			},
		},
		{
			// P3: 9x5xNBD. Submitted Wed 23 Dec 17:45: 15 min that day; 24 Dec (from
			// 2025) and 25 Dec are holidays, then the weekend: response Mon 28 Dec
			// 09:45. Confirmed Mon 10:00: Tue 29 Dec 18:00 (8 h + 9 h). Delivered Tue
			// 12:00: returned by the end of Tue 5 Jan 2027.
			name: "cocare-premier P3: 9x5xNBD over 24 and 25 Dec", number: nPremier, prio: sla.P3, level: "9x5xNBD",
			steps: []lifeStep{
				{Step: contract.Submitted, At: wall(2026, time.December, 23, 17, 45),
					Adds: []dl{{resp, "Mon 2026-12-28 09:45:00 CET"}}, Outs: []oc{{resp, open_, 1 * h}}, Next: resp},
				{Step: contract.Responded, At: wall(2026, time.December, 28, 9, 30), Outs: []oc{{resp, met, 15 * min}}},
				{Step: contract.Confirmed, At: wall(2026, time.December, 28, 10, 0),
					Adds: []dl{{deliv, "Tue 2026-12-29 18:00:00 CET"}}, Outs: []oc{{resp, met, 15 * min}, {deliv, open_, 17 * h}}, Next: deliv},
				{Step: contract.Delivered, At: wall(2026, time.December, 29, 12, 0), Adds: []dl{{retn, "Wed 2027-01-06 00:00:00 CET"}},
					Outs: []oc{{resp, met, 15 * min}, {deliv, met, 6 * h}, {retn, open_, 180 * h}}, Next: retn},
				{Step: contract.Returned, At: wall(2027, time.January, 5, 23, 0), Outs: []oc{{resp, met, 15 * min}, {deliv, met, 6 * h}, {retn, met, 1 * h}}},
				{Step: contract.Closed, At: wall(2027, time.January, 7, 10, 0), Outs: []oc{{resp, met, 15 * min}, {deliv, met, 6 * h}, {retn, met, 1 * h}}},
			},
		},
		{
			// 9x5xNBD with delivery and on-site. Submitted Fri 5 Jun 08:30 (the day
			// after Corpus Christi): response 1 h from 09:00 = 10:00. Confirmed Sat 6
			// Jun 10:00: clamped to Mon 8 Jun 09:00, before the cutoff: Tue 9 Jun
			// 18:00 (18 h of window). At the delivery, Tue 17:00, 17 of the on-site
			// target's 18 h are used (94 %): escalate. The engineer arrives one second
			// late. The return runs from the delivery: end of Tue 16 Jun.
			name: "cocare-standard-onsite: confirmed on a Saturday, engineer one second late", number: nStdOnsite, level: "9x5xNBD",
			steps: []lifeStep{
				{Step: contract.Submitted, At: wall(2026, time.June, 5, 8, 30),
					Adds: []dl{{resp, "Fri 2026-06-05 10:00:00 CEST"}}, Outs: []oc{{resp, open_, 1 * h}}, Next: resp},
				{Step: contract.Responded, At: wall(2026, time.June, 5, 9, 45), Outs: []oc{{resp, met, 15 * min}}},
				{Step: contract.Confirmed, At: wall(2026, time.June, 6, 10, 0),
					Adds: []dl{{deliv, "Tue 2026-06-09 18:00:00 CEST"}, {onSite, "Tue 2026-06-09 18:00:00 CEST"}},
					Outs: []oc{{resp, met, 15 * min}, {deliv, open_, 18 * h}, {onSite, open_, 18 * h}}, Next: deliv},
				{Step: contract.Delivered, At: wall(2026, time.June, 9, 17, 0), Adds: []dl{{retn, "Wed 2026-06-17 00:00:00 CEST"}},
					Outs: []oc{{resp, met, 15 * min}, {deliv, met, 1 * h}, {onSite, open_, 1 * h}, {retn, open_, 175 * h}}, Next: onSite, Esc: true},
				{Step: contract.OnSite, At: time.Date(2026, time.June, 9, 18, 0, 1, 0, warsaw),
					Outs: []oc{{resp, met, 15 * min}, {deliv, met, 1 * h}, {onSite, breach, 1 * sec}, {retn, open_, 174*h - 1*sec}}, Next: retn, Esc: true},
				{Step: contract.Returned, At: wall(2026, time.June, 12, 10, 0),
					Outs: []oc{{resp, met, 15 * min}, {deliv, met, 1 * h}, {onSite, breach, 1 * sec}, {retn, met, 110 * h}}, Esc: true},
				{Step: contract.Closed, At: wall(2026, time.June, 12, 11, 0),
					Outs: []oc{{resp, met, 15 * min}, {deliv, met, 1 * h}, {onSite, breach, 1 * sec}, {retn, met, 110 * h}}, Esc: true},
			},
		},
		{
			// P1: 24x7x4. Submitted Sun 25 Oct 01:00 CEST, the night clocks go back
			// (built from UTC: 23:00 UTC on the 24th): response 02:00 CEST. The
			// confirmation at 01:30 CEST answers it 30 min early. 01:30 CEST + 4 h is
			// 04:30 CET (SPEC section 1). Delivered 04:00 CET; on site at exactly
			// 04:30 CET: met, by nothing. Returned by the end of Sun 1 Nov.
			name: "cocare-premium-onsite P1: 24x7x4 across the autumn clock change, on site exactly at the deadline", number: nPremiumOnsite, prio: sla.P1, level: "24x7x4",
			steps: []lifeStep{
				{Step: contract.Submitted, At: time.Date(2026, time.October, 24, 23, 0, 0, 0, time.UTC),
					Adds: []dl{{resp, "Sun 2026-10-25 02:00:00 CEST"}}, Outs: []oc{{resp, open_, 1 * h}}, Next: resp},
				{Step: contract.Confirmed, At: time.Date(2026, time.October, 24, 23, 30, 0, 0, time.UTC),
					Adds: []dl{{deliv, "Sun 2026-10-25 04:30:00 CET"}, {onSite, "Sun 2026-10-25 04:30:00 CET"}},
					Outs: []oc{{resp, met, 30 * min}, {deliv, open_, 4 * h}, {onSite, open_, 4 * h}}, Next: deliv},
				{Step: contract.Delivered, At: wall(2026, time.October, 25, 4, 0), Adds: []dl{{retn, "Mon 2026-11-02 00:00:00 CET"}},
					Outs: []oc{{resp, met, 30 * min}, {deliv, met, 30 * min}, {onSite, open_, 30 * min}, {retn, open_, 188 * h}}, Next: onSite, Esc: true},
				{Step: contract.OnSite, At: wall(2026, time.October, 25, 4, 30),
					Outs: []oc{{resp, met, 30 * min}, {deliv, met, 30 * min}, {onSite, met, 0}, {retn, open_, 187*h + 30*min}}, Next: retn},
				{Step: contract.Returned, At: wall(2026, time.October, 30, 9, 0),
					Outs: []oc{{resp, met, 30 * min}, {deliv, met, 30 * min}, {onSite, met, 0}, {retn, met, 63 * h}}},
				{Step: contract.Closed, At: wall(2026, time.October, 30, 10, 0),
					Outs: []oc{{resp, met, 30 * min}, {deliv, met, 30 * min}, {onSite, met, 0}, {retn, met, 63 * h}}},
			},
		},
		{
			// P3: 9x5xNBD. Submitted Tue 10 Nov 10:00: response 11:00, answered one
			// nanosecond before. Confirmed 15:30, after the cutoff: the second
			// business day after Tue, skipping Wed 11 Nov (Independence Day): Fri 13
			// Nov 18:00 (2h30 + 9 h + 9 h). At the delivery, Fri 15:00, the on-site
			// clock has 3 h left of 20h30: 85 % used, escalate.
			name: "cocare-premium-onsite P3: after the cutoff, over 11 Nov", number: nPremiumOnsite, prio: sla.P3, level: "9x5xNBD",
			steps: []lifeStep{
				{Step: contract.Submitted, At: wall(2026, time.November, 10, 10, 0),
					Adds: []dl{{resp, "Tue 2026-11-10 11:00:00 CET"}}, Outs: []oc{{resp, open_, 1 * h}}, Next: resp},
				{Step: contract.Responded, At: wall(2026, time.November, 10, 11, 0).Add(-1), Outs: []oc{{resp, met, 1}}},
				{Step: contract.Confirmed, At: wall(2026, time.November, 10, 15, 30),
					Adds: []dl{{deliv, "Fri 2026-11-13 18:00:00 CET"}, {onSite, "Fri 2026-11-13 18:00:00 CET"}},
					Outs: []oc{{resp, met, 1}, {deliv, open_, 20*h + 30*min}, {onSite, open_, 20*h + 30*min}}, Next: deliv},
				{Step: contract.Delivered, At: wall(2026, time.November, 13, 15, 0), Adds: []dl{{retn, "Sat 2026-11-21 00:00:00 CET"}},
					Outs: []oc{{resp, met, 1}, {deliv, met, 3 * h}, {onSite, open_, 3 * h}, {retn, open_, 177 * h}}, Next: onSite, Esc: true},
				{Step: contract.OnSite, At: wall(2026, time.November, 13, 16, 0),
					Outs: []oc{{resp, met, 1}, {deliv, met, 3 * h}, {onSite, met, 2 * h}, {retn, open_, 176 * h}}, Next: retn},
				{Step: contract.Returned, At: wall(2026, time.November, 20, 9, 0),
					Outs: []oc{{resp, met, 1}, {deliv, met, 3 * h}, {onSite, met, 2 * h}, {retn, met, 15 * h}}},
				{Step: contract.Closed, At: wall(2026, time.November, 20, 10, 0),
					Outs: []oc{{resp, met, 1}, {deliv, met, 3 * h}, {onSite, met, 2 * h}, {retn, met, 15 * h}}},
			},
		},
		{
			// 8x5xNBD. Submitted Fri 2 Jan 16:30 (after the 1 Jan holiday): 30 min
			// that day, response Mon 5 Jan 09:30 (SPEC's example). Confirmed Mon
			// 14:00: the next business day after Mon skips Tue 6 Jan (Epiphany): Wed 7
			// Jan 17:00 (3 h + 8 h). Delivered Thu 10:00, 17 h late. The return, due
			// at the end of Thu 15 Jan, comes one nanosecond late.
			name: "ahb-8x5xNBD: Friday 16:30 response on Monday 09:30, over 6 Jan, late delivery, return one nanosecond late", number: nAHB8x5NBD, level: "8x5xNBD",
			steps: []lifeStep{
				{Step: contract.Submitted, At: wall(2026, time.January, 2, 16, 30),
					Adds: []dl{{resp, "Mon 2026-01-05 09:30:00 CET"}}, Outs: []oc{{resp, open_, 1 * h}}, Next: resp},
				{Step: contract.Responded, At: wall(2026, time.January, 5, 9, 0), Outs: []oc{{resp, met, 30 * min}}},
				{Step: contract.Confirmed, At: wall(2026, time.January, 5, 14, 0),
					Adds: []dl{{deliv, "Wed 2026-01-07 17:00:00 CET"}}, Outs: []oc{{resp, met, 30 * min}, {deliv, open_, 11 * h}}, Next: deliv},
				{Step: contract.Delivered, At: wall(2026, time.January, 8, 10, 0), Adds: []dl{{retn, "Fri 2026-01-16 00:00:00 CET"}},
					Outs: []oc{{resp, met, 30 * min}, {deliv, breach, 17 * h}, {retn, open_, 182 * h}}, Next: retn, Esc: true},
				{Step: contract.Returned, At: wall(2026, time.January, 16, 0, 0).Add(1),
					Outs: []oc{{resp, met, 30 * min}, {deliv, breach, 17 * h}, {retn, breach, 1}}, Esc: true},
				{Step: contract.Closed, At: wall(2026, time.January, 16, 9, 0),
					Outs: []oc{{resp, met, 30 * min}, {deliv, breach, 17 * h}, {retn, breach, 1}}, Esc: true},
			},
		},
		{
			// 24x7xNBD. Submitted Sat 15 Aug (a holiday on a Saturday) 10:00:
			// response 11:00. Confirmed 10:30, not a business day: the first business
			// day after it, Mon 17 Aug, to its end, 24:00 (SPEC: Sat 10:00 -> Mon
			// 24:00); 61h30 of 24x7 time.
			name: "ahb-24x7xNBD: confirmed on a Saturday holiday, due at the end of Monday", number: nAHB24x7NBD, level: "24x7xNBD",
			steps: []lifeStep{
				{Step: contract.Submitted, At: wall(2026, time.August, 15, 10, 0),
					Adds: []dl{{resp, "Sat 2026-08-15 11:00:00 CEST"}}, Outs: []oc{{resp, open_, 1 * h}}, Next: resp},
				{Step: contract.Responded, At: wall(2026, time.August, 15, 10, 10), Outs: []oc{{resp, met, 50 * min}}},
				{Step: contract.Confirmed, At: wall(2026, time.August, 15, 10, 30),
					Adds: []dl{{deliv, "Tue 2026-08-18 00:00:00 CEST"}}, Outs: []oc{{resp, met, 50 * min}, {deliv, open_, 61*h + 30*min}}, Next: deliv},
				{Step: contract.Delivered, At: wall(2026, time.August, 17, 20, 0), Adds: []dl{{retn, "Tue 2026-08-25 00:00:00 CEST"}},
					Outs: []oc{{resp, met, 50 * min}, {deliv, met, 4 * h}, {retn, open_, 172 * h}}, Next: retn},
				{Step: contract.Returned, At: wall(2026, time.August, 20, 12, 0), Outs: []oc{{resp, met, 50 * min}, {deliv, met, 4 * h}, {retn, met, 108 * h}}},
				{Step: contract.Closed, At: wall(2026, time.August, 20, 13, 0), Outs: []oc{{resp, met, 50 * min}, {deliv, met, 4 * h}, {retn, met, 108 * h}}},
			},
		},
		{
			// 8x5x8: 8 hours of 8x5 from the confirmation. Confirmed Mon 9 Mar 13:00:
			// 4 h to 17:00, 4 h from Tue 09:00: Tue 13:00 (SPEC's example).
			name: "ahb-8x5x8: eight window hours carried over the night", number: nAHB8x5x8, level: "8x5x8",
			steps: []lifeStep{
				{Step: contract.Submitted, At: wall(2026, time.March, 9, 12, 0),
					Adds: []dl{{resp, "Mon 2026-03-09 13:00:00 CET"}}, Outs: []oc{{resp, open_, 1 * h}}, Next: resp},
				{Step: contract.Responded, At: wall(2026, time.March, 9, 12, 30), Outs: []oc{{resp, met, 30 * min}}},
				{Step: contract.Confirmed, At: wall(2026, time.March, 9, 13, 0),
					Adds: []dl{{deliv, "Tue 2026-03-10 13:00:00 CET"}}, Outs: []oc{{resp, met, 30 * min}, {deliv, open_, 8 * h}}, Next: deliv},
				{Step: contract.Delivered, At: wall(2026, time.March, 10, 12, 0), Adds: []dl{{retn, "Wed 2026-03-18 00:00:00 CET"}},
					Outs: []oc{{resp, met, 30 * min}, {deliv, met, 1 * h}, {retn, open_, 180 * h}}, Next: retn},
				{Step: contract.Returned, At: wall(2026, time.March, 13, 12, 0), Outs: []oc{{resp, met, 30 * min}, {deliv, met, 1 * h}, {retn, met, 108 * h}}},
				{Step: contract.Closed, At: wall(2026, time.March, 13, 13, 0), Outs: []oc{{resp, met, 30 * min}, {deliv, met, 1 * h}, {retn, met, 108 * h}}},
			},
		},
		{
			// 8x5xNBD on site. Submitted Thu 30 Apr 16:59: 1 min that day, Fri 1 May
			// is a holiday: response Mon 4 May 09:59. Confirmed Mon 15:00:00, at the
			// cutoff: the second business day after Mon, Wed 6 May 17:00 (2 + 8 + 8
			// h). The return runs from the engineer's visit (he brings the part).
			name: "sos-8x5xNBD: over 1 May, cutoff at 15:00:00, return from the visit", number: nSOS8x5NBD, level: "8x5xNBD",
			steps: []lifeStep{
				{Step: contract.Submitted, At: wall(2026, time.April, 30, 16, 59),
					Adds: []dl{{resp, "Mon 2026-05-04 09:59:00 CEST"}}, Outs: []oc{{resp, open_, 1 * h}}, Next: resp},
				{Step: contract.Responded, At: wall(2026, time.May, 4, 9, 5), Outs: []oc{{resp, met, 54 * min}}},
				{Step: contract.Confirmed, At: wall(2026, time.May, 4, 15, 0),
					Adds: []dl{{onSite, "Wed 2026-05-06 17:00:00 CEST"}}, Outs: []oc{{resp, met, 54 * min}, {onSite, open_, 18 * h}}, Next: onSite},
				{Step: contract.OnSite, At: wall(2026, time.May, 6, 16, 0), Adds: []dl{{retn, "Thu 2026-05-14 00:00:00 CEST"}},
					Outs: []oc{{resp, met, 54 * min}, {onSite, met, 1 * h}, {retn, open_, 176 * h}}, Next: retn},
				{Step: contract.Returned, At: wall(2026, time.May, 10, 12, 0), Outs: []oc{{resp, met, 54 * min}, {onSite, met, 1 * h}, {retn, met, 84 * h}}},
				{Step: contract.Closed, At: wall(2026, time.May, 10, 13, 0), Outs: []oc{{resp, met, 54 * min}, {onSite, met, 1 * h}, {retn, met, 84 * h}}},
			},
		},
		{
			// 24x7xNBD on site. Confirmed Wed 3 Jun 15:00:00, a business day at the
			// cutoff: the second business day after Wed, skipping Thu 4 Jun (Corpus
			// Christi): Fri 5 (1st), Mon 8 (2nd), to its end: Tue 9 Jun 00:00 (129 h:
			// 9 h of Wednesday and five whole days).
			name: "sos-24x7xNBD: 24x7 business-day target, no cutoff, over Corpus Christi (Thu 4 Jun): due at the end of Fri 5 Jun", number: nSOS24x7NBD, level: "24x7xNBD",
			steps: []lifeStep{
				{Step: contract.Submitted, At: wall(2026, time.June, 3, 14, 30),
					Adds: []dl{{resp, "Wed 2026-06-03 15:30:00 CEST"}}, Outs: []oc{{resp, open_, 1 * h}}, Next: resp},
				{Step: contract.Responded, At: wall(2026, time.June, 3, 14, 45), Outs: []oc{{resp, met, 45 * min}}},
				{Step: contract.Confirmed, At: wall(2026, time.June, 3, 15, 0),
					Adds: []dl{{onSite, "Sat 2026-06-06 00:00:00 CEST"}}, Outs: []oc{{resp, met, 45 * min}, {onSite, open_, 57 * h}}, Next: onSite},
				{Step: contract.OnSite, At: wall(2026, time.June, 5, 11, 0), Adds: []dl{{retn, "Sat 2026-06-13 00:00:00 CEST"}},
					Outs: []oc{{resp, met, 45 * min}, {onSite, met, 13 * h}, {retn, open_, 181 * h}}, Next: retn},
				{Step: contract.Returned, At: wall(2026, time.June, 10, 10, 0), Outs: []oc{{resp, met, 45 * min}, {onSite, met, 13 * h}, {retn, met, 62 * h}}},
				{Step: contract.Closed, At: wall(2026, time.June, 10, 12, 0), Outs: []oc{{resp, met, 45 * min}, {onSite, met, 13 * h}, {retn, met, 62 * h}}},
			},
		},
		{
			// 24x7x4 on site: holidays do not stop a 24x7 clock. Confirmed Thu 24 Dec
			// 23:00: Fri 25 Dec 03:00. The engineer arrives 03:30, 30 min late.
			name: "sos-24x7x4: Christmas Eve night, engineer late", number: nSOS24x7x4, level: "24x7x4",
			steps: []lifeStep{
				{Step: contract.Submitted, At: wall(2026, time.December, 24, 22, 0),
					Adds: []dl{{resp, "Thu 2026-12-24 23:00:00 CET"}}, Outs: []oc{{resp, open_, 1 * h}}, Next: resp},
				{Step: contract.Responded, At: wall(2026, time.December, 24, 22, 30), Outs: []oc{{resp, met, 30 * min}}},
				{Step: contract.Confirmed, At: wall(2026, time.December, 24, 23, 0),
					Adds: []dl{{onSite, "Fri 2026-12-25 03:00:00 CET"}}, Outs: []oc{{resp, met, 30 * min}, {onSite, open_, 4 * h}}, Next: onSite},
				{Step: contract.OnSite, At: wall(2026, time.December, 25, 3, 30), Adds: []dl{{retn, "Sat 2027-01-02 00:00:00 CET"}},
					Outs: []oc{{resp, met, 30 * min}, {onSite, breach, 30 * min}, {retn, open_, 188*h + 30*min}}, Next: retn, Esc: true},
				{Step: contract.Returned, At: wall(2026, time.December, 28, 12, 0),
					Outs: []oc{{resp, met, 30 * min}, {onSite, breach, 30 * min}, {retn, met, 108 * h}}, Esc: true},
				{Step: contract.Closed, At: wall(2026, time.December, 28, 13, 0),
					Outs: []oc{{resp, met, 30 * min}, {onSite, breach, 30 * min}, {retn, met, 108 * h}}, Esc: true},
			},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			require.Equal(t, contract.Submitted, tc.steps[0].Step)
			q := open(t, r, tc.number, tc.prio, tc.steps[0].At)
			svc := q.Contract().Services[0]
			require.Len(t, q.Contract().Services, 1)
			var want []due
			for i, s := range tc.steps {
				if i > 0 {
					require.NoError(t, q.Record(s.Step, s.At), "step %s", s.Step)
				}
				assert.Equal(t, s.Step, q.Step())
				for _, d := range s.Adds {
					want = append(want, due{svc.ID(), d.Kind, d.At})
				}
				assert.Equal(t, want, deadlinesOf(t, q), "deadlines after %s", s.Step)
				for _, sd := range q.Deadlines() {
					assert.Equal(t, tc.level, sd.Deadlines.Level.String())
				}

				now := s.Now
				if now.IsZero() {
					now = s.At
				}
				st, err := q.Status(now)
				require.NoError(t, err)
				assert.Equal(t, s.Step, st.Step)
				var outs []outcome
				for _, o := range s.Outs {
					outs = append(outs, outcome{svc.ID(), o.Kind, o.Status, o.Left})
				}
				assert.Equal(t, outs, outcomesOf(st), "status after %s at %s", s.Step, inWarsaw(now))
				for _, d := range st.Deadlines {
					assert.Equal(t, tc.level, d.Level.String())
					provider := d.Deadline.Kind != sla.Return
					assert.Equal(t, provider && (d.Status == sla.Breached || ((d.Status == sla.Open || d.Status == sla.Paused) && d.Progress.Share >= 0.75)), d.Escalate,
						"%s: a provider's deadline escalates when breached, or open or paused with 75 %% used", d.Deadline.Kind)
				}
				if s.Esc {
					assert.Equal(t, hezoEscalation, st.Escalation, "after %s", s.Step)
				} else {
					assert.Nil(t, st.Escalation, "after %s", s.Step)
				}
				if s.Next == 0 {
					assert.Nil(t, st.Next, "after %s", s.Step)
				} else if assert.NotNil(t, st.Next, "after %s", s.Step) {
					assert.Equal(t, s.Next, st.Next.Deadline.Kind, "after %s", s.Step)
				}
			}
			assert.True(t, q.Done())

			// Stored and restored, the request reports the same at every step,
			// between steps and long after.
			var instants []time.Time
			for _, s := range tc.steps {
				instants = append(instants, s.At, s.At.Add(-time.Nanosecond), s.At.Add(90*time.Minute), s.Now)
			}
			instants = append(instants, tc.steps[len(tc.steps)-1].At.AddDate(1, 0, 0))
			assertRoundTrip(t, r, q, instants...)
		})
	}
}

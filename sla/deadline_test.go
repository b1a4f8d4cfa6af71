package sla_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/slaclock/slaclock/calendar"
	"github.com/slaclock/slaclock/sla"
)

// Expected deadlines in this file are SPEC section 6 applied by hand. The
// holidays and weekdays used (checked with Python's datetime):
//
//	2024: Tue 24 Dec is a business day (Wigilia is a holiday from 2025).
//	2025: Wed 24, Thu 25, Fri 26 Dec.
//	2026: Thu 1 Jan, Tue 6 Jan, Sun 5 + Mon 6 Apr (Easter), Fri 1 May, Sun 3 May,
//	      Thu 4 Jun (Corpus Christi), Sat 15 Aug, Wed 11 Nov, Thu 24, Fri 25, Sat 26 Dec.
//	2027: Sat 1 May, Mon 3 May, Mon 1 Nov, Thu 11 Nov.
//	Clock changes: Sun 29 Mar 2026 02:00 CET -> 03:00 CEST, Sun 25 Oct 2026
//	03:00 CEST -> 02:00 CET, Sun 28 Mar 2027, Sun 31 Oct 2027.
//
// Windows (SPEC section 3): 8x5 09:00-17:00 and 9x5 09:00-18:00 on business
// days; 24x7 always. The response is 1 hour of the level's window from
// submission; a 24x7 window closes at 24:00, written here as the next day's 00:00.

const (
	resp     = sla.Response
	shipBy   = sla.ShipBy
	delivery = sla.Delivery
	onSite   = sla.OnSite
	ret      = sla.Return
)

// request is a request of a table case: a catalogue id, a priority and the
// instants of the timeline (zero where the step has not happened).
type request struct {
	id                           string
	prio                         sla.Priority
	submitted, confirmed, delivd time.Time
}

func (r request) build(t testing.TB) sla.Request {
	return sla.Request{Service: service(t, r.id), Priority: r.prio, Submitted: r.submitted, Confirmed: r.confirmed, Delivered: r.delivd}
}

type deadlineCase struct {
	name string
	req  request
	want []due
}

func runDeadlineCases(t *testing.T, c *sla.Calculator, cases []deadlineCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ds, err := c.Deadlines(tc.req.build(t))
			require.NoError(t, err)
			assertDeadlines(t, tc.want, ds)
		})
	}
}

// Every example of SPEC section 6.
func TestDeadlinesSpecExamples(t *testing.T) {
	fri := func(h, m int) time.Time { return wall(2026, time.November, 13, h, m) }
	runDeadlineCases(t, sla.Default(), []deadlineCase{
		{"response: 8x5 sent 16:30 on Friday is due 09:30 on Monday",
			request{id: "ahb-8x5xNBD", submitted: fri(16, 30)},
			[]due{{resp, "Mon 2026-11-16 09:30:00 CET"}}},
		{"8x5x8 confirmed Monday 13:00 is due Tuesday 13:00",
			request{id: "ahb-8x5x8", submitted: wall(2026, 11, 16, 12, 30), confirmed: wall(2026, 11, 16, 13, 0)},
			[]due{{resp, "Mon 2026-11-16 13:30:00 CET"}, {delivery, "Tue 2026-11-17 13:00:00 CET"}}},
		{"24x7x4 is 4 elapsed hours: 01:30 on the spring-forward night is due 06:30 CEST",
			request{id: "cocare-premier", prio: sla.P1, submitted: wall(2026, 3, 29, 1, 30), confirmed: wall(2026, 3, 29, 1, 30)},
			[]due{{resp, "Sun 2026-03-29 03:30:00 CEST"}, {delivery, "Sun 2026-03-29 06:30:00 CEST"}}},
		{"24x7x4 is 4 elapsed hours: 01:30 on the fall-back night is due 04:30 CET",
			request{id: "cocare-premier", prio: sla.P1, submitted: wall(2026, 10, 25, 1, 30), confirmed: wall(2026, 10, 25, 1, 30)},
			[]due{{resp, "Sun 2026-10-25 02:30:00 CEST"}, {delivery, "Sun 2026-10-25 04:30:00 CET"}}},
		{"9x5xNBD Fri 14:59 is due Mon 18:00",
			request{id: "cocare-standard", submitted: fri(14, 59), confirmed: fri(14, 59)},
			[]due{{resp, "Fri 2026-11-13 15:59:00 CET"}, {delivery, "Mon 2026-11-16 18:00:00 CET"}}},
		{"9x5xNBD Fri 15:00 is due Tue 18:00",
			request{id: "cocare-standard", submitted: fri(15, 0), confirmed: fri(15, 0)},
			[]due{{resp, "Fri 2026-11-13 16:00:00 CET"}, {delivery, "Tue 2026-11-17 18:00:00 CET"}}},
		{"9x5xNBD Sat is clamped to Mon 09:00 and due Tue 18:00",
			request{id: "cocare-standard", submitted: wall(2026, 11, 14, 10, 0), confirmed: wall(2026, 11, 14, 10, 0)},
			[]due{{resp, "Mon 2026-11-16 10:00:00 CET"}, {delivery, "Tue 2026-11-17 18:00:00 CET"}}},
		{"24x7xNBD Sat 10:00 is due Mon 24:00",
			request{id: "ahb-24x7xNBD", submitted: wall(2026, 11, 14, 10, 0), confirmed: wall(2026, 11, 14, 10, 0)},
			[]due{{resp, "Sat 2026-11-14 11:00:00 CET"}, {delivery, "Tue 2026-11-17 00:00:00 CET"}}},
		{"return: the end of the 7th day after the delivery date",
			request{id: "cocare-standard", submitted: fri(14, 5), confirmed: fri(15, 20), delivd: wall(2026, 11, 17, 11, 40)},
			[]due{{resp, "Fri 2026-11-13 15:05:00 CET"}, {delivery, "Tue 2026-11-17 18:00:00 CET"}, {ret, "Wed 2026-11-25 00:00:00 CET"}}},
	})
}

// same is a request submitted and confirmed at one instant.
func same(id string, at time.Time) request {
	return request{id: id, submitted: at, confirmed: at}
}

func TestDeadlinesHolidays(t *testing.T) {
	runDeadlineCases(t, sla.Default(), []deadlineCase{
		// Christmas 2025: Wigilia Wed 24, Thu 25, Fri 26 Dec, then the weekend.
		{"Christmas 2025: before the cutoff on 23 Dec the next business day is Mon 29 Dec",
			same("ahb-8x5xNBD", wall(2025, 12, 23, 14, 10)),
			[]due{{resp, "Tue 2025-12-23 15:10:00 CET"}, {delivery, "Mon 2025-12-29 17:00:00 CET"}}},
		{"Christmas 2025: after the cutoff on 23 Dec it is the second business day, Tue 30 Dec",
			same("ahb-8x5xNBD", wall(2025, 12, 23, 15, 0)),
			[]due{{resp, "Tue 2025-12-23 16:00:00 CET"}, {delivery, "Tue 2025-12-30 17:00:00 CET"}}},
		{"Christmas 2025: a 9x5 confirmation on Wigilia is clamped to Mon 29 Dec 09:00",
			same("cocare-standard", wall(2025, 12, 24, 10, 0)),
			[]due{{resp, "Mon 2025-12-29 10:00:00 CET"}, {delivery, "Tue 2025-12-30 18:00:00 CET"}}},
		{"Christmas 2025: 24x7xNBD confirmed on Wigilia counts from the holiday (rule 3)",
			same("ahb-24x7xNBD", wall(2025, 12, 24, 10, 0)),
			[]due{{resp, "Wed 2025-12-24 11:00:00 CET"}, {delivery, "Tue 2025-12-30 00:00:00 CET"}}},
		{"Christmas 2025: an 8x5 response skips the three holidays and the weekend",
			request{id: "ahb-8x5xNBD", submitted: wall(2025, 12, 23, 16, 30)},
			[]due{{resp, "Mon 2025-12-29 09:30:00 CET"}}},
		{"24 Dec 2024 is a business day: Wigilia is a holiday only from 2025",
			same("ahb-8x5xNBD", wall(2024, 12, 23, 10, 0)),
			[]due{{resp, "Mon 2024-12-23 11:00:00 CET"}, {delivery, "Tue 2024-12-24 17:00:00 CET"}}},

		// Easter 2026: Sun 5 and Mon 6 Apr.
		{"Easter 2026: Easter Monday is not the next business day",
			same("cocare-standard", wall(2026, 4, 3, 14, 0)),
			[]due{{resp, "Fri 2026-04-03 15:00:00 CEST"}, {delivery, "Tue 2026-04-07 18:00:00 CEST"}}},
		{"Easter 2026: after the cutoff on Good Friday it is Wed 8 Apr",
			same("cocare-standard", wall(2026, 4, 3, 15, 30)),
			[]due{{resp, "Fri 2026-04-03 16:30:00 CEST"}, {delivery, "Wed 2026-04-08 18:00:00 CEST"}}},
		{"Easter 2026: 8x5x8 carries four hours over to Tue 7 Apr",
			same("ahb-8x5x8", wall(2026, 4, 3, 13, 0)),
			[]due{{resp, "Fri 2026-04-03 14:00:00 CEST"}, {delivery, "Tue 2026-04-07 13:00:00 CEST"}}},
		{"Easter 2026: 24x7xNBD confirmed on Easter Monday is due at the end of Tue 7 Apr",
			same("ahb-24x7xNBD", wall(2026, 4, 6, 10, 0)),
			[]due{{resp, "Mon 2026-04-06 11:00:00 CEST"}, {delivery, "Wed 2026-04-08 00:00:00 CEST"}}},

		// 1-3 May 2026: Fri 1 May, Sat 2, Sun 3 May.
		{"May 2026: from Thu 30 Apr before the cutoff it is Mon 4 May",
			same("cocare-standard", wall(2026, 4, 30, 14, 0)),
			[]due{{resp, "Thu 2026-04-30 15:00:00 CEST"}, {delivery, "Mon 2026-05-04 18:00:00 CEST"}}},
		{"May 2026: from Thu 30 Apr after the cutoff it is Tue 5 May",
			same("cocare-standard", wall(2026, 4, 30, 16, 0)),
			[]due{{resp, "Thu 2026-04-30 17:00:00 CEST"}, {delivery, "Tue 2026-05-05 18:00:00 CEST"}}},
		{"May 2026: a 9x5 response from Thursday evening resumes on Mon 4 May",
			request{id: "cocare-standard", submitted: wall(2026, 4, 30, 17, 30)},
			[]due{{resp, "Mon 2026-05-04 09:30:00 CEST"}}},
		{"May 2026: 24x7xNBD on Sun 3 May (a holiday) is due at the end of Mon 4 May",
			same("ahb-24x7xNBD", wall(2026, 5, 3, 10, 0)),
			[]due{{resp, "Sun 2026-05-03 11:00:00 CEST"}, {delivery, "Tue 2026-05-05 00:00:00 CEST"}}},

		// 11 November.
		{"11 Nov 2026 (Wednesday) is skipped",
			same("cocare-standard", wall(2026, 11, 10, 14, 0)),
			[]due{{resp, "Tue 2026-11-10 15:00:00 CET"}, {delivery, "Thu 2026-11-12 18:00:00 CET"}}},
		{"11 Nov 2026: after the cutoff on Tue 10 Nov it is Fri 13 Nov",
			same("cocare-standard", wall(2026, 11, 10, 15, 0)),
			[]due{{resp, "Tue 2026-11-10 16:00:00 CET"}, {delivery, "Fri 2026-11-13 18:00:00 CET"}}},
		{"11 Nov 2027 (Thursday) is skipped",
			same("cocare-standard", wall(2027, 11, 10, 14, 0)),
			[]due{{resp, "Wed 2027-11-10 15:00:00 CET"}, {delivery, "Fri 2027-11-12 18:00:00 CET"}}},
		{"11 Nov 2027: after the cutoff on Wed 10 Nov it is Mon 15 Nov, over the weekend",
			same("cocare-standard", wall(2027, 11, 10, 15, 0)),
			[]due{{resp, "Wed 2027-11-10 16:00:00 CET"}, {delivery, "Mon 2027-11-15 18:00:00 CET"}}},
		{"11 Nov 2027: 8x5x8 carries four hours over the holiday to Friday",
			same("ahb-8x5x8", wall(2027, 11, 10, 13, 0)),
			[]due{{resp, "Wed 2027-11-10 14:00:00 CET"}, {delivery, "Fri 2027-11-12 13:00:00 CET"}}},

		// Christmas 2026: Wigilia Thu 24, Fri 25, Sat 26 Dec.
		{"Christmas 2026: before the cutoff on Wed 23 Dec it is Mon 28 Dec",
			same("cocare-standard", wall(2026, 12, 23, 14, 0)),
			[]due{{resp, "Wed 2026-12-23 15:00:00 CET"}, {delivery, "Mon 2026-12-28 18:00:00 CET"}}},
		{"Christmas 2026: after the cutoff on Wed 23 Dec it is Tue 29 Dec",
			same("cocare-standard", wall(2026, 12, 23, 15, 0)),
			[]due{{resp, "Wed 2026-12-23 16:00:00 CET"}, {delivery, "Tue 2026-12-29 18:00:00 CET"}}},
		{"Christmas 2026: 24x7xNBD has no cutoff, so 16:00 on 23 Dec is due the next business day after Christmas, Mon 28 Dec, to its end",
			same("ahb-24x7xNBD", wall(2026, 12, 23, 16, 0)),
			[]due{{resp, "Wed 2026-12-23 17:00:00 CET"}, {delivery, "Tue 2026-12-29 00:00:00 CET"}}},
		{"Christmas 2026: 24x7xNBD on Wigilia (not a business day) is the first business day after it",
			same("ahb-24x7xNBD", wall(2026, 12, 24, 10, 0)),
			[]due{{resp, "Thu 2026-12-24 11:00:00 CET"}, {delivery, "Tue 2026-12-29 00:00:00 CET"}}},
		{"Christmas 2026: the return period counts holidays as calendar days",
			request{id: "ahb-8x5xNBD", submitted: wall(2026, 12, 22, 10, 0), confirmed: wall(2026, 12, 22, 10, 0), delivd: wall(2026, 12, 23, 10, 0)},
			[]due{{resp, "Tue 2026-12-22 11:00:00 CET"}, {delivery, "Wed 2026-12-23 17:00:00 CET"}, {ret, "Thu 2026-12-31 00:00:00 CET"}}},

		// Other holidays.
		{"Corpus Christi 2026 (Thu 4 Jun) is skipped",
			same("cocare-standard", wall(2026, 6, 3, 14, 0)),
			[]due{{resp, "Wed 2026-06-03 15:00:00 CEST"}, {delivery, "Fri 2026-06-05 18:00:00 CEST"}}},
		{"6 Jan 2026 (Tuesday) is skipped",
			same("cocare-standard", wall(2026, 1, 5, 10, 0)),
			[]due{{resp, "Mon 2026-01-05 11:00:00 CET"}, {delivery, "Wed 2026-01-07 18:00:00 CET"}}},
		{"15 Aug 2026 on a Saturday gives no Monday off",
			same("cocare-standard", wall(2026, 8, 14, 10, 0)),
			[]due{{resp, "Fri 2026-08-14 11:00:00 CEST"}, {delivery, "Mon 2026-08-17 18:00:00 CEST"}}},
		{"1 Nov 2027 (Monday) is skipped, past the autumn clock change",
			same("cocare-standard", wall(2027, 10, 29, 10, 0)),
			[]due{{resp, "Fri 2027-10-29 11:00:00 CEST"}, {delivery, "Tue 2027-11-02 18:00:00 CET"}}},
		{"3 May 2027 (Monday) is skipped",
			same("cocare-standard", wall(2027, 4, 30, 14, 0)),
			[]due{{resp, "Fri 2027-04-30 15:00:00 CEST"}, {delivery, "Tue 2027-05-04 18:00:00 CEST"}}},
	})
}

// SPEC section 6, rule 2: before 15:00:00 the k-th business day; from 15:00:00
// on the (k+1)-th. Mon 16 Nov 2026 is a business day followed by business days.
func TestDeadlinesCutoff(t *testing.T) {
	justBefore := time.Date(2026, 11, 16, 14, 59, 59, 999999999, warsaw)
	at := time.Date(2026, 11, 16, 15, 0, 0, 0, warsaw)
	cases := []struct {
		name string
		id   string
		conf time.Time
		kind sla.Kind
		want string
	}{
		{"9x5xNBD: the last nanosecond before 15:00 is before the cutoff", "cocare-standard", justBefore, delivery, "Tue 2026-11-17 18:00:00 CET"},
		{"9x5xNBD: 15:00:00 exactly is after the cutoff", "cocare-standard", at, delivery, "Wed 2026-11-18 18:00:00 CET"},
		{"9x5xNBD: a nanosecond after 15:00 is after the cutoff", "cocare-standard", at.Add(time.Nanosecond), delivery, "Wed 2026-11-18 18:00:00 CET"},
		{"8x5xNBD: the last nanosecond before 15:00", "ahb-8x5xNBD", justBefore, delivery, "Tue 2026-11-17 17:00:00 CET"},
		{"8x5xNBD: 15:00:00 exactly", "ahb-8x5xNBD", at, delivery, "Wed 2026-11-18 17:00:00 CET"},
		{"24x7xNBD: the last nanosecond before 15:00", "ahb-24x7xNBD", justBefore, delivery, "Wed 2026-11-18 00:00:00 CET"},
		{"24x7xNBD: 15:00:00 exactly changes nothing, the cutoff does not apply to 24x7", "ahb-24x7xNBD", at, delivery, "Wed 2026-11-18 00:00:00 CET"},
		{"-S: the cutoff applies to ship-by by default, before", "cocare-basic", justBefore, shipBy, "Tue 2026-11-17 18:00:00 CET"},
		{"-S: the cutoff applies to ship-by by default, at 15:00", "cocare-basic", at, shipBy, "Wed 2026-11-18 18:00:00 CET"},
		{"the cutoff is 15:00 Warsaw time: 13:59:59.999999999Z is before it", "cocare-standard",
			time.Date(2026, 11, 16, 13, 59, 59, 999999999, time.UTC), delivery, "Tue 2026-11-17 18:00:00 CET"},
		{"the cutoff is 15:00 Warsaw time: 14:00Z is 15:00 CET", "cocare-standard",
			time.Date(2026, 11, 16, 14, 0, 0, 0, time.UTC), delivery, "Wed 2026-11-18 18:00:00 CET"},
		{"the cutoff in summer: 12:59:59Z is 14:59:59 CEST", "cocare-standard",
			time.Date(2026, 6, 1, 12, 59, 59, 0, time.UTC), delivery, "Tue 2026-06-02 18:00:00 CEST"},
		{"the cutoff in summer: 13:00Z is 15:00 CEST", "cocare-standard",
			time.Date(2026, 6, 1, 13, 0, 0, 0, time.UTC), delivery, "Wed 2026-06-03 18:00:00 CEST"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ds, err := sla.Default().Deadlines(sla.Request{Service: service(t, c.id), Submitted: c.conf, Confirmed: c.conf})
			require.NoError(t, err)
			d, ok := ds.Get(c.kind)
			require.True(t, ok)
			assertInstant(t, c.want, d.Due)
		})
	}
}

func TestDeadlinesWeekends(t *testing.T) {
	fri := func(h, m int) time.Time { return wall(2026, 11, 13, h, m) }
	sat := func(h, m int) time.Time { return wall(2026, 11, 14, h, m) }
	sun := func(h, m int) time.Time { return wall(2026, 11, 15, h, m) }
	runDeadlineCases(t, sla.Default(), []deadlineCase{
		{"8x5: a confirmation after Friday's close is clamped to Monday 09:00",
			same("ahb-8x5xNBD", fri(17, 30)),
			[]due{{resp, "Mon 2026-11-16 10:00:00 CET"}, {delivery, "Tue 2026-11-17 17:00:00 CET"}}},
		{"8x5: a confirmation on Sunday is clamped to Monday 09:00",
			same("ahb-8x5xNBD", sun(12, 0)),
			[]due{{resp, "Mon 2026-11-16 10:00:00 CET"}, {delivery, "Tue 2026-11-17 17:00:00 CET"}}},
		{"8x5: a response from Saturday starts at Monday's opening",
			request{id: "ahb-8x5xNBD", submitted: sat(10, 0)},
			[]due{{resp, "Mon 2026-11-16 10:00:00 CET"}}},
		{"8x5x8 from Friday 15:00: two hours on Friday, six on Monday",
			same("ahb-8x5x8", fri(15, 0)),
			[]due{{resp, "Fri 2026-11-13 16:00:00 CET"}, {delivery, "Mon 2026-11-16 15:00:00 CET"}}},
		{"9x5: from Friday 17:59 one minute on Friday and 59 on Monday; the target is after the cutoff",
			same("cocare-standard", fri(17, 59)),
			[]due{{resp, "Mon 2026-11-16 09:59:00 CET"}, {delivery, "Tue 2026-11-17 18:00:00 CET"}}},
		{"9x5: Friday 18:00 is the close, not inside the window: clamped to Monday 09:00",
			same("cocare-standard", fri(18, 0)),
			[]due{{resp, "Mon 2026-11-16 10:00:00 CET"}, {delivery, "Tue 2026-11-17 18:00:00 CET"}}},
		{"24x7: a response on Saturday is one elapsed hour; a Sunday confirmation counts from Sunday",
			request{id: "ahb-24x7xNBD", submitted: sat(10, 0), confirmed: sun(23, 0)},
			[]due{{resp, "Sat 2026-11-14 11:00:00 CET"}, {delivery, "Tue 2026-11-17 00:00:00 CET"}}},
		{"24x7xNBD on Friday at 16:00 has no cutoff: the next business day, Monday, to its end",
			same("ahb-24x7xNBD", fri(16, 0)),
			[]due{{resp, "Fri 2026-11-13 17:00:00 CET"}, {delivery, "Tue 2026-11-17 00:00:00 CET"}}},
		{"24x7x4 runs through Saturday night",
			request{id: "cocare-premier", prio: sla.P2, submitted: sat(22, 0), confirmed: sat(22, 0)},
			[]due{{resp, "Sat 2026-11-14 23:00:00 CET"}, {delivery, "Sun 2026-11-15 02:00:00 CET"}}},
	})
}

// SPEC section 1: hours of 24x7 are elapsed hours; wall-clock boundaries stay
// where they are on the days clocks change.
func TestDeadlinesClockChanges(t *testing.T) {
	utc := func(y int, m time.Month, d, h, min int) time.Time { return time.Date(y, m, d, h, min, 0, 0, time.UTC) }
	p1 := func(at time.Time) request {
		return request{id: "cocare-premier", prio: sla.P1, submitted: at, confirmed: at}
	}
	runDeadlineCases(t, sla.Default(), []deadlineCase{
		{"spring 2027: 24x7x4 from 01:30 CET is 06:30 CEST",
			p1(wall(2027, 3, 28, 1, 30)),
			[]due{{resp, "Sun 2027-03-28 03:30:00 CEST"}, {delivery, "Sun 2027-03-28 06:30:00 CEST"}}},
		{"autumn 2027: 24x7x4 from 01:30 CEST is 04:30 CET",
			p1(wall(2027, 10, 31, 1, 30)),
			[]due{{resp, "Sun 2027-10-31 02:30:00 CEST"}, {delivery, "Sun 2027-10-31 04:30:00 CET"}}},
		{"autumn 2026: from the first 02:30 (CEST) four hours is 05:30 CET",
			p1(utc(2026, 10, 25, 0, 30)),
			[]due{{resp, "Sun 2026-10-25 02:30:00 CET"}, {delivery, "Sun 2026-10-25 05:30:00 CET"}}},
		{"autumn 2026: from the second 02:30 (CET) four hours is 06:30 CET",
			p1(utc(2026, 10, 25, 1, 30)),
			[]due{{resp, "Sun 2026-10-25 03:30:00 CET"}, {delivery, "Sun 2026-10-25 06:30:00 CET"}}},
		{"spring 2026: from midnight four elapsed hours is 05:00 CEST",
			p1(wall(2026, 3, 29, 0, 0)),
			[]due{{resp, "Sun 2026-03-29 01:00:00 CET"}, {delivery, "Sun 2026-03-29 05:00:00 CEST"}}},
		{"spring 2026: a 24x7 response from 01:10 CET is 03:10 CEST",
			request{id: "cocare-premier", prio: sla.P1, submitted: wall(2026, 3, 29, 1, 10)},
			[]due{{resp, "Sun 2026-03-29 03:10:00 CEST"}}},
		{"spring 2026: an 8x5 response over the weekend resumes at 09:00 CEST",
			request{id: "ahb-8x5xNBD", submitted: wall(2026, 3, 27, 16, 30)},
			[]due{{resp, "Mon 2026-03-30 09:30:00 CEST"}}},
		{"autumn 2026: 8x5x8 over the weekend ends at 13:00 CET",
			same("ahb-8x5x8", wall(2026, 10, 23, 13, 0)),
			[]due{{resp, "Fri 2026-10-23 14:00:00 CEST"}, {delivery, "Mon 2026-10-26 13:00:00 CET"}}},
		{"spring 2026: 24x7xNBD on the Saturday before ends at midnight CEST",
			same("ahb-24x7xNBD", wall(2026, 3, 28, 10, 0)),
			[]due{{resp, "Sat 2026-03-28 11:00:00 CET"}, {delivery, "Tue 2026-03-31 00:00:00 CEST"}}},
		{"autumn 2026: 24x7xNBD confirmed on the night itself counts from that Sunday",
			same("ahb-24x7xNBD", utc(2026, 10, 25, 1, 30)),
			[]due{{resp, "Sun 2026-10-25 03:30:00 CET"}, {delivery, "Tue 2026-10-27 00:00:00 CET"}}},
		{"autumn 2026: the return period ends at midnight CET, in calendar days",
			request{id: "ahb-24x7xNBD", submitted: wall(2026, 10, 23, 10, 0), confirmed: wall(2026, 10, 23, 10, 0), delivd: wall(2026, 10, 24, 12, 0)},
			[]due{{resp, "Fri 2026-10-23 11:00:00 CEST"}, {delivery, "Tue 2026-10-27 00:00:00 CET"}, {ret, "Sun 2026-11-01 00:00:00 CET"}}},
		{"spring 2026: the return period ends at midnight CEST, in calendar days",
			request{id: "ahb-8x5xNBD", submitted: wall(2026, 3, 20, 10, 0), confirmed: wall(2026, 3, 20, 10, 0), delivd: wall(2026, 3, 23, 12, 0)},
			[]due{{resp, "Fri 2026-03-20 11:00:00 CET"}, {delivery, "Mon 2026-03-23 17:00:00 CET"}, {ret, "Tue 2026-03-31 00:00:00 CEST"}}},
	})
}

// kBD targets: k business days, k+1 from the cutoff on (SPEC section 6).
func TestDeadlinesBusinessDays(t *testing.T) {
	runDeadlineCases(t, sla.Default(), []deadlineCase{
		{"9x5x10BD-S over Christmas 2025, New Year and 6 Jan is Mon 12 Jan",
			same("ahb-9x5x10BD-S", wall(2025, 12, 22, 10, 0)),
			[]due{{resp, "Mon 2025-12-22 11:00:00 CET"}, {shipBy, "Mon 2026-01-12 18:00:00 CET"}}},
		{"9x5x10BD-S after the cutoff is the 11th business day, Tue 13 Jan",
			same("ahb-9x5x10BD-S", wall(2025, 12, 22, 15, 0)),
			[]due{{resp, "Mon 2025-12-22 16:00:00 CET"}, {shipBy, "Tue 2026-01-13 18:00:00 CET"}}},
		{"8x5x2BD over Christmas 2025 is Tue 30 Dec",
			same("ahb-8x5x2BD", wall(2025, 12, 23, 10, 0)),
			[]due{{resp, "Tue 2025-12-23 11:00:00 CET"}, {delivery, "Tue 2025-12-30 17:00:00 CET"}}},
		{"24x7x3BD from a Saturday is the third business day after it, Wednesday, to its end",
			same("ahb-24x7x3BD", wall(2026, 11, 14, 10, 0)),
			[]due{{resp, "Sat 2026-11-14 11:00:00 CET"}, {delivery, "Thu 2026-11-19 00:00:00 CET"}}},
	})
}

// SPEC section 7: which deadlines each kind of service has.
func TestDeadlinesKinds(t *testing.T) {
	sub, conf := wall(2026, 11, 13, 14, 5), wall(2026, 11, 13, 15, 20)
	del := wall(2026, 11, 17, 11, 40)
	req := func(id string, p sla.Priority) request {
		return request{id: id, prio: p, submitted: sub, confirmed: conf}
	}
	withDelivery := func(r request) request { r.delivd = del; return r }
	runDeadlineCases(t, sla.Default(), []deadlineCase{
		{"a -S level gives a ship-by deadline and no delivery",
			req("cocare-basic", 0),
			[]due{{resp, "Fri 2026-11-13 15:05:00 CET"}, {shipBy, "Tue 2026-11-17 18:00:00 CET"}}},
		{"an ahb -S level gives a ship-by deadline too",
			req("ahb-9x5xNBD-S", 0),
			[]due{{resp, "Fri 2026-11-13 15:05:00 CET"}, {shipBy, "Tue 2026-11-17 18:00:00 CET"}}},
		{"standard: delivery only",
			req("cocare-standard", 0),
			[]due{{resp, "Fri 2026-11-13 15:05:00 CET"}, {delivery, "Tue 2026-11-17 18:00:00 CET"}}},
		{"standard onsite: delivery and on-site with the same deadline",
			req("cocare-standard-onsite", 0),
			[]due{{resp, "Fri 2026-11-13 15:05:00 CET"}, {delivery, "Tue 2026-11-17 18:00:00 CET"}, {onSite, "Tue 2026-11-17 18:00:00 CET"}}},
		{"premium onsite P2: 24x7x4 delivery and on-site with the same deadline",
			req("cocare-premium-onsite", sla.P2),
			[]due{{resp, "Fri 2026-11-13 15:05:00 CET"}, {delivery, "Fri 2026-11-13 19:20:00 CET"}, {onSite, "Fri 2026-11-13 19:20:00 CET"}}},
		{"premium onsite P4: 9x5xNBD delivery and on-site",
			req("cocare-premium-onsite", sla.P4),
			[]due{{resp, "Fri 2026-11-13 15:05:00 CET"}, {delivery, "Tue 2026-11-17 18:00:00 CET"}, {onSite, "Tue 2026-11-17 18:00:00 CET"}}},
		{"premier P3: 9x5xNBD delivery",
			req("cocare-premier", sla.P3),
			[]due{{resp, "Fri 2026-11-13 15:05:00 CET"}, {delivery, "Tue 2026-11-17 18:00:00 CET"}}},
		{"sos: on-site only",
			req("sos-8x5xNBD", 0),
			[]due{{resp, "Fri 2026-11-13 15:05:00 CET"}, {onSite, "Tue 2026-11-17 17:00:00 CET"}}},
		{"ahb: delivery only",
			req("ahb-8x5xNBD", 0),
			[]due{{resp, "Fri 2026-11-13 15:05:00 CET"}, {delivery, "Tue 2026-11-17 17:00:00 CET"}}},
		{"without a confirmation only the response exists",
			request{id: "cocare-premium-onsite", prio: sla.P1, submitted: sub},
			[]due{{resp, "Fri 2026-11-13 15:05:00 CET"}}},
		{"a priority given to a service without a split is ignored",
			req("cocare-standard", sla.P1),
			[]due{{resp, "Fri 2026-11-13 15:05:00 CET"}, {delivery, "Tue 2026-11-17 18:00:00 CET"}}},
		{"a delivery adds the return, after every other deadline",
			withDelivery(req("cocare-standard-onsite", 0)),
			[]due{{resp, "Fri 2026-11-13 15:05:00 CET"}, {delivery, "Tue 2026-11-17 18:00:00 CET"},
				{onSite, "Tue 2026-11-17 18:00:00 CET"}, {ret, "Wed 2026-11-25 00:00:00 CET"}}},
		{"sos: the replacement installed on site starts the return period",
			request{id: "sos-24x7xNBD", submitted: wall(2026, 11, 14, 10, 0), confirmed: wall(2026, 11, 14, 10, 0), delivd: wall(2026, 11, 16, 15, 0)},
			[]due{{resp, "Sat 2026-11-14 11:00:00 CET"}, {onSite, "Tue 2026-11-17 00:00:00 CET"}, {ret, "Tue 2026-11-24 00:00:00 CET"}}},
	})
}

// SPEC section 7, "response window": the window of the level that applies to
// the request's priority. Submitted Sat 14 Nov 2026 10:00 or Fri 13 Nov 16:30.
func TestDeadlinesResponseWindow(t *testing.T) {
	sat := wall(2026, 11, 14, 10, 0)
	fri := wall(2026, 11, 13, 16, 30)
	cases := []struct {
		name string
		id   string
		prio sla.Priority
		sub  time.Time
		want string
	}{
		{"premier P1 answers in 24x7: one hour on Saturday", "cocare-premier", sla.P1, sat, "Sat 2026-11-14 11:00:00 CET"},
		{"premier P2 answers in 24x7", "cocare-premier", sla.P2, sat, "Sat 2026-11-14 11:00:00 CET"},
		{"premier P3 answers in 9x5: from Monday 09:00", "cocare-premier", sla.P3, sat, "Mon 2026-11-16 10:00:00 CET"},
		{"premier P4 answers in 9x5", "cocare-premier", sla.P4, sat, "Mon 2026-11-16 10:00:00 CET"},
		{"premium onsite P1 answers in 24x7", "cocare-premium-onsite", sla.P1, sat, "Sat 2026-11-14 11:00:00 CET"},
		{"premium onsite P3 answers in 9x5", "cocare-premium-onsite", sla.P3, sat, "Mon 2026-11-16 10:00:00 CET"},
		{"basic answers in 9x5", "cocare-basic", 0, sat, "Mon 2026-11-16 10:00:00 CET"},
		{"ahb-24x7xNBD answers in 24x7", "ahb-24x7xNBD", 0, sat, "Sat 2026-11-14 11:00:00 CET"},
		{"sos-24x7x4 answers in 24x7", "sos-24x7x4", 0, sat, "Sat 2026-11-14 11:00:00 CET"},
		{"9x5 is open until 18:00: Friday 16:30 is due 17:30", "cocare-standard", 0, fri, "Fri 2026-11-13 17:30:00 CET"},
		{"8x5 closes at 17:00: Friday 16:30 is due Monday 09:30", "ahb-8x5xNBD", 0, fri, "Mon 2026-11-16 09:30:00 CET"},
		{"sos-8x5xNBD answers in 8x5", "sos-8x5xNBD", 0, fri, "Mon 2026-11-16 09:30:00 CET"},
		{"an hour that runs out at the close ends at the close (calendar.Schedule.Add)", "cocare-standard", 0,
			wall(2026, 11, 13, 17, 0), "Fri 2026-11-13 18:00:00 CET"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ds, err := sla.Default().Deadlines(sla.Request{Service: service(t, c.id), Priority: c.prio, Submitted: c.sub})
			require.NoError(t, err)
			assertDeadlines(t, []due{{resp, c.want}}, ds)
			d, ok := ds.Get(resp)
			require.True(t, ok)
			assert.True(t, c.sub.Equal(d.Start), "the response clock starts at submission")
		})
	}
}

// SPEC section 6, rule 3 and its example "24x7xNBD: Sat 10:00 -> Mon 24:00",
// taken as written: a 24x7 confirmation on a day that is not a business day
// counts from that day, while one after the cutoff on the business day before
// counts from the next business day. So a later confirmation can get an earlier
// deadline: Fri 16:00 is due Tue 24:00, Sat 10:00 Mon 24:00.
func TestDeadlines24x7Cutoff(t *testing.T) {
	// 24x7xNBD: the due day is the next business day after the confirmation's
	// date, with no cutoff by default; with CutoffAppliesTo24x7 the cutoff
	// applies and a day that is not a business day counts as after it. Fri 13
	// Nov 2026, Sat 14, Sun 15; Christmas 2026: Thu 24 (Wigilia), Fri 25, Sat 26.
	on := calculator(t, func(s *sla.Settings) { s.CutoffAppliesTo24x7 = true })
	shipOff := calculator(t, func(s *sla.Settings) { s.CutoffAppliesTo24x7, s.CutoffAppliesToShip = true, false })
	cases := []struct {
		name string
		calc *sla.Calculator
		id   string
		conf time.Time
		kind sla.Kind
		want string
	}{
		{"default: Friday 16:00 is due Monday 24:00", sla.Default(), "ahb-24x7xNBD", wall(2026, 11, 13, 16, 0), delivery, "Tue 2026-11-17 00:00:00 CET"},
		{"default: Saturday 10:00 is due Monday 24:00 too", sla.Default(), "ahb-24x7xNBD", wall(2026, 11, 14, 10, 0), delivery, "Tue 2026-11-17 00:00:00 CET"},
		{"default: Monday 23:59 is due Tuesday 24:00", sla.Default(), "ahb-24x7xNBD", wall(2026, 11, 16, 23, 59), delivery, "Wed 2026-11-18 00:00:00 CET"},
		{"default: 16:00 the day before Wigilia is due Monday 28 Dec 24:00", sla.Default(), "ahb-24x7xNBD", wall(2026, 12, 23, 16, 0), delivery, "Tue 2026-12-29 00:00:00 CET"},
		{"default: Wigilia is due Monday 28 Dec 24:00", sla.Default(), "ahb-24x7xNBD", wall(2026, 12, 24, 10, 0), delivery, "Tue 2026-12-29 00:00:00 CET"},
		{"default: a -S level in 24x7 follows the 24x7 setting, not the ship-by one", sla.Default(), "ahb-24x7xNBD-S", wall(2026, 11, 13, 16, 0), shipBy, "Tue 2026-11-17 00:00:00 CET"},
		{"on: Friday 14:59 is before the cutoff: Monday 24:00", on, "ahb-24x7xNBD", wall(2026, 11, 13, 14, 59), delivery, "Tue 2026-11-17 00:00:00 CET"},
		{"on: Friday 16:00 is after it: Tuesday 24:00", on, "ahb-24x7xNBD", wall(2026, 11, 13, 16, 0), delivery, "Wed 2026-11-18 00:00:00 CET"},
		{"on: Saturday 10:00 is not a business day, so after the cutoff: Tuesday 24:00", on, "ahb-24x7xNBD", wall(2026, 11, 14, 10, 0), delivery, "Wed 2026-11-18 00:00:00 CET"},
		{"on: Wigilia counts from Monday 28 Dec: Tuesday 29 Dec 24:00", on, "ahb-24x7xNBD", wall(2026, 12, 24, 10, 0), delivery, "Wed 2026-12-30 00:00:00 CET"},
		{"on: a -S level in 24x7 follows it even when the cutoff is off for ship-by", shipOff, "ahb-24x7xNBD-S", wall(2026, 11, 13, 16, 0), shipBy, "Wed 2026-11-18 00:00:00 CET"},
		{"on: the 9x5 ship-by still follows CutoffAppliesToShip", shipOff, "cocare-basic", wall(2026, 11, 13, 16, 0), shipBy, "Mon 2026-11-16 18:00:00 CET"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ds, err := c.calc.Deadlines(sla.Request{Service: service(t, c.id), Submitted: c.conf, Confirmed: c.conf})
			require.NoError(t, err)
			d, ok := ds.Get(c.kind)
			require.True(t, ok)
			assertInstant(t, c.want, d.Due)
		})
	}
}

func TestDefaultSettings(t *testing.T) {
	s := sla.DefaultSettings()
	assert.Equal(t, calendar.MustParseWindow("Mon-Fri 09:00-17:00"), s.Window8x5, "8x5: 09:00-17:00 on business days")
	assert.Equal(t, calendar.MustParseWindow("Mon-Fri 09:00-18:00"), s.Window9x5, "9x5: 09:00-18:00 on business days")
	assert.Equal(t, calendar.MustParseWindow("Mon-Sun 00:00-24:00 +holidays"), s.Window24x7, "24x7: always")
	assert.Equal(t, calendar.Clock(15, 0, 0), s.Cutoff)
	assert.True(t, s.CutoffAppliesToShip)
	assert.Equal(t, time.Hour, s.Response)
	assert.Equal(t, 7, s.ReturnDays)
	assert.NoError(t, s.Validate())

	assert.Equal(t, s, sla.Default().Settings())
	assert.Same(t, calendar.Poland(), sla.Default().Calendar())
	assert.Same(t, sla.Default(), sla.Default(), "built once and shared")
	assert.Equal(t, s.Window9x5, sla.Default().Schedule(sla.Coverage9x5).Window())
	assert.Nil(t, sla.Default().Schedule(0), "no schedule for an invalid coverage")
}

// Every choice SPEC leaves open is a setting (SPEC sections 3 and 6).
func TestDeadlinesSettings(t *testing.T) {
	t.Run("another cutoff: 12:00", func(t *testing.T) {
		c := calculator(t, func(s *sla.Settings) { s.Cutoff = calendar.Clock(12, 0, 0) })
		runDeadlineCases(t, c, []deadlineCase{
			{"11:59:59 is before a 12:00 cutoff",
				same("cocare-standard", time.Date(2026, 11, 16, 11, 59, 59, 0, warsaw)),
				[]due{{resp, "Mon 2026-11-16 12:59:59 CET"}, {delivery, "Tue 2026-11-17 18:00:00 CET"}}},
			{"12:00 is after a 12:00 cutoff",
				same("cocare-standard", wall(2026, 11, 16, 12, 0)),
				[]due{{resp, "Mon 2026-11-16 13:00:00 CET"}, {delivery, "Wed 2026-11-18 18:00:00 CET"}}},
			{"14:00, before the default cutoff, is after this one",
				same("cocare-standard", wall(2026, 11, 16, 14, 0)),
				[]due{{resp, "Mon 2026-11-16 15:00:00 CET"}, {delivery, "Wed 2026-11-18 18:00:00 CET"}}},
		})
	})
	t.Run("the cutoff does not apply to ship-by targets", func(t *testing.T) {
		c := calculator(t, func(s *sla.Settings) { s.CutoffAppliesToShip = false })
		runDeadlineCases(t, c, []deadlineCase{
			{"9x5xNBD-S confirmed Fri 16:00 ships by Mon 18:00",
				same("cocare-basic", wall(2026, 11, 13, 16, 0)),
				[]due{{resp, "Fri 2026-11-13 17:00:00 CET"}, {shipBy, "Mon 2026-11-16 18:00:00 CET"}}},
			{"a delivery target keeps the cutoff",
				same("cocare-standard", wall(2026, 11, 13, 16, 0)),
				[]due{{resp, "Fri 2026-11-13 17:00:00 CET"}, {delivery, "Tue 2026-11-17 18:00:00 CET"}}},
			{"9x5x10BD-S after 15:00 is still the 10th business day",
				same("ahb-9x5x10BD-S", wall(2025, 12, 22, 15, 0)),
				[]due{{resp, "Mon 2025-12-22 16:00:00 CET"}, {shipBy, "Mon 2026-01-12 18:00:00 CET"}}},
		})
	})
	t.Run("other 9x5 hours: 08:00-16:00", func(t *testing.T) {
		c := calculator(t, func(s *sla.Settings) {
			s.Window9x5 = calendar.MustParseWindow("Mon-Fri 08:00-16:00")
		})
		runDeadlineCases(t, c, []deadlineCase{
			{"a response from Friday 15:30 resumes at Monday 08:00",
				request{id: "cocare-standard", submitted: wall(2026, 11, 13, 15, 30)},
				[]due{{resp, "Mon 2026-11-16 08:30:00 CET"}}},
			{"a confirmation at 07:30 is clamped to 08:00 and due at 16:00 the next day",
				same("cocare-standard", wall(2026, 11, 16, 7, 30)),
				[]due{{resp, "Mon 2026-11-16 09:00:00 CET"}, {delivery, "Tue 2026-11-17 16:00:00 CET"}}},
			{"15:30 is inside the window and after the cutoff",
				same("cocare-standard", wall(2026, 11, 16, 15, 30)),
				[]due{{resp, "Tue 2026-11-17 08:30:00 CET"}, {delivery, "Wed 2026-11-18 16:00:00 CET"}}},
			{"16:30 is after the close: clamped to Tuesday 08:00",
				same("cocare-standard", wall(2026, 11, 16, 16, 30)),
				[]due{{resp, "Tue 2026-11-17 09:00:00 CET"}, {delivery, "Wed 2026-11-18 16:00:00 CET"}}},
			{"8x5 keeps its own hours",
				request{id: "ahb-8x5xNBD", submitted: wall(2026, 11, 13, 16, 30)},
				[]due{{resp, "Mon 2026-11-16 09:30:00 CET"}}},
		})
	})
	t.Run("a two-hour response", func(t *testing.T) {
		c := calculator(t, func(s *sla.Settings) { s.Response = 2 * time.Hour })
		runDeadlineCases(t, c, []deadlineCase{
			{"8x5 from Friday 16:30: half an hour on Friday, 90 minutes on Monday",
				request{id: "ahb-8x5xNBD", submitted: wall(2026, 11, 13, 16, 30)},
				[]due{{resp, "Mon 2026-11-16 10:30:00 CET"}}},
			{"24x7: two elapsed hours",
				request{id: "cocare-premier", prio: sla.P1, submitted: wall(2026, 11, 14, 10, 0)},
				[]due{{resp, "Sat 2026-11-14 12:00:00 CET"}}},
		})
	})
	t.Run("fourteen return days", func(t *testing.T) {
		c := calculator(t, func(s *sla.Settings) { s.ReturnDays = 14 })
		runDeadlineCases(t, c, []deadlineCase{
			{"the end of the 14th day after the delivery date",
				request{id: "cocare-standard", submitted: wall(2026, 11, 13, 14, 5), confirmed: wall(2026, 11, 13, 15, 20), delivd: wall(2026, 11, 17, 11, 40)},
				[]due{{resp, "Fri 2026-11-13 15:05:00 CET"}, {delivery, "Tue 2026-11-17 18:00:00 CET"}, {ret, "Wed 2026-12-02 00:00:00 CET"}}},
		})
	})
	t.Run("a calendar with a closure of the user's own", func(t *testing.T) {
		cal, err := calendar.NewPoland(calendar.WithClosure(calendar.Date{Year: 2026, Month: time.November, Day: 16}, "company day off"))
		require.NoError(t, err)
		c, err := sla.NewCalculator(cal, sla.DefaultSettings())
		require.NoError(t, err)
		runDeadlineCases(t, c, []deadlineCase{
			{"a closure is not a business day",
				same("cocare-standard", wall(2026, 11, 13, 14, 0)),
				[]due{{resp, "Fri 2026-11-13 15:00:00 CET"}, {delivery, "Tue 2026-11-17 18:00:00 CET"}}},
		})
	})
}

// fields lists the Field of every *sla.ValueError in err, looking into joins.
func fields(err error) []string {
	var out []string
	var walk func(error)
	walk = func(e error) {
		if j, ok := e.(interface{ Unwrap() []error }); ok {
			if _, isValue := e.(*sla.ValueError); !isValue {
				for _, x := range j.Unwrap() {
					walk(x)
				}
				return
			}
		}
		var ve *sla.ValueError
		if errors.As(e, &ve) {
			out = append(out, ve.Field)
		}
	}
	walk(err)
	return out
}

func TestSettingsValidate(t *testing.T) {
	cases := []struct {
		name string
		edit func(*sla.Settings)
		want []string
	}{
		{"the zero 8x5 window", func(s *sla.Settings) { s.Window8x5 = calendar.Window{} }, []string{"Settings.Window8x5"}},
		{"a 9x5 window open on holidays but with no hours",
			func(s *sla.Settings) { s.Window9x5 = calendar.Window{OpenOnHolidays: true} },
			[]string{"Settings.Window9x5"}},
		{"a 24x7 window without hours", func(s *sla.Settings) { s.Window24x7 = calendar.Window{} }, []string{"Settings.Window24x7"}},
		{"a cutoff past 24:00", func(s *sla.Settings) { s.Cutoff = calendar.Clock(25, 0, 0) }, []string{"Settings.Cutoff"}},
		{"a negative cutoff", func(s *sla.Settings) { s.Cutoff = -1 }, []string{"Settings.Cutoff"}},
		{"a zero response", func(s *sla.Settings) { s.Response = 0 }, []string{"Settings.Response"}},
		{"a negative response", func(s *sla.Settings) { s.Response = -time.Hour }, []string{"Settings.Response"}},
		{"zero return days", func(s *sla.Settings) { s.ReturnDays = 0 }, []string{"Settings.ReturnDays"}},
		{"more than a year of return days", func(s *sla.Settings) { s.ReturnDays = 367 }, []string{"Settings.ReturnDays"}},
		{"several at once, each named", func(s *sla.Settings) {
			s.Window8x5 = calendar.Window{}
			s.Cutoff = calendar.Clock(25, 0, 0)
			s.Response = 0
			s.ReturnDays = -3
		}, []string{"Settings.Window8x5", "Settings.Cutoff", "Settings.Response", "Settings.ReturnDays"}},
		{"the zero Settings: every window, the response, the return days and the escalation share",
			func(s *sla.Settings) { *s = sla.Settings{} },
			[]string{"Settings.Window8x5", "Settings.Window9x5", "Settings.Window24x7", "Settings.Response", "Settings.ReturnDays", "Settings.EscalationShare"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := sla.DefaultSettings()
			c.edit(&s)
			err := s.Validate()
			require.Error(t, err)
			assert.True(t, errors.Is(err, sla.ErrInvalidSettings))
			assert.Equal(t, c.want, fields(err))
			if len(c.want) == 1 {
				var ve *sla.ValueError
				require.True(t, errors.As(err, &ve), "a single problem keeps its type")
				assert.Equal(t, c.want[0], ve.Field)
			}
			_, err = sla.NewCalculator(calendar.Poland(), s)
			assert.True(t, errors.Is(err, sla.ErrInvalidSettings), "NewCalculator refuses the settings")
			assert.Equal(t, c.want, fields(err))
		})
	}
	t.Run("366 return days and a cutoff of 24:00 are allowed", func(t *testing.T) {
		s := sla.DefaultSettings()
		s.ReturnDays, s.Cutoff = 366, calendar.EndOfDay
		assert.NoError(t, s.Validate())
	})
	t.Run("a calculator needs a calendar", func(t *testing.T) {
		c, err := sla.NewCalculator(nil, sla.DefaultSettings())
		assert.Nil(t, c)
		assert.True(t, errors.Is(err, sla.ErrInvalidSettings))
		assert.Equal(t, []string{"calendar"}, fields(err))
	})
}

func TestDeadlinesErrors(t *testing.T) {
	std := service(t, "cocare-standard")
	mon := wall(2026, 11, 16, 10, 0)
	cases := []struct {
		name     string
		req      sla.Request
		sentinel error
		field    string
		outside  bool // the error also wraps calendar.ErrOutOfRange
	}{
		{"a confirmation before the submission", sla.Request{Service: std, Submitted: mon, Confirmed: mon.Add(-time.Nanosecond)},
			sla.ErrInvalidRequest, "confirmed", false},
		{"a delivery without a confirmation", sla.Request{Service: std, Submitted: mon, Delivered: mon.Add(time.Hour)},
			sla.ErrInvalidRequest, "delivered", false},
		{"a delivery before the confirmation", sla.Request{Service: std, Submitted: mon, Confirmed: mon.Add(time.Hour), Delivered: mon.Add(time.Minute)},
			sla.ErrInvalidRequest, "delivered", false},
		{"no submission", sla.Request{Service: std},
			sla.ErrInvalidRequest, "submitted", false},
		{"no submission but a confirmation", sla.Request{Service: std, Confirmed: mon},
			sla.ErrInvalidRequest, "submitted", false},
		{"a submission before 1990", sla.Request{Service: std, Submitted: wall(1989, 12, 31, 23, 0)},
			sla.ErrInvalidRequest, "submitted", true},
		{"a submission after 2200", sla.Request{Service: std, Submitted: wall(2201, 1, 2, 10, 0)},
			sla.ErrInvalidRequest, "submitted", true},
		{"a confirmation after 2200", sla.Request{Service: service(t, "cocare-premier"), Priority: sla.P1,
			Submitted: wall(2200, 12, 31, 10, 0), Confirmed: wall(2201, 1, 1, 10, 0)},
			sla.ErrInvalidRequest, "confirmed", true},
		{"a business-day target whose due day is after 2200", sla.Request{Service: std,
			Submitted: wall(2200, 12, 31, 10, 0), Confirmed: wall(2200, 12, 31, 10, 0)},
			sla.ErrInvalidRequest, "confirmed", true},
		{"a delivery whose return period ends after 2200", sla.Request{Service: service(t, "cocare-premier"), Priority: sla.P1,
			Submitted: wall(2200, 12, 30, 10, 0), Confirmed: wall(2200, 12, 30, 10, 0), Delivered: wall(2200, 12, 30, 12, 0)},
			sla.ErrInvalidRequest, "delivered", true},
		{"a delivery after 2200", sla.Request{Service: service(t, "cocare-premier"), Priority: sla.P1,
			Submitted: wall(2200, 12, 31, 10, 0), Confirmed: wall(2200, 12, 31, 10, 0), Delivered: wall(2201, 1, 1, 10, 0)},
			sla.ErrInvalidRequest, "delivered", true},
		{"the zero Service", sla.Request{Submitted: mon},
			sla.ErrUnknownService, "service", false},
		{"premier without a priority", sla.Request{Service: service(t, "cocare-premier"), Submitted: mon},
			sla.ErrPriorityRequired, "priority", false},
		{"premium onsite without a priority", sla.Request{Service: service(t, "cocare-premium-onsite"), Submitted: mon, Confirmed: mon},
			sla.ErrPriorityRequired, "priority", false},
		{"a priority outside P1-P4", sla.Request{Service: service(t, "cocare-premier"), Priority: 7, Submitted: mon},
			sla.ErrInvalidPriority, "priority", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			for _, compute := range []func(sla.Request) (sla.Deadlines, error){sla.Default().Deadlines, sla.Default().Explain} {
				_, err := compute(c.req)
				require.Error(t, err)
				assert.True(t, errors.Is(err, c.sentinel), "wraps %v: %v", c.sentinel, err)
				assert.Equal(t, c.outside, errors.Is(err, calendar.ErrOutOfRange), "out of range: %v", err)
				var ve *sla.ValueError
				require.True(t, errors.As(err, &ve))
				assert.Equal(t, c.field, ve.Field)
			}
		})
	}
}

// SPEC section 1: inputs in any offset are accepted; results are in the
// calendar's location.
func TestDeadlinesInOtherOffsets(t *testing.T) {
	sub := wall(2026, 11, 13, 14, 5)
	conf := wall(2026, 11, 13, 15, 20)
	del := wall(2026, 11, 17, 11, 40)
	want := []due{{resp, "Fri 2026-11-13 15:05:00 CET"}, {delivery, "Tue 2026-11-17 18:00:00 CET"},
		{onSite, "Tue 2026-11-17 18:00:00 CET"}, {ret, "Wed 2026-11-25 00:00:00 CET"}}
	india := time.FixedZone("IST", 5*3600+1800)
	for _, loc := range []*time.Location{warsaw, time.UTC, india, time.FixedZone("", -11*3600)} {
		t.Run(loc.String(), func(t *testing.T) {
			r := sla.Request{Service: service(t, "cocare-standard-onsite"), Submitted: sub.In(loc), Confirmed: conf.In(loc), Delivered: del.In(loc)}
			ds, err := sla.Default().Deadlines(r)
			require.NoError(t, err)
			assertDeadlines(t, want, ds)
			for _, d := range ds.All() {
				assert.Equal(t, "Europe/Warsaw", d.Start.Location().String(), "%s start", d.Kind)
			}
		})
	}
	// 15:20 Warsaw written as 19:50 in +05:30 is after the cutoff; 14:59 in
	// Warsaw is 19:29 there, before it.
	ds, err := sla.Default().Deadlines(sla.Request{Service: service(t, "cocare-standard"),
		Submitted: time.Date(2026, 11, 13, 19, 29, 0, 0, india), Confirmed: time.Date(2026, 11, 13, 19, 29, 0, 0, india)})
	require.NoError(t, err)
	d, ok := ds.Get(delivery)
	require.True(t, ok)
	assertInstant(t, "Mon 2026-11-16 18:00:00 CET", d.Due)
}

// A deadline's Start is when its clock started, its Window the window its time is
// measured in.
func TestDeadlineStartAndWindow(t *testing.T) {
	sub, conf, del := wall(2026, 11, 13, 14, 5), wall(2026, 11, 14, 10, 0), wall(2026, 11, 16, 15, 0)
	ds, err := sla.Default().Deadlines(sla.Request{Service: service(t, "cocare-standard-onsite"), Submitted: sub, Confirmed: conf, Delivered: del})
	require.NoError(t, err)
	want := []struct {
		kind  sla.Kind
		start time.Time
		cov   sla.Coverage
	}{
		{resp, sub, sla.Coverage9x5},
		{delivery, conf, sla.Coverage9x5},
		{onSite, conf, sla.Coverage9x5},
		{ret, del, sla.Coverage24x7},
	}
	require.Equal(t, len(want), ds.Len())
	for i, d := range ds.All() {
		assert.Equal(t, want[i].kind, d.Kind)
		assert.True(t, want[i].start.Equal(d.Start), "%s starts at %s, not %s", d.Kind, inWarsaw(want[i].start), inWarsaw(d.Start))
		assert.Equal(t, want[i].cov, d.Coverage(), "%s coverage", d.Kind)
		assert.False(t, d.Due.Before(d.Start), "%s is not due before it starts", d.Kind)
	}
	_, ok := ds.Get(shipBy)
	assert.False(t, ok, "no ship-by deadline for a delivery level")
	assert.Equal(t, cocareStandardOnsiteLevel(t), ds.Level)
	assert.Equal(t, service(t, "cocare-standard-onsite"), ds.Service)
}

func cocareStandardOnsiteLevel(t testing.TB) sla.Level {
	l, err := service(t, "cocare-standard-onsite").Level(0)
	require.NoError(t, err)
	return l
}

func TestDeadlinesRecordServiceAndLevel(t *testing.T) {
	at := wall(2026, 11, 14, 10, 0)
	for _, c := range []struct {
		prio  sla.Priority
		level string
	}{{sla.P1, "24x7x4"}, {sla.P2, "24x7x4"}, {sla.P3, "9x5xNBD"}, {sla.P4, "9x5xNBD"}} {
		ds, err := sla.Default().Deadlines(sla.Request{Service: service(t, "cocare-premier"), Priority: c.prio, Submitted: at})
		require.NoError(t, err)
		assert.Equal(t, c.prio, ds.Priority)
		assert.Equal(t, c.level, ds.Level.String(), "the level that applied to %s", c.prio)
		assert.Equal(t, "cocare-premier", ds.Service.ID())
	}
}

func TestKindString(t *testing.T) {
	cases := []struct {
		k           sla.Kind
		text, field string
	}{
		{sla.Response, "response", "response_by"},
		{sla.ShipBy, "ship-by", "ship_by"},
		{sla.Delivery, "delivery", "delivery_by"},
		{sla.OnSite, "on-site", "onsite_by"},
		{sla.Return, "return", "return_by"},
		{0, "%!Kind(0)", "%!Kind(0)"},
		{6, "%!Kind(6)", "%!Kind(6)"},
	}
	for _, c := range cases {
		assert.Equal(t, c.text, c.k.String())
		assert.Equal(t, c.field, c.k.Field())
	}
}

// The explanation of a deadline, step by step, in the format of explain.go:
// the start (with the clamp and the cutoff), the count (with the holidays it
// passed), a clock change on the way, the due instant.
func TestExplain(t *testing.T) {
	type holiday struct {
		date, name string
	}
	cases := []struct {
		name    string
		req     request
		kind    sla.Kind
		edit    func(*sla.Settings)
		text    string
		skipped []holiday
	}{
		{"the issue's example: Friday after the cutoff",
			same("cocare-standard", wall(2026, 11, 13, 15, 20)), delivery, nil,
			"confirmed Fri 13 Nov 2026 15:20, after the 15:00 cutoff: counts from Mon 16 Nov; next business day: Tue 17 Nov; " +
				"due at the close of the 9x5 window: Tue 17 Nov 2026 18:00",
			nil},
		{"8x5xNBD at 15:00 on 23 Dec 2025 skips Wigilia and both days of Christmas",
			same("ahb-8x5xNBD", wall(2025, 12, 23, 15, 0)), delivery, nil,
			"confirmed Tue 23 Dec 2025 15:00, after the 15:00 cutoff: counts from Mon 29 Dec " +
				"(skipping Wed 24 Dec Wigilia Bożego Narodzenia, Thu 25 Dec pierwszy dzień Bożego Narodzenia, Fri 26 Dec drugi dzień Bożego Narodzenia); " +
				"next business day: Tue 30 Dec; due at the close of the 8x5 window: Tue 30 Dec 2025 17:00",
			[]holiday{{"2025-12-24", "Wigilia Bożego Narodzenia"}, {"2025-12-25", "pierwszy dzień Bożego Narodzenia"}, {"2025-12-26", "drugi dzień Bożego Narodzenia"}}},
		{"8x5xNBD before the cutoff on 23 Dec 2025: the count skips the holidays",
			same("ahb-8x5xNBD", wall(2025, 12, 23, 14, 10)), delivery, nil,
			"confirmed Tue 23 Dec 2025 14:10, before the 15:00 cutoff; next business day: Mon 29 Dec " +
				"(skipping Wed 24 Dec Wigilia Bożego Narodzenia, Thu 25 Dec pierwszy dzień Bożego Narodzenia, Fri 26 Dec drugi dzień Bożego Narodzenia); " +
				"due at the close of the 8x5 window: Mon 29 Dec 2025 17:00",
			[]holiday{{"2025-12-24", "Wigilia Bożego Narodzenia"}, {"2025-12-25", "pierwszy dzień Bożego Narodzenia"}, {"2025-12-26", "drugi dzień Bożego Narodzenia"}}},
		{"a 9x5 confirmation on Wigilia 2026 is clamped past the holidays",
			same("cocare-standard", wall(2026, 12, 24, 10, 0)), delivery, nil,
			"confirmed Thu 24 Dec 2026 10:00, outside the 9x5 window: the clock starts Mon 28 Dec 2026 09:00 " +
				"(skipping Thu 24 Dec Wigilia Bożego Narodzenia, Fri 25 Dec pierwszy dzień Bożego Narodzenia, Sat 26 Dec drugi dzień Bożego Narodzenia), " +
				"before the 15:00 cutoff; next business day: Tue 29 Dec; due at the close of the 9x5 window: Tue 29 Dec 2026 18:00",
			[]holiday{{"2026-12-24", "Wigilia Bożego Narodzenia"}, {"2026-12-25", "pierwszy dzień Bożego Narodzenia"}, {"2026-12-26", "drugi dzień Bożego Narodzenia"}}},
		{"10 business days over Christmas 2025, New Year and Epiphany",
			same("ahb-9x5x10BD-S", wall(2025, 12, 22, 10, 0)), shipBy, nil,
			"confirmed Mon 22 Dec 2025 10:00, before the 15:00 cutoff; 10 business days: Mon 12 Jan " +
				"(skipping Wed 24 Dec Wigilia Bożego Narodzenia, Thu 25 Dec pierwszy dzień Bożego Narodzenia, Fri 26 Dec drugi dzień Bożego Narodzenia, " +
				"Thu 1 Jan Nowy Rok, Tue 6 Jan Święto Trzech Króli); due at the close of the 9x5 window: Mon 12 Jan 2026 18:00",
			[]holiday{{"2025-12-24", "Wigilia Bożego Narodzenia"}, {"2025-12-25", "pierwszy dzień Bożego Narodzenia"}, {"2025-12-26", "drugi dzień Bożego Narodzenia"},
				{"2026-01-01", "Nowy Rok"}, {"2026-01-06", "Święto Trzech Króli"}}},
		{"24x7xNBD on a Saturday: not a business day, due at the end of Monday",
			same("ahb-24x7xNBD", wall(2026, 11, 14, 10, 0)), delivery, nil,
			"confirmed Sat 14 Nov 2026 10:00, Sat 14 Nov is not a business day; next business day: Mon 16 Nov; " +
				"due at the end of the day (24x7 window): Mon 16 Nov 2026 24:00",
			nil},
		{"24x7xNBD on Wigilia 2026 names the holiday it was confirmed on",
			same("ahb-24x7xNBD", wall(2026, 12, 24, 10, 0)), delivery, nil,
			"confirmed Thu 24 Dec 2026 10:00, Thu 24 Dec is not a business day (skipping Thu 24 Dec Wigilia Bożego Narodzenia); " +
				"next business day: Mon 28 Dec (skipping Fri 25 Dec pierwszy dzień Bożego Narodzenia, Sat 26 Dec drugi dzień Bożego Narodzenia); " +
				"due at the end of the day (24x7 window): Mon 28 Dec 2026 24:00",
			[]holiday{{"2026-12-24", "Wigilia Bożego Narodzenia"}, {"2026-12-25", "pierwszy dzień Bożego Narodzenia"}, {"2026-12-26", "drugi dzień Bożego Narodzenia"}}},
		{"a confirmation a nanosecond before the cutoff is written to the nanosecond",
			same("cocare-standard", time.Date(2026, 11, 16, 14, 59, 59, 999999999, warsaw)), delivery, nil,
			"confirmed Mon 16 Nov 2026 14:59:59.999999999, before the 15:00 cutoff; next business day: Tue 17 Nov; " +
				"due at the close of the 9x5 window: Tue 17 Nov 2026 18:00",
			nil},
		{"the cutoff that does not apply to ship-by targets says so",
			same("cocare-basic", wall(2026, 11, 13, 16, 0)), shipBy, func(s *sla.Settings) { s.CutoffAppliesToShip = false },
			"confirmed Fri 13 Nov 2026 16:00, the 15:00 cutoff does not apply to ship-by targets; next business day: Mon 16 Nov; " +
				"due at the close of the 9x5 window: Mon 16 Nov 2026 18:00",
			nil},
		{"an 8x5 response from Friday 16:30",
			request{id: "ahb-8x5xNBD", submitted: wall(2026, 11, 13, 16, 30)}, resp, nil,
			"submitted Fri 13 Nov 2026 16:30; response within 1 hour of the 8x5 window (09:00-17:00 Mon-Fri, closed on holidays); " +
				"due Mon 16 Nov 2026 09:30",
			nil},
		{"a 9x5 response from Saturday is clamped to Monday's opening",
			request{id: "cocare-standard", submitted: wall(2026, 11, 14, 10, 0)}, resp, nil,
			"submitted Sat 14 Nov 2026 10:00, outside the 9x5 window: the clock starts Mon 16 Nov 2026 09:00; " +
				"response within 1 hour of the 9x5 window (09:00-18:00 Mon-Fri, closed on holidays); due Mon 16 Nov 2026 10:00",
			nil},
		{"an 8x5 response over Christmas 2025 names the holidays it passed",
			request{id: "ahb-8x5xNBD", submitted: wall(2025, 12, 23, 16, 30)}, resp, nil,
			"submitted Tue 23 Dec 2025 16:30; response within 1 hour of the 8x5 window (09:00-17:00 Mon-Fri, closed on holidays) " +
				"(skipping Wed 24 Dec Wigilia Bożego Narodzenia, Thu 25 Dec pierwszy dzień Bożego Narodzenia, Fri 26 Dec drugi dzień Bożego Narodzenia); " +
				"due Mon 29 Dec 2025 09:30",
			[]holiday{{"2025-12-24", "Wigilia Bożego Narodzenia"}, {"2025-12-25", "pierwszy dzień Bożego Narodzenia"}, {"2025-12-26", "drugi dzień Bożego Narodzenia"}}},
		{"8x5x8 over Easter 2026 names Easter Sunday and Monday",
			same("ahb-8x5x8", wall(2026, 4, 3, 13, 0)), delivery, nil,
			"confirmed Fri 3 Apr 2026 13:00; 8 hours of the 8x5 window (09:00-17:00 Mon-Fri, closed on holidays) " +
				"(skipping Sun 5 Apr pierwszy dzień Wielkiej Nocy, Mon 6 Apr drugi dzień Wielkiej Nocy); due Tue 7 Apr 2026 13:00",
			[]holiday{{"2026-04-05", "pierwszy dzień Wielkiej Nocy"}, {"2026-04-06", "drugi dzień Wielkiej Nocy"}}},
		{"24x7x4 over the spring clock change says the clocks go forward",
			request{id: "cocare-premier", prio: sla.P1, submitted: wall(2026, 3, 29, 1, 10), confirmed: wall(2026, 3, 29, 1, 30)}, delivery, nil,
			"confirmed Sun 29 Mar 2026 01:30 CET; 4 hours of real elapsed time (24x7 window); " +
				"the clocks go forward on the way (+01:00 to +02:00): window time is real elapsed time; due Sun 29 Mar 2026 06:30 CEST",
			nil},
		{"a 24x7 response over the autumn clock change says the clocks go back",
			request{id: "cocare-premier", prio: sla.P2, submitted: time.Date(2026, 10, 25, 0, 30, 0, 0, time.UTC)}, resp, nil,
			"submitted Sun 25 Oct 2026 02:30 CEST; response within 1 hour of real elapsed time (24x7 window); " +
				"the clocks go back on the way (+02:00 to +01:00): window time is real elapsed time; due Sun 25 Oct 2026 02:30 CET",
			nil},
		// Go reports a zone boundary, without any change of offset, where each
		// year that the zone's rule string serves begins (1 Jan 00:00 UTC, 01:00
		// in Warsaw), and on the last UTC day of a leap year an end before the
		// instant asked about (golang/go#81583). Neither is a clock change.
		{"24x7x4 over New Year 2027 passes no clock change",
			request{id: "cocare-premier", prio: sla.P1, submitted: wall(2026, 12, 31, 23, 30), confirmed: wall(2026, 12, 31, 23, 30)}, delivery, nil,
			"confirmed Thu 31 Dec 2026 23:30; 4 hours of real elapsed time (24x7 window); due Fri 1 Jan 2027 03:30",
			nil},
		{"24x7x4 on the last day of leap year 2040 passes no clock change",
			request{id: "cocare-premier", prio: sla.P1, submitted: wall(2040, 12, 30, 23, 30), confirmed: wall(2040, 12, 30, 23, 30)}, delivery, nil,
			"confirmed Sun 30 Dec 2040 23:30; 4 hours of real elapsed time (24x7 window); due Mon 31 Dec 2040 03:30",
			nil},
		{"a 9x5 response over the last weekend of leap year 2040 is explained (it used to hang)",
			request{id: "cocare-standard", submitted: wall(2040, 12, 28, 17, 30)}, resp, nil,
			"submitted Fri 28 Dec 2040 17:30; response within 1 hour of the 9x5 window (09:00-18:00 Mon-Fri, closed on holidays); " +
				"due Mon 31 Dec 2040 09:30",
			nil},
		{"the return of the damaged device",
			request{id: "cocare-standard", submitted: wall(2026, 11, 13, 14, 5), confirmed: wall(2026, 11, 13, 15, 20), delivd: wall(2026, 11, 17, 11, 40)}, ret, nil,
			"replacement delivered Tue 17 Nov 2026 11:40; 7 calendar days: Tue 24 Nov 2026; due at the end of the day: Tue 24 Nov 2026 24:00",
			nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			calc := sla.Default()
			if c.edit != nil {
				calc = calculator(t, c.edit)
			}
			r := c.req.build(t)
			ds, err := calc.Explain(r)
			require.NoError(t, err)
			d, ok := ds.Get(c.kind)
			require.True(t, ok)
			assert.Equal(t, c.text, d.Explanation())

			var got []holiday
			for _, s := range d.Steps {
				for _, h := range s.Skipped {
					assert.False(t, h.Closure, "a statutory holiday, not a closure")
					got = append(got, holiday{h.Date.String(), h.Name})
				}
			}
			assert.Equal(t, c.skipped, got, "every holiday passed is named in Step.Skipped")

			require.NotEmpty(t, d.Steps)
			assert.Equal(t, sla.RuleStart, d.Steps[0].Rule)
			last := d.Steps[len(d.Steps)-1]
			assert.Equal(t, sla.RuleDue, last.Rule)
			assert.True(t, d.Due.Equal(last.At), "the last step arrives at the deadline")
			for _, s := range d.Steps {
				assert.Equal(t, "Europe/Warsaw", s.At.Location().String(), "step %q", s.Text)
			}

			plain, err := calc.Deadlines(r)
			require.NoError(t, err)
			require.Equal(t, plain.Len(), ds.Len())
			for i, p := range plain.All() {
				e := ds.All()[i]
				assert.Equal(t, p.Kind, e.Kind)
				assert.True(t, p.Due.Equal(e.Due), "Explain and Deadlines agree on %s", p.Kind)
				assert.Nil(t, p.Steps, "Deadlines fills no steps")
				assert.Equal(t, "", p.Explanation(), "no explanation without Explain")
			}
		})
	}
}

// The clock-change step lists the steps of a 24x7x4 explanation in order.
func TestExplainSteps(t *testing.T) {
	conf := wall(2026, 3, 29, 1, 30)
	ds, err := sla.Default().Explain(sla.Request{Service: service(t, "cocare-premier"), Priority: sla.P1, Submitted: conf, Confirmed: conf})
	require.NoError(t, err)
	d, ok := ds.Get(delivery)
	require.True(t, ok)
	var rules []sla.Rule
	var ats []string
	for _, s := range d.Steps {
		rules = append(rules, s.Rule)
		ats = append(ats, inWarsaw(s.At))
	}
	assert.Equal(t, []sla.Rule{sla.RuleStart, sla.RuleCount, sla.RuleClocks, sla.RuleDue}, rules)
	assert.Equal(t, []string{"Sun 2026-03-29 01:30:00 CET", "Sun 2026-03-29 06:30:00 CEST", "Sun 2026-03-29 06:30:00 CEST", "Sun 2026-03-29 06:30:00 CEST"}, ats)
}

// Deadlines does not allocate (its doc says so): a request with a confirmation
// and a delivery, for a business-day and an hour level.
func TestDeadlinesDoNotAllocate(t *testing.T) {
	for _, r := range []sla.Request{
		{Service: service(t, "cocare-standard-onsite"), Submitted: wall(2026, 11, 13, 14, 5), Confirmed: wall(2026, 11, 13, 15, 20), Delivered: wall(2026, 11, 17, 11, 40)},
		{Service: service(t, "cocare-premier"), Priority: sla.P1, Submitted: wall(2026, 3, 29, 1, 10), Confirmed: wall(2026, 3, 29, 1, 30), Delivered: wall(2026, 3, 29, 5, 0)},
		{Service: service(t, "ahb-9x5x10BD-S"), Submitted: wall(2025, 12, 22, 10, 0), Confirmed: wall(2025, 12, 22, 15, 0), Delivered: wall(2026, 1, 8, 12, 0)},
	} {
		c := sla.Default()
		ds, err := c.Deadlines(r)
		require.NoError(t, err)
		require.Equal(t, 3+btoi(r.Service.OnSite() && r.Service.Delivers()), ds.Len())
		allocs := testing.AllocsPerRun(200, func() {
			if _, err := c.Deadlines(r); err != nil {
				panic(err)
			}
		})
		assert.Zero(t, allocs, "%s: Calculator.Deadlines allocates", r.Service)
	}
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// Business days are counted where the window is open: a 9x5 window shut on
// Fridays moves NBD from Thursday to Monday instead of failing, and a window open
// on Saturday does not make Saturday a business day.
func TestDeadlinesCountCoverageDays(t *testing.T) {
	shutFri := calculator(t, func(s *sla.Settings) {
		s.Window9x5 = calendar.MustParseWindow("Mon-Thu 09:00-18:00")
	})
	openSat := calculator(t, func(s *sla.Settings) {
		s.Window9x5 = calendar.MustParseWindow("Mon-Sat 09:00-18:00")
	})
	cases := []struct {
		name string
		calc *sla.Calculator
		conf time.Time
		want []due
	}{
		{"shut on Fridays: Thursday 10:00 is due Monday 18:00", shutFri, wall(2026, 11, 12, 10, 0),
			[]due{{resp, "Thu 2026-11-12 11:00:00 CET"}, {delivery, "Mon 2026-11-16 18:00:00 CET"}}},
		{"shut on Fridays: Thursday 15:00 counts from Monday, due Tuesday 18:00", shutFri, wall(2026, 11, 12, 15, 0),
			[]due{{resp, "Thu 2026-11-12 16:00:00 CET"}, {delivery, "Tue 2026-11-17 18:00:00 CET"}}},
		{"shut on Fridays: a Friday confirmation is clamped to Monday 09:00, due Tuesday", shutFri, wall(2026, 11, 13, 10, 0),
			[]due{{resp, "Mon 2026-11-16 10:00:00 CET"}, {delivery, "Tue 2026-11-17 18:00:00 CET"}}},
		{"open on Saturday: Saturday 10:00 is not a business day, so it counts from Monday: due Tuesday", openSat, wall(2026, 11, 14, 10, 0),
			[]due{{resp, "Sat 2026-11-14 11:00:00 CET"}, {delivery, "Tue 2026-11-17 18:00:00 CET"}}},
		{"open on Saturday: Friday 14:00 is due Monday, Saturday does not count", openSat, wall(2026, 11, 13, 14, 0),
			[]due{{resp, "Fri 2026-11-13 15:00:00 CET"}, {delivery, "Mon 2026-11-16 18:00:00 CET"}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ds, err := c.calc.Deadlines(sla.Request{Service: service(t, "cocare-standard"), Submitted: c.conf, Confirmed: c.conf})
			require.NoError(t, err)
			assertDeadlines(t, c.want, ds)
		})
	}
}

// Error messages start with the package name and quote the value they reject
// (STYLE.md); the tests match errors with errors.Is and errors.As, and only
// this one looks at the text, for those two rules.
func TestErrorMessages(t *testing.T) {
	_, err := sla.ParseLevel("9x5xNDB")
	require.Error(t, err)
	assert.True(t, strings.HasPrefix(err.Error(), "sla: "), "%v", err)
	assert.Contains(t, err.Error(), `"9x5xNDB"`)

	mon := wall(2026, 11, 16, 10, 0)
	_, err = sla.Default().Deadlines(sla.Request{Service: service(t, "cocare-standard"), Submitted: mon, Confirmed: mon.Add(-time.Hour)})
	require.Error(t, err)
	assert.True(t, strings.HasPrefix(err.Error(), "sla: confirmed "), "%v", err)
	assert.Contains(t, err.Error(), mon.Add(-time.Hour).Format(time.RFC3339Nano))

	_, err = sla.Default().Deadlines(sla.Request{Service: service(t, "cocare-standard")})
	require.Error(t, err)
	assert.True(t, strings.HasPrefix(err.Error(), "sla: submitted: "), "a field without a value: %v", err)
}

// Check and Progress run on every deadline of every ticket a desk recomputes;
// they do not allocate, whichever of the calculator's windows the deadline is in
// (a contract's own window included).
func TestCheckAndProgressDoNotAllocate(t *testing.T) {
	custom := calculator(t, func(s *sla.Settings) {
		s.Window9x5 = calendar.MustParseWindow("Mon-Fri 08:00-16:00")
	})
	r := sla.Request{Service: service(t, "cocare-standard"), Submitted: wall(2026, 11, 13, 14, 5),
		Confirmed: wall(2026, 11, 13, 15, 20), Delivered: wall(2026, 11, 17, 11, 40)}
	for _, c := range []*sla.Calculator{sla.Default(), custom} {
		ds, err := c.Deadlines(r)
		require.NoError(t, err)
		for _, d := range ds.All() {
			allocs := testing.AllocsPerRun(200, func() {
				if _, err := c.Check(d, d.Due); err != nil {
					panic(err)
				}
				if _, err := c.Progress(d, d.Start.Add(time.Hour)); err != nil {
					panic(err)
				}
			})
			assert.Zero(t, allocs, "%s deadline in %s: Check or Progress allocates", d.Kind, d.Coverage())
		}
	}
}

// Times that carry a monotonic clock reading, as time.Now gives them, give the
// deadlines and explanations of the same instants without one, and are
// checked alike: a confirmation a nanosecond before the submission is refused
// either way.
func TestMonotonicReadingsPlayNoPart(t *testing.T) {
	now := time.Now()
	mono := sla.Request{Service: service(t, "cocare-premium-onsite"), Priority: sla.P3,
		Submitted: now, Confirmed: now.Add(20 * time.Minute), Delivered: now.Add(50 * time.Hour),
		Holds:   []sla.Hold{{From: now.Add(time.Hour), To: now.Add(3 * time.Hour)}},
		Changes: []sla.PriorityChange{{At: now.Add(4 * time.Hour), Priority: sla.P1}}}
	strip := func(t time.Time) time.Time { return t.Round(0) }
	wallOnly := mono
	wallOnly.Submitted, wallOnly.Confirmed, wallOnly.Delivered = strip(mono.Submitted), strip(mono.Confirmed), strip(mono.Delivered)
	wallOnly.Holds = []sla.Hold{{From: strip(mono.Holds[0].From), To: strip(mono.Holds[0].To)}}
	wallOnly.Changes = []sla.PriorityChange{{At: strip(mono.Changes[0].At), Priority: sla.P1}}
	require.NotEqual(t, mono.Confirmed.String(), wallOnly.Confirmed.String(), "time.Now carries a monotonic reading here")

	c := sla.Default()
	got, err := c.Explain(mono)
	require.NoError(t, err)
	want, err := c.Explain(wallOnly)
	require.NoError(t, err)
	require.Equal(t, want.Len(), got.Len())
	for i, d := range got.All() {
		w := want.All()[i]
		assert.True(t, w.Due.Equal(d.Due), "%s: %s, want %s", d.Kind, d.Due, w.Due)
		assert.Equal(t, w.Explanation(), d.Explanation(), "%s", d.Kind)
	}

	for _, r := range []sla.Request{mono, wallOnly} {
		r.Confirmed, r.Delivered, r.Holds, r.Changes = r.Submitted.Add(-time.Nanosecond), time.Time{}, nil, nil
		_, err := c.Deadlines(r)
		require.Error(t, err)
		assert.Contains(t, err.Error(), "confirmed")
		assert.Contains(t, err.Error(), "is before submitted")
	}
}

// The return clock starts when the replacement reached the customer: for the
// services with an engineer on site, the earlier of the delivery and the
// engineer's arrival with the part. Mon 16 Nov 2026 plus 7 days is Mon 23 Nov,
// whose end is Tue 24 Nov 00:00; Wed 18 Nov plus 7 is Wed 25 Nov, ending Thu
// 26 Nov 00:00.
func TestReturnFromArrivalOnSite(t *testing.T) {
	c := sla.Default()
	mon16, wed18 := wall(2026, 11, 16, 12, 0), wall(2026, 11, 18, 10, 0)
	for _, tc := range []struct {
		name, service      string
		onsite, delivered  time.Time
		wantStart, wantDue string
		wantStep           string
	}{
		{"arrival before the delivery", "cocare-standard-onsite", mon16, wed18,
			"Mon 2026-11-16 12:00:00 CET", "Tue 2026-11-24 00:00:00 CET", "replacement brought on site Mon 16 Nov 2026 12:00"},
		{"sos arrival before the delivery", "sos-8x5xNBD", mon16, wed18,
			"Mon 2026-11-16 12:00:00 CET", "Tue 2026-11-24 00:00:00 CET", "replacement brought on site Mon 16 Nov 2026 12:00"},
		{"arrival alone", "cocare-premium-onsite", mon16, time.Time{},
			"Mon 2026-11-16 12:00:00 CET", "Tue 2026-11-24 00:00:00 CET", "replacement brought on site Mon 16 Nov 2026 12:00"},
		{"delivery before the arrival", "cocare-standard-onsite", wed18, mon16,
			"Mon 2026-11-16 12:00:00 CET", "Tue 2026-11-24 00:00:00 CET", "replacement delivered Mon 16 Nov 2026 12:00"},
		{"both at one instant", "cocare-standard-onsite", mon16, mon16,
			"Mon 2026-11-16 12:00:00 CET", "Tue 2026-11-24 00:00:00 CET", "replacement delivered Mon 16 Nov 2026 12:00"},
		{"no engineer on site in the service", "cocare-standard", mon16, wed18,
			"Wed 2026-11-18 10:00:00 CET", "Thu 2026-11-26 00:00:00 CET", "replacement delivered Wed 18 Nov 2026 10:00"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := sla.Request{Service: service(t, tc.service), Priority: sla.P3, Submitted: wall(2026, 11, 16, 9, 0),
				Confirmed: wall(2026, 11, 16, 10, 0), OnSite: tc.onsite, Delivered: tc.delivered}
			ds, err := c.Explain(r)
			require.NoError(t, err)
			d, ok := ds.Get(sla.Return)
			require.True(t, ok)
			assert.Equal(t, tc.wantStart, inWarsaw(d.Start))
			assert.Equal(t, tc.wantDue, inWarsaw(d.Due))
			require.NotEmpty(t, d.Steps)
			assert.Equal(t, tc.wantStep, d.Steps[0].Text)
		})
	}
}

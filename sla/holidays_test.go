package sla_test

import (
	"testing"
	"time"

	"github.com/slaclock/slaclock/sla"
)

// The holidays of 2025-2027 that TestDeadlinesHolidays leaves out, worked out
// by hand from SPEC section 2 (weekdays and Easter dates checked with Python):
//
//	2025: Good Friday 18 Apr is a business day; Easter Sun 20 + Mon 21 Apr;
//	      Thu 1 May, Sat 3 May (Fri 2 May is a business day); Corpus Christi
//	      Thu 19 Jun; Tue 11 Nov; Wed 31 Dec is a business day.
//	2026: Thu 1 Jan.
//	2027: Wed 6 Jan; Easter Sun 28 Mar (the night the clocks go forward) + Mon
//	      29 Mar; Corpus Christi Thu 27 May; Wigilia Fri 24 Dec, Sat 25, Sun 26 Dec.
func TestDeadlinesHolidays2025To2027(t *testing.T) {
	runDeadlineCases(t, sla.Default(), []deadlineCase{
		// Easter 2025.
		{"Easter 2025: Good Friday is a business day, an 8x5 response resumes on it",
			request{id: "ahb-8x5xNBD", submitted: wall(2025, 4, 17, 16, 30)},
			[]due{{resp, "Fri 2025-04-18 09:30:00 CEST"}}},
		{"Easter 2025: before the cutoff on Good Friday the next business day is Tue 22 Apr",
			same("cocare-standard", wall(2025, 4, 18, 14, 0)),
			[]due{{resp, "Fri 2025-04-18 15:00:00 CEST"}, {delivery, "Tue 2025-04-22 18:00:00 CEST"}}},
		{"Easter 2025: after the cutoff on Good Friday it is Wed 23 Apr",
			same("cocare-standard", wall(2025, 4, 18, 15, 0)),
			[]due{{resp, "Fri 2025-04-18 16:00:00 CEST"}, {delivery, "Wed 2025-04-23 18:00:00 CEST"}}},

		// 1-3 May 2025.
		{"May 2025: from Wed 30 Apr before the cutoff it is Fri 2 May, the bridge day is a business day",
			same("cocare-standard", wall(2025, 4, 30, 14, 0)),
			[]due{{resp, "Wed 2025-04-30 15:00:00 CEST"}, {delivery, "Fri 2025-05-02 18:00:00 CEST"}}},
		{"May 2025: from Wed 30 Apr after the cutoff it is Mon 5 May",
			same("cocare-standard", wall(2025, 4, 30, 15, 0)),
			[]due{{resp, "Wed 2025-04-30 16:00:00 CEST"}, {delivery, "Mon 2025-05-05 18:00:00 CEST"}}},
		{"May 2025: 24x7xNBD on 1 May (a holiday) is due at the end of Fri 2 May",
			same("ahb-24x7xNBD", wall(2025, 5, 1, 10, 0)),
			[]due{{resp, "Thu 2025-05-01 11:00:00 CEST"}, {delivery, "Sat 2025-05-03 00:00:00 CEST"}}},

		// Corpus Christi.
		{"Corpus Christi 2025 (Thu 19 Jun) is skipped",
			same("cocare-standard", wall(2025, 6, 18, 14, 0)),
			[]due{{resp, "Wed 2025-06-18 15:00:00 CEST"}, {delivery, "Fri 2025-06-20 18:00:00 CEST"}}},
		{"Corpus Christi 2027 (Thu 27 May) is skipped",
			same("cocare-standard", wall(2027, 5, 26, 14, 0)),
			[]due{{resp, "Wed 2027-05-26 15:00:00 CEST"}, {delivery, "Fri 2027-05-28 18:00:00 CEST"}}},

		// 11 November 2025.
		{"11 Nov 2025 (Tuesday) is skipped",
			same("cocare-standard", wall(2025, 11, 10, 14, 0)),
			[]due{{resp, "Mon 2025-11-10 15:00:00 CET"}, {delivery, "Wed 2025-11-12 18:00:00 CET"}}},
		{"11 Nov 2025: an 8x5 response from Monday 16:30 resumes on Wednesday",
			request{id: "ahb-8x5xNBD", submitted: wall(2025, 11, 10, 16, 30)},
			[]due{{resp, "Wed 2025-11-12 09:30:00 CET"}}},

		// New Year and Epiphany.
		{"New Year 2026: from Wed 31 Dec 2025 the next business day is Fri 2 Jan",
			same("cocare-standard", wall(2025, 12, 31, 14, 0)),
			[]due{{resp, "Wed 2025-12-31 15:00:00 CET"}, {delivery, "Fri 2026-01-02 18:00:00 CET"}}},
		{"6 Jan 2027 (Wednesday) is skipped",
			same("cocare-standard", wall(2027, 1, 5, 14, 0)),
			[]due{{resp, "Tue 2027-01-05 15:00:00 CET"}, {delivery, "Thu 2027-01-07 18:00:00 CET"}}},

		// Easter 2027 falls on the night the clocks go forward.
		{"Easter 2027: from Fri 26 Mar (CET) the next business day is Tue 30 Mar (CEST)",
			same("cocare-standard", wall(2027, 3, 26, 14, 0)),
			[]due{{resp, "Fri 2027-03-26 15:00:00 CET"}, {delivery, "Tue 2027-03-30 18:00:00 CEST"}}},
		{"Easter 2027: 8x5x8 carries four hours over Easter and the clock change to 13:00 CEST",
			same("ahb-8x5x8", wall(2027, 3, 26, 13, 0)),
			[]due{{resp, "Fri 2027-03-26 14:00:00 CET"}, {delivery, "Tue 2027-03-30 13:00:00 CEST"}}},

		// Christmas 2027: Wigilia on a Friday, Christmas on the weekend.
		{"Christmas 2027: before the cutoff on Thu 23 Dec it is Mon 27 Dec",
			same("cocare-standard", wall(2027, 12, 23, 14, 0)),
			[]due{{resp, "Thu 2027-12-23 15:00:00 CET"}, {delivery, "Mon 2027-12-27 18:00:00 CET"}}},
		{"Christmas 2027: after the cutoff on Thu 23 Dec it is Tue 28 Dec",
			same("cocare-standard", wall(2027, 12, 23, 15, 0)),
			[]due{{resp, "Thu 2027-12-23 16:00:00 CET"}, {delivery, "Tue 2027-12-28 18:00:00 CET"}}},
		{"Christmas 2027: 24x7xNBD on Wigilia is due at the end of Mon 27 Dec",
			same("ahb-24x7xNBD", wall(2027, 12, 24, 10, 0)),
			[]due{{resp, "Fri 2027-12-24 11:00:00 CET"}, {delivery, "Tue 2027-12-28 00:00:00 CET"}}},
		{"Christmas 2027: the return period counts the holidays as calendar days",
			request{id: "cocare-standard", submitted: wall(2027, 12, 22, 10, 0), confirmed: wall(2027, 12, 22, 10, 0), delivd: wall(2027, 12, 23, 12, 0)},
			[]due{{resp, "Wed 2027-12-22 11:00:00 CET"}, {delivery, "Thu 2027-12-23 18:00:00 CET"}, {ret, "Fri 2027-12-31 00:00:00 CET"}}},

		// The cutoff in whole seconds.
		{"the cutoff: 14:59:59 is before it",
			same("cocare-standard", time.Date(2026, 11, 16, 14, 59, 59, 0, warsaw)),
			[]due{{resp, "Mon 2026-11-16 15:59:59 CET"}, {delivery, "Tue 2026-11-17 18:00:00 CET"}}},
		{"the cutoff: 15:00:00 is after it, also under 8x5",
			same("ahb-8x5xNBD", wall(2026, 11, 16, 15, 0)),
			[]due{{resp, "Mon 2026-11-16 16:00:00 CET"}, {delivery, "Wed 2026-11-18 17:00:00 CET"}}},
	})
}

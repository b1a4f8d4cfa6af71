package contract_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/slaclock/slaclock/contract"
	"github.com/slaclock/slaclock/sla"
)

// TestEscalationBoundary proves that a request names the escalation channel
// from 75 % of a target used (within 25 % of it), not a nanosecond before, and
// once the deadline is breached.
func TestEscalationBoundary(t *testing.T) {
	r := registry(t)

	// ahb-8x5x8 confirmed Mon 9 Mar 13:00: due Tue 10 Mar 13:00, a target of 8
	// window hours. 75 % is 6 h: 4 h on Monday and 2 h from Tue 09:00, Tue 11:00.
	// The response (Mon 12:00 + 1 h) is met at the response step.
	delivery := func(t *testing.T) *contract.Request {
		q := open(t, r, nAHB8x5x8, 0, wall(2026, time.March, 9, 12, 0))
		require.NoError(t, q.Record(contract.Responded, wall(2026, time.March, 9, 12, 5)))
		require.NoError(t, q.Record(contract.Confirmed, wall(2026, time.March, 9, 13, 0)))
		return q
	}
	// ahb-8x5x8 submitted Mon 9 Mar 12:00: response due 13:00; 75 % is 12:45.
	response := func(t *testing.T) *contract.Request {
		return open(t, r, nAHB8x5x8, 0, wall(2026, time.March, 9, 12, 0))
	}
	// cocare-premier P1 (24x7x4) confirmed Wed 11 Mar 10:00: due 14:00; 75 % is 13:00.
	critical := func(t *testing.T) *contract.Request {
		q := open(t, r, nPremier, sla.P1, wall(2026, time.March, 11, 9, 50))
		require.NoError(t, q.Record(contract.Confirmed, wall(2026, time.March, 11, 10, 0)))
		return q
	}
	// ahb-8x5x8 again, on the evening before the deadline: at Mon 17:30 the
	// window is closed, 4 h of 8 are used (50 %): no escalation; the window time
	// does not run at night, so at Tue 08:59 it is still 50 %.
	cases := []struct {
		name     string
		request  func(*testing.T) *contract.Request
		kind     sla.Kind
		now      time.Time
		status   sla.Status
		share    float64
		escalate bool
	}{
		{"one nanosecond before 75 % of the delivery target: no escalation", delivery, sla.Delivery,
			wall(2026, time.March, 10, 11, 0).Add(-1), sla.Open, 0.75 - 1.0/(8*3600e9), false},
		{"exactly 75 % of the delivery target: escalate", delivery, sla.Delivery,
			wall(2026, time.March, 10, 11, 0), sla.Open, 0.75, true},
		{"at the deadline, still open: escalate", delivery, sla.Delivery,
			wall(2026, time.March, 10, 13, 0), sla.Open, 1, true},
		{"one nanosecond after the deadline, breached: escalate", delivery, sla.Delivery,
			wall(2026, time.March, 10, 13, 0).Add(1), sla.Breached, 1 + 1.0/(8*3600e9), true},
		{"window time stops at night: 50 % at the close", delivery, sla.Delivery,
			wall(2026, time.March, 9, 17, 30), sla.Open, 0.5, false},
		{"window time stops at night: still 50 % the next morning", delivery, sla.Delivery,
			wall(2026, time.March, 10, 8, 59), sla.Open, 0.5, false},
		{"one nanosecond before 75 % of the response target: no escalation", response, sla.Response,
			wall(2026, time.March, 9, 12, 45).Add(-1), sla.Open, 0.75 - 1.0/3600e9, false},
		{"exactly 75 % of the response target: escalate", response, sla.Response,
			wall(2026, time.March, 9, 12, 45), sla.Open, 0.75, true},
		{"the response one nanosecond late: escalate", response, sla.Response,
			wall(2026, time.March, 9, 13, 0).Add(1), sla.Breached, 1 + 1.0/3600e9, true},
		{"24x7x4 one nanosecond before 3 of its 4 hours: no escalation", critical, sla.Delivery,
			wall(2026, time.March, 11, 13, 0).Add(-1), sla.Open, 0.75 - 1.0/(4*3600e9), false},
		{"24x7x4 at 3 of its 4 hours: escalate", critical, sla.Delivery,
			wall(2026, time.March, 11, 13, 0), sla.Open, 0.75, true},
		{"24x7x4 breached: escalate", critical, sla.Delivery,
			wall(2026, time.March, 11, 14, 0).Add(1), sla.Breached, 1 + 1.0/(4*3600e9), true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			q := tc.request(t)
			st, err := q.Status(tc.now)
			require.NoError(t, err)
			var d *contract.DeadlineStatus
			for i := range st.Deadlines {
				if st.Deadlines[i].Deadline.Kind == tc.kind {
					d = &st.Deadlines[i]
				} else {
					assert.False(t, st.Deadlines[i].Escalate, "only the %s deadline is near its end", tc.kind)
				}
			}
			require.NotNil(t, d, "the request has a %s deadline", tc.kind)
			assert.Equal(t, tc.status, d.Status)
			assert.InDelta(t, tc.share, d.Progress.Share, 1e-15)
			assert.Equal(t, tc.escalate, d.Escalate)
			if tc.escalate {
				assert.Equal(t, hezoEscalation, st.Escalation)
			} else {
				assert.Nil(t, st.Escalation)
			}
			require.NotNil(t, st.Next)
			assert.Equal(t, tc.kind, st.Next.Deadline.Kind, "the deadline whose event has not happened is next")
		})
	}
}

// TestEscalationShareIsTheCalculators proves that the share from which a
// deadline escalates is the request's calculator's setting (75 % by default),
// not a constant of the package.
func TestEscalationShareIsTheCalculators(t *testing.T) {
	q := open(t, registry(t), nBasic, 0, wall(2026, time.November, 16, 9, 0))
	assert.Equal(t, sla.Percent(75), q.Calculator().Settings().EscalationShare)
}

// TestRejected proves the deadlines of a request rejected at verification: only
// the response, answered by the response step or else by the rejection, and
// judged at the rejection however late it is asked.
func TestRejected(t *testing.T) {
	r := registry(t)
	cases := []struct {
		name  string
		steps []step
		want  outcome
		esc   bool
	}{
		{"rejected after a response in time: the response is met",
			[]step{{contract.Responded, wall(2026, time.March, 10, 9, 20)}, {contract.Rejected, wall(2026, time.March, 10, 11, 0)}},
			outcome{"cocare-standard", sla.Response, sla.Met, 40 * time.Minute}, false},
		{"rejected without a response step: the rejection is the response, 30 min late",
			[]step{{contract.Rejected, wall(2026, time.March, 10, 10, 30)}},
			outcome{"cocare-standard", sla.Response, sla.Breached, 30 * time.Minute}, true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			// Submitted Tue 10 Mar 09:00: response due 10:00 (9x5).
			q := open(t, r, nStandard, 0, wall(2026, time.March, 10, 9, 0))
			for _, s := range tc.steps {
				require.NoError(t, q.Record(s.Step, s.At))
			}
			assert.True(t, q.Done())
			assert.Equal(t, contract.Rejected, q.Step())
			assert.Equal(t, []due{{"cocare-standard", sla.Response, "Tue 2026-03-10 10:00:00 CET"}}, deadlinesOf(t, q),
				"without a confirmation only the response deadline exists")
			for _, now := range []time.Time{wall(2026, time.March, 10, 11, 0), wall(2027, time.March, 10, 11, 0)} {
				st, err := q.Status(now)
				require.NoError(t, err)
				assert.Equal(t, []outcome{tc.want}, outcomesOf(st))
				assert.Nil(t, st.Next, "a rejected request waits for nothing")
				if tc.esc {
					assert.Equal(t, hezoEscalation, st.Escalation)
				} else {
					assert.Nil(t, st.Escalation)
				}
			}
		})
	}
}

// TestClosedWithoutReplacement proves that a request closed after a remote fix
// is judged at its closure: the delivery it never needed stays open, and is not
// breached when asked later.
func TestClosedWithoutReplacement(t *testing.T) {
	r := registry(t)
	// cocare-standard submitted Tue 10 Mar 09:00, confirmed 09:30: delivery due
	// Wed 11 Mar 18:00 (9 h + 8h30 of 9x5 = 17h30 from the confirmation).
	q := open(t, r, nStandard, 0, wall(2026, time.March, 10, 9, 0))
	require.NoError(t, q.Record(contract.Confirmed, wall(2026, time.March, 10, 9, 30)))
	require.NoError(t, q.Record(contract.Closed, wall(2026, time.March, 10, 16, 0)))
	st, err := q.Status(wall(2026, time.March, 20, 12, 0))
	require.NoError(t, err)
	assert.Equal(t, []outcome{
		{"cocare-standard", sla.Response, sla.Met, 30 * time.Minute},
		{"cocare-standard", sla.Delivery, sla.Open, 11 * time.Hour}, // 2 h on Tuesday (16:00-18:00), 9 h on Wednesday
	}, outcomesOf(st))
	assert.Nil(t, st.Escalation)
	assert.Nil(t, st.Next)
}

// TestSeveralServices proves that a contract carrying a package and an add-on
// gives a request the deadlines of both, each in its own window.
func TestSeveralServices(t *testing.T) {
	r := registry(t)
	// Submitted Fri 13 Mar 14:00: cocare-standard's response is 1 h of 9x5,
	// sos-24x7xNBD's 1 h of 24x7: both 15:00. Confirmed Fri 15:30, after the
	// 9x5 cutoff: the second business day after Friday is Tue 17 Mar, closing at
	// 18:00; the cutoff does not apply to 24x7, so the on-site is due at the end
	// of the next business day, Mon 16 Mar 24:00. Delivered Mon 16 Mar 09:30, the engineer on
	// site 10:00: the return (from the delivery) is due at the end of Mon 23 Mar.
	q, err := r.Open(contract.Opening{Contract: nCombo, Serial: serial2, Submitted: wall(2026, time.March, 13, 14, 0)})
	require.NoError(t, err)
	assert.Equal(t, serial2, q.Device().Serial)
	require.NoError(t, q.Record(contract.Confirmed, wall(2026, time.March, 13, 15, 30)))
	assert.Equal(t, []due{
		{"cocare-standard", sla.Response, "Fri 2026-03-13 15:00:00 CET"},
		{"cocare-standard", sla.Delivery, "Tue 2026-03-17 18:00:00 CET"},
		{"sos-24x7xNBD", sla.Response, "Fri 2026-03-13 15:00:00 CET"},
		{"sos-24x7xNBD", sla.OnSite, "Tue 2026-03-17 00:00:00 CET"},
	}, deadlinesOf(t, q))

	// At Mon 16 Mar 09:00: the 9x5 delivery has used 2h30 (Friday) of 2h30 + 9 +
	// 9 = 20h30, 18 h left; the 24x7 on-site has used 8h30 + 24 + 24 + 9 = 65h30
	// of 8h30 + 3*24 = 80h30, 15 h left, and is due first. The responses
	// (answered by the confirmation at 15:30) are 30 min late. The request has
	// one response deadline, the earliest; both are 15:00, so the first
	// service's is reported.
	st, err := q.Status(wall(2026, time.March, 16, 9, 0))
	require.NoError(t, err)
	assert.Equal(t, []outcome{
		{"cocare-standard", sla.Response, sla.Breached, 30 * time.Minute},
		{"cocare-standard", sla.Delivery, sla.Open, 18 * time.Hour},
		{"sos-24x7xNBD", sla.OnSite, sla.Open, 15 * time.Hour},
	}, outcomesOf(st))
	assert.Equal(t, hezoEscalation, st.Escalation, "the late response (the confirmation) is breached")
	require.NotNil(t, st.Next)
	assert.Equal(t, "sos-24x7xNBD", st.Next.Service.ID())
	assert.Equal(t, sla.OnSite, st.Next.Deadline.Kind)

	require.NoError(t, q.Record(contract.Delivered, wall(2026, time.March, 16, 9, 30)))
	require.NoError(t, q.Record(contract.OnSite, wall(2026, time.March, 16, 10, 0)))
	assert.Equal(t, []due{
		{"cocare-standard", sla.Response, "Fri 2026-03-13 15:00:00 CET"},
		{"cocare-standard", sla.Delivery, "Tue 2026-03-17 18:00:00 CET"},
		{"cocare-standard", sla.Return, "Tue 2026-03-24 00:00:00 CET"},
		{"sos-24x7xNBD", sla.Response, "Fri 2026-03-13 15:00:00 CET"},
		{"sos-24x7xNBD", sla.OnSite, "Tue 2026-03-17 00:00:00 CET"},
		{"sos-24x7xNBD", sla.Return, "Tue 2026-03-24 00:00:00 CET"},
	}, deadlinesOf(t, q))

	// At Mon 16 Mar 12:00 the request has one response, each service's own
	// target (the delivery at 09:30 met the 9x5 one, due Tue 17 Mar 18:00, by
	// 32h30; the engineer at 10:00 the on-site, due Tue 00:00, by 14 h) and one
	// return, due at the end of Mon 23 Mar: 7 days and 12 h of real time left.
	st, err = q.Status(wall(2026, time.March, 16, 12, 0))
	require.NoError(t, err)
	assert.Equal(t, []outcome{
		{"cocare-standard", sla.Response, sla.Breached, 30 * time.Minute},
		{"cocare-standard", sla.Delivery, sla.Met, 32*time.Hour + 30*time.Minute},
		{"sos-24x7xNBD", sla.OnSite, sla.Met, 14 * time.Hour},
		{"cocare-standard", sla.Return, sla.Open, 7*24*time.Hour + 12*time.Hour},
	}, outcomesOf(st))
}

// TestSeveralServicesEarliestResponse proves that the one response deadline
// of a request under several services is the earliest of theirs: submitted
// Sat 14 Mar 10:00, cocare-standard's 9x5 response waits for Mon 16 Mar 09:00
// and is due 10:00; sos-24x7xNBD's is due Sat 11:00, and is the one reported.
func TestSeveralServicesEarliestResponse(t *testing.T) {
	r := registry(t)
	q, err := r.Open(contract.Opening{Contract: nCombo, Serial: serial, Submitted: wall(2026, time.March, 14, 10, 0)})
	require.NoError(t, err)
	st, err := q.Status(wall(2026, time.March, 14, 10, 30))
	require.NoError(t, err)
	assert.Equal(t, []outcome{{"sos-24x7xNBD", sla.Response, sla.Open, 30 * time.Minute}}, outcomesOf(st))
	require.NotNil(t, st.Next)
	assert.Equal(t, "Sat 2026-03-14 11:00:00 CET", inWarsaw(st.Next.Deadline.Due))
}

// TestOverrides proves that a contract's own settings replace the defaults for
// its requests only: a 14:00 cutoff and ten days to return the part.
func TestOverrides(t *testing.T) {
	r := registry(t)
	// ahb-8x5xNBD confirmed Tue 10 Mar 14:00, delivered Thu 12 Mar 12:00. With
	// the default 15:00 cutoff: the next business day, Wed 11 Mar 17:00; return
	// by the end of Thu 19 Mar. With the contract's 14:00 cutoff, 14:00 is after
	// it: the second business day, Thu 12 Mar 17:00; ten days: end of Sun 22 Mar.
	cases := []struct {
		number string
		want   []due
	}{
		{nAHB8x5NBD, []due{
			{"ahb-8x5xNBD", sla.Response, "Tue 2026-03-10 14:00:00 CET"},
			{"ahb-8x5xNBD", sla.Delivery, "Wed 2026-03-11 17:00:00 CET"},
			{"ahb-8x5xNBD", sla.Return, "Fri 2026-03-20 00:00:00 CET"},
		}},
		{nOverride, []due{
			{"ahb-8x5xNBD", sla.Response, "Tue 2026-03-10 14:00:00 CET"},
			{"ahb-8x5xNBD", sla.Delivery, "Thu 2026-03-12 17:00:00 CET"},
			{"ahb-8x5xNBD", sla.Return, "Mon 2026-03-23 00:00:00 CET"},
		}},
	}
	for _, tc := range cases {
		t.Run(tc.number, func(t *testing.T) {
			q := open(t, r, tc.number, 0, wall(2026, time.March, 10, 13, 0))
			require.NoError(t, q.Record(contract.Confirmed, wall(2026, time.March, 10, 14, 0)))
			require.NoError(t, q.Record(contract.Delivered, wall(2026, time.March, 12, 12, 0)))
			assert.Equal(t, tc.want, deadlinesOf(t, q))
		})
	}
	c, err := r.Lookup(nOverride)
	require.NoError(t, err)
	set := r.Calculator(c).Settings()
	assert.Equal(t, "14:00", set.Cutoff.String())
	assert.Equal(t, 10, set.ReturnDays)
	assert.Equal(t, sla.DefaultSettings().Window9x5, set.Window9x5, "what the contract does not override keeps the default")
	d, err := r.Lookup(nAHB8x5NBD)
	require.NoError(t, err)
	assert.Equal(t, sla.DefaultSettings(), r.Calculator(d).Settings())
}

// A request's one return deadline is the earliest of its services': under
// cocare-standard with sos-24x7xNBD, the engineer on site Mon 16 Nov 2026
// 13:00 brought the part before the delivery on Tue 17 Nov, so the return is
// due at the end of Mon 23 Nov (Tue 24 Nov 00:00, from the SOS arrival), not
// of Tue 24 Nov (Wed 25 Nov 00:00, cocare-standard's, from the delivery).
func TestStatusReturnIsTheEarliest(t *testing.T) {
	q := open(t, registry(t), nCombo, 0, wall(2026, time.November, 16, 9, 0))
	for _, s := range []struct {
		step contract.Step
		at   time.Time
	}{{contract.Confirmed, wall(2026, time.November, 16, 10, 0)}, {contract.OnSite, wall(2026, time.November, 16, 13, 0)},
		{contract.Delivered, wall(2026, time.November, 17, 12, 0)}} {
		require.NoError(t, q.Record(s.step, s.at), "%s", s.step)
	}
	st, err := q.Status(wall(2026, time.November, 18, 12, 0))
	require.NoError(t, err)
	var returns []string
	for _, d := range st.Deadlines {
		if d.Deadline.Kind == sla.Return {
			returns = append(returns, d.Service.ID()+" "+inWarsaw(d.Deadline.Due))
		}
	}
	assert.Equal(t, []string{"sos-24x7xNBD Tue 2026-11-24 00:00:00 CET"}, returns)
}

package contract_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/slaclock/slaclock/contract"
	"github.com/slaclock/slaclock/sla"
)

// TestDeskReplay replays a desk's log: every event is accepted or refused as
// the rules say, and a refused event changes nothing at all.
func TestDeskReplay(t *testing.T) {
	d := contract.NewDesk(registry(t))
	at := func(day, h, m int) time.Time { return wall(2026, time.March, day, h, m) }
	ev := func(number, sn string, s contract.Step, t time.Time) contract.Event {
		return contract.Event{Contract: number, Serial: sn, Step: s, At: t}
	}
	events := []struct {
		name  string
		event contract.Event
		want  error // nil: accepted
		step  contract.Step
		nth   int // the index of the request the event went to, in Requests()
	}{
		{"a submission opens a request", contract.Event{Contract: nCombo, Serial: serial, Step: contract.Submitted,
			At: at(10, 9, 0), Description: "fan failure", ID: "REQ-1"}, nil, contract.Submitted, 0},
		{"a second submission for the same device while it is open is refused",
			ev(nCombo, serial, contract.Submitted, at(10, 9, 5)), contract.ErrStepOrder, 0, 0},
		{"the same device with other spelling is the same device",
			ev(" t/combo ", "sn-0001", contract.Submitted, at(10, 9, 6)), contract.ErrStepOrder, 0, 0},
		{"another device of the contract gets its own request",
			ev(nCombo, serial2, contract.Submitted, at(10, 9, 10)), nil, contract.Submitted, 1},
		{"a step for a device with no open request is refused",
			ev(nStandard, serial, contract.Confirmed, at(10, 9, 20)), contract.ErrStepOrder, 0, 0},
		{"a submission under an unknown contract is refused",
			ev("T/NOSUCH", serial, contract.Submitted, at(10, 9, 30)), contract.ErrUnknownContract, 0, 0},
		{"a submission for a device not covered is refused",
			ev(nStandard, serial2, contract.Submitted, at(10, 9, 30)), contract.ErrNotCovered, 0, 0},
		{"a submission without a priority where the service needs one is refused",
			ev(nPremier, serial, contract.Submitted, at(10, 9, 30)), contract.ErrMissingField, 0, 0},
		{"a submission outside the contract's term is refused",
			ev(nStandard, serial, contract.Submitted, wall(2028, time.January, 3, 10, 0)), contract.ErrOutsideTerm, 0, 0},
		{"a step goes to the device's open request, spelling ignored",
			ev("T/Combo", " SN-0001 ", contract.Confirmed, at(10, 10, 0)), nil, contract.Confirmed, 0},
		{"a step out of order is refused",
			ev(nCombo, serial, contract.Returned, at(10, 11, 0)), contract.ErrStepOrder, 0, 0},
		{"a step before the previous one is refused",
			ev(nCombo, serial, contract.Delivered, at(10, 9, 59)), contract.ErrStepTime, 0, 0},
		{"a step repeated at another time is refused",
			ev(nCombo, serial, contract.Confirmed, at(10, 10, 1)), contract.ErrStepConflict, 0, 0},
		{"a step repeated at its time is accepted and changes nothing",
			ev(nCombo, serial, contract.Confirmed, at(10, 10, 0)), nil, contract.Confirmed, 0},
		{"the second device's request is rejected at verification",
			ev(nCombo, serial2, contract.Rejected, at(10, 10, 30)), nil, contract.Rejected, 1},
		{"a rejected request takes no more steps",
			ev(nCombo, serial2, contract.Confirmed, at(10, 11, 0)), contract.ErrStepOrder, 0, 0},
		{"the delivery", ev(nCombo, serial, contract.Delivered, at(11, 12, 0)), nil, contract.Delivered, 0},
		{"the engineer on site", ev(nCombo, serial, contract.OnSite, at(11, 12, 30)), nil, contract.OnSite, 0},
		{"the return", ev(nCombo, serial, contract.Returned, at(13, 10, 0)), nil, contract.Returned, 0},
		{"the closure", ev(nCombo, serial, contract.Closed, at(13, 11, 0)), nil, contract.Closed, 0},
		{"a step after the closure finds no open request",
			ev(nCombo, serial, contract.Closed, at(13, 12, 0)), contract.ErrStepOrder, 0, 0},
		{"after the closure a new submission opens a new request",
			ev(nCombo, serial, contract.Submitted, at(16, 9, 0)), nil, contract.Submitted, 2},
		{"after the rejection too",
			ev(nCombo, serial2, contract.Submitted, at(16, 9, 0)), nil, contract.Submitted, 3},
	}
	for _, e := range events {
		before := contract.StateOfDesk(d)
		q, err := d.Apply(e.event)
		if e.want != nil {
			assert.ErrorIs(t, err, e.want, e.name)
			assert.Nil(t, q, e.name)
			assert.Equal(t, before, contract.StateOfDesk(d), "%s: a refused event changes nothing", e.name)
			continue
		}
		if !assert.NoError(t, err, e.name) {
			continue
		}
		reqs := d.Requests()
		require.Greater(t, len(reqs), e.nth, e.name)
		assert.Same(t, reqs[e.nth], q, e.name)
		assert.Equal(t, e.step, q.Step(), e.name)
	}

	reqs := d.Requests()
	require.Len(t, reqs, 4)
	assert.Equal(t, "REQ-1", reqs[0].ID())
	assert.Equal(t, "fan failure", reqs[0].Description())
	assert.Equal(t, []contract.Step{contract.Closed, contract.Rejected, contract.Submitted, contract.Submitted},
		[]contract.Step{reqs[0].Step(), reqs[1].Step(), reqs[2].Step(), reqs[3].Step()})
	// The first request's deadlines: submitted Tue 10 Mar 09:00, response due
	// 10:00 in both windows (9x5 and 24x7); confirmed 10:00, before the cutoff:
	// Wed 11 Mar, 18:00 in 9x5, 24:00 in 24x7; delivered Wed 11 Mar 12:00: the
	// return is due at the end of Wed 18 Mar.
	assert.Equal(t, []due{
		{"cocare-standard", sla.Response, "Tue 2026-03-10 10:00:00 CET"},
		{"cocare-standard", sla.Delivery, "Wed 2026-03-11 18:00:00 CET"},
		{"cocare-standard", sla.Return, "Thu 2026-03-19 00:00:00 CET"},
		{"sos-24x7xNBD", sla.Response, "Tue 2026-03-10 10:00:00 CET"},
		{"sos-24x7xNBD", sla.OnSite, "Thu 2026-03-12 00:00:00 CET"},
		{"sos-24x7xNBD", sla.Return, "Thu 2026-03-19 00:00:00 CET"},
	}, deadlinesOf(t, reqs[0]))
	// Requests returns a copy: changing it leaves the desk alone.
	reqs[0] = nil
	assert.NotNil(t, d.Requests()[0])
}

// TestDeskPriority proves that the priority is read from the submitted event,
// and a later event's priority is not used.
func TestDeskPriority(t *testing.T) {
	d := contract.NewDesk(registry(t))
	q, err := d.Apply(contract.Event{Contract: nPremier, Serial: serial, Priority: sla.P1, Step: contract.Submitted,
		At: wall(2026, time.March, 10, 9, 0)})
	require.NoError(t, err)
	// P1: 24x7x4, confirmed 09:30: due 13:30, whatever the confirmation says.
	_, err = d.Apply(contract.Event{Contract: nPremier, Serial: serial, Priority: sla.P4, Step: contract.Confirmed,
		At: wall(2026, time.March, 10, 9, 30)})
	require.NoError(t, err)
	assert.Equal(t, sla.P1, q.Priority())
	assert.Equal(t, []due{
		{"cocare-premier", sla.Response, "Tue 2026-03-10 10:00:00 CET"},
		{"cocare-premier", sla.Delivery, "Tue 2026-03-10 13:30:00 CET"},
	}, deadlinesOf(t, q))
}

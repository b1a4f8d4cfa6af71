package contract_test

import (
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/slaclock/slaclock/contract"
)

// step is a step of a timeline at an instant.
type step struct {
	Step contract.Step
	At   time.Time
}

// TestRecord proves each rule of the timeline: the transitions accepted, and
// the ones refused (out of order, before the previous step, a repeated step at
// another time), which change nothing at all.
func TestRecord(t *testing.T) {
	r := registry(t)
	// A Tuesday in March 2026 (CET); every step below is on it.
	at := func(h, m int) time.Time { return wall(2026, time.March, 10, h, m) }
	sub := step{contract.Submitted, at(9, 0)}
	resp := step{contract.Responded, at(9, 20)}
	conf := step{contract.Confirmed, at(10, 0)}
	ship := step{contract.Shipped, at(11, 0)}
	deliv := step{contract.Delivered, at(12, 0)}
	onsite := step{contract.OnSite, at(13, 0)}
	ret := step{contract.Returned, at(14, 0)}
	closed := step{contract.Closed, at(15, 0)}
	rejected := step{contract.Rejected, at(10, 0)}

	cases := []struct {
		name   string
		before []step // recorded after the submission, which is always sub
		step   contract.Step
		at     time.Time
		want   error // nil: accepted
	}{
		// Accepted transitions.
		{"an engineer responds after the submission", nil, contract.Responded, at(9, 20), nil},
		{"a confirmation may come without a response step", nil, contract.Confirmed, at(10, 0), nil},
		{"a confirmation at the submission instant is not before it", nil, contract.Confirmed, at(9, 0), nil},
		{"verification may reject the request straight away", nil, contract.Rejected, at(10, 0), nil},
		{"verification rejects after the response", []step{resp}, contract.Rejected, at(10, 0), nil},
		{"the confirmation follows the response", []step{resp}, contract.Confirmed, at(10, 0), nil},
		{"the replacement ships after the confirmation", []step{resp, conf}, contract.Shipped, at(11, 0), nil},
		{"the replacement is delivered after the confirmation", []step{resp, conf}, contract.Delivered, at(12, 0), nil},
		{"the replacement is delivered after it shipped", []step{resp, conf, ship}, contract.Delivered, at(12, 0), nil},
		{"the engineer is on site after the confirmation", []step{resp, conf}, contract.OnSite, at(13, 0), nil},
		{"the engineer is on site after the delivery", []step{resp, conf, deliv}, contract.OnSite, at(13, 0), nil},
		{"the damaged part is returned after the delivery", []step{resp, conf, deliv}, contract.Returned, at(14, 0), nil},
		{"the damaged part is returned after the engineer's visit", []step{resp, conf, onsite}, contract.Returned, at(14, 0), nil},
		{"the request closes after the return", []step{resp, conf, deliv, ret}, contract.Closed, at(15, 0), nil},
		{"a confirmed request fixed without a replacement closes", []step{resp, conf}, contract.Closed, at(15, 0), nil},
		{"a step at the previous step's instant is not before it", []step{resp, conf}, contract.Delivered, at(10, 0), nil},
		{"a step repeated at the same instant changes nothing and is no error", []step{resp, conf}, contract.Confirmed, at(10, 0), nil},
		{"the submission repeated at its instant is no error", []step{resp}, contract.Submitted, at(9, 0), nil},
		{"a step given in another offset is the same instant", []step{resp}, contract.Confirmed, time.Date(2026, time.March, 10, 9, 0, 0, 0, time.UTC), nil},

		// Out of order.
		{"nothing ships before the confirmation", []step{resp}, contract.Shipped, at(11, 0), contract.ErrStepOrder},
		{"nothing is delivered before the confirmation", nil, contract.Delivered, at(12, 0), contract.ErrStepOrder},
		{"no engineer goes on site before the confirmation", []step{resp}, contract.OnSite, at(13, 0), contract.ErrStepOrder},
		{"the response comes before the confirmation", []step{conf}, contract.Responded, at(10, 30), contract.ErrStepOrder},
		{"a response after the delivery is out of order", []step{conf, deliv}, contract.Responded, at(12, 30), contract.ErrStepOrder},
		{"a rejection after the confirmation is out of order", []step{resp, conf}, contract.Rejected, at(11, 0), contract.ErrStepOrder},
		{"a rejection after the delivery is out of order", []step{conf, deliv}, contract.Rejected, at(12, 30), contract.ErrStepOrder},
		{"the replacement cannot ship after it was delivered", []step{conf, deliv}, contract.Shipped, at(12, 30), contract.ErrStepOrder},
		{"the replacement cannot ship after the engineer brought it on site", []step{conf, onsite}, contract.Shipped, at(14, 30), contract.ErrStepOrder},
		{"nothing is returned before a replacement arrived", []step{resp, conf}, contract.Returned, at(14, 0), contract.ErrStepOrder},
		{"a shipment is not a delivery: nothing to return yet", []step{resp, conf, ship}, contract.Returned, at(14, 0), contract.ErrStepOrder},
		{"nothing is delivered after the return", []step{conf, onsite, ret}, contract.Delivered, at(14, 30), contract.ErrStepOrder},
		{"closing without a confirmation is accepted: verification solved a configuration problem (SPEC section 5)", []step{resp}, contract.Closed, at(15, 0), nil},
		{"a request is not closed before the damaged part is returned", []step{conf, deliv}, contract.Closed, at(15, 0), contract.ErrStepOrder},
		{"nothing comes after the closure", []step{conf, deliv, ret, closed}, contract.OnSite, at(16, 0), contract.ErrStepOrder},
		{"a step already taken, repeated at another time after the closure, is a conflict", []step{conf, deliv, ret, closed}, contract.Returned, at(16, 0), contract.ErrStepConflict},
		{"a closed request does not reopen with a confirmation", []step{conf, closed}, contract.Delivered, at(16, 0), contract.ErrStepOrder},
		{"nothing comes after the rejection", []step{rejected}, contract.Confirmed, at(11, 0), contract.ErrStepOrder},
		{"a rejected request is not closed", []step{resp, rejected}, contract.Closed, at(11, 0), contract.ErrStepOrder},
		{"the zero Step is not a step", nil, contract.Step(0), at(10, 0), contract.ErrStepOrder},
		{"a Step past the last is not a step", nil, contract.Step(42), at(10, 0), contract.ErrStepOrder},

		// Times.
		{"a confirmation before the submission is refused (SPEC section 5)", nil, contract.Confirmed, at(8, 59), contract.ErrStepTime},
		{"a confirmation one nanosecond before the submission is refused", nil, contract.Confirmed, at(9, 0).Add(-1), contract.ErrStepTime},
		{"a delivery before the confirmation is refused", []step{conf}, contract.Delivered, at(9, 59), contract.ErrStepTime},
		{"a step before the previous step, not only the confirmation, is refused", []step{conf, deliv}, contract.OnSite, at(11, 0), contract.ErrStepTime},
		{"a closure before the return is refused", []step{conf, deliv, ret}, contract.Closed, at(13, 59), contract.ErrStepTime},
		{"a step needs a time", []step{resp}, contract.Confirmed, time.Time{}, contract.ErrStepTime},

		// Repeated steps.
		{"a step repeated at another time is refused", []step{resp, conf}, contract.Confirmed, at(10, 1), contract.ErrStepConflict},
		{"a response repeated later, after the confirmation, is refused", []step{resp, conf}, contract.Responded, at(10, 30), contract.ErrStepConflict},
		{"the submission repeated at another time is refused", nil, contract.Submitted, at(9, 30), contract.ErrStepConflict},
		{"a delivery repeated one nanosecond later is refused", []step{conf, deliv}, contract.Delivered, at(12, 0).Add(1), contract.ErrStepConflict},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			q := open(t, r, nStdOnsite, 0, sub.At)
			for _, s := range tc.before {
				require.NoError(t, q.Record(s.Step, s.At), "%s", s.Step)
			}
			before := contract.StateOf(q)
			err := q.Record(tc.step, tc.at)
			if tc.want == nil {
				require.NoError(t, err)
				got, ok := q.Time(tc.step)
				require.True(t, ok)
				assert.True(t, tc.at.Equal(got), "recorded at %s, want %s", inWarsaw(got), inWarsaw(tc.at))
				assert.Equal(t, "Europe/Warsaw", got.Location().String())
				return
			}
			require.Error(t, err)
			assert.ErrorIs(t, err, tc.want)
			var se *contract.StepError
			require.ErrorAs(t, err, &se)
			assert.Equal(t, tc.step, se.Step)
			assert.Equal(t, tc.want, se.Err)
			assert.Equal(t, before, contract.StateOf(q), "a refused step changes nothing")
		})
	}
}

// TestRecordRepeatChangesNothing proves that a step repeated at its own
// instant leaves the whole request as it was.
func TestRecordRepeatChangesNothing(t *testing.T) {
	r := registry(t)
	q := open(t, r, nStandard, 0, wall(2026, time.March, 10, 9, 0))
	require.NoError(t, q.Record(contract.Confirmed, wall(2026, time.March, 10, 10, 0)))
	require.NoError(t, q.Record(contract.Delivered, wall(2026, time.March, 10, 12, 0)))
	before := contract.StateOf(q)
	require.NoError(t, q.Record(contract.Confirmed, time.Date(2026, time.March, 10, 9, 0, 0, 0, time.UTC)))
	assert.Equal(t, before, contract.StateOf(q))
	assert.Equal(t, contract.Delivered, q.Step(), "the last step is still the delivery")
}

// TestStepText proves the steps' names and their parsing.
func TestStepText(t *testing.T) {
	names := map[contract.Step]string{contract.Submitted: "submitted", contract.Responded: "responded",
		contract.Confirmed: "confirmed", contract.Shipped: "shipped", contract.Delivered: "delivered",
		contract.OnSite: "onsite", contract.Returned: "returned", contract.Closed: "closed", contract.Rejected: "rejected"}
	for s, name := range names {
		assert.Equal(t, name, s.String())
		got, err := contract.ParseStep(name)
		require.NoError(t, err, name)
		assert.Equal(t, s, got, "ParseStep(String()) round-trips")
	}
	for _, in := range []string{"On-Site", " on site ", "ONSITE", "on_site"} {
		got, err := contract.ParseStep(in)
		require.NoError(t, err, in)
		assert.Equal(t, contract.OnSite, got, in)
	}
	assert.Equal(t, "%!Step(0)", contract.Step(0).String(), "an invalid Step prints, never panics")
	assert.Equal(t, "%!Step(200)", contract.Step(200).String())
	_, err := contract.ParseStep("escalated")
	assert.ErrorIs(t, err, contract.ErrInvalidField)
	var fe *contract.FieldError
	require.True(t, errors.As(err, &fe))
	assert.Equal(t, "escalated", fe.Value)
}

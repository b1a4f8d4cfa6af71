package contract_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/slaclock/slaclock/contract"
	"github.com/slaclock/slaclock/sla"
)

// TestHoldSpecExample is SPEC section 8's example on cocare-standard
// (9x5xNBD): confirmed Mon 16 Nov 2026 10:00, due Tue 17 Nov 18:00; on hold
// Mon 14:00 to Tue 11:00: 4 h of Monday and 9 h of Tuesday, 13 h, were left;
// from Tue 11:00 that is 7 h on Tuesday and 6 h on Wednesday: due Wed 18 Nov
// 15:00.
func TestHoldSpecExample(t *testing.T) {
	r := registry(t)
	q := open(t, r, nStandard, 0, wall(2026, time.November, 16, 9, 0))
	require.NoError(t, q.Record(contract.Confirmed, wall(2026, time.November, 16, 10, 0)))
	require.NoError(t, q.Record(contract.OnHold, wall(2026, time.November, 16, 14, 0)))

	st, err := q.Status(wall(2026, time.November, 17, 9, 0))
	require.NoError(t, err)
	assert.True(t, wall(2026, time.November, 16, 14, 0).Equal(st.HeldSince))
	require.Len(t, st.Deadlines, 2)
	assert.Equal(t, sla.Paused, st.Deadlines[1].Status)
	assert.Equal(t, 13*time.Hour, st.Deadlines[1].Progress.Left, "the window time left when the clock stopped")

	require.NoError(t, q.Record(contract.Resumed, wall(2026, time.November, 17, 11, 0)))
	d, ok := q.Deadlines()[0].Deadlines.Get(sla.Delivery)
	require.True(t, ok)
	assert.Equal(t, "Wed 2026-11-18 15:00:00 CET", inWarsaw(d.Due))

	// Stored and restored, the request has the same deadlines.
	b, err := json.Marshal(q.History())
	require.NoError(t, err)
	var h contract.History
	require.NoError(t, json.Unmarshal(b, &h))
	back, err := r.Restore(h)
	require.NoError(t, err)
	assert.Equal(t, deadlinesOf(t, q), deadlinesOf(t, back))
	b2, err := json.Marshal(back.History())
	require.NoError(t, err)
	assert.JSONEq(t, string(b), string(b2))
}

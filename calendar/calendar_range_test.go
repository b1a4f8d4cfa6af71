package calendar

import (
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

// The range is 1990-01-01 00:00 to 2200-12-31 24:00 in Warsaw, both ends
// included (Warsaw is UTC+1 on both days).
func TestCheckInstant(t *testing.T) {
	c := Poland()
	first := time.Date(1989, 12, 31, 23, 0, 0, 0, time.UTC)
	end := time.Date(2200, 12, 31, 23, 0, 0, 0, time.UTC)
	for _, x := range []struct {
		t  time.Time
		ok bool
	}{
		{first, true}, {first.Add(-time.Nanosecond), false}, {first.Add(-time.Second), false},
		{end, true}, {end.Add(time.Nanosecond), false}, {end.Add(time.Second), false},
		{time.Date(2026, 11, 16, 10, 0, 0, 0, time.UTC), true},
		{time.Date(2250, 1, 1, 0, 0, 0, 0, time.UTC), false}, {time.Date(9999, 1, 1, 0, 0, 0, 0, time.UTC), false},
		{time.Time{}, false},
	} {
		err := c.CheckInstant(x.t)
		if x.ok {
			assert.NoError(t, err, "%s", x.t)
			continue
		}
		assert.True(t, errors.Is(err, ErrOutOfRange), "%s: %v", x.t, err)
		if err != nil {
			assert.Contains(t, err.Error(), x.t.Format(time.RFC3339Nano))
		}
	}
	var zero *Calendar
	assert.Error(t, zero.CheckInstant(first))
}

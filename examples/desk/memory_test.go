package main

import (
	"bytes"
	"runtime"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/slaclock/slaclock/contract"
	"github.com/slaclock/slaclock/examples/internal/desklog"
)

// The desk's memory grows with its devices and open requests, not with the
// length of the log: four times the requests over the same devices leave it
// holding far less than four times as much (what it holds a device, its maps'
// buckets and the last request's stamps, varies a little with the log; a desk
// that kept the history would hold four times as much).
func TestDeskMemoryDoesNotGrowWithTheLog(t *testing.T) {
	const devices = 500
	var cs bytes.Buffer
	require.NoError(t, desklog.Contracts(&cs, devices))
	reg, err := contract.Load(&cs, nil)
	require.NoError(t, err)
	held := func(requests int) uint64 {
		var ev bytes.Buffer
		require.NoError(t, desklog.Events(&ev, requests, devices, 7))
		ended := 0
		d := NewDesk(reg, func(*contract.Request, contract.Status) { ended++ })
		rejected := 0
		require.NoError(t, readEvents(&ev, func(e csvEvent) {
			if d.Apply(e.Event, e.Line) != nil {
				rejected++
			}
		}, func(rejection) { rejected++ }))
		require.Zero(t, rejected)
		require.Equal(t, requests, d.Opened())
		ev = bytes.Buffer{}
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&after)
		runtime.KeepAlive(d)
		d = nil
		runtime.GC()
		runtime.ReadMemStats(&before)
		return after.HeapAlloc - min(before.HeapAlloc, after.HeapAlloc)
	}
	short, long := held(10000), held(40000)
	t.Logf("the desk holds %d KB after 10,000 requests, %d KB after 40,000", short>>10, long>>10)
	assert.Less(t, float64(long), 2*float64(short), "four times the log, over the same devices")
}

package main

import (
	"bytes"
	"testing"

	"github.com/emersion/go-ical"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRun(t *testing.T) {
	var out, errOut bytes.Buffer
	require.Equal(t, 0, run(nil, &out, &errOut), errOut.String())
	cal, err := ical.NewDecoder(&out).Decode()
	require.NoError(t, err)
	require.Len(t, cal.Events(), 4, "response and delivery of two requests")
	for _, ev := range cal.Events() {
		stamp := ev.Props.Get(ical.PropDateTimeStamp)
		require.NotNil(t, stamp)
		assert.Equal(t, "20261116T090000Z", stamp.Value, "the -stamp default")
	}
}

func TestRunUsage(t *testing.T) {
	for _, args := range [][]string{{"-bogus"}, {"-stamp", "yesterday"}, {"extra"}} {
		var out, errOut bytes.Buffer
		assert.Equal(t, 2, run(args, &out, &errOut), args)
		assert.Zero(t, out.Len(), args)
	}
}

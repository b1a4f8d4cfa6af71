package sla_test

import (
	"encoding/json"
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/slaclock/slaclock/calendar"
	"github.com/slaclock/slaclock/sla"
)

func TestOverridesJSON(t *testing.T) {
	in := `{"cutoff": "14:00", "cutoff_applies_to_ship": false, "cutoff_applies_to_24x7": true, "window_8x5": "08:00-16:00 Mon-Fri",
		"response": "30m", "return_days": 10, "escalation_share": "80%", "retroactive_priority_changes": true}`
	var o sla.Overrides
	require.NoError(t, json.Unmarshal([]byte(in), &o))
	set := o.Apply(sla.DefaultSettings())
	assert.Equal(t, calendar.Clock(14, 0, 0), set.Cutoff)
	assert.False(t, set.CutoffAppliesToShip)
	assert.True(t, set.CutoffAppliesTo24x7)
	assert.True(t, set.RetroactivePriorityChanges)
	assert.Equal(t, 30*time.Minute, set.Response)
	assert.Equal(t, 10, set.ReturnDays)
	assert.Equal(t, sla.Percent(80), set.EscalationShare)
	assert.Equal(t, "Mon-Fri 08:00-16:00", set.Window8x5.String(), "the old text form parses to the canonical one")
	assert.Equal(t, calendar.Window9x5(), set.Window9x5, "what is not set keeps the default")
	require.NoError(t, set.Validate())

	out, err := json.Marshal(o)
	require.NoError(t, err)
	var back sla.Overrides
	require.NoError(t, json.Unmarshal(out, &back))
	again, err := json.Marshal(back)
	require.NoError(t, err)
	assert.Equal(t, string(out), string(again), "marshal, unmarshal, marshal is stable")
	assert.Equal(t, o.Apply(sla.DefaultSettings()), back.Apply(sla.DefaultSettings()))

	share := `{"escalation_share": 0.9}`
	require.NoError(t, json.Unmarshal([]byte(share), &o))
	assert.Equal(t, sla.Percent(90), *o.EscalationShare, "a share may be a JSON number")
}

// Every bad setting is reported, each with its own key and value; the value is
// left unchanged.
func TestOverridesJSONErrors(t *testing.T) {
	in := `{"cutoff": "25:00", "response": "-1h", "return_days": 0, "escalation_share": "120%", "window_9x5": "always",
		"cutoff_applies_to_ship": "yes", "colour": "red"}`
	o := sla.Overrides{ReturnDays: new(int)}
	*o.ReturnDays = 5
	err := json.Unmarshal([]byte(in), &o)
	require.Error(t, err)
	assert.True(t, errors.Is(err, sla.ErrInvalidSettings))
	assert.Equal(t, []string{"colour", "cutoff", "cutoff_applies_to_ship", "escalation_share", "response", "return_days", "window_9x5"}, fields(err))
	assert.Equal(t, 5, *o.ReturnDays, "unchanged on error")

	bad := sla.Overrides{ReturnDays: new(int), Response: new(time.Duration)}
	assert.Equal(t, []string{"response", "return_days"}, fields(bad.Validate()), "each field checked on its own")
	_, err = json.Marshal(bad)
	assert.Error(t, err, "an invalid Overrides is not written")
	assert.Error(t, json.Unmarshal([]byte(`null`), &o))
	assert.Error(t, json.Unmarshal([]byte(`[1]`), &o))
}

// The JSON form writes the fields that are set, in the order of the doc, with
// their text forms: a share as a percentage, a duration as Go writes it, a
// window in its canonical form.
func TestOverridesMarshalJSON(t *testing.T) {
	cutoff, ship, h24, retro := calendar.Clock(14, 0, 0), false, true, true
	w8 := calendar.MustParseWindow("Mon-Fri 08:00-16:00")
	resp, days, share := 30*time.Minute, 10, sla.Percent(80)
	all := sla.Overrides{Cutoff: &cutoff, CutoffAppliesToShip: &ship, CutoffAppliesTo24x7: &h24, Window8x5: &w8,
		Response: &resp, ReturnDays: &days, EscalationShare: &share, RetroactivePriorityChanges: &retro}
	for _, c := range []struct {
		name string
		o    sla.Overrides
		want string
	}{
		{"nothing set is an empty object", sla.Overrides{}, `{}`},
		{"one setting", sla.Overrides{ReturnDays: &days}, `{"return_days":10}`},
		{"a false flag is written, it is set", sla.Overrides{CutoffAppliesToShip: &ship}, `{"cutoff_applies_to_ship":false}`},
		{"every kind of setting", all, `{"cutoff":"14:00","cutoff_applies_to_ship":false,"cutoff_applies_to_24x7":true,` +
			`"window_8x5":"Mon-Fri 08:00-16:00","response":"30m0s","return_days":10,"escalation_share":"80%",` +
			`"retroactive_priority_changes":true}`},
	} {
		b, err := json.Marshal(c.o)
		require.NoError(t, err, c.name)
		assert.Equal(t, c.want, string(b), c.name)
	}
}

package sla_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/slaclock/slaclock/sla"
)

func TestKindAndCoverageText(t *testing.T) {
	for _, k := range []sla.Kind{sla.Response, sla.ShipBy, sla.Delivery, sla.OnSite, sla.Return} {
		b, err := k.MarshalText()
		require.NoError(t, err)
		assert.Equal(t, k.String(), string(b))
		var back sla.Kind
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, k, back)
		byField, err := sla.ParseKind(k.Field())
		require.NoError(t, err)
		assert.Equal(t, k, byField, "the field name parses too")
	}
	k := sla.Delivery
	assert.Error(t, k.UnmarshalText([]byte("dispatch")))
	assert.Equal(t, sla.Delivery, k, "unchanged on error")
	_, err := sla.Kind(0).MarshalText()
	assert.Error(t, err)

	for _, c := range []sla.Coverage{sla.Coverage8x5, sla.Coverage9x5, sla.Coverage24x7} {
		b, err := c.MarshalText()
		require.NoError(t, err)
		var back sla.Coverage
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, c, back)
	}
	c, err := sla.ParseCoverage(" 24/7 ")
	require.NoError(t, err)
	assert.Equal(t, sla.Coverage24x7, c)
	_, err = sla.ParseCoverage("10x5")
	assert.ErrorIs(t, err, sla.ErrInvalidLevel)
	_, err = sla.Coverage(9).MarshalText()
	assert.Error(t, err)
}

func TestShareText(t *testing.T) {
	for _, c := range []struct {
		in   string
		want sla.Share
		text string
	}{
		{"75%", 750_000, "75%"}, {"0.75", 750_000, "75%"}, {"12.5 %", 125_000, "12.5%"}, {"100%", sla.Whole, "100%"},
		{"1", sla.Whole, "100%"}, {"0.0001%", 1, "0.0001%"}, {"0.000001", 1, "0.0001%"},
	} {
		p, err := sla.ParseShare(c.in)
		require.NoError(t, err, c.in)
		assert.Equal(t, c.want, p, c.in)
		assert.Equal(t, c.text, p.String())
		back, err := sla.ParseShare(p.String())
		require.NoError(t, err)
		assert.Equal(t, p, back, "round trip of %s", c.in)
	}
	for _, bad := range []string{"", "0%", "0", "101%", "1.5", "75", "-5%", "7,5%", "0.00001%", "abc", "1e-3"} {
		_, err := sla.ParseShare(bad)
		assert.ErrorIs(t, err, sla.ErrInvalidSettings, "%q", bad)
	}
	// Of rounds up to the nanosecond, in exact integer arithmetic.
	assert.Equal(t, 10800000000000*1, int(sla.Percent(75).Of(4*3600e9)), "75 % of 4 h is 3 h")
	assert.Equal(t, 1, int(sla.Share(1).Of(1)), "any share of 1 ns rounds up to 1 ns")
	assert.Equal(t, 333334, int(sla.Percent(33.3333).Of(1_000_001)), "333333 ppm of 1000001 ns is 333333.33 ns, rounded up")
}

// json.Marshal of Deadlines keeps every deadline, and they come back the same.
func TestDeadlinesJSONRoundTrip(t *testing.T) {
	for _, r := range []sla.Request{
		{Service: service(t, "cocare-standard-onsite"), Submitted: mon(9, 30), Confirmed: mon(10, 0), Delivered: tue(12, 0),
			Holds: []sla.Hold{hold(mon(14, 0), tue(11, 0))}},
		{Service: service(t, "cocare-premier"), Priority: sla.P1, Submitted: mon(9, 30), Confirmed: mon(10, 0),
			Holds: []sla.Hold{{From: mon(11, 0)}}},
	} {
		for _, explain := range []bool{false, true} {
			ds, err := sla.Default().Deadlines(r)
			if explain {
				ds, err = sla.Default().Explain(r)
			}
			require.NoError(t, err)
			b, err := json.Marshal(ds)
			require.NoError(t, err)
			var back sla.Deadlines
			require.NoError(t, json.Unmarshal(b, &back))
			require.Equal(t, ds.Len(), back.Len(), "%s", b)
			assert.Equal(t, ds.Service, back.Service)
			assert.Equal(t, ds.Level, back.Level)
			for i, d := range ds.All() {
				g := back.All()[i]
				assert.Equal(t, d.Kind, g.Kind)
				assert.Equal(t, d.Level, g.Level)
				assert.True(t, d.Due.Equal(g.Due), "%s due", d.Kind)
				assert.True(t, d.Start.Equal(g.Start))
				assert.Equal(t, d.Paused, g.Paused)
				assert.True(t, d.PausedSince.Equal(g.PausedSince))
				assert.Equal(t, d.Left, g.Left)
				assert.Equal(t, len(d.Holds), len(g.Holds))
				assert.Equal(t, len(d.Steps), len(g.Steps))
			}
			again, err := json.Marshal(back)
			require.NoError(t, err)
			assert.JSONEq(t, string(b), string(again), "marshal, unmarshal, marshal gives the same JSON")
			assert.Contains(t, string(b), `"kind":"response"`, "kinds by name")
			assert.Contains(t, string(b), `"coverage":"`, "coverage by name")
		}
	}
}

// A request has at most four deadlines (response, two targets, return): a JSON
// form with five is refused, naming the field, and leaves the value as it was.
func TestDeadlinesJSONTooMany(t *testing.T) {
	ds, err := sla.Default().Deadlines(sla.Request{Service: service(t, "cocare-standard-onsite"), Submitted: mon(9, 30), Confirmed: mon(10, 0), Delivered: tue(12, 0)})
	require.NoError(t, err)
	require.Equal(t, 4, ds.Len(), "response, delivery, on-site, return")
	var j map[string]any
	b, err := json.Marshal(ds)
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(b, &j))
	list := j["deadlines"].([]any)
	j["deadlines"] = append(list, list[0])
	five, err := json.Marshal(j)
	require.NoError(t, err)
	back := ds
	err = json.Unmarshal(five, &back)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "deadlines")
	assert.Contains(t, err.Error(), "5")
	assert.Equal(t, 4, back.Len(), "unchanged on error")
}

// A rule's text form, in JSON too, is its name.
func TestRuleText(t *testing.T) {
	names := map[sla.Rule]string{sla.RuleStart: "start", sla.RuleCount: "count", sla.RuleClocks: "clocks",
		sla.RuleHold: "hold", sla.RulePriority: "priority", sla.RuleDue: "due"}
	for r, name := range names {
		assert.Equal(t, name, r.String())
		b, err := r.MarshalText()
		require.NoError(t, err)
		assert.Equal(t, name, string(b))
		var back sla.Rule
		require.NoError(t, back.UnmarshalText([]byte(name)))
		assert.Equal(t, r, back)
		p, err := sla.ParseRule(" " + strings.ToUpper(name) + " ")
		require.NoError(t, err)
		assert.Equal(t, r, p, "case and surrounding spaces are ignored")
	}

	r := sla.RuleHold
	err := r.UnmarshalText([]byte("pause"))
	assert.ErrorContains(t, err, `"pause"`)
	assert.ErrorIs(t, err, sla.ErrInvalidRequest)
	assert.Equal(t, sla.RuleHold, r, "unchanged on error")
	assert.Equal(t, "Rule(0)", sla.Rule(0).String())
	_, err = sla.Rule(7).MarshalText()
	assert.ErrorContains(t, err, "rule")
	assert.ErrorContains(t, err, "Rule(7)")

	b, err := json.Marshal(sla.Step{Rule: sla.RuleDue, Text: "due"})
	require.NoError(t, err)
	assert.JSONEq(t, `{"rule":"due","at":"0001-01-01T00:00:00Z","text":"due"}`, string(b))
	var st sla.Step
	require.NoError(t, json.Unmarshal([]byte(`{"rule":"clocks","at":"2026-03-29T03:00:00+02:00","text":"x"}`), &st))
	assert.Equal(t, sla.RuleClocks, st.Rule)
	assert.Error(t, json.Unmarshal([]byte(`{"rule":1}`), &st), "a number is not a rule's name")
}

package sla_test

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/slaclock/slaclock/sla"
)

// SPEC section 4: <window>x<target>[-S]; NBD = 1BD; H or HH with an optional H;
// -S or -Ship; case and spaces ignored; String gives the canonical form.
func TestParseLevel(t *testing.T) {
	cases := []struct {
		name  string
		in    string
		cov   sla.Coverage
		n     int
		unit  sla.Unit
		ship  bool
		canon string
	}{
		{"NBD is one business day", "9x5xNBD", sla.Coverage9x5, 1, sla.BusinessDays, false, "9x5xNBD"},
		{"-S makes the target a ship-by time", "9x5xNBD-S", sla.Coverage9x5, 1, sla.BusinessDays, true, "9x5xNBD-S"},
		{"a bare number is hours of the window", "24x7x4", sla.Coverage24x7, 4, sla.Hours, false, "24x7x4"},
		{"8x5 with an hour target", "8x5x8", sla.Coverage8x5, 8, sla.Hours, false, "8x5x8"},
		{"kBD with ship-by", "9x5x10BD-S", sla.Coverage9x5, 10, sla.BusinessDays, true, "9x5x10BD-S"},
		{"spaces are ignored (the description's spelling)", "9 x 5 x NBD", sla.Coverage9x5, 1, sla.BusinessDays, false, "9x5xNBD"},
		{"24/7 is 24x7 (the description's spelling)", "24/7 x 4", sla.Coverage24x7, 4, sla.Hours, false, "24x7x4"},
		{"an H suffix on hours is accepted", "24x7x4H", sla.Coverage24x7, 4, sla.Hours, false, "24x7x4"},
		{"-Ship in lower case is -S", "9x5xnbd-ship", sla.Coverage9x5, 1, sla.BusinessDays, true, "9x5xNBD-S"},
		{"upper case x and nbd", "8X5XNBD", sla.Coverage8x5, 1, sla.BusinessDays, false, "8x5xNBD"},
		{"1BD is NBD and prints as NBD", "9x5x1BD", sla.Coverage9x5, 1, sla.BusinessDays, false, "9x5xNBD"},
		{"two-digit hours", "8x5x24", sla.Coverage8x5, 24, sla.Hours, false, "8x5x24"},
		{"a lower-case h suffix and -s", "9x5x12h-s", sla.Coverage9x5, 12, sla.Hours, true, "9x5x12-S"},
		{"the largest target", "9x5x999BD", sla.Coverage9x5, 999, sla.BusinessDays, false, "9x5x999BD"},
		{"24x7 with NBD", "24x7xNBD", sla.Coverage24x7, 1, sla.BusinessDays, false, "24x7xNBD"},
		{"tabs are ignored like spaces", "24x7\txNBD", sla.Coverage24x7, 1, sla.BusinessDays, false, "24x7xNBD"},
		{"mixed case -Ship", "9x5x2BD-SHIP", sla.Coverage9x5, 2, sla.BusinessDays, true, "9x5x2BD-S"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			l, err := sla.ParseLevel(c.in)
			require.NoError(t, err)
			assert.Equal(t, c.cov, l.Coverage())
			assert.Equal(t, c.n, l.N())
			assert.Equal(t, c.unit, l.Unit())
			assert.Equal(t, c.ship, l.Ship())
			assert.False(t, l.IsZero())
			assert.Equal(t, c.canon, l.String())
			back, err := sla.ParseLevel(l.String())
			require.NoError(t, err)
			assert.Equal(t, l, back, "parse(String()) round-trips")
			want, err := sla.NewLevel(c.cov, c.n, c.unit, c.ship)
			require.NoError(t, err)
			assert.Equal(t, want, l, "the same level built with NewLevel")
		})
	}
}

// Spellings of one level are the same comparable value.
func TestParseLevelSpellingsAreEqual(t *testing.T) {
	for _, group := range [][]string{
		{"9x5xNBD", "9x5x1BD", "9 X 5 X nbd", "9x5x001bd"},
		{"24x7x4", "24/7x4", "24x7x4H", "24 / 7 x 4 h", "24x7x04"},
		{"9x5xNBD-S", "9x5xNBD-Ship", "9x5xnbd-s", "9x5x1BD-SHIP"},
	} {
		first := sla.MustParseLevel(group[0])
		for _, s := range group[1:] {
			l, err := sla.ParseLevel(s)
			require.NoError(t, err, s)
			assert.Equal(t, first, l, "%q and %q are one level", group[0], s)
		}
	}
}

// SPEC section 4: anything else is an error that quotes the input.
func TestParseLevelErrors(t *testing.T) {
	cases := []struct{ name, in string }{
		{"7x5 is not a window", "7x5xNBD"},
		{"a target of zero", "9x5x0"},
		{"a window without a target", "24x7x"},
		{"empty", ""},
		{"only a window", "9x5"},
		{"an unknown suffix", "9x5xNBD-X"},
		{"four digits is beyond 999", "9x5x1000"},
		{"hours of three digits", "24x7x100"},
		{"hours of three digits with H", "8x5x100H"},
		{"hours of three digits with a leading zero", "24x7x004"},
		{"a negative target", "9x5x-4"},
		{"zero business days", "9x5x0BD"},
		{"a suffix without a target", "9x5x-S"},
		{"H after BD", "9x5x4BDH"},
		{"two suffixes", "9x5xNBD-S-S"},
		{"a unit alone", "8x5xBD"},
		{"24/7 is only a 24-hour window", "8/5xNBD"},
		{"a window of spaces only", "   "},
		{"longer than any level", "9x5x1111111111111111111111111111111111111111"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			l, err := sla.ParseLevel(c.in)
			require.Error(t, err)
			assert.True(t, errors.Is(err, sla.ErrInvalidLevel))
			var pe *sla.ParseError
			require.True(t, errors.As(err, &pe))
			assert.Equal(t, c.in, pe.Input, "the error quotes the input")
			assert.Equal(t, "level", pe.Kind)
			assert.True(t, l.IsZero(), "no level on error")
		})
	}
}

func TestMustParseLevelPanicsOnError(t *testing.T) {
	assert.Panics(t, func() { sla.MustParseLevel("7x5xNBD") })
	assert.NotPanics(t, func() { sla.MustParseLevel("9x5xNBD") })
}

func TestLevelZeroValue(t *testing.T) {
	var l sla.Level
	assert.True(t, l.IsZero(), "the zero Level is not a level")
	assert.Equal(t, "%!Level(zero)", l.String(), "it prints instead of panicking")
	_, err := l.MarshalText()
	assert.True(t, errors.Is(err, sla.ErrInvalidLevel), "it does not marshal")
}

func TestCoverageString(t *testing.T) {
	assert.Equal(t, "8x5", sla.Coverage8x5.String())
	assert.Equal(t, "9x5", sla.Coverage9x5.String())
	assert.Equal(t, "24x7", sla.Coverage24x7.String())
	assert.Equal(t, "%!Coverage(0)", sla.Coverage(0).String(), "the zero Coverage prints")
	assert.Equal(t, "%!Coverage(9)", sla.Coverage(9).String(), "an out-of-range Coverage prints")
}

func TestNewLevelErrors(t *testing.T) {
	cases := []struct {
		name  string
		cov   sla.Coverage
		n     int
		unit  sla.Unit
		field string
	}{
		{"the zero coverage", 0, 1, sla.BusinessDays, "coverage"},
		{"a coverage past 24x7", sla.Coverage24x7 + 1, 1, sla.Hours, "coverage"},
		{"the zero unit", sla.Coverage9x5, 1, 0, "unit"},
		{"a unit past BusinessDays", sla.Coverage9x5, 1, sla.BusinessDays + 1, "unit"},
		{"a target of zero", sla.Coverage9x5, 0, sla.Hours, "target"},
		{"a negative target", sla.Coverage8x5, -1, sla.BusinessDays, "target"},
		{"a target past 999", sla.Coverage24x7, 1000, sla.BusinessDays, "target"},
		{"hours past 99", sla.Coverage24x7, 100, sla.Hours, "target"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			l, err := sla.NewLevel(c.cov, c.n, c.unit, false)
			assert.True(t, errors.Is(err, sla.ErrInvalidLevel))
			var ve *sla.ValueError
			require.True(t, errors.As(err, &ve))
			assert.Equal(t, c.field, ve.Field)
			assert.True(t, l.IsZero())
		})
	}
	l, err := sla.NewLevel(sla.Coverage24x7, 999, sla.BusinessDays, true)
	require.NoError(t, err, "999 is the largest target")
	assert.Equal(t, "24x7x999BD-S", l.String())
	l, err = sla.NewLevel(sla.Coverage24x7, 99, sla.Hours, true)
	require.NoError(t, err, "99 is the largest number of hours")
	assert.Equal(t, "24x7x99-S", l.String())
}

func TestLevelText(t *testing.T) {
	l := sla.MustParseLevel("9 x 5 x 10 BD - Ship")
	b, err := l.MarshalText()
	require.NoError(t, err)
	assert.Equal(t, "9x5x10BD-S", string(b), "marshals the canonical form")

	var back sla.Level
	require.NoError(t, back.UnmarshalText(b))
	assert.Equal(t, l, back)

	err = back.UnmarshalText([]byte("9x5x0"))
	assert.True(t, errors.Is(err, sla.ErrInvalidLevel))
	var pe *sla.ParseError
	require.True(t, errors.As(err, &pe))
	assert.Equal(t, "9x5x0", pe.Input)
	assert.Equal(t, l, back, "UnmarshalText leaves the level unchanged on error")

	// Through encoding/json, which uses the text methods.
	var v struct{ Level sla.Level }
	require.NoError(t, json.Unmarshal([]byte(`{"Level":"24/7 x 4H"}`), &v))
	assert.Equal(t, sla.MustParseLevel("24x7x4"), v.Level)
	out, err := json.Marshal(v)
	require.NoError(t, err)
	assert.Equal(t, `{"Level":"24x7x4"}`, string(out))
	assert.Error(t, json.Unmarshal([]byte(`{"Level":"7x5xNBD"}`), &v))
	assert.Equal(t, sla.MustParseLevel("24x7x4"), v.Level, "a bad level in JSON leaves the field unchanged")
}

// The service description's priority levels.
func TestParsePriority(t *testing.T) {
	cases := []struct {
		name string
		in   string
		want sla.Priority
	}{
		{"P1", "P1", sla.P1},
		{"lower case p", "p2", sla.P2},
		{"surrounding spaces are ignored", " P3 ", sla.P3},
		{"a surrounding tab is ignored", "\tP4", sla.P4},
		{"none is the zero priority", "none", 0},
		{"empty is the zero priority", "", 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p, err := sla.ParsePriority(c.in)
			require.NoError(t, err)
			assert.Equal(t, c.want, p)
		})
	}
}

func TestParsePriorityErrors(t *testing.T) {
	for _, in := range []string{"P0", "P5", "1", "PP1", "P1x", "P 1", "priority 1", "P-1"} {
		t.Run(in, func(t *testing.T) {
			p, err := sla.ParsePriority(in)
			assert.True(t, errors.Is(err, sla.ErrInvalidPriority))
			var pe *sla.ParseError
			require.True(t, errors.As(err, &pe))
			assert.Equal(t, in, pe.Input, "the error quotes the input")
			assert.Equal(t, "priority", pe.Kind)
			assert.Equal(t, sla.Priority(0), p)
		})
	}
}

func TestPriorityString(t *testing.T) {
	assert.Equal(t, "P1", sla.P1.String())
	assert.Equal(t, "P2", sla.P2.String())
	assert.Equal(t, "P3", sla.P3.String())
	assert.Equal(t, "P4", sla.P4.String())
	assert.Equal(t, "none", sla.Priority(0).String(), "the zero Priority means none given")
	assert.Equal(t, "%!Priority(5)", sla.Priority(5).String(), "an invalid Priority prints")
	for _, p := range []sla.Priority{0, sla.P1, sla.P2, sla.P3, sla.P4} {
		back, err := sla.ParsePriority(p.String())
		require.NoError(t, err)
		assert.Equal(t, p, back, "ParsePriority(%s.String()) round-trips", p)
	}
}

// The definitions are the description's table "Priority level", word for word
// (its duplicated "Priority 2(P2)" label is not part of P2's definition).
func TestPriorityDefinition(t *testing.T) {
	assert.Equal(t, "Critical impact on the client's business operations.", sla.P1.Definition())
	assert.Equal(t, "Negative impact on material aspects of the client's business operations. "+
		"The client is able to perform business operations, but their performance is degraded or severely limited.",
		sla.P2.Definition())
	assert.Equal(t, "Faults that have limited business impact and most operations remain functional.", sla.P3.Definition())
	assert.Equal(t, "Little or no impact on the customer's business operations. Includes information or assistance "+
		"regarding the functionality, operation or configuration of your Huawei product and other questions.",
		sla.P4.Definition())
	assert.Equal(t, "", sla.Priority(0).Definition(), "no definition for no priority")
	assert.Equal(t, "", sla.Priority(5).Definition(), "no definition for an invalid priority")
}

// The description: P1/P2 are the critical reports Premier serves 24x7x4.
func TestPriorityCritical(t *testing.T) {
	assert.True(t, sla.P1.Critical())
	assert.True(t, sla.P2.Critical())
	assert.False(t, sla.P3.Critical())
	assert.False(t, sla.P4.Critical())
	assert.False(t, sla.Priority(0).Critical())
	assert.False(t, sla.Priority(5).Critical())
}

func TestPriorityText(t *testing.T) {
	b, err := sla.P2.MarshalText()
	require.NoError(t, err)
	assert.Equal(t, "P2", string(b))
	b, err = sla.Priority(0).MarshalText()
	require.NoError(t, err)
	assert.Equal(t, "none", string(b), "the zero Priority marshals as none")
	_, err = sla.Priority(9).MarshalText()
	assert.True(t, errors.Is(err, sla.ErrInvalidPriority))

	p := sla.P3
	require.NoError(t, p.UnmarshalText([]byte("p1")))
	assert.Equal(t, sla.P1, p)
	err = p.UnmarshalText([]byte("P7"))
	assert.True(t, errors.Is(err, sla.ErrInvalidPriority))
	assert.Equal(t, sla.P1, p, "UnmarshalText leaves the priority unchanged on error")
}

// FuzzParseLevel: whatever parses prints in a form that parses back to the same
// level; what does not parse is an ErrInvalidLevel quoting the input; String
// never panics, also on levels built from arbitrary numbers.
func FuzzParseLevel(f *testing.F) {
	for _, s := range []string{
		"9x5xNBD", "9x5xNBD-S", "24x7x4", "8x5x8", "9x5x10BD-S", "9 x 5 x NBD", "24/7 x 4",
		"24x7x4H", "9x5xnbd-ship", "8X5XNBD", "9x5x1BD", "7x5xNBD", "9x5x0", "24x7x", "",
		"9x5", "9x5xNBD-X", "9x5x1000", "9x5x-4", "9x5x999BD-Ship", "24x7x004h-s", "9x5x-s",
	} {
		f.Add(s, uint8(2), 1, uint8(2), false)
	}
	f.Add("x", uint8(0), 0, uint8(0), true)
	f.Add("24x7x4", uint8(7), 1000, uint8(3), true)
	f.Fuzz(func(t *testing.T, s string, cov uint8, n int, unit uint8, ship bool) {
		l, err := sla.ParseLevel(s)
		if err != nil {
			if !errors.Is(err, sla.ErrInvalidLevel) {
				t.Fatalf("ParseLevel(%q): %v does not wrap ErrInvalidLevel", s, err)
			}
			var pe *sla.ParseError
			if !errors.As(err, &pe) || pe.Input != s {
				t.Fatalf("ParseLevel(%q): %v does not quote the input", s, err)
			}
			if !l.IsZero() {
				t.Fatalf("ParseLevel(%q) failed but returned %v", s, l)
			}
		} else {
			if l.IsZero() {
				t.Fatalf("ParseLevel(%q) succeeded with the zero level", s)
			}
			text := l.String()
			back, err := sla.ParseLevel(text)
			if err != nil {
				t.Fatalf("ParseLevel(%q) = %s, which does not parse: %v", s, text, err)
			}
			if back != l {
				t.Fatalf("ParseLevel(%q) = %s, which parses to %s", s, text, back)
			}
			if b, err := l.MarshalText(); err != nil || string(b) != text {
				t.Fatalf("MarshalText of %s = %q, %v", text, b, err)
			}
		}
		built, err := sla.NewLevel(sla.Coverage(cov), n, sla.Unit(unit), ship)
		text := built.String() // must not panic
		if err == nil {
			if back, perr := sla.ParseLevel(text); perr != nil || back != built {
				t.Fatalf("NewLevel(%d, %d, %d, %v) = %s, which parses to %v, %v", cov, n, unit, ship, text, back, perr)
			}
		} else if !built.IsZero() {
			t.Fatalf("NewLevel(%d, %d, %d, %v) failed but returned %s", cov, n, unit, ship, text)
		}
	})
}

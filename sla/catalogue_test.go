package sla_test

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/slaclock/slaclock/sla"
)

// SPEC section 7: every entry of the catalogue, its level for each priority and
// what it provides.
func TestCatalogue(t *testing.T) {
	all := []sla.Priority{sla.P1, sla.P2, sla.P3, sla.P4}
	cases := []struct {
		name      string
		id        string
		levels    [5]string // by priority: none, P1, P2, P3, P4 ("" where a priority is required)
		split     bool
		delivers  bool
		onsite    bool
		programme sla.Programme
		title     string
	}{
		{"basic ships by the next business day", "cocare-basic",
			[5]string{"9x5xNBD-S", "9x5xNBD-S", "9x5xNBD-S", "9x5xNBD-S", "9x5xNBD-S"},
			false, true, false, sla.CoCare, "CoCare Basic"},
		{"standard delivers by the next business day", "cocare-standard",
			[5]string{"9x5xNBD", "9x5xNBD", "9x5xNBD", "9x5xNBD", "9x5xNBD"},
			false, true, false, sla.CoCare, "CoCare Standard"},
		{"premier is 24x7x4 for P1/P2 and 9x5xNBD for P3/P4", "cocare-premier",
			[5]string{"", "24x7x4", "24x7x4", "9x5xNBD", "9x5xNBD"},
			true, true, false, sla.CoCare, "CoCare Premier"},
		{"standard onsite delivers with an engineer on site", "cocare-standard-onsite",
			[5]string{"9x5xNBD", "9x5xNBD", "9x5xNBD", "9x5xNBD", "9x5xNBD"},
			false, true, true, sla.CoCare, "CoCare Standard Onsite"},
		{"premium onsite is split like premier, with an engineer on site", "cocare-premium-onsite",
			[5]string{"", "24x7x4", "24x7x4", "9x5xNBD", "9x5xNBD"},
			true, true, true, sla.CoCare, "CoCare Premium Onsite"},
		{"ahb delivers by its level", "ahb-8x5xNBD",
			[5]string{"8x5xNBD", "8x5xNBD", "8x5xNBD", "8x5xNBD", "8x5xNBD"},
			false, true, false, sla.HEZO, "HEZO Assistance AHB (advance hardware backup) 8x5xNBD"},
		{"ahb at 24x7xNBD", "ahb-24x7xNBD",
			[5]string{"24x7xNBD", "24x7xNBD", "24x7xNBD", "24x7xNBD", "24x7xNBD"},
			false, true, false, sla.HEZO, "HEZO Assistance AHB (advance hardware backup) 24x7xNBD"},
		{"ahb at an hour level", "ahb-8x5x8",
			[5]string{"8x5x8", "8x5x8", "8x5x8", "8x5x8", "8x5x8"},
			false, true, false, sla.HEZO, "HEZO Assistance AHB (advance hardware backup) 8x5x8"},
		{"ahb at a ship-by level", "ahb-9x5x10BD-S",
			[5]string{"9x5x10BD-S", "9x5x10BD-S", "9x5x10BD-S", "9x5x10BD-S", "9x5x10BD-S"},
			false, true, false, sla.HEZO, "HEZO Assistance AHB (advance hardware backup) 9x5x10BD-S"},
		{"sos is an engineer on site by its level", "sos-8x5xNBD",
			[5]string{"8x5xNBD", "8x5xNBD", "8x5xNBD", "8x5xNBD", "8x5xNBD"},
			false, false, true, sla.HEZO, "HEZO Assistance SOS (service on site) 8x5xNBD"},
		{"sos at 24x7x4", "sos-24x7x4",
			[5]string{"24x7x4", "24x7x4", "24x7x4", "24x7x4", "24x7x4"},
			false, false, true, sla.HEZO, "HEZO Assistance SOS (service on site) 24x7x4"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s, err := sla.LookupService(c.id)
			require.NoError(t, err)
			assert.False(t, s.IsZero())
			assert.Equal(t, c.id, s.ID())
			assert.Equal(t, c.id, s.String())
			assert.Equal(t, c.title, s.Name())
			assert.Equal(t, c.split, s.NeedsPriority())
			assert.Equal(t, c.delivers, s.Delivers())
			assert.Equal(t, c.onsite, s.OnSite())
			assert.Equal(t, c.programme, s.Programme())
			for i, p := range append([]sla.Priority{0}, all...) {
				l, err := s.Level(p)
				if c.levels[i] == "" {
					assert.True(t, errors.Is(err, sla.ErrPriorityRequired), "%s without a priority", c.id)
					var ve *sla.ValueError
					require.True(t, errors.As(err, &ve))
					assert.Equal(t, "priority", ve.Field)
					assert.True(t, l.IsZero())
					continue
				}
				require.NoError(t, err, "priority %s", p)
				assert.Equal(t, c.levels[i], l.String(), "priority %s", p)
			}
			_, err = s.Level(sla.Priority(5))
			assert.True(t, errors.Is(err, sla.ErrInvalidPriority), "a priority outside P1-P4")
		})
	}
}

// Services lists the five CoCare packages in the description's order.
func TestServices(t *testing.T) {
	var ids []string
	for _, s := range sla.Services() {
		ids = append(ids, s.ID())
	}
	assert.Equal(t, []string{"cocare-basic", "cocare-standard", "cocare-premier", "cocare-standard-onsite", "cocare-premium-onsite"}, ids)
}

// Ids are matched ignoring case and surrounding spaces; the level of an add-on
// is parsed as ParseLevel parses, so its spellings give one service.
func TestLookupServiceIgnoresCase(t *testing.T) {
	cases := []struct{ name, in, id string }{
		{"upper case package", "COCARE-PREMIER", "cocare-premier"},
		{"mixed case package", "CoCare-Standard-Onsite", "cocare-standard-onsite"},
		{"surrounding spaces", "  cocare-basic\t", "cocare-basic"},
		{"upper case add-on and level", "AHB-8X5XNBD", "ahb-8x5xNBD"},
		{"the description's spelling of the level", "sos-24/7 x 4", "sos-24x7x4"},
		{"1BD is NBD", "Sos-9x5x1bd", "sos-9x5xNBD"},
		{"-Ship is -S", "ahb-9x5xNBD-Ship", "ahb-9x5xNBD-S"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s, err := sla.LookupService(c.in)
			require.NoError(t, err)
			assert.Equal(t, c.id, s.ID())
			assert.Equal(t, service(t, c.id), s, "one comparable value")
		})
	}
}

func TestLookupServiceErrors(t *testing.T) {
	cases := []struct{ name, in string }{
		{"not a package of the catalogue", "cocare-gold"},
		{"an add-on without a level", "ahb-"},
		{"an add-on with a level that does not parse", "ahb-7x5xNBD"},
		{"an engineer is not shipped", "sos-9x5xNBD-S"},
		{"empty", ""},
		{"a level alone is not a service", "9x5xNBD"},
		{"a prefix of a package", "cocare"},
		{"a package with a level", "cocare-standard-9x5xNBD"},
		{"an unknown add-on", "xyz-8x5xNBD"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s, err := sla.LookupService(c.in)
			assert.True(t, errors.Is(err, sla.ErrUnknownService))
			var pe *sla.ParseError
			require.True(t, errors.As(err, &pe))
			assert.Equal(t, c.in, pe.Input, "the error quotes the id")
			assert.True(t, s.IsZero())
		})
	}
	assert.Panics(t, func() { sla.MustLookupService("cocare-gold") })
}

func TestServiceZeroValue(t *testing.T) {
	var s sla.Service
	assert.True(t, s.IsZero())
	assert.Equal(t, "%!Service(0)", s.ID(), "the zero Service prints")
	_, err := s.Level(sla.P1)
	assert.True(t, errors.Is(err, sla.ErrUnknownService))
	_, err = s.MarshalText()
	assert.True(t, errors.Is(err, sla.ErrUnknownService))
}

func TestServiceText(t *testing.T) {
	s := service(t, "AHB-24/7xNBD")
	b, err := s.MarshalText()
	require.NoError(t, err)
	assert.Equal(t, "ahb-24x7xNBD", string(b))

	var back sla.Service
	require.NoError(t, back.UnmarshalText(b))
	assert.Equal(t, s, back)
	err = back.UnmarshalText([]byte("cocare-gold"))
	assert.True(t, errors.Is(err, sla.ErrUnknownService))
	assert.Equal(t, s, back, "UnmarshalText leaves the service unchanged on error")

	var v struct{ Services []sla.Service }
	require.NoError(t, json.Unmarshal([]byte(`{"Services":["cocare-premier","sos-8x5xNBD"]}`), &v))
	out, err := json.Marshal(v)
	require.NoError(t, err)
	assert.Equal(t, `{"Services":["cocare-premier","sos-8x5xNBD"]}`, string(out))
}

// The contact table of the service description, the request channels ("All
// service requests should be submitted via: ... e-mail: pomoc@myhezo.pl") and
// the escalation line ("escalation@myhezo.pl or by phone at 12 25 25 502").
// Phone numbers are written in one international form: the description's
// "+ 40 312291238", "+48-12 25 25 600" and "12 25 25 502" (a Polish number,
// +48) become "+40 312291238", "+48 12 25 25 600" and "+48 12 25 25 502".
func TestProgrammeContacts(t *testing.T) {
	hezo := sla.Contacts{
		Hotline: "+48 12 25 25 600", Language: "Polish", Email: "support@hezo.com.pl", Portal: "myHEZO.pl",
		RequestEmail: "pomoc@myhezo.pl", EscalationEmail: "escalation@myhezo.pl", EscalationPhone: "+48 12 25 25 502",
	}
	cases := []struct {
		name string
		p    sla.Programme
		text string
		want sla.Contacts
	}{
		{"HiCare is Huawei's, in English", sla.HiCare, "HiCare",
			sla.Contacts{Hotline: "+40 312291238", Language: "English", Email: "eusupport@huawei.com", Portal: "support.huawei.com"}},
		{"CoCare is served by myHEZO in Polish", sla.CoCare, "CoCare", hezo},
		{"HEZO AHB/SOS has the same channels as CoCare", sla.HEZO, "HEZO AHB/SOS", hezo},
		{"the warranty has only a portal", sla.Warranty, "warranty",
			sla.Contacts{Language: "Polish", Portal: "helpdesk.vzam.pl"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			assert.Equal(t, c.want, c.p.Contacts())
			assert.Equal(t, c.text, c.p.String())
		})
	}
	assert.Equal(t, sla.Contacts{}, sla.Programme(0).Contacts(), "no channels for no programme")
	assert.Equal(t, "%!Programme(0)", sla.Programme(0).String())
	assert.Equal(t, "%!Programme(5)", sla.Programme(5).String())

	// The catalogue's services reach the escalation line through their programme.
	for _, id := range []string{"cocare-basic", "cocare-premium-onsite", "ahb-8x5x8", "sos-24x7xNBD"} {
		c := service(t, id).Programme().Contacts()
		assert.Equal(t, "escalation@myhezo.pl", c.EscalationEmail, id)
		assert.Equal(t, "+48 12 25 25 502", c.EscalationPhone, id)
	}
}

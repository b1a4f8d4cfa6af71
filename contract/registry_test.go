package contract_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/slaclock/slaclock/calendar"
	"github.com/slaclock/slaclock/contract"
	"github.com/slaclock/slaclock/sla"
)

// TestLoadExampleFile proves that the example registry loads, and what it holds.
func TestLoadExampleFile(t *testing.T) {
	r, err := contract.LoadFile(filepath.Join("..", "examples", "contracts.json"), nil)
	require.NoError(t, err)
	require.Len(t, r.Contracts(), 10)

	c, err := r.Lookup("cc/2025/0347")
	require.NoError(t, err)
	assert.Equal(t, "CC/2025/0347", c.Number)
	assert.Equal(t, "Małopolskie Wodociągi Regionalne S.A.", c.Customer)
	assert.Equal(t, services(t, "cocare-standard", "sos-24x7xNBD"), c.Services, "a contract carries several services")
	assert.Equal(t, date(2025, time.September, 1), c.Start)
	assert.Equal(t, date(2027, time.August, 31), c.End)
	assert.True(t, c.Covers(date(2025, time.September, 1)))
	assert.True(t, c.Covers(date(2027, time.August, 31)))
	assert.False(t, c.Covers(date(2025, time.August, 31)))
	assert.False(t, c.Covers(date(2027, time.September, 1)))
	assert.False(t, c.NeedsPriority())
	assert.True(t, c.Overrides.IsZero())
	d, ok := c.Device(" 2102353jkp10n3001219 ")
	require.True(t, ok)
	assert.Equal(t, contract.Device{Serial: "2102353JKP10N3001219", Model: "S5735-L48T4X", Site: "Tarnów, ul. Mościckiego 40, pompownia P3"}, d)
	_, ok = c.Device("2102353JKP10N2000877")
	assert.False(t, ok, "a device of another contract")

	p, err := r.Lookup("CC/2025/0312")
	require.NoError(t, err)
	assert.True(t, p.NeedsPriority(), "cocare-premier")
	assert.Len(t, p.Devices, 6)

	ahb, err := r.Lookup("HZ/AHB/2025/041")
	require.NoError(t, err)
	require.NotNil(t, ahb.Overrides.Cutoff)
	assert.Equal(t, calendar.Clock(14, 0, 0), *ahb.Overrides.Cutoff)
	require.NotNil(t, ahb.Overrides.ReturnDays)
	assert.Equal(t, 10, *ahb.Overrides.ReturnDays)
	assert.Nil(t, ahb.Overrides.Window8x5)
	assert.Equal(t, calendar.Clock(14, 0, 0), r.Calculator(ahb).Settings().Cutoff)
	assert.Equal(t, sla.DefaultSettings(), r.Calculator(c).Settings())
}

// TestLoadAllSettings proves every key of "settings".
func TestLoadAllSettings(t *testing.T) {
	const file = `{"contracts": [{"number": "S/1", "services": ["ahb-8x5xNBD"], "start": "2026-01-01", "end": "2026-12-31",
	  "settings": {"cutoff": "13:30", "cutoff_applies_to_ship": false, "window_8x5": "08:00-16:00 Mon-Fri",
	    "window_9x5": "08:00-17:00 Mon-Sat", "window_24x7": "00:00-24:00 Mon-Sun +holidays", "response": "2h", "return_days": 14},
	  "devices": [{"serial": "X"}]}]}`
	r, err := contract.Load(strings.NewReader(file), nil)
	require.NoError(t, err)
	c, err := r.Lookup("S/1")
	require.NoError(t, err)
	set := r.Calculator(c).Settings()
	assert.Equal(t, calendar.Clock(13, 30, 0), set.Cutoff)
	assert.False(t, set.CutoffAppliesToShip)
	assert.Equal(t, calendar.MustParseWindow("Mon-Fri 08:00-16:00"), set.Window8x5)
	assert.Equal(t, calendar.MustParseWindow("Mon-Sat 08:00-17:00"), set.Window9x5)
	assert.Equal(t, calendar.Window24x7(), set.Window24x7)
	assert.Equal(t, 2*time.Hour, set.Response)
	assert.Equal(t, 14, set.ReturnDays)

	// A request under it: submitted Tue 10 Mar 15:30, a 2 h response in
	// 08:00-16:00 is 30 min that day and 1h30 from Wed 08:00: Wed 11 Mar 09:30.
	// Confirmed Wed 11 Mar 13:00, before the 13:30 cutoff: the next business day,
	// Thu 12 Mar, at the 16:00 close.
	q, err := r.Open(contract.Opening{Contract: "s/1", Serial: "x", Submitted: wall(2026, time.March, 10, 15, 30)})
	require.NoError(t, err)
	require.NoError(t, q.Record(contract.Confirmed, wall(2026, time.March, 11, 13, 0)))
	assert.Equal(t, []due{
		{"ahb-8x5xNBD", sla.Response, "Wed 2026-03-11 09:30:00 CET"},
		{"ahb-8x5xNBD", sla.Delivery, "Thu 2026-03-12 16:00:00 CET"},
	}, deadlinesOf(t, q))
}

// brokenFile has problems of every kind the loader reports, on the lines the
// test names. Contract 0 (line 3) is good.
const brokenFile = `{
  "contracts": [
    {"number": "A/1", "customer": "Alpha", "services": ["cocare-standard"],
     "start": "2026-01-01", "end": "2026-12-31", "devices": [{"serial": "S1"}]},
    {
      "number": " a/1",
      "services": ["cocare-gold", "ahb-8x5xNBD"],
      "start": "2026-06-01", "end": "2026-05-31",
      "devices": [{"serial": "S2", "model": "AR6140"}, {"serial": " s2 "}]
    },
    {
      "number": "B/2",
      "services": ["sos-9x5xNBD-S"],
      "start": "2026-13-01",
      "settings": {"cutoff": "25:00", "response": "-1h", "colour": "red"},
      "devices": [{"serial": ""}, {"serial": "S3", "room": "101"}],
      "owner": "nobody"
    },
    {"number": "C/3", "services": [], "start": "2026-01-01", "end": "2026-12-31", "devices": []},
    {"number": "A/1", "services": ["cocare-basic", "cocare-basic"], "start": "2026-02-30", "end": "2026-12-31",
     "settings": {"window_8x5": "17:00-17:00 Mon-Fri", "return_days": 0}, "devices": [{"serial": "S4"}]}
  ]
}`

// TestLoadBroken proves that loading reports every problem of a file at once,
// each with the contract's line, the field's path and its value.
func TestLoadBroken(t *testing.T) {
	r, err := contract.Load(strings.NewReader(brokenFile), nil)
	assert.Nil(t, r)
	assertProblems(t, []problem{
		// Contract 1, line 5: the number of contract 0 in other case and spaces,
		// an unknown service, an end before its start, a serial listed twice.
		{5, "contracts[1].number", " a/1", contract.ErrDuplicateContract},
		{5, "contracts[1].services[0]", "cocare-gold", contract.ErrInvalidField},
		{5, "contracts[1].end", "2026-05-31", contract.ErrInvalidTerm},
		{5, "contracts[1].devices[1].serial", " s2 ", contract.ErrDuplicateSerial},
		// Contract 2, line 11: an on-site service with a ship-by level, a month
		// 13, no end, bad settings, a device without a serial, unknown fields.
		{11, "contracts[2].services[0]", "sos-9x5xNBD-S", contract.ErrInvalidField},
		{11, "contracts[2].start", "2026-13-01", contract.ErrInvalidField},
		{11, "contracts[2].end", "", contract.ErrMissingField},
		{11, "contracts[2].settings.cutoff", "25:00", contract.ErrInvalidField},
		{11, "contracts[2].settings.response", "-1h", contract.ErrInvalidField},
		{11, "contracts[2].settings.colour", "", contract.ErrInvalidField},
		{11, "contracts[2].devices[0].serial", "", contract.ErrMissingField},
		{11, "contracts[2].devices[1].room", "", contract.ErrInvalidField},
		{11, "contracts[2].owner", "", contract.ErrInvalidField},
		// Contract 3, line 19: no service, no device.
		{19, "contracts[3].services", "", contract.ErrMissingField},
		{19, "contracts[3].devices", "", contract.ErrMissingField},
		// Contract 4, line 20: contract 0's number again, a service listed twice,
		// 30 February, a window that closes when it opens, no return days.
		{20, "contracts[4].number", "A/1", contract.ErrDuplicateContract},
		{20, "contracts[4].services[1]", "cocare-basic", contract.ErrInvalidField},
		{20, "contracts[4].start", "2026-02-30", contract.ErrInvalidField},
		{20, "contracts[4].settings.window_8x5", "17:00-17:00 Mon-Fri", contract.ErrInvalidField},
		{20, "contracts[4].settings.return_days", "0", contract.ErrInvalidField},
	}, err)

	// The sla and calendar errors behind the problems are kept.
	assert.ErrorIs(t, err, sla.ErrUnknownService)
	assert.ErrorIs(t, err, calendar.ErrSyntax)
	assert.ErrorIs(t, err, sla.ErrInvalidSettings)
	for _, fe := range fieldErrors(t, err) {
		switch fe.Field {
		case "contracts[1].services[0]", "contracts[2].services[0]":
			assert.ErrorIs(t, fe, sla.ErrUnknownService, fe.Field)
		case "contracts[2].start", "contracts[4].start", "contracts[2].settings.cutoff", "contracts[4].settings.window_8x5":
			assert.ErrorIs(t, fe, calendar.ErrSyntax, fe.Field)
		case "contracts[4].settings.return_days":
			assert.ErrorIs(t, fe, sla.ErrInvalidSettings, fe.Field)
		}
		assert.NotEmpty(t, fe.Reason, fe.Field)
	}
}

// TestLoadNotARegistry proves the files that are not a registry at all: one
// problem, with its line where there is one.
func TestLoadNotARegistry(t *testing.T) {
	cases := []struct {
		name string
		file string
		want problem
		json bool // the problem wraps encoding/json's error
	}{
		{"an empty file", "", problem{0, "registry", "", contract.ErrInvalidField}, false},
		{"a syntax error names its line", "{\n  \"contracts\": [\n    {\"number\": \"A\",}\n  ]\n}",
			problem{3, "registry", "", contract.ErrInvalidField}, true},
		{"a file cut short", "{\n  \"contracts\": [\n", problem{0, "registry", "", contract.ErrInvalidField}, false},
		{"no contracts key", `{}`, problem{0, "contracts", "", contract.ErrMissingField}, false},
		{"contracts: null", `{"contracts": null}`, problem{0, "contracts", "", contract.ErrMissingField}, false},
		{"contracts is not an array", `{"contracts": {"number": "A"}}`, problem{0, "registry.contracts", "", contract.ErrInvalidField}, true},
		{"an unknown key at the top", "{\"contracts\": [],\n \"version\": 2}", problem{0, "registry.version", "", contract.ErrInvalidField}, false},
		{"a second object after the registry", "{\"contracts\": []}\n{\"contracts\": []}", problem{2, "registry", "", contract.ErrInvalidField}, false},
		{"a top-level array", `[{"number": "A"}]`, problem{0, "registry", "", contract.ErrInvalidField}, true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r, err := contract.Load(strings.NewReader(tc.file), nil)
			assert.Nil(t, r)
			assertProblems(t, []problem{tc.want}, err)
			fes := fieldErrors(t, err)
			require.Len(t, fes, 1)
			if tc.json {
				assert.NotNil(t, fes[0].Cause)
			}
		})
	}
}

// TestLoadBadValueTypes proves that a value of the wrong JSON type is reported
// with its field, along with the contract's other problems.
func TestLoadBadValueTypes(t *testing.T) {
	const file = `{"contracts": [
	  {"number": 42, "services": ["cocare-basic"], "start": "2026-01-01", "end": "2025-01-01", "devices": [{"serial": "S"}]}
	]}`
	r, err := contract.Load(strings.NewReader(file), nil)
	assert.Nil(t, r)
	assertProblems(t, []problem{
		{2, "contracts[0].number", "", contract.ErrInvalidField},
		{2, "contracts[0].end", "2025-01-01", contract.ErrInvalidTerm},
	}, err)
}

// TestLoadEmptyRegistry proves that a file with no contracts is a registry with
// none, in which every number is unknown.
func TestLoadEmptyRegistry(t *testing.T) {
	r, err := contract.Load(strings.NewReader(`{"contracts": []}`), nil)
	require.NoError(t, err)
	assert.Empty(t, r.Contracts())
	_, err = r.Lookup("A")
	assert.ErrorIs(t, err, contract.ErrUnknownContract)
}

// TestLoadFileMissing proves that a file that cannot be read is reported with
// its path.
func TestLoadFileMissing(t *testing.T) {
	path := filepath.Join(t.TempDir(), "nope.json")
	r, err := contract.LoadFile(path, nil)
	assert.Nil(t, r)
	assertProblems(t, []problem{{0, "registry file", path, contract.ErrInvalidField}}, err)
	assert.ErrorIs(t, err, os.ErrNotExist)
}

// TestNewRegistryProblems proves that a registry built in Go reports every
// problem at once, naming each contract by its index (no line).
func TestNewRegistryProblems(t *testing.T) {
	good := testContracts(t)[1] // T/STANDARD
	dupNumber := good
	dupNumber.Number = " t/standard "
	backwards := good
	backwards.Number = "T/BACKWARDS"
	backwards.Start, backwards.End = date(2026, time.March, 2), date(2026, time.March, 1)
	twice := good
	twice.Number = "T/TWICE"
	twice.Devices = []contract.Device{{Serial: "A"}, {Serial: "B"}, {Serial: " a"}, {Serial: "  "}}
	empty := contract.Contract{Customer: "nobody"}
	badSettings := good
	badSettings.Number = "T/SETTINGS"
	badSettings.Overrides.ReturnDays = ptr(0)
	zeroService := good
	zeroService.Number = "T/ZERO"
	zeroService.Services = []sla.Service{{}}

	r, err := contract.NewRegistry(nil, good, dupNumber, backwards, twice, empty, badSettings, zeroService)
	assert.Nil(t, r)
	assertProblems(t, []problem{
		{0, "contracts[1].number", " t/standard ", contract.ErrDuplicateContract},
		{0, "contracts[2].end", "2026-03-01", contract.ErrInvalidTerm},
		{0, "contracts[3].devices[2].serial", " a", contract.ErrDuplicateSerial},
		{0, "contracts[3].devices[3].serial", "  ", contract.ErrMissingField},
		{0, "contracts[4].number", "", contract.ErrMissingField},
		{0, "contracts[4].services", "", contract.ErrMissingField},
		{0, "contracts[4].start", "", contract.ErrMissingField},
		{0, "contracts[4].end", "", contract.ErrMissingField},
		{0, "contracts[4].devices", "", contract.ErrMissingField},
		{0, "contracts[5].settings.return_days", "0", contract.ErrInvalidField}, // each setting checked on its own, with its own field
		{0, "contracts[6].services[0]", "", contract.ErrInvalidField},
	}, err)
	assert.ErrorIs(t, err, sla.ErrInvalidSettings)
	assert.ErrorIs(t, err, sla.ErrUnknownService)
}

// TestNewRegistryCopies proves that a registry keeps its own copy of the
// contracts: changing the caller's slices afterwards changes nothing.
func TestNewRegistryCopies(t *testing.T) {
	cs := testContracts(t)
	r, err := contract.NewRegistry(nil, cs...)
	require.NoError(t, err)
	cs[1].Devices[0].Serial = "CHANGED"
	cs[1].Services[0] = service(t, "cocare-basic")
	c, err := r.Lookup(nStandard)
	require.NoError(t, err)
	assert.Equal(t, serial, c.Devices[0].Serial)
	assert.Equal(t, "cocare-standard", c.Services[0].ID())
}

// TestFieldErrorText proves only that a FieldError's message starts with the
// package name and names its line; the tests check problems by their fields.
func TestFieldErrorText(t *testing.T) {
	_, err := contract.Load(strings.NewReader(brokenFile), nil)
	require.Error(t, err)
	for _, fe := range fieldErrors(t, err) {
		assert.True(t, strings.HasPrefix(fe.Error(), "contract: line "), fe.Error())
	}
	var fe *contract.FieldError
	require.True(t, errors.As(err, &fe))
}

// TestLoadBadReturnDays proves that a return period out of range is reported
// on its own field, whether or not another setting is bad too.
func TestLoadBadReturnDays(t *testing.T) {
	const file = `{"contracts": [
	  {"number": "R/1", "services": ["ahb-8x5xNBD"], "start": "2026-01-01", "end": "2026-12-31",
	   "settings": {"return_days": -3}, "devices": [{"serial": "S"}]},
	  {"number": "R/2", "services": ["ahb-8x5xNBD"], "start": "2026-01-01", "end": "2026-12-31",
	   "settings": {"return_days": 367, "cutoff": "noon"}, "devices": [{"serial": "S"}]}
	]}`
	r, err := contract.Load(strings.NewReader(file), nil)
	assert.Nil(t, r)
	assertProblems(t, []problem{
		{2, "contracts[0].settings.return_days", "-3", contract.ErrInvalidField},
		{4, "contracts[1].settings.return_days", "367", contract.ErrInvalidField},
		{4, "contracts[1].settings.cutoff", "noon", contract.ErrInvalidField},
	}, err)
	assert.ErrorIs(t, err, sla.ErrInvalidSettings)
}

// TestRegistryIsImmutable proves that what Lookup and Contracts hand out are
// copies: changing them changes nothing in the registry, down to the settings.
func TestRegistryIsImmutable(t *testing.T) {
	r := registry(t)
	c, err := r.Lookup(nOverride)
	require.NoError(t, err)
	c.Services = nil
	c.Devices[0].Serial = "CHANGED"
	*c.Overrides.Cutoff = calendar.Clock(9, 0, 0)
	all := r.Contracts()
	all[len(all)-1].Devices[0].Model = "CHANGED"
	*all[len(all)-1].Overrides.ReturnDays = 99

	again, err := r.Lookup(nOverride)
	require.NoError(t, err)
	assert.Len(t, again.Services, 1)
	assert.Equal(t, serial, again.Devices[0].Serial)
	assert.Equal(t, "S5735-L48T4X", again.Devices[0].Model)
	assert.Equal(t, calendar.Clock(14, 0, 0), *again.Overrides.Cutoff)
	assert.Equal(t, 10, *again.Overrides.ReturnDays)
	assert.Equal(t, calendar.Clock(14, 0, 0), r.Calculator(again).Settings().Cutoff)
}

// TestCalculatorByNumber proves that calculators are keyed by contract number:
// any copy of a contract with a 14:00 cutoff, even one built by hand with
// only its number (in another case), gets the 14:00 calculator.
func TestCalculatorByNumber(t *testing.T) {
	r := registry(t)
	c, err := r.Lookup(nOverride)
	require.NoError(t, err)
	cp := c
	for _, x := range []contract.Contract{c, cp, {Number: " t/override "}} {
		assert.Equal(t, calendar.Clock(14, 0, 0), r.Calculator(x).Settings().Cutoff, "%q", x.Number)
	}
	assert.Equal(t, calendar.Clock(15, 0, 0), r.Calculator(contract.Contract{Number: nBasic}).Settings().Cutoff)
	assert.Equal(t, calendar.Clock(15, 0, 0), r.Calculator(contract.Contract{Number: "T/NOSUCH"}).Settings().Cutoff)
}

// TestWriteLoad proves that a registry written with Write loads back into the
// same contracts, and writes the same bytes again: for the example file and
// the test registry (which has a contract with two services and settings).
func TestWriteLoad(t *testing.T) {
	ex, err := contract.LoadFile("../examples/contracts.json", nil)
	require.NoError(t, err)
	for name, r := range map[string]*contract.Registry{"examples/contracts.json": ex, "test registry": registry(t)} {
		t.Run(name, func(t *testing.T) {
			var b bytes.Buffer
			require.NoError(t, r.Write(&b))
			back, err := contract.Load(bytes.NewReader(b.Bytes()), nil)
			require.NoError(t, err, b.String())
			assert.Equal(t, r.Contracts(), back.Contracts())
			for _, c := range r.Contracts() {
				assert.Equal(t, r.Calculator(c).Settings(), back.Calculator(c).Settings(), c.Number)
			}
			var again bytes.Buffer
			require.NoError(t, back.Write(&again))
			assert.Equal(t, b.String(), again.String())
		})
	}
}

// TestContractJSON proves the contract's JSON form against one written by
// hand, and that reading it checks what Load checks.
func TestContractJSON(t *testing.T) {
	const want = `{"number":"T/OVERRIDE","customer":"Customer of T/OVERRIDE","services":["ahb-8x5xNBD"],` +
		`"start":"2026-01-01","end":"2027-12-31","settings":{"cutoff":"14:00","return_days":10},` +
		`"devices":[{"serial":"SN-0001","model":"S5735-L48T4X","site":"Kraków, ul. Senatorska 1"}]}`
	c := testContracts(t)[12]
	require.Equal(t, nOverride, c.Number)
	b, err := json.Marshal(c)
	require.NoError(t, err)
	assert.Equal(t, want, string(b))
	var back contract.Contract
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, c, back)

	plain, err := json.Marshal(testContracts(t)[0])
	require.NoError(t, err)
	assert.NotContains(t, string(plain), "settings", "no settings of its own: left out")

	err = json.Unmarshal([]byte(`{"number":"X","services":["cocare-nosuch"],"start":"2026-01-01","end":"2025-01-01","devices":[{"serial":"S"}],"colour":1}`), &back)
	assertProblems(t, []problem{
		{0, "contract.services[0]", "cocare-nosuch", contract.ErrInvalidField},
		{0, "contract.end", "2025-01-01", contract.ErrInvalidTerm},
		{0, "contract.colour", "", contract.ErrInvalidField},
	}, err)
	assert.Equal(t, c, back, "on error the contract is unchanged")
	_, err = json.Marshal(contract.Contract{Number: "X"})
	assert.Error(t, err, "a contract NewRegistry would refuse does not marshal")
}

package contract_test

import (
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/slaclock/slaclock/contract"
	"github.com/slaclock/slaclock/sla"
)

// TestOpenRefused proves each rule that refuses a request, and that every
// problem found is reported at once.
func TestOpenRefused(t *testing.T) {
	r := registry(t)
	tue := wall(2026, time.March, 10, 10, 0)
	cases := []struct {
		name  string
		open  contract.Opening
		want  []problem
		cause error // an sla error the problem also wraps, if any
	}{
		{"the contract number is required (the description: the serial number and the contract number)",
			contract.Opening{Serial: serial, Submitted: tue},
			[]problem{{Field: "contract number", Err: contract.ErrMissingField}}, nil},
		{"a contract number of spaces is missing",
			contract.Opening{Contract: "  \t ", Serial: serial, Submitted: tue},
			[]problem{{Field: "contract number", Value: "  \t ", Err: contract.ErrMissingField}}, nil},
		{"the serial number is required",
			contract.Opening{Contract: nStandard, Submitted: tue},
			[]problem{{Field: "serial number", Err: contract.ErrMissingField}}, nil},
		{"a serial number of spaces is missing",
			contract.Opening{Contract: nStandard, Serial: "   ", Submitted: tue},
			[]problem{{Field: "serial number", Value: "   ", Err: contract.ErrMissingField}}, nil},
		{"both numbers missing are reported together",
			contract.Opening{Submitted: tue},
			[]problem{{Field: "contract number", Err: contract.ErrMissingField}, {Field: "serial number", Err: contract.ErrMissingField}}, nil},
		{"the submission time is required: the response clock starts there",
			contract.Opening{Contract: nStandard, Serial: serial},
			[]problem{{Field: "submitted", Err: contract.ErrMissingField}}, nil},
		{"an unknown contract is refused",
			contract.Opening{Contract: "T/NOSUCH", Serial: serial, Submitted: tue},
			[]problem{{Field: "contract number", Value: "T/NOSUCH", Err: contract.ErrUnknownContract}}, nil},
		{"a contract number is not matched by prefix",
			contract.Opening{Contract: "T/STANDARD2", Serial: serial, Submitted: tue},
			[]problem{{Field: "contract number", Value: "T/STANDARD2", Err: contract.ErrUnknownContract}}, nil},
		{"a device the contract does not cover is refused",
			contract.Opening{Contract: nStandard, Serial: serial2, Submitted: tue},
			[]problem{{Field: "serial number", Value: serial2, Err: contract.ErrNotCovered}}, nil},
		{"a device of another contract is not covered by this one",
			contract.Opening{Contract: nBasic, Serial: serial2, Submitted: tue},
			[]problem{{Field: "serial number", Value: serial2, Err: contract.ErrNotCovered}}, nil},
		{"a submission the last instant of the day before the term starts is outside it",
			contract.Opening{Contract: nStandard, Serial: serial, Submitted: time.Date(2025, time.December, 31, 23, 59, 59, 999999999, warsaw)},
			[]problem{{Field: "submitted", Value: "2025-12-31T23:59:59+01:00", Err: contract.ErrOutsideTerm}}, nil},
		{"a submission at 00:00 Warsaw on the day after the last day is outside the term",
			contract.Opening{Contract: nStandard, Serial: serial, Submitted: wall(2028, time.January, 1, 0, 0)},
			[]problem{{Field: "submitted", Value: "2028-01-01T00:00:00+01:00", Err: contract.ErrOutsideTerm}}, nil},
		{"the term is in Warsaw time: 23:30 UTC on the last day is 00:30 the next day in Warsaw",
			contract.Opening{Contract: nStandard, Serial: serial, Submitted: time.Date(2027, time.December, 31, 23, 30, 0, 0, time.UTC)},
			[]problem{{Field: "submitted", Value: "2027-12-31T23:30:00Z", Err: contract.ErrOutsideTerm}}, nil},
		{"cocare-premier needs a priority",
			contract.Opening{Contract: nPremier, Serial: serial, Submitted: tue},
			[]problem{{Field: "priority", Err: contract.ErrMissingField}}, sla.ErrPriorityRequired},
		{"cocare-premium-onsite needs a priority",
			contract.Opening{Contract: nPremiumOnsite, Serial: serial, Submitted: tue},
			[]problem{{Field: "priority", Err: contract.ErrMissingField}}, sla.ErrPriorityRequired},
		{"a priority outside P1-P4 is invalid, even where none is needed",
			contract.Opening{Contract: nStandard, Serial: serial, Priority: sla.Priority(5), Submitted: tue},
			[]problem{{Field: "priority", Value: "%!Priority(5)", Err: contract.ErrInvalidField}}, sla.ErrInvalidPriority},
		{"every problem of a known contract is reported at once",
			contract.Opening{Contract: nPremier, Serial: "SN-9999", Submitted: wall(2028, time.March, 1, 10, 0)},
			[]problem{
				{Field: "serial number", Value: "SN-9999", Err: contract.ErrNotCovered},
				{Field: "submitted", Value: "2028-03-01T10:00:00+01:00", Err: contract.ErrOutsideTerm},
				{Field: "priority", Err: contract.ErrMissingField},
			}, sla.ErrPriorityRequired},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			q, err := r.Open(tc.open)
			assert.Nil(t, q)
			assertProblems(t, tc.want, err)
			for _, p := range tc.want {
				assert.ErrorIs(t, err, p.Err)
			}
			if tc.cause != nil {
				assert.ErrorIs(t, err, tc.cause)
			}
			var fe *contract.FieldError
			assert.ErrorAs(t, err, &fe)
		})
	}
}

// TestOpenAccepted proves the openings that are accepted, and what the request
// holds.
func TestOpenAccepted(t *testing.T) {
	r := registry(t)
	cases := []struct {
		name     string
		number   string
		serial   string
		priority sla.Priority
		at       time.Time
		contract string // the number of the contract the request is under
	}{
		{"contract and serial numbers are compared after trimming spaces and ignoring case",
			"  t/standard \t", " sn-0001 ", 0, wall(2026, time.March, 10, 10, 0), nStandard},
		{"the first day of the term is covered from 00:00 Warsaw",
			nStandard, serial, 0, wall(2026, time.January, 1, 0, 0), nStandard},
		{"the first day of the term in Warsaw is the day before in UTC",
			nStandard, serial, 0, time.Date(2025, time.December, 31, 23, 0, 0, 0, time.UTC), nStandard},
		{"the last day of the term is covered to its last instant",
			nStandard, serial, 0, time.Date(2027, time.December, 31, 23, 59, 59, 999999999, warsaw), nStandard},
		{"a priority given where none is needed is kept, not refused",
			nStandard, serial, sla.P2, wall(2026, time.March, 10, 10, 0), nStandard},
		{"cocare-premier with a priority",
			nPremier, serial, sla.P4, wall(2026, time.March, 10, 10, 0), nPremier},
		{"an add-on needs no priority",
			nSOS24x7x4, serial, 0, wall(2026, time.March, 10, 10, 0), nSOS24x7x4},
		{"the second device of a contract with two",
			nCombo, "SN-0002", 0, wall(2026, time.March, 10, 10, 0), nCombo},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			q, err := r.Open(contract.Opening{ID: "REQ-1", Contract: tc.number, Serial: tc.serial, Priority: tc.priority,
				Submitted: tc.at, Description: "fan failure"})
			require.NoError(t, err)
			assert.Equal(t, tc.contract, q.Contract().Number)
			assert.Equal(t, "REQ-1", q.ID())
			assert.Equal(t, "fan failure", q.Description())
			assert.Equal(t, tc.priority, q.Priority())
			want, ok := q.Contract().Device(tc.serial)
			require.True(t, ok)
			assert.Equal(t, want, q.Device(), "the request holds the contract's device, as the contract spells it")
			assert.Equal(t, contract.Submitted, q.Step())
			at, ok := q.Time(contract.Submitted)
			require.True(t, ok)
			assert.True(t, tc.at.Equal(at))
			assert.Equal(t, "Europe/Warsaw", at.Location().String())
			assert.False(t, q.Done())
		})
	}
}

// TestLookup proves the registry's lookup by number.
func TestLookup(t *testing.T) {
	r := registry(t)
	for _, n := range []string{nStandard, "t/standard", "  T/Standard  "} {
		c, err := r.Lookup(n)
		require.NoError(t, err, n)
		assert.Equal(t, nStandard, c.Number, n)
	}
	_, err := r.Lookup("T/NOSUCH")
	assert.ErrorIs(t, err, contract.ErrUnknownContract)
	_, err = r.Lookup(" ")
	assert.ErrorIs(t, err, contract.ErrMissingField)
	assert.False(t, errors.Is(err, contract.ErrUnknownContract))

	var numbers []string
	for _, c := range r.Contracts() {
		numbers = append(numbers, c.Number)
	}
	want := []string{nBasic, nStandard, nPremier, nStdOnsite, nPremiumOnsite, nAHB8x5NBD, nAHB24x7NBD, nAHB8x5x8,
		nSOS8x5NBD, nSOS24x7NBD, nSOS24x7x4, nCombo, nOverride}
	assert.Equal(t, want, numbers, "Contracts keeps the order given")
}

package contract_test

import (
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/slaclock/slaclock/calendar"
	"github.com/slaclock/slaclock/contract"
	"github.com/slaclock/slaclock/sla"
)

// Helpers shared by the tests of package contract. Expected deadlines in the
// tests are worked out by hand from SPEC.md section 6 and checked against an
// independent calendar (Python's datetime and zoneinfo with the Polish holidays
// of SPEC section 2), never copied from the code's output.

var warsaw = calendar.Warsaw()

// layout writes an instant in Warsaw with its weekday and zone abbreviation, so
// a comparison of two strings checks the instant, the day and the offset at once.
const layout = "Mon 2006-01-02 15:04:05.999999999 MST"

// wall returns the Warsaw wall-clock instant y-m-d h:min. Wall times that a
// clock change makes ambiguous are built from UTC instead.
func wall(y int, m time.Month, d, h, min int) time.Time {
	return time.Date(y, m, d, h, min, 0, 0, warsaw)
}

// inWarsaw formats t with layout in Warsaw.
func inWarsaw(t time.Time) string { return t.In(warsaw).Format(layout) }

// date is calendar.NewDate, shorter.
func date(y int, m time.Month, d int) calendar.Date { return calendar.NewDate(y, m, d) }

// service looks a catalogue id up, failing the test if it is not there.
func service(t testing.TB, id string) sla.Service {
	t.Helper()
	s, err := sla.LookupService(id)
	require.NoError(t, err, "service %s", id)
	return s
}

// services looks every id up.
func services(t testing.TB, ids ...string) []sla.Service {
	t.Helper()
	out := make([]sla.Service, 0, len(ids))
	for _, id := range ids {
		out = append(out, service(t, id))
	}
	return out
}

// fieldErrors returns every *contract.FieldError in err's tree, in order,
// following errors.Join. It fails the test if a leaf of the tree is not a
// *contract.FieldError.
func fieldErrors(t testing.TB, err error) []*contract.FieldError {
	t.Helper()
	var out []*contract.FieldError
	var walk func(error)
	walk = func(e error) {
		var fe *contract.FieldError
		if errors.As(e, &fe) && fe == e {
			out = append(out, fe)
			return
		}
		if j, ok := e.(interface{ Unwrap() []error }); ok {
			for _, x := range j.Unwrap() {
				walk(x)
			}
			return
		}
		t.Errorf("error %T %v is not a *contract.FieldError", e, e)
	}
	if err != nil {
		walk(err)
	}
	return out
}

// problem is one expected problem: where (line, field), the value and the
// sentinel it wraps.
type problem struct {
	Line  int
	Field string
	Value string
	Err   error
}

// sentinels are the package's sentinel errors; problemsOf names the one each
// FieldError wraps.
var sentinels = []error{
	contract.ErrMissingField, contract.ErrInvalidField, contract.ErrDuplicateContract, contract.ErrDuplicateSerial,
	contract.ErrInvalidTerm, contract.ErrUnknownContract, contract.ErrOutsideTerm, contract.ErrNotCovered,
	contract.ErrStepOrder, contract.ErrStepTime, contract.ErrStepConflict,
}

// problemsOf returns the problems of err, each FieldError's sentinel checked
// with errors.Is.
func problemsOf(t testing.TB, err error) []problem {
	t.Helper()
	var out []problem
	for _, fe := range fieldErrors(t, err) {
		p := problem{Line: fe.Line, Field: fe.Field, Value: fe.Value}
		for _, s := range sentinels {
			if errors.Is(fe, s) {
				require.Nil(t, p.Err, "%v wraps two sentinels: %v and %v", fe, p.Err, s)
				p.Err = s
			}
		}
		out = append(out, p)
	}
	return out
}

// assertProblems checks that err reports exactly the set of problems want.
func assertProblems(t testing.TB, want []problem, err error) {
	t.Helper()
	require.Error(t, err)
	assert.ElementsMatch(t, want, problemsOf(t, err))
}

// ptr returns a pointer to v.
func ptr[T any](v T) *T { return &v }

// Contracts of the test registry, one per service of the catalogue (and one
// with several services), all over 2026-2027 unless said otherwise.
const (
	nBasic         = "T/BASIC"
	nStandard      = "T/STANDARD"
	nPremier       = "T/PREMIER"
	nStdOnsite     = "T/STD-ONSITE"
	nPremiumOnsite = "T/PREMIUM-ONSITE"
	nAHB8x5NBD     = "T/AHB-8X5XNBD"
	nAHB24x7NBD    = "T/AHB-24X7XNBD"
	nAHB8x5x8      = "T/AHB-8X5X8"
	nSOS8x5NBD     = "T/SOS-8X5XNBD"
	nSOS24x7NBD    = "T/SOS-24X7XNBD"
	nSOS24x7x4     = "T/SOS-24X7X4"
	nCombo         = "T/COMBO"    // cocare-standard with sos-24x7xNBD
	nOverride      = "T/OVERRIDE" // ahb-8x5xNBD with cutoff 14:00 and 10 return days
)

// serial is the serial number of the one device of every test contract but
// nCombo (which has two: serial and serial2).
const (
	serial  = "SN-0001"
	serial2 = "SN-0002"
)

// testContracts returns the contracts of the test registry.
func testContracts(t testing.TB) []contract.Contract {
	t.Helper()
	one := func(number string, ids ...string) contract.Contract {
		return contract.Contract{Number: number, Customer: "Customer of " + number, Services: services(t, ids...),
			Start: date(2026, time.January, 1), End: date(2027, time.December, 31),
			Devices: []contract.Device{{Serial: serial, Model: "S5735-L48T4X", Site: "Kraków, ul. Senatorska 1"}}}
	}
	combo := one(nCombo, "cocare-standard", "sos-24x7xNBD")
	combo.Devices = append(combo.Devices, contract.Device{Serial: serial2, Model: "CE6881-48S6CQ", Site: "Tarnów"})
	override := one(nOverride, "ahb-8x5xNBD")
	override.Overrides = contract.Overrides{Cutoff: ptr(calendar.Clock(14, 0, 0)), ReturnDays: ptr(10)}
	return []contract.Contract{
		one(nBasic, "cocare-basic"),
		one(nStandard, "cocare-standard"),
		one(nPremier, "cocare-premier"),
		one(nStdOnsite, "cocare-standard-onsite"),
		one(nPremiumOnsite, "cocare-premium-onsite"),
		one(nAHB8x5NBD, "ahb-8x5xNBD"),
		one(nAHB24x7NBD, "ahb-24x7xNBD"),
		one(nAHB8x5x8, "ahb-8x5x8"),
		one(nSOS8x5NBD, "sos-8x5xNBD"),
		one(nSOS24x7NBD, "sos-24x7xNBD"),
		one(nSOS24x7x4, "sos-24x7x4"),
		combo,
		override,
	}
}

// registry returns the test registry, built in Go.
func registry(t testing.TB) *contract.Registry {
	t.Helper()
	r, err := contract.NewRegistry(nil, testContracts(t)...)
	require.NoError(t, err)
	return r
}

// open opens a request for serial under contract number, failing the test if it
// is refused.
func open(t testing.TB, r *contract.Registry, number string, p sla.Priority, at time.Time) *contract.Request {
	t.Helper()
	q, err := r.Open(contract.Opening{Contract: number, Serial: serial, Priority: p, Submitted: at, Description: "port 3 down"})
	require.NoError(t, err)
	return q
}

// due is one expected deadline: the service, its kind and its instant written
// with layout.
type due struct {
	Service string
	Kind    sla.Kind
	At      string
}

// deadlinesOf lists the deadlines of q in the order it reports them, checking
// that each is given in Europe/Warsaw.
func deadlinesOf(t testing.TB, q *contract.Request) []due {
	t.Helper()
	var out []due
	for _, sd := range q.Deadlines() {
		for _, d := range sd.Deadlines.All() {
			assert.Equal(t, "Europe/Warsaw", d.Due.Location().String(), "%s %s deadline's location", sd.Service, d.Kind)
			out = append(out, due{sd.Service.ID(), d.Kind, inWarsaw(d.Due)})
		}
	}
	return out
}

// outcome is one expected deadline status: its service and kind, met, breached
// or open, and for an open one the window time left (negative once it has
// passed), for a met or breached one by how much (elapsed time).
type outcome struct {
	Service string
	Kind    sla.Kind
	Status  sla.Status
	Left    time.Duration // open: Progress.Left; met or breached: By
}

// outcomesOf lists the deadline statuses of st.
func outcomesOf(st contract.Status) []outcome {
	var out []outcome
	for _, d := range st.Deadlines {
		o := outcome{d.Service.ID(), d.Deadline.Kind, d.Status, d.By}
		if d.Actual.IsZero() {
			o.Left = d.Progress.Left
		}
		out = append(out, o)
	}
	return out
}

// hezoEscalation is the escalation channel of the description's "Terms and
// conditions": "In case of escalation of the report, please contact us at:
// escalation@myhezo.pl or by phone at 12 25 25 502" (a Polish number, +48).
var hezoEscalation = &contract.Escalation{Email: "escalation@myhezo.pl", Phone: "+48 12 25 25 502"}

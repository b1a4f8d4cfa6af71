package sla_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/slaclock/slaclock/calendar"
	"github.com/slaclock/slaclock/sla"
)

// Helpers shared by the tests of package sla. Expected values in the tests are
// worked out by hand from SPEC.md sections 4-7 and checked against an
// independent calendar (Python's datetime and zoneinfo), never copied from the
// code's output.

var warsaw = calendar.Warsaw()

// layout writes an instant in Warsaw with its weekday and zone abbreviation, so a
// comparison of two strings checks the instant, the day and the offset at once.
const layout = "Mon 2006-01-02 15:04:05.999999999 MST"

// wall returns the Warsaw wall-clock instant y-m-d h:min. Wall times that a
// clock change makes ambiguous are built from UTC in the tests instead.
func wall(y int, m time.Month, d, h, min int) time.Time {
	return time.Date(y, m, d, h, min, 0, 0, warsaw)
}

// inWarsaw formats t with layout in Warsaw.
func inWarsaw(t time.Time) string { return t.In(warsaw).Format(layout) }

// service looks a catalogue id up, failing the test if it is not there.
func service(t testing.TB, id string) sla.Service {
	t.Helper()
	s, err := sla.LookupService(id)
	require.NoError(t, err, "service %s", id)
	return s
}

// assertInstant checks that got is the instant want, and that it is given in
// Europe/Warsaw.
func assertInstant(t testing.TB, want string, got time.Time, msgAndArgs ...any) {
	t.Helper()
	assert.Equal(t, want, inWarsaw(got), msgAndArgs...)
	assert.Equal(t, "Europe/Warsaw", got.Location().String(), msgAndArgs...)
}

// due is one expected deadline: its kind and its instant written with layout.
type due struct {
	kind sla.Kind
	at   string
}

// assertDeadlines checks that ds holds exactly the deadlines want, in order.
func assertDeadlines(t testing.TB, want []due, ds sla.Deadlines) {
	t.Helper()
	var got []due
	for _, d := range ds.All() {
		got = append(got, due{d.Kind, d.Due.In(warsaw).Format(layout)})
		assert.Equal(t, "Europe/Warsaw", d.Due.Location().String(), "%s deadline's location", d.Kind)
	}
	assert.Equal(t, want, got)
	assert.Equal(t, len(want), ds.Len())
}

// calculator builds a calculator on the Polish calendar with settings changed by
// edit from the defaults.
func calculator(t testing.TB, edit func(*sla.Settings)) *sla.Calculator {
	t.Helper()
	set := sla.DefaultSettings()
	if edit != nil {
		edit(&set)
	}
	c, err := sla.NewCalculator(calendar.Poland(), set)
	require.NoError(t, err)
	return c
}

package calendar

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/slaclock/slaclock/internal/icsfold/icsfoldtest"
)

func icsOf(events ...string) string {
	return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n" + strings.Join(events, "") + "END:VCALENDAR\r\n"
}

func TestICSImport(t *testing.T) {
	// Facts (python's datetime): Fri 2 Jan 2026, Mon 4 May 2026, Thu 24 Dec 2026;
	// 31 Dec is Thu in 2026, Fri in 2027, Sun in 2028.
	file := icsOf(
		"BEGIN:VEVENT\r\nUID:bridge\r\nSUMMARY:bridge day\r\nDTSTART;VALUE=DATE:20260102\r\nDTEND;VALUE=DATE:20260103\r\nEND:VEVENT\r\n",
		"BEGIN:VEVENT\r\nUID:timed\r\nSUMMARY:inventory\r\nDTSTART;TZID=Europe/Warsaw:20260504T000000\r\nDTEND;TZID=Europe/Warsaw:20260506T000000\r\nEND:VEVENT\r\n",
		"BEGIN:VEVENT\r\nUID:utc\r\nSUMMARY:party\r\nDTSTART:20260609T220000Z\r\nDURATION:P1D\r\nEND:VEVENT\r\n",
		"BEGIN:VEVENT\r\nUID:nye\r\nSUMMARY:NYE\r\nDTSTART;VALUE=DATE:20261231\r\nRRULE:FREQ=YEARLY;COUNT=3\r\nEXDATE;VALUE=DATE:20271231\r\nEND:VEVENT\r\n",
		"BEGIN:VEVENT\r\nUID:until\r\nSUMMARY:fair\r\nDTSTART;VALUE=DATE:20260715\r\nRRULE:FREQ=YEARLY;UNTIL=20270715\r\nEND:VEVENT\r\n",
		"BEGIN:VEVENT\r\nUID:gone\r\nSUMMARY:cancelled\r\nSTATUS:CANCELLED\r\nDTSTART;VALUE=DATE:20260803\r\nEND:VEVENT\r\n",
	)
	c, err := NewPoland(WithClosuresICS(strings.NewReader(file)))
	require.NoError(t, err)
	for _, tc := range []struct {
		name string
		d    Date
		off  bool
	}{
		{"an all-day event is a closure", Date{2026, 1, 2}, true},
		{"a timed event from midnight to midnight covers both days", Date{2026, 5, 4}, true},
		{"... and its second day", Date{2026, 5, 5}, true},
		{"... and not the day its DTEND opens", Date{2026, 5, 6}, false},
		{"a UTC event from 22:00Z is a Warsaw day (CEST)", Date{2026, 6, 10}, true},
		{"a yearly recurrence's first occurrence", Date{2026, 12, 31}, true},
		{"an EXDATE removes its occurrence", Date{2027, 12, 31}, false},
		{"COUNT=3 includes the third", Date{2028, 12, 31}, true},
		{"COUNT=3 stops after the third", Date{2029, 12, 31}, false},
		{"UNTIL includes its own date", Date{2027, 7, 15}, true},
		{"UNTIL stops after it", Date{2028, 7, 15}, false},
		{"a cancelled event is skipped", Date{2026, 8, 3}, false},
	} {
		h, off, err := c.HolidayOn(tc.d)
		require.NoError(t, err)
		assert.Equal(t, tc.off, off, tc.name)
		if off {
			assert.True(t, h.Closure, tc.name)
		}
	}
	h, _, _ := c.HolidayOn(Date{2026, 1, 2})
	assert.Equal(t, "bridge day", h.Name)
}

func TestICSImportErrors(t *testing.T) {
	t.Run("a file that does not parse names the line", func(t *testing.T) {
		_, err := NewPoland(WithClosuresICS(strings.NewReader("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:a\r\nBROKEN LINE\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")))
		assert.ErrorIs(t, err, ErrSyntax)
		var pe *ParseError
		require.ErrorAs(t, err, &pe)
		assert.Equal(t, "iCalendar line 5", pe.Kind)
		assert.Equal(t, "BROKEN LINE", pe.Input)
	})
	t.Run("a file cut short names its last line", func(t *testing.T) {
		_, err := NewPoland(WithClosuresICS(strings.NewReader("BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\n")))
		var pe *ParseError
		require.ErrorAs(t, err, &pe)
		assert.Equal(t, "iCalendar line 3", pe.Kind)
	})
	t.Run("events that are not whole days are refused, each named", func(t *testing.T) {
		file := icsOf(
			"BEGIN:VEVENT\r\nUID:meet\r\nSUMMARY:meeting\r\nDTSTART;TZID=Europe/Warsaw:20260504T090000\r\nDTEND;TZID=Europe/Warsaw:20260504T170000\r\nEND:VEVENT\r\n",
			"BEGIN:VEVENT\r\nUID:half\r\nSUMMARY:half day\r\nDTSTART:20260504T000000Z\r\nDTEND:20260505T000000Z\r\nEND:VEVENT\r\n",
		)
		_, err := NewPoland(WithClosuresICS(strings.NewReader(file)))
		assert.ErrorIs(t, err, ErrInvalid)
		assert.Contains(t, err.Error(), "UID=meet SUMMARY=meeting DTSTART=20260504T090000")
		assert.Contains(t, err.Error(), "UID=half SUMMARY=half day DTSTART=20260504T000000Z")
	})
	t.Run("a missing file names it", func(t *testing.T) {
		_, err := NewPoland(WithClosuresICSFile("/nonexistent/holidays.ics"))
		var ve *ValueError
		require.ErrorAs(t, err, &ve)
		assert.Equal(t, "/nonexistent/holidays.ics", ve.Value)
	})
}

func TestICSExportParsesBack(t *testing.T) {
	stamp := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	c, err := NewPoland(WithClosure(Date{2026, 1, 2}, "bridge day"))
	require.NoError(t, err)
	var buf bytes.Buffer
	require.NoError(t, c.WriteICS(&buf, 2026, 2027, stamp))
	out := buf.String()
	assert.Contains(t, out, "UID:20261224-holiday@slaclock")
	assert.Contains(t, out, "DTSTART;VALUE=DATE:20261224")
	assert.Contains(t, out, "UID:20260102-closure@slaclock")
	assert.Contains(t, out, "DTSTAMP:20260101T000000Z")

	// Read back as closures into a calendar with no holidays of its own: the
	// same days, the same names.
	back, err := New(InLocation(Warsaw()), WithClosuresICS(strings.NewReader(out)))
	require.NoError(t, err)
	want, err := c.HolidaysBetween(Date{2026, 1, 1}, Date{2027, 12, 31})
	require.NoError(t, err)
	got, err := back.HolidaysBetween(Date{2026, 1, 1}, Date{2027, 12, 31})
	require.NoError(t, err)
	require.Len(t, got, len(want))
	for k := range want {
		assert.Equal(t, want[k].Date, got[k].Date)
		assert.Equal(t, want[k].Name, got[k].Name)
	}
	// 2026 has 14 statutory holidays plus the closure; 2027 has 14.
	assert.Len(t, want, 29)

	var again bytes.Buffer
	require.NoError(t, c.WriteICS(&again, 2026, 2027, stamp))
	assert.Equal(t, out, again.String(), "the same calendar, years and stamp give the same bytes")

	assert.ErrorIs(t, c.WriteICS(&again, 2026, 2026, time.Time{}), ErrInvalid, "a zero DTSTAMP")
	assert.ErrorIs(t, c.WriteICS(&again, 2027, 2026, stamp), ErrInvalid, "a range that ends before it starts")
	assert.ErrorIs(t, c.WriteICS(&again, 1980, 2026, stamp), ErrOutOfRange)
}

// A closure whose name makes its SUMMARY line longer than 75 octets is
// written folded (RFC 5545 section 3.1), never inside a UTF-8 sequence, and
// reads back whole.
func TestICSExportFoldsLongLines(t *testing.T) {
	stamp := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	name := "Zamknięcie serwisu: inwentaryzacja magazynu części zamiennych i przegląd roczny"
	c, err := NewPoland(WithClosure(Date{2026, 1, 2}, name))
	require.NoError(t, err)
	var buf bytes.Buffer
	require.NoError(t, c.WriteICS(&buf, 2026, 2026, stamp))
	out := buf.String()
	require.Greater(t, len("SUMMARY:"+name), 75, "longer than a line")
	require.Less(t, len("SUMMARY:"+name), 75+74, "shorter than two")
	assert.Equal(t, 1, icsfoldtest.Continued(t, out), "the summary takes two lines, the others one")
	back, err := New(InLocation(Warsaw()), WithClosuresICS(strings.NewReader(out)))
	require.NoError(t, err)
	h, ok, err := back.HolidayOn(Date{2026, 1, 2})
	require.NoError(t, err)
	require.True(t, ok)
	assert.Equal(t, name, h.Name)
}

package sla

import (
	"math/rand"
	"testing"
	"time"
	_ "time/tzdata" // the zones below, wherever the system has no database

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/slaclock/slaclock/calendar"
)

// appendDuration writes the odd durations as time.Duration.String does, without
// its allocation.
func TestAppendDuration(t *testing.T) {
	for _, c := range []struct {
		d    time.Duration
		want string
	}{
		{time.Hour, "1 hour"},
		{16 * time.Hour, "16 hours"},
		{90 * time.Minute, "90 minutes"},
		{16*time.Hour + 30*time.Minute, "16h30m0s"},
		{45*time.Minute + 10*time.Second, "45m10s"},
		{10 * time.Second, "10s"},
		{2*time.Hour + 5*time.Second, "2h0m5s"},
		{1500 * time.Millisecond, "1.5s"},
		{-time.Minute, "-1 minutes"},
		{-90 * time.Second, "-1m30s"},
	} {
		assert.Equal(t, c.want, string(appendDuration(nil, c.d)), "%d ns", int64(c.d))
		if c.d%time.Minute != 0 {
			assert.Equal(t, c.d.String(), string(appendDuration(nil, c.d)))
		}
	}
}

// The wall clock a renderer writes, the calendar's, is the one time.Time
// gives in the calendar's location, also for an instant given in another
// location, and the zone is written on the days the clocks change and only
// there, every quarter of an hour around the clock changes of Warsaw and
// of Beirut (whose clocks change at midnight) and over New Year, where Go
// reports zone periods without a change (golang/go#81583).
func TestZoneCacheAgreesWithTime(t *testing.T) {
	beirut, err := time.LoadLocation("Asia/Beirut")
	require.NoError(t, err)
	warsaw := calendar.Warsaw()
	type span struct {
		loc  *time.Location
		from time.Time
	}
	beirutCal, err := calendar.New(calendar.InLocation(beirut), calendar.WithYears(2017, 2019))
	require.NoError(t, err)
	cals := map[*time.Location]*calendar.Calendar{warsaw: calendar.Poland(), beirut: beirutCal}
	for _, s := range []span{
		{warsaw, time.Date(2026, 3, 27, 0, 0, 0, 0, warsaw)},
		{warsaw, time.Date(2026, 10, 23, 0, 0, 0, 0, warsaw)},
		{warsaw, time.Date(2040, 12, 29, 0, 0, 0, 0, warsaw)},
		{warsaw, time.Date(2026, 12, 30, 0, 0, 0, 0, warsaw)},
		{beirut, time.Date(2018, 3, 23, 0, 0, 0, 0, beirut)},
		{beirut, time.Date(2018, 10, 26, 0, 0, 0, 0, beirut)},
	} {
		z := zoneCache{cal: cals[s.loc]}
		for k := 0; k < 4*24*5; k++ {
			at := s.from.Add(time.Duration(k)*15*time.Minute + time.Duration(k%3)*time.Second)
			w := *z.civil(at)
			require.Equal(t, w, *z.civil(at), "%s twice", at)
			require.Equal(t, w, *z.civil(at.UTC()), "%s in UTC", at)
			y, m, d := at.Date()
			hh, mm, ss := at.Clock()
			require.Equal(t, calendar.Date{Year: y, Month: m, Day: d}, w.Date, "%s", at)
			require.Equal(t, [4]int{hh, mm, ss, at.Nanosecond()}, [4]int{w.Hour, w.Minute, w.Second, w.Nanosecond}, "%s", at)
			require.Equal(t, at.Weekday(), w.Weekday, "%s", at)
			day0 := time.Date(y, m, d, 0, 0, 0, 0, s.loc)
			day1 := time.Date(y, m, d+1, 0, 0, 0, 0, s.loc)
			_, o0 := day0.Zone()
			_, o1 := day1.Add(-time.Nanosecond).Zone()
			change := day1.Sub(day0) != 24*time.Hour || o0 != o1
			got := string(z.appendInstant(nil, at))
			want := string(appendWall(nil, &w))
			if change {
				want += " " + at.Format("MST")
			}
			require.Equal(t, want, got, "%s", at)
		}
	}
}

// The zone table of a calendar has each period Go reports, the ones at which
// neither offset nor name changes joined: Warsaw changes its clocks twice a
// year, so 1990-2200 has two periods a year.
func TestZoneTable(t *testing.T) {
	z := newZoneTable(calendar.Poland())
	assert.Len(t, z.periods, 2*(2200-1990+1)+1)
	for i, p := range z.periods {
		require.Less(t, p.from, p.to)
		if i > 0 {
			require.Equal(t, z.periods[i-1].to, p.from)
			require.NotEqual(t, z.periods[i-1].off, p.off)
		}
		at := time.Unix(p.from, 0).In(calendar.Warsaw())
		name, off := at.Zone()
		require.Equal(t, [2]any{p.name, p.off}, [2]any{name, int64(off)}, "%s", at)
	}
	// 2026: CEST from Sun 29 Mar 01:00 UTC to Sun 25 Oct 01:00 UTC.
	p, ok := z.find(calendar.Warsaw(), time.Date(2026, 7, 1, 0, 0, 0, 0, time.UTC).Unix())
	require.True(t, ok)
	assert.Equal(t, zonePeriod{from: time.Date(2026, 3, 29, 1, 0, 0, 0, time.UTC).Unix(), to: time.Date(2026, 10, 25, 1, 0, 0, 0, time.UTC).Unix(), off: 7200, name: "CEST"}, p)
	_, ok = z.find(time.UTC, 0)
	assert.False(t, ok, "another location")
	_, ok = z.find(calendar.Warsaw(), time.Date(1900, 1, 1, 0, 0, 0, 0, time.UTC).Unix())
	assert.False(t, ok, "before the table")
}

// The formatters write what time.Format writes, for instants with and without
// seconds and fractions, one- and two-digit days, every weekday and month, and
// years of fewer or more than four digits (padded to four, as
// time.Format pads them).
func TestFormattersAgreeWithTimeFormat(t *testing.T) {
	r := rand.New(rand.NewSource(7))
	for k := 0; k < 20000; k++ {
		y := 1990 + r.Intn(211)
		switch k % 50 {
		case 0:
			y = r.Intn(1000)
		case 1:
			y = 10000 + r.Intn(1000)
		}
		at := time.Date(y, time.Month(1+r.Intn(12)), 1+r.Intn(31), r.Intn(24), r.Intn(60), 0, 0, time.UTC)
		switch k % 4 {
		case 1:
			at = at.Add(time.Duration(r.Intn(60)) * time.Second)
		case 2:
			at = at.Add(time.Duration(r.Int63n(int64(time.Minute))))
		case 3:
			at = at.Add(time.Duration(r.Intn(60))*time.Second + time.Duration(r.Intn(1000))*time.Millisecond)
		}
		w := calendar.Wall{Date: calendar.DateOf(at), Weekday: at.Weekday()}
		w.Hour, w.Minute, w.Second = at.Clock()
		w.Nanosecond = at.Nanosecond()
		layout := "Mon 2 Jan 2006 15:04"
		if w.Second != 0 || w.Nanosecond != 0 {
			layout += ":05.999999999"
		}
		want := at.Format(layout)
		// Written after some text, into a slice with and without room.
		require.Equal(t, "x"+want, string(appendWall([]byte("x"), &w)), "%s", at)
		require.Equal(t, want, string(appendWall(make([]byte, 0, 64), &w)), "%s", at)
		day := calendar.DateOf(at)
		require.Equal(t, at.Format("Mon 2 Jan"), string(appendDay(nil, day)), "%s", at)
		require.Equal(t, "ab"+at.Format("Mon 2 Jan 2006"), string(appendDayYear([]byte("ab"), day)), "%s", at)
	}
}

// The record's packed dates give back every date they were made from.
func TestPackedDateRoundTrips(t *testing.T) {
	for d := (calendar.Date{Year: 1, Month: time.January, Day: 1}); d.Year < 10000; d = d.AddDays(1) {
		if got := pack(d).date(); got != d {
			t.Fatalf("pack(%s).date() = %s", d, got)
		}
	}
}

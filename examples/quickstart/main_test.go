package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The deadlines below are worked out by hand from SPEC section 6.
func TestQuickstartDeadlines(t *testing.T) {
	var out bytes.Buffer
	require.Equal(t, 0, run(&out))
	text := out.String()
	for _, want := range []string{
		// Submitted Fri 14:05 under 9x5: one hour later, same afternoon.
		"response: Fri 13 Nov 2026 15:05 CET",
		// Confirmed Fri 15:20, after the cutoff: the second business day, Tuesday, at 18:00.
		"delivery: Tue 17 Nov 2026 18:00 CET",
		"confirmed Fri 13 Nov 2026 15:20, after the 15:00 cutoff: counts from Mon 16 Nov",
		// Delivered Tue 17 Nov: the end of the 7th day after, Tue 24 Nov.
		"return:   Tue 24 Nov 2026 24:00 CET",
		// 24x7: 01:10 CET + 1 h is 03:10 CEST (02:00-03:00 does not exist that night).
		"response: Sun 29 Mar 2026 03:10 CEST",
		// 01:30 CET + 4 elapsed hours is 06:30 CEST.
		"delivery: Sun 29 Mar 2026 06:30 CEST",
		// Confirmed Tue 23 Dec 2025 14:10, before the cutoff; 24-26 Dec are holidays
		// and 27-28 Dec the weekend: Monday 29 Dec at the 8x5 close.
		"delivery: Mon 29 Dec 2025 17:00 CET",
		"Wigilia Bożego Narodzenia",
	} {
		assert.Contains(t, text, want)
	}
	assert.Equal(t, 3, strings.Count(text, "service "), "one block per example")
}

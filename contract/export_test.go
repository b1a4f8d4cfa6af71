package contract

import "slices"

// Test-only views of unexported state, so that the tests in package
// contract_test can check that a refused step or event changes nothing at all.

// StateOf returns a deep copy of everything q holds (its deadlines slice is
// cloned, so a later change to q cannot show through the copy).
func StateOf(q *Request) Request {
	c := *q
	c.log = slices.Clone(q.log)
	c.st.holds = slices.Clone(q.st.holds)
	c.st.changes = slices.Clone(q.st.changes)
	c.st.events = slices.Clone(q.st.events)
	c.st.deadlines = slices.Clone(q.st.deadlines)
	return c
}

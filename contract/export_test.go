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

// DeskState is a copy of a desk's state: every request opened, and the open
// request of each device key as an index into Requests.
type DeskState struct {
	Requests []Request
	Open     map[string]int
}

// StateOfDesk returns a deep copy of d's state.
func StateOfDesk(d *Desk) DeskState {
	s := DeskState{Open: map[string]int{}}
	for _, q := range d.requests {
		s.Requests = append(s.Requests, StateOf(q))
	}
	for k, q := range d.open {
		s.Open[k] = slices.Index(d.requests, q)
	}
	return s
}

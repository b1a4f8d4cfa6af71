package contract

import (
	"strconv"
	"strings"
)

// Step is an event of a request's timeline: a step of its progress (submitted
// to closed or rejected), a hold, its end, or a priority change.
type Step uint8

// The steps, in the order a request normally takes them: submitted ->
// (responded) -> confirmed -> shipped / delivered / on site -> returned ->
// closed; or submitted -> (responded) -> rejected at verification; or
// submitted -> (responded) -> closed, where verification solved a
// configuration or software problem and no hardware is sent. OnHold, Resumed
// and PriorityChanged can come between them while the request is open.
const (
	Submitted       Step = iota + 1 // the request was sent by an authorized user representative
	Responded                       // an engineer contacted the reporting person
	Confirmed                       // its validity was accepted after verification
	Shipped                         // the replacement left the logistics hub
	Delivered                       // the replacement was delivered
	OnSite                          // the engineer was on site
	Returned                        // the customer returned the damaged part
	Closed                          // the request was closed
	Rejected                        // verification did not confirm it
	OnHold                          // the provider waits for the customer: the clocks from the confirmation stop
	Resumed                         // the hold ended
	PriorityChanged                 // the request's priority changed
)

// lastStep is the last valid Step.
const lastStep = PriorityChanged

var stepNames = [...]string{Submitted: "submitted", Responded: "responded", Confirmed: "confirmed", Shipped: "shipped",
	Delivered: "delivered", OnSite: "onsite", Returned: "returned", Closed: "closed", Rejected: "rejected",
	OnHold: "hold", Resumed: "resumed", PriorityChanged: "priority"}

// stepAliases are the other names ParseStep accepts, after lowering case and
// removing spaces, hyphens and underscores.
var stepAliases = map[string]Step{"onhold": OnHold, "resume": Resumed, "prioritychanged": PriorityChanged, "prioritychange": PriorityChanged}

// valid reports whether s is one of the steps.
func (s Step) valid() bool { return s >= Submitted && s <= lastStep }

// progress reports whether s is a step of the request's progress (Submitted
// to Rejected), not a hold, its end or a priority change.
func (s Step) progress() bool { return s >= Submitted && s <= Rejected }

// once reports whether s happens at most once in a request's life.
func (s Step) once() bool { return s.progress() }

// String returns the step's name: submitted, responded, confirmed, shipped,
// delivered, onsite, returned, closed, rejected, hold, resumed, priority; an
// invalid Step prints as %!Step(n).
func (s Step) String() string {
	if !s.valid() {
		return "%!Step(" + strconv.Itoa(int(s)) + ")"
	}
	return stepNames[s]
}

// ParseStep parses a step's name, ignoring case, surrounding spaces, and
// spaces, hyphens and underscores inside: "on-site" and "on site" are onsite,
// "on hold" and "onhold" are hold, "resume" is resumed, "priority changed" is
// priority.
func ParseStep(name string) (Step, error) {
	t := strings.ToLower(strings.TrimSpace(name))
	t = stepSeparators.Replace(t)
	for s := Submitted; s <= lastStep; s++ {
		if stepNames[s] == t {
			return s, nil
		}
	}
	if s, ok := stepAliases[t]; ok {
		return s, nil
	}
	return 0, &FieldError{Field: "event", Value: name, Reason: "want submitted, responded, confirmed, shipped, delivered, onsite, returned, closed, rejected, hold, resumed or priority", Err: ErrInvalidField}
}

// stepSeparators drops what ParseStep ignores inside a name; built once, as
// a Replacer is costly to build and safe for concurrent use.
var stepSeparators = strings.NewReplacer("-", "", " ", "", "_", "")

// MarshalText writes the step's name (see String); an invalid Step is an
// error.
func (s Step) MarshalText() ([]byte, error) {
	if !s.valid() {
		return nil, &FieldError{Field: "step", Value: s.String(), Reason: "not a step", Err: ErrInvalidField}
	}
	return []byte(stepNames[s]), nil
}

// UnmarshalText reads a step's name as ParseStep does. On error s is
// unchanged.
func (s *Step) UnmarshalText(b []byte) error {
	v, err := ParseStep(string(b))
	if err != nil {
		return err
	}
	*s = v
	return nil
}

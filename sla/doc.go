// Package sla computes the service-level deadlines of hardware maintenance
// requests (the Huawei CoCare packages and the HEZO Assistance AHB and SOS
// add-ons), explains each one, and says whether it was met.
//
// # Deadlines
//
// A request is submitted, then (after verification) confirmed; a replacement
// may be shipped, delivered or brought on site by an engineer. From these a
// Calculator computes:
//
//   - the response: one hour (a setting) of the level's window from the
//     submission; outside the window the clock waits for its next opening;
//   - the target, from the confirmation: ship-by for -S levels, delivery, or
//     an engineer on site (the onsite CoCare packages have both, with the same
//     deadline). Hour targets (24x7x4, 8x5x8) are hours of the window, carried
//     over where it closes; a 24x7 hour is a real hour, also on the nights the
//     clocks change. Business-day targets (NBD, kBD) count coverage days, the
//     calendar's business days on which the window is open: the confirmation
//     is clamped into the window, and where the cutoff applies (the 8x5 and
//     9x5 windows by default, -S levels included) a confirmation at or after
//     15:00:00, or on a day that is not a coverage day, counts from the next
//     coverage day. The deadline is the window's close on the k-th coverage
//     day after that (24:00 for 24x7);
//   - the return of the damaged part: the end (24:00) of the seventh calendar
//     day after the replacement reached the customer (the delivery, or an
//     engineer's earlier arrival with the part on site).
//
// A deadline is the last instant at which its event is on time: an event at
// exactly the deadline is met, one nanosecond later breached. Without holds and
// priority changes a later confirmation never gets an earlier deadline.
//
// # Holds and priority changes
//
// A hold is an interval in which the provider waits for the customer. It stops
// the ship-by, delivery and on-site clocks still running when it begins; the
// window time that was left when the clock stopped runs again from the hold's
// end. The response and return clocks never stop. A hold that has not ended
// leaves those deadlines Paused, with the window time left known and frozen.
//
// A priority change matters where it changes the level (for the services split
// by priority, P1/P2 against P3/P4): a more urgent level makes the deadline the
// earlier of the old one and the new level's counted from the change; a less
// urgent one counts the new level from the start, with the holds before the
// change applied again. A change at or after the deadline moves nothing.
// Settings.RetroactivePriorityChanges counts both directions from the start.
//
// # Explanations, progress and alerts
//
// Each rule records what it decided as it decides it (the clamped start, the
// processing day, the cutoff, the holidays skipped, each hold and change and
// what it did); Explain renders that record as steps, in words a service desk
// can paste into a ticket and as data. Progress gives the window time used and
// left with the time on hold left out; AlertAt gives the instant at which a
// share of the target will be used, so a service sets a timer instead of
// polling; a provider's deadline escalates from Settings.EscalationShare (75 %)
// or once breached.
//
// Errors name the field and the value and wrap one sentinel per class; the
// calendar's errors (an instant outside 1990-01-01 to 2200-12-31 24:00) are
// wrapped too. No function reads the clock: every instant is passed in.
package sla

package main

// The service's view of package contract, under the short names the server's
// code uses.

import "github.com/slaclock/slaclock/contract"

type (
	Opening = contract.Opening
	Entry   = contract.Entry
	History = contract.History
	Request = contract.Request
	Status  = contract.Status
)

const (
	stepClosed          = contract.Closed
	stepRejected        = contract.Rejected
	stepPriorityChanged = contract.PriorityChanged
)

func parseStep(s string) (contract.Step, error) { return contract.ParseStep(s) }

func openRequest(reg *contract.Registry, o Opening) (*Request, error) { return reg.Open(o) }

func restoreRequest(reg *contract.Registry, h History) (*Request, error) { return reg.Restore(h) }

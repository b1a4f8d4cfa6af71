package main

// The service's view of package contract: the names the contract history API
// gives them. (Until that API is merged, shim.go provides them over the older
// one.)

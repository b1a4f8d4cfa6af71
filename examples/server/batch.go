package main

import (
	"net/http"

	"github.com/slaclock/slaclock/contract"
)

// batchLine answers one line of the batch format (examples/batch): its status
// and its answer line. Until the shared line processor lands, it says so.
func batchLine(_ *contract.Registry, line []byte) (int, []byte) {
	return http.StatusNotImplemented, []byte(`{"error":"server: POST /v1/deadlines is not built yet","problems":[{"field":"path","value":"/v1/deadlines","reason":"not built yet"}]}` + "\n")
}

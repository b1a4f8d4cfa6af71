package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/slaclock/slaclock/contract"
)

// maxBody is the largest request body accepted: 1 MiB. A larger one is
// answered 413.
const maxBody = 1 << 20

// Problem is one thing wrong with a call: the field, its value and why.
type Problem struct {
	Field  string `json:"field"`
	Value  string `json:"value"`
	Reason string `json:"reason"`
}

// apiError is an error answer: its status, its message and the problems.
type apiError struct {
	Status   int       `json:"-"`
	Message  string    `json:"error"`
	Problems []Problem `json:"problems"`
}

func (e *apiError) Error() string { return e.Message }

// fieldErr is a client's mistake in one field, with its status.
func fieldErr(status int, field, value, reason string) *apiError {
	msg := "server: " + field
	if value != "" {
		msg += " " + strconv.Quote(value)
	}
	msg += ": " + reason
	return &apiError{Status: status, Message: msg, Problems: []Problem{{Field: field, Value: value, Reason: reason}}}
}

// refusal is the answer for an error of the library: the message, and a
// problem for each field or step error in it (errors.Join trees included);
// where it has none, one problem for field with value.
func refusal(status int, err error, field, value string) *apiError {
	e := &apiError{Status: status, Message: err.Error()}
	var walk func(error)
	walk = func(err error) {
		switch x := err.(type) {
		case *contract.FieldError:
			e.Problems = append(e.Problems, Problem{Field: x.Field, Value: x.Value, Reason: x.Reason})
			return
		case *contract.StepError:
			e.Problems = append(e.Problems, Problem{Field: "event", Value: x.Step.String() + " at " + x.At, Reason: x.Reason})
			return
		case interface{ Unwrap() []error }:
			for _, c := range x.Unwrap() {
				walk(c)
			}
			return
		case interface{ Unwrap() error }:
			walk(x.Unwrap())
		}
	}
	walk(err)
	if len(e.Problems) == 0 {
		e.Problems = []Problem{{Field: field, Value: value, Reason: err.Error()}}
	}
	return e
}

// internal is the answer for the server's own failure.
func internal(err error) *apiError {
	return &apiError{Status: http.StatusInternalServerError, Message: err.Error(),
		Problems: []Problem{{Field: "server", Value: "", Reason: "the service failed; the call changed nothing and can be repeated"}}}
}

// writeJSON writes v as indented JSON with status.
func writeJSON(w http.ResponseWriter, status int, v any) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		status, b = http.StatusInternalServerError, *bytes.NewBufferString(`{"error":"server: encoding the answer failed","problems":[]}` + "\n")
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Content-Length", strconv.Itoa(b.Len()))
	w.WriteHeader(status)
	w.Write(b.Bytes())
}

// writeError writes e.
func writeError(w http.ResponseWriter, e *apiError) {
	if e.Problems == nil {
		e.Problems = []Problem{}
	}
	writeJSON(w, e.Status, e)
}

// decode reads the body of r, at most maxBody bytes, as one JSON value into
// v, refusing unknown fields and anything after the value.
func decode(w http.ResponseWriter, r *http.Request, v any) *apiError {
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxBody))
	var tooBig *http.MaxBytesError
	switch {
	case errors.As(err, &tooBig):
		return fieldErr(http.StatusRequestEntityTooLarge, "body", "", "larger than "+strconv.Itoa(maxBody)+" bytes (1 MiB)")
	case err != nil:
		return fieldErr(http.StatusBadRequest, "body", "", "cannot be read: "+err.Error())
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return jsonProblem(err, body)
	}
	if _, err := dec.Token(); err != io.EOF {
		return fieldErr(http.StatusBadRequest, "body", "", "has more after the JSON object: send one object")
	}
	return nil
}

// jsonProblem names what encoding/json found wrong.
func jsonProblem(err error, body []byte) *apiError {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.Is(err, io.EOF):
		return fieldErr(http.StatusBadRequest, "body", "", "empty: want a JSON object")
	case errors.Is(err, io.ErrUnexpectedEOF):
		return fieldErr(http.StatusBadRequest, "body", "", "malformed JSON: it ends early")
	case errors.As(err, &syn):
		return fieldErr(http.StatusBadRequest, "body", excerpt(body, syn.Offset), "malformed JSON at byte "+strconv.FormatInt(syn.Offset, 10)+": "+syn.Error())
	case errors.As(err, &typ):
		field := typ.Field
		if field == "" {
			field = "body"
		}
		return fieldErr(http.StatusBadRequest, field, typ.Value, "want a JSON "+jsonKind(typ.Type.Kind().String()))
	}
	if name, ok := strings.CutPrefix(err.Error(), "json: unknown field "); ok {
		name, _ = strconv.Unquote(name)
		return fieldErr(http.StatusBadRequest, name, "", "unknown field")
	}
	return fieldErr(http.StatusBadRequest, "body", "", "malformed JSON: "+err.Error())
}

func jsonKind(k string) string {
	switch k {
	case "struct", "map":
		return "object"
	case "slice", "array":
		return "array"
	case "bool":
		return "boolean"
	case "string":
		return "string"
	}
	return "number"
}

// excerpt is the body (up to 60 bytes of it, around offset), for an error
// message.
func excerpt(body []byte, offset int64) string {
	if len(body) <= 60 {
		return string(body)
	}
	from, to := int(offset)-30, int(offset)+30
	if from < 0 {
		from = 0
	}
	if to > len(body) {
		to = len(body)
	}
	if from > to {
		from = to
	}
	return string(body[from:to])
}

// parseTime parses an RFC 3339 instant of field; it is required.
func parseTime(field, s string) (time.Time, *apiError) {
	if s == "" {
		return time.Time{}, fieldErr(http.StatusBadRequest, field, "", "required: an RFC 3339 instant such as 2026-11-16T10:00:00+01:00")
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}, fieldErr(http.StatusBadRequest, field, s, "want an RFC 3339 instant with an offset, such as 2026-11-16T10:00:00+01:00")
	}
	return t, nil
}

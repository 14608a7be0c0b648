package clerktest

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"time"

	"github.com/workflowkit/clerk"
)

// The error codes the server answers with. All but methodNotAllowed are
// codes Clerk documents; Clerk does not document its answer to a method
// other than GET on these paths, so that one is assumed.
const (
	codeAuthentication   = "authentication_invalid"
	codeVersion          = "api_version_invalid"
	codeNotFound         = "resource_not_found"
	codeMethodNotAllowed = "request_method_not_allowed"
	codeTooManyRequests  = "too_many_requests"
	codeValueInvalid     = "form_param_value_invalid"
	codeFormatInvalid    = "form_param_format_invalid"
)

// apiError is one error answer, before it is encoded.
type apiError struct {
	status      int
	code        string
	message     string
	longMessage string
	param       string      // meta.param_name, or ""
	header      http.Header // extra response headers, or nil
}

// envelope is Clerk's error body.
type envelope struct {
	Errors  []clerk.ClerkError `json:"errors"`
	TraceID string             `json:"clerk_trace_id"`
}

// reply encodes the error in Clerk's envelope, carrying trace.
func (e *apiError) reply(trace string) reply {
	ce := clerk.ClerkError{Code: e.code, Message: e.message, LongMessage: e.longMessage}
	if e.param != "" {
		meta, _ := json.Marshal(map[string]string{"param_name": e.param})
		ce.Meta = clerk.Metadata(meta)
	}

	body, err := json.Marshal(envelope{Errors: []clerk.ClerkError{ce}, TraceID: trace})
	if err != nil {
		panic("clerktest: encoding an error envelope: " + err.Error())
	}
	return reply{status: e.status, header: e.header, body: body}
}

func errAuthentication() *apiError {
	return &apiError{
		status:  http.StatusUnauthorized,
		code:    codeAuthentication,
		message: "Invalid authentication",
		longMessage: "The request has no valid secret key. Send the header " +
			"Authorization with \"Bearer \" and the key from Server.SecretKey.",
	}
}

func errVersion(long string) *apiError {
	return &apiError{
		status:      http.StatusBadRequest,
		code:        codeVersion,
		message:     "Invalid API version",
		longMessage: long,
	}
}

func errNotFound(path string) *apiError {
	return &apiError{
		status:  http.StatusNotFound,
		code:    codeNotFound,
		message: "Resource not found",
		longMessage: "Nothing is served at " + strconv.Quote(path) +
			"; this server knows GET /v1/users and GET /v1/users/count.",
	}
}

func errMethod(method string) *apiError {
	return &apiError{
		status:      http.StatusMethodNotAllowed,
		code:        codeMethodNotAllowed,
		message:     "Method not allowed",
		longMessage: method + " is not allowed here; this API is read-only, use GET.",
		header:      http.Header{"Allow": {http.MethodGet}},
	}
}

// errTooMany answers a request past the rate limit; Retry-After is in
// whole seconds, rounded up, as Clerk sends it.
func errTooMany(wait time.Duration) *apiError {
	secs := int64((wait + time.Second - 1) / time.Second)
	return &apiError{
		status:  http.StatusTooManyRequests,
		code:    codeTooManyRequests,
		message: "Too many requests",
		longMessage: fmt.Sprintf("The rate limit of this secret key is spent; "+
			"retry after %d seconds.", secs),
		header: http.Header{"Retry-After": {strconv.FormatInt(secs, 10)}},
	}
}

// errValue is a 422 for a parameter whose value is well formed but not
// acceptable; long says what would be.
func errValue(param, long string) *apiError {
	return &apiError{
		status:      http.StatusUnprocessableEntity,
		code:        codeValueInvalid,
		message:     "is invalid",
		longMessage: long,
		param:       param,
	}
}

// errFormat is a 422 for a parameter that is not of its type; long says
// which form is expected.
func errFormat(param, long string) *apiError {
	return &apiError{
		status:      http.StatusUnprocessableEntity,
		code:        codeFormatInvalid,
		message:     "is incorrectly formatted",
		longMessage: long,
		param:       param,
	}
}

package clerk

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"
	"unicode/utf8"
)

// APIError is Clerk's answer to a request that did not succeed: any status
// outside 2xx. Use errors.As to get it:
//
//	var apiErr *clerk.APIError
//	if errors.As(err, &apiErr) && apiErr.StatusCode == http.StatusTooManyRequests {
//		// wait apiErr.RetryAfter, then try again
//	}
//
// Its Error method gives one line with the method, the path (never the
// query string, which holds personal data) and the status and first error
// code; it never holds the secret key, even when Clerk's body echoes it.
type APIError struct {
	// Method and Path say which call failed; Path has no query string.
	Method string
	Path   string
	// StatusCode is the HTTP status, such as 422.
	StatusCode int
	// Errors is Clerk's list of errors, empty when the body was not
	// Clerk's JSON (an HTML page from a proxy, say).
	Errors []ClerkError
	// TraceID is Clerk's trace id for the request, from the body or the
	// X-Clerk-Trace-Id header; give it to Clerk's support.
	TraceID string
	// RetryAfter is how long Clerk asked to wait before the next request,
	// from the Retry-After header of a 429 or 503; zero when absent.
	RetryAfter time.Duration
	// Body is a short excerpt of a body that was not Clerk's JSON, with
	// the secret key removed.
	Body string
	// Attempts is how many times the request was sent.
	Attempts int
}

// Error returns one readable line.
func (e *APIError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "clerk: %s %s: %d %s", e.Method, e.Path, e.StatusCode,
		http.StatusText(e.StatusCode))
	if len(e.Errors) > 0 {
		first := e.Errors[0]
		fmt.Fprintf(&b, ": %s", first.Code)
		if msg := firstNonEmpty(first.LongMessage, first.Message); msg != "" {
			fmt.Fprintf(&b, " (%s)", msg)
		}
		if len(e.Errors) > 1 {
			fmt.Fprintf(&b, " and %d more", len(e.Errors)-1)
		}
	} else if e.Body != "" {
		fmt.Fprintf(&b, ": %q", e.Body)
	}
	if e.RetryAfter > 0 {
		fmt.Fprintf(&b, "; retry after %s", e.RetryAfter)
	}
	if e.Attempts > 1 {
		fmt.Fprintf(&b, "; after %d attempts", e.Attempts)
	}
	if e.TraceID != "" {
		fmt.Fprintf(&b, "; trace %s", e.TraceID)
	}
	return b.String()
}

// Code returns the first error's code, such as "authentication_invalid",
// or "".
func (e *APIError) Code() string {
	if len(e.Errors) == 0 {
		return ""
	}
	return e.Errors[0].Code
}

// ParamName returns the query parameter that Clerk's first error names in
// meta.param_name, or "".
func (e *APIError) ParamName() string {
	for _, ce := range e.Errors {
		if name := ce.ParamName(); name != "" {
			return name
		}
	}
	return ""
}

// IsRateLimited reports whether err is a 429 from Clerk.
func IsRateLimited(err error) bool { return hasStatus(err, http.StatusTooManyRequests) }

// IsUnauthorized reports whether Clerk refused the secret key (401).
func IsUnauthorized(err error) bool { return hasStatus(err, http.StatusUnauthorized) }

func hasStatus(err error, status int) bool {
	var apiErr *APIError
	return errors.As(err, &apiErr) && apiErr.StatusCode == status
}

// maxExcerpt bounds APIError.Body, in bytes.
const maxExcerpt = 200

// newAPIError builds the error for a non-2xx answer from its body. The
// scrubber cleans everything taken from the answer.
func newAPIError(method, path string, resp *http.Response, body []byte,
	sc scrubber) *APIError {

	body = []byte(sc.text(string(body)))
	e := &APIError{
		Method:     method,
		Path:       path,
		StatusCode: resp.StatusCode,
		TraceID:    sc.text(resp.Header.Get("X-Clerk-Trace-Id")),
		RetryAfter: retryAfter(resp.Header, time.Now()),
	}

	var envelope struct {
		Errors  []ClerkError `json:"errors"`
		TraceID string       `json:"clerk_trace_id"`
	}
	if json.Unmarshal(body, &envelope) == nil && len(envelope.Errors) > 0 {
		e.Errors = envelope.Errors
		e.TraceID = firstNonEmpty(envelope.TraceID, e.TraceID)
		return e
	}
	e.Body = excerpt(body)
	return e
}

// excerpt returns the start of body as valid UTF-8 on one line.
func excerpt(body []byte) string {
	s := strings.ToValidUTF8(string(body), "")
	s = strings.Join(strings.Fields(s), " ")
	if len(s) <= maxExcerpt {
		return s
	}
	cut := maxExcerpt
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}

func firstNonEmpty(values ...string) string {
	for _, v := range values {
		if v != "" {
			return v
		}
	}
	return ""
}

// RequestError is a request that got no usable answer from Clerk: the
// connection failed, the body could not be read or decoded, or the context
// ended. It names the call without its query string. Unwrap gives the
// cause, so errors.Is(err, context.DeadlineExceeded) works.
type RequestError struct {
	Method   string
	Path     string
	Attempts int
	// LastStatus is the status of the last answer seen before the failure,
	// or 0.
	LastStatus int
	Err        error
}

// Error returns one readable line.
func (e *RequestError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "clerk: %s %s: %v", e.Method, e.Path, e.Err)
	if e.Attempts > 1 {
		fmt.Fprintf(&b, " (after %d attempts", e.Attempts)
		if e.LastStatus != 0 {
			fmt.Fprintf(&b, ", last status %d", e.LastStatus)
		}
		b.WriteString(")")
	}
	return b.String()
}

// Unwrap returns the cause.
func (e *RequestError) Unwrap() error { return e.Err }

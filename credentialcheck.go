package clerk

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"time"
)

// CredentialStatus is the verdict of TestCredential.
type CredentialStatus string

// The verdicts of TestCredential, one per thing that can be wrong.
const (
	// CredentialValid: Clerk accepted the key.
	CredentialValid CredentialStatus = "valid"
	// CredentialRejected: Clerk refused the key (401 or 403): it is wrong,
	// revoked, or belongs to another instance than the base URL serves.
	CredentialRejected CredentialStatus = "rejected"
	// CredentialRateLimited: the key's instance is over its rate limit;
	// the key itself was not judged.
	CredentialRateLimited CredentialStatus = "rate_limited"
	// CredentialUnreachable: no answer came from the API (DNS, connection,
	// TLS or timeout); the key was not judged.
	CredentialUnreachable CredentialStatus = "unreachable"
	// CredentialServerError: the API answered with an error that says
	// nothing about the key (a 5xx, or an answer that was not Clerk's).
	CredentialServerError CredentialStatus = "server_error"
	// CredentialWrongURL: the server answered 404 for the users list, so
	// the base URL does not point at the Backend API (it must end in /v1).
	CredentialWrongURL CredentialStatus = "wrong_url"
)

// CredentialCheck is what TestCredential found out.
type CredentialCheck struct {
	// Status is the verdict.
	Status CredentialStatus
	// Instance is the key's instance type, read from its prefix.
	Instance InstanceType
	// RoundTrip is how long the request took.
	RoundTrip time.Duration
	// StatusCode is the HTTP status Clerk answered, or 0 without answer.
	StatusCode int
	// TraceID is Clerk's trace id of the answer, if any.
	TraceID string
	// RetryAfter is how long Clerk asked to wait, for CredentialRateLimited.
	RetryAfter time.Duration
	// Message says the verdict in one plain sentence.
	Message string
}

// OK reports whether the key works.
func (c CredentialCheck) OK() bool { return c.Status == CredentialValid }

// TestCredential sends one cheap request (a page of one user) with one
// attempt and no retries, and tells whether the key works, which kind of
// instance it opens and how long the round trip took. The error is nil
// exactly when the key works; otherwise it is the cause, and the check's
// Status and Message say what it means. A publishable key or a malformed
// one never gets this far: NewCredential refuses it.
func (c *Client) TestCredential(ctx context.Context) (CredentialCheck, error) {
	if c == nil {
		return CredentialCheck{Status: CredentialServerError, Message: errNilClient.Error()},
			errNilClient
	}
	check := CredentialCheck{Instance: c.cred.InstanceType()}
	query := url.Values{"limit": {"1"}}

	start := time.Now()
	err := c.getWith(ctx, NoRetry(), "/users", query, func(body []byte) error {
		_, err := DecodeUsers(body) // a server that is not Clerk fails here
		return err
	})
	check.RoundTrip = time.Since(start)

	check.judge(err, c.base.Host)
	return check, err
}

// judge fills Status and Message from the request's outcome.
func (c *CredentialCheck) judge(err error, host string) {
	var apiErr *APIError
	var reqErr *RequestError
	switch {
	case err == nil:
		c.Status, c.StatusCode = CredentialValid, http.StatusOK
		c.Message = "the key works: Clerk accepted it for a " + string(c.Instance) +
			" instance"
		return
	case errors.As(err, &apiErr):
		c.StatusCode, c.TraceID, c.RetryAfter = apiErr.StatusCode, apiErr.TraceID,
			apiErr.RetryAfter
	case errors.As(err, &reqErr):
		c.StatusCode = reqErr.LastStatus // an answer that could not be read
	}

	switch {
	case c.StatusCode == http.StatusUnauthorized || c.StatusCode == http.StatusForbidden:
		c.Status = CredentialRejected
		c.Message = "Clerk refused the key: it is wrong or revoked, or it belongs to " +
			"another instance; copy a current secret key from the Clerk Dashboard"
	case c.StatusCode == http.StatusNotFound:
		c.Status = CredentialWrongURL
		c.Message = host + " has no users list at the base URL; it must point at the " +
			"Backend API and end in /v1, such as " + DefaultBaseURL + "; the key was " +
			"not checked"
	case c.StatusCode == http.StatusTooManyRequests:
		c.Status = CredentialRateLimited
		c.Message = "the instance is over its rate limit, so the key could not be " +
			"checked; try again after " + c.RetryAfter.String()
	case c.StatusCode == 0 && (errors.Is(err, context.Canceled) ||
		errors.Is(err, context.DeadlineExceeded)):
		c.Status = CredentialUnreachable
		c.Message = "no answer from " + host + " before the deadline; the key was " +
			"not checked"
	case c.StatusCode == 0:
		c.Status = CredentialUnreachable
		c.Message = "could not reach " + host + " (" + cause(err).Error() +
			"); check the network and the base URL; the key was not checked"
	case c.StatusCode >= 200 && c.StatusCode < 300:
		c.Status = CredentialServerError
		c.Message = host + " answered, but not with Clerk's list of users; check that " +
			"the base URL points at Clerk's Backend API; the key was not checked"
	default:
		c.Status = CredentialServerError
		c.Message = "the API answered " + http.StatusText(c.StatusCode) +
			", which says nothing about the key; try again later"
	}
}

// cause is what a *RequestError wraps, or err itself.
func cause(err error) error {
	var reqErr *RequestError
	if errors.As(err, &reqErr) && reqErr.Err != nil {
		return reqErr.Err
	}
	return err
}

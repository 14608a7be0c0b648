package clerk

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"time"

	"github.com/hashicorp/go-retryablehttp"
)

// maxBodyBytes bounds an answer's body. A page of 500 users with large
// metadata stays well below it.
const maxBodyBytes = 64 << 20

// get sends GET path?query, retrying as the client's policy allows, and
// hands a 2xx body to decode. Any other status is an *APIError; a failure
// without a usable answer is a *RequestError.
func (c *Client) get(ctx context.Context, path string, query url.Values,
	decode func([]byte) error) error {

	if c == nil {
		return errNilClient
	}
	return c.getWith(ctx, c.retry, path, query, decode)
}

var errNilClient = errors.New("clerk: the *Client is nil; make one with NewClient")

// getWith is get with another retry policy, for calls that must answer
// quickly rather than patiently.
func (c *Client) getWith(ctx context.Context, policy RetryPolicy, path string,
	query url.Values, decode func([]byte) error) error {

	u := *c.base
	u.Path += path
	u.RawQuery = query.Encode()
	apiPath := u.Path

	req, err := retryablehttp.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return &RequestError{Method: http.MethodGet, Path: apiPath, Err: err}
	}
	req.Header.Set("Authorization", "Bearer "+c.cred.secret())
	req.Header.Set("Clerk-API-Version", c.apiVersion)
	req.Header.Set("User-Agent", c.userAgent)
	req.Header.Set("Accept", "application/json")

	cl := &call{c: c, policy: policy, path: apiPath, query: query, decode: decode}
	if err := c.throttle.wait(ctx); err != nil {
		return cl.result(nil, err)
	}
	resp, err := cl.retryClient().Do(req)
	if resp != nil {
		defer resp.Body.Close()
	}
	return cl.result(resp, err)
}

// call is the state of one get across its attempts.
type call struct {
	c      *Client
	policy RetryPolicy
	path   string
	query  url.Values
	decode func([]byte) error

	attempt int           // attempts started so far
	started time.Time     // when the current attempt started
	wait    time.Duration // the wait chosen before the next attempt
	body    []byte        // the final answer's body, once read
	read    bool          // whether body holds the final answer
	bodyErr error         // why the final answer's body is unusable
	status  int           // the status of the latest answer
	scrub   *scrubber     // built on first use
}

// retryClient configures go-retryablehttp for this call: no logger of its
// own, this call's retry decision and wait, and the last answer passed
// through instead of a bare "giving up".
func (cl *call) retryClient() *retryablehttp.Client {
	return &retryablehttp.Client{
		HTTPClient:     cl.c.http,
		RetryMax:       cl.policy.MaxAttempts - 1,
		RetryWaitMin:   cl.policy.MinWait,
		RetryWaitMax:   cl.policy.MaxWait,
		RequestLogHook: cl.onAttempt,
		CheckRetry:     cl.checkRetry,
		Backoff: func(_, _ time.Duration, _ int, _ *http.Response) time.Duration {
			return cl.wait
		},
		PrepareRetry: func(req *http.Request) error {
			return cl.c.throttle.wait(req.Context())
		},
		ErrorHandler: retryablehttp.PassthroughErrorHandler,
	}
}

func (cl *call) onAttempt(_ retryablehttp.Logger, _ *http.Request, i int) {
	cl.attempt = i + 1
	cl.started = time.Now()
}

// checkRetry sees every attempt's outcome. It decides whether to try
// again and how long to wait first; when it stops, it reads and decodes the
// final answer's body, so that a body that breaks off is retried too.
func (cl *call) checkRetry(ctx context.Context, resp *http.Response, err error) (bool, error) {
	if ctx.Err() != nil {
		return false, ctx.Err()
	}
	if err != nil {
		cl.logAttempt(0, "", err)
		retry, _ := retryablehttp.DefaultRetryPolicy(ctx, nil, err)
		return cl.retryIf(ctx, retry, nil, err), nil
	}

	cl.status = resp.StatusCode
	trace := cl.traceID(resp)
	cl.logAttempt(resp.StatusCode, trace, nil)
	if resp.StatusCode == http.StatusTooManyRequests {
		cl.c.throttle.pause(max(retryAfter(resp.Header, time.Now()), cl.policy.MinWait))
	}
	if retryableStatus(resp.StatusCode) && cl.retryIf(ctx, true, resp, nil) {
		return true, nil
	}

	if err := cl.readBody(resp); err != nil {
		return cl.retryIf(ctx, !errors.Is(err, errTooLarge), nil, err), nil
	}
	return false, nil
}

// retryIf decides a retry that the outcome allows: attempts must be left
// and the wait must fit both MaxWait and the context's deadline.
func (cl *call) retryIf(ctx context.Context, retryable bool, resp *http.Response,
	cause error) bool {

	policy := cl.policy
	if !retryable || cl.attempt >= policy.MaxAttempts {
		return false
	}
	wait := policy.backoff(cl.attempt-1, resp, time.Now())
	if wait > policy.MaxWait {
		return false
	}
	if deadline, ok := ctx.Deadline(); ok && time.Until(deadline) < wait {
		return false
	}

	cl.wait = wait
	cl.logRetry(resp, cause)
	return true
}

var errTooLarge = fmt.Errorf("answer is larger than %d MiB", maxBodyBytes>>20)

// readBody reads the whole body, replaces it with the bytes read and, for
// a 2xx answer, decodes it.
func (cl *call) readBody(resp *http.Response) error {
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxBodyBytes+1))
	resp.Body.Close()
	resp.Body = http.NoBody
	cl.bodyErr = nil // an earlier attempt's failure says nothing about this one
	switch {
	case err != nil:
		cl.bodyErr = fmt.Errorf("%w: %w", errBodyRead, err)
	case len(body) > maxBodyBytes:
		cl.bodyErr = errTooLarge
	case resp.StatusCode >= 200 && resp.StatusCode < 300:
		if err := cl.decode(body); err != nil {
			cl.bodyErr = fmt.Errorf("decoding the answer: %w", err)
		}
	}
	if cl.bodyErr != nil {
		return cl.bodyErr
	}
	cl.body, cl.read = body, true
	return nil
}

// result turns the outcome of the last attempt into the call's error.
func (cl *call) result(resp *http.Response, err error) error {
	fail := func(cause error) error {
		return &RequestError{Method: http.MethodGet, Path: cl.path,
			Attempts: cl.attempt, LastStatus: cl.status, Err: cl.scrubber().err(cause)}
	}
	var paused *pausedError
	switch {
	case errors.As(err, &paused):
		return paused.asAPIError(cl.path)
	case err != nil:
		return fail(withoutURL(err))
	case cl.bodyErr != nil:
		return fail(cl.bodyErr)
	case !cl.read:
		// The last answer was retryable but no attempt was left, or its
		// wait did not fit: read it now to report it.
		if err := cl.readBody(resp); err != nil {
			return fail(err)
		}
	}
	if resp.StatusCode >= 200 && resp.StatusCode < 300 {
		return nil
	}

	apiErr := newAPIError(http.MethodGet, cl.path, resp, cl.body, cl.scrubber())
	apiErr.Attempts = cl.attempt
	if resp.StatusCode >= 300 && resp.StatusCode < 400 {
		apiErr.Body = cl.redirectNote(resp)
	}
	return apiErr
}

// redirectNote says why a 3xx answer was not followed.
func (cl *call) redirectNote(resp *http.Response) string {
	loc := resp.Header.Get("Location")
	target, err := resp.Request.URL.Parse(loc)
	why := errRedirectRefused.Error()
	if err == nil && target.Scheme == cl.c.base.Scheme && target.Host == cl.c.base.Host {
		why = fmt.Sprintf("stopped after %d redirects within the API's host", maxRedirects)
	}
	return fmt.Sprintf("%s (Location: %s)", why, cl.scrubber().text(redactLocation(loc)))
}

// withoutURL drops the URL that net/http puts in its errors: its query
// holds email addresses and phone numbers.
func withoutURL(err error) error {
	var urlErr *url.Error
	if errors.As(err, &urlErr) {
		return urlErr.Err
	}
	return err
}

func (cl *call) logAttempt(status int, trace string, err error) {
	log := cl.c.logger
	if log == nil || !log.Enabled(context.Background(), slog.LevelDebug) {
		return
	}
	attrs := []any{
		"method", http.MethodGet, "path", cl.path, "query", redactQuery(cl.query),
		"attempt", cl.attempt, "duration", time.Since(cl.started),
	}
	if err != nil {
		attrs = append(attrs, "error", cl.scrubber().text(withoutURL(err).Error()))
	} else {
		attrs = append(attrs, "status", status, "trace_id", trace)
	}
	log.Debug("clerk: attempt", attrs...)
}

func (cl *call) logRetry(resp *http.Response, cause error) {
	log := cl.c.logger
	if log == nil {
		return
	}
	attrs := []any{
		"method", http.MethodGet, "path", cl.path, "attempt", cl.attempt, "wait", cl.wait,
	}
	if resp != nil {
		attrs = append(attrs, "status", resp.StatusCode,
			"trace_id", cl.traceID(resp))
	}
	if cause != nil {
		attrs = append(attrs, "error", cl.scrubber().text(withoutURL(cause).Error()))
	}
	log.Warn("clerk: retrying", attrs...)
}

// traceID is Clerk's trace id header, scrubbed of the key in case a
// misbehaving server echoes it there.
func (cl *call) traceID(resp *http.Response) string {
	return cl.scrubber().text(resp.Header.Get("X-Clerk-Trace-Id"))
}

// scrubber cleans text from this call's answers and errors.
func (cl *call) scrubber() scrubber {
	if cl.scrub == nil {
		sc := newScrubber(cl.c.cred.secret(), cl.query)
		cl.scrub = &sc
	}
	return *cl.scrub
}

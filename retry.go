package clerk

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// RetryPolicy says how often and how patiently a request is tried again
// after a 429, a 5xx other than 501, or a failed connection. 400, 401, 403,
// 404 and 422 are never retried: sending them again cannot help.
type RetryPolicy struct {
	// MaxAttempts is how many times a request is sent at most, the first
	// time included. 1 switches retries off. Default 4.
	MaxAttempts int
	// MinWait is the first backoff and the floor under any wait, including
	// a Retry-After of 0. Default 500ms.
	MinWait time.Duration
	// MaxWait caps every backoff. When Clerk's Retry-After asks for more,
	// or for more than is left before the context's deadline, the request
	// is not retried: the caller gets the 429 as an *APIError whose
	// RetryAfter says when to come back. Default 30s.
	MaxWait time.Duration
}

// DefaultRetryPolicy is the policy a Client uses unless WithRetry says
// otherwise.
func DefaultRetryPolicy() RetryPolicy {
	return RetryPolicy{MaxAttempts: 4, MinWait: 500 * time.Millisecond, MaxWait: 30 * time.Second}
}

// NoRetry is a policy that sends each request once.
func NoRetry() RetryPolicy {
	p := DefaultRetryPolicy()
	p.MaxAttempts = 1
	return p
}

func (p RetryPolicy) validate() error {
	switch {
	case p.MaxAttempts < 1:
		return fmt.Errorf("clerk: RetryPolicy.MaxAttempts must be at least 1 "+
			"(1 means no retries), got %d", p.MaxAttempts)
	case p.MinWait < 0:
		return fmt.Errorf("clerk: RetryPolicy.MinWait must not be negative, got %s", p.MinWait)
	case p.MaxWait < p.MinWait:
		return fmt.Errorf("clerk: RetryPolicy.MaxWait (%s) must not be less than "+
			"MinWait (%s)", p.MaxWait, p.MinWait)
	}
	return nil
}

// retryableStatus reports whether an answer with this status may succeed
// when sent again.
func retryableStatus(status int) bool {
	return status == http.StatusTooManyRequests ||
		(status >= 500 && status != http.StatusNotImplemented)
}

// backoff is the wait before retry number n (0 for the first retry): the
// server's Retry-After on a 429 or 503 when it gave one, otherwise a
// capped exponential backoff with full jitter. Every wait is at least
// MinWait.
func (p RetryPolicy) backoff(n int, resp *http.Response, now time.Time) time.Duration {
	if resp != nil && (resp.StatusCode == http.StatusTooManyRequests ||
		resp.StatusCode == http.StatusServiceUnavailable) {
		if ra := retryAfter(resp.Header, now); ra > 0 {
			return max(ra, p.MinWait)
		}
	}

	ceiling := p.MaxWait
	if n < 32 && p.MinWait<<n > 0 && p.MinWait<<n < p.MaxWait {
		ceiling = p.MinWait << n
	}
	if ceiling <= p.MinWait {
		return p.MinWait
	}
	return p.MinWait + rand.N(ceiling-p.MinWait+1)
}

// maxRetryAfter bounds a parsed Retry-After, so that a hostile or broken
// value cannot overflow; anything above it is treated as absent.
const maxRetryAfter = 24 * time.Hour

// retryAfter reads the Retry-After header: whole seconds, or an HTTP date
// in any of the three forms HTTP allows. Junk, negative and overflowing
// values count as absent (zero). A date in the past is zero too.
func retryAfter(h http.Header, now time.Time) time.Duration {
	v := strings.TrimSpace(h.Get("Retry-After"))
	if v == "" {
		return 0
	}
	if isDigits(v) {
		secs, err := strconv.ParseInt(v, 10, 64)
		if err != nil || secs > int64(maxRetryAfter/time.Second) {
			return 0
		}
		return time.Duration(secs) * time.Second
	}
	when, err := http.ParseTime(v)
	if err != nil {
		return 0
	}
	wait := when.Sub(now)
	if wait <= 0 || wait > maxRetryAfter {
		return 0
	}
	return wait.Round(time.Second)
}

func isDigits(s string) bool {
	for i := range len(s) {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// errBodyRead marks a failure to read or decode an answer's body; such an
// attempt is retried like a dropped connection.
var errBodyRead = errors.New("reading the response body")

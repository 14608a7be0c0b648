package clerk

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"sync"
	"time"
)

// Clerk's documented rate limits, per instance (per secret key).
const (
	// ProductionRequestsPer10s is the limit of a production instance.
	ProductionRequestsPer10s = 1000
	// DevelopmentRequestsPer10s is the limit of a development instance.
	DevelopmentRequestsPer10s = 100
)

// WithRateLimit makes the client send at most requests per period, shared
// by every goroutine that uses it, so that a busy program waits on its own
// side instead of collecting 429s from Clerk. Default: the documented limit
// of the key's instance, 1000 per 10s for sk_live_ keys and 100 per 10s
// for sk_test_ keys. WithRateLimit(0, 0) switches client-side limiting off.
//
// Clerk counts per instance: when several processes share a key, give each
// its share. Whatever this limit, a 429 from Clerk pauses every caller of
// the client until its Retry-After has passed.
func WithRateLimit(requests int, per time.Duration) Option {
	return func(s *settings) error {
		switch {
		case requests == 0 && per == 0:
			s.rateLimit = &rateSetting{}
		case requests <= 0 || per <= 0:
			return fmt.Errorf("clerk: WithRateLimit wants a positive number of requests "+
				"per positive period, such as (100, 10*time.Second), or (0, 0) for no "+
				"limit; got (%d, %s)", requests, per)
		default:
			s.rateLimit = &rateSetting{requests: requests, per: per}
		}
		return nil
	}
}

// rateSetting is a client-side limit; zero requests means none.
type rateSetting struct {
	requests int
	per      time.Duration
}

// defaultRateSetting is the documented limit of the instance.
func defaultRateSetting(instance InstanceType) *rateSetting {
	if instance == Production {
		return &rateSetting{requests: ProductionRequestsPer10s, per: 10 * time.Second}
	}
	return &rateSetting{requests: DevelopmentRequestsPer10s, per: 10 * time.Second}
}

// throttle paces a client's requests: a sliding window for the
// client-side limit, and a pause that a 429 sets for every caller.
type throttle struct {
	window *slidingWindow // nil when client-side limiting is off

	mu          sync.Mutex
	pausedUntil time.Time
}

func newThrottle(s *rateSetting) *throttle {
	if s.requests == 0 {
		return &throttle{}
	}
	return &throttle{window: newSlidingWindow(s.requests, s.per)}
}

// errPausedTooLong is the cause of a request that was not sent because the
// pause after Clerk's 429 outlasts the caller's deadline.
var errPausedTooLong = errors.New("clerk is rate limiting this instance, and the " +
	"pause it asked for does not fit the context's deadline")

// wait blocks until a request may be sent: after any pause set by a 429,
// and when the bucket has a token. It returns at once with an error when
// the context ends or cannot wait that long.
func (t *throttle) wait(ctx context.Context) error {
	if err := t.waitPause(ctx); err != nil {
		return err
	}
	if t.window == nil {
		return ctx.Err()
	}
	return t.window.wait(ctx)
}

func (t *throttle) waitPause(ctx context.Context) error {
	t.mu.Lock()
	until := t.pausedUntil
	t.mu.Unlock()

	d := time.Until(until)
	if d <= 0 {
		return nil
	}
	if deadline, ok := ctx.Deadline(); ok && deadline.Before(until) {
		return &pausedError{until: until}
	}
	return sleep(ctx, d)
}

// sleep waits d, or until ctx ends, whichever comes first.
func sleep(ctx context.Context, d time.Duration) error {
	timer := time.NewTimer(d)
	defer timer.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-timer.C:
		return nil
	}
}

// pause holds every caller back until now+d; a later pause extends an
// earlier one, never shortens it.
func (t *throttle) pause(d time.Duration) {
	until := time.Now().Add(d)
	t.mu.Lock()
	if until.After(t.pausedUntil) {
		t.pausedUntil = until
	}
	t.mu.Unlock()
}

// pausedError is returned when a pause outlasts the deadline; the client
// turns it into a 429 *APIError so that callers handle both alike.
type pausedError struct{ until time.Time }

func (e *pausedError) Error() string { return errPausedTooLong.Error() }

// asAPIError describes the pause as the 429 that caused it.
func (e *pausedError) asAPIError(path string) *APIError {
	return &APIError{
		Method:     http.MethodGet,
		Path:       path,
		StatusCode: http.StatusTooManyRequests,
		RetryAfter: time.Until(e.until).Round(time.Millisecond),
		Body:       "not sent: " + errPausedTooLong.Error(),
	}
}

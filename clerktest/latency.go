package clerktest

import (
	"context"
	"time"
)

// WithLatency makes every request wait d before it is answered, as if
// Clerk were far away or busy; a Fault's Delay adds to it. The answer is
// decided when the request arrives (its key, rate limit, fault and
// users), then the wait runs, then the request is recorded and answered.
// A client that gives up ends the wait: its request is recorded with
// Status 0 once the server notices, which may be a moment after the
// client's call returned. By default, and when d is zero or less, there
// is no wait.
func WithLatency(d time.Duration) Option {
	return func(c *config) {
		c.latency = d
	}
}

// pause waits d, or until ctx ends, and reports whether it waited d. A d
// of zero or less returns true at once.
func pause(ctx context.Context, d time.Duration) bool {
	if d <= 0 {
		return true
	}
	t := time.NewTimer(d)
	defer t.Stop()

	select {
	case <-t.C:
		return true
	case <-ctx.Done():
		return false
	}
}

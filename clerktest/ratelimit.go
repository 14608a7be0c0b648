package clerktest

import (
	"sync"
	"time"
)

// limiter counts requests in fixed windows. A nil limiter allows every
// request. The shape of Clerk's window is assumed (fixed, starting with
// the first request), as its documentation does not say.
type limiter struct {
	max    int
	window time.Duration

	mu    sync.Mutex
	start time.Time
	used  int
}

// newLimiter returns a limiter, or nil when max or window turn it off.
func newLimiter(max int, window time.Duration) *limiter {
	if max < 1 || window <= 0 {
		return nil
	}
	return &limiter{max: max, window: window}
}

// take spends one request at now. It reports false, with the time left in
// the window, when the window's requests are spent.
func (l *limiter) take(now time.Time) (time.Duration, bool) {
	if l == nil {
		return 0, true
	}
	l.mu.Lock()
	defer l.mu.Unlock()

	if l.start.IsZero() || now.Sub(l.start) >= l.window {
		l.start, l.used = now, 0
	}
	if l.used >= l.max {
		return l.start.Add(l.window).Sub(now), false
	}
	l.used++
	return 0, true
}

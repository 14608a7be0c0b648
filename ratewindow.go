package clerk

import (
	"context"
	"fmt"
	"sync"
	"time"
)

// slidingWindow lets at most n requests start in any interval of length
// per, wherever that interval begins, so that it also respects a server
// that counts in fixed windows it aligns as it likes. Unlike a token
// bucket of the same safety, it lets a short burst use the whole limit at
// once. It keeps the start times of the last n requests in a ring.
type slidingWindow struct {
	mu   sync.Mutex
	n    int
	per  time.Duration
	ring []time.Time // reserved start times, oldest at next once full
	next int
}

// windowMargin widens the window, so that requests whose start or
// arrival is delayed (a busy scheduler, network jitter) still fit Clerk's
// count: 2% of the period, and at least minWindowMargin.
const (
	windowMargin    = 50
	minWindowMargin = 100 * time.Millisecond
)

func newSlidingWindow(n int, per time.Duration) *slidingWindow {
	margin := max(per/windowMargin, minWindowMargin)
	return &slidingWindow{n: n, per: per + margin, ring: make([]time.Time, 0, n)}
}

// wait blocks until a request may start, and counts it. It returns at
// once when ctx ends first or its deadline comes before the request's
// turn; a turn given up that way is not counted.
func (w *slidingWindow) wait(ctx context.Context) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	at, ok := w.reserve(ctx)
	if !ok {
		return fmt.Errorf("%w: the client-side rate limit would delay the request "+
			"past it", context.DeadlineExceeded)
	}
	d := time.Until(at)
	if d <= 0 {
		return ctx.Err()
	}
	return sleep(ctx, d)
}

// reserve returns when the next request may start and counts it, unless
// that is after ctx's deadline. Reserved times never decrease, so the ring
// stays in order and its oldest entry is the n-th latest request.
func (w *slidingWindow) reserve(ctx context.Context) (time.Time, bool) {
	w.mu.Lock()
	defer w.mu.Unlock()

	now := time.Now() // read under the lock, so that the ring stays in order
	if len(w.ring) < w.n {
		w.ring = append(w.ring, now)
		return now, true
	}
	at := now
	if free := w.ring[w.next].Add(w.per); free.After(at) {
		at = free
	}
	if deadline, ok := ctx.Deadline(); ok && deadline.Before(at) {
		return time.Time{}, false
	}
	w.ring[w.next] = at
	w.next = (w.next + 1) % w.n
	return at, true
}

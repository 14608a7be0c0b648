package clerk

import (
	"errors"
	"net/http"
	"sync"
	"time"
)

// window is a range of creation times, in whole Unix milliseconds, that
// one worker walks in ascending order. Its fields change only under the
// scheduler's lock.
type window struct {
	lo, hi int64 // users with lo <= created_at <= hi; hi shrinks on a split

	seen   bool   // whether a page of this window arrived yet
	seenAt int64  // created_at and id of the last user seen on a page,
	seenID string // which is where the next page starts
	cursor bool   // whether the next page may start after seenID

	// density is users per millisecond on the window's last page, when
	// that page was full; 0 when it was not, which means the window is
	// about to end and not worth splitting.
	density float64
}

// cursorRefused reports whether err is Clerk refusing a starting_after
// cursor, which happens when that user was deleted meanwhile.
func (w *window) cursorRefused(err error) bool {
	var apiErr *APIError
	return errors.As(err, &apiErr) && apiErr.StatusCode == http.StatusUnprocessableEntity &&
		apiErr.ParamName() == "starting_after"
}

// scheduler hands windows to workers and splits the largest one when a
// worker would otherwise sit idle.
//
// "Largest" is estimated from the density of the window's last full page
// times the time it has left, and only windows with at least two pages
// left by that estimate are split, so that the end of a scan does not
// spend requests on halves of nearly finished windows. The estimate is
// poor for data with sharp clusters (a dense bulk import followed by
// silence): a split may then land on an empty half and cost one short
// request. Counting users per window first would fix that, at the price
// of extra requests on every scan.
type scheduler struct {
	mu      sync.Mutex
	changed *sync.Cond // signalled when a window finishes or learns its density
	limit   int
	pending []*window
	active  map[*window]struct{}
	stopped bool
}

// newScheduler splits [lo, hi] into n windows of equal time span, to be
// walked with pages of limit users.
func newScheduler(lo, hi int64, n, limit int) *scheduler {
	s := &scheduler{limit: limit, active: map[*window]struct{}{}}
	s.changed = sync.NewCond(&s.mu)
	span := hi - lo + 1
	parts := int64(max(1, min(n, int(min(span, 1<<20)))))
	for i := range parts {
		from := lo + span*i/parts
		to := lo + span*(i+1)/parts - 1
		s.pending = append(s.pending, &window{lo: from, hi: to})
	}
	return s
}

// take returns a window for a worker: a pending one, or the upper half of
// the active window with the most users left. While no window is worth
// splitting it waits for one to become so; it returns nil once every
// window is done or the scheduler is stopped.
func (s *scheduler) take() *window {
	s.mu.Lock()
	defer s.mu.Unlock()

	for !s.stopped {
		if w := s.split(); w != nil {
			return w
		}
		if len(s.active) == 0 {
			return nil
		}
		s.changed.Wait()
	}
	return nil
}

// stop wakes every waiting worker and makes take return nil.
func (s *scheduler) stop() {
	s.mu.Lock()
	s.stopped = true
	s.mu.Unlock()
	s.changed.Broadcast()
}

// split hands out a pending window or splits the largest active one; it
// returns nil when neither is possible now. The caller holds the lock.
func (s *scheduler) split() *window {
	if n := len(s.pending); n > 0 {
		w := s.pending[n-1]
		s.pending = s.pending[:n-1]
		s.active[w] = struct{}{}
		return w
	}

	var widest *window
	most := 2 * float64(s.limit)
	for w := range s.active {
		span := w.hi - w.next()
		if left := w.density * float64(span); span >= 1 && left >= most {
			widest, most = w, left
		}
	}
	if widest == nil {
		return nil
	}

	// The walker keeps [next, mid]; the new window takes (mid, hi].
	mid := widest.next() + (widest.hi-widest.next())/2
	stolen := &window{lo: mid + 1, hi: widest.hi}
	widest.hi = mid
	s.active[stolen] = struct{}{}
	return stolen
}

// next is the first millisecond the window has not fully walked.
func (w *window) next() int64 {
	if !w.seen {
		return w.lo
	}
	return w.seenAt
}

// finish forgets a window its worker is done with.
func (s *scheduler) finish(w *window) {
	s.mu.Lock()
	delete(s.active, w)
	s.mu.Unlock()
	s.changed.Broadcast()
}

// pageParams builds the query of the window's next page and returns the
// window's upper bound at that moment.
func (s *scheduler) pageParams(w *window, base *ListUsersParams) (*ListUsersParams, int64) {
	s.mu.Lock()
	defer s.mu.Unlock()

	p := base.Clone().OrderBy(OrderCreatedAt, Ascending)
	from := w.next()
	// Clerk's bounds are strict: one millisecond beyond each end keeps the
	// ends in.
	p.createdAt.after = time.UnixMilli(from - 1)
	p.createdAt.before = time.UnixMilli(w.hi + 1)
	if w.seen && w.cursor {
		p.startingAfter = w.seenID
	}
	return p, w.hi
}

// dropCursor makes the window's next page start from its last seen
// millisecond without a cursor.
func (s *scheduler) dropCursor(w *window) {
	s.mu.Lock()
	w.cursor = false
	s.mu.Unlock()
}

// record takes a page of the window, in ascending (created_at, id) order,
// and returns the users not seen before that still belong to the window,
// and whether the window is done.
func (s *scheduler) record(w *window, page []User, limit int) ([]User, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()

	fresh := page[:0:0]
	for i := range page {
		u := &page[i]
		if u.CreatedAt > w.hi {
			// A split moved the rest of this page to another window.
			return fresh, true
		}
		if w.seen && !laterThan(u.CreatedAt, u.ID, w.seenAt, w.seenID) {
			continue // already seen, on a page before a dropped cursor
		}
		w.seen, w.seenAt, w.seenID, w.cursor = true, u.CreatedAt, u.ID, true
		fresh = append(fresh, *u)
	}

	w.density = 0
	if len(page) == limit {
		first, last := page[0].CreatedAt, page[len(page)-1].CreatedAt
		w.density = float64(len(page)) / float64(last-first+1)
		s.changed.Broadcast()
	}
	return fresh, len(page) < limit
}

// laterThan orders users as Clerk's ascending created_at ordering does:
// by creation time, then by id.
func laterThan(at int64, id string, thanAt int64, thanID string) bool {
	if at != thanAt {
		return at > thanAt
	}
	return id > thanID
}

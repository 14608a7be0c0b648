package clerk

import (
	"errors"
	"net/http"
	"sync"
	"time"
)

// window is a range of creation times, in whole Unix milliseconds. One
// worker walks it upwards; when it is dense, a second worker may walk it
// downwards from its top, and the two stop where they meet. Its fields
// change only under the scheduler's lock.
type window struct {
	lo, hi int64 // users with lo <= created_at <= hi; hi shrinks on a split

	up   pos // where the upward walk stands
	down pos // where the downward walk stands, once there is one

	hasDown bool // whether a worker walks the window downwards
	walkers int  // workers still walking the window

	// density is users per millisecond on the upward walk's last page,
	// when that page was full; 0 when it was not, which means the window
	// is about to end and not worth sharing. full tells whether that page
	// lay within a single millisecond, whose size no page can measure.
	density float64
	full    bool
}

// pos is where one walk of a window stands: the last user it saw.
type pos struct {
	seen   bool
	at     int64
	id     string
	cursor bool // whether the next page may start after id
}

// cursorRefused reports whether err is Clerk refusing a starting_after
// cursor, which happens when that user was deleted meanwhile.
func (w *window) cursorRefused(err error) bool {
	var apiErr *APIError
	return errors.As(err, &apiErr) && apiErr.StatusCode == http.StatusUnprocessableEntity &&
		apiErr.ParamName() == "starting_after"
}

// claim is a window and the direction a worker walks it in.
type claim struct {
	w    *window
	down bool
}

// scheduler hands windows to workers and shares the largest one when a
// worker would otherwise sit idle: it splits the window's time range at
// its middle, or, when the rest of the window is too dense to split by
// time (many users in few milliseconds, as after a bulk import), sends the
// idle worker to walk it from the top down.
//
// "Largest" is estimated from the density of the window's last full page
// times the time it has left, and only windows with at least two pages
// left by that estimate are shared, so that the end of a scan does not
// spend requests on nearly finished windows. The estimate is poor for
// data with sharp clusters (a dense bulk import followed by silence): a
// split may then land on an empty half and cost one short request.
// Counting users per window first would fix that, at the price of extra
// requests on every scan. A millisecond holding many pages of users is
// walked by at most two workers, one from each end.
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

// take returns work for a worker. While no window is worth sharing it
// waits for one to become so; it returns a nil window once every window
// is done or the scheduler is stopped.
func (s *scheduler) take() claim {
	s.mu.Lock()
	defer s.mu.Unlock()

	for !s.stopped {
		if c := s.share(); c.w != nil {
			return c
		}
		if len(s.active) == 0 {
			return claim{}
		}
		s.changed.Wait()
	}
	return claim{}
}

// stop wakes every waiting worker and makes take return nothing.
func (s *scheduler) stop() {
	s.mu.Lock()
	s.stopped = true
	s.mu.Unlock()
	s.changed.Broadcast()
}

// share hands out a pending window, or shares the active window with the
// most users left; it returns no window when neither is possible now. The
// caller holds the lock.
func (s *scheduler) share() claim {
	if n := len(s.pending); n > 0 {
		w := s.pending[n-1]
		s.pending = s.pending[:n-1]
		return s.start(w, false)
	}

	var best *window
	most := 2 * float64(s.limit)
	for w := range s.active {
		if w.hasDown || w.density == 0 {
			continue
		}
		span := w.hi - w.next()
		left := w.density * float64(span+1)
		if w.full && span == 0 {
			left = most // one full millisecond: at least a page more, maybe many
		}
		if left >= most {
			best, most = w, left
		}
	}
	if best == nil {
		return claim{}
	}

	if span := best.hi - best.next(); span >= 1 {
		// The walker keeps [next, mid]; the new window takes (mid, hi].
		mid := best.next() + span/2
		stolen := &window{lo: mid + 1, hi: best.hi}
		best.hi = mid
		return s.start(stolen, false)
	}
	best.hasDown = true
	best.walkers++
	return claim{w: best, down: true}
}

func (s *scheduler) start(w *window, down bool) claim {
	w.walkers++
	s.active[w] = struct{}{}
	return claim{w: w, down: down}
}

// next is the first millisecond the upward walk has not fully walked.
func (w *window) next() int64 {
	if !w.up.seen {
		return w.lo
	}
	return w.up.at
}

// finish records that a worker is done with its walk of a window.
func (s *scheduler) finish(c claim) {
	s.mu.Lock()
	c.w.walkers--
	if c.w.walkers == 0 {
		delete(s.active, c.w)
	}
	s.mu.Unlock()
	s.changed.Broadcast()
}

// pageParams builds the query of the next page of a walk and returns the
// window's upper bound at that moment.
func (s *scheduler) pageParams(c claim, base *ListUsersParams) (*ListUsersParams, int64) {
	s.mu.Lock()
	defer s.mu.Unlock()

	w := c.w
	p := base.Clone()
	// Clerk's bounds are strict: one millisecond beyond each end keeps the
	// ends in.
	p.createdAt.after = time.UnixMilli(w.next() - 1)
	p.createdAt.before = time.UnixMilli(w.hi + 1)
	walk := w.up
	if c.down {
		p.OrderBy(OrderCreatedAt, Descending)
		walk = w.down
		if walk.seen {
			p.createdAt.before = time.UnixMilli(walk.at + 1)
		}
	} else {
		p.OrderBy(OrderCreatedAt, Ascending)
	}
	if walk.seen && walk.cursor {
		p.startingAfter = walk.id
	}
	return p, w.hi
}

// dropCursor makes the walk's next page start from its last seen
// millisecond without a cursor.
func (s *scheduler) dropCursor(c claim) {
	s.mu.Lock()
	if c.down {
		c.w.down.cursor = false
	} else {
		c.w.up.cursor = false
	}
	s.mu.Unlock()
}

// record takes a page of a walk and returns the users it claims (seen by
// neither walk before, inside the window) and whether the walk is done.
// Both walks claim under the scheduler's lock and each stops where the
// other has been, so every user is claimed once.
func (s *scheduler) record(c claim, page []User) ([]User, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()

	w := c.w
	fresh := page[:0:0]
	for i := range page {
		u := &page[i]
		mine, stop := w.claims(c.down, u)
		if stop {
			return fresh, true
		}
		if mine {
			fresh = append(fresh, *u)
		}
	}
	if !c.down {
		w.learnDensity(page, s.limit)
		if w.density > 0 {
			s.changed.Broadcast()
		}
	}
	return fresh, len(page) < s.limit
}

// claims decides one user of a walk's page: whether the walk claims it,
// and whether the walk has reached ground the other walk (or a split)
// took, which ends it. It moves the walk's position.
func (w *window) claims(down bool, u *User) (mine, stop bool) {
	if !down {
		switch {
		case u.CreatedAt > w.hi:
			return false, true // a split moved the rest to another window
		case w.down.seen && !laterThan(w.down.at, w.down.id, u.CreatedAt, u.ID):
			return false, true // the downward walk has been here
		case w.up.seen && !laterThan(u.CreatedAt, u.ID, w.up.at, w.up.id):
			return false, false // seen before a dropped cursor
		}
		w.up = pos{seen: true, at: u.CreatedAt, id: u.ID, cursor: true}
		return true, false
	}

	switch {
	case w.up.seen && !laterThan(u.CreatedAt, u.ID, w.up.at, w.up.id):
		return false, true // the upward walk has been here
	case w.down.seen && !laterThan(w.down.at, w.down.id, u.CreatedAt, u.ID):
		return false, false // seen before a dropped cursor
	}
	w.down = pos{seen: true, at: u.CreatedAt, id: u.ID, cursor: true}
	return true, false
}

// learnDensity measures the upward walk's page.
func (w *window) learnDensity(page []User, limit int) {
	w.density, w.full = 0, false
	if len(page) < limit {
		return
	}
	first, last := page[0].CreatedAt, page[len(page)-1].CreatedAt
	w.density = float64(len(page)) / float64(last-first+1)
	w.full = first == last
}

// laterThan orders users as Clerk's ascending created_at ordering does:
// by creation time, then by id.
func laterThan(at int64, id string, thanAt int64, thanID string) bool {
	if at != thanAt {
		return at > thanAt
	}
	return id > thanID
}

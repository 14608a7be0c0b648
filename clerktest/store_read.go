package clerktest

import (
	"slices"
	"sync"
)

// page returns the records of one page of GET /v1/users, or false when
// the cursor is not stored. In a created_at ordering, the cursor and a
// created_at window are found by binary search; other filters are tested
// record by record from there until the page is full.
func (s *store) page(lp *listParams) ([]*record, bool) {
	s.mu.RLock()
	defer s.mu.RUnlock()

	var cursor *record
	if lp.hasCursor {
		if cursor = s.byID[lp.cursor]; cursor == nil {
			return nil, false
		}
	}

	r := s.ordered(lp.order)
	lo, hi := 0, r.len()
	rest := lp.filter
	if lp.order.field == orderCreatedAt {
		lo, hi = r.createdRange(rest.created)
		rest.created = window{}
	}
	if cursor != nil {
		lo = max(lo, lp.order.after(r, cursor))
	}
	return r.collect(lo, hi, &rest, lp.offset, lp.limit), true
}

// count returns how many records match f.
func (s *store) count(f *filter) int {
	s.mu.RLock()
	defer s.mu.RUnlock()

	r := run{recs: s.byCreation}
	lo, hi := r.createdRange(f.created)
	rest := *f
	rest.created = window{}
	if rest.none() {
		return max(hi-lo, 0)
	}

	n := 0
	for i := lo; i < hi; i++ {
		if rest.match(r.at(i)) {
			n++
		}
	}
	return n
}

// all returns every record, newest first.
func (s *store) all() []*record {
	s.mu.RLock()
	defer s.mu.RUnlock()

	recs := slices.Clone(s.byCreation)
	slices.Reverse(recs)
	return recs
}

// ordered returns the records in the ordering o. The caller holds the
// read lock, and must not keep the run after releasing it: a write may
// change it in place.
func (s *store) ordered(o ordering) run {
	if o.field == orderCreatedAt {
		return run{recs: s.byCreation, back: o.desc}
	}
	return run{recs: s.views.get(o, s.byCreation)}
}

// collect returns a copy of the records of r[lo:hi] that match f, after
// skipping offset of them, at most limit.
func (r run) collect(lo, hi int, f *filter, offset, limit int) []*record {
	if f.none() {
		if lo >= hi || offset >= hi-lo {
			return nil
		}
		lo += offset
		out := make([]*record, min(limit, hi-lo))
		for i := range out {
			out[i] = r.at(lo + i)
		}
		return out
	}

	var out []*record
	for i := lo; i < hi && len(out) < limit; i++ {
		if rec := r.at(i); f.match(rec) {
			if offset > 0 {
				offset--
				continue
			}
			out = append(out, rec)
		}
	}
	return out
}

// viewCache holds the records sorted by orderings other than created_at,
// each sorted on first use and dropped by the next write. Readers holding
// the store's read lock share it; a writer drops it holding the write
// lock.
type viewCache struct {
	mu    sync.Mutex
	views map[ordering]*view
}

// view is the records in one ordering, sorted once.
type view struct {
	once sync.Once
	recs []*record
}

// get returns the records of byCreation in the ordering o.
func (c *viewCache) get(o ordering, byCreation []*record) []*record {
	c.mu.Lock()
	v := c.views[o]
	if v == nil {
		if c.views == nil {
			c.views = map[ordering]*view{}
		}
		v = &view{}
		c.views[o] = v
	}
	c.mu.Unlock()

	v.once.Do(func() { v.recs = o.sort(byCreation) })
	return v.recs
}

// drop forgets every view.
func (c *viewCache) drop() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.views = nil
}

package clerktest

import (
	"cmp"
	"slices"
	"strings"
	"sync"

	"github.com/workflowkit/clerk"
)

// store holds the server's users, safe for concurrent use: reads hold the
// read lock, writes the write lock. Records are never changed once stored:
// a change replaces the record, so a request may keep the records it read
// after it releases the lock. Each record holds its JSON, encoded once, and
// a page is those bytes joined (list.go).
//
// Besides byID, the records are kept in byCreation, sorted by created_at
// and then id, oldest first: the default ordering read backwards. A write
// finds its place by binary search and moves the records after it, which
// takes some 50 µs at 100,000 users. A page in a created_at ordering is
// read from byCreation by position (store_read.go). Other orderings are
// sorted on first use, about 0.2 s at 100,000 users, and cached until
// the next write, so a test that interleaves writes with such reads sorts on
// every read; a balanced tree per ordering would fix that.
type store struct {
	mu         sync.RWMutex
	byID       map[string]*record
	byCreation []*record
	views      viewCache
}

func newStore() *store {
	return &store{byID: map[string]*record{}}
}

// byCreationOrder orders records by created_at, then id, oldest first.
func byCreationOrder(a, b *record) int {
	return cmp.Or(cmp.Compare(a.facts.created, b.facts.created),
		strings.Compare(a.facts.id, b.facts.id))
}

// put stores u, replacing any user with the same ID.
func (s *store) put(u clerk.User) {
	rec := newRecord(u)

	s.mu.Lock()
	defer s.mu.Unlock()
	s.unlink(rec.facts.id)

	s.byID[rec.facts.id] = rec
	i, _ := slices.BinarySearchFunc(s.byCreation, rec, byCreationOrder)
	s.byCreation = slices.Insert(s.byCreation, i, rec)
	s.views.drop()
}

// putAll stores fresh records in the order given, a later one replacing
// an earlier one with the same ID, and sorts once: the way to load many
// users.
func (s *store) putAll(recs []*record) {
	s.mu.Lock()
	defer s.mu.Unlock()

	for _, r := range recs {
		s.byID[r.facts.id] = r
	}
	all := make([]*record, 0, len(s.byID))
	for _, r := range slices.Concat(s.byCreation, recs) {
		if s.byID[r.facts.id] == r {
			all = append(all, r)
		}
	}

	// Generated users come sorted, which the sort detects.
	slices.SortFunc(all, byCreationOrder)
	s.byCreation = all
	s.views.drop()
}

// remove deletes the user with id and reports whether there was one.
func (s *store) remove(id string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()

	ok := s.unlink(id)
	s.views.drop()
	return ok
}

// unlink removes the record of id, if any, and reports whether there was
// one. The caller holds the write lock.
func (s *store) unlink(id string) bool {
	old := s.byID[id]
	if old == nil {
		return false
	}
	delete(s.byID, id)
	i, found := slices.BinarySearchFunc(s.byCreation, old, byCreationOrder)
	if !found {
		panic("clerktest: a stored user is missing from the creation order")
	}
	s.byCreation = slices.Delete(s.byCreation, i, i+1)
	return true
}

// AddUser stores u, replacing the user with the same ID if there is one,
// as if it had been created in Clerk. A user without an ID gets a random
// one of Clerk's form ("user_" and 27 letters and digits). The server
// keeps its own copy: changing u afterwards changes nothing. Encoding a
// realistic user takes about 0.1 ms; WithGeneratedUsers loads many users
// faster.
func (s *Server) AddUser(u clerk.User) { s.store.put(u) }

// DeleteUser removes the user with id and reports whether there was one.
func (s *Server) DeleteUser(id string) bool { return s.store.remove(id) }

// Users returns a copy of every stored user, in the API's default order
// (newest first). Each is decoded from the JSON the server sends, so it
// equals what a client decodes, which may differ from what was added in
// ways JSON does not keep, such as a nil slice that comes back empty.
// Decoding takes about 0.1 ms a user.
func (s *Server) Users() []clerk.User {
	recs := s.store.all()

	out := make([]clerk.User, len(recs))
	for i, r := range recs {
		out[i] = decodeUser(r.raw)
	}
	return out
}

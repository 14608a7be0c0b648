package clerktest

import (
	"encoding/json"
	"strings"
	"sync"

	"github.com/workflowkit/clerk"
)

// store holds the server's users, safe for concurrent use. Records are
// never changed once stored: a change replaces the record, so a request
// may read its snapshot without holding the lock.
//
// Each request scans every record and sorts the matches, which is fast
// enough for tens of thousands of users. A store for millions would need
// an index per exact filter and a tree ordered by each sort key.
type store struct {
	mu   sync.RWMutex
	byID map[string]*record
}

// record is one stored user: a private copy, its JSON as the server sends
// it, and the lower-cased text that the partial searches look at.
type record struct {
	user clerk.User
	raw  []byte
	text searchText
}

// searchText is a user's searchable values, lower-cased once.
type searchText struct {
	id        string
	emails    []string
	phones    []string
	wallets   []string
	username  string
	first     string
	last      string
	firstLast string
}

func newStore() *store {
	return &store{byID: map[string]*record{}}
}

// put stores u, replacing any user with the same ID. A user without an ID
// gets a fresh one of Clerk's form. It panics when u cannot be encoded,
// which only a Metadata that is not valid JSON can cause.
func (s *store) put(u clerk.User) {
	if u.ID == "" {
		u.ID = "user_" + randomAlnum(27)
	}
	raw, err := json.Marshal(u)
	if err != nil {
		panic("clerktest: user " + u.ID + " cannot be encoded (fix its metadata): " +
			err.Error())
	}
	rec := &record{user: decodeUser(raw), raw: raw}
	rec.text = newSearchText(&rec.user)

	s.mu.Lock()
	defer s.mu.Unlock()
	s.byID[u.ID] = rec
}

// remove deletes the user with id and reports whether there was one.
func (s *store) remove(id string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()

	_, ok := s.byID[id]
	delete(s.byID, id)
	return ok
}

// read returns every record, in no order, and the record of cursor, or
// nil when cursor is "" or not stored, both from one moment.
func (s *store) read(cursor string) ([]*record, *record) {
	s.mu.RLock()
	defer s.mu.RUnlock()

	recs := make([]*record, 0, len(s.byID))
	for _, r := range s.byID {
		recs = append(recs, r)
	}
	return recs, s.byID[cursor]
}

// decodeUser decodes JSON that the store itself encoded.
func decodeUser(raw []byte) clerk.User {
	var u clerk.User
	if err := json.Unmarshal(raw, &u); err != nil {
		panic("clerktest: a user does not decode from its own encoding: " + err.Error())
	}
	return u
}

func newSearchText(u *clerk.User) searchText {
	t := searchText{
		id:       strings.ToLower(u.ID),
		username: lowerPtr(u.Username),
		first:    lowerPtr(u.FirstName),
		last:     lowerPtr(u.LastName),
	}
	t.firstLast = strings.TrimSpace(t.first + " " + t.last)
	for _, e := range u.EmailAddresses {
		t.emails = append(t.emails, strings.ToLower(e.EmailAddress))
	}
	for _, p := range u.PhoneNumbers {
		t.phones = append(t.phones, strings.ToLower(p.PhoneNumber))
	}
	for _, w := range u.Web3Wallets {
		t.wallets = append(t.wallets, strings.ToLower(w.Web3Wallet))
	}
	return t
}

func lowerPtr(s *string) string {
	if s == nil {
		return ""
	}
	return strings.ToLower(*s)
}

// AddUser stores u, replacing the user with the same ID if there is one,
// as if it had been created in Clerk. A user without an ID gets a random
// one of Clerk's form ("user_" and 27 letters and digits). The server
// keeps its own copy: changing u afterwards changes nothing.
func (s *Server) AddUser(u clerk.User) { s.store.put(u) }

// DeleteUser removes the user with id and reports whether there was one.
func (s *Server) DeleteUser(id string) bool { return s.store.remove(id) }

// Users returns a copy of every stored user, in the API's default order
// (newest first). Each is decoded from the JSON the server sends, so it
// equals what a client decodes, which may differ from what was added in
// ways JSON does not keep, such as a nil slice that comes back empty.
func (s *Server) Users() []clerk.User {
	recs, _ := s.store.read("")
	sorted := defaultOrdering().sort(recs)

	out := make([]clerk.User, len(sorted))
	for i, r := range sorted {
		out[i] = decodeUser(r.raw)
	}
	return out
}

package clerk

import (
	"errors"
	"net/http"
	"time"
)

// maxResumes bounds how often in a row a walk restarts from a creation
// time after its cursor user vanished, so that a server that refuses every
// cursor cannot keep it going forever. A page that arrives resets it.
const maxResumes = 8

// walk holds where a Users iteration stands between pages.
//
// Under created_at ordering it pages with the starting_after cursor and
// remembers the position (creation time and id) of the last user it
// yielded: a user at or before that position is never yielded again. When
// Clerk refuses the cursor because that user was deleted meanwhile, the
// walk resumes from the last position's millisecond with a created_at
// bound instead, skipping what it already yielded there.
//
// Other orderings page by offset and remember every id yielded, which
// costs memory in proportion to the walk; their pages can still shift
// when users are created or deleted during the walk, and a shifted page
// can hide a user.
type walk struct {
	orig    *ListUsersParams // the caller's params, never changed
	base    *ListUsersParams // orig, with a created_at bound after a resume
	next    *ListUsersParams // the params of the next page
	limit   int
	cursor  bool // whether pages advance with starting_after
	desc    bool // the direction of a cursor walk
	offset  int
	resumes int

	have    bool   // whether a user was yielded yet
	lastAt  int64  // the last yielded user's created_at
	lastID  string // and id
	seen    map[string]struct{}
	advance bool // whether next holds a cursor this walk set
}

func newWalk(params *ListUsersParams) (*walk, error) {
	if err := params.Validate(); err != nil {
		return nil, err
	}
	orig := params.Clone()
	field, dir := orig.Ordering()
	w := &walk{
		orig:   orig,
		base:   orig,
		next:   orig.Clone(),
		limit:  orig.LimitValue(),
		cursor: field == OrderCreatedAt && orig.OffsetValue() == 0,
		desc:   dir == Descending,
		offset: orig.OffsetValue(),
	}
	if !w.cursor {
		w.seen = map[string]struct{}{}
	}
	return w, nil
}

// fresh reports whether u has not been yielded by this walk, and records
// it as yielded.
func (w *walk) fresh(u *User) bool {
	if !w.cursor {
		if _, dup := w.seen[u.ID]; dup {
			return false
		}
		w.seen[u.ID] = struct{}{}
		return true
	}

	if w.have && !w.after(u.CreatedAt, u.ID) {
		return false
	}
	w.have, w.lastAt, w.lastID = true, u.CreatedAt, u.ID
	return true
}

// after reports whether (at, id) comes after the last yielded position in
// the walk's order; ties on created_at are ordered by id, as Clerk does.
func (w *walk) after(at int64, id string) bool {
	if w.desc {
		return laterThan(w.lastAt, w.lastID, at, id)
	}
	return laterThan(at, id, w.lastAt, w.lastID)
}

// nextPage sets up the page after page and reports whether there is one.
func (w *walk) nextPage(page []User) bool {
	w.resumes = 0
	if len(page) < w.limit {
		return false
	}
	w.next = w.base.Clone()
	if w.cursor {
		w.next.StartingAfter(page[len(page)-1].ID)
		w.advance = true
		return true
	}
	w.offset += len(page)
	w.next.Offset(w.offset)
	return true
}

// resume handles err from a page: when Clerk refused a cursor that this
// walk set (its user was deleted), it points the next page at the last
// yielded millisecond and reports true.
func (w *walk) resume(err error) bool {
	var apiErr *APIError
	if !w.cursor || !w.advance || w.resumes >= maxResumes ||
		!errors.As(err, &apiErr) ||
		apiErr.StatusCode != http.StatusUnprocessableEntity ||
		apiErr.ParamName() != "starting_after" {
		return false
	}
	w.resumes++

	w.base = w.orig.Clone().StartingAfter("")
	if w.have {
		// Strict bounds: one millisecond beyond the last one yielded keeps
		// that millisecond in, and fresh skips what was already yielded.
		if w.desc {
			w.base.createdAt.before = earlier(w.orig.createdAt.before,
				time.UnixMilli(w.lastAt+1))
		} else {
			w.base.createdAt.after = later(w.orig.createdAt.after,
				time.UnixMilli(w.lastAt-1))
		}
	}
	w.next = w.base.Clone()
	w.advance = false
	return true
}

// earlier returns the earlier of a bound that may be unset (zero) and t.
func earlier(bound, t time.Time) time.Time {
	if bound.IsZero() || t.Before(bound) {
		return t
	}
	return bound
}

// later returns the later of a bound that may be unset (zero) and t.
func later(bound, t time.Time) time.Time {
	if bound.IsZero() || t.After(bound) {
		return t
	}
	return bound
}

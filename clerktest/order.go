package clerktest

import (
	"cmp"
	"slices"
	"sort"
	"strings"
)

// The fields order_by accepts.
const (
	orderCreatedAt    = "created_at"
	orderUpdatedAt    = "updated_at"
	orderEmail        = "email_address"
	orderWeb3Wallet   = "web3wallet"
	orderFirstName    = "first_name"
	orderLastName     = "last_name"
	orderPhone        = "phone_number"
	orderUsername     = "username"
	orderLastActiveAt = "last_active_at"
	orderLastSignInAt = "last_sign_in_at"
)

// ordering is one order_by value: a field and a direction.
//
// Where Clerk's documentation is silent, these rules are assumed:
//   - A missing value (a null timestamp or name, no primary email, phone
//     or wallet) sorts after every present value, in both directions.
//   - Strings compare byte by byte, so case matters and "Z" precedes "a".
//   - email_address, phone_number and web3wallet use the primary one.
//   - Equal values are ordered by user id, in the same direction, so the
//     order is total and a cursor is unambiguous.
type ordering struct {
	field string
	desc  bool
}

// defaultOrdering is the order without order_by: newest first.
func defaultOrdering() ordering {
	return ordering{field: orderCreatedAt, desc: true}
}

// parseOrdering reads one order_by value: a field with an optional "+"
// (ascending, also the default) or "-" (descending).
func parseOrdering(v string) (ordering, bool) {
	var o ordering
	switch {
	case strings.HasPrefix(v, "-"):
		o.desc, v = true, v[1:]
	case strings.HasPrefix(v, "+"):
		v = v[1:]
	}
	o.field = v
	return o, slices.Contains(orderFields(), v)
}

// orderFields lists the fields order_by accepts.
func orderFields() []string {
	return []string{orderCreatedAt, orderUpdatedAt, orderEmail, orderWeb3Wallet,
		orderFirstName, orderLastName, orderPhone, orderUsername, orderLastActiveAt,
		orderLastSignInAt}
}

// sortKey is a user's value for one field.
type sortKey struct {
	null bool
	num  int64
	str  string
}

// keyed is a record with its sort key, computed once per request.
type keyed struct {
	rec *record
	key sortKey
}

// keyOf returns r's value for the ordering's field.
func (o ordering) keyOf(r *record) sortKey {
	f := &r.facts
	switch o.field {
	case orderCreatedAt:
		return sortKey{num: f.created}
	case orderUpdatedAt:
		return sortKey{num: f.updated}
	case orderLastActiveAt:
		return numKey(f.lastActive)
	case orderLastSignInAt:
		return numKey(f.lastSignIn)
	case orderFirstName:
		return strKey(f.first)
	case orderLastName:
		return strKey(f.last)
	case orderUsername:
		return strKey(f.username)
	case orderEmail:
		return strValKey(f.primaryEmail)
	case orderPhone:
		return strValKey(f.primaryPhone)
	case orderWeb3Wallet:
		return strValKey(f.primaryWallet)
	}
	panic("clerktest: no sort key for order field " + o.field)
}

func numKey(p *int64) sortKey {
	if p == nil {
		return sortKey{null: true}
	}
	return sortKey{num: *p}
}

func strKey(p *string) sortKey {
	if p == nil {
		return sortKey{null: true}
	}
	return sortKey{str: *p}
}

func strValKey(s string) sortKey {
	return sortKey{null: s == "", str: s}
}

// compare orders a and b by the rules on ordering.
func (o ordering) compare(a, b keyed) int {
	if a.key.null != b.key.null {
		if a.key.null {
			return 1
		}
		return -1
	}
	c := cmp.Or(cmp.Compare(a.key.num, b.key.num), strings.Compare(a.key.str, b.key.str),
		strings.Compare(a.rec.facts.id, b.rec.facts.id))
	if o.desc {
		return -c
	}
	return c
}

// sort returns recs in the ordering; recs is left as it was.
func (o ordering) sort(recs []*record) []*record {
	items := o.keyed(recs)
	slices.SortFunc(items, o.compare)
	return records(items)
}

// run is records in one ordering: recs as they are, or read backwards
// when back is set, which gives -created_at from a list sorted by
// created_at.
type run struct {
	recs []*record
	back bool
}

func (r run) len() int { return len(r.recs) }

func (r run) at(i int) *record {
	if r.back {
		return r.recs[len(r.recs)-1-i]
	}
	return r.recs[i]
}

// after returns the position in r, which is in this ordering, of the
// first record that comes after cursor.
func (o ordering) after(r run, cursor *record) int {
	c := keyed{rec: cursor, key: o.keyOf(cursor)}
	return sort.Search(r.len(), func(i int) bool {
		rec := r.at(i)
		return o.compare(keyed{rec: rec, key: o.keyOf(rec)}, c) > 0
	})
}

// createdRange returns the positions [lo, hi) of the records of r, which
// is in a created_at ordering, inside w.
func (r run) createdRange(w window) (lo, hi int) {
	created := func(i int) int64 { return r.at(i).facts.created }
	lo, hi = 0, r.len()
	switch {
	case !r.back && w.after != nil:
		lo = sort.Search(r.len(), func(i int) bool { return created(i) > *w.after })
	case r.back && w.before != nil:
		lo = sort.Search(r.len(), func(i int) bool { return created(i) < *w.before })
	}
	switch {
	case !r.back && w.before != nil:
		hi = sort.Search(r.len(), func(i int) bool { return created(i) >= *w.before })
	case r.back && w.after != nil:
		hi = sort.Search(r.len(), func(i int) bool { return created(i) <= *w.after })
	}
	return lo, max(lo, hi)
}

func (o ordering) keyed(recs []*record) []keyed {
	items := make([]keyed, len(recs))
	for i, r := range recs {
		items[i] = keyed{rec: r, key: o.keyOf(r)}
	}
	return items
}

func records(items []keyed) []*record {
	out := make([]*record, len(items))
	for i, it := range items {
		out[i] = it.rec
	}
	return out
}

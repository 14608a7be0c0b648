package clerktest

import (
	"cmp"
	"slices"
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
	u := &r.user
	switch o.field {
	case orderCreatedAt:
		return sortKey{num: u.CreatedAt}
	case orderUpdatedAt:
		return sortKey{num: u.UpdatedAt}
	case orderLastActiveAt:
		return numKey(u.LastActiveAt)
	case orderLastSignInAt:
		return numKey(u.LastSignInAt)
	case orderFirstName:
		return strKey(u.FirstName)
	case orderLastName:
		return strKey(u.LastName)
	case orderUsername:
		return strKey(u.Username)
	case orderEmail:
		return strValKey(u.PrimaryEmailAddress())
	case orderPhone:
		return strValKey(u.PrimaryPhoneNumber())
	case orderWeb3Wallet:
		return strValKey(u.PrimaryWeb3Wallet())
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
		strings.Compare(a.rec.user.ID, b.rec.user.ID))
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

// after returns the records of sorted, which is in this ordering, that
// come after cursor.
func (o ordering) after(sorted []*record, cursor *record) []*record {
	c := keyed{rec: cursor, key: o.keyOf(cursor)}
	i, _ := slices.BinarySearchFunc(sorted, c, func(r *record, c keyed) int {
		if o.compare(keyed{rec: r, key: o.keyOf(r)}, c) > 0 {
			return 1
		}
		return -1
	})
	return sorted[i:]
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

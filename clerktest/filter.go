package clerktest

import (
	"reflect"
	"slices"
	"strings"
)

// filter is the set of conditions of one request. Conditions of different
// parameters are joined with AND; the values of one repeated parameter
// with OR. A nil or zero part is no condition.
type filter struct {
	emails, phones, usernames, wallets map[string]bool

	userIDs, externalIDs, orgIDs prefixSet

	query, emailQuery, phoneQuery, usernameQuery, nameQuery *string

	banned *bool

	created, active, signIn window

	provider        *string
	providerUserIDs map[string]bool
}

// parseFilter reads the filter parameters of both endpoints.
func parseFilter(p *parser) filter {
	f := filter{
		emails:      p.set("email_address"),
		phones:      p.set("phone_number"),
		usernames:   p.set("username"),
		wallets:     p.set("web3_wallet"),
		userIDs:     parsePrefixSet(p, "user_id"),
		externalIDs: parsePrefixSet(p, "external_id"),
		orgIDs:      parsePrefixSet(p, "organization_id"),

		query:         lowered(p.text("query")),
		emailQuery:    lowered(p.text("email_address_query")),
		phoneQuery:    lowered(p.text("phone_number_query")),
		usernameQuery: lowered(p.text("username_query")),
		nameQuery:     lowered(p.text("name_query")),

		banned: p.boolean("banned"),
	}
	f.created = parseWindow(p, "created_at")
	f.active = parseWindow(p, "last_active_at")
	f.signIn = parseWindow(p, "last_sign_in_at")
	f.provider, f.providerUserIDs = parseProvider(p)
	return f
}

func lowered(s *string) *string {
	if s == nil {
		return nil
	}
	l := strings.ToLower(*s)
	return &l
}

// none reports whether f has no condition: every part is nil or zero.
func (f *filter) none() bool {
	return reflect.ValueOf(*f).IsZero()
}

// match reports whether a stored user meets every condition.
func (f *filter) match(r *record) bool {
	u := &r.facts
	return f.matchIdentifiers(u) &&
		f.userIDs.match(u.id) &&
		f.externalIDs.match(u.externalID...) &&
		(f.orgIDs.empty() || f.orgIDs.match(u.orgIDs...)) &&
		f.matchText(&r.text) &&
		(f.banned == nil || *f.banned == u.banned) &&
		f.created.match(&u.created) &&
		f.active.match(u.lastActive) &&
		f.signIn.match(u.lastSignIn) &&
		f.matchProvider(u)
}

// matchIdentifiers applies the exact filters on identifiers. Exact
// includes case (assumed): Clerk stores email addresses in lower case, so
// a client should send them so.
func (f *filter) matchIdentifiers(u *facts) bool {
	return anyIn(f.emails, u.emails) && anyIn(f.phones, u.phones) &&
		anyIn(f.wallets, u.wallets) &&
		(f.usernames == nil || (u.username != nil && f.usernames[*u.username]))
}

// anyIn reports whether want is nil (no condition) or holds one of
// values.
func anyIn(want map[string]bool, values []string) bool {
	if want == nil {
		return true
	}
	return slices.ContainsFunc(values, func(v string) bool { return want[v] })
}

// matchText applies the partial searches, which ignore case. The query
// parameter also looks at the full name, "first last", as name_query does
// (assumed).
func (f *filter) matchText(t *searchText) bool {
	if f.query != nil && !t.has(*f.query) {
		return false
	}
	return contains(f.emailQuery, t.emails...) &&
		contains(f.phoneQuery, t.phones...) &&
		contains(f.usernameQuery, t.username) &&
		contains(f.nameQuery, t.first, t.last, t.firstLast)
}

// has reports whether sub is part of any searchable value.
func (t *searchText) has(sub string) bool {
	for _, group := range [][]string{t.emails, t.phones, t.wallets} {
		if contains(&sub, group...) {
			return true
		}
	}
	return contains(&sub, t.username, t.id, t.first, t.last, t.firstLast)
}

// contains reports whether sub is nil (no condition) or is part of one of
// values.
func contains(sub *string, values ...string) bool {
	if sub == nil {
		return true
	}
	return slices.ContainsFunc(values, func(v string) bool {
		return strings.Contains(v, *sub)
	})
}

// matchProvider applies provider and provider_user_id, which come
// together.
func (f *filter) matchProvider(u *facts) bool {
	if f.provider == nil {
		return true
	}
	return slices.ContainsFunc(u.accounts, func(a account) bool {
		return a.provider == *f.provider && f.providerUserIDs[a.userID]
	})
}

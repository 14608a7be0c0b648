package clerktest

import (
	"slices"
	"strings"

	"github.com/workflowkit/clerk"
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

// match reports whether a stored user meets every condition.
func (f *filter) match(r *record) bool {
	u := &r.user
	return f.matchIdentifiers(u) &&
		f.userIDs.match(u.ID) &&
		f.externalIDs.match(externalID(u)...) &&
		(f.orgIDs.empty() || f.orgIDs.match(orgIDs(u)...)) &&
		f.matchText(&r.text) &&
		(f.banned == nil || *f.banned == u.Banned) &&
		f.created.match(&u.CreatedAt) &&
		f.active.match(u.LastActiveAt) &&
		f.signIn.match(u.LastSignInAt) &&
		f.matchProvider(u)
}

// matchIdentifiers applies the exact filters on identifiers. Exact
// includes case (assumed): Clerk stores email addresses in lower case, so
// a client should send them so.
func (f *filter) matchIdentifiers(u *clerk.User) bool {
	return anyIn(f.emails, u.EmailAddresses, func(e clerk.EmailAddress) string {
		return e.EmailAddress
	}) && anyIn(f.phones, u.PhoneNumbers, func(p clerk.PhoneNumber) string {
		return p.PhoneNumber
	}) && anyIn(f.wallets, u.Web3Wallets, func(w clerk.Web3Wallet) string {
		return w.Web3Wallet
	}) && (f.usernames == nil || (u.Username != nil && f.usernames[*u.Username]))
}

// anyIn reports whether want is nil (no condition) or holds the value of
// one of items.
func anyIn[T any](want map[string]bool, items []T, value func(T) string) bool {
	if want == nil {
		return true
	}
	return slices.ContainsFunc(items, func(it T) bool { return want[value(it)] })
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
func (f *filter) matchProvider(u *clerk.User) bool {
	if f.provider == nil {
		return true
	}
	return slices.ContainsFunc(u.ExternalAccounts, func(a clerk.ExternalAccount) bool {
		return accountProvider(a) == *f.provider && f.providerUserIDs[a.ProviderUserID]
	})
}

func externalID(u *clerk.User) []string {
	if u.ExternalID == nil {
		return nil
	}
	return []string{*u.ExternalID}
}

func orgIDs(u *clerk.User) []string {
	ids := make([]string, len(u.Memberships))
	for i, m := range u.Memberships {
		ids[i] = m.Organization.ID
	}
	return ids
}

package clerktest

import (
	"encoding/json"
	"strings"

	"github.com/workflowkit/clerk"
)

// record is one stored user: its JSON as the server sends it, the facts
// the filters and orderings read, and the lower-cased text that the
// partial searches look at.
//
// A record keeps no clerk.User. A user is some thirty small objects, and
// at 100,000 users the garbage collector would mark them all on every
// cycle, which made serving a page cost a millisecond more; facts and
// text are a few objects, and raw holds no pointers.
type record struct {
	facts facts
	raw   []byte
	text  searchText
}

// facts are the values of a user that the filters and orderings read.
// Pointers are nil where the user's value is null.
type facts struct {
	id                         string
	externalID                 []string // none, or the one
	username, first, last      *string
	emails, phones, wallets    []string
	primaryEmail, primaryPhone string
	primaryWallet              string
	orgIDs                     []string
	accounts                   []account
	banned                     bool
	created, updated           int64
	lastActive, lastSignIn     *int64
}

// account is an external account: the provider, such as "oauth_google",
// and the user's id there.
type account struct {
	provider, userID string
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

// newRecord encodes u and reads its facts. A user without an ID gets a
// fresh one of Clerk's form. It panics when u cannot be encoded, which
// only a Metadata that is not valid JSON can cause.
//
// The facts come from u, not from decoding its JSON, which would double
// the cost. They differ only where JSON changes a string: invalid UTF-8
// is sent as U+FFFD, so a filter on such a value matches what the client
// never sees.
func newRecord(u clerk.User) *record {
	if u.ID == "" {
		u.ID = "user_" + randomAlnum(27)
	}
	raw, err := json.Marshal(u)
	if err != nil {
		panic("clerktest: user " + u.ID + " cannot be encoded (fix its metadata): " +
			err.Error())
	}
	return recordOf(&u, raw)
}

// recordOf makes the record of u, whose JSON is raw.
func recordOf(u *clerk.User, raw []byte) *record {
	return &record{facts: factsOf(u), raw: raw, text: newSearchText(u)}
}

func factsOf(u *clerk.User) facts {
	f := facts{
		id:            u.ID,
		username:      copyPtr(u.Username),
		first:         copyPtr(u.FirstName),
		last:          copyPtr(u.LastName),
		primaryEmail:  u.PrimaryEmailAddress(),
		primaryPhone:  u.PrimaryPhoneNumber(),
		primaryWallet: u.PrimaryWeb3Wallet(),
		banned:        u.Banned,
		created:       u.CreatedAt,
		updated:       u.UpdatedAt,
		lastActive:    copyPtr(u.LastActiveAt),
		lastSignIn:    copyPtr(u.LastSignInAt),
	}
	if u.ExternalID != nil {
		f.externalID = []string{*u.ExternalID}
	}
	for _, e := range u.EmailAddresses {
		f.emails = append(f.emails, e.EmailAddress)
	}
	for _, p := range u.PhoneNumbers {
		f.phones = append(f.phones, p.PhoneNumber)
	}
	for _, w := range u.Web3Wallets {
		f.wallets = append(f.wallets, w.Web3Wallet)
	}
	for _, m := range u.Memberships {
		f.orgIDs = append(f.orgIDs, m.Organization.ID)
	}
	for _, a := range u.ExternalAccounts {
		f.accounts = append(f.accounts, account{accountProvider(a), a.ProviderUserID})
	}
	return f
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

func copyPtr[T any](p *T) *T {
	if p == nil {
		return nil
	}
	return ptr(*p)
}

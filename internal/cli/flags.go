// Package cli holds what the example programs share: filter flags,
// connecting to Clerk or to an embedded test server, and output formats.
package cli

import (
	"flag"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/workflowkit/clerk"
)

// Filters are the command-line flags for every filter of GET /v1/users.
type Filters struct {
	emails, phones, usernames, wallets list
	userIDs, externalIDs, orgIDs       list
	query, emailQuery, phoneQuery      string
	usernameQuery, nameQuery           string
	banned                             optionalBool
	createdAfter, createdBefore        timeFlag
	activeAfter, activeBefore          timeFlag
	signInAfter, signInBefore          timeFlag
	provider                           string
	providerUserIDs                    list
	limit, offset                      int
	startingAfter, orderBy             string
}

// Register adds the filter flags to fs.
func (f *Filters) Register(fs *flag.FlagSet) {
	fs.Var(&f.emails, "email", "exact email address as Clerk stores it, usually in "+
		"lower case (repeatable)")
	fs.Var(&f.phones, "phone", "exact phone number in E.164, such as +15555550100 "+
		"(repeatable)")
	fs.Var(&f.usernames, "username", "exact username as Clerk stores it (repeatable)")
	fs.Var(&f.wallets, "web3-wallet", "exact web3 wallet address (repeatable)")
	fs.Var(&f.userIDs, "user-id", "user id; prefix with - to exclude (repeatable)")
	fs.Var(&f.externalIDs, "external-id", "external id; prefix with - to exclude (repeatable)")
	fs.Var(&f.orgIDs, "org-id", "organization id; prefix with - to exclude (repeatable)")
	fs.StringVar(&f.query, "query", "", "partial match over emails, phones, usernames, names, ids")
	fs.StringVar(&f.emailQuery, "email-query", "", "partial match on email addresses")
	fs.StringVar(&f.phoneQuery, "phone-query", "", "partial match on phone numbers")
	fs.StringVar(&f.usernameQuery, "username-query", "", "partial match on usernames")
	fs.StringVar(&f.nameQuery, "name-query", "", "partial match on first and last names")
	fs.Var(&f.banned, "banned", "only banned users; --banned=false for only users not banned")
	fs.Var(&f.createdAfter, "created-after", "created after this time (RFC 3339 or Unix ms)")
	fs.Var(&f.createdBefore, "created-before", "created before this time (RFC 3339 or Unix ms)")
	fs.Var(&f.activeAfter, "last-active-after", "last active after this time")
	fs.Var(&f.activeBefore, "last-active-before", "last active before this time")
	fs.Var(&f.signInAfter, "last-sign-in-after", "last signed in after this time")
	fs.Var(&f.signInBefore, "last-sign-in-before", "last signed in before this time")
	fs.StringVar(&f.provider, "provider", "", "OAuth provider, such as oauth_google; "+
		"needs --provider-user-id")
	fs.Var(&f.providerUserIDs, "provider-user-id", "user id at the provider (repeatable)")
	fs.IntVar(&f.limit, "limit", 0, "page size, 1 to 500 (default Clerk's 10)")
	fs.IntVar(&f.offset, "offset", 0, "users to skip")
	fs.StringVar(&f.startingAfter, "starting-after", "", "start after this user id "+
		"(created_at ordering only)")
	fs.StringVar(&f.orderBy, "order-by", "", "field with + or - prefix, such as -created_at")
}

// Params builds the query of a listing, GET /v1/users, and validates it;
// an error names the flag and the API parameter of each mistake.
func (f *Filters) Params(fs *flag.FlagSet) (*clerk.ListUsersParams, error) {
	p := f.filters()
	if err := f.page(fs, p); err != nil {
		return nil, err
	}
	return p, flagErrors(p.Validate())
}

// CountParams builds the query of a count, GET /v1/users/count: the
// filters only. The paging flags (--limit, --offset, --starting-after,
// --order-by) are neither sent nor checked, since a count has no pages.
func (f *Filters) CountParams() (*clerk.ListUsersParams, error) {
	p := f.filters()
	_, err := p.CountValues()
	return p, flagErrors(err)
}

// filters builds the filters that a listing and a count share.
func (f *Filters) filters() *clerk.ListUsersParams {
	p := clerk.NewListUsersParams().
		EmailAddresses(f.emails...).PhoneNumbers(f.phones...).
		Usernames(f.usernames...).Web3Wallets(f.wallets...).
		Query(f.query).EmailAddressQuery(f.emailQuery).
		PhoneNumberQuery(f.phoneQuery).UsernameQuery(f.usernameQuery).
		NameQuery(f.nameQuery)
	includeExclude(f.userIDs, p.UserIDs, p.ExcludeUserIDs)
	includeExclude(f.externalIDs, p.ExternalIDs, p.ExcludeExternalIDs)
	includeExclude(f.orgIDs, p.OrganizationIDs, p.ExcludeOrganizationIDs)

	if f.banned.set {
		p.Banned(f.banned.value)
	}
	f.windows(p)
	if f.provider != "" || len(f.providerUserIDs) > 0 {
		p.Provider(f.provider, f.providerUserIDs...)
	}
	return p
}

// page adds the paging flags that fs saw to p.
func (f *Filters) page(fs *flag.FlagSet, p *clerk.ListUsersParams) error {
	set := map[string]bool{}
	fs.Visit(func(fl *flag.Flag) { set[fl.Name] = true })
	if set["limit"] {
		p.Limit(f.limit)
	}
	if set["offset"] {
		p.Offset(f.offset)
	}
	if f.startingAfter != "" {
		p.StartingAfter(f.startingAfter)
	}

	if f.orderBy == "" {
		return nil
	}
	field, dir, err := ParseOrderBy(f.orderBy)
	if err != nil {
		return err
	}
	p.OrderBy(field, dir)
	return nil
}

// windows adds the time filters that were given to p.
func (f *Filters) windows(p *clerk.ListUsersParams) {
	pairs := []struct {
		t   timeFlag
		set func(time.Time) *clerk.ListUsersParams
	}{
		{f.createdAfter, p.CreatedAfter}, {f.createdBefore, p.CreatedBefore},
		{f.activeAfter, p.LastActiveAfter}, {f.activeBefore, p.LastActiveBefore},
		{f.signInAfter, p.LastSignInAfter}, {f.signInBefore, p.LastSignInBefore},
	}
	for _, pair := range pairs {
		if pair.t.set {
			pair.set(pair.t.value)
		}
	}
}

// includeExclude sends values with a leading - to exclude, the rest to
// include (a leading + is dropped: it means include).
func includeExclude(values []string, include, exclude func(...string) *clerk.ListUsersParams) {
	for _, v := range values {
		switch {
		case strings.HasPrefix(v, "-"):
			exclude(v[1:])
		default:
			include(strings.TrimPrefix(v, "+"))
		}
	}
}

// ParseOrderBy reads "-created_at", "+username" or "username".
func ParseOrderBy(s string) (clerk.OrderField, clerk.Direction, error) {
	dir := clerk.Ascending
	switch {
	case strings.HasPrefix(s, "-"):
		dir, s = clerk.Descending, s[1:]
	case strings.HasPrefix(s, "+"):
		s = s[1:]
	}
	for _, f := range clerk.OrderFields() {
		if string(f) == s {
			return f, dir, nil
		}
	}
	return "", "", fmt.Errorf("--order-by: unknown field %q; use one of %s", s,
		joinFields(clerk.OrderFields()))
}

func joinFields(fields []clerk.OrderField) string {
	names := make([]string, len(fields))
	for i, f := range fields {
		names[i] = string(f)
	}
	return strings.Join(names, ", ")
}

// list is a repeatable string flag.
type list []string

func (l *list) String() string     { return strings.Join(*l, ",") }
func (l *list) Set(v string) error { *l = append(*l, v); return nil }

// optionalBool is a boolean flag that remembers whether it was given.
type optionalBool struct{ set, value bool }

func (b *optionalBool) String() string   { return strconv.FormatBool(b.value) }
func (b *optionalBool) IsBoolFlag() bool { return true }
func (b *optionalBool) Set(v string) error {
	if v != "true" && v != "false" {
		return fmt.Errorf("want true or false, got %q", v)
	}
	b.set, b.value = true, v == "true"
	return nil
}

// timeFlag takes RFC 3339 or Unix milliseconds.
type timeFlag struct {
	set   bool
	value time.Time
}

func (t *timeFlag) String() string {
	if !t.set {
		return ""
	}
	return t.value.Format(time.RFC3339Nano)
}

func (t *timeFlag) Set(v string) error {
	parsed, err := ParseTime(v)
	if err != nil {
		return err
	}
	t.set, t.value = true, parsed
	return nil
}

// secondsLike is the smallest millisecond value ParseTime takes: anything
// smaller is before September 2001, older than any Clerk user, and almost
// surely a time in Unix seconds.
const secondsLike = 1_000_000_000_000

// ParseTime reads a time as RFC 3339 or as Unix milliseconds (digits only).
func ParseTime(v string) (time.Time, error) {
	if v != "" && strings.Trim(v, "0123456789") == "" {
		ms, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			return time.Time{}, fmt.Errorf("%q is too large for Unix milliseconds", v)
		}
		if ms < secondsLike {
			return time.Time{}, fmt.Errorf("%q looks like Unix seconds; times are Unix "+
				"milliseconds (multiply by 1000) or RFC 3339", v)
		}
		return time.UnixMilli(ms).UTC(), nil
	}
	parsed, err := time.Parse(time.RFC3339Nano, v)
	if err != nil {
		return time.Time{}, fmt.Errorf("want RFC 3339 (2024-05-01T00:00:00Z) or Unix "+
			"milliseconds, got %q", v)
	}
	return parsed, nil
}

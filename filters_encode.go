package clerk

import (
	"fmt"
	"net/url"
	"strconv"

	"github.com/google/go-querystring/query"
)

// usersFilterQuery is the wire form of the filters that GET /v1/users and
// GET /v1/users/count share, encoded by go-querystring. Its fields are
// exported because go-querystring skips unexported ones.
//
// Slices become repeated keys (user_id=a&user_id=b), go-querystring's
// default without the "brackets", "numbered" or "comma" options. Two
// fields with the same key, like UserID and ExcludeUserID, add their
// values to that one key. Times are *int64 milliseconds rather than
// time.Time with the "unixmilli" option, because that option computes
// UnixNano()/1e6, which overflows after the year 2262, and because
// omitempty drops a plain 0 but keeps a pointer to 0, the Unix epoch.
type usersFilterQuery struct {
	EmailAddress []string `url:"email_address,omitempty"`
	PhoneNumber  []string `url:"phone_number,omitempty"`
	Username     []string `url:"username,omitempty"`
	Web3Wallet   []string `url:"web3_wallet,omitempty"`

	UserID                []string `url:"user_id,omitempty"`
	ExcludeUserID         []string `url:"user_id,omitempty"`
	ExternalID            []string `url:"external_id,omitempty"`
	ExcludeExternalID     []string `url:"external_id,omitempty"`
	OrganizationID        []string `url:"organization_id,omitempty"`
	ExcludeOrganizationID []string `url:"organization_id,omitempty"`

	Query             string `url:"query,omitempty"`
	EmailAddressQuery string `url:"email_address_query,omitempty"`
	PhoneNumberQuery  string `url:"phone_number_query,omitempty"`
	UsernameQuery     string `url:"username_query,omitempty"`
	NameQuery         string `url:"name_query,omitempty"`

	Banned *bool `url:"banned,omitempty"`

	CreatedAtBefore    *int64 `url:"created_at_before,omitempty"`
	CreatedAtAfter     *int64 `url:"created_at_after,omitempty"`
	LastActiveAtBefore *int64 `url:"last_active_at_before,omitempty"`
	LastActiveAtAfter  *int64 `url:"last_active_at_after,omitempty"`
	LastSignInAtBefore *int64 `url:"last_sign_in_at_before,omitempty"`
	LastSignInAtAfter  *int64 `url:"last_sign_in_at_after,omitempty"`

	Provider       string   `url:"provider,omitempty"`
	ProviderUserID []string `url:"provider_user_id,omitempty"`
}

// usersPageQuery is the wire form of GET /v1/users: the filters plus the
// page parameters. Offset 0 is Clerk's default and omitempty leaves it
// out, which also keeps it away from starting_after.
type usersPageQuery struct {
	usersFilterQuery

	Limit         *int   `url:"limit,omitempty"`
	Offset        int    `url:"offset,omitempty"`
	StartingAfter string `url:"starting_after,omitempty"`
	OrderBy       string `url:"order_by,omitempty"`
}

// Values checks p with Validate and returns the exact query that
// GET /v1/users receives. Encode it with url.Values.Encode, which
// percent-encodes "+" as %2B, so phone numbers and Clerk's include prefix
// arrive intact. Unset parameters, empty single-valued strings and offset
// 0 are left out, which Clerk reads as their defaults. Nil params give an
// empty query.
func (p *ListUsersParams) Values() (url.Values, error) {
	if err := p.Validate(); err != nil {
		return nil, err
	}
	return query.Values(p.pageQuery())
}

// CountValues returns the query that GET /v1/users/count receives: the
// filters only, without limit, offset, starting_after or order_by. It
// checks the filters as Validate does and ignores problems with the page
// parameters, since they are not sent.
func (p *ListUsersParams) CountValues() (url.Values, error) {
	if err := joinParamErrors(p.filterProblems()); err != nil {
		return nil, err
	}
	return query.Values(p.filterQuery())
}

// filterQuery builds the wire form of the filters, without checking them.
func (p *ListUsersParams) filterQuery() usersFilterQuery {
	if p == nil {
		return usersFilterQuery{}
	}

	return usersFilterQuery{
		EmailAddress:          p.emailAddresses,
		PhoneNumber:           p.phoneNumbers,
		Username:              p.usernames,
		Web3Wallet:            p.web3Wallets,
		UserID:                p.userIDs.include,
		ExcludeUserID:         excludePrefixed(p.userIDs.exclude),
		ExternalID:            p.externalIDs.include,
		ExcludeExternalID:     excludePrefixed(p.externalIDs.exclude),
		OrganizationID:        p.organizationIDs.include,
		ExcludeOrganizationID: excludePrefixed(p.organizationIDs.exclude),
		Query:                 p.query,
		EmailAddressQuery:     p.emailAddressQuery,
		PhoneNumberQuery:      p.phoneNumberQuery,
		UsernameQuery:         p.usernameQuery,
		NameQuery:             p.nameQuery,
		Banned:                p.banned,
		CreatedAtBefore:       filterMillis(p.createdAt.before),
		CreatedAtAfter:        filterMillis(p.createdAt.after),
		LastActiveAtBefore:    filterMillis(p.lastActiveAt.before),
		LastActiveAtAfter:     filterMillis(p.lastActiveAt.after),
		LastSignInAtBefore:    filterMillis(p.lastSignInAt.before),
		LastSignInAtAfter:     filterMillis(p.lastSignInAt.after),
		Provider:              p.provider,
		ProviderUserID:        p.providerUserIDs,
	}
}

// pageQuery builds the wire form of the whole listing query, without
// checking it.
func (p *ListUsersParams) pageQuery() usersPageQuery {
	q := usersPageQuery{usersFilterQuery: p.filterQuery()}
	if p == nil {
		return q
	}

	q.Limit = p.limit
	q.Offset = p.offset
	q.StartingAfter = p.startingAfter
	if p.orderSet {
		q.OrderBy = string(p.orderDir) + string(p.orderField)
	}
	return q
}

// excludePrefixed returns ids with Clerk's "-" exclude prefix.
func excludePrefixed(ids []string) []string {
	if len(ids) == 0 {
		return nil
	}

	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = "-" + id
	}
	return out
}

// String returns the query that p would send, for debugging, with every
// value that may be personal data replaced by REDACTED, one per value:
// "email_address=REDACTED&limit=10". Only limit, offset, order_by,
// banned, the times and the provider name are shown as they are; email
// addresses, phone numbers, usernames, wallets, searches and all ids,
// the starting_after cursor included, are redacted, since callers often
// fill external_id or even user_id with personal data. It does not
// validate, so it also shows params that Values would reject. Keys are
// sorted.
func (p *ListUsersParams) String() string {
	v, err := query.Values(p.pageQuery())
	if err != nil {
		return "clerk.ListUsersParams(unencodable: " + err.Error() + ")"
	}

	for key, vals := range v {
		if plainParam(key) {
			continue
		}
		for i := range vals {
			vals[i] = "REDACTED"
		}
	}
	return v.Encode()
}

// GoString returns the redacted query too, so that %#v does not print
// personal data either.
func (p *ListUsersParams) GoString() string {
	return fmt.Sprintf("&clerk.ListUsersParams{%s}", strconv.Quote(p.String()))
}

// plainParam reports whether values of the query parameter key identify
// nobody, so that String may show them. Any other key, including one
// added later, is redacted.
func plainParam(key string) bool {
	switch key {
	case "limit", "offset", "order_by", "banned", "provider",
		"created_at_before", "created_at_after",
		"last_active_at_before", "last_active_at_after",
		"last_sign_in_at_before", "last_sign_in_at_after":
		return true
	}
	return false
}

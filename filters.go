package clerk

import "time"

// ListUsersParams holds the query of GET /v1/users: the filters, which
// GET /v1/users/count takes too, and the page size, position and order,
// which only the listing takes. Build it with NewListUsersParams and the
// chainable setters; Values and CountValues check it and encode it.
//
// Every setter on a nil *ListUsersParams allocates a new one and returns
// it, and every other method treats nil as empty params, so the zero
// pointer is a valid "no filters".
//
// Handle it through a pointer, as the constructor returns it: String
// redacts personal data, but printing a dereferenced value with %v shows
// every field.
type ListUsersParams struct {
	emailAddresses []string
	phoneNumbers   []string
	usernames      []string
	web3Wallets    []string

	userIDs         idFilter
	externalIDs     idFilter
	organizationIDs idFilter

	query             string
	emailAddressQuery string
	phoneNumberQuery  string
	usernameQuery     string
	nameQuery         string

	banned *bool

	createdAt    filterTimeWindow
	lastActiveAt filterTimeWindow
	lastSignInAt filterTimeWindow

	providerSet     bool
	provider        string
	otherProviders  []string
	providerUserIDs []string

	limit         *int
	offset        int
	startingAfter string
	orderSet      bool
	orderField    OrderField
	orderDir      Direction
}

// idFilter is a repeated parameter whose values may be included or
// excluded; exclude values are sent with a "-" prefix on the same key.
type idFilter struct {
	include []string
	exclude []string
}

// filterTimeWindow is a pair of time filters; a zero time is unset.
type filterTimeWindow struct {
	after  time.Time
	before time.Time
}

// NewListUsersParams returns empty params: no filters, Clerk's default
// page size of 10, offset 0 and order -created_at (newest first).
func NewListUsersParams() *ListUsersParams {
	return &ListUsersParams{}
}

// orNew returns p, or new empty params when p is nil.
func (p *ListUsersParams) orNew() *ListUsersParams {
	if p == nil {
		return NewListUsersParams()
	}
	return p
}

// EmailAddresses adds exact email addresses (email_address); a user
// matches when any of their addresses is one of them. Each call appends.
// An empty value is an error, not ignored: dropping it could turn a
// narrow lookup into one over every user.
//
// Clerk compares each value with the addresses as it stored them, and
// the API reference does not say whether case is ignored: normalise
// first, giving addresses as Clerk stores them, which is usually in lower
// case (assumed). Values are sent exactly as given; white space at
// either end is an error from Validate, not trimmed.
func (p *ListUsersParams) EmailAddresses(addresses ...string) *ListUsersParams {
	p = p.orNew()
	p.emailAddresses = append(p.emailAddresses, addresses...)
	return p
}

// PhoneNumbers adds exact phone numbers (phone_number); the "+" is
// percent-encoded on the wire. Each call appends; an empty value is an
// error.
//
// Clerk compares each value with the number as it stored it, which is in
// E.164 form such as "+15555550100" (assumed: the API reference does not
// say so), so normalise first: "(555) 555-0100" or "15555550100" match
// nobody. Values are sent exactly as given; white space at either end is
// an error from Validate, not trimmed.
func (p *ListUsersParams) PhoneNumbers(numbers ...string) *ListUsersParams {
	p = p.orNew()
	p.phoneNumbers = append(p.phoneNumbers, numbers...)
	return p
}

// Usernames adds exact usernames (username). Each call appends; an empty
// value is an error.
//
// Clerk compares each value with the username as it stored it; whether
// that ignores case is not documented, so normalise first, as your
// instance stores usernames (assumed). Values are sent exactly as given;
// white space at either end is an error from Validate, not trimmed.
func (p *ListUsersParams) Usernames(usernames ...string) *ListUsersParams {
	p = p.orNew()
	p.usernames = append(p.usernames, usernames...)
	return p
}

// Web3Wallets adds exact Web3 wallet addresses (web3_wallet). Each call
// appends; an empty value is an error.
func (p *ListUsersParams) Web3Wallets(wallets ...string) *ListUsersParams {
	p = p.orNew()
	p.web3Wallets = append(p.web3Wallets, wallets...)
	return p
}

// UserIDs adds Clerk user ids to include (user_id). Values are sent as
// given, so a caller may write Clerk's "+" (include) or "-" (exclude)
// prefix itself; prefer ExcludeUserIDs for exclusions. Each call appends;
// an empty value is an error.
func (p *ListUsersParams) UserIDs(ids ...string) *ListUsersParams {
	p = p.orNew()
	p.userIDs.include = append(p.userIDs.include, ids...)
	return p
}

// ExcludeUserIDs adds Clerk user ids to leave out, sent as user_id=-<id>.
// Give bare ids: a value that already starts with "+" or "-" is an error.
// Included and excluded ids count together towards the 100-value limit.
func (p *ListUsersParams) ExcludeUserIDs(ids ...string) *ListUsersParams {
	p = p.orNew()
	p.userIDs.exclude = append(p.userIDs.exclude, ids...)
	return p
}

// ExternalIDs adds external ids to include (external_id), sent as given,
// like UserIDs. Each call appends; an empty value is an error.
func (p *ListUsersParams) ExternalIDs(ids ...string) *ListUsersParams {
	p = p.orNew()
	p.externalIDs.include = append(p.externalIDs.include, ids...)
	return p
}

// ExcludeExternalIDs adds external ids to leave out, sent as
// external_id=-<id>. Give bare ids, as for ExcludeUserIDs.
func (p *ListUsersParams) ExcludeExternalIDs(ids ...string) *ListUsersParams {
	p = p.orNew()
	p.externalIDs.exclude = append(p.externalIDs.exclude, ids...)
	return p
}

// OrganizationIDs adds organizations (organization_id): a user matches
// when they are a member of one of them. Values are sent as given, like
// UserIDs. Each call appends; an empty value is an error.
func (p *ListUsersParams) OrganizationIDs(ids ...string) *ListUsersParams {
	p = p.orNew()
	p.organizationIDs.include = append(p.organizationIDs.include, ids...)
	return p
}

// ExcludeOrganizationIDs adds organizations whose members are left out,
// sent as organization_id=-<id>. Give bare ids, as for ExcludeUserIDs.
func (p *ListUsersParams) ExcludeOrganizationIDs(ids ...string) *ListUsersParams {
	p = p.orNew()
	p.organizationIDs.exclude = append(p.organizationIDs.exclude, ids...)
	return p
}

// Query sets a case-insensitive partial match (query) over email
// addresses, phone numbers, usernames, Web3 wallets, user id and first
// and last name. The empty string means unset and sends nothing. Each
// call replaces the previous value. White space at either end of this
// and every other *Query search is an error from Validate, not trimmed:
// it would be part of the match.
func (p *ListUsersParams) Query(text string) *ListUsersParams {
	p = p.orNew()
	p.query = text
	return p
}

// EmailAddressQuery sets a case-insensitive partial match on email
// addresses only (email_address_query). The empty string means unset.
func (p *ListUsersParams) EmailAddressQuery(text string) *ListUsersParams {
	p = p.orNew()
	p.emailAddressQuery = text
	return p
}

// PhoneNumberQuery sets a case-insensitive partial match on phone numbers
// only (phone_number_query). The empty string means unset.
func (p *ListUsersParams) PhoneNumberQuery(text string) *ListUsersParams {
	p = p.orNew()
	p.phoneNumberQuery = text
	return p
}

// UsernameQuery sets a case-insensitive partial match on usernames only
// (username_query). The empty string means unset.
func (p *ListUsersParams) UsernameQuery(text string) *ListUsersParams {
	p = p.orNew()
	p.usernameQuery = text
	return p
}

// NameQuery sets a case-insensitive partial match on first and last name
// (name_query), sent as UTF-8. The empty string means unset.
func (p *ListUsersParams) NameQuery(text string) *ListUsersParams {
	p = p.orNew()
	p.nameQuery = text
	return p
}

// Banned keeps only banned users (true) or only users who are not banned
// (false); both are sent (banned=false too). Unset, the default, sends
// nothing and matches both.
func (p *ListUsersParams) Banned(banned bool) *ListUsersParams {
	p = p.orNew()
	p.banned = &banned
	return p
}

// Provider keeps users with an external account of the given provider,
// such as "oauth_google", whose provider-side user id is one of ids
// (provider and provider_user_id, which Clerk requires together).
//
// A second call with the same provider appends ids; a call naming another
// provider is an error from Validate, since a request filters by one
// provider only.
func (p *ListUsersParams) Provider(provider string, ids ...string) *ListUsersParams {
	p = p.orNew()

	switch {
	case !p.providerSet:
		p.providerSet = true
		p.provider = provider
	case provider != p.provider:
		p.otherProviders = append(p.otherProviders, provider)
	}

	p.providerUserIDs = append(p.providerUserIDs, ids...)
	return p
}

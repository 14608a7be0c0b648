package clerk

import "slices"

// Page defaults that Clerk applies when the parameter is not sent.
const (
	// DefaultUsersLimit is the page size Clerk uses when limit is not sent.
	DefaultUsersLimit = 10
	// MaxUsersLimit is the largest page size Clerk accepts.
	MaxUsersLimit = 500
)

// Limit sets the page size (limit), from 1 to MaxUsersLimit. Unset, Clerk
// returns DefaultUsersLimit users. Limit(0) is an error from Validate,
// not a way to unset it.
func (p *ListUsersParams) Limit(n int) *ListUsersParams {
	p = p.orNew()
	p.limit = &n
	return p
}

// Offset sets how many users to skip (offset), 0 or more. Offset 0 is
// Clerk's default and is never sent. Cost grows with the offset and large
// offsets time out: for deep paging prefer StartingAfter.
func (p *ListUsersParams) Offset(n int) *ListUsersParams {
	p = p.orNew()
	p.offset = n
	return p
}

// StartingAfter sets the cursor (starting_after): the page starts after
// the user with this id in the current ordering. It works only with
// created_at ordering (unset, or OrderBy(OrderCreatedAt, ...)) and only
// with offset 0; Validate rejects anything else, as Clerk would with a 422.
// Keep every other parameter the same between pages. The empty string
// means unset.
func (p *ListUsersParams) StartingAfter(userID string) *ListUsersParams {
	p = p.orNew()
	p.startingAfter = userID
	return p
}

// OrderBy sets the ordering (order_by) to field in direction dir, sent as
// "+field" for Ascending and "-field" for Descending. Unset, Clerk orders
// by OrderCreatedAt, Descending (newest first) and nothing is sent. Each
// call replaces the previous ordering, since Clerk reads only one.
func (p *ListUsersParams) OrderBy(field OrderField, dir Direction) *ListUsersParams {
	p = p.orNew()
	p.orderSet = true
	p.orderField = field
	p.orderDir = dir
	return p
}

// LimitValue returns the page size that a request will use: the limit
// set with Limit, even one that Validate rejects, or DefaultUsersLimit.
func (p *ListUsersParams) LimitValue() int {
	if p == nil || p.limit == nil {
		return DefaultUsersLimit
	}
	return *p.limit
}

// OffsetValue returns the offset set with Offset, 0 by default.
func (p *ListUsersParams) OffsetValue() int {
	if p == nil {
		return 0
	}
	return p.offset
}

// StartingAfterValue returns the cursor set with StartingAfter, or "".
func (p *ListUsersParams) StartingAfterValue() string {
	if p == nil {
		return ""
	}
	return p.startingAfter
}

// Ordering returns the field and direction of the ordering: the ones set
// with OrderBy, or Clerk's default OrderCreatedAt, Descending.
func (p *ListUsersParams) Ordering() (OrderField, Direction) {
	if p == nil || !p.orderSet {
		return OrderCreatedAt, Descending
	}
	return p.orderField, p.orderDir
}

// Clone returns a deep copy of p that shares no memory with it, so that
// paging code can set Offset or StartingAfter per page without touching
// the caller's params. Cloning nil gives new empty params.
func (p *ListUsersParams) Clone() *ListUsersParams {
	if p == nil {
		return NewListUsersParams()
	}

	c := *p
	c.emailAddresses = slices.Clone(p.emailAddresses)
	c.phoneNumbers = slices.Clone(p.phoneNumbers)
	c.usernames = slices.Clone(p.usernames)
	c.web3Wallets = slices.Clone(p.web3Wallets)
	c.userIDs = p.userIDs.clone()
	c.externalIDs = p.externalIDs.clone()
	c.organizationIDs = p.organizationIDs.clone()
	c.otherProviders = slices.Clone(p.otherProviders)
	c.providerUserIDs = slices.Clone(p.providerUserIDs)

	if p.banned != nil {
		banned := *p.banned
		c.banned = &banned
	}

	if p.limit != nil {
		limit := *p.limit
		c.limit = &limit
	}

	return &c
}

// clone returns a copy of f with its own slices.
func (f idFilter) clone() idFilter {
	return idFilter{include: slices.Clone(f.include), exclude: slices.Clone(f.exclude)}
}

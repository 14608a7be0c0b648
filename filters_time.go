package clerk

import "time"

// Time filters are sent as Unix milliseconds, digits only. A time is
// truncated to the millisecond, never rounded up: 12:00:00.0009 is sent
// as 12:00:00.000. Clerk compares strictly (assumed) and stores
// milliseconds, so a "before" bound with a sub-millisecond part also
// leaves out users of that very millisecond; pass whole milliseconds to
// avoid the question.
//
// The zero time.Time means unset and clears an earlier value. Times
// before 1970 cannot be written as digits only and are an error from
// Validate, as is an "after" bound that is not earlier than the
// "before" bound of the same window.

// CreatedBefore keeps users created before t (created_at_before).
func (p *ListUsersParams) CreatedBefore(t time.Time) *ListUsersParams {
	p = p.orNew()
	p.createdAt.before = t
	return p
}

// CreatedAfter keeps users created after t (created_at_after).
func (p *ListUsersParams) CreatedAfter(t time.Time) *ListUsersParams {
	p = p.orNew()
	p.createdAt.after = t
	return p
}

// LastActiveBefore keeps users last active before t
// (last_active_at_before). Users never active do not match (assumed).
func (p *ListUsersParams) LastActiveBefore(t time.Time) *ListUsersParams {
	p = p.orNew()
	p.lastActiveAt.before = t
	return p
}

// LastActiveAfter keeps users last active after t (last_active_at_after).
// It also covers Clerk's deprecated alias last_active_at_since, which this
// library never sends.
func (p *ListUsersParams) LastActiveAfter(t time.Time) *ListUsersParams {
	p = p.orNew()
	p.lastActiveAt.after = t
	return p
}

// LastSignInBefore keeps users whose last sign-in was before t
// (last_sign_in_at_before). Users who never signed in do not match
// (assumed).
func (p *ListUsersParams) LastSignInBefore(t time.Time) *ListUsersParams {
	p = p.orNew()
	p.lastSignInAt.before = t
	return p
}

// LastSignInAfter keeps users whose last sign-in was after t
// (last_sign_in_at_after).
func (p *ListUsersParams) LastSignInAfter(t time.Time) *ListUsersParams {
	p = p.orNew()
	p.lastSignInAt.after = t
	return p
}

// filterMillis returns t as Unix milliseconds for the wire, or nil when t is
// the zero time (unset). It truncates towards zero, which for the times
// Validate accepts (1970 onwards) is towards the past.
func filterMillis(t time.Time) *int64 {
	if t.IsZero() {
		return nil
	}

	ms := t.UnixMilli()
	return &ms
}

package main

import (
	"slices"
	"time"

	"github.com/workflowkit/clerk"
)

// slice is a range of creation times, lo to hi in Unix milliseconds, both
// included, that one caller walks.
type slice struct {
	lo, hi int64
	users  int
}

// params lists the slice's users, limit a page. Clerk's created_at bounds
// are strict, so each bound lies one millisecond outside the slice.
func (s slice) params(limit int) *clerk.ListUsersParams {
	return clerk.NewListUsersParams().Limit(limit).
		CreatedAfter(time.UnixMilli(s.lo - 1)).
		CreatedBefore(time.UnixMilli(s.hi + 1))
}

// createdSlices splits users into at most n slices of whole milliseconds
// holding about as many users each. A millisecond is never split, so data
// with many users in one millisecond (the generator's bulk import) gives
// uneven slices; when there are fewer distinct milliseconds than n, there
// are fewer slices.
func createdSlices(users []clerk.User, n int) []slice {
	times := make([]int64, len(users))
	for i, u := range users {
		times[i] = u.CreatedAt
	}
	slices.Sort(times)

	var out []slice
	start := 0
	for k := 1; k <= n && start < len(times); k++ {
		end := len(times)
		if k < n {
			end = max(k*len(times)/n, start+1)
			// Take the whole millisecond of the last user in.
			for end < len(times) && times[end] == times[end-1] {
				end++
			}
		}
		out = append(out, slice{lo: times[start], hi: times[end-1], users: end - start})
		start = end
	}
	return out
}

// pages is how many requests a cursor walk of s needs at limit: one per
// full page and one for the short page that ends it.
func (s slice) pages(limit int) int {
	return s.users/limit + 1
}

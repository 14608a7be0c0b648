package main

import (
	"context"
	"errors"
	"iter"
	"net/http"
	"time"

	"github.com/workflowkit/clerk"
)

// walkFrom yields the users params match in ascending creation order
// (created_at, then id), one page at a time, after the user of from when
// from is not nil.
//
// It continues with Clerk's starting_after cursor at from's user. When
// Clerk refuses that cursor because the user was deleted meanwhile, it
// starts again at from's millisecond with a created_at bound and skips
// the users at or before from. That bound never widens the caller's own
// created_at bound: from's user matched the filters, so it was created
// after that bound.
func walkFrom(ctx context.Context, c *clerk.Client, params *clerk.ListUsersParams,
	from *checkpoint) iter.Seq2[clerk.User, error] {

	ordered := params.Clone().OrderBy(clerk.OrderCreatedAt, clerk.Ascending)
	if from == nil {
		return c.Users(ctx, ordered)
	}

	return func(yield func(clerk.User, error) bool) {
		cursor := ordered.Clone().StartingAfter(from.ID)
		if !walkCursor(c.Users(ctx, cursor), yield) {
			return
		}

		bounded := ordered.Clone().CreatedAfter(time.UnixMilli(from.CreatedAt - 1))
		for u, err := range c.Users(ctx, bounded) {
			if err == nil && !from.after(&u) {
				continue // written before the checkpoint
			}
			if !yield(u, err) {
				return
			}
		}
	}
}

// walkCursor yields what users yields and reports whether it stopped
// because Clerk refused the cursor before the first user, in which case
// it yielded nothing.
func walkCursor(users iter.Seq2[clerk.User, error],
	yield func(clerk.User, error) bool) (refused bool) {

	first := true
	for u, err := range users {
		if first && err != nil && cursorRefused(err) {
			return true
		}
		first = false
		if !yield(u, err) {
			return false
		}
	}
	return false
}

// cursorRefused reports whether err is Clerk's 422 for a starting_after
// that names no user.
func cursorRefused(err error) bool {
	var apiErr *clerk.APIError
	return errors.As(err, &apiErr) &&
		apiErr.StatusCode == http.StatusUnprocessableEntity &&
		apiErr.ParamName() == "starting_after"
}

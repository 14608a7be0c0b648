package clerk

import (
	"context"
	"encoding/json"
	"fmt"
	"iter"
)

// ListUsers returns one page of the users that params match: one request
// to GET /v1/users, no hidden count request. Clerk answers a bare list
// with no total; use CountUsers for that. A nil params lists Clerk's first
// page (10 users, newest first).
//
// params is validated before anything is sent: an invalid value is a
// *ParamError naming the parameter, and no request is made.
func (c *Client) ListUsers(ctx context.Context, params *ListUsersParams) ([]User, error) {
	query, err := params.Values()
	if err != nil {
		return nil, err
	}

	var users []User
	err = c.get(ctx, "/users", query, func(body []byte) error {
		users = nil
		return decodeUsers(body, &users)
	})
	if err != nil {
		return nil, err
	}
	if limit := params.LimitValue(); len(users) > limit {
		return nil, &RequestError{Method: "GET", Path: "/users", Attempts: 1,
			Err: fmt.Errorf("the server answered %d users for a limit of %d; it is "+
				"not behaving like Clerk", len(users), limit)}
	}
	return users, nil
}

// CountUsers returns how many users params match, from GET
// /v1/users/count. Only the filters are sent: limit, offset, cursor and
// order do not change a count and are left out.
func (c *Client) CountUsers(ctx context.Context, params *ListUsersParams) (int64, error) {
	query, err := params.CountValues()
	if err != nil {
		return 0, err
	}

	var count struct {
		Object     string `json:"object"`
		TotalCount *int64 `json:"total_count"`
	}
	err = c.get(ctx, "/users/count", query, func(body []byte) error {
		if err := json.Unmarshal(body, &count); err != nil {
			return err
		}
		if count.TotalCount == nil {
			return fmt.Errorf("answer has no total_count")
		}
		return nil
	})
	if err != nil {
		return 0, err
	}
	return *count.TotalCount, nil
}

// Users returns every user params match, page after page, as an iterator:
//
//	for user, err := range client.Users(ctx, params) {
//		if err != nil {
//			return err
//		}
//		...
//	}
//
// Pages have params' limit (Clerk's default 10 when unset; 500 is the
// most and the fastest). Under created_at ordering, the default, each page
// starts after the previous page's last user (Clerk's starting_after
// cursor), so users who sign up during the walk neither shift nor repeat
// rows, and a walk whose cursor user is deleted resumes from that user's
// creation time without a gap. Other orderings advance the offset by what
// each page returned; such a walk can miss users when users are created or
// deleted meanwhile, and Clerk's offsets get slow far in. No walk yields a
// user twice. A page that fails is retried as the client's RetryPolicy
// says; the walk does not restart.
//
// The walk stops after the first page shorter than the limit, at the first
// error (yielded once, with a zero User), or when the loop breaks. It never
// asks for a count to decide when to stop.
func (c *Client) Users(ctx context.Context, params *ListUsersParams) iter.Seq2[User, error] {
	return func(yield func(User, error) bool) {
		w, err := newWalk(params)
		if err != nil {
			yield(User{}, err)
			return
		}
		for {
			page, err := c.ListUsers(ctx, w.next)
			if err != nil {
				if w.resume(err) {
					continue
				}
				yield(User{}, err)
				return
			}
			for i := range page {
				if w.fresh(&page[i]) && !yield(page[i], nil) {
					return
				}
			}
			if !w.nextPage(page) {
				return
			}
		}
	}
}

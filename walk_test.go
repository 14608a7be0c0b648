package clerk_test

import (
	"context"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/workflowkit/clerk"
)

// TestWalkSurvivesDeletedCursor deletes the user that the next page's
// cursor points at, at every page boundary, and checks that every user
// present from start to end is yielded exactly once.
func TestWalkSurvivesDeletedCursor(t *testing.T) {
	t.Parallel()
	for _, dir := range []clerk.Direction{clerk.Descending, clerk.Ascending} {
		for _, limit := range []int{1, 2, 5, 7} {
			name := string(dir) + "limit" + string(rune('0'+limit))
			t.Run(name, func(t *testing.T) {
				t.Parallel()
				c, srv := demoClient(t)
				all := ids(srv.Users())

				params := clerk.NewListUsersParams().Limit(limit).
					OrderBy(clerk.OrderCreatedAt, dir)
				var got, deleted []string
				for u, err := range c.Users(context.Background(), params) {
					if err != nil {
						t.Fatal(err)
					}
					got = append(got, u.ID)
					if len(got)%limit == 0 {
						srv.DeleteUser(u.ID)
						deleted = append(deleted, u.ID)
					}
				}

				var want []string
				for _, id := range all {
					if !slices.Contains(deleted, id) {
						want = append(want, id)
					}
				}
				for _, id := range deleted {
					if !slices.Contains(got, id) {
						t.Errorf("deleted user %s was not yielded before", id)
					}
				}
				survivors := slices.DeleteFunc(slices.Clone(got), func(id string) bool {
					return slices.Contains(deleted, id)
				})
				slices.Sort(survivors)
				slices.Sort(want)
				if diff := cmp.Diff(want, survivors, cmpopts.EquateEmpty()); diff != "" {
					t.Errorf("survivors missed or repeated (-want +got):\n%s", diff)
				}
				if len(slices.Compact(slices.Sorted(slices.Values(got)))) != len(got) {
					t.Errorf("a user was yielded twice: %v", got)
				}
			})
		}
	}
}

func TestWalkYieldsNewSignUpsOnlyOnceUnderOffsetOrdering(t *testing.T) {
	t.Parallel()
	c, srv := demoClient(t)
	users := srv.Users()
	params := clerk.NewListUsersParams().Limit(4).OrderBy(clerk.OrderUsername,
		clerk.Ascending)

	var got []string
	for u, err := range c.Users(context.Background(), params) {
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, u.ID)
		if len(got) == 2 {
			// A sign-up that sorts first shifts every later page by one.
			newcomer := users[0]
			newcomer.ID = "user_000newcomer"
			aaa := "aaaa"
			newcomer.Username = &aaa
			newcomer.EmailAddresses = nil
			srv.AddUser(newcomer)
		}
	}
	if len(slices.Compact(slices.Sorted(slices.Values(got)))) != len(got) {
		t.Errorf("a user was yielded twice after pages shifted")
	}
}

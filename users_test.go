package clerk_test

import (
	"context"
	"errors"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/workflowkit/clerk"
	"github.com/workflowkit/clerk/clerktest"
)

const adaEmail = "ada.lovelace@example.com"

func TestFindAdaByAnyIdentifier(t *testing.T) {
	t.Parallel()
	c, _ := demoClient(t)
	tests := []struct {
		name   string
		params *clerk.ListUsersParams
	}{
		{"email", clerk.NewListUsersParams().EmailAddresses(adaEmail)},
		{"phone with +", clerk.NewListUsersParams().PhoneNumbers("+15555550100")},
		{"username", clerk.NewListUsersParams().Usernames("ada")},
		{"external id", clerk.NewListUsersParams().ExternalIDs("ext_ada")},
		{"name fragment", clerk.NewListUsersParams().NameQuery("lovel")},
		{"email fragment, other case", clerk.NewListUsersParams().EmailAddressQuery("ADA.LOVE")},
		{"free query", clerk.NewListUsersParams().Query("Lovelace")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			users, err := c.ListUsers(context.Background(), tt.params)
			if err != nil {
				t.Fatal(err)
			}
			if len(users) != 1 || users[0].PrimaryEmailAddress() != adaEmail {
				t.Fatalf("got %d users, want Ada alone: %v", len(users), ids(users))
			}
		})
	}
}

func TestPlusInEmailSurvivesTheWire(t *testing.T) {
	t.Parallel()
	c, _ := demoClient(t)
	users, err := c.ListUsers(context.Background(),
		clerk.NewListUsersParams().EmailAddresses("dev+qa@example.com"))
	if err != nil {
		t.Fatal(err)
	}
	if len(users) != 1 {
		t.Fatalf("got %d users for dev+qa@example.com, want 1", len(users))
	}
}

func TestBannedFilterBothWays(t *testing.T) {
	t.Parallel()
	c, srv := demoClient(t)
	ctx := context.Background()
	banned, err := c.ListUsers(ctx, clerk.NewListUsersParams().Banned(true).Limit(500))
	if err != nil {
		t.Fatal(err)
	}
	notBanned, err := c.ListUsers(ctx, clerk.NewListUsersParams().Banned(false).Limit(500))
	if err != nil {
		t.Fatal(err)
	}

	var wantBanned int
	for _, u := range srv.Users() {
		if u.Banned {
			wantBanned++
		}
	}
	if wantBanned == 0 || len(banned) != wantBanned {
		t.Errorf("Banned(true): %d users, want %d", len(banned), wantBanned)
	}
	for _, u := range banned {
		if !u.Banned {
			t.Errorf("Banned(true) returned %s, who is not banned", u.ID)
		}
	}
	if len(banned)+len(notBanned) != len(srv.Users()) {
		t.Errorf("banned %d + not banned %d != all %d", len(banned), len(notBanned),
			len(srv.Users()))
	}
}

func TestCountUsersSendsOnlyFilters(t *testing.T) {
	t.Parallel()
	c, srv := demoClient(t)
	n, err := c.CountUsers(context.Background(),
		clerk.NewListUsersParams().Banned(false).Limit(2).Offset(1).
			OrderBy(clerk.OrderUsername, clerk.Ascending))
	if err != nil {
		t.Fatal(err)
	}
	var want int64
	for _, u := range srv.Users() {
		if !u.Banned {
			want++
		}
	}
	if n != want {
		t.Errorf("CountUsers = %d, want %d", n, want)
	}
	reqs := srv.Requests()
	last := reqs[len(reqs)-1]
	for _, key := range []string{"limit", "offset", "order_by", "starting_after"} {
		if last.Query.Has(key) {
			t.Errorf("count request sent %s", key)
		}
	}
}

func TestUsersWalksEveryPageOnce(t *testing.T) {
	t.Parallel()
	orders := []struct {
		field clerk.OrderField
		dir   clerk.Direction
	}{
		{clerk.OrderCreatedAt, clerk.Descending},
		{clerk.OrderCreatedAt, clerk.Ascending},
		{clerk.OrderUsername, clerk.Ascending},
		{clerk.OrderLastSignInAt, clerk.Descending},
	}
	for _, o := range orders {
		t.Run(string(o.dir)+string(o.field), func(t *testing.T) {
			t.Parallel()
			c, srv := demoClient(t)
			var got []string
			params := clerk.NewListUsersParams().Limit(4).OrderBy(o.field, o.dir)
			for u, err := range c.Users(context.Background(), params) {
				if err != nil {
					t.Fatal(err)
				}
				got = append(got, u.ID)
			}

			want := ids(srv.Users())
			slices.Sort(want)
			sorted := slices.Sorted(slices.Values(got))
			if diff := cmp.Diff(want, sorted); diff != "" {
				t.Errorf("walk missed or repeated users (-want +got):\n%s", diff)
			}
			pages := (len(want) / 4) + 1
			if srv.Hits() != pages {
				t.Errorf("hits = %d, want %d pages", srv.Hits(), pages)
			}
		})
	}
}

func TestUsersUsesTheCursorUnderCreatedAt(t *testing.T) {
	t.Parallel()
	c, srv := demoClient(t)
	for _, err := range c.Users(context.Background(), clerk.NewListUsersParams().Limit(5)) {
		if err != nil {
			t.Fatal(err)
		}
	}
	reqs := srv.Requests()
	if reqs[0].Query.Has("starting_after") {
		t.Error("first page sent a cursor")
	}
	for _, r := range reqs[1:] {
		if !r.Query.Has("starting_after") || r.Query.Has("offset") {
			t.Errorf("page query %q: want starting_after and no offset", r.RawQuery)
		}
	}
}

func TestUsersStopsWhenTheLoopBreaks(t *testing.T) {
	t.Parallel()
	c, srv := demoClient(t)
	n := 0
	for _, err := range c.Users(context.Background(), clerk.NewListUsersParams().Limit(2)) {
		if err != nil {
			t.Fatal(err)
		}
		if n++; n == 3 {
			break
		}
	}
	if srv.Hits() != 2 {
		t.Errorf("hits = %d, want 2 pages for 3 users", srv.Hits())
	}
}

func TestInvalidParamsSendNothing(t *testing.T) {
	t.Parallel()
	c, srv := demoClient(t)
	ctx := context.Background()
	bad := []*clerk.ListUsersParams{
		clerk.NewListUsersParams().Limit(0),
		clerk.NewListUsersParams().Limit(501),
		clerk.NewListUsersParams().Offset(-1),
		clerk.NewListUsersParams().Provider("oauth_google"),
		clerk.NewListUsersParams().StartingAfter("user_1").OrderBy(clerk.OrderUsername,
			clerk.Ascending),
		clerk.NewListUsersParams().StartingAfter("user_1").Offset(5),
	}
	for _, p := range bad {
		var perr *clerk.ParamError
		if _, err := c.ListUsers(ctx, p); !errors.As(err, &perr) {
			t.Errorf("ListUsers(%v): %v, want a *ParamError", p, err)
		}
		if _, err := c.CountUsers(ctx, clerk.NewListUsersParams().Provider("x")); err == nil {
			t.Error("CountUsers accepted a provider without ids")
		}
		for _, err := range c.Users(ctx, p) {
			if !errors.As(err, &perr) {
				t.Errorf("Users(%v): %v, want a *ParamError", p, err)
			}
		}
	}
	if srv.Hits() != 0 {
		t.Errorf("invalid parameters sent %d requests", srv.Hits())
	}
}

func TestWrongKeyIsUnauthorized(t *testing.T) {
	t.Parallel()
	srv := clerktest.NewServer(clerktest.WithDemoUsers())
	t.Cleanup(srv.Close)
	cred, _ := clerk.NewCredential("wrong", "sk_test_notTheServersKey")
	c, err := clerk.NewClient(cred, clerk.WithBaseURL(srv.URL))
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.ListUsers(context.Background(), nil)
	if !clerk.IsUnauthorized(err) {
		t.Fatalf("err = %v, want a 401", err)
	}
	var apiErr *clerk.APIError
	errors.As(err, &apiErr)
	if apiErr.Code() != "authentication_invalid" || apiErr.TraceID == "" {
		t.Errorf("code %q trace %q", apiErr.Code(), apiErr.TraceID)
	}
}

func ids(users []clerk.User) []string {
	out := make([]string, len(users))
	for i, u := range users {
		out[i] = u.ID
	}
	return out
}

package clerk_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/workflowkit/clerk"
	"github.com/workflowkit/clerk/clerktest"
)

// plainUsers makes n minimal users whose creation times come from at.
func plainUsers(n int, at func(i int) int64) []clerk.User {
	users := make([]clerk.User, n)
	for i := range users {
		users[i] = clerk.User{ID: fmt.Sprintf("user_%08d", i), Object: "user",
			CreatedAt: at(i)}
	}
	return users
}

// scanAll scans everything and returns the ids yielded, in order.
func scanAll(t *testing.T, c *clerk.Client, params *clerk.ListUsersParams,
	opts clerk.ScanOptions) []string {

	t.Helper()
	var got []string
	for u, err := range c.ScanUsers(context.Background(), params, opts) {
		if err != nil {
			t.Fatalf("scan failed after %d users: %v", len(got), err)
		}
		got = append(got, u.ID)
	}
	return got
}

func requireExactlyOnce(t *testing.T, want, got []string) {
	t.Helper()
	want = slices.Sorted(slices.Values(want))
	got = slices.Sorted(slices.Values(got))
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("scan missed or repeated users (-want +got):\n%s", diff)
	}
}

func TestScanUsersExactlyOnce(t *testing.T) {
	t.Parallel()
	const t0 = int64(1_700_000_000_000)
	populations := map[string][]clerk.User{
		"uniform": plainUsers(3000, func(i int) int64 { return t0 + int64(i)*1000 }),
		"skewed": plainUsers(3000, func(i int) int64 {
			if i%10 != 0 {
				return t0 + int64(i%7) // 90% in seven milliseconds
			}
			return t0 + int64(i)*86_400_000
		}),
		"one millisecond": plainUsers(2500, func(int) int64 { return t0 }),
		"one user":        plainUsers(1, func(int) int64 { return t0 }),
		"generated":       clerktest.GenerateUsers(5000, 3),
	}
	for name, users := range populations {
		for _, workers := range []int{1, 3, 8} {
			t.Run(fmt.Sprintf("%s/%d workers", name, workers), func(t *testing.T) {
				t.Parallel()
				c, srv := demoClient(t, clerktest.WithUsers(users...))
				got := scanAll(t, c, clerk.NewListUsersParams().Limit(100),
					clerk.ScanOptions{Concurrency: workers})
				requireExactlyOnce(t, ids(users), got)
				if srv.Hits() > len(users)/100*2+4*workers+4 {
					t.Errorf("%d requests for %d users", srv.Hits(), len(users))
				}
				if name == "one millisecond" && workers > 1 && !walkedDown(srv) {
					t.Error("a dense millisecond was not walked from both ends")
				}
			})
		}
	}
}

func TestScanUsersKeepsFiltersAndBounds(t *testing.T) {
	t.Parallel()
	users := clerktest.GenerateUsers(3000, 5)
	c, srv := demoClient(t, clerktest.WithUsers(users...))
	after := time.UnixMilli(users[len(users)/2].CreatedAt)

	params := clerk.NewListUsersParams().Banned(false).CreatedAfter(after).Limit(200)
	var want []string
	for u, err := range c.Users(context.Background(), params.Clone().Limit(500)) {
		if err != nil {
			t.Fatal(err)
		}
		want = append(want, u.ID)
	}
	got := scanAll(t, c, params, clerk.ScanOptions{Concurrency: 4})
	if len(want) == 0 {
		t.Fatal("the filter matched nobody")
	}
	requireExactlyOnce(t, want, got)
	for _, r := range srv.Requests() {
		if r.Query.Get("banned") != "false" {
			t.Fatalf("a scan request dropped the banned filter: %s", r.RawQuery)
		}
	}
}

func TestScanUsersWithFaultsAndChurn(t *testing.T) {
	t.Parallel()
	users := clerktest.GenerateUsers(6000, 9)
	faults := []clerktest.Fault{
		{Kind: clerktest.FaultStatus, Status: 429, Header: http.Header{"Retry-After": {"0"}}},
		{Kind: clerktest.FaultStatus, Status: 502},
		{Kind: clerktest.FaultReset},
		{Kind: clerktest.FaultTruncate},
	}
	srv := clerktest.NewServer(clerktest.WithUsers(users...),
		clerktest.WithRandomFaults(0.2, 4, faults...))
	t.Cleanup(srv.Close)
	cred, _ := clerk.NewCredential("t", srv.SecretKey())
	c, _ := clerk.NewClient(cred, clerk.WithBaseURL(srv.URL), clerk.WithRateLimit(0, 0),
		clerk.WithRetry(clerk.RetryPolicy{MaxAttempts: 12, MinWait: time.Millisecond,
			MaxWait: 4 * time.Millisecond}))
	t.Cleanup(c.CloseIdleConnections)

	before := ids(srv.Users())
	seen := map[string]int{}
	n := 0
	for u, err := range c.ScanUsers(context.Background(), clerk.NewListUsersParams().Limit(250),
		clerk.ScanOptions{Concurrency: 6}) {
		if err != nil {
			t.Fatal(err)
		}
		seen[u.ID]++
		if n++; n%100 == 0 {
			srv.DeleteUser(u.ID) // often a worker's cursor
			srv.DeleteUser(before[n%len(before)])
			srv.AddUser(clerk.User{ID: fmt.Sprintf("user_new%05d", n), Object: "user",
				CreatedAt: users[n%len(users)].CreatedAt})
		}
	}

	after := idSet(srv.Users())
	for id, k := range seen {
		if k != 1 {
			t.Errorf("user %s yielded %d times", id, k)
		}
	}
	for _, id := range before {
		if _, stayed := after[id]; stayed && seen[id] != 1 {
			t.Errorf("user %s, present throughout, was not yielded", id)
		}
	}
}

func TestScanUsersStopsEveryWorker(t *testing.T) {
	t.Parallel()
	users := clerktest.GenerateUsers(4000, 2)

	t.Run("break", func(t *testing.T) {
		c, _ := demoClient(t, clerktest.WithUsers(users...))
		n := 0
		for _, err := range c.ScanUsers(context.Background(),
			clerk.NewListUsersParams().Limit(50), clerk.ScanOptions{Concurrency: 8}) {
			if err != nil {
				t.Fatal(err)
			}
			if n++; n == 120 {
				break
			}
		}
		// goleak in TestMain checks that no worker is left.
	})

	t.Run("cancel", func(t *testing.T) {
		c, _ := demoClient(t, clerktest.WithUsers(users...))
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		var last error
		n := 0
		for _, err := range c.ScanUsers(ctx, clerk.NewListUsersParams().Limit(50),
			clerk.ScanOptions{Concurrency: 8}) {
			if err != nil {
				last = err
				continue
			}
			if n++; n == 200 {
				cancel()
			}
		}
		if !errors.Is(last, context.Canceled) {
			t.Errorf("a cancelled scan ended with %v, want context.Canceled", last)
		}
		if n > 200+50 {
			t.Errorf("%d users yielded after cancel, want at most the page in hand", n-200)
		}
	})
}

func TestScanUsersRefusesPositions(t *testing.T) {
	t.Parallel()
	c, srv := demoClient(t)
	for _, p := range []*clerk.ListUsersParams{
		clerk.NewListUsersParams().Offset(10),
		clerk.NewListUsersParams().StartingAfter("user_1"),
		clerk.NewListUsersParams().Limit(0),
	} {
		for _, err := range c.ScanUsers(context.Background(), p, clerk.ScanOptions{}) {
			var perr *clerk.ParamError
			if !errors.As(err, &perr) {
				t.Errorf("%v: got %v, want a *ParamError", p, err)
			}
		}
	}
	if srv.Hits() != 0 {
		t.Errorf("refused scans sent %d requests", srv.Hits())
	}
}

// walkedDown reports whether any page request (not the one-user look at
// the newest user) walked creation times downwards.
func walkedDown(srv *clerktest.Server) bool {
	for _, r := range srv.Requests() {
		if r.Query.Get("order_by") == "-created_at" && r.Query.Get("limit") != "1" {
			return true
		}
	}
	return false
}

package clerk_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/workflowkit/clerk"
	"github.com/workflowkit/clerk/clerktest"
)

// TestChaosWalk walks 20,000 generated users while the server injects
// random 429s, 5xx answers, resets and truncated bodies, and while users
// are created and deleted, the cursor's user among them. Every user
// present from start to end must be yielded exactly once, and no user
// twice.
func TestChaosWalk(t *testing.T) {
	if testing.Short() {
		t.Skip("walks 20,000 users")
	}
	t.Parallel()
	for _, dir := range []clerk.Direction{clerk.Descending, clerk.Ascending} {
		t.Run(string(dir), func(t *testing.T) {
			t.Parallel()
			chaosWalk(t, dir)
		})
	}
}

func chaosWalk(t *testing.T, dir clerk.Direction) {
	faults := []clerktest.Fault{
		{Kind: clerktest.FaultStatus, Status: 429, Header: http.Header{"Retry-After": {"0"}}},
		{Kind: clerktest.FaultStatus, Status: 500},
		{Kind: clerktest.FaultStatus, Status: 503},
		{Kind: clerktest.FaultReset},
		{Kind: clerktest.FaultTruncate},
		{Kind: clerktest.FaultHTML},
	}
	srv := clerktest.NewServer(clerktest.WithGeneratedUsers(20_000, 7),
		clerktest.WithRandomFaults(0.25, 11, faults...))
	t.Cleanup(srv.Close)
	cred, _ := clerk.NewCredential("chaos", srv.SecretKey())
	c, err := clerk.NewClient(cred, clerk.WithBaseURL(srv.URL), clerk.WithRateLimit(0, 0),
		clerk.WithRetry(clerk.RetryPolicy{MaxAttempts: 12, MinWait: time.Millisecond,
			MaxWait: 5 * time.Millisecond}))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(c.CloseIdleConnections)

	before := idSet(srv.Users())
	churn := newChurn(srv, before)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()

	seen := map[string]int{}
	params := clerk.NewListUsersParams().Limit(500).OrderBy(clerk.OrderCreatedAt, dir)
	n := 0
	for u, err := range c.Users(ctx, params) {
		if err != nil {
			t.Fatalf("walk failed after %d users: %v", n, err)
		}
		seen[u.ID]++
		if n++; n%500 == 0 {
			churn.step(u.ID) // delete the next cursor's user, add and delete others
		}
	}

	after := idSet(srv.Users())
	for id, count := range seen {
		if count > 1 {
			t.Errorf("user %s yielded %d times", id, count)
		}
	}
	missing := 0
	for id := range before {
		if _, stayed := after[id]; stayed && seen[id] != 1 {
			missing++
		}
	}
	if missing > 0 {
		t.Errorf("%d users present from start to end were not yielded", missing)
	}
	if churn.deleted == 0 || churn.added == 0 {
		t.Error("the churn did nothing")
	}
	t.Logf("%d users yielded, %d requests, %d added and %d deleted during the walk",
		n, srv.Hits(), churn.added, churn.deleted)
}

// churn creates and deletes users between pages.
type churn struct {
	mu      sync.Mutex
	srv     *clerktest.Server
	rng     *rand.Rand
	pool    []string
	added   int
	deleted int
}

func newChurn(srv *clerktest.Server, ids map[string]struct{}) *churn {
	ch := &churn{srv: srv, rng: rand.New(rand.NewPCG(3, 5))}
	for id := range ids {
		ch.pool = append(ch.pool, id)
	}
	return ch
}

func (ch *churn) step(cursorID string) {
	ch.mu.Lock()
	defer ch.mu.Unlock()
	if ch.srv.DeleteUser(cursorID) {
		ch.deleted++
	}
	for range 5 {
		if ch.srv.DeleteUser(ch.pool[ch.rng.IntN(len(ch.pool))]) {
			ch.deleted++
		}
		u := clerk.User{ID: fmt.Sprintf("user_churn%06d", ch.added), Object: "user",
			CreatedAt: time.Now().UnixMilli() - ch.rng.Int64N(3*365*24*3600*1000)}
		ch.srv.AddUser(u)
		ch.added++
	}
}

func idSet(users []clerk.User) map[string]struct{} {
	out := make(map[string]struct{}, len(users))
	for _, u := range users {
		out[u.ID] = struct{}{}
	}
	return out
}

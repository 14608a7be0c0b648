package clerk_test

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/workflowkit/clerk"
	"github.com/workflowkit/clerk/clerktest"
)

func runIncremental(t *testing.T, c *clerk.Client, from clerk.Watermark) ([]string,
	clerk.Watermark) {

	t.Helper()
	run, err := c.Incremental(clerk.NewListUsersParams().Limit(200), from,
		clerk.ScanOptions{Concurrency: 3})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for u, err := range run.Users(context.Background()) {
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, u.ID)
	}
	return got, run.Watermark()
}

func TestIncrementalYieldsExactlyTheNewSignUps(t *testing.T) {
	t.Parallel()
	users := clerktest.GenerateUsers(2000, 8)
	c, srv := demoClient(t, clerktest.WithUsers(users...))

	first, wm := runIncremental(t, c, clerk.Watermark{Field: clerk.WatermarkCreatedAt})
	requireExactlyOnce(t, ids(users), first)
	if len(wm.IDs) == 0 {
		t.Fatalf("watermark %+v has no ids", wm)
	}

	// New sign-ups: some in the watermark's own millisecond, some later,
	// and one earlier, which an incremental run cannot see.
	var want []string
	for i, at := range []int64{wm.Millis, wm.Millis, wm.Millis + 1, wm.Millis + 5000} {
		u := clerk.User{ID: fmt.Sprintf("user_new%d", i), Object: "user", CreatedAt: at}
		srv.AddUser(u)
		want = append(want, u.ID)
	}
	srv.AddUser(clerk.User{ID: "user_backdated", Object: "user", CreatedAt: wm.Millis - 1})

	second, wm2 := runIncremental(t, c, wm)
	requireExactlyOnce(t, want, second)
	if wm2.Millis != wm.Millis+5000 || !slices.Equal(wm2.IDs, []string{"user_new3"}) {
		t.Errorf("second watermark = %+v", wm2)
	}

	third, wm3 := runIncremental(t, c, wm2)
	if len(third) != 0 || wm3.Millis != wm2.Millis {
		t.Errorf("a run with nothing new yielded %v and moved to %+v", third, wm3)
	}
}

func TestIncrementalFollowsSignIns(t *testing.T) {
	t.Parallel()
	users := clerktest.GenerateUsers(500, 4)
	c, srv := demoClient(t, clerktest.WithUsers(users...))

	_, wm := runIncremental(t, c, clerk.Watermark{Field: clerk.WatermarkLastSignInAt})
	back := srv.Users()[7]
	at := wm.Millis + 60_000
	back.LastSignInAt = &at
	srv.AddUser(back)

	got, next := runIncremental(t, c, wm)
	if !slices.Equal(got, []string{back.ID}) || next.Millis != at {
		t.Errorf("got %v, watermark %+v; want only %s at %d", got, next, back.ID, at)
	}
}

func TestIncrementalKeepsTheWatermarkOnFailure(t *testing.T) {
	t.Parallel()
	c, _ := demoClient(t)
	start := clerk.Watermark{Field: clerk.WatermarkCreatedAt, Millis: 5}
	run, err := c.Incremental(nil, start, clerk.ScanOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for range run.Users(context.Background()) {
		break
	}
	if got := run.Watermark(); got.Millis != start.Millis {
		t.Errorf("an interrupted run moved the watermark to %+v", got)
	}
	if _, err := c.Incremental(nil, clerk.Watermark{Field: "updated_at"},
		clerk.ScanOptions{}); err == nil {
		t.Error("an unknown watermark field was accepted")
	}
	if _, err := c.Incremental(clerk.NewListUsersParams().Offset(3), start,
		clerk.ScanOptions{}); err == nil {
		t.Error("an offset was accepted")
	}
}

func TestIncrementalCancelledKeepsTheWatermark(t *testing.T) {
	t.Parallel()
	c, _ := demoClient(t, clerktest.WithGeneratedUsers(3000, 6))
	start := clerk.Watermark{Field: clerk.WatermarkCreatedAt}
	run, err := c.Incremental(clerk.NewListUsersParams().Limit(100), start,
		clerk.ScanOptions{Concurrency: 4})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	n := 0
	var last error
	for _, err := range run.Users(ctx) {
		if err != nil {
			last = err
			continue
		}
		if n++; n == 500 {
			cancel()
		}
	}
	if last == nil {
		t.Error("a cancelled run ended without an error")
	}
	if got := run.Watermark(); got.Millis != 0 || len(got.IDs) != 0 {
		t.Errorf("a cancelled run moved the watermark to %+v", got)
	}
}

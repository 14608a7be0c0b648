package clerk_test

import (
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
	"time"

	"github.com/workflowkit/clerk"
	"github.com/workflowkit/clerk/clerktest"
)

// fakeAPI serves handler under /v1 on a loopback server that counts hits,
// and returns a client for it with tiny retry waits.
func fakeAPI(t *testing.T, handler http.HandlerFunc, opts ...clerk.Option) (*clerk.Client,
	*atomic.Int64) {

	t.Helper()
	var hits atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		handler(w, r)
	}))
	t.Cleanup(srv.Close)

	cred, err := clerk.NewCredential("test", testKey)
	if err != nil {
		t.Fatal(err)
	}
	all := append([]clerk.Option{
		clerk.WithBaseURL(srv.URL + "/v1"),
		clerk.WithRetry(clerk.RetryPolicy{
			MaxAttempts: 3, MinWait: time.Millisecond, MaxWait: 20 * time.Millisecond,
		}),
		clerk.WithRateLimit(0, 0),
	}, opts...)
	c, err := clerk.NewClient(cred, all...)
	if err != nil {
		t.Fatal(err)
	}
	return c, &hits
}

// demoClient starts a clerktest server with opts (demo users when none)
// and returns a client for it.
func demoClient(t *testing.T, opts ...clerktest.Option) (*clerk.Client, *clerktest.Server) {
	t.Helper()
	if len(opts) == 0 {
		opts = []clerktest.Option{clerktest.WithDemoUsers()}
	}
	srv := clerktest.NewServer(opts...)
	t.Cleanup(srv.Close)

	cred, err := clerk.NewCredential("clerktest", srv.SecretKey())
	if err != nil {
		t.Fatal(err)
	}
	c, err := clerk.NewClient(cred, clerk.WithBaseURL(srv.URL), clerk.WithRateLimit(0, 0),
		clerk.WithRetry(clerk.RetryPolicy{MaxAttempts: 3, MinWait: time.Millisecond,
			MaxWait: 20 * time.Millisecond}))
	if err != nil {
		t.Fatal(err)
	}
	return c, srv
}

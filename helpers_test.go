package clerk_test

import (
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
	"time"

	"github.com/workflowkit/clerk"
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
	}, opts...)
	c, err := clerk.NewClient(cred, all...)
	if err != nil {
		t.Fatal(err)
	}
	return c, &hits
}

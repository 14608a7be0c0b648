package clerktest_test

import (
	"fmt"
	"net/http"

	"github.com/workflowkit/clerk/clerktest"
)

// A test scripts a 503 for the first request, which a client that
// retries should survive, and reads in the log which request failed.
func ExampleWithFaults() {
	srv := clerktest.NewServer(clerktest.WithFaults(clerktest.Fault{
		Kind:   clerktest.FaultStatus,
		Status: http.StatusServiceUnavailable,
		Header: http.Header{"Retry-After": {"1"}},
	}))
	defer srv.Close()

	for range 2 {
		req, _ := http.NewRequest(http.MethodGet, srv.URL+"/users/count", nil)
		req.Header.Set("Authorization", "Bearer "+srv.SecretKey())
		resp, err := srv.Client().Do(req)
		if err != nil {
			fmt.Println(err)
			return
		}
		resp.Body.Close()
		fmt.Printf("%d, Retry-After %q\n", resp.StatusCode, resp.Header.Get("Retry-After"))
	}

	for _, r := range srv.Requests() {
		fmt.Println(r.Path, r.Status, r.Fault)
	}
	// Output:
	// 503, Retry-After "1"
	// 200, Retry-After ""
	// /v1/users/count 503 FaultStatus
	// /v1/users/count 200 FaultNone
}

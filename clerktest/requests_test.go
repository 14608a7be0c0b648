package clerktest

import (
	"net/http"
	"net/url"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestRequestLog(t *testing.T) {
	t.Parallel()
	srv := newTestServer(t)
	if srv.Hits() != 0 || len(srv.Requests()) != 0 {
		t.Fatalf("a new server has %d hits, want 0", srv.Hits())
	}

	get(t, srv, "/users?phone_number=+15555550100&user_id=a&user_id=-b")
	send(t, srv, http.MethodGet, "/users/count", http.Header{"Authorization": {"Bearer x"}})

	reqs := srv.Requests()
	if srv.Hits() != 2 || len(reqs) != 2 {
		t.Fatalf("Hits %d, %d requests; want 2", srv.Hits(), len(reqs))
	}
	first := reqs[0]
	want := Request{
		Method:   "GET",
		Path:     "/v1/users",
		Query:    url.Values{"phone_number": {" 15555550100"}, "user_id": {"a", "-b"}},
		RawQuery: "phone_number=+15555550100&user_id=a&user_id=-b",
		Status:   200,
	}
	first.Header = nil
	if diff := cmp.Diff(want, first); diff != "" {
		t.Errorf("first request (-want +got):\n%s", diff)
	}
	if got := reqs[0].Header.Get("Authorization"); got != "Bearer "+srv.SecretKey() {
		t.Errorf("logged Authorization %q, want the bearer key", got)
	}
	if reqs[1].Status != 401 || reqs[1].Path != "/v1/users/count" {
		t.Errorf("second request %+v, want a 401 on /v1/users/count", reqs[1])
	}
}

func TestRequestsAreCopies(t *testing.T) {
	t.Parallel()
	srv := newTestServer(t)
	get(t, srv, "/users?limit=1")

	r := srv.Requests()[0]
	r.Query.Set("limit", "99")
	r.Header.Set("Authorization", "changed")

	again := srv.Requests()[0]
	if again.Query.Get("limit") != "1" || again.Header.Get("Authorization") == "changed" {
		t.Errorf("changing a returned Request changed the log: %+v", again)
	}
}

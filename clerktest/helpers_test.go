package clerktest

import (
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/workflowkit/clerk"
)

// newTestServer starts a server with opts and closes it when the test
// ends.
func newTestServer(t testing.TB, opts ...Option) *Server {
	t.Helper()
	srv := NewServer(opts...)
	t.Cleanup(srv.Close)
	return srv
}

// result is one answer, read in full.
type result struct {
	status int
	header http.Header
	body   []byte
}

// send makes a request to the server: method, then the path below
// srv.URL with its raw query, such as "/users?limit=2". Headers in header
// are added to the Authorization header with the server's key; an
// Authorization entry in header replaces it.
func send(t testing.TB, srv *Server, method, pathQuery string, header http.Header) result {
	t.Helper()
	req, err := http.NewRequest(method, srv.URL+pathQuery, nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+srv.SecretKey())
	for k, v := range header {
		req.Header[k] = v
	}

	resp, err := srv.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return result{status: resp.StatusCode, header: resp.Header, body: body}
}

// get sends an authorised GET.
func get(t testing.TB, srv *Server, pathQuery string) result {
	t.Helper()
	return send(t, srv, http.MethodGet, pathQuery, nil)
}

// listIDs lists users with rawQuery and returns their ids, failing the
// test on any status but 200.
func listIDs(t testing.TB, srv *Server, rawQuery string) []string {
	t.Helper()
	ids := []string{}
	for _, u := range listUsers(t, srv, rawQuery) {
		ids = append(ids, u.ID)
	}
	return ids
}

// wantError is the part of an error answer that tests check.
type wantError struct {
	Status int
	Code   string
	Param  string
}

// errorOf decodes an error answer and checks that its trace id is the one
// of the X-Clerk-Trace-Id header.
func errorOf(t testing.TB, res result) wantError {
	t.Helper()
	var env struct {
		Errors  []clerk.ClerkError `json:"errors"`
		TraceID string             `json:"clerk_trace_id"`
	}
	if err := json.Unmarshal(res.body, &env); err != nil || len(env.Errors) != 1 {
		t.Fatalf("status %d: body %s is not an envelope of one error (%v)",
			res.status, res.body, err)
	}
	if got := res.header.Get("X-Clerk-Trace-Id"); got == "" || got != env.TraceID {
		t.Errorf("clerk_trace_id %q, X-Clerk-Trace-Id header %q: want equal, non-empty",
			env.TraceID, got)
	}
	e := env.Errors[0]
	if e.Message == "" || e.LongMessage == "" {
		t.Errorf("error %+v: want a message and a long message", e)
	}
	return wantError{Status: res.status, Code: e.Code, Param: e.ParamName()}
}

// checkIDs compares listed ids with hand-worked ones.
func checkIDs(t testing.TB, rawQuery string, got, want []string) {
	t.Helper()
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("GET /users?%s: ids (-want +got):\n%s", rawQuery, diff)
	}
}

// repeat returns n repetitions of "key=value" joined by "&".
func repeat(key, value string, n int) string {
	parts := make([]string, n)
	for i := range parts {
		parts[i] = key + "=" + value
	}
	return strings.Join(parts, "&")
}

// users expands fixture letters, "f e d", to ids, user_f, user_e, user_d.
func users(letters string) []string {
	ids := []string{}
	for _, l := range strings.Fields(letters) {
		ids = append(ids, "user_"+l)
	}
	return ids
}

// listCase is one listing with its hand-worked answer, as fixture
// letters.
type listCase struct {
	query string
	want  string
}

// runListCases lists each case against the fixture, in parallel.
func runListCases(t *testing.T, cases []listCase) {
	t.Helper()
	srv := newFixtureServer(t)
	for _, tc := range cases {
		t.Run(tc.query, func(t *testing.T) {
			t.Parallel()
			checkIDs(t, tc.query, listIDs(t, srv, tc.query), users(tc.want))
		})
	}
}

// listUsers lists users with rawQuery and decodes them, failing the test
// on any status but 200.
func listUsers(t testing.TB, srv *Server, rawQuery string) []clerk.User {
	t.Helper()
	res := get(t, srv, "/users?"+rawQuery)
	if res.status != http.StatusOK {
		t.Fatalf("GET /users?%s: status %d, want 200; body %s", rawQuery, res.status, res.body)
	}
	var out []clerk.User
	if err := json.Unmarshal(res.body, &out); err != nil {
		t.Fatalf("GET /users?%s: decoding %s: %v", rawQuery, res.body, err)
	}
	return out
}

package clerktest

import (
	"net/http"
	"regexp"
	"strings"
	"testing"
)

func TestNewServer(t *testing.T) {
	t.Parallel()
	a, b := newTestServer(t), newTestServer(t)

	if !regexp.MustCompile(`^http://127\.0\.0\.1:\d+/v1$`).MatchString(a.URL) {
		t.Errorf("URL %q, want http://127.0.0.1:PORT/v1", a.URL)
	}
	key := regexp.MustCompile(`^sk_test_[A-Za-z0-9]{40}$`)
	if !key.MatchString(a.SecretKey()) {
		t.Errorf("SecretKey %q, want sk_test_ and 40 letters and digits", a.SecretKey())
	}
	if a.SecretKey() == b.SecretKey() {
		t.Errorf("two servers share the key %q, want one random key each", a.SecretKey())
	}
	if res := get(t, a, "/users"); res.status != http.StatusOK {
		t.Errorf("GET /users with the server's key: status %d, want 200", res.status)
	}
}

func TestWithSecretKey(t *testing.T) {
	t.Parallel()
	srv := newTestServer(t, WithSecretKey("sk_live_Abc123"))

	if got := srv.SecretKey(); got != "sk_live_Abc123" {
		t.Fatalf("SecretKey %q, want sk_live_Abc123", got)
	}
	if res := get(t, srv, "/users"); res.status != http.StatusOK {
		t.Errorf("GET /users with the given key: status %d, want 200", res.status)
	}
	got := newTestServer(t, WithSecretKey("")).SecretKey()
	if !strings.HasPrefix(got, "sk_test_") {
		t.Errorf("WithSecretKey(\"\"): key %q, want the random sk_test_ default", got)
	}
}

func TestAuthentication(t *testing.T) {
	t.Parallel()
	srv := newTestServer(t)
	cases := map[string][]string{
		"missing":          nil,
		"empty":            {""},
		"wrong key":        {"Bearer sk_test_wrong"},
		"lower-case":       {"bearer " + srv.SecretKey()},
		"no scheme":        {srv.SecretKey()},
		"basic":            {"Basic " + srv.SecretKey()},
		"trailing garbage": {"Bearer " + srv.SecretKey() + "x"},
	}
	for name, auth := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			header := http.Header{"Authorization": auth}
			got := errorOf(t, send(t, srv, http.MethodGet, "/users", header))
			want := wantError{Status: 401, Code: codeAuthentication}
			if got != want {
				t.Errorf("%+v, want %+v", got, want)
			}
		})
	}
}

func TestUnknownPathsAndMethods(t *testing.T) {
	t.Parallel()
	srv := newTestServer(t)
	cases := []struct {
		method, path string
		want         wantError
	}{
		{"GET", "/nope", wantError{Status: 404, Code: codeNotFound}},
		{"GET", "/users/", wantError{Status: 404, Code: codeNotFound}},
		{"GET", "/users/user_abc", wantError{Status: 404, Code: codeNotFound}},
		{"GET", "/users/count/", wantError{Status: 404, Code: codeNotFound}},
		{"POST", "/users", wantError{Status: 405, Code: codeMethodNotAllowed}},
		{"DELETE", "/users/count", wantError{Status: 405, Code: codeMethodNotAllowed}},
		{"PATCH", "/users", wantError{Status: 405, Code: codeMethodNotAllowed}},
	}
	for _, tc := range cases {
		t.Run(tc.method+" "+tc.path, func(t *testing.T) {
			t.Parallel()
			res := send(t, srv, tc.method, tc.path, nil)
			if got := errorOf(t, res); got != tc.want {
				t.Errorf("%+v, want %+v", got, tc.want)
			}
			if tc.want.Status == 405 && res.header.Get("Allow") != "GET" {
				t.Errorf("Allow %q, want GET", res.header.Get("Allow"))
			}
		})
	}
}

// TestAuthenticationComesFirst shows the order of the checks: a request
// without a key is a 401 whatever else is wrong with it.
func TestAuthenticationComesFirst(t *testing.T) {
	t.Parallel()
	srv := newTestServer(t)
	noKey := http.Header{"Authorization": nil, versionHeader: {"1999-01-01"}}

	for _, path := range []string{"/nope", "/users?limit=0"} {
		got := errorOf(t, send(t, srv, http.MethodPost, path, noKey))
		if want := (wantError{Status: 401, Code: codeAuthentication}); got != want {
			t.Errorf("POST %s without key: %+v, want %+v", path, got, want)
		}
	}
}

func TestTraceIDs(t *testing.T) {
	t.Parallel()
	srv := newTestServer(t)
	form := regexp.MustCompile(`^[0-9a-f]{32}$`)

	seen := map[string]bool{}
	for _, path := range []string{"/users", "/users/count", "/users?limit=0", "/nope"} {
		id := get(t, srv, path).header.Get("X-Clerk-Trace-Id")
		if !form.MatchString(id) || seen[id] {
			t.Errorf("GET %s: trace id %q, want 32 new hex digits", path, id)
		}
		seen[id] = true
	}
}

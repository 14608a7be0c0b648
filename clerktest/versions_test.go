package clerktest

import (
	"net/http"
	"testing"
)

func TestAPIVersion(t *testing.T) {
	t.Parallel()
	srv := newTestServer(t)
	bad := wantError{Status: 400, Code: codeVersion}
	cases := []struct {
		name   string
		query  string
		header string // "" sends no header
		ok     bool
	}{
		{"none", "", "", true},
		{"header", "", "2025-11-10", true},
		{"query", "?__clerk_api_version=2026-05-12", "", true},
		{"oldest", "", "2021-02-05", true},
		{"both, equal", "?__clerk_api_version=2025-11-10", "2025-11-10", false},
		{"both, different", "?__clerk_api_version=2024-10-01", "2025-04-10", false},
		{"unknown header", "", "2020-01-01", false},
		{"unknown query", "?__clerk_api_version=v1", "", false},
		{"empty query", "?__clerk_api_version=", "", false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			var header http.Header
			if tc.header != "" {
				header = http.Header{"Clerk-Api-Version": {tc.header}}
			}
			res := send(t, srv, http.MethodGet, "/users"+tc.query, header)
			if tc.ok {
				if res.status != http.StatusOK {
					t.Errorf("status %d, want 200; body %s", res.status, res.body)
				}
				return
			}
			if got := errorOf(t, res); got != bad {
				t.Errorf("%+v, want %+v", got, bad)
			}
		})
	}
}

func TestEveryKnownVersion(t *testing.T) {
	t.Parallel()
	srv := newTestServer(t)
	for _, v := range apiVersions() {
		res := send(t, srv, http.MethodGet, "/users/count", http.Header{versionHeader: {v}})
		if res.status != http.StatusOK {
			t.Errorf("version %s: status %d, want 200", v, res.status)
		}
	}
}

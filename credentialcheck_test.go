package clerk_test

import (
	"context"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/workflowkit/clerk"
	"github.com/workflowkit/clerk/clerktest"
)

func TestTestCredentialAnswers(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name        string
		status      int
		header      map[string]string
		want        clerk.CredentialStatus
		wantMessage string
	}{
		{"valid", 200, nil, clerk.CredentialValid, "the key works"},
		{"wrong or revoked", 401, nil, clerk.CredentialRejected, "refused the key"},
		{"forbidden", 403, nil, clerk.CredentialRejected, "refused the key"},
		{"rate limited", 429, map[string]string{"Retry-After": "7"},
			clerk.CredentialRateLimited, "try again after 7s"},
		{"server error", 503, nil, clerk.CredentialServerError, "says nothing about the key"},
		{"base URL without /v1", 404, nil, clerk.CredentialWrongURL, "end in /v1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			c, hits := fakeAPI(t, func(w http.ResponseWriter, r *http.Request) {
				for k, v := range tt.header {
					w.Header().Set(k, v)
				}
				w.WriteHeader(tt.status)
				if tt.status == 200 {
					w.Write([]byte("[]"))
				}
			})
			check, err := c.TestCredential(context.Background())
			if check.Status != tt.want || (err == nil) != (tt.want == clerk.CredentialValid) {
				t.Errorf("Status = %q, err = %v; want %q", check.Status, err, tt.want)
			}
			if !strings.Contains(check.Message, tt.wantMessage) {
				t.Errorf("Message = %q, want it to say %q", check.Message, tt.wantMessage)
			}
			if hits.Load() != 1 {
				t.Errorf("hits = %d, want exactly one request", hits.Load())
			}
			if check.Instance != clerk.Development || check.RoundTrip <= 0 {
				t.Errorf("Instance %q, RoundTrip %s", check.Instance, check.RoundTrip)
			}
		})
	}
}

func TestTestCredentialUnreachable(t *testing.T) {
	t.Parallel()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close() // nothing listens there now

	cred, _ := clerk.NewCredential("t", testKey)
	c, err := clerk.NewClient(cred, clerk.WithBaseURL("http://"+addr+"/v1"))
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	check, err := c.TestCredential(context.Background())
	if check.Status != clerk.CredentialUnreachable || err == nil {
		t.Fatalf("Status %q, err %v", check.Status, err)
	}
	if !strings.Contains(check.Message, "could not reach "+addr) {
		t.Errorf("Message = %q", check.Message)
	}
	if time.Since(start) > time.Second {
		t.Errorf("took %s: an unreachable host must be reported without retries",
			time.Since(start))
	}
}

func TestTestCredentialAgainstTestServer(t *testing.T) {
	t.Parallel()
	srv := clerktest.NewServer(clerktest.WithSecretKey("sk_live_demoLiveKey123"))
	t.Cleanup(srv.Close)

	good, _ := clerk.NewCredential("live", "sk_live_demoLiveKey123")
	c, _ := clerk.NewClient(good, clerk.WithBaseURL(srv.URL))
	check, err := c.TestCredential(context.Background())
	if err != nil || !check.OK() || check.Instance != clerk.Production {
		t.Errorf("good key: %+v, %v", check, err)
	}

	bad, _ := clerk.NewCredential("old", "sk_live_revokedKey456")
	c, _ = clerk.NewClient(bad, clerk.WithBaseURL(srv.URL))
	check, _ = c.TestCredential(context.Background())
	if check.Status != clerk.CredentialRejected || check.TraceID == "" {
		t.Errorf("revoked key: %+v", check)
	}
}

func TestTestCredentialNotClerk(t *testing.T) {
	t.Parallel()
	c, _ := fakeAPI(t, func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte("<html>welcome to nginx</html>"))
	})
	check, err := c.TestCredential(context.Background())
	if err == nil || check.Status != clerk.CredentialServerError ||
		!strings.Contains(check.Message, "not with Clerk's list") {
		t.Errorf("check %+v, err %v", check, err)
	}
}

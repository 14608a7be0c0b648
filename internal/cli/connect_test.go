package cli

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/workflowkit/clerk"
	"github.com/workflowkit/clerk/clerktest"
)

// liveKey is a well-formed secret key that opens no instance.
const liveKey = "sk_live_abcdefabcdefabcdefabcdefabcdefab"

func TestConnectRefusesAnUnclearEnvironment(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		env  map[string]string
		want string
	}{
		{"key set but empty", map[string]string{clerk.EnvSecretKey: ""},
			"the secret key is empty"},
		{"key set but empty, with an API URL", map[string]string{clerk.EnvSecretKey: "",
			EnvAPIURL: clerk.DefaultBaseURL}, "CLERK_SECRET_KEY is set but empty"},
		{"API URL without a key", map[string]string{EnvAPIURL: clerk.DefaultBaseURL},
			"CLERK_API_URL is set but CLERK_SECRET_KEY is not"},
		{"API URL set but empty", map[string]string{clerk.EnvSecretKey: liveKey,
			EnvAPIURL: ""}, "CLERK_API_URL is set but empty"},
		{"API URL over plain http", map[string]string{clerk.EnvSecretKey: liveKey,
			EnvAPIURL: "http://api.example.com/v1"}, "read from CLERK_API_URL"},
		{"publishable key", map[string]string{clerk.EnvSecretKey: "pk_test_abc"},
			"read from CLERK_SECRET_KEY"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var stderr bytes.Buffer
			c, _, err := Connect(MapEnv(tt.env), &stderr, nil)
			if err == nil || c != nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("Connect = %v, %v; want an error with %q", c, err, tt.want)
			}
			if stderr.Len() > 0 || strings.Contains(err.Error(), liveKey) {
				t.Errorf("stderr %q, error %q", stderr.String(), err)
			}
		})
	}
}

func TestConnectUsesTheDemoServerOnlyWithoutAKey(t *testing.T) {
	t.Parallel()
	var stderr bytes.Buffer
	c, closeServer, err := Connect(MapEnv(nil), &stderr, nil,
		clerktest.WithGeneratedUsers(3, 1))
	if err != nil {
		t.Fatal(err)
	}
	defer closeServer()

	n, err := c.CountUsers(context.Background(), nil)
	if err != nil || n != 3 {
		t.Errorf("CountUsers = %d, %v; want the 3 users the option asked for", n, err)
	}
	if !strings.Contains(stderr.String(), "embedded test server") {
		t.Errorf("stderr %q does not say it uses the test server", stderr.String())
	}
}

func TestConnectUsesTheKeyAndAPIURL(t *testing.T) {
	t.Parallel()
	srv := clerktest.NewServer(clerktest.WithSecretKey(liveKey), clerktest.WithDemoUsers())
	defer srv.Close()

	var stderr bytes.Buffer
	env := MapEnv(map[string]string{clerk.EnvSecretKey: liveKey, EnvAPIURL: srv.URL})
	c, closeServer, err := Connect(env, &stderr, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer closeServer()

	if c.BaseURL() != srv.URL || stderr.Len() > 0 {
		t.Errorf("BaseURL %q, want %q; stderr %q", c.BaseURL(), srv.URL, stderr.String())
	}
	if _, err := c.CountUsers(context.Background(), nil); err != nil {
		t.Errorf("CountUsers: %v", err)
	}
}

package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
)

func TestCredentialCheckVerdicts(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		env      map[string]string
		wantCode int
		wantOut  string
	}{
		{"embedded test server", nil, 0, "verdict:    valid"},
		{"publishable key", map[string]string{"CLERK_SECRET_KEY": "pk_live_abc"}, 2,
			"publishable key"},
		{"unreachable host", map[string]string{"CLERK_SECRET_KEY": "sk_test_abc",
			"CLERK_API_URL": "http://127.0.0.1:1/v1"}, 1, "verdict:    unreachable"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var out, errOut bytes.Buffer
			env := func(k string) string { return tt.env[k] }
			code := run(context.Background(), nil, env, &out, &errOut)
			if code != tt.wantCode {
				t.Errorf("exit %d, want %d; stderr %q", code, tt.wantCode, errOut.String())
			}
			if !strings.Contains(out.String()+errOut.String(), tt.wantOut) {
				t.Errorf("output lacks %q:\n%s%s", tt.wantOut, out.String(), errOut.String())
			}
			if strings.Contains(out.String()+errOut.String(), "sk_test_abc") {
				t.Error("the key was printed")
			}
		})
	}
}

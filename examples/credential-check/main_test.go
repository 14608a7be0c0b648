package main

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/workflowkit/clerk/internal/cli"
)

// check runs the program with args in the environment vars.
func check(t *testing.T, vars map[string]string, args ...string) (code int, stdout,
	stderr string) {

	t.Helper()
	var out, errOut bytes.Buffer
	code = run(context.Background(), args, cli.MapEnv(vars), &out, &errOut)
	return code, out.String(), errOut.String()
}

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
		{"key set but empty", map[string]string{"CLERK_SECRET_KEY": "",
			"CLERK_API_URL": "https://api.clerk.com/v1"}, 2, "the secret key is empty"},
		{"API URL without a key", map[string]string{"CLERK_API_URL": "http://127.0.0.1:1/v1"},
			2, "CLERK_API_URL is set but CLERK_SECRET_KEY is not"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			code, out, errOut := check(t, tt.env)
			if code != tt.wantCode {
				t.Errorf("exit %d, want %d; stderr %q", code, tt.wantCode, errOut)
			}
			if !strings.Contains(out+errOut, tt.wantOut) {
				t.Errorf("output lacks %q:\n%s%s", tt.wantOut, out, errOut)
			}
			if strings.Contains(out+errOut, "sk_test_abc") {
				t.Error("the key was printed")
			}
		})
	}
}

func TestCredentialCheckHelpExitsZero(t *testing.T) {
	t.Parallel()
	code, out, errOut := check(t, nil, "--help")
	if code != 0 || out != "" {
		t.Errorf("exit %d, stdout %q", code, out)
	}
	for _, want := range []string{"Usage: credential-check", "-timeout", "CLERK_API_URL"} {
		if !strings.Contains(errOut, want) {
			t.Errorf("--help lacks %q:\n%s", want, errOut)
		}
	}
}

func TestCredentialCheckBadFlagPrintsOnlyTheMistake(t *testing.T) {
	t.Parallel()
	code, _, errOut := check(t, nil, "--timeout", "soon")
	if code != 2 || !strings.Contains(errOut, "-timeout") ||
		!strings.Contains(errOut, "--help") {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
	if strings.Contains(errOut, "Usage:") {
		t.Errorf("a bad flag printed the usage:\n%s", errOut)
	}
}

func TestCredentialCheckDoesNotEchoArguments(t *testing.T) {
	t.Parallel()
	code, out, errOut := check(t, nil, "sk_live_pastedhere")
	if code != 2 || strings.Contains(out+errOut, "pastedhere") {
		t.Errorf("exit %d, output %q", code, out+errOut)
	}
}

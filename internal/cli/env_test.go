package cli

import (
	"strings"
	"testing"

	"github.com/workflowkit/clerk"
)

func TestMapEnvTellsUnsetFromEmpty(t *testing.T) {
	t.Parallel()
	env := MapEnv(map[string]string{"EMPTY": "", "FULL": "x"})
	for name, want := range map[string]struct {
		value string
		ok    bool
	}{"EMPTY": {"", true}, "FULL": {"x", true}, "UNSET": {"", false}} {
		if v, ok := env(name); v != want.value || ok != want.ok {
			t.Errorf("env(%q) = %q, %v; want %q, %v", name, v, ok, want.value, want.ok)
		}
	}

	if _, ok := MapEnv(nil)(clerk.EnvSecretKey); ok {
		t.Error("MapEnv(nil) sets CLERK_SECRET_KEY")
	}
}

func TestEnvHelpNamesTheVariables(t *testing.T) {
	t.Parallel()
	for _, want := range []string{clerk.EnvSecretKey, EnvAPIURL, clerk.DefaultBaseURL} {
		if !strings.Contains(EnvHelp, want) {
			t.Errorf("EnvHelp lacks %q", want)
		}
	}
}

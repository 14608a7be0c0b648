package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/workflowkit/clerk/clerktest"
)

func TestSinceRefusesAStateFileOfOtherFiltersOrInstance(t *testing.T) {
	t.Parallel()
	srv := newServer(t, clerktest.WithGeneratedUsers(50, 3))
	other := newServer(t, clerktest.WithGeneratedUsers(50, 4))
	state := filepath.Join(t.TempDir(), "state.json")
	mustExport(t, envFor(srv), "--since", state, "--banned", "--fields", "id")
	before := readFile(t, state)

	tests := []struct {
		name string
		srv  *clerktest.Server
		args []string
	}{
		{"other filters", srv, []string{"--fields", "id"}},
		{"other instance", other, []string{"--banned", "--fields", "id"}},
	}
	for _, tt := range tests {
		args := append([]string{"--since", state}, tt.args...)
		code, stdout, stderr := export(t, envFor(tt.srv), args...)
		if code != exitUsage || !strings.Contains(stderr, "separate state file") {
			t.Errorf("%s: exit %d, stderr %q; want %d and a separate state file",
				tt.name, code, stderr, exitUsage)
		}
		if stdout != "" || readFile(t, state) != before {
			t.Errorf("%s: wrote %q, or changed the state file", tt.name, stdout)
		}
	}

	// Other --fields or --format follow the same users.
	mustExport(t, envFor(srv), "--since", state, "--banned", "--format", "jsonl")
}

func TestSinceAcceptsAStateFileWithoutFingerprint(t *testing.T) {
	t.Parallel()
	srv := newServer(t, clerktest.WithGeneratedUsers(50, 3))
	state := filepath.Join(t.TempDir(), "state.json")
	old := `{"field": "created_at", "millis": 0}` + "\n"
	if err := os.WriteFile(state, []byte(old), 0o644); err != nil {
		t.Fatal(err)
	}

	out := mustExport(t, envFor(srv), "--since", state, "--fields", "id")
	if ids := idsOf(t, out); len(ids) != 50 {
		t.Fatalf("an old state file at 0 gave %d users, want 50", len(ids))
	}
	var st sinceState
	if err := json.Unmarshal([]byte(readFile(t, state)), &st); err != nil || st.Flags == "" {
		t.Errorf("the state file after the run %q has no fingerprint (%v)",
			readFile(t, state), err)
	}
}

package main

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/workflowkit/clerk/clerktest"
)

func TestInterruptWithoutResumeSaysHowToGoOn(t *testing.T) {
	t.Parallel()
	srv := newServer(t, clerktest.WithGeneratedUsers(100, 29))
	dir := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()

	tests := []struct {
		args []string
		want string
	}{
		{[]string{"--out", filepath.Join(dir, "users.csv")}, "use --resume"},
		{[]string{}, "use --resume"},
		{[]string{"--since", filepath.Join(dir, "state.json")}, "is unchanged"},
	}
	for _, tt := range tests {
		code, _, stderr := exportContext(ctx, t, envFor(srv), tt.args...)
		if code != exitFailed || !strings.Contains(stderr, "interrupted") ||
			!strings.Contains(stderr, "run it again") || !strings.Contains(stderr, tt.want) {
			t.Errorf("%q: exit %d, stderr %q; want %d, run it again, %q",
				tt.args, code, stderr, exitFailed, tt.want)
		}
	}
}

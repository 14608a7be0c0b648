package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/workflowkit/clerk/clerktest"
	"github.com/workflowkit/clerk/internal/cli"
)

func TestBadFlagsExitTwo(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	out := filepath.Join(dir, "users.csv")
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"--format", "xml"}, "--format"},
		{[]string{"--format", "json"}, "csv or jsonl"},
		{[]string{"--fields", " , "}, "at least one"},
		{[]string{"--fields", "id,banned,id"}, `"id" comes twice`},
		{[]string{"--fields", "id,primary_emial_address"}, "primary_email_address"},
		{[]string{"--fields", "id,no_such_key"}, "no_such_key"},
		{[]string{"--concurrency", "0"}, "--concurrency"},
		{[]string{"--concurrency", "65"}, "1 to 64"},
		{[]string{"--resume"}, "needs --out"},
		{[]string{"--resume", "--out", out, "--since", "s.json"}, "cannot be combined"},
		{[]string{"--resume", "--out", out, "--concurrency", "4"}, "one page at a time"},
		{[]string{"--order-by", "-created_at"}, "--order-by"},
		{[]string{"--offset", "10"}, "--offset"},
		{[]string{"--starting-after", "user_1"}, "--starting-after"},
		{[]string{"--since", "s.json", "--since-field", "updated_at"}, "--since-field"},
		{[]string{"--since-field", "created_at"}, "needs --since"},
		{[]string{"--demo-users", "-1"}, "--demo-users"},
		{[]string{"--limit", "501"}, "limit"},
		{[]string{"--created-after", "yesterday"}, "RFC 3339"},
		{[]string{"--banned=maybe"}, "true or false"},
		{[]string{"users.csv"}, "unexpected argument"},
		{[]string{"--no-such-flag"}, "not defined"},
	}
	for _, tt := range tests {
		code, stdout, stderr := export(t, noEnv, tt.args...)
		if code != exitUsage {
			t.Errorf("%v: exit %d, want %d", tt.args, code, exitUsage)
		}
		if !strings.Contains(stderr, tt.want) {
			t.Errorf("%v: stderr %q lacks %q", tt.args, stderr, tt.want)
		}
		if stdout != "" || strings.Contains(stderr, "embedded test server") {
			t.Errorf("%v: bad flags still exported", tt.args)
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) > 0 {
		t.Errorf("bad flags created %v", entries)
	}
}

func TestDemoUsersNeedTheEmbeddedServer(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	code, _, stderr := export(t, envFor(srv), "--demo-users", "10")
	if code != exitUsage || !strings.Contains(stderr, "unset it or drop --demo-users") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
}

func TestBadKeyExitsTwo(t *testing.T) {
	t.Parallel()
	env := cli.MapEnv(map[string]string{"CLERK_SECRET_KEY": "pk_test_abcdef"})
	code, _, stderr := export(t, env)
	if code != exitUsage || !strings.Contains(stderr, "publishable") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
}

func TestWrongKeyExitsOne(t *testing.T) {
	t.Parallel()
	srv := newServer(t, clerktest.WithDemoUsers())
	env := cli.MapEnv(map[string]string{
		"CLERK_SECRET_KEY": "sk_live_notthekeyofthisservernotthekeyofthis",
		"CLERK_API_URL":    srv.URL,
	})
	code, stdout, stderr := export(t, env)
	header := strings.Join(DefaultFields, ",") + "\n"
	if code != exitFailed || !strings.Contains(stderr, "401") || stdout != header {
		t.Errorf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
}

func TestHelpExitsZero(t *testing.T) {
	t.Parallel()
	code, _, stderr := export(t, noEnv, "--help")
	if code != exitOK || !strings.Contains(stderr, "-resume") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
}

func TestFlagParseErrorsAreOneLineAndAHint(t *testing.T) {
	t.Parallel()
	for _, args := range [][]string{{"--concurrency", "abc"},
		{"--created-after", "yesterday"}, {"--no-such-flag"}} {
		code, _, stderr := export(t, noEnv, args...)
		lines := strings.Split(strings.TrimSpace(stderr), "\n")
		if code != exitUsage || len(lines) != 2 || !strings.Contains(stderr, "--help") {
			t.Errorf("%q: exit %d, stderr:\n%s\nwant %d, the mistake and a hint to run "+
				"--help", args, code, stderr, exitUsage)
		}
	}

	code, _, stderr := export(t, noEnv, "--help")
	if code != exitOK || !strings.Contains(stderr, "Usage: export") ||
		!strings.Contains(stderr, "-demo-users") {
		t.Errorf("--help: exit %d, stderr:\n%s\nwant the usage and every flag", code, stderr)
	}
}

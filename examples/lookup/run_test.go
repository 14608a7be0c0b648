package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"strconv"
	"strings"
	"testing"
)

// lookup runs the program with args and no CLERK_SECRET_KEY, so against
// the embedded demo server.
func lookup(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	noEnv := func(string) string { return "" }
	code = run(context.Background(), args, noEnv, &out, &errOut)
	return code, out.String(), errOut.String()
}

func TestLookupAdaByEmail(t *testing.T) {
	t.Parallel()
	code, out, errOut := lookup(t, "--email", "ada.lovelace@example.com")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.Contains(errOut, "embedded test server") {
		t.Errorf("stderr does not say it uses the test server: %q", errOut)
	}
	for _, want := range []string{
		"\nid: user_", "primary_email_address: ada.lovelace@example.com",
		"first_name: Ada",
	} {
		if !strings.Contains("\n"+out, want) {
			t.Errorf("output lacks %q", want)
		}
	}
}

func TestLookupFormats(t *testing.T) {
	t.Parallel()
	_, out, _ := lookup(t, "--phone", "+15555550100", "--format", "jsonl",
		"--fields", "id,primary_email_address,banned")
	var rec map[string]any
	if err := json.Unmarshal([]byte(out), &rec); err != nil {
		t.Fatalf("jsonl output %q: %v", out, err)
	}
	if rec["primary_email_address"] != "ada.lovelace@example.com" || rec["banned"] != false ||
		len(rec) != 3 {
		t.Errorf("record = %v", rec)
	}

	_, out, _ = lookup(t, "--banned", "--format", "csv", "--fields", "id,banned")
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil || len(rows) < 2 {
		t.Fatalf("csv %q: %v", out, err)
	}
	for _, row := range rows[1:] {
		if row[1] != "true" {
			t.Errorf("--banned printed a user who is not banned: %v", row)
		}
	}

	_, out, _ = lookup(t, "--name-query", "lovelace", "--format", "json")
	var users []map[string]any
	if err := json.Unmarshal([]byte(out), &users); err != nil || len(users) != 1 {
		t.Fatalf("json output %q: %v", out, err)
	}
	if users[0]["object"] != "user" {
		t.Errorf("json output is not Clerk's user: %v", users[0])
	}
}

func TestLookupCountAndAll(t *testing.T) {
	t.Parallel()
	code, countOut, _ := lookup(t, "--count")
	if code != exitOK {
		t.Fatal(code)
	}
	_, allOut, _ := lookup(t, "--all", "--limit", "3", "--format", "jsonl", "--fields", "id")
	lines := strings.Count(allOut, "\n")
	if strings.TrimSpace(countOut) != strconv.Itoa(lines) {
		t.Errorf("--count says %s, --all printed %d users", countOut, lines)
	}
}

func TestLookupBadFlags(t *testing.T) {
	t.Parallel()
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"--limit", "501"}, "limit"},
		{[]string{"--limit", "ten"}, "limit"},
		{[]string{"--created-after", "yesterday"}, "RFC 3339"},
		{[]string{"--order-by", "-age"}, "unknown field"},
		{[]string{"--provider", "oauth_google"}, "provider"},
		{[]string{"--format", "xml"}, "--format"},
		{[]string{"--banned=maybe"}, "true or false"},
		{[]string{"ada@example.com"}, "unexpected argument"},
		{[]string{"--no-such-flag"}, "not defined"},
	}
	for _, tt := range tests {
		code, _, errOut := lookup(t, tt.args...)
		if code != exitUsage {
			t.Errorf("%v: exit %d, want %d", tt.args, code, exitUsage)
		}
		if !strings.Contains(errOut, tt.want) {
			t.Errorf("%v: stderr %q lacks %q", tt.args, errOut, tt.want)
		}
	}
}

func TestLookupBadKeyFromEnv(t *testing.T) {
	t.Parallel()
	var out, errOut bytes.Buffer
	env := func(k string) string {
		if k == "CLERK_SECRET_KEY" {
			return "pk_test_abcdef"
		}
		return ""
	}
	code := run(context.Background(), []string{"--email", "a@b.c"}, env, &out, &errOut)
	if code != exitUsage || !strings.Contains(errOut.String(), "publishable") {
		t.Errorf("exit %d, stderr %q", code, errOut.String())
	}
}

func TestLookupRefusesSecondsForMilliseconds(t *testing.T) {
	t.Parallel()
	code, _, errOut := lookup(t, "--created-after", "1700000000", "--count")
	if code != exitUsage || !strings.Contains(errOut, "looks like Unix seconds") {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
	code, out, _ := lookup(t, "--created-after", "1700000000000", "--count")
	if code != exitOK || strings.TrimSpace(out) == "" {
		t.Errorf("milliseconds refused: exit %d", code)
	}
}

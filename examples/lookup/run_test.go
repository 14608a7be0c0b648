package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"strconv"
	"strings"
	"testing"

	"github.com/workflowkit/clerk/internal/cli"
)

// lookup runs the program with args and no CLERK_SECRET_KEY, so against
// the embedded demo server.
func lookup(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	return lookupEnv(t, nil, args...)
}

// lookupEnv runs the program with args in the environment vars.
func lookupEnv(t *testing.T, vars map[string]string, args ...string) (code int,
	stdout, stderr string) {

	t.Helper()
	var out, errOut bytes.Buffer
	code = run(context.Background(), args, cli.MapEnv(vars), &out, &errOut)
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
	code, _, errOut := lookupEnv(t, map[string]string{"CLERK_SECRET_KEY": "pk_test_abcdef"},
		"--email", "a@b.c")
	if code != exitUsage || !strings.Contains(errOut, "publishable") {
		t.Errorf("exit %d, stderr %q", code, errOut)
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

func TestLookupEnvironment(t *testing.T) {
	t.Parallel()
	const clerkAPI = "https://api.clerk.com/v1"
	tests := []struct {
		name string
		env  map[string]string
		want string
	}{
		{"key set but empty", map[string]string{"CLERK_SECRET_KEY": ""},
			"the secret key is empty"},
		{"key set but empty, with an API URL",
			map[string]string{"CLERK_SECRET_KEY": "", "CLERK_API_URL": clerkAPI},
			"the secret key is empty"},
		{"API URL without a key", map[string]string{"CLERK_API_URL": clerkAPI},
			"CLERK_API_URL is set but CLERK_SECRET_KEY is not"},
		{"API URL set but empty", map[string]string{
			"CLERK_SECRET_KEY": "sk_test_abcdefabcdefabcdefabcdefabcdefab",
			"CLERK_API_URL":    ""}, "CLERK_API_URL is set but empty"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			code, out, errOut := lookupEnv(t, tt.env, "--count")
			if code != exitUsage || out != "" || !strings.Contains(errOut, tt.want) {
				t.Errorf("exit %d, stdout %q, stderr %q; want exit %d and %q",
					code, out, errOut, exitUsage, tt.want)
			}
			if strings.Contains(errOut, "embedded test server") {
				t.Errorf("fell back to the demo server: %q", errOut)
			}
		})
	}
}

func TestLookupNoMatchSaysSo(t *testing.T) {
	t.Parallel()
	for _, format := range []string{"text", "jsonl"} {
		code, out, errOut := lookup(t, "--email", "nobody@example.com", "--format", format)
		if code != exitOK || out != "" || !strings.Contains(errOut, "no users matched") {
			t.Errorf("%s: exit %d, stdout %q, stderr %q", format, code, out, errOut)
		}
	}

	_, out, errOut := lookup(t, "--email", "ada.lovelace@example.com")
	if out == "" || strings.Contains(errOut, "no users matched") {
		t.Errorf("a match printed %q and said %q", out, errOut)
	}
}

func TestLookupCountChecksOnlyWhatACountSends(t *testing.T) {
	t.Parallel()
	_, want, _ := lookup(t, "--count")
	code, out, errOut := lookup(t, "--count", "--limit", "0", "--offset", "-1",
		"--order-by", "-age")
	if code != exitOK || out != want {
		t.Errorf("exit %d, stdout %q, want %q; stderr %q", code, out, want, errOut)
	}

	code, _, errOut = lookup(t, "--count", "--email", "")
	if code != exitUsage || !strings.Contains(errOut, "--email") {
		t.Errorf("a bad filter was not refused: exit %d, stderr %q", code, errOut)
	}
}

func TestLookupRefusesAllWithCount(t *testing.T) {
	t.Parallel()
	code, out, errOut := lookup(t, "--all", "--count")
	if code != exitUsage || out != "" || !strings.Contains(errOut, "--all") {
		t.Errorf("exit %d, stdout %q, stderr %q", code, out, errOut)
	}
}

func TestLookupRefusesUntrimmedValues(t *testing.T) {
	t.Parallel()
	tests := [][]string{
		{"--email", " ada.lovelace@example.com "},
		{"--query", "   "},
		{"--user-id", "-user_1 "},
		{"--name-query", "\u00a0lovelace"},
	}
	for _, args := range tests {
		code, out, errOut := lookup(t, args...)
		if code != exitUsage || out != "" || !strings.Contains(errOut, args[0]) ||
			!strings.Contains(errOut, "trim it") {
			t.Errorf("%q: exit %d, stdout %q, stderr %q", args, code, out, errOut)
		}
	}
}

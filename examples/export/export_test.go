package main

import (
	"encoding/json"
	"io"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/workflowkit/clerk"
	"github.com/workflowkit/clerk/clerktest"
)

// bigExport is how many users the largest export test writes: 100,000,
// or 20,000 with -short or under the race detector, where 100,000 take
// about two minutes. So `go test ./...` (without -race) is the run that
// exports 100,000.
func bigExport() int {
	if raceEnabled || testing.Short() {
		return 20_000
	}
	return 100_000
}

func TestExportMatchesGeneratedUsers(t *testing.T) {
	t.Parallel()
	exportAndCompare(t, bigExport())
}

// exportAndCompare exports n users of the embedded server (--demo-users)
// to a file and checks them against the generated users, one to one.
func exportAndCompare(t *testing.T, n int) {
	t.Logf("exporting %d users", n)
	out := filepath.Join(t.TempDir(), "users.csv")
	mustExport(t, noEnv, "--demo-users", strconv.Itoa(n), "--out", out)

	header, rows := parseCSV(t, readFile(t, out))
	if !slices.Equal(header, DefaultFields) {
		t.Errorf("header %v, want %v", header, DefaultFields)
	}
	checkRows(t, header, rows, clerktest.GenerateUsers(n, demoSeed))
	if exists(partialPath(out)) || exists(checkpointPath(out)) {
		t.Error("a finished export left its .partial or .checkpoint file")
	}
}

// checkRows fails unless rows hold each of want exactly once, with its id,
// primary email address and creation time.
func checkRows(t *testing.T, header []string, rows [][]string, want []clerk.User) {
	t.Helper()
	byID := make(map[string]*clerk.User, len(want))
	for i := range want {
		byID[want[i].ID] = &want[i]
	}
	id, email := column(t, header, "id"), column(t, header, "primary_email_address")
	created := column(t, header, "created_at")

	seen := make(map[string]bool, len(rows))
	for _, row := range rows {
		u := byID[row[id]]
		switch {
		case u == nil:
			t.Fatalf("a row for a user the server does not have: %v", row)
		case seen[u.ID]:
			t.Fatalf("user %s is written twice", u.ID)
		case row[email] != u.PrimaryEmailAddress(),
			row[created] != strconv.FormatInt(u.CreatedAt, 10):
			t.Fatalf("row %v does not match user %s (%s, %d)", row, u.ID,
				u.PrimaryEmailAddress(), u.CreatedAt)
		}
		seen[u.ID] = true
	}
	if len(seen) != len(want) {
		t.Errorf("%d rows for %d users", len(seen), len(want))
	}
}

func TestExportJSONLines(t *testing.T) {
	t.Parallel()
	const n = 3000
	srv := newServer(t, clerktest.WithGeneratedUsers(n, 5))
	fields := "id,banned,created_at,public_metadata.plan,public_metadata.not_set"
	out := mustExport(t, envFor(srv), "--format", "jsonl", "--fields", fields)

	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) != n {
		t.Fatalf("%d lines for %d users", len(lines), n)
	}
	ids := map[string]bool{}
	for _, line := range lines {
		keys, values := decodeLine(t, line)
		if !slices.Equal(keys, strings.Split(fields, ",")) {
			t.Fatalf("keys %v, want %s in this order", keys, fields)
		}
		if _, ok := values["banned"].(bool); !ok {
			t.Fatalf("banned is %T in %s, want a JSON boolean", values["banned"], line)
		}
		if _, ok := values["created_at"].(json.Number); !ok {
			t.Fatalf("created_at is %T in %s, want a number", values["created_at"], line)
		}
		if values["public_metadata.not_set"] != nil {
			t.Fatalf("a key no user has is %v, want null", values["public_metadata.not_set"])
		}
		ids[values["id"].(string)] = true
	}
	if len(ids) != n {
		t.Errorf("%d distinct ids in %d lines", len(ids), n)
	}
}

// decodeLine parses one JSON line into its keys, in order, and values.
func decodeLine(t *testing.T, line string) ([]string, map[string]any) {
	t.Helper()
	values := map[string]any{}
	dec := json.NewDecoder(strings.NewReader(line))
	dec.UseNumber()
	if err := dec.Decode(&values); err != nil {
		t.Fatalf("line %q does not parse: %v", line, err)
	}
	if _, err := dec.Token(); err != io.EOF {
		t.Fatalf("line %q holds more than one object", line)
	}

	var keys []string
	dec = json.NewDecoder(strings.NewReader(line))
	dec.Token() // {
	for dec.More() {
		key, _ := dec.Token()
		keys = append(keys, key.(string))
		var skip json.RawMessage
		dec.Decode(&skip)
	}
	return keys, values
}

func TestExportFieldsPickColumns(t *testing.T) {
	t.Parallel()
	const n = 2000
	srv := newServer(t, clerktest.WithGeneratedUsers(n, 6))
	fields := []string{"id", "public_metadata.plan", "email_addresses.1.email_address",
		"banned", "created_at_rfc3339", "public_metadata.not_set"}
	out := mustExport(t, envFor(srv), "--fields", " "+strings.Join(fields, " , ")+" ")

	header, rows := parseCSV(t, out)
	if !slices.Equal(header, fields) {
		t.Fatalf("header %v, want %v", header, fields)
	}
	users := map[string]clerk.User{}
	for _, u := range clerktest.GenerateUsers(n, 6) {
		users[u.ID] = u
	}
	filled := make([]int, len(fields))
	for _, row := range rows {
		rec := clerk.Flatten(users[row[0]])
		for i, key := range fields {
			want, _ := rec.Get(key)
			if row[i] != want.String() {
				t.Fatalf("user %s: %s is %q, want %q", row[0], key, row[i], want.String())
			}
			if row[i] != "" {
				filled[i]++
			}
		}
	}
	if len(rows) != n {
		t.Errorf("%d rows for %d users", len(rows), n)
	}
	// Each column but the last must have been put to the test.
	for i, key := range fields[:len(fields)-1] {
		if filled[i] == 0 {
			t.Errorf("no user has %s: the test proves nothing about it", key)
		}
	}
}

func TestExportAppliesFilters(t *testing.T) {
	t.Parallel()
	const n = 3000
	srv := newServer(t, clerktest.WithGeneratedUsers(n, 8))
	var banned []clerk.User
	for _, u := range clerktest.GenerateUsers(n, 8) {
		if u.Banned {
			banned = append(banned, u)
		}
	}
	if len(banned) == 0 {
		t.Fatal("no generated user is banned: the test proves nothing")
	}

	out := mustExport(t, envFor(srv), "--banned", "--concurrency", "3", "--limit", "7")
	header, rows := parseCSV(t, out)
	checkRows(t, header, rows, banned)
}

func TestExportNoMatchWritesHeaderOnly(t *testing.T) {
	t.Parallel()
	srv := newServer(t, clerktest.WithGeneratedUsers(100, 9))
	out := mustExport(t, envFor(srv), "--email", "nobody@example.invalid")
	if want := strings.Join(DefaultFields, ",") + "\n"; out != want {
		t.Errorf("output %q, want only the header %q", out, want)
	}
}

package main

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"slices"
	"testing"

	"github.com/workflowkit/clerk"
)

// awkward is a user whose names need CSV quoting and JSON escaping.
func awkward() clerk.User {
	first, last := "Ada, \"the\"\nCountess", "<Lovelace> & co"
	external := "ext\t1"
	return clerk.User{ID: "user_awkward", Object: "user", FirstName: &first,
		LastName: &last, ExternalID: &external, Banned: true, CreatedAt: 1688202000000}
}

// writeRows writes the header and the rows of users with a rowWriter.
func writeRows(t *testing.T, format string, fields []string, users ...clerk.User) string {
	t.Helper()
	var buf bytes.Buffer
	w := bufio.NewWriter(&buf)
	rows := newRowWriter(w, format, fields)
	if err := rows.header(); err != nil {
		t.Fatal(err)
	}
	for _, u := range users {
		if err := rows.write(u); err != nil {
			t.Fatal(err)
		}
	}
	if err := rows.flush(); err != nil {
		t.Fatal(err)
	}
	w.Flush()
	return buf.String()
}

func TestRowsCSVQuotesAndEmptiesNulls(t *testing.T) {
	t.Parallel()
	fields := []string{"id", "first_name", "last_name", "username", "banned", "missing"}
	u := awkward()
	got, err := csv.NewReader(bytes.NewBufferString(writeRows(t, "csv", fields, u))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{fields, {u.ID, *u.FirstName, *u.LastName, "", "true", ""}}
	if len(got) != 2 || !slices.Equal(got[0], want[0]) || !slices.Equal(got[1], want[1]) {
		t.Errorf("rows %q, want %q", got, want)
	}
}

func TestRowsJSONKeepsKindsAndOrder(t *testing.T) {
	t.Parallel()
	fields := []string{"username", "created_at", "first_name", "banned", "external_id", "id"}
	out := writeRows(t, "jsonl", fields, awkward())

	want := `{"username":null,"created_at":1688202000000,` +
		`"first_name":"Ada, \"the\"\nCountess","banned":true,"external_id":"ext\t1",` +
		`"id":"user_awkward"}` + "\n"
	if out != want {
		t.Errorf("line\n%s\nwant\n%s", out, want)
	}
	var back map[string]any
	if err := json.Unmarshal([]byte(out), &back); err != nil {
		t.Fatalf("the line does not parse: %v", err)
	}
}

func TestRowsJSONLinesHaveNoHeader(t *testing.T) {
	t.Parallel()
	if out := writeRows(t, "jsonl", []string{"id"}); out != "" {
		t.Errorf("JSON lines without users wrote %q", out)
	}
}

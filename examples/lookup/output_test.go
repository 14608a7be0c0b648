package main

import (
	"encoding/csv"
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/workflowkit/clerk/internal/cli"
)

// csvRows parses the program's CSV output.
func csvRows(t *testing.T, out string) [][]string {
	t.Helper()
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil || len(rows) == 0 {
		t.Fatalf("csv %q: %v", out, err)
	}
	return rows
}

func TestLookupCSVDefaultColumns(t *testing.T) {
	t.Parallel()
	code, out, errOut := lookup(t, "--all", "--format", "csv")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}

	rows := csvRows(t, out)
	if want := cli.DefaultCSVFields(); !slices.Equal(rows[0], want) {
		t.Fatalf("header %q, want %q", rows[0], want)
	}
	found := false
	for _, row := range rows[1:] {
		found = found || row[1] == "ada.lovelace@example.com" && row[6] == "Ada Lovelace"
	}
	if len(rows) < 30 || !found {
		t.Errorf("%d rows, Ada's row found: %v", len(rows)-1, found)
	}
}

func TestLookupCSVWithoutMatchesHasItsHeader(t *testing.T) {
	t.Parallel()
	code, out, errOut := lookup(t, "--email", "nobody@example.com", "--format", "csv",
		"--fields", "id,private_metadata.stripe.customer_id")
	want := "id,private_metadata.stripe.customer_id\n"
	if code != exitOK || out != want || !strings.Contains(errOut, "no users matched") {
		t.Errorf("exit %d, stdout %q (want %q), stderr %q", code, out, want, errOut)
	}
}

func TestLookupFieldsAcceptFlattenKeys(t *testing.T) {
	t.Parallel()
	want := [][2]string{
		{"primary_email_address", "ada.lovelace@example.com"},
		{"full_name", "Ada Lovelace"},
		{"created_at_rfc3339", "2023-07-03T10:00:00.000Z"},
		{"email_addresses.0.email_address", "ada.lovelace@example.com"},
		{"private_metadata.stripe.customer_id", "cus_DemoAda01"},
		{"phone_numbers.0.verification.expire_at_rfc3339", "2023-07-03T10:10:00.000Z"},
		{"public_metadata.plan.tier", "pro"},
		{"organization_memberships.0.organization.public_metadata.plan", "enterprise"},
	}
	var fields []string
	for _, kv := range want {
		fields = append(fields, kv[0])
	}

	code, out, errOut := lookup(t, "--email", "ada.lovelace@example.com",
		"--format", "jsonl", "--fields", strings.Join(fields, ","))
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}

	var rec map[string]any
	if err := json.Unmarshal([]byte(out), &rec); err != nil {
		t.Fatalf("jsonl %q: %v", out, err)
	}
	for _, kv := range want {
		if rec[kv[0]] != kv[1] {
			t.Errorf("%s = %v, want %v", kv[0], rec[kv[0]], kv[1])
		}
	}
}

func TestLookupFieldsRefuseUnknownKeys(t *testing.T) {
	t.Parallel()
	tests := []struct {
		fields string
		want   string
	}{
		{"id,nosuchkey", `"nosuchkey"`},
		{"emial_addresses.0.email_address", `did you mean "email_addresses"?`},
		{"primary_email_adress", `did you mean "primary_email_address"?`},
		{"email_addresses.0", "an object or a list"},
		{"public_metadata", "an object or a list"},
		{"id,id", "twice"},
	}
	for _, tt := range tests {
		code, out, errOut := lookup(t, "--fields", tt.fields)
		if code != exitUsage || out != "" || !strings.Contains(errOut, tt.want) ||
			!strings.Contains(errOut, "--fields") {
			t.Errorf("--fields %s: exit %d, stdout %q, stderr %q; want %q",
				tt.fields, code, out, errOut, tt.want)
		}
	}
}

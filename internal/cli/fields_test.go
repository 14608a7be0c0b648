package cli

import (
	"slices"
	"strings"
	"testing"

	"github.com/workflowkit/clerk"
	"github.com/workflowkit/clerk/clerktest"
)

func TestParseFieldsAcceptsEveryKeyOfFlatten(t *testing.T) {
	t.Parallel()
	users := append(clerktest.DemoUsers(), clerktest.GenerateUsers(200, 7)...)
	users = append(users, clerk.User{ID: "user_odd", PublicMetadata: clerk.Metadata(
		`{"a[0]":1,"plan.tier":"x","back\\slash":true}`)})

	seen := map[string]bool{}
	for _, u := range users {
		for _, key := range clerk.Flatten(u).Keys() {
			if seen[key] {
				continue
			}
			seen[key] = true
			if _, err := ParseFields(key); err != nil {
				t.Errorf("ParseFields(%q): %v", key, err)
			}
		}
	}

	for _, key := range []string{`public_metadata.a[0]`, `public_metadata.plan\.tier`,
		"flatten_truncated", "flatten_error"} {
		if _, err := ParseFields(key); err != nil {
			t.Errorf("ParseFields(%q): %v", key, err)
		}
	}
}

func TestParseFieldsKeepsOrder(t *testing.T) {
	t.Parallel()
	got, err := ParseFields(" full_name, id,,email_addresses.0.email_address ")
	want := []string{"full_name", "id", "email_addresses.0.email_address"}
	if err != nil || !slices.Equal(got, want) {
		t.Errorf("ParseFields = %q, %v; want %q", got, err, want)
	}

	if got, err := ParseFields(""); err != nil || got != nil {
		t.Errorf("ParseFields(\"\") = %q, %v; want no keys", got, err)
	}
}

func TestParseFieldsRefusesWhatNoUserHas(t *testing.T) {
	t.Parallel()
	tests := []struct {
		list string
		want []string
	}{
		{"id,nosuchkey", []string{`"nosuchkey"`, "Clerk's schema"}},
		{"emial_addresses.0.email_address", []string{`did you mean "email_addresses"?`}},
		{"email_addresses.0", []string{"an object or a list"}},
		{"organization_memberships.0.organization.public_metadata",
			[]string{"an object or a list"}},
		{"email_addresses[0].email_address", []string{"not selectors"}},
		{"id,banned,id", []string{`"id" comes twice`}},
		{"nosuchkey,alsonot", []string{`"nosuchkey"`, `"alsonot"`}},
	}
	for _, tt := range tests {
		keys, err := ParseFields(tt.list)
		if err == nil || keys != nil {
			t.Errorf("ParseFields(%q) = %q, %v; want an error", tt.list, keys, err)
			continue
		}
		for _, want := range append(tt.want, "--fields: ") {
			if !strings.Contains(err.Error(), want) {
				t.Errorf("ParseFields(%q): %q lacks %q", tt.list, err, want)
			}
		}
	}
}

func TestDefaultCSVFieldsAreInEveryRecord(t *testing.T) {
	t.Parallel()
	fields := DefaultCSVFields()
	if _, err := ParseFields(strings.Join(fields, ",")); err != nil {
		t.Fatal(err)
	}

	for _, u := range clerktest.DemoUsers() {
		rec := clerk.Flatten(u)
		for _, key := range fields {
			if _, ok := rec.Get(key); !ok {
				t.Errorf("user %s has no %s", u.ID, key)
			}
		}
	}

	fields[0] = "changed"
	if DefaultCSVFields()[0] != "id" {
		t.Error("DefaultCSVFields returns a shared slice")
	}
}

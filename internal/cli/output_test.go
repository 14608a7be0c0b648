package cli

import (
	"bytes"
	"encoding/csv"
	"slices"
	"strings"
	"testing"

	"github.com/workflowkit/clerk"
	"github.com/workflowkit/clerk/clerktest"
)

// written writes users with a new Writer and returns the output.
func written(t *testing.T, format, fields string, users ...clerk.User) string {
	t.Helper()
	var out bytes.Buffer
	w, err := NewWriter(&out, format, fields)
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range users {
		if err := w.Write(u); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return out.String()
}

// demoUser returns the demo user whose primary email address is email.
func demoUser(t *testing.T, email string) clerk.User {
	t.Helper()
	for _, u := range clerktest.DemoUsers() {
		if v, _ := clerk.Flatten(u).Get("primary_email_address"); v.String() == email {
			return u
		}
	}
	t.Fatalf("no demo user has %s", email)
	return clerk.User{}
}

func TestCSVColumnsDoNotDependOnTheFirstUser(t *testing.T) {
	t.Parallel()
	bare := clerk.User{ID: "user_bare"}
	ada := demoUser(t, "ada.lovelace@example.com")

	rows, err := csv.NewReader(strings.NewReader(written(t, "csv", "", bare, ada))).ReadAll()
	if err != nil || len(rows) != 3 {
		t.Fatalf("%d rows, %v", len(rows), err)
	}
	if !slices.Equal(rows[0], DefaultCSVFields()) {
		t.Errorf("header %q, want DefaultCSVFields", rows[0])
	}
	if rows[2][1] != "ada.lovelace@example.com" || rows[2][6] != "Ada Lovelace" {
		t.Errorf("Ada's row lost her values: %q", rows[2])
	}

	got := written(t, "csv", "private_metadata.stripe.customer_id", bare, ada)
	if want := "private_metadata.stripe.customer_id\n\ncus_DemoAda01\n"; got != want {
		t.Errorf("csv %q, want %q", got, want)
	}
}

func TestWriterWithoutUsers(t *testing.T) {
	t.Parallel()
	tests := []struct{ format, fields, want string }{
		{"text", "", ""},
		{"jsonl", "id", ""},
		{"json", "", "[\n]\n"},
		{"csv", "id,banned", "id,banned\n"},
		{"csv", "", strings.Join(DefaultCSVFields(), ",") + "\n"},
	}
	for _, tt := range tests {
		if got := written(t, tt.format, tt.fields); got != tt.want {
			t.Errorf("%s %q: %q, want %q", tt.format, tt.fields, got, tt.want)
		}
	}
}

func TestNewWriterRefuses(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct{ format, fields, want string }{
		{"xml", "", "--format"},
		{"json", "id", "not json"},
		{"text", "id,nosuchkey", "nosuchkey"},
	} {
		if _, err := NewWriter(&bytes.Buffer{}, tt.format, tt.fields); err == nil ||
			!strings.Contains(err.Error(), tt.want) {
			t.Errorf("NewWriter(%q, %q) = %v, want %q", tt.format, tt.fields, err, tt.want)
		}
	}
}

package clerk_test

import (
	"encoding/json"
	"net/url"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/workflowkit/clerk"
)

// openAPIParam is a query parameter of the published Backend API.
type openAPIParam struct {
	Ref    string `json:"$ref"`
	Name   string `json:"name"`
	In     string `json:"in"`
	Schema struct {
		Type    string `json:"type"`
		Default any    `json:"default"`
		Minimum *int   `json:"minimum"`
		Maximum *int   `json:"maximum"`
	} `json:"schema"`
}

// openAPIUsers is the part of testdata/users.openapi.json these tests read.
type openAPIUsers struct {
	Paths map[string]map[string]struct {
		Parameters []openAPIParam `json:"parameters"`
	} `json:"paths"`
	Components struct {
		Parameters map[string]openAPIParam `json:"parameters"`
	} `json:"components"`
}

// openAPIQuery returns the query parameters of GET path, $refs resolved.
func openAPIQuery(t *testing.T, path string) []openAPIParam {
	t.Helper()

	data, err := os.ReadFile("testdata/users.openapi.json")
	if err != nil {
		t.Fatal(err)
	}

	var doc openAPIUsers
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatalf("testdata/users.openapi.json: %v", err)
	}

	var out []openAPIParam
	for _, prm := range doc.Paths[path]["get"].Parameters {
		if prm.Ref != "" {
			name := strings.TrimPrefix(prm.Ref, "#/components/parameters/")
			prm = doc.Components.Parameters[name]
		}
		if prm.In == "query" {
			out = append(out, prm)
		}
	}

	if len(out) == 0 {
		t.Fatalf("testdata/users.openapi.json has no query parameters for GET %s", path)
	}
	return out
}

// openAPIAlias returns the parameter the builder sends for name: itself,
// or for a deprecated alias the current name. LastActiveAfter covers
// last_active_at_since by sending last_active_at_after.
func openAPIAlias(name string) string {
	if name == "last_active_at_since" {
		return "last_active_at_after"
	}
	return name
}

// fullParams returns params that set every filter with two values where
// a parameter repeats, every page parameter but the cursor, and, apart,
// params with the cursor, which cannot come with an offset.
func fullParams() (full, cursor *clerk.ListUsersParams) {
	t0 := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	t1 := t0.Add(24 * time.Hour)

	full = clerk.NewListUsersParams().
		EmailAddresses("a@example.com", "b@example.com").
		PhoneNumbers("+15555550100", "+15555550101").
		Usernames("ann", "bob").Web3Wallets("0xa", "0xb").
		UserIDs("user_a").ExcludeUserIDs("user_b").
		ExternalIDs("ext_a").ExcludeExternalIDs("ext_b").
		OrganizationIDs("org_a").ExcludeOrganizationIDs("org_b").
		Query("a").EmailAddressQuery("b").PhoneNumberQuery("5").
		UsernameQuery("c").NameQuery("d").Banned(false).
		CreatedAfter(t0).CreatedBefore(t1).
		LastActiveAfter(t0).LastActiveBefore(t1).
		LastSignInAfter(t0).LastSignInBefore(t1).
		Provider("oauth_google", "1", "2").
		Limit(50).Offset(100).OrderBy(clerk.OrderUsername, clerk.Ascending)

	return full, clerk.NewListUsersParams().StartingAfter("user_z")
}

func TestListUsersParamsCoverOpenAPI(t *testing.T) {
	t.Parallel()

	full, cursor := fullParams()
	list := mustValues(t, full.Values)
	for k, v := range mustValues(t, cursor.Values) {
		list[k] = v
	}

	checkCoverage(t, "/users", list)
	checkCoverage(t, "/users/count", mustValues(t, full.CountValues))

	if v := mustValues(t, cursor.CountValues); len(v) != 0 {
		t.Errorf("CountValues with only a cursor = %v, want nothing", v)
	}
}

// checkCoverage checks that sent holds every query parameter of GET path,
// that each repeated one has two values and each single one has one, and
// that sent holds nothing else.
func checkCoverage(t *testing.T, path string, sent url.Values) {
	t.Helper()

	known := map[string]bool{}
	for _, prm := range openAPIQuery(t, path) {
		name := openAPIAlias(prm.Name)
		known[name] = true

		want := 1
		if prm.Schema.Type == "array" {
			want = 2
		}
		if got := len(sent[name]); got != want {
			t.Errorf("GET %s: %s (for %s) sent %d times, want %d",
				path, name, prm.Name, got, want)
		}
	}

	for name := range sent {
		if !known[name] {
			t.Errorf("GET %s: sends %s, which the API does not define", path, name)
		}
	}
}

func TestListUsersParamsDefaultsMatchOpenAPI(t *testing.T) {
	t.Parallel()

	p := clerk.NewListUsersParams()
	field, dir := p.Ordering()
	for _, prm := range openAPIQuery(t, "/users") {
		switch prm.Name {
		case "order_by":
			if got := string(dir) + string(field); got != prm.Schema.Default {
				t.Errorf("Ordering() = %s, API default %v",
					got, prm.Schema.Default)
			}
		case "limit":
			got := []any{float64(p.LimitValue()), 1, clerk.MaxUsersLimit}
			want := []any{prm.Schema.Default, *prm.Schema.Minimum, *prm.Schema.Maximum}
			if !slices.Equal(got, want) {
				t.Errorf("limit default, min, max = %v, API %v", got, want)
			}
		}
	}
}

// mustValues returns the query of values or fails the test.
func mustValues(t *testing.T, values func() (url.Values, error)) url.Values {
	t.Helper()

	v, err := values()
	if err != nil {
		t.Fatal(err)
	}
	return v
}

package clerk_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/workflowkit/clerk"
)

// mustMapping parses a mapping document or stops the test.
func mustMapping(t testing.TB, doc string) *clerk.Mapping {
	t.Helper()
	m, err := clerk.ParseMapping(strings.NewReader(doc))
	if err != nil {
		t.Fatalf("ParseMapping: %v\n%s", err, doc)
	}
	return m
}

// applied maps u with a mapping of one field "v" from spec, and returns the
// value as JSON, so that kinds show: "text", 12, true, null.
func applied(t *testing.T, u clerk.User, spec string) string {
	t.Helper()
	rec, err := mustMapping(t, `{"fields":{"v":`+spec+`}}`).Apply(u)
	if err != nil {
		t.Fatalf("Apply(%s): %v", spec, err)
	}
	v, _ := rec.Get("v")
	out, _ := json.Marshal(v)
	return string(out)
}

// mappingUser has a bit of everything the selectors reach.
const mappingUser = `{
	"id": "user_map", "object": "user", "first_name": "Zoë", "last_name": null,
	"primary_email_address_id": "idn_2", "username": "",
	"email_addresses": [
		{"id": "idn_1", "email_address": "Old@Example.com",
			"verification": {"status": "unverified", "strategy": "email_code"}},
		{"id": "idn_2", "email_address": "Zoe@Example.de",
			"verification": {"status": "verified", "strategy": "email_code"}},
		{"id": "idn_3", "email_address": "zoe@work.example",
			"verification": {"status": "verified", "strategy": "email_link"}}
	],
	"external_accounts": [
		{"object": "external_account", "id": "eac_1", "provider": "oauth_github",
			"provider_user_id": "gh-1"},
		{"object": "google_account", "id": "gac_1", "provider": "oauth_google",
			"provider_user_id": "g-legacy"},
		{"object": "external_account", "id": "eac_2", "provider": "oauth_google",
			"provider_user_id": "g-new"}
	],
	"organization_memberships": [
		{"id": "m1", "role": "org:admin", "permissions": ["a", "b"],
			"organization": {"id": "org_1", "slug": "engines", "name": "Engines"}},
		{"id": "m2", "role": "org:member", "permissions": ["a"],
			"organization": {"id": "org_2", "slug": "hopper", "name": "Hopper"}}
	],
	"public_metadata": {"plan": {"tier": "pro", "seats": 5}, "plan.tier": "free",
		"orders": [{"id": "o1", "status": "paid"}, {"id": "o2", "status": "open"}],
		"tags": ["vip", "beta"], "signup": 1700000000000, "when": "2024-05-01T02:00:00+02:00",
		"bad_time": "soon", "empty": "", "": {"a": "empty name"}, "\"\"": "quotes"},
	"created_at": 1688202000123, "last_sign_in_at": null
}`

func TestMappingSelectors(t *testing.T) {
	t.Parallel()
	u := decodeUser(t, mappingUser)
	tests := []struct{ spec, want string }{
		{`"id"`, `"user_map"`},
		{`"email_addresses.1.email_address"`, `"Zoe@Example.de"`},
		{`"email_addresses[1].email_address"`, `"Zoe@Example.de"`},
		{`"email_addresses[9].email_address"`, `null`},
		{`"email_addresses[verification.status=verified].email_address"`, `"Zoe@Example.de"`},
		{`"email_addresses[verification.status=verified][1].email_address"`,
			`"zoe@work.example"`},
		{`"email_addresses[verification.status=verified][verification.strategy=email_link]` +
			`.email_address"`, `"zoe@work.example"`},
		{`"external_accounts[provider=oauth_google].provider_user_id"`, `"g-legacy"`},
		{`"external_accounts[object=external_account][provider=oauth_google].provider_user_id"`,
			`"g-new"`},
		{`"external_accounts[provider=oauth_apple].provider_user_id"`, `null`},
		{`"organization_memberships[organization.slug=hopper].role"`, `"org:member"`},
		{`"organization_memberships[0].permissions.1"`, `"b"`},
		{`"public_metadata.plan.tier"`, `"pro"`},
		{`"public_metadata.plan\\.tier"`, `"free"`},
		{`"public_metadata.plan.seats"`, `5`},
		{`"public_metadata.plan"`, `"{\"tier\":\"pro\",\"seats\":5}"`},
		{`"public_metadata.orders[status=open].id"`, `"o2"`},
		{`"public_metadata.orders.0.id"`, `"o1"`},
		{`"public_metadata.tags[1]"`, `"beta"`},
		{`"public_metadata.nothing.here"`, `null`},
		{`"public_metadata.\"\".a"`, `"empty name"`},
		{`"public_metadata.\\\"\\\""`, `"quotes"`},
		{`"primary_email_address"`, `"Zoe@Example.de"`},
		{`"full_name"`, `"Zoë"`},
		{`"created_at"`, `1688202000123`},
		{`"created_at_rfc3339"`, `"2023-07-01T09:00:00.123Z"`},
		{`"last_sign_in_at_rfc3339"`, `null`},
		{`"has_image"`, `null`}, // absent from the JSON: not invented
	}
	for _, tt := range tests {
		if got := applied(t, u, tt.spec); got != tt.want {
			t.Errorf("%s = %s, want %s", tt.spec, got, tt.want)
		}
	}
}

func TestMappingTransformsAndDefaults(t *testing.T) {
	t.Parallel()
	u := decodeUser(t, mappingUser)
	tests := []struct{ spec, want string }{
		{`{"from": "primary_email_address", "transform": "lower"}`, `"zoe@example.de"`},
		{`{"from": "created_at", "transform": "rfc3339"}`, `"2023-07-01T09:00:00.123Z"`},
		{`{"from": "public_metadata.signup", "transform": "rfc3339"}`,
			`"2023-11-14T22:13:20.000Z"`},
		{`{"from": "public_metadata.when", "transform": "rfc3339"}`,
			`"2024-05-01T00:00:00.000Z"`},
		{`{"from": "last_sign_in_at", "transform": "rfc3339", "default": "never"}`, `"never"`},
		{`{"from": "created_at_rfc3339", "transform": "rfc3339"}`, `"2023-07-01T09:00:00.123Z"`},
		{`{"from": "last_sign_in_at_rfc3339", "transform": "rfc3339"}`, `null`},
		{`{"from": "email_addresses[*].email_address", "transform": "join"}`,
			`"Old@Example.com,Zoe@Example.de,zoe@work.example"`},
		{`{"from": "email_addresses[verification.status=verified].email_address",
			"transform": "join", "separator": "; "}`, `"Zoe@Example.de; zoe@work.example"`},
		{`{"from": "organization_memberships[*].permissions", "transform": "join"}`,
			`"a,b,a"`},
		{`{"from": "organization_memberships.0.permissions", "transform": "join"}`, `"a,b"`},
		{`{"from": "public_metadata.tags", "transform": "join", "separator": "|"}`,
			`"vip|beta"`},
		{`{"from": "external_accounts[provider=oauth_apple].id", "transform": "join",
			"default": "none"}`, `"none"`},
		{`{"from": "organization_memberships[*].organization.slug", "transform": "json"}`,
			`"[\"engines\",\"hopper\"]"`},
		{`{"from": "organization_memberships.1.organization", "transform": "json"}`,
			`"{\"id\":\"org_2\",\"name\":\"Hopper\",\"slug\":\"hopper\"}"`},
		{`{"from": "public_metadata.orders[status=open]", "transform": "json"}`,
			`"[{\"id\":\"o2\",\"status\":\"open\"}]"`},
		{`{"from": "public_metadata.orders[status=open][0]", "transform": "json"}`,
			`"{\"id\":\"o2\",\"status\":\"open\"}"`},
		{`{"from": "last_sign_in_at", "transform": "json"}`, `null`},
		{`{"from": "username", "default": "no username"}`, `"no username"`},
		{`{"from": "public_metadata.empty", "default": 0}`, `0`},
		{`{"from": "has_image", "default": false}`, `false`},
		{`{"from": "last_name", "default": null}`, `null`},
		{`{"from": "first_name", "default": "unused"}`, `"Zoë"`},
	}
	for _, tt := range tests {
		if got := applied(t, u, tt.spec); got != tt.want {
			t.Errorf("%s = %s, want %s", tt.spec, got, tt.want)
		}
	}
}

func TestMappingApplyErrorNamesTheField(t *testing.T) {
	t.Parallel()
	m := mustMapping(t, `{"fields": {"id": "id",
		"signed_up": {"from": "public_metadata.bad_time", "transform": "rfc3339"}}}`)
	rec, err := m.Apply(decodeUser(t, mappingUser))

	var me *clerk.MappingError
	if !errors.As(err, &me) || me.Field != "fields.signed_up" {
		t.Fatalf("error %v, want a *MappingError for fields.signed_up", err)
	}
	if strings.Contains(err.Error(), "soon") {
		t.Errorf("error %q quotes the user's data", err)
	}
	want := map[string]string{"id": "user_map", "signed_up": ""}
	if diff := cmp.Diff(want, rec.Strings()); diff != "" {
		t.Errorf("record (-want +got):\n%s", diff)
	}
}

func TestMappingRFC3339RefusesObjectsAndLists(t *testing.T) {
	t.Parallel()
	m := mustMapping(t, `{"fields": {
		"object": {"from": "public_metadata.plan", "transform": "rfc3339"},
		"list": {"from": "public_metadata.tags", "transform": "rfc3339", "default": "none"},
		"time": {"from": "public_metadata.signup", "transform": "rfc3339"}}}`)
	rec, err := m.Apply(decodeUser(t, mappingUser))

	got := mappingProblems(err)
	if !strings.Contains(got["fields.object"], "holds an object") ||
		!strings.Contains(got["fields.list"], "holds a list") || len(got) != 2 {
		t.Errorf("error %v, want one for the object and one for the list", err)
	}
	want := map[string]string{"object": "", "list": "none", "time": "2023-11-14T22:13:20.000Z"}
	if diff := cmp.Diff(want, rec.Strings()); diff != "" {
		t.Errorf("record (-want +got):\n%s", diff)
	}
}

func TestMappingKeepsFieldOrder(t *testing.T) {
	t.Parallel()
	m := mustMapping(t, `{"fields": {"z": "id", "a": "first_name", "m": "created_at"}}`)
	if diff := cmp.Diff([]string{"z", "a", "m"}, m.Fields()); diff != "" {
		t.Errorf("Fields (-want +got):\n%s", diff)
	}
	rec, _ := m.Apply(clerk.User{})
	if diff := cmp.Diff([]string{"z", "a", "m"}, rec.Keys()); diff != "" {
		t.Errorf("record keys (-want +got):\n%s", diff)
	}
}

func TestMappingOlderUsersGetDefaults(t *testing.T) {
	t.Parallel()
	m := mustMapping(t, `{"fields": {
		"locked": {"from": "locked", "default": "unknown"},
		"last_active": {"from": "last_active_at", "transform": "rfc3339", "default": "never"},
		"google": {"from": "external_accounts[provider=oauth_google].provider_user_id",
			"default": "none"}}}`)
	u := decodeUser(t, `{"id":"user_old","external_accounts":[{"object":"google_account",
		"id":"gac_1","google_id":"42"}]}`)
	rec, err := m.Apply(u)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"locked": "unknown", "last_active": "never", "google": "none"}
	if diff := cmp.Diff(want, rec.Strings()); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// mappingProblems returns the Field of every *MappingError in err, with
// its message.
func mappingProblems(err error) map[string]string {
	out := map[string]string{}
	for _, e := range flattenJoined(err) {
		var me *clerk.MappingError
		if errors.As(e, &me) {
			out[me.Field] += me.Reason + "\n"
		}
	}
	return out
}

func flattenJoined(err error) []error {
	if err == nil {
		return nil
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		var out []error
		for _, e := range j.Unwrap() {
			out = append(out, flattenJoined(e)...)
		}
		return out
	}
	return []error{err}
}

func TestParseMappingRejects(t *testing.T) {
	t.Parallel()
	tests := []struct{ doc, field, want string }{
		{`[]`, "", `"fields" member`},
		{`{"fields": {"a": "id"},}`, "", "line 1, column 24"},
		{`{}`, "fields", "is missing"},
		{`{"fields": {}}`, "fields", "is empty"},
		{`{"fields": []}`, "fields", "not a list"},
		{`{"fields": {"a": "id"}, "version": 2}`, "version", "not a member"},
		{`{"fields": {"a": "id", "a": "id"}}`, "fields.a", "appears twice"},
		{`{"fields": {"": "id"}}`, "fields", "empty name"},
		{`{"fields": {"a": 5}}`, "fields.a", "not a number"},
		{`{"fields": {"a": {"form": "id"}}}`, "fields.a.form", "not a member of a field"},
		{`{"fields": {"a": {"transform": "lower"}}}`, "fields.a", `has no "from"`},
		{`{"fields": {"a": "emial_addresses"}}`, "fields.a",
			`did you mean "email_addresses"?`},
		{`{"fields": {"a": "created_at_rfc3339x"}}`, "fields.a",
			`did you mean "created_at_rfc3339"?`},
		{`{"fields": {"a": "private_metdata.x"}}`, "fields.a", `did you mean "private_metadata"?`},
		{`{"fields": {"a": "new_clerk_property"}}`, "fields.a", "does not have"},
		{`{"fields": {"a": "email_addresses.email_address"}}`, "fields.a",
			"pick items first"},
		{`{"fields": {"a": "email_addresses"}}`, "fields.a", "a list"},
		{`{"fields": {"a": "scim"}}`, "fields.a", "an object"},
		{`{"fields": {"a": "email_addresses[0]"}}`, "fields.a", "an object"},
		{`{"fields": {"a": "first_name.x"}}`, "fields.a", "has no properties"},
		{`{"fields": {"a": "full_name.x"}}`, "fields.a", "which is text"},
		{`{"fields": {"a": "first_name[0]"}}`, "fields.a", "not a list"},
		{`{"fields": {"a": "email_addresses[first]"}}`, "fields.a", "[property=value]"},
		{`{"fields": {"a": "email_addresses[0"}}`, "fields.a", `closing "]"`},
		{`{"fields": {"a": "email_addresses[0]x"}}`, "fields.a", "use a dot"},
		{`{"fields": {"a": "a..b"}}`, "fields.a", "empty property name"},
		{`{"fields": {"a": "id."}}`, "fields.a", "empty property name"},
		{`{"fields": {"a": "id\\"}}`, "fields.a", "backslash at the end"},
		{`{"fields": {"a": ""}}`, "fields.a", "is empty"},
		{`{"fields": {"a": "email_addresses[verification=x].id"}}`, "fields.a",
			"compare a value"},
		{`{"fields": {"a": "email_addresses[linked_to[0].id=x].id"}}`, "fields.a",
			"selector inside a selector"},
		{`{"fields": {"a": "email_addresses[nope=x].id"}}`, "fields.a", `"nope"`},
		{`{"fields": {"a": {"from": "id", "transform": "upper"}}}`, "fields.a.transform",
			"use lower, rfc3339, join or json"},
		{`{"fields": {"a": {"from": "banned", "transform": "lower"}}}`, "fields.a",
			"not text"},
		{`{"fields": {"a": {"from": "first_name", "transform": "rfc3339"}}}`, "fields.a",
			"as a time"},
		{`{"fields": {"a": {"from": "full_name", "transform": "rfc3339"}}}`, "fields.a",
			"as a time"},
		{`{"fields": {"a": "public_metadata..a"}}`, "fields.a", `write "" for a metadata`},
		{`{"fields": {"a": {"from": "id", "transform": "join"}}}`, "fields.a",
			"a single value"},
		{`{"fields": {"a": {"from": "email_addresses", "transform": "join"}}}`, "fields.a",
			"a list of objects"},
		{`{"fields": {"a": {"from": "id", "separator": ";"}}}`, "fields.a.separator",
			`only with "transform": "join"`},
		{`{"fields": {"a": {"from": "id", "default": [1]}}}`, "fields.a.default",
			"not a list"},
		{`{"fields": {"a": {"from": 1}}}`, "fields.a.from", "must be text"},
		{`{"fields": {"a": {"from": "id", "from": "id"}}}`, "fields.a.from", "appears twice"},
	}
	for _, tt := range tests {
		_, err := clerk.ParseMapping(strings.NewReader(tt.doc))
		reasons, ok := mappingProblems(err)[tt.field]
		if !ok || !strings.Contains(reasons, tt.want) {
			t.Errorf("%s: error %v, want one at %q containing %q", tt.doc, err, tt.field, tt.want)
		}
	}
}

func TestParseMappingReportsEveryMistake(t *testing.T) {
	t.Parallel()
	_, err := clerk.ParseMapping(strings.NewReader(`{"fields": {
		"ok": "id",
		"typo": "frist_name",
		"object": "scim",
		"transform": {"from": "id", "transform": "upper"},
		"deflt": {"from": "id", "default": {}}
	}, "extra": true}`))
	got := mappingProblems(err)
	for _, field := range []string{"fields.typo", "fields.object", "fields.transform.transform",
		"fields.deflt.default", "extra"} {
		if _, ok := got[field]; !ok {
			t.Errorf("no mistake reported for %s; got %v", field, err)
		}
	}
	if _, ok := got["fields.ok"]; ok || len(got) != 5 {
		t.Errorf("want exactly 5 places, got %d: %v", len(got), err)
	}
}

func TestParseMappingAcceptsEveryFlattenedKey(t *testing.T) {
	t.Parallel()
	for _, doc := range []string{mappingUser, oldUserForMapping} {
		u := decodeUser(t, doc)
		rec := clerk.Flatten(u)
		fields, targets := map[string]any{}, map[string]string{}
		for i, f := range rec.Fields() {
			if strings.ContainsAny(f.Key, `\[`) || strings.HasPrefix(f.Key, "flatten_") {
				continue
			}
			target := fmt.Sprintf("f%d", i)
			targets[target] = f.Key
			fields[target] = f.Key
			if f.Value.IsNull() { // maybe an object Clerk sent as null
				fields[target] = map[string]string{"from": f.Key, "transform": "json"}
			}
		}
		docJSON, _ := json.Marshal(map[string]any{"fields": fields})
		m := mustMapping(t, string(docJSON))
		got, err := m.Apply(u)
		if err != nil {
			t.Fatal(err)
		}
		want := rec.Strings()
		for target, key := range targets {
			g, _ := got.Get(target)
			if g.String() != want[key] {
				t.Errorf("%s = %q through a mapping, %q in Flatten", key, g, want[key])
			}
		}
	}
}

const oldUserForMapping = `{"id":"user_old","object":"user","first_name":"Ada",
	"email_addresses":[{"id":"idn_1","email_address":"ada@example.com",
	"verification":null,"linked_to":[]}],"created_at":1690000000000}`

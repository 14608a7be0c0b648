package clerk_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/workflowkit/clerk"
	"github.com/workflowkit/clerk/clerktest"
)

// FuzzParseMapping parses arbitrary documents. ParseMapping must not
// panic, and must fail only with *MappingError values. A mapping it
// accepts is applied to users of every shape: Apply must not panic, its
// record must have exactly the mapping's fields, in order, and the same
// user must always give the same JSON.
func FuzzParseMapping(f *testing.F) {
	for _, seed := range []string{
		`{"fields": {"id": "id"}}`,
		`{"fields": {"g": "external_accounts[provider=oauth_google].provider_user_id"}}`,
		`{"fields": {"e": {"from": "email_addresses[verification.status=verified]` +
			`.email_address", "transform": "join", "separator": ";"}}}`,
		`{"fields": {"p": {"from": "public_metadata.plan", "transform": "json"},
			"t": {"from": "public_metadata.orders[status=open][0].id", "default": 0},
			"s": {"from": "last_sign_in_at", "transform": "rfc3339", "default": "never"},
			"l": {"from": "primary_email_address", "transform": "lower"}}}`,
		`{"fields": {"a": "public_metadata.a\\.b[*]", "b": "email_addresses[*]"}}`,
		`{"fields": {"x": {"from": "organization_memberships[*]", "transform": "json"}}}`,
		`{"fields": {"e": "public_metadata.\"\".a", "q": "public_metadata.\\\"\\\""}}`,
		`{"fields": {"c": {"from": "created_at_rfc3339", "transform": "rfc3339"},
			"o": {"from": "public_metadata.plan", "transform": "rfc3339"}}}`,
		`{"fields": {"bad": "nope", "a": "a..b", "c": "id["}}`, `[]`, `{`, `""`,
	} {
		f.Add([]byte(seed))
	}
	users := append(clerktest.DemoUsers()[:6], decodeUser(f, mappingUser),
		decodeUser(f, oldUserForMapping), clerk.User{})

	f.Fuzz(func(t *testing.T, doc []byte) {
		m, err := clerk.ParseMapping(bytes.NewReader(doc))
		if err != nil {
			for _, e := range flattenJoined(err) {
				var me *clerk.MappingError
				if !errors.As(e, &me) {
					t.Fatalf("error %T %v is not a *MappingError", e, e)
				}
			}
			return
		}

		for _, u := range users {
			rec, _ := m.Apply(u)
			if diff := cmp.Diff(m.Fields(), rec.Keys()); diff != "" {
				t.Fatalf("record keys differ from the fields (-fields +keys):\n%s", diff)
			}
			again, _ := m.Apply(u)
			a, _ := json.Marshal(rec)
			b, _ := json.Marshal(again)
			if !bytes.Equal(a, b) || !json.Valid(a) {
				t.Fatalf("two runs differ or are not JSON:\n%s\n%s", a, b)
			}
		}
	})
}

package clerk

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestUserJSONRoundTripEdges re-encodes users with null, empty and odd
// members and expects the same JSON back.
func TestUserJSONRoundTripEdges(t *testing.T) {
	t.Parallel()
	tests := map[string]string{
		"empty object":           `{}`,
		"null user":              `null`,
		"null in a bool":         `{"banned":null,"has_image":null}`,
		"null in a string":       `{"id":null,"object":null}`,
		"null in an int64":       `{"created_at":null}`,
		"null lists":             `{"email_addresses":null,"passkeys":null}`,
		"empty lists":            `{"email_addresses":[],"passkeys":[]}`,
		"null list element":      `{"email_addresses":[null,{"id":"idn_1"}]}`,
		"null metadata":          `{"public_metadata":null,"private_metadata":null}`,
		"empty metadata":         `{"public_metadata":{},"private_metadata":{}}`,
		"metadata not an object": `{"unsafe_metadata":[1,"x",{"y":1e999}]}`,
		"metadata a number":      `{"unsafe_metadata":123456789012345678901234567890}`,
		"null organization":      `{"organization_memberships":[{"organization":null}]}`,
		"empty organization":     `{"organization_memberships":[{"organization":{}}]}`,
		"null scim":              `{"scim":null}`,
		"empty scim":             `{"scim":{}}`,
		"null verification":      `{"email_addresses":[{"verification":null}]}`,
		"empty verification":     `{"email_addresses":[{"verification":{}}]}`,
		"null backup codes":      `{"phone_numbers":[{"backup_codes":null}]}`,
		"empty backup codes":     `{"phone_numbers":[{"backup_codes":[]}]}`,
		"repeated name":          `{"banned":true,"banned":null,"x":1,"x":2}`,
		"escaped name":           `{"\u0069d":"user_1","first_\u006eame":"A"}`,
		"name in other case":     `{"id":"lower","ID":"upper","Banned":true}`,
		"white space":            " {\n\t\"id\" : \"user_1\" ,\r\n \"x\" : [ 1 , 2 ] } ",
		"html and line breaks":   `{"first_name":"<b>&\u2028","x":"<\u2029>"}`,
	}
	for name, in := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			u := mustDecodeUser(t, in)
			out := mustMarshal(t, u)
			if diff := cmp.Diff(jsonValue(t, in), semantic(t, out)); diff != "" {
				t.Errorf("%s re-encoded as %s (-in +out):\n%s", in, out, diff)
			}
		})
	}
}

// TestUserJSONMetadataNullAndAbsent: Clerk hides private metadata as null;
// that stays apart from metadata that was not sent at all.
func TestUserJSONMetadataNullAndAbsent(t *testing.T) {
	t.Parallel()
	null := mustDecodeUser(t, `{"private_metadata":null}`)
	absent := mustDecodeUser(t, `{}`)

	if !null.PrivateMetadata.IsNull() {
		t.Errorf("null private_metadata: IsNull() = false, holds %q", null.PrivateMetadata)
	}
	if absent.PrivateMetadata != nil || absent.PrivateMetadata.IsNull() {
		t.Errorf("absent private_metadata holds %q", absent.PrivateMetadata)
	}
	if got := string(mustMarshal(t, absent)); got != `{}` {
		t.Errorf("absent metadata encodes as %s, want {}", got)
	}
}

// TestUserJSONNullIntoPlainField: null sent for a member whose Go type has
// no null (a bool, a struct) is written back as null until Go code sets a
// value, and then the value is written.
func TestUserJSONNullIntoPlainField(t *testing.T) {
	t.Parallel()
	u := mustDecodeUser(t, `{"banned":null,"organization_memberships":[{"organization":null}]}`)
	u.Banned = true
	u.Memberships[0].Organization.ID = "org_1"

	want := `{"banned":true,"organization_memberships":[{"organization":{
		"object":"","id":"org_1","name":"","slug":"","has_image":false,
		"max_allowed_memberships":0,"admin_delete_enabled":false,
		"public_metadata":{},"created_at":0,"updated_at":0}}]}`
	if diff := cmp.Diff(jsonValue(t, want), semantic(t, mustMarshal(t, u))); diff != "" {
		t.Errorf("encoding (-want +got):\n%s", diff)
	}
}

// TestUserJSONExactNames: members match Clerk's names exactly, unlike
// encoding/json's case-insensitive match; other spellings are kept as
// unknown members. Escapes in names are decoded first.
func TestUserJSONExactNames(t *testing.T) {
	t.Parallel()
	u := mustDecodeUser(t, `{"ID":"upper","id":"lower","\u0062anned":true}`)

	if u.ID != "lower" || !u.Banned {
		t.Errorf("ID = %q, Banned = %v; want lower, true", u.ID, u.Banned)
	}
	if got := string(u.Extra.Unknown["ID"]); got != `"upper"` {
		t.Errorf(`Unknown["ID"] = %s, want "upper"`, got)
	}
}

func TestUserJSONNullKeepsFilledUser(t *testing.T) {
	t.Parallel()
	u := mustDecodeUser(t, `{"id":"user_1","x":1}`)
	if err := json.Unmarshal([]byte(`null`), &u); err != nil {
		t.Fatal(err)
	}
	if got := string(mustMarshal(t, u)); got != `{"id":"user_1","x":1}` {
		t.Errorf("after null, the user encodes as %s", got)
	}
}

func TestUserJSONErrors(t *testing.T) {
	t.Parallel()
	tests := map[string]struct{ in, want string }{
		"not an object":    {`[]`, "not a JSON object"},
		"wrong type":       {`{"banned":"yes"}`, "User.banned"},
		"fraction in int":  {`{"passkeys":[{"last_used_at":1.5}]}`, "Passkey.last_used_at"},
		"int64 overflow":   {`{"created_at":9223372036854775808}`, "User.created_at"},
		"nested not valid": {`{"email_addresses":[{"verification":[]}]}`, "Verification"},
		"syntax":           {`{"id":"a",}`, "invalid character"},
	}
	for name, tt := range tests {
		var u User
		err := json.Unmarshal([]byte(tt.in), &u)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: Unmarshal(%s) = %v, want an error with %q", name, tt.in, err, tt.want)
		}
	}
}

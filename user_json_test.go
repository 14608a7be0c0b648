package clerk

import (
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// oldUser is a user as Clerk's webhooks sent it before locked, passkeys,
// enterprise accounts and several timestamps existed.
const oldUser = `{
	"id": "user_2aB", "object": "user", "external_id": null,
	"username": null, "first_name": "Ada", "last_name": null,
	"image_url": "https://img.clerk.com/ada", "has_image": false,
	"primary_email_address_id": "idn_1", "primary_phone_number_id": null,
	"primary_web3_wallet_id": null, "password_enabled": true,
	"two_factor_enabled": false, "totp_enabled": false, "backup_code_enabled": false,
	"email_addresses": [{
		"id": "idn_1", "object": "email_address", "email_address": "ada@example.com",
		"verification": {"status": "verified", "strategy": "email_code",
			"attempts": 1, "expire_at": 1700000000000},
		"linked_to": []
	}],
	"phone_numbers": [], "web3_wallets": [], "external_accounts": [],
	"public_metadata": {}, "private_metadata": {"tier": 2}, "unsafe_metadata": {},
	"last_sign_in_at": 1700000000000, "banned": false,
	"created_at": 1690000000000, "updated_at": 1700000000000
}`

// mustDecodeUser decodes a user or stops the test.
func mustDecodeUser(t *testing.T, in string) User {
	t.Helper()
	var u User
	if err := json.Unmarshal([]byte(in), &u); err != nil {
		t.Fatalf("Unmarshal: %v\n%s", err, in)
	}
	return u
}

// mustMarshal marshals v or stops the test.
func mustMarshal(t *testing.T, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatalf("Marshal: %v", err)
	}
	return b
}

// jsonValue decodes a JSON literal for use in an expected value.
func jsonValue(t *testing.T, s string) any {
	t.Helper()
	return semantic(t, []byte(s))
}

func TestUserJSONOldUserInventsNothing(t *testing.T) {
	t.Parallel()
	u := mustDecodeUser(t, oldUser)
	out := mustMarshal(t, u)

	if diff := cmp.Diff(jsonValue(t, oldUser), semantic(t, out)); diff != "" {
		t.Errorf("re-encoded old user differs (-in +out):\n%s", diff)
	}
	if u.Locked || u.Passkeys != nil || u.EnterpriseAccounts != nil || u.LastActiveAt != nil {
		t.Errorf("absent members decoded as %v %v %v %v",
			u.Locked, u.Passkeys, u.EnterpriseAccounts, u.LastActiveAt)
	}
}

func TestUserJSONKeepsUnknownMembers(t *testing.T) {
	t.Parallel()
	in := `{"id":"user_1","object":"user","new_top":{"a":[1,2.50,{"b":null}]},
		"email_addresses":[{"id":"idn_1","new_email":true,"verification":{
			"status":"verified","strategy":"email_code","new_inner":"x"}}],
		"organization_memberships":[{"id":"orgmem_1",
			"organization":{"id":"org_1","new_org":1e400}}]}`
	u := mustDecodeUser(t, in)

	got := map[string]json.RawMessage{
		"new_top":   u.Extra.Unknown["new_top"],
		"new_email": u.EmailAddresses[0].Extra.Unknown["new_email"],
		"new_inner": u.EmailAddresses[0].Verification.Extra.Unknown["new_inner"],
		"new_org":   u.Memberships[0].Organization.Extra.Unknown["new_org"],
	}
	want := map[string]json.RawMessage{
		"new_top":   json.RawMessage(`{"a":[1,2.50,{"b":null}]}`),
		"new_email": json.RawMessage(`true`),
		"new_inner": json.RawMessage(`"x"`),
		"new_org":   json.RawMessage(`1e400`), // more than a float64 holds
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("unknown members (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(jsonValue(t, in), semantic(t, mustMarshal(t, u))); diff != "" {
		t.Errorf("re-encoded user differs (-in +out):\n%s", diff)
	}
}

func TestUserJSONUnknownEnumValues(t *testing.T) {
	t.Parallel()
	in := `{"id":"user_1","email_addresses":[{"verification":{
			"object":"verification_quantum","status":"quarantined",
			"strategy":"quantum_link","attempts":null,"expire_at":null}}],
		"external_accounts":[{"object":"myspace_account","provider":"oauth_newcorp",
			"verification":{"status":"transferable","strategy":"oauth_token_newcorp"}}],
		"enterprise_accounts":[{"protocol":"oidc","object":"enterprise_account"}]}`
	u := mustDecodeUser(t, in)

	v := u.EmailAddresses[0].Verification
	if v.Status != "quarantined" || v.Strategy != "quantum_link" || v.Verified() {
		t.Errorf("verification = %+v, want the new status and strategy, unverified", v)
	}
	if got := u.ExternalAccounts[0].Verification.Status; got != VerificationTransferable {
		t.Errorf("external account status = %q", got)
	}
	if diff := cmp.Diff(jsonValue(t, in), semantic(t, mustMarshal(t, u))); diff != "" {
		t.Errorf("re-encoded user differs (-in +out):\n%s", diff)
	}
}

func TestUserJSONShowsChanges(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		change func(u *User)
		want   func(t *testing.T, m map[string]any) // the same change, in JSON
	}{
		{"first name", func(u *User) { u.FirstName = ptrTo("Grace") },
			func(t *testing.T, m map[string]any) { m["first_name"] = "Grace" }},
		{"banned", func(u *User) { u.Banned = true },
			func(t *testing.T, m map[string]any) { m["banned"] = true }},
		{"null set to a value", func(u *User) { u.LastName = ptrTo("Hopper") },
			func(t *testing.T, m map[string]any) { m["last_name"] = "Hopper" }},
		{"value set to null", func(u *User) { u.FirstName = nil },
			func(t *testing.T, m map[string]any) { m["first_name"] = nil }},
		{"absent member set", func(u *User) { u.Locked = true },
			func(t *testing.T, m map[string]any) { m["locked"] = true }},
		{"metadata replaced", func(u *User) { u.PrivateMetadata = Metadata(`[1]`) },
			func(t *testing.T, m map[string]any) { m["private_metadata"] = jsonValue(t, `[1]`) }},
		{"unknown member added", func(u *User) {
			u.Extra.Unknown = map[string]json.RawMessage{"beta": json.RawMessage(`{}`)}
		}, func(t *testing.T, m map[string]any) { m["beta"] = jsonValue(t, `{}`) }},
		{"nested status", func(u *User) {
			u.EmailAddresses[0].Verification.Status = VerificationExpired
		}, func(t *testing.T, m map[string]any) {
			email := m["email_addresses"].([]any)[0].(map[string]any)
			email["verification"].(map[string]any)["status"] = "expired"
		}},
		{"email appended", func(u *User) {
			u.EmailAddresses = append(u.EmailAddresses, EmailAddress{
				ID: "idn_2", Object: "email_address", EmailAddress: "grace@example.com",
				Verification: &Verification{Status: VerificationVerified, Strategy: "admin"},
			})
		}, func(t *testing.T, m map[string]any) {
			m["email_addresses"] = append(m["email_addresses"].([]any), jsonValue(t, `{
				"id":"idn_2","object":"email_address","email_address":"grace@example.com",
				"reserved":false,"linked_to":[],"created_at":0,"updated_at":0,
				"verification":{"status":"verified","strategy":"admin",
					"attempts":null,"expire_at":null}}`))
		}},
		{"absent list appended", func(u *User) {
			u.Passkeys = append(u.Passkeys, Passkey{ID: "pk_1", Object: "passkey"})
		}, func(t *testing.T, m map[string]any) {
			m["passkeys"] = jsonValue(t, `[{"id":"pk_1","object":"passkey","name":"",
				"last_used_at":0,"verification":null}]`)
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			u := mustDecodeUser(t, oldUser)
			tt.change(&u)
			want := jsonValue(t, oldUser).(map[string]any)
			tt.want(t, want)

			if diff := cmp.Diff(any(want), semantic(t, mustMarshal(t, u))); diff != "" {
				t.Errorf("encoding (-want +got):\n%s", diff)
			}
		})
	}
}

// TestUserJSONGoBuilt: a user built in Go writes every member the schema
// requires, with null, [] or {} where it holds nothing.
func TestUserJSONGoBuilt(t *testing.T) {
	t.Parallel()
	got := mustMarshal(t, User{ID: "user_1", Object: "user"})
	want := `{"id":"user_1","object":"user","external_id":null,
		"primary_email_address_id":null,"primary_phone_number_id":null,
		"primary_web3_wallet_id":null,"username":null,"first_name":null,
		"last_name":null,"has_image":false,"public_metadata":{},
		"email_addresses":[],"phone_numbers":[],"web3_wallets":[],"passkeys":[],
		"external_accounts":[],"saml_accounts":[],"enterprise_accounts":[],
		"password_enabled":false,"two_factor_enabled":false,"totp_enabled":false,
		"backup_code_enabled":false,"mfa_enabled_at":null,"mfa_disabled_at":null,
		"banned":false,"locked":false,"lockout_expires_in_seconds":null,
		"verification_attempts_remaining":null,"created_at":0,"updated_at":0,
		"last_sign_in_at":null,"last_active_at":null,"legal_accepted_at":null,
		"delete_self_enabled":false,"create_organization_enabled":false}`
	if diff := cmp.Diff(jsonValue(t, want), semantic(t, got)); diff != "" {
		t.Errorf("encoding (-want +got):\n%s", diff)
	}

	// Optional members appear once set.
	u := User{ID: "user_1", Locale: ptrTo("fr"), PrivateMetadata: Metadata(`{"a":1}`)}
	m := semantic(t, mustMarshal(t, u)).(map[string]any)
	if m["locale"] != "fr" || m["private_metadata"] == nil {
		t.Errorf("optional members set in Go are missing: %v", m)
	}
}

func ptrTo[T any](v T) *T { return &v }

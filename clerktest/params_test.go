package clerktest

import "testing"

// TestValidation checks each rule that makes a request a 422, with the
// code and the parameter named in meta.param_name.
func TestValidation(t *testing.T) {
	t.Parallel()
	srv := newFixtureServer(t)
	for _, tc := range validationCases() {
		name := tc.query
		if len(name) > 60 {
			name = name[:60]
		}
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			if got := errorOf(t, get(t, srv, "/users?"+tc.query)); got != tc.want {
				t.Errorf("GET /users?%s: %+v, want %+v", name, got, tc.want)
			}
		})
	}
}

// validationCase is a query that the server must refuse, and how.
type validationCase struct {
	query string
	want  wantError
}

func validationCases() []validationCase {
	value := func(p string) wantError { return wantError{422, codeValueInvalid, p} }
	format := func(p string) wantError { return wantError{422, codeFormatInvalid, p} }
	return []validationCase{
		{"limit=0", value("limit")},
		{"limit=501", value("limit")},
		{"limit=-1", value("limit")},
		{"limit=99999999999999999999", value("limit")},
		{"limit=1.5", format("limit")},
		{"limit=5e2", format("limit")},
		{"limit=%205", format("limit")},
		{"limit=+5", format("limit")}, // arrives as " 5"
		{"limit=%2B5", format("limit")},
		{"limit=0x10", format("limit")},
		{"limit=ten", format("limit")},
		{"limit=", format("limit")},
		{"limit=-", format("limit")},
		{"offset=-1", value("offset")},
		{"offset=1.0", format("offset")},
		{"banned=yes", format("banned")},
		{"banned=TRUE", format("banned")},
		{"banned=1", format("banned")},
		{"banned=", format("banned")},
		{"created_at_after=yesterday", format("created_at_after")},
		{"created_at_before=1e3", format("created_at_before")},
		{"last_active_at_since=1.5", format("last_active_at_since")},
		{"last_active_at_after=%201", format("last_active_at_after")},
		{"last_sign_in_at_before=x", format("last_sign_in_at_before")},
		{"last_sign_in_at_after=99999999999999999999", value("last_sign_in_at_after")},
		{"order_by=name", value("order_by")},
		{"order_by=+created_at", value("order_by")}, // arrives as " created_at"
		{"order_by=", value("order_by")},
		{"provider=oauth_google", value("provider_user_id")},
		{"provider_user_id=g-ada", value("provider")},
		{repeat("user_id", "user_a", 101), value("user_id")},
		{repeat("email_address", "a@example.com", 101), value("email_address")},
		{repeat("phone_number", "1", 101), value("phone_number")},
		{repeat("username", "u", 101), value("username")},
		{repeat("web3_wallet", "w", 101), value("web3_wallet")},
		{repeat("external_id", "-x", 101), value("external_id")},
		{repeat("organization_id", "o", 101), value("organization_id")},
		{"provider=oauth_google&" + repeat("provider_user_id", "p", 101),
			value("provider_user_id")},
		{"starting_after=user_zzz", value("starting_after")},
		{"starting_after=", value("starting_after")},
		{"starting_after=user_a&order_by=first_name", value("starting_after")},
		{"starting_after=user_a&order_by=-updated_at", value("starting_after")},
		{"starting_after=user_a&offset=1", value("starting_after")},
	}
}

// TestValidationBounds checks the values just inside each bound.
func TestValidationBounds(t *testing.T) {
	t.Parallel()
	runListCases(t, []listCase{
		{"limit=1", "f"},
		{"limit=500&offset=0", "f e d c b a"},
		{"limit=007", "f e d c b a"},
		{repeat("user_id", "user_a", 100), "a"},
		{"banned=false&banned=bogus", "f e d c a"}, // only the first value counts
	})
}

func TestFirstErrorWins(t *testing.T) {
	t.Parallel()
	srv := newFixtureServer(t)

	got := errorOf(t, get(t, srv, "/users?order_by=bogus&banned=no&limit=0"))
	want := wantError{422, codeFormatInvalid, "banned"}
	if got != want {
		t.Errorf("three invalid parameters: %+v, want the filter's %+v", got, want)
	}
}

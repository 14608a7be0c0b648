package clerktest

import "testing"

// TestOrdering sorts the fixture by every field, both ways. Missing values
// come last in both directions; equal values follow the user id in the
// same direction.
func TestOrdering(t *testing.T) {
	t.Parallel()
	runListCases(t, []listCase{
		{"", "f e d c b a"},
		{"order_by=-created_at", "f e d c b a"},
		{"order_by=created_at", "a b c d e f"}, // b, c tie at 2000
		{"order_by=%2Bcreated_at", "a b c d e f"},
		{"order_by=updated_at", "b d a e f c"},
		{"order_by=-updated_at", "c f e a d b"},
		{"order_by=first_name", "a b e f c d"}, // "Zoë" after "Frank"; d has none
		{"order_by=-first_name", "c f e b a d"},
		{"order_by=last_name", "c a e b d f"}, // a, e tie on Lovelace
		{"order_by=-last_name", "b e a c f d"},
		{"order_by=username", "a b e c d f"},
		{"order_by=-username", "c e b a f d"},
		{"order_by=email_address", "a b d e c f"},
		{"order_by=-email_address", "c e d b a f"},
		{"order_by=phone_number", "f a d b c e"},
		{"order_by=-phone_number", "b d a f e c"},
		{"order_by=web3wallet", "c e a b d f"}, // "0xA..." before "0xd..."
		{"order_by=-web3wallet", "e c f d b a"},
		{"order_by=last_active_at", "d e a c f b"},
		{"order_by=-last_active_at", "f c a e d b"},
		{"order_by=last_sign_in_at", "a e f c b d"},
		{"order_by=-last_sign_in_at", "c f e a d b"},
		{"order_by=first_name&order_by=-created_at", "a b e f c d"},
		{"order_by=first_name&order_by=bogus", "a b e f c d"},
	})
}

func TestParseOrdering(t *testing.T) {
	t.Parallel()
	cases := []struct {
		in     string
		want   ordering
		wantOK bool
	}{
		{"created_at", ordering{field: "created_at"}, true},
		{"+created_at", ordering{field: "created_at"}, true},
		{"-created_at", ordering{field: "created_at", desc: true}, true},
		{"-web3wallet", ordering{field: "web3wallet", desc: true}, true},
		{" created_at", ordering{field: " created_at"}, false},
		{"--created_at", ordering{field: "-created_at", desc: true}, false},
		{"web3_wallet", ordering{field: "web3_wallet"}, false},
		{"Created_At", ordering{field: "Created_At"}, false},
		{"", ordering{}, false},
	}
	for _, tc := range cases {
		got, ok := parseOrdering(tc.in)
		if got != tc.want || ok != tc.wantOK {
			t.Errorf("parseOrdering(%q) = %+v, %v; want %+v, %v",
				tc.in, got, ok, tc.want, tc.wantOK)
		}
	}
}

package clerktest

import (
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/workflowkit/clerk"
)

func TestDemoUsersAreStable(t *testing.T) {
	t.Parallel()
	a, b := DemoUsers(), DemoUsers()
	if diff := cmp.Diff(a, b); diff != "" {
		t.Fatalf("two calls differ (-first +second):\n%s", diff)
	}

	// A fresh copy: changing one changes nothing in the next.
	a[0].EmailAddresses[0].EmailAddress = "changed@example.com"
	if DemoUsers()[0].EmailAddresses[0].EmailAddress == "changed@example.com" {
		t.Error("DemoUsers shares memory between calls")
	}
}

func TestDemoUsersShape(t *testing.T) {
	t.Parallel()
	demo := DemoUsers()
	if len(demo) != 30 {
		t.Errorf("%d demo users, want 30", len(demo))
	}

	userID := regexp.MustCompile(`^user_[A-Za-z0-9]{27}$`)
	e164 := regexp.MustCompile(`^\+[1-9][0-9]{6,14}$`)
	ids := map[string]bool{}
	for _, u := range demo {
		if !userID.MatchString(u.ID) || ids[u.ID] || u.Object != "user" {
			t.Errorf("user %q (object %q): want a unique user_ id", u.ID, u.Object)
		}
		ids[u.ID] = true
		for _, p := range u.PhoneNumbers {
			if !e164.MatchString(p.PhoneNumber) || p.Object != "phone_number" {
				t.Errorf("user %s: phone %+v, want E.164", u.ID, p)
			}
		}
		checkDemoObjects(t, u)
	}
}

// checkDemoObjects checks the object names and ids of a user's parts.
func checkDemoObjects(t *testing.T, u clerk.User) {
	t.Helper()
	for _, e := range u.EmailAddresses {
		if e.Object != "email_address" || !strings.HasPrefix(e.ID, "idn_") ||
			e.Verification == nil {
			t.Errorf("user %s: email %+v", u.ID, e)
		}
	}
	for _, w := range u.Web3Wallets {
		if w.Object != "web3_wallet" || !strings.HasPrefix(w.Web3Wallet, "0x") {
			t.Errorf("user %s: wallet %+v", u.ID, w)
		}
	}
	for _, a := range u.ExternalAccounts {
		if a.ProviderUserID == "" || !strings.HasPrefix(a.Provider, "oauth_") {
			t.Errorf("user %s: account %+v", u.ID, a)
		}
	}
	for _, m := range u.Memberships {
		if m.Object != "organization_membership" || m.Organization.Object != "organization" ||
			!strings.HasPrefix(m.Organization.ID, "org_") {
			t.Errorf("user %s: membership %+v", u.ID, m)
		}
	}
}

func TestDemoAda(t *testing.T) {
	t.Parallel()
	srv := newTestServer(t, WithDemoUsers())

	found := listUsers(t, srv, "email_address=ada.lovelace@example.com")
	if len(found) != 1 {
		t.Fatalf("%d users with Ada's email, want 1", len(found))
	}
	ada := found[0]
	got := []any{*ada.FirstName, *ada.LastName, *ada.Username, ada.PrimaryEmailAddress(),
		ada.EmailAddresses[0].Verification.Verified(), ada.PrimaryPhoneNumber(),
		*ada.ExternalID, ada.ExternalAccounts[0].Provider, len(ada.Memberships)}
	want := []any{"Ada", "Lovelace", "ada", "ada.lovelace@example.com", true,
		"+15555550100", "ext_ada", "oauth_google", 1}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Ada (-want +got):\n%s", diff)
	}

	ledger, _ := ada.PrivateMetadata.Lookup("stripe", "ledger_id")
	if s, _ := ledger.(interface{ String() string }); s == nil ||
		s.String() != "9007199254740993" {
		t.Errorf("ledger_id %v, want the exact 9007199254740993", ledger)
	}
}

// TestDemoCoverage checks that the demo has each case a client must
// handle, by asking the server for it.
func TestDemoCoverage(t *testing.T) {
	t.Parallel()
	srv := newTestServer(t, WithDemoUsers())
	cases := []struct {
		query string
		min   int
	}{
		{"email_address=dev%2Bqa@example.com", 1},
		{"name_query=Zo%C3%AB", 1},
		{"banned=true", 2},
		{"last_sign_in_at_after=0&limit=500", 20},
		{"external_id=ext_ada&external_id=legacy-00042", 2},
		{"provider=oauth_google&provider_user_id=108329876543210987654", 1}, // legacy
		{"phone_number_query=%2B44&limit=500", 2},
		{"query=0x&limit=500", 4},
		{"username_query=_&limit=500", 5},
	}
	for _, tc := range cases {
		if got := len(listIDs(t, srv, tc.query)); got < tc.min {
			t.Errorf("GET /users?%s: %d users, want at least %d", tc.query, got, tc.min)
		}
	}
	checkDemoEdges(t, DemoUsers())
}

// checkDemoEdges checks what no filter finds: never seen users, a locked
// user, a legacy account, and users created in the same millisecond.
func checkDemoEdges(t *testing.T, demo []clerk.User) {
	t.Helper()
	created := map[int64]int{}
	var never, locked, legacy, orgs int
	orgIDs := map[string]bool{}
	for _, u := range demo {
		created[u.CreatedAt]++
		if u.LastSignInAt == nil && u.LastActiveAt == nil {
			never++
		}
		if u.Locked {
			locked++
		}
		for _, a := range u.ExternalAccounts {
			if a.Object == "google_account" {
				legacy++
			}
		}
		for _, m := range u.Memberships {
			orgIDs[m.Organization.ID] = true
		}
	}
	orgs = len(orgIDs)

	shared := 0
	for _, n := range created {
		shared = max(shared, n)
	}
	got := []int{never, locked, legacy, orgs, shared}
	want := []int{5, 1, 1, 3, 3}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("[never seen, locked, legacy, orgs, same ms] (-want +got):\n%s", diff)
	}
}

func TestDemoIDs(t *testing.T) {
	t.Parallel()
	if a, b := demoID("user", "ada"), demoID("user", "ada"); a != b {
		t.Errorf("demoID is not deterministic: %s, %s", a, b)
	}
	if demoID("user", "ada") == demoID("user", "grace") {
		t.Error("demoID gives two seeds one id")
	}
	if got := demoTime(0, 0); got != 1688374800000 {
		t.Errorf("demoTime(0, 0) = %d, want 2023-07-03T09:00Z", got)
	}
}

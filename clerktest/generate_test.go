package clerktest

import (
	"encoding/json"
	"fmt"
	"regexp"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/workflowkit/clerk"
)

func TestGenerateUsersIsDeterministic(t *testing.T) {
	t.Parallel()
	a, b := GenerateUsers(200, 7), GenerateUsers(200, 7)
	if diff := cmp.Diff(a, b); diff != "" {
		t.Fatalf("two calls with seed 7 differ (-first +second):\n%s", diff)
	}

	other := GenerateUsers(200, 8)
	if a[0].ID == other[0].ID {
		t.Errorf("seeds 7 and 8 give the same first user %s", a[0].ID)
	}
	if got := GenerateUsers(0, 7); len(got) != 0 {
		t.Errorf("GenerateUsers(0, 7) = %d users, want none", len(got))
	}
}

// TestGenerateUsersShape checks ids, addresses and phone numbers, and that
// each optional part occurs in a plausible share of the users.
func TestGenerateUsersShape(t *testing.T) {
	t.Parallel()
	users := GenerateUsers(5000, 1)

	userID := regexp.MustCompile(`^user_[A-Za-z0-9]{27}$`)
	e164 := regexp.MustCompile(`^\+[1-9][0-9]{6,14}$`)
	ids, emails := map[string]bool{}, map[string]bool{}
	for _, u := range users {
		if !userID.MatchString(u.ID) || ids[u.ID] {
			t.Errorf("user id %q: want a unique user_ id", u.ID)
		}
		ids[u.ID] = true
		for _, e := range u.EmailAddresses {
			if emails[e.EmailAddress] || e.Verification == nil {
				t.Errorf("user %s: email %q repeated or unverified", u.ID, e.EmailAddress)
			}
			emails[e.EmailAddress] = true
		}
		for _, p := range u.PhoneNumbers {
			if !e164.MatchString(p.PhoneNumber) {
				t.Errorf("user %s: phone %q is not E.164", u.ID, p.PhoneNumber)
			}
		}
		checkGeneratedUser(t, u)
	}
	checkShares(t, users)
}

// checkGeneratedUser checks what every generated user has.
func checkGeneratedUser(t *testing.T, u clerk.User) {
	t.Helper()
	if n := len(u.EmailAddresses); n < 1 || n > 2 || u.PrimaryEmailAddress() == "" {
		t.Errorf("user %s: %d email addresses, primary %q; want 1 or 2 and a primary",
			u.ID, n, u.PrimaryEmailAddress())
	}
	for _, a := range u.ExternalAccounts {
		if (a.Provider != "oauth_google" && a.Provider != "oauth_github") ||
			a.ProviderUserID == "" {
			t.Errorf("user %s: external account %s %q", u.ID, a.Provider, a.ProviderUserID)
		}
	}
	if (u.LastSignInAt == nil) != (u.LastActiveAt == nil) {
		t.Errorf("user %s: only one of last_sign_in_at and last_active_at is null", u.ID)
	}
}

// checkShares checks that each optional part is neither missing nor
// everywhere.
func checkShares(t *testing.T, users []clerk.User) {
	t.Helper()
	shares := map[string][2]float64{ // name: lowest and highest share
		"phone":        {0.4, 0.6},
		"username":     {0.25, 0.45},
		"google":       {0.2, 0.4},
		"github":       {0.05, 0.15},
		"membership":   {0.15, 0.35},
		"second email": {0.1, 0.3},
		"banned":       {0.005, 0.05},
		"locked":       {0.0005, 0.02},
		"never signed": {0.1, 0.3},
	}
	count := map[string]int{}
	for _, u := range users {
		has := map[string]bool{
			"phone": len(u.PhoneNumbers) > 0, "username": u.Username != nil,
			"google": hasProvider(u, "oauth_google"), "github": hasProvider(u, "oauth_github"),
			"membership": len(u.Memberships) > 0, "second email": len(u.EmailAddresses) > 1,
			"banned": u.Banned, "locked": u.Locked, "never signed": u.LastSignInAt == nil,
		}
		for k, v := range has {
			if v {
				count[k]++
			}
		}
	}
	for k, bounds := range shares {
		if f := float64(count[k]) / float64(len(users)); f < bounds[0] || f > bounds[1] {
			t.Errorf("%s: %.3f of the users, want between %g and %g", k, f, bounds[0],
				bounds[1])
		}
	}
}

func hasProvider(u clerk.User, provider string) bool {
	for _, a := range u.ExternalAccounts {
		if a.Provider == provider {
			return true
		}
	}
	return false
}

// TestGenerateUsersSkew checks the creation times: a bulk import puts
// about 30 % of the users in 5 milliseconds, a launch week about 40 %,
// and the whole spans three years.
func TestGenerateUsersSkew(t *testing.T) {
	t.Parallel()
	users := GenerateUsers(10_000, 3)

	perMs := map[int64]int{}
	for i, u := range users {
		perMs[u.CreatedAt]++
		if i > 0 && byCreation(users[i-1], u) >= 0 {
			t.Fatalf("users %d and %d are not oldest first with ties by id", i-1, i)
		}
	}
	busiest := 0
	for _, n := range perMs {
		busiest = max(busiest, n)
	}
	importShare := float64(countIn(users, genImportDay, genImportDay+1)) / 10_000
	launchShare := float64(countIn(users, genLaunchDay, genLaunchDay+7)) / 10_000
	span := users[len(users)-1].CreatedAt - users[0].CreatedAt

	if importShare < 0.25 || importShare > 0.35 || busiest < 400 {
		t.Errorf("import: %.3f of the users, busiest millisecond %d; want about 0.3 "+
			"in 5 milliseconds", importShare, busiest)
	}
	if launchShare < 0.35 || launchShare > 0.45 {
		t.Errorf("launch week: %.3f of the users, want about 0.4", launchShare)
	}
	if span < 2*365*day {
		t.Errorf("creation times span %d days, want about three years", span/day)
	}
}

func byCreation(a, b clerk.User) int {
	return byCreationOrder(&record{facts: factsOf(&a)}, &record{facts: factsOf(&b)})
}

// countIn counts the users created from day from to day to of the
// instance.
func countIn(users []clerk.User, from, to int64) int {
	n := 0
	for _, u := range users {
		if d := (u.CreatedAt - genOpening()) / day; d >= from && d < to {
			n++
		}
	}
	return n
}

// TestGeneratedUsersRoundTrip encodes and decodes every user: nothing
// changes, as the users are given as a client decodes them.
func TestGeneratedUsersRoundTrip(t *testing.T) {
	t.Parallel()
	for _, u := range GenerateUsers(150, 4) {
		raw, err := json.Marshal(u)
		if err != nil {
			t.Fatalf("user %s: %v", u.ID, err)
		}
		if diff := cmp.Diff(u, decodeUser(raw)); diff != "" {
			t.Fatalf("user %s changes on a round trip (-generated +decoded):\n%s", u.ID,
				diff)
		}
	}
}

// TestStencilMatchesEncodingJSON compares the JSON the server stores for
// generated users with encoding/json's, byte for byte, for every fifth
// user of 2,000: more than enough to meet every shape many times.
func TestStencilMatchesEncodingJSON(t *testing.T) {
	t.Parallel()
	pop := newPopulation(2000, 5)
	recs := pop.records()
	for i, u := range GenerateUsers(2000, 5) {
		if i%5 != 0 {
			continue
		}
		want, err := json.Marshal(u)
		if err != nil {
			t.Fatal(err)
		}
		if got := recs[i].raw; string(got) != string(want) {
			t.Fatalf("user %d: stencil JSON differs from encoding/json:\n%s\n%s",
				i, firstDiff(got, want), firstDiff(want, got))
		}
	}
}

// firstDiff returns a's text around the first byte where it differs from
// b.
func firstDiff(a, b []byte) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	return string(a[max(0, i-60):min(len(a), i+60)])
}

func TestWithGeneratedUsers(t *testing.T) {
	t.Parallel()
	replaced := GenerateUsers(3, 9)[1]
	replaced.FirstName = ptr("Replaced")
	srv := newTestServer(t, WithGeneratedUsers(3, 9), WithUsers(replaced))

	got := srv.Users()
	want := GenerateUsers(3, 9)
	want[1] = replaced
	for i, j := 0, len(want)-1; i < j; i, j = i+1, j-1 {
		want[i], want[j] = want[j], want[i]
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Users() (-want +got):\n%s", diff)
	}
}

// TestNewServerPanicsInTheCaller: users are encoded in parallel, but a
// user that cannot be encoded makes NewServer itself panic, so that a
// test may recover.
func TestNewServerPanicsInTheCaller(t *testing.T) {
	t.Parallel()
	users := make([]clerk.User, 2000) // two parts on two CPUs or more
	for i := range users {
		users[i].ID = fmt.Sprintf("user_%d", i)
	}
	users[1500].PublicMetadata = clerk.Metadata(`{"broken":`)

	defer func() {
		p := recover()
		if msg, _ := p.(string); !regexp.MustCompile(`user_\w+ cannot be encoded`).
			MatchString(msg) {
			t.Errorf("NewServer panicked with %v, want a message naming the user", p)
		}
	}()
	srv := NewServer(WithUsers(users...))
	srv.Close()
	t.Error("NewServer with broken metadata did not panic")
}

package clerktest

import "testing"

func TestWithUsersLaterReplacesEarlier(t *testing.T) {
	t.Parallel()
	first := fixtureUser("user_x", 1).name("First", "").build()
	second := fixtureUser("user_x", 2).name("Second", "").build()
	srv := newTestServer(t, WithUsers(first), WithUsers(second))

	got := srv.Users()
	if len(got) != 1 || *got[0].FirstName != "Second" {
		t.Errorf("Users() = %+v, want only the second user_x", got)
	}
}

func TestWithDemoUsersAndWithUsersCombine(t *testing.T) {
	t.Parallel()
	srv := newTestServer(t, WithDemoUsers(), WithUsers(fixtureUsers()...))

	if got := len(srv.Users()); got != 36 {
		t.Errorf("%d users, want 30 demo users and 6 of the fixture", got)
	}
}

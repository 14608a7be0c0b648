package clerktest

import (
	"fmt"
	"regexp"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/workflowkit/clerk"
)

func TestAddAndDeleteUser(t *testing.T) {
	t.Parallel()
	srv := newFixtureServer(t)

	srv.AddUser(fixtureUser("user_g", 9000).name("Grace", "Hopper").build())
	checkIDs(t, "limit=2", listIDs(t, srv, "limit=2"), users("g f"))

	// Adding a user with a stored id replaces it.
	srv.AddUser(fixtureUser("user_a", 9500).name("Ada", "King").build())
	checkIDs(t, "name_query=lovelace", listIDs(t, srv, "name_query=lovelace"), users("e"))
	checkIDs(t, "limit=2", listIDs(t, srv, "limit=2"), users("a g"))

	if !srv.DeleteUser("user_g") {
		t.Error("DeleteUser(user_g) = false, want true")
	}
	if srv.DeleteUser("user_g") {
		t.Error("DeleteUser(user_g) again = true, want false")
	}
	checkIDs(t, "", listIDs(t, srv, ""), users("a f e d c b"))
}

func TestAddUserWithoutID(t *testing.T) {
	t.Parallel()
	srv := newTestServer(t)
	srv.AddUser(clerk.User{FirstName: ptr("Nameless")})

	got := srv.Users()
	if len(got) != 1 || !regexp.MustCompile(`^user_[A-Za-z0-9]{27}$`).MatchString(got[0].ID) {
		t.Fatalf("Users() = %+v, want one user with a generated id", got)
	}
	checkIDs(t, "", listIDs(t, srv, ""), []string{got[0].ID})
}

func TestAddUserKeepsACopy(t *testing.T) {
	t.Parallel()
	srv := newTestServer(t)
	u := fixtureUser("user_a", 1000).name("Ada", "Lovelace").email("ada@example.com").build()
	srv.AddUser(u)

	u.EmailAddresses[0].EmailAddress = "changed@example.com"
	*u.FirstName = "Changed"

	got := srv.Users()[0]
	if got.PrimaryEmailAddress() != "ada@example.com" || *got.FirstName != "Ada" {
		t.Errorf("the stored user changed with the caller's copy: %+v", got)
	}
}

// TestUsersEqualsListing shows that Users gives what a client decodes.
func TestUsersEqualsListing(t *testing.T) {
	t.Parallel()
	srv := newTestServer(t, WithDemoUsers())

	listed := listUsers(t, srv, "limit=500")
	if diff := cmp.Diff(listed, srv.Users()); diff != "" {
		t.Errorf("Users() differs from the listing (-listed +Users):\n%s", diff)
	}
}

// TestConcurrentUse lists while other goroutines add and delete users; run
// it with -race.
func TestConcurrentUse(t *testing.T) {
	t.Parallel()
	srv := newFixtureServer(t)

	var wg sync.WaitGroup
	for w := range 4 {
		wg.Add(2)
		go func() {
			defer wg.Done()
			for i := range 25 {
				id := fmt.Sprintf("user_w%dn%02d", w, i)
				srv.AddUser(fixtureUser(id, int64(10_000+i)).name("Temp", "User").build())
				if i%2 == 0 {
					srv.DeleteUser(id)
				}
				_ = srv.Users()
			}
		}()
		go func() {
			defer wg.Done()
			for range 10 {
				listIDs(t, srv, "limit=20&name_query=temp")
				get(t, srv, "/users/count")
			}
		}()
	}
	wg.Wait()

	res := get(t, srv, "/users/count?name_query=temp")
	if want := `{"object":"total_count","total_count":48}`; string(res.body) != want {
		t.Errorf("count after the churn %s, want %s", res.body, want)
	}
}

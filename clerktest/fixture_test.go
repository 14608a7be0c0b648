package clerktest

import (
	"testing"

	"github.com/workflowkit/clerk"
)

// The fixture is six users whose every attribute a test relies on is
// listed here, so that expectations can be worked out by hand.
//
//	id      name          username  external  orgs          account
//	user_a  Ada Lovelace  ada       ext_ada   org_1         google g-ada
//	user_b  Bob Smith     bob       ext_b     org_1, org_2  github gh-bob
//	user_c  Zoë Adams     zoe       -         org_2         -
//	user_d  -             -         -         -             legacy google g-dev
//	user_e  Eve Lovelace  eve_l     ext_e     org_3         github gh-eve
//	user_f  Frank -       -         -         org_3         -
//
//	id      emails                 phones         wallet
//	user_a  ada@example.com,       +15555550100   -
//	        ada.work@corp.example
//	user_b  bob@example.com        +447700900123  -
//	user_c  zoe+news@example.org   -              0xABC123
//	user_d  dev+qa@example.com     +15555550199   -
//	user_e  eve@example.net        -              0xdef456
//	user_f  -                      +12025550111   -
//
//	id      created  updated  sign-in  active  banned
//	user_a  1000     4000     4000     5000    no
//	user_b  2000     2000     null     null    yes
//	user_c  2000     6000     6000     6000    no
//	user_d  3000     3000     null     3500    no
//	user_e  4000     4500     4500     4500    no
//	user_f  5000     5000     5000     7000    no
//
// The default order, newest first with ties by id descending, is f, e, d,
// c, b, a.
func fixtureUsers() []clerk.User {
	org1 := demoOrganization("org-one", "Org One", 0, "{}")
	org2 := demoOrganization("org-two", "Org Two", 0, "{}")
	org3 := demoOrganization("org-three", "Org Three", 0, "{}")
	org1.ID, org2.ID, org3.ID = "org_1", "org_2", "org_3"

	return []clerk.User{
		fixtureUser("user_a", 1000).name("Ada", "Lovelace").username("ada").
			email("ada@example.com").email("ada.work@corp.example").phone("+15555550100").
			externalID("ext_ada").member(org1, "admin").oauth("oauth_google", "g-ada").
			seen(4000, 5000).build(),
		fixtureUser("user_b", 2000).name("Bob", "Smith").username("bob").
			email("bob@example.com").phone("+447700900123").externalID("ext_b").
			member(org1, "member").member(org2, "admin").oauth("oauth_github", "gh-bob").
			banned().build(),
		fixtureUser("user_c", 2000).name("Zoë", "Adams").username("zoe").
			email("zoe+news@example.org").wallet("0xABC123").member(org2, "member").
			seen(6000, 6000).build(),
		fixtureUser("user_d", 3000).email("dev+qa@example.com").phone("+15555550199").
			legacyGoogle("g-dev").seen(0, 3500).build(),
		fixtureUser("user_e", 4000).name("Eve", "Lovelace").username("eve_l").
			email("eve@example.net").wallet("0xdef456").externalID("ext_e").
			member(org3, "member").oauth("oauth_github", "gh-eve").seen(4500, 4500).build(),
		fixtureUser("user_f", 5000).name("Frank", "").phone("+12025550111").
			member(org3, "admin").seen(5000, 7000).build(),
	}
}

// fixtureUser starts a fixture user with a short, readable id.
func fixtureUser(id string, created int64) *demoBuilder {
	b := newDemoUser(id, created)
	b.u.ID = id
	return b
}

// newFixtureServer starts a server holding the fixture.
func newFixtureServer(t testing.TB) *Server {
	t.Helper()
	srv := NewServer(WithUsers(fixtureUsers()...))
	t.Cleanup(srv.Close)
	return srv
}

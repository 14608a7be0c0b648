package clerktest

import (
	"encoding/json"

	"github.com/workflowkit/clerk"
)

// DemoUsers returns a fresh copy of 30 demo users of a fictional Clerk
// instance, the same on every call and every run. They cover the shapes a
// client meets: verified and unverified emails, E.164 phone numbers, web3
// wallets, Google and GitHub accounts and one legacy google_account,
// memberships in three organizations, nested metadata with an integer
// beyond 2^53, banned and locked users, users who never signed in, Unicode
// names, external ids, and three users imported in the same millisecond.
// Creation dates spread over two years from July 2023.
//
// Ada Lovelace is always there: email ada.lovelace@example.com (primary,
// verified), username ada, phone +15555550100, external id ext_ada, a
// Google account and an admin membership. So is a QA account with the
// email dev+qa@example.com and no name.
//
// The users are given as a client decodes them from the server's JSON, so
// they compare equal, with go-cmp, to what a client lists.
func DemoUsers() []clerk.User {
	engines := demoOrganization("analytical-engines", "Analytical Engines Ltd",
		demoTime(0, 0), `{"plan":"enterprise","billing":{"seats":250,"currency":"GBP"}}`)
	hopper := demoOrganization("hopper-labs", "Hopper Labs", demoTime(120, 5),
		`{"plan":"team"}`)
	bletchley := demoOrganization("bletchley-club", "Bletchley Club", demoTime(300, 1),
		`{}`)

	users := demoPioneers(engines, hopper, bletchley)
	users = append(users, demoEdgeCases()...)
	users = append(users, demoCrowd(engines, hopper, bletchley)...)
	countMembers(users)

	for i, u := range users {
		raw, err := json.Marshal(u)
		if err != nil {
			panic("clerktest: demo user " + u.ID + " does not encode: " + err.Error())
		}
		users[i] = decodeUser(raw)
	}
	return users
}

// demoPioneers are the named users that tests and examples look up.
func demoPioneers(engines, hopper, bletchley clerk.Organization) []clerk.User {
	return []clerk.User{
		newDemoUser("ada", demoTime(0, 1)).name("Ada", "Lovelace").username("ada").
			email("ada.lovelace@example.com").phone("+15555550100").externalID("ext_ada").
			oauth("oauth_google", "104735098437283810571").member(engines, "admin").
			seen(demoTime(728, 3), demoTime(729, 0)).mfa().
			metadata(`{"plan":{"tier":"pro","seats":5},"beta":true}`,
				`{"stripe":{"customer_id":"cus_DemoAda01","ledger_id":9007199254740993}}`,
				`{"theme":"dark","tour":{"done":true}}`).build(),

		newDemoUser("grace", demoTime(61, 4)).name("Grace", "Hopper").username("grace").
			email("grace@hopperlabs.example").unverifiedEmail("amazing.grace@example.net").
			phone("+12025550143").oauth("oauth_github", "5210374").
			member(hopper, "admin").member(engines, "member").
			seen(demoTime(726, 9), demoTime(728, 0)).passkey("MacBook Pro Touch ID").mfa().
			metadata(`{"rank":"rear admiral","languages":["COBOL","FLOW-MATIC"]}`, "", "").
			build(),

		newDemoUser("alan", demoTime(95, 7)).name("Alan", "Turing").username("alan_t").
			email("alan.turing@example.org").phone("+447700900461").externalID("ext_alan").
			member(bletchley, "admin").seen(demoTime(400, 2), demoTime(401, 0)).banned().
			metadata("", `{"ban":{"reason":"chargeback","case":{"id":48213,"open":false}}}`,
				"").build(),

		newDemoUser("charles", demoTime(3, 11)).name("Charles", "Babbage").
			email("charles.babbage@example.com").legacyGoogle("108329876543210987654").
			member(engines, "member").seen(demoTime(200, 1), demoTime(210, 5)).build(),

		newDemoUser("zoe", demoTime(140, 9)).name("Zoë", "Müller").username("zoe_m").
			email("zoe.mueller@example.de").externalID("ext_zoe").
			wallet("0x52908400098527886E0F7030069857D2E4169EE7").
			oauth("oauth_github", "88120554").member(hopper, "member").
			seen(demoTime(690, 18), demoTime(712, 7)).
			metadata("", "", `{"locale":"de-DE","onboarding":{"step":3,"done":false}}`).
			build(),
	}
}

// countMembers sets members_count on every embedded organization.
func countMembers(users []clerk.User) {
	counts := map[string]int64{}
	for _, u := range users {
		for _, m := range u.Memberships {
			counts[m.Organization.ID]++
		}
	}
	for _, u := range users {
		for i := range u.Memberships {
			org := &u.Memberships[i].Organization
			org.MembersCount = counts[org.ID]
		}
	}
}

package clerktest

import (
	"fmt"
	"strings"

	"github.com/workflowkit/clerk"
)

// demoEdgeCases are users whose shape is unusual: a QA account without a
// name, a locked user, users without an email address, and three users
// imported in the same millisecond.
func demoEdgeCases() []clerk.User {
	imported := demoTime(365, 0)
	return []clerk.User{
		newDemoUser("qa-bot", demoTime(33, 0)).email("dev+qa@example.com").
			metadata("", `{"purpose":"automated QA","owner":"platform-team"}`, "").build(),

		newDemoUser("mallory", demoTime(250, 14)).name("Mallory", "Brute").
			username("mallory").email("mallory@example.net").locked().
			seen(demoTime(700, 1), demoTime(700, 1)).build(),

		newDemoUser("wallet-only", demoTime(410, 20)).username("gm_wagmi").
			wallet("0x71C7656EC7ab88b098defB751B7401B5f6d8976F").
			seen(demoTime(600, 3), demoTime(640, 12)).withoutPassword().build(),

		newDemoUser("phone-only", demoTime(455, 6)).name("Kofi", "Mensah").
			phone("+14155550132").seen(demoTime(456, 6), demoTime(702, 15)).
			withoutPassword().build(),

		newDemoUser("import-41", imported).name("Wren", "Castillo").
			email("wren.castillo@imported.example").externalID("legacy-00041").
			seen(demoTime(380, 2), demoTime(381, 4)).build(),
		newDemoUser("import-42", imported).name("Inés", "Duarte").
			email("ines.duarte@imported.example").externalID("legacy-00042").build(),
		newDemoUser("import-43", imported).name("Tomás", "Reyes").
			email("tomas.reyes@imported.example").externalID("legacy-00043").
			seen(demoTime(366, 9), demoTime(520, 11)).build(),
	}
}

func (b *demoBuilder) withoutPassword() *demoBuilder {
	b.u.PasswordEnabled = false
	return b
}

// demoPerson is a name of the crowd and the handle its email and username
// derive from.
type demoPerson struct {
	first, last, handle string
}

func demoPeople() []demoPerson {
	return []demoPerson{
		{"Sofia", "García", "sofia.garcia"}, {"Mateo", "Álvarez", "mateo.alvarez"},
		{"Amara", "Okafor", "amara.okafor"}, {"Kenji", "Watanabe", "kenji.watanabe"},
		{"Ingrid", "Søreide", "ingrid.soreide"}, {"Minh Anh", "Nguyễn", "minhanh.nguyen"},
		{"Priya", "Raman", "priya.raman"}, {"Liam", "O'Connor", "liam.oconnor"},
		{"Chloé", "Dubois", "chloe.dubois"}, {"Aarav", "Mehta", "aarav.mehta"},
		{"Fatima", "Al-Sayed", "fatima.alsayed"}, {"Lukáš", "Novák", "lukas.novak"},
		{"Emma", "Johansson", "emma.johansson"}, {"Diego", "Fernández", "diego.fernandez"},
		{"Hannah", "Schmidt", "hannah.schmidt"}, {"Yuki", "Tanaka", "yuki.tanaka"},
		{"Björn", "Lindqvist", "bjorn.lindqvist"}, {"Élodie", "Martin", "elodie.martin"},
	}
}

// demoCrowd makes the ordinary users, one every 40 days or so. Which parts
// a user has follows from its position, so that every combination of
// identifiers, accounts and memberships occurs.
func demoCrowd(engines, hopper, bletchley clerk.Organization) []clerk.User {
	domains := []string{"example.com", "example.org", "example.net", "mail.example.com"}
	plans := []string{`{"plan":"free"}`, `{"plan":"pro","seats":3}`,
		`{"plan":"team","features":{"sso":true,"audit_log":false}}`}

	var users []clerk.User
	for i, p := range demoPeople() {
		b := newDemoUser(p.handle, demoTime(i*40+7, i*7%24)).name(p.first, p.last).
			email(p.handle+"@"+domains[i%len(domains)]).metadata(plans[i%3], "", "")
		if i%3 != 2 {
			b.username(strings.ReplaceAll(p.handle, ".", "_"))
		}
		crowdIdentifiers(b, i)
		crowdMemberships(b, i, engines, hopper, bletchley)
		crowdActivity(b, i)
		users = append(users, b.build())
	}
	return users
}

func crowdIdentifiers(b *demoBuilder, i int) {
	switch i % 4 {
	case 0:
		b.phone(fmt.Sprintf("+1555555%04d", 110+i))
	case 2:
		b.phone(fmt.Sprintf("+447700900%03d", 100+i))
	case 3:
		b.externalID(fmt.Sprintf("crm-%05d", 1000+i))
	}
	if i%6 == 5 {
		b.wallet(demoWallet(b.seed))
	}
	if i%4 == 1 {
		b.oauth("oauth_google", fmt.Sprintf("1147%017d", int64(i+1)*2654435761))
	}
	if i%5 == 2 {
		b.oauth("oauth_github", fmt.Sprint(1000000+i*48271))
	}
}

func crowdMemberships(b *demoBuilder, i int, engines, hopper, bletchley clerk.Organization) {
	if i%3 == 0 {
		b.member(engines, "member")
	}
	if i%5 == 3 {
		b.member(hopper, "member")
	}
	if i%7 == 4 {
		b.member(bletchley, "member")
	}
}

// crowdActivity gives most users a sign-in and later activity; some never
// signed in, one signed in before Clerk tracked activity, one is banned.
func crowdActivity(b *demoBuilder, i int) {
	signIn := b.u.CreatedAt + int64(i*13%90+1)*day
	switch {
	case i%5 == 4:
		// Never signed in: both timestamps stay null.
	case i == 6:
		b.seen(signIn, 0)
	default:
		b.seen(signIn, signIn+int64(i%9+1)*hour)
	}
	if i == 11 {
		b.banned()
	}
}

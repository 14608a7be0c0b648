package clerktest

import (
	"fmt"
	"strconv"
	"strings"
)

// genPlan is one user, drawn but not yet built. An empty string, id or a
// zero time is absent: first and last for a user without a name,
// username, externalID for a user not imported, signIn and active for one
// who never signed in, mfaAt without two-factor authentication, the id of
// emails[1], phone, google or github for a user without that part.
type genPlan struct {
	id                                      string
	created, updated, signIn, active, mfaAt int64
	first, last, username, externalID       string

	emails         [2]genIdent
	secondVerified bool
	phone          genIdent
	google, github genAccount
	members        []genMember

	password, banned, locked bool
	public, private, unsafe  string // metadata, compact JSON
}

// genIdent is an identifier: its id and its value.
type genIdent struct{ id, value string }

// genAccount is an external account: its id, the id of its
// identification, and the user's id at the provider.
type genAccount struct{ id, idn, puid string }

// genMember is a membership in p.orgs[org].
type genMember struct {
	id     string
	org    int
	joined int64
	admin  bool
}

// genOrg is a generated organization.
type genOrg struct {
	id, name, slug, public string
	created, members       int64
}

// drawOrgs draws n organizations, at most 96, with distinct names, created
// in the instance's first two years.
func (p *population) drawOrgs(n int) []genOrg {
	w := p.words
	nf := len(w.orgFirst)
	orgs := make([]genOrg, n)
	for i := range orgs {
		// For i < 96, the pairs of words differ.
		name := w.orgFirst[i%nf] + " " + w.orgSecond[(i%nf+3*(i/nf))%len(w.orgSecond)]
		orgs[i] = genOrg{
			id:      p.id("org"),
			name:    name,
			slug:    strings.ToLower(strings.ReplaceAll(name, " ", "-")),
			public:  []string{`{}`, `{"plan":"team"}`, `{"plan":"enterprise"}`}[i%3],
			created: genOpening() + p.rng.Int64N(2*365*day),
		}
	}
	return orgs
}

// drawPlan draws the user number i, born as b.
func (p *population) drawPlan(i int, b genBirth) genPlan {
	pl := genPlan{id: b.id, created: b.created}
	if b.imported {
		pl.externalID = "legacy-" + pad6(i)
	}

	p.drawIdentity(&pl, i)
	p.drawAccounts(&pl, b.imported)
	p.drawActivity(&pl, b.imported)
	p.drawMemberships(&pl)
	p.drawMetadata(&pl)
	return pl
}

// drawIdentity draws the name, email addresses, phone and username.
func (p *population) drawIdentity(pl *genPlan, i int) {
	w := p.words
	first, last := w.first[p.rng.IntN(len(w.first))], w.last[p.rng.IntN(len(w.last))]
	handle := first.handle + "." + last.handle
	if p.chance(0.94) {
		pl.first, pl.last = first.name, last.name
	} else {
		handle = "user"
	}

	domain := w.emailDomains[p.rng.IntN(len(w.emailDomains))]
	n := strconv.Itoa(i)
	pl.emails[0] = genIdent{p.id("idn"), handle + "." + n + "@" + domain}
	if f := p.rng.Float64(); f < 0.20 {
		work := w.workDomains[p.rng.IntN(len(w.workDomains))]
		pl.emails[1] = genIdent{p.id("idn"), first.handle + "." + n + "@" + work}
		pl.secondVerified = f < 0.15
	}

	if p.chance(0.5) {
		prefix := w.phonePrefixes[p.rng.IntN(len(w.phonePrefixes))]
		pl.phone = genIdent{p.id("idn"), prefix + p.digits(7)}
	}
	if p.chance(0.35) {
		pl.username = first.handle + "_" + last.handle[:1] + n
	}
}

// drawAccounts draws the Google and GitHub accounts. A user who signed up
// with one of them often has no password.
func (p *population) drawAccounts(pl *genPlan, imported bool) {
	googleOdds := 0.35
	if imported {
		googleOdds = 0.15 // imported users came with passwords
	}
	if p.chance(googleOdds) {
		pl.google = genAccount{p.id("eac"), p.id("idn"), "1" + p.digits(20)}
	}
	if p.chance(0.10) {
		pl.github = genAccount{p.id("eac"), p.id("idn"), strconv.Itoa(1 + p.rng.IntN(2e8))}
	}
	pl.password = (pl.google.id == "" && pl.github.id == "") || p.chance(0.3)
}

// drawActivity draws sign-ins, two-factor authentication, bans and locks.
// Imported users signed in less often.
func (p *population) drawActivity(pl *genPlan, imported bool) {
	end := genOpening() + genEndDay*day
	pl.updated = pl.created

	signInOdds := 0.88
	if imported {
		signInOdds = 0.55
	}
	if p.chance(signInOdds) && pl.created < end {
		// Recent sign-ins are the likeliest.
		f := p.rng.Float64()
		pl.signIn = end - int64(f*f*float64(end-pl.created))
		pl.active = min(end, pl.signIn+p.rng.Int64N(3*day))
		pl.updated = pl.signIn
	}
	if p.chance(0.08) {
		pl.mfaAt = pl.created + p.rng.Int64N(30*day)
		pl.updated = max(pl.updated, pl.mfaAt)
	}
	pl.banned = p.chance(0.02)
	pl.locked = !pl.banned && p.chance(0.005)
}

// drawMemberships draws up to three memberships, in distinct
// organizations; the first organizations are the largest.
func (p *population) drawMemberships(pl *genPlan) {
	n := 0
	switch f := p.rng.Float64(); {
	case f < 0.01:
		n = 3
	case f < 0.06:
		n = 2
	case f < 0.24:
		n = 1
	}

	taken := map[int]bool{}
	for range n {
		org := 0
		for org = p.skewed(len(p.orgs)); taken[org]; org = p.skewed(len(p.orgs)) {
		}
		taken[org] = true

		admin := p.chance(0.12)
		joined := max(pl.created, p.orgs[org].created) + p.rng.Int64N(60*day)
		joined = min(joined, genOpening()+genEndDay*day)
		pl.members = append(pl.members, genMember{id: p.id("orgmem"), org: org,
			joined: joined, admin: admin})
		pl.updated = max(pl.updated, joined)
	}
}

// pad6 writes i with at least six digits.
func pad6(i int) string {
	s := strconv.Itoa(i)
	return strings.Repeat("0", max(0, 6-len(s))) + s
}

// skewed returns an index below n, small ones likelier.
func (p *population) skewed(n int) int {
	f := p.rng.Float64()
	return int(f * f * float64(n))
}

// drawMetadata draws small public, private and unsafe metadata.
func (p *population) drawMetadata(pl *genPlan) {
	pl.public = `{}`
	switch f := p.rng.Float64(); {
	case f < 0.05:
		pl.public = fmt.Sprintf(`{"plan":"team","seats":%d,"features":{"sso":true}}`,
			5+p.rng.IntN(200))
	case f < 0.25:
		pl.public = fmt.Sprintf(`{"plan":"pro","seats":%d}`, 1+p.rng.IntN(20))
	case f < 0.50:
		pl.public = `{"plan":"free"}`
	}

	pl.private = `{}`
	if p.chance(0.3) {
		pl.private = `{"stripe_customer_id":"cus_` + p.id("x")[2:16] + `"}`
	}

	pl.unsafe = `{}`
	switch f := p.rng.Float64(); {
	case f < 0.05:
		pl.unsafe = fmt.Sprintf(`{"onboarding":{"step":%d,"done":false}}`, 1+p.rng.IntN(4))
	case f < 0.25:
		pl.unsafe = `{"theme":"dark"}`
	}
}

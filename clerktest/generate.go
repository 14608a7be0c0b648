package clerktest

import (
	"cmp"
	"math/rand/v2"
	"runtime"
	"slices"
	"sync"
	"time"

	"github.com/workflowkit/clerk"
)

// GenerateUsers returns n users of a fictional Clerk instance, made from
// seed: the same n and seed give the same users on every call and every
// run, oldest first (equal creation times ordered by id). It is fast:
// 100,000 users take about half a second. An n below 1 gives none.
//
// The population looks like a real one, three years old:
//   - ids of Clerk's form, user_ and 27 letters and digits, all distinct;
//   - one email address each, first.last.N@domain and so distinct, some
//     with a second one, verified or not, and most verified by code;
//   - an E.164 phone number for about half, a username for about a third;
//   - Google accounts (oauth_google) for about three in ten and GitHub
//     accounts (oauth_github) for one in ten, with provider user ids;
//   - memberships in 36 organizations for about a quarter, a few as admin;
//   - small metadata, two-factor authentication for some, about 2 % banned,
//     a few locked, and about one in five who never signed in;
//   - creation times skewed as real ones are: about 30 % come from one
//     bulk import and share 5 milliseconds (with an external id, legacy-N),
//     about 40 % joined in one launch week, and the rest spread over the
//     three years, more of them later.
//
// They have no web3 wallets, passkeys or SAML accounts; DemoUsers has
// some. The users are given as a client decodes them from Clerk's JSON (empty
// lists are empty, not nil), so they compare equal, with go-cmp, to what
// a client lists. To serve them, use WithGeneratedUsers, which encodes
// them more than ten times faster than WithUsers can.
func GenerateUsers(n int, seed int64) []clerk.User {
	pop := newPopulation(n, seed)

	users := make([]clerk.User, len(pop.plans))
	inParallel(len(users), func(lo, hi int) {
		for i := lo; i < hi; i++ {
			users[i] = pop.build(&pop.plans[i], nil, nil)
		}
	})
	return users
}

// WithGeneratedUsers adds the users of GenerateUsers(n, seed) to the
// server's store, generated when the server starts. They are stored before
// the users of WithUsers and WithDemoUsers, so that one of those with the
// same ID replaces a generated one. By default the store is empty.
func WithGeneratedUsers(n int, seed int64) Option {
	return func(c *config) {
		c.generated = append(c.generated, genRequest{n: n, seed: seed})
	}
}

// genRequest is one WithGeneratedUsers.
type genRequest struct {
	n    int
	seed int64
}

// The generated instance's calendar, in days from its opening: it imports
// a legacy user base on day 40 and has a launch week two years in; the
// population ends after three years.
const (
	genImportDay = 40
	genLaunchDay = 730
	genEndDay    = 3 * 365
	genImportMs  = 5 // how many milliseconds the bulk import spans
)

// genOpening is when the generated instance opened, in Unix milliseconds.
func genOpening() int64 {
	return time.Date(2022, time.September, 5, 8, 0, 0, 0, time.UTC).UnixMilli()
}

// population is a generated population being made: its organizations and
// one plan per user.
type population struct {
	rng   *rand.Rand
	words genWords
	orgs  []genOrg
	plans []genPlan
}

// genBirth is when a user was created and how.
type genBirth struct {
	id       string
	created  int64
	imported bool
}

func newPopulation(n int, seed int64) *population {
	p := &population{
		// The second word of the seed spells "clerktes".
		rng:   rand.New(rand.NewPCG(uint64(seed), 0x636c65726b746573)),
		words: newGenWords(),
	}
	p.orgs = p.drawOrgs(36)

	births := p.drawBirths(max(n, 0))
	p.plans = make([]genPlan, len(births))
	for i, b := range births {
		p.plans[i] = p.drawPlan(i, b)
	}
	p.countMembers()
	return p
}

// drawBirths draws n distinct ids and their creation times, sorted oldest
// first with ties by id.
func (p *population) drawBirths(n int) []genBirth {
	open := genOpening()
	births := make([]genBirth, n)
	seen := make(map[string]bool, n)
	for i := range births {
		b := &births[i]
		for b.id == "" || seen[b.id] {
			b.id = p.id("user")
		}
		seen[b.id] = true

		switch u := p.rng.Float64(); {
		case u < 0.30:
			b.imported = true
			b.created = open + genImportDay*day + p.rng.Int64N(genImportMs)
		case u < 0.70:
			// Front-loaded: launch day brings the most.
			f := p.rng.Float64()
			b.created = open + genLaunchDay*day + int64(f*f*float64(7*day))
		default:
			// Organic growth: the density rises linearly with time.
			f := max(p.rng.Float64(), p.rng.Float64())
			b.created = open + int64(f*float64(genEndDay*day))
		}
	}

	slices.SortFunc(births, func(a, b genBirth) int {
		return cmp.Or(cmp.Compare(a.created, b.created), cmp.Compare(a.id, b.id))
	})
	return births
}

// id returns an id of Clerk's form: prefix, "_", 27 letters and digits.
func (p *population) id(prefix string) string {
	b := make([]byte, len(prefix)+1+27)
	copy(b, prefix)
	b[len(prefix)] = '_'
	p.fill(b[len(prefix)+1:], alphanumerics)
	return string(b)
}

// digits returns n random decimal digits.
func (p *population) digits(n int) string {
	b := make([]byte, n)
	p.fill(b, "0123456789")
	return string(b)
}

// fill sets each byte of b to a random character of set, nine characters
// from each 64 random bits. For sets of up to 62 characters, the first
// characters are likelier by at most one part in a thousand.
func (p *population) fill(b []byte, set string) {
	var x uint64
	for i := range b {
		if i%9 == 0 {
			x = p.rng.Uint64()
		}
		b[i] = set[x%uint64(len(set))]
		x /= uint64(len(set))
	}
}

// chance reports true with probability f.
func (p *population) chance(f float64) bool { return p.rng.Float64() < f }

// countMembers sets each organization's member count.
func (p *population) countMembers() {
	for i := range p.plans {
		for _, m := range p.plans[i].members {
			p.orgs[m.org].members++
		}
	}
}

// records builds the users and encodes them with stencils (stencil.go).
func (p *population) records() []*record {
	recs := make([]*record, len(p.plans))
	inParallel(len(recs), func(lo, hi int) {
		enc, lv := stencils{}, &leaves{}
		for i := lo; i < hi; i++ {
			pl := &p.plans[i]
			lv.vals = lv.vals[:0]
			u := p.build(pl, lv, enc)
			st := enc.get(pl.shape(), func(proto *leaves) any {
				return p.build(pl, proto, enc)
			})
			recs[i] = recordOf(&u, st.encode(lv.vals))
		}
	})
	return recs
}

// inParallel calls do with consecutive parts [lo, hi) of [0, n), one part
// for each CPU, and waits for them. A panic in do is raised again in the
// caller, where it can be recovered. Drawing a population is sequential,
// as one random source makes it; building and encoding the users is not.
func inParallel(n int, do func(lo, hi int)) {
	parts := max(1, min(runtime.GOMAXPROCS(0), n/1000))
	var (
		wg      sync.WaitGroup
		mu      sync.Mutex
		failure any
	)
	for k := range parts {
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer func() {
				if p := recover(); p != nil {
					mu.Lock()
					defer mu.Unlock()
					if failure == nil {
						failure = p
					}
				}
			}()
			do(n*k/parts, n*(k+1)/parts)
		}()
	}

	wg.Wait()
	if failure != nil {
		panic(failure)
	}
}

// records returns the records of the users the options give, in the
// order they are stored: generated users first. It encodes the other
// users in parallel too.
func (c *config) records() []*record {
	var recs []*record
	for _, g := range c.generated {
		recs = append(recs, newPopulation(g.n, g.seed).records()...)
	}

	given := make([]*record, len(c.users))
	inParallel(len(given), func(lo, hi int) {
		for i := lo; i < hi; i++ {
			given[i] = newRecord(c.users[i])
		}
	})
	return append(recs, given...)
}

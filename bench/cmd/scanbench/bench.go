package main

import (
	"context"
	"fmt"
	"time"

	"github.com/workflowkit/clerk"
	"github.com/workflowkit/clerk/bench/internal/measure"
	"github.com/workflowkit/clerk/clerktest"
)

// heapEvery is how often the heap is sampled during a run.
const heapEvery = 2 * time.Millisecond

// bench is one benchmark session: its settings, the ids every walk must
// yield, and the pages the latest ScanUsers run fetched, which the raw
// drain replays.
type bench struct {
	cfg         config
	census      *measure.Census
	scanQueries []string
}

// contestant is one way of reading every user, and its samples.
type contestant struct {
	name    string
	runs    int
	decodes bool // whether it yields users; the raw drain does not
	run     func(ctx context.Context, a *arena) error
	after   func(reqs []clerktest.Request) // sees the server's log, if set
	samples []sample
}

// arena is what one run works with: its own server and its own tally.
type arena struct {
	url         string // the server's base URL
	key         string // the key it accepts
	tally       *measure.Tally
	concurrency int
}

// sample is what one run measured.
type sample struct {
	wall    time.Duration
	cpu     time.Duration // this process's CPU time: the client's
	srvCPU  time.Duration // the server process's CPU time
	log     measure.LogSummary
	tally   measure.Tally
	missing int
	heap    measure.HeapUse
}

// newBench reads the ids of the server's users once; every server of the
// session has the same users.
func newBench(cfg config) (*bench, error) {
	srv, err := startServer(cfg)
	if err != nil {
		return nil, err
	}
	defer srv.Close()

	ids, err := srv.IDs()
	if err != nil {
		return nil, err
	}
	census := measure.NewCensus(ids)
	if census.Len() != cfg.users {
		return nil, fmt.Errorf("the server holds %d distinct users, want %d; the "+
			"generator should make distinct ids", census.Len(), cfg.users)
	}
	return &bench{cfg: cfg, census: census}, nil
}

// contestants lists the contestants in the order they run in each round.
// The raw drain follows ScanUsers, whose pages it replays.
//
// With --diagnose, a fifth row shows ScanUsers without the client-side
// rate limit, which tells how much of its distance to the raw drain the
// limit accounts for.
func (b *bench) contestants() []*contestant {
	cs := []*contestant{
		{name: "ScanUsers", runs: b.cfg.runs, decodes: true, run: scanUsers,
			after: func(reqs []clerktest.Request) {
				b.scanQueries = measure.PageQueries(reqs)
			}},
		{name: "raw drain", runs: b.cfg.runs, run: b.rawDrain},
		{name: "Users", runs: b.cfg.runs, decodes: true, run: walkUsers},
		{name: "official SDK", runs: b.cfg.sdkRuns, decodes: true, run: sdkWalk},
	}
	if b.cfg.diagnose {
		cs = append(cs, &contestant{name: "ScanUsers, limit off", runs: b.cfg.runs,
			decodes: true, run: scanUsersUnlimited})
	}
	return cs
}

// measure runs c once against a fresh server.
func (b *bench) measure(ctx context.Context, c *contestant) (sample, error) {
	srv, err := startServer(b.cfg)
	if err != nil {
		return sample{}, err
	}
	defer srv.Close()
	a := &arena{url: srv.URL, key: liveKey, tally: b.census.Tally(),
		concurrency: b.cfg.concurrency}

	srvCPU, err := srv.CPU()
	if err != nil {
		return sample{}, err
	}
	heap := measure.StartHeapSampler(heapEvery)
	cpu := measure.ProcessCPU()
	start := time.Now()
	err = c.run(ctx, a)
	wall := time.Since(start)
	cpu = measure.ProcessCPU() - cpu
	use := heap.Stop()
	if err != nil {
		return sample{}, err
	}
	srvEnd, err := srv.CPU()
	if err != nil {
		return sample{}, err
	}

	reqs, err := srv.Requests()
	if err != nil {
		return sample{}, err
	}
	if c.after != nil {
		c.after(reqs)
	}
	return sample{
		wall:    wall,
		cpu:     cpu,
		srvCPU:  srvEnd - srvCPU,
		log:     measure.Summarize(reqs),
		tally:   *a.tally,
		missing: a.tally.Missing(),
		heap:    use,
	}, nil
}

// client returns a library client for the run's server, with every
// default unless opts say otherwise: production rate limit (the key is
// sk_live_), default retries.
func (a *arena) client(opts ...clerk.Option) (*clerk.Client, error) {
	cred, err := clerk.NewCredential("scanbench", a.key)
	if err != nil {
		return nil, err
	}
	return clerk.NewClient(cred, append([]clerk.Option{clerk.WithBaseURL(a.url)}, opts...)...)
}

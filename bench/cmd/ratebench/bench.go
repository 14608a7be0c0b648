package main

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/workflowkit/clerk"
	"github.com/workflowkit/clerk/bench/internal/measure"
	"github.com/workflowkit/clerk/clerktest"
)

// retryPolicy is patient enough for a client without a limit of its own:
// the server answers 429 with a Retry-After of up to 10s, and a request
// may be refused in more than one window.
var retryPolicy = clerk.RetryPolicy{
	MaxAttempts: 10,
	MinWait:     500 * time.Millisecond,
	MaxWait:     15 * time.Second,
}

// variant is one client configuration and its samples.
type variant struct {
	name    string
	opts    []clerk.Option
	samples []sample
}

func variants() []*variant {
	return []*variant{
		{name: "default", opts: nil},
		{name: "off", opts: []clerk.Option{clerk.WithRateLimit(0, 0)}},
	}
}

// sample is what one run measured.
type sample struct {
	wall    time.Duration
	log     measure.LogSummary
	tally   measure.Tally
	missing int
}

// bench is one session: its settings, the slices the callers walk and the
// ids they must yield together.
type bench struct {
	cfg    config
	slices []slice
	census *measure.Census
}

func newServer(cfg config) *clerktest.Server {
	return clerktest.NewServer(
		clerktest.WithGeneratedUsers(cfg.users, cfg.seed),
		clerktest.WithRateLimit(clerk.DevelopmentRequestsPer10s, 10*time.Second),
		clerktest.WithLatency(cfg.latency),
	)
}

// newBench reads the server's users once, to slice them and to check
// the walks; every server of the session has the same users.
func newBench(cfg config) (*bench, error) {
	srv := newServer(cfg)
	defer srv.Close()

	users := srv.Users()
	ids := make([]string, len(users))
	for i, u := range users {
		ids[i] = u.ID
	}
	b := &bench{
		cfg:    cfg,
		slices: createdSlices(users, cfg.callers),
		census: measure.NewCensus(ids),
	}
	if b.census.Len() != cfg.users {
		return nil, fmt.Errorf("the server holds %d distinct users, want %d",
			b.census.Len(), cfg.users)
	}
	return b, nil
}

// measure walks every slice at once, one caller each, through one client
// configured as v says, against a fresh server.
func (b *bench) measure(ctx context.Context, v *variant) (sample, error) {
	srv := newServer(b.cfg)
	defer srv.Close()
	cred, err := clerk.NewCredential("ratebench", srv.SecretKey())
	if err != nil {
		return sample{}, err
	}
	opts := append([]clerk.Option{clerk.WithBaseURL(srv.URL), clerk.WithRetry(retryPolicy)},
		v.opts...)
	client, err := clerk.NewClient(cred, opts...)
	if err != nil {
		return sample{}, err
	}
	defer client.CloseIdleConnections()

	tally := b.census.Tally()
	start := time.Now()
	err = b.walkSlices(ctx, client, tally)
	wall := time.Since(start)
	if err != nil {
		return sample{}, err
	}

	return sample{
		wall:    wall,
		log:     measure.Summarize(srv.Requests()),
		tally:   *tally,
		missing: tally.Missing(),
	}, nil
}

// walkSlices runs one caller per slice and returns the first error.
func (b *bench) walkSlices(ctx context.Context, c *clerk.Client, tally *measure.Tally) error {
	var (
		mu   sync.Mutex // guards tally
		wg   sync.WaitGroup
		errs = make([]error, len(b.slices))
	)
	for i, s := range b.slices {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for u, err := range c.Users(ctx, s.params(b.cfg.limit)) {
				if err != nil {
					errs[i] = fmt.Errorf("caller %d: %w", i+1, err)
					return
				}
				mu.Lock()
				tally.Add(u.ID)
				mu.Unlock()
			}
		}()
	}
	wg.Wait()

	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

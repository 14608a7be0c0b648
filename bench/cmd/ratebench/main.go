// Command ratebench measures what the library's client-side rate limit
// buys: it walks the users of a clerktest server that enforces Clerk's
// development limit (100 requests per 10s) with several concurrent
// callers sharing one client, once with the client's default limit (the
// development default, because the server's key is an sk_test_ key) and
// once with the limit off (clerk.WithRateLimit(0, 0)), and prints the
// 429s each drew and the wall time each took, as a markdown table.
//
// The users are split into one created_at slice per caller, each walked
// with Users (a cursor walk) with a small page limit, so that the walk
// needs a few hundred requests: 5,000 users at 25 a page is some 200
// pages plus one short page per slice, two to three of the server's
// 10-second windows. Both variants use the same patient retry policy (up
// to 10 attempts, waits of up to 15s, honouring Retry-After) so that the
// unlimited one finishes too. Every run gets a fresh server, so each
// starts with a fresh rate-limit window.
//
// Usage:
//
//	go run ./cmd/ratebench [--users 5000] [--callers 8] [--limit 25]
//	    [--latency 50ms] [--runs 3] [--seed 1]
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"time"

	"github.com/workflowkit/clerk"
)

// config is what the flags set.
type config struct {
	users   int
	callers int
	limit   int
	latency time.Duration
	runs    int
	seed    int64
}

func main() {
	cfg, err := parseFlags(os.Args[1:])
	if err != nil {
		fmt.Fprintln(os.Stderr, "ratebench:", err)
		os.Exit(2)
	}

	ctx, cancel := context.WithTimeout(context.Background(), time.Hour)
	defer cancel()
	if err := run(ctx, cfg); err != nil {
		fmt.Fprintln(os.Stderr, "ratebench:", err)
		os.Exit(1)
	}
}

func parseFlags(args []string) (config, error) {
	fs := flag.NewFlagSet("ratebench", flag.ContinueOnError)
	var cfg config
	fs.IntVar(&cfg.users, "users", 5000, "users on the test server")
	fs.IntVar(&cfg.callers, "callers", 8, "concurrent callers sharing one client")
	fs.IntVar(&cfg.limit, "limit", 25, "page limit of each caller's walk")
	fs.DurationVar(&cfg.latency, "latency", 50*time.Millisecond,
		"how long the server waits before each answer")
	fs.IntVar(&cfg.runs, "runs", 3, "runs of each variant; the table shows medians")
	fs.Int64Var(&cfg.seed, "seed", 1, "seed of the generated users")
	if err := fs.Parse(args); err != nil {
		return config{}, err
	}

	switch {
	case cfg.users < 1:
		return config{}, errors.New("--users must be at least 1")
	case cfg.callers < 1:
		return config{}, errors.New("--callers must be at least 1")
	case cfg.limit < 1 || cfg.limit > clerk.MaxUsersLimit:
		return config{}, fmt.Errorf("--limit must be from 1 to %d", clerk.MaxUsersLimit)
	case cfg.runs < 1:
		return config{}, errors.New("--runs must be at least 1")
	case cfg.latency < 0:
		return config{}, errors.New("--latency must not be negative; use 0 for none")
	}
	return cfg, nil
}

// run measures both variants, interleaved run by run, and prints the
// report to stdout, with progress on stderr.
func run(ctx context.Context, cfg config) error {
	b, err := newBench(cfg)
	if err != nil {
		return err
	}
	variants := variants()

	for r := range cfg.runs {
		for _, v := range variants {
			s, err := b.measure(ctx, v)
			if err != nil {
				return fmt.Errorf("%s, run %d: %w", v.name, r+1, err)
			}
			v.samples = append(v.samples, s)
			fmt.Fprintf(os.Stderr, "run %d/%d %-10s %7.3fs %4d requests %4d 429s\n",
				r+1, cfg.runs, v.name, s.wall.Seconds(), s.log.Requests, s.log.TooMany)
		}
	}

	return report(os.Stdout, b, variants)
}

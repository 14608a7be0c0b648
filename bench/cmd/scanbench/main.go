// Command scanbench times four ways of reading every user of a large
// Clerk instance, one after another in one process, against the
// in-process clerktest server with Clerk's production rate limit and a
// network-like latency, and prints a markdown table of medians and the
// ratios the library aims for.
//
// The contestants are ScanUsers (parallel windows), Users (one cursor
// walk of 500-user pages), the official SDK's user.List advancing the
// offset by each page, and a raw drain: plain net/http fetching exactly
// the pages ScanUsers fetched, with the same concurrency, bodies discarded
// undecoded, which is the floor a scan cannot beat.
//
// Every run gets a fresh server with the same users (same seed), so each
// starts with a fresh rate-limit window and an empty request log, and no
// run pays for the requests of the one before. The server runs in a child
// process (this program, with --serve), so that the heap and CPU time
// measured here are the client's alone. Runs are interleaved
// (round 1 of each contestant, then round 2, ...) so that a slow minute of
// a noisy machine falls on all contestants alike.
//
// Usage:
//
//	go run ./cmd/scanbench [--users 100000] [--runs 5] [--latency 50ms]
//	    [--concurrency 0] [--sdk-runs 0] [--seed 1] [--diagnose=true]
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"time"

	"github.com/workflowkit/clerk/bench/internal/measure"
)

// config is what the flags set.
type config struct {
	users       int
	runs        int
	sdkRuns     int
	latency     time.Duration
	concurrency int
	seed        int64
	diagnose    bool // add ScanUsers without the client-side limit, and a timeline
	serve       bool // run as the server process of one run (child.go)
}

func main() {
	cfg, err := parseFlags(os.Args[1:])
	if err != nil {
		fmt.Fprintln(os.Stderr, "scanbench:", err)
		os.Exit(2)
	}
	if cfg.serve {
		serveMain(cfg)
		return
	}

	ctx, cancel := context.WithTimeout(context.Background(), time.Hour)
	defer cancel()
	if err := run(ctx, cfg); err != nil {
		fmt.Fprintln(os.Stderr, "scanbench:", err)
		os.Exit(1)
	}
}

func parseFlags(args []string) (config, error) {
	fs := flag.NewFlagSet("scanbench", flag.ContinueOnError)
	var cfg config
	fs.IntVar(&cfg.users, "users", 100_000, "users on the test server")
	fs.IntVar(&cfg.runs, "runs", 5, "runs of each contestant; the table shows medians")
	fs.IntVar(&cfg.sdkRuns, "sdk-runs", 0, "runs of the official SDK (0: as --runs)")
	fs.DurationVar(&cfg.latency, "latency", 50*time.Millisecond,
		"how long the server waits before each answer")
	fs.IntVar(&cfg.concurrency, "concurrency", 0,
		"ScanUsers and raw drain concurrency (0: clerk.DefaultScanConcurrency)")
	fs.Int64Var(&cfg.seed, "seed", 1, "seed of the generated users")
	fs.BoolVar(&cfg.diagnose, "diagnose", true,
		"add a row for ScanUsers without the client-side rate limit, and the "+
			"requests in flight over one more ScanUsers run")
	fs.BoolVar(&cfg.serve, "serve", false,
		"internal: serve the users for one run, as scanbench's child process")
	if err := fs.Parse(args); err != nil {
		return config{}, err
	}

	if cfg.sdkRuns == 0 {
		cfg.sdkRuns = cfg.runs
	}
	switch {
	case cfg.users < 1:
		return config{}, errors.New("--users must be at least 1")
	case cfg.runs < 1 || cfg.sdkRuns < 1:
		return config{}, errors.New("--runs and --sdk-runs must be at least 1")
	case cfg.latency < 0:
		return config{}, errors.New("--latency must not be negative; use 0 for none")
	case cfg.concurrency < 0:
		return config{}, errors.New("--concurrency must not be negative; " +
			"use 0 for the library's default")
	}
	return cfg, nil
}

// run measures every contestant and prints the report to stdout, with
// progress on stderr.
func run(ctx context.Context, cfg config) error {
	b, err := newBench(cfg)
	if err != nil {
		return err
	}
	contestants := b.contestants()
	load := [2]string{measure.LoadAverage()}

	rounds := max(cfg.runs, cfg.sdkRuns)
	for r := range rounds {
		for _, c := range contestants {
			if r >= c.runs {
				continue
			}
			s, err := b.measure(ctx, c)
			if err != nil {
				return fmt.Errorf("%s, run %d: %w", c.name, r+1, err)
			}
			c.samples = append(c.samples, s)
			fmt.Fprintf(os.Stderr, "run %d/%d %-22s %8.3fs %5d requests\n",
				r+1, c.runs, c.name, s.wall.Seconds(), s.log.Requests)
		}
	}

	load[1] = measure.LoadAverage()
	if err := report(os.Stdout, cfg, contestants, load); err != nil {
		return err
	}
	if cfg.diagnose {
		return b.scanTimeline(ctx, os.Stdout)
	}
	return nil
}

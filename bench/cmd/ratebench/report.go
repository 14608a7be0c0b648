package main

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/workflowkit/clerk/bench/internal/measure"
)

// report prints the settings, the slices and the table of medians.
func report(w io.Writer, b *bench, vs []*variant) error {
	cfg := b.cfg
	sizes := make([]string, len(b.slices))
	pages := 0
	for i, s := range b.slices {
		sizes[i] = fmt.Sprint(s.users)
		pages += s.pages(cfg.limit)
	}
	fmt.Fprintf(w, "ratebench: %d users (seed %d) in %d created_at slices (%s users), "+
		"one cursor walk per caller, %d users a page (%d pages at least), one "+
		"client; server limit 100 per 10s, latency %s, a fresh server per run; "+
		"retries up to %d attempts, waits up to %s; medians of %d runs. Load "+
		"average at the end: %s.\n\n", cfg.users, cfg.seed, len(b.slices),
		strings.Join(sizes, ", "), cfg.limit, pages, cfg.latency,
		retryPolicy.MaxAttempts, retryPolicy.MaxWait, cfg.runs, measure.LoadAverage())

	t := measure.NewTable("client-side limit", "runs", "wall median", "wall min–max",
		"requests", "429s", "users", "duplicates", "missing")
	for _, v := range vs {
		ss := v.samples
		lo, hi := measure.Spread(measure.Column(ss, wallOf))
		t.Row(label(v.name), len(ss), secs(medianWall(ss)), secs(lo)+"–"+secs(hi),
			measure.Median(measure.Column(ss, func(s sample) int { return s.log.Requests })),
			measure.Median(measure.Column(ss, func(s sample) int { return s.log.TooMany })),
			measure.Median(measure.Column(ss, func(s sample) int { return s.tally.Yielded })),
			worst(ss, func(s sample) int { return s.tally.Duplicates + s.tally.Unknown }),
			worst(ss, func(s sample) int { return s.missing }))
	}
	if _, err := t.WriteTo(w); err != nil {
		return err
	}

	def, off := medianWall(vs[0].samples), medianWall(vs[1].samples)
	_, err := fmt.Fprintf(w, "\nWall time, limit off ÷ default: %.2f×.\n",
		off.Seconds()/def.Seconds())
	return err
}

func label(name string) string {
	if name == "default" {
		return "default (development: 100 per 10s)"
	}
	return "off: WithRateLimit(0, 0)"
}

func wallOf(s sample) time.Duration { return s.wall }

func medianWall(ss []sample) time.Duration {
	return measure.Median(measure.Column(ss, wallOf))
}

func worst(ss []sample, f func(sample) int) int {
	_, hi := measure.Spread(measure.Column(ss, f))
	return hi
}

func secs(d time.Duration) string { return fmt.Sprintf("%.3fs", d.Seconds()) }

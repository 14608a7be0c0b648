package main

import (
	"fmt"
	"io"
	"time"

	"github.com/workflowkit/clerk/bench/internal/measure"
)

// report prints the settings, the table of medians and the targets.
func report(w io.Writer, cfg config, cs []*contestant, load [2]string) error {
	conc := fmt.Sprint(cfg.concurrency)
	if cfg.concurrency == 0 {
		conc = "default (clerk.DefaultScanConcurrency)"
	}
	fmt.Fprintf(w, "scanbench: %d users (seed %d), latency %s, server rate limit "+
		"1000 per 10s, concurrency %s, a fresh server per run; medians of %d runs "+
		"(official SDK: %d).\n\n", cfg.users, cfg.seed, cfg.latency, conc,
		cfg.runs, cfg.sdkRuns)
	fmt.Fprintf(w, "Load average (1, 5, 15 min) at the start: %s; at the end: %s. "+
		"The server runs in a child process: CPU (user and system time) and "+
		"heap (peak above the post-GC start, and bytes allocated) are the "+
		"client's alone; server CPU is the child's.\n\n", load[0], load[1])

	if _, err := resultTable(cs).WriteTo(w); err != nil {
		return err
	}
	fmt.Fprintln(w)
	_, err := targetTable(cs).WriteTo(w)
	return err
}

func resultTable(cs []*contestant) *measure.Table {
	t := measure.NewTable("contestant", "runs", "wall median", "wall min–max", "CPU", "server CPU",
		"requests", "of which count", "429s", "users", "duplicates", "missing",
		"peak heap MiB", "allocated MiB")
	for _, c := range cs {
		ss := c.samples
		lo, hi := measure.Spread(measure.Column(ss, wallOf))
		users, dups, missing := "—", "—", "—"
		if c.decodes {
			users = fmt.Sprint(measure.Median(measure.Column(ss,
				func(s sample) int { return s.tally.Yielded })))
			dups = fmt.Sprint(worst(ss, func(s sample) int {
				return s.tally.Duplicates + s.tally.Unknown
			}))
			missing = fmt.Sprint(worst(ss, func(s sample) int { return s.missing }))
		}
		t.Row(c.name, len(ss), secs(medianWall(ss)),
			secs(lo)+"–"+secs(hi),
			secs(measure.Median(measure.Column(ss, func(s sample) time.Duration {
				return s.cpu
			}))),
			secs(measure.Median(measure.Column(ss, func(s sample) time.Duration {
				return s.srvCPU
			}))),
			measure.Median(measure.Column(ss, func(s sample) int { return s.log.Requests })),
			measure.Median(measure.Column(ss, func(s sample) int { return s.log.Counts })),
			measure.Median(measure.Column(ss, func(s sample) int { return s.log.TooMany })),
			users, dups, missing,
			fmt.Sprintf("%.1f", measure.MiB(measure.Median(measure.Column(ss,
				func(s sample) uint64 { return s.heap.Peak })))),
			fmt.Sprintf("%.0f", measure.MiB(measure.Median(measure.Column(ss,
				func(s sample) uint64 { return s.heap.Allocated })))),
		)
	}
	return t
}

// targetTable compares the medians with the library's goals.
func targetTable(cs []*contestant) *measure.Table {
	scan, raw, users, sdk := cs[0], cs[1], cs[2], cs[3]
	t := measure.NewTable("target", "measured", "met", "distance")

	var flaws int
	for _, c := range []*contestant{scan, users, sdk} {
		flaws += worst(c.samples, func(s sample) int {
			return s.tally.Duplicates + s.tally.Unknown + s.missing
		})
	}
	t.Row("no duplicates, none missing (ScanUsers, Users, SDK; every run)",
		fmt.Sprintf("%d flaws", flaws), yesNo(flaws == 0), "—")

	r := ratio(scan, raw)
	lo, hi := pairedRange(scan, raw)
	over := medianWall(scan.samples) - time.Duration(1.25*float64(medianWall(raw.samples)))
	t.Row("ScanUsers within 1.25× of the raw drain",
		fmt.Sprintf("%.2f× (runs %.2f–%.2f)", r, lo, hi), yesNo(r <= 1.25),
		distance(r <= 1.25, fmt.Sprintf("%.2f× over; %s too slow", r-1.25, secs(over))))

	r = ratio(sdk, scan)
	need := medianWall(scan.samples) - time.Duration(float64(medianWall(sdk.samples))/10)
	t.Row("ScanUsers at least 10× faster than the SDK", fmt.Sprintf("%.1f×", r),
		yesNo(r >= 10), distance(r >= 10, fmt.Sprintf("%.1f× short; needs %s less",
			10-r, secs(need))))

	r = ratio(sdk, users)
	need = medianWall(users.samples) - time.Duration(float64(medianWall(sdk.samples))/2)
	t.Row("Users at least 2× faster than the SDK", fmt.Sprintf("%.2f×", r),
		yesNo(r >= 2), distance(r >= 2, fmt.Sprintf("%.2f× short; needs %s less",
			2-r, secs(need))))

	t.Row("(for reference) Users ÷ ScanUsers", fmt.Sprintf("%.1f×", ratio(users, scan)),
		"—", "—")
	return t
}

func wallOf(s sample) time.Duration { return s.wall }

func medianWall(ss []sample) time.Duration {
	return measure.Median(measure.Column(ss, wallOf))
}

// ratio is a's median wall time over b's.
func ratio(a, b *contestant) float64 {
	return medianWall(a.samples).Seconds() / medianWall(b.samples).Seconds()
}

// pairedRange is the smallest and largest ratio of a's to b's wall time
// within one round, where both ran minutes apart at most.
func pairedRange(a, b *contestant) (lo, hi float64) {
	n := min(len(a.samples), len(b.samples))
	rs := make([]float64, n)
	for i := range n {
		rs[i] = a.samples[i].wall.Seconds() / b.samples[i].wall.Seconds()
	}
	return measure.Spread(rs)
}

// worst is the largest f over the samples.
func worst(ss []sample, f func(sample) int) int {
	_, hi := measure.Spread(measure.Column(ss, f))
	return hi
}

func secs(d time.Duration) string { return fmt.Sprintf("%.3fs", d.Seconds()) }

func yesNo(ok bool) string {
	if ok {
		return "yes"
	}
	return "**no**"
}

func distance(met bool, gap string) string {
	if met {
		return "—"
	}
	return gap
}

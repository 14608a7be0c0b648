package main

import (
	"fmt"
	"io"
	"os"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"
)

// progress shows on a terminal how many users were written, how fast and
// how long the rest should take. The zero progress is quiet.
type progress struct {
	bar  *progressbar.ProgressBar
	max  int64 // the bar's total; -1 when unknown
	done int64
}

// progressEvery is how often the bar is drawn at most.
const progressEvery = 100 * time.Millisecond

// newProgress draws a bar to w for total users, at most once every
// interval; a total of 0 or less shows the count and rate without a time
// left.
func newProgress(w io.Writer, total int64, description string,
	every time.Duration) *progress {

	max := total
	if max <= 0 {
		max = -1
	}
	bar := progressbar.NewOptions64(max,
		progressbar.OptionSetWriter(w),
		progressbar.OptionSetDescription(description),
		progressbar.OptionSetWidth(30),
		progressbar.OptionShowCount(),
		progressbar.OptionShowIts(),
		progressbar.OptionSetItsString("users"),
		progressbar.OptionSetPredictTime(true),
		progressbar.OptionThrottle(every),
		progressbar.OptionShowElapsedTimeOnFinish(),
		progressbar.OptionOnCompletion(func() { fmt.Fprintln(w) }),
	)
	return &progress{bar: bar, max: max}
}

// add counts n more users written. A total that was too small (users
// created during the export) grows, so that the bar completes only in
// finish.
func (p *progress) add(n int) {
	if p.bar == nil {
		return
	}
	p.done += int64(n)
	if p.max > 0 && p.done >= p.max {
		p.max = p.done + 1
		p.bar.ChangeMax64(p.max)
	}
	p.bar.Add(n)
}

// finish completes the bar after a whole export.
func (p *progress) finish() {
	switch {
	case p.bar == nil:
		return
	case p.done == 0:
		p.bar.Exit() // a full bar would claim users that were not there
		return
	case p.max > 0:
		p.bar.ChangeMax64(p.done)
	}
	p.bar.Finish()
}

// stop leaves the bar where it is, after a failure, and ends its line.
func (p *progress) stop() {
	if p.bar != nil {
		p.bar.Exit()
	}
}

// isTerminal reports whether w is a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

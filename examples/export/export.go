package main

import (
	"context"
	"fmt"
	"io"
	"iter"

	"github.com/workflowkit/clerk"
)

// exporter runs one export with parsed options.
type exporter struct {
	o            *options
	client       *clerk.Client
	params       *clerk.ListUsersParams
	stdout       io.Writer
	stderr       io.Writer
	showProgress bool
	source       string // where the users come from, see source
	flags        string // see fingerprint
	sinceFlags   string // see sinceFingerprint
}

// run exports every matching user, then commits the output and, with
// --since, the new watermark, in that order.
func (e *exporter) run(ctx context.Context) error {
	flags, err := fingerprint(e.o.format, e.o.fields, e.params, e.source)
	if err != nil {
		return err
	}
	e.flags = flags
	inc, wm, err := e.incremental()
	if err != nil {
		return err
	}

	out, from, err := e.open()
	if err != nil {
		return err
	}
	bar := e.progress(ctx, inc, wm, from)
	err = e.write(ctx, out, e.users(ctx, inc, from), from, bar)
	if err == nil {
		if err = out.commit(); err != nil {
			err = fmt.Errorf("finishing the output: %w", err)
		}
	}
	if err != nil {
		bar.stop()
		out.abandon()
		return err
	}
	bar.finish()

	if inc != nil {
		if err := saveWatermark(e.o.since, inc.Watermark(), e.sinceFlags); err != nil {
			return fmt.Errorf("every user was written, but saving %s failed, so the "+
				"next run exports them again: %w", e.o.since, err)
		}
	}
	return nil
}

// incremental prepares the run of --since from its state file, or returns
// nil without --since.
func (e *exporter) incremental() (*clerk.IncrementalRun, clerk.Watermark, error) {
	if e.o.since == "" {
		return nil, clerk.Watermark{}, nil
	}
	flags, err := sinceFingerprint(e.params, e.source)
	if err != nil {
		return nil, clerk.Watermark{}, err
	}
	e.sinceFlags = flags

	wm, err := loadWatermark(e.o.since, clerk.WatermarkField(e.o.sinceField),
		e.o.set["since-field"], flags)
	if err != nil {
		return nil, wm, err
	}
	inc, err := e.client.Incremental(e.params, wm, e.scanOptions())
	return inc, wm, err
}

func (e *exporter) scanOptions() clerk.ScanOptions {
	return clerk.ScanOptions{Concurrency: e.o.concurrency}
}

// open returns the output, and the checkpoint it resumes from, if any.
func (e *exporter) open() (*output, *checkpoint, error) {
	switch {
	case e.o.out == "":
		return toStdout(e.stdout), nil, nil
	case !e.o.resume:
		out, err := createOutput(e.o.out, false)
		return out, nil, err
	}

	cp, found, err := loadCheckpoint(e.o.out)
	if err != nil {
		return nil, nil, err
	}
	if !found {
		out, err := createOutput(e.o.out, true)
		return out, nil, err
	}
	if cp.Flags != e.flags {
		return nil, nil, usagef("%s was made with other --format, --fields or filters, "+
			"or for another Clerk instance; give the flags and environment of the "+
			"interrupted export, or drop --resume to start over", checkpointPath(e.o.out))
	}
	out, err := resumeOutput(e.o.out, cp)
	return out, &cp, err
}

// users returns the users to write: the incremental run's, the ordered
// walk of a resumable export, or a concurrent scan.
func (e *exporter) users(ctx context.Context, inc *clerk.IncrementalRun,
	from *checkpoint) iter.Seq2[clerk.User, error] {

	switch {
	case inc != nil:
		return inc.Users(ctx)
	case e.o.resume:
		return walkFrom(ctx, e.client, e.params, from)
	}
	return e.client.ScanUsers(ctx, e.params, e.scanOptions())
}

// progress returns a bar for the users to come, or a quiet one. Its total
// is counted with the same filters; a count that fails leaves the total
// unknown, and the export reports the failure if it persists.
func (e *exporter) progress(ctx context.Context, inc *clerk.IncrementalRun,
	wm clerk.Watermark, from *checkpoint) *progress {

	if !e.showProgress {
		return &progress{}
	}
	count := e.params
	if inc != nil {
		count = sinceParams(e.params, wm)
	}
	total, err := e.client.CountUsers(ctx, count)
	if err != nil {
		total = -1
	}

	description := "exporting"
	if from != nil {
		total -= from.Rows
		description = fmt.Sprintf("resuming after %d users", from.Rows)
	}
	return newProgress(e.stderr, total, description, progressEvery)
}

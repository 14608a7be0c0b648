package main

import (
	"context"
	"fmt"
	"iter"

	"github.com/workflowkit/clerk"
)

// checkpointWriter writes rows to an output and, when the output is
// resumable, a checkpoint every page.
type checkpointWriter struct {
	rows  *rowWriter
	out   *output
	pos   checkpoint // the last row written
	saved int64      // the rows of the last checkpoint
	page  int64      // rows between checkpoints
}

// write writes a row for each user to out: after the CSV header, or
// after the rows of from when resuming. A resumable output gets a
// checkpoint after every page (--limit rows), and one at its last row
// when the users fail, so that a failed or interrupted export resumes
// where it stopped.
func (e *exporter) write(ctx context.Context, out *output, users iter.Seq2[clerk.User, error],
	from *checkpoint, bar *progress) error {

	w := &checkpointWriter{rows: newRowWriter(out.w, e.o.format, e.o.fields), out: out,
		pos: checkpoint{Flags: e.flags}, page: int64(e.params.LimitValue())}
	if from != nil {
		w.pos, w.saved = *from, from.Rows
	} else if err := w.rows.header(); err != nil {
		return err
	}

	for u, err := range users {
		if err != nil {
			if out.resumable && w.pos.Rows > w.saved && w.save() != nil {
				return e.stopped(ctx, err, w.saved) // the previous checkpoint stands
			}
			return e.stopped(ctx, err, w.pos.Rows)
		}

		if err := w.rows.write(u); err != nil {
			return e.stopped(ctx, fmt.Errorf("writing: %w", err), w.saved)
		}
		w.pos.Rows, w.pos.CreatedAt, w.pos.ID = w.pos.Rows+1, u.CreatedAt, u.ID
		bar.add(1)

		if out.resumable && w.pos.Rows-w.saved >= w.page {
			if err := w.save(); err != nil {
				return e.stopped(ctx, err, w.saved)
			}
		}
	}
	return w.rows.flush()
}

// save makes a checkpoint at the last row written.
func (w *checkpointWriter) save() error {
	if err := w.rows.flush(); err != nil {
		return err
	}
	if err := w.out.saveCheckpoint(w.pos); err != nil {
		return fmt.Errorf("saving the checkpoint: %w", err)
	}
	w.saved = w.pos.Rows
	return nil
}

// stopped explains why an export stopped after written rows, and how to
// go on: for a resumable export, with --resume; for an interrupted one,
// by running it again.
func (e *exporter) stopped(ctx context.Context, err error, written int64) error {
	interrupted := ctx.Err() != nil
	if interrupted {
		err = fmt.Errorf("interrupted (%w)", context.Cause(ctx))
	}
	switch {
	case interrupted && e.o.since != "":
		return fmt.Errorf("%w; run it again: %s is unchanged, so the next run "+
			"exports the same users", err, e.o.since)
	case interrupted && !e.o.resume:
		return fmt.Errorf("%w; run it again; use --resume (with --out FILE) next "+
			"time to continue where it stopped", err)
	case !e.o.resume:
		return err
	}
	return fmt.Errorf("%w; %d users are in %s: run the same command again "+
		"(with --resume) to continue after them", err, written, partialPath(e.o.out))
}

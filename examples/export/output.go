package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// outputBuffer is how many bytes of rows are gathered before a write.
const outputBuffer = 64 << 10

// output is where the rows go: standard output, or FILE.partial, renamed
// to FILE once whole (see the package documentation).
type output struct {
	w         *bufio.Writer
	counter   *countingWriter
	file      *os.File // nil for standard output
	path      string   // FILE; "" for standard output
	resumable bool
}

// countingWriter counts the bytes its writer accepted: after a flush,
// the length of the output file.
type countingWriter struct {
	w io.Writer
	n int64
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

func newOutput(w io.Writer, start int64) *output {
	c := &countingWriter{w: w, n: start}
	return &output{w: bufio.NewWriterSize(c, outputBuffer), counter: c}
}

// toStdout returns an output to w.
func toStdout(w io.Writer) *output { return newOutput(w, 0) }

// createOutput starts FILE.partial empty. It first removes
// FILE.checkpoint, which belongs to an earlier export that this one
// replaces.
func createOutput(path string, resumable bool) (*output, error) {
	if err := removeIfExists(checkpointPath(path)); err != nil {
		return nil, fmt.Errorf("removing the checkpoint of an earlier export: %w", err)
	}
	f, err := os.OpenFile(partialPath(path), os.O_RDWR|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return nil, err
	}

	o := newOutput(f, 0)
	o.file, o.path, o.resumable = f, path, resumable
	return o, nil
}

// resumeOutput reopens FILE.partial where cp says, after checking that
// the file is the one cp was made for, and drops what follows.
func resumeOutput(path string, cp checkpoint) (*output, error) {
	partial := partialPath(path)
	f, err := os.OpenFile(partial, os.O_RDWR, 0)
	if errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("%s exists but %s does not; remove the checkpoint "+
			"to export from the beginning", checkpointPath(path), partial)
	}
	if err != nil {
		return nil, err
	}

	if err := checkPartial(f, cp); err != nil {
		f.Close()
		return nil, fmt.Errorf("%s %w since its checkpoint was made; remove %s to "+
			"export from the beginning", partial, err, checkpointPath(path))
	}
	if err := f.Truncate(cp.Bytes); err != nil {
		f.Close()
		return nil, err
	}
	if _, err := f.Seek(cp.Bytes, io.SeekStart); err != nil {
		f.Close()
		return nil, err
	}

	o := newOutput(f, cp.Bytes)
	o.file, o.path, o.resumable = f, path, true
	return o, nil
}

// checkPartial reports how f differs from what cp says it holds.
func checkPartial(f *os.File, cp checkpoint) error {
	info, err := f.Stat()
	if err != nil {
		return err
	}
	if info.Size() < cp.Bytes {
		return fmt.Errorf("was cut short (%d bytes, the checkpoint says %d)",
			info.Size(), cp.Bytes)
	}
	tail, err := tailHash(f, cp.Bytes)
	if err != nil {
		return err
	}
	if tail != cp.Tail {
		return errors.New("was changed")
	}
	return nil
}

// size returns how many bytes the output holds once flushed.
func (o *output) size() int64 { return o.counter.n + int64(o.w.Buffered()) }

// sync flushes the rows and, for a file, makes them durable.
func (o *output) sync() error {
	if err := o.w.Flush(); err != nil {
		return err
	}
	if o.file == nil {
		return nil
	}
	return o.file.Sync()
}

// saveCheckpoint syncs the output, then records cp, with the output's
// length and hash, as FILE.checkpoint.
func (o *output) saveCheckpoint(cp checkpoint) error {
	if err := o.sync(); err != nil {
		return err
	}

	cp.Version, cp.Bytes = checkpointVersion, o.counter.n
	tail, err := tailHash(o.file, cp.Bytes)
	if err != nil {
		return err
	}
	cp.Tail = tail
	return cp.save(o.path)
}

// commit finishes a whole export: flush, and for a file sync, close,
// remove the checkpoint and rename FILE.partial to FILE, in this order.
func (o *output) commit() error {
	if err := o.sync(); err != nil {
		return err
	}
	if o.file == nil {
		return nil
	}
	if err := o.file.Close(); err != nil {
		return err
	}

	if o.resumable {
		if err := removeIfExists(checkpointPath(o.path)); err != nil {
			return err
		}
	}
	if err := os.Rename(partialPath(o.path), o.path); err != nil {
		return err
	}
	syncDir(filepath.Dir(o.path))
	return nil
}

// abandon ends a failed export: standard output gets the rows written so
// far; FILE.partial is removed unless it is resumable.
func (o *output) abandon() {
	o.w.Flush()
	if o.file == nil {
		return
	}
	o.file.Close()
	if !o.resumable {
		os.Remove(partialPath(o.path))
	}
}

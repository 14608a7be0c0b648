package main

import (
	"errors"
	"os"
	"path/filepath"
)

// writeFileAtomic replaces path with data so that path holds either its
// old content or data, whenever the process dies: data goes to path.tmp,
// which is synced and renamed over path. A path.tmp left by a killed run
// is overwritten by the next.
func writeFileAtomic(path string, data []byte) error {
	tmp := path + ".tmp"
	f, err := os.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return err
	}

	_, err = f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		os.Remove(tmp)
		return err
	}

	syncDir(filepath.Dir(path))
	return nil
}

// removeIfExists removes path; a path that does not exist is no error.
func removeIfExists(path string) error {
	err := os.Remove(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	return err
}

// syncDir makes a rename or removal in dir durable across a power loss.
// It is best effort: some systems (Windows) cannot sync a directory, and
// a process that is merely killed needs no sync at all, since the kernel
// keeps what was written.
func syncDir(dir string) {
	d, err := os.Open(dir)
	if err != nil {
		return
	}
	d.Sync()
	d.Close()
}

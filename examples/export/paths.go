package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// checkOut checks, before anything is fetched, that --out names a file:
// not a directory, not "". --out - means standard output, as no --out.
func (o *options) checkOut() error {
	if o.set["out"] && o.out == "" {
		return usagef("--out is empty; give a file name, or - (or no --out) for " +
			"standard output")
	}
	if o.out == "-" {
		o.out = ""
	}
	if o.out != "" && isDirectory(o.out) {
		return usagef("--out %s is a directory; give a file name", o.out)
	}
	return nil
}

// checkStateDir checks, before anything is fetched, that the --since
// state file can be written: that it is not a directory and that its
// directory exists and is writable. Otherwise the mistake would show only
// after the whole export.
func (o *options) checkStateDir() error {
	if o.since == "" {
		return nil
	}
	if isDirectory(o.since) {
		return usagef("--since %s is a directory; give a state file name", o.since)
	}
	if err := checkWritableDir(filepath.Dir(o.since)); err != nil {
		return usagef("--since %s: %v; give a state file in a writable directory",
			o.since, err)
	}
	return nil
}

// isDirectory reports whether path ends in a separator or names an
// existing directory.
func isDirectory(path string) bool {
	if strings.HasSuffix(path, "/") || strings.HasSuffix(path, string(os.PathSeparator)) {
		return true
	}
	info, err := os.Stat(path)
	return err == nil && info.IsDir()
}

// checkWritableDir reports why a file cannot be created in dir, by
// creating and removing one.
func checkWritableDir(dir string) error {
	info, err := os.Stat(dir)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return fmt.Errorf("directory %s does not exist", dir)
	case err != nil:
		return err
	case !info.IsDir():
		return fmt.Errorf("%s is not a directory", dir)
	}

	f, err := os.CreateTemp(dir, ".export-check-*")
	if err != nil {
		return fmt.Errorf("cannot write in directory %s", dir)
	}
	f.Close()
	return os.Remove(f.Name())
}

package main

import (
	"os"
	"path/filepath"
	"testing"
)

func TestWriteFileAtomicReplaces(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "state.json")
	if err := os.WriteFile(path+".tmp", []byte("left by a killed run, and longer"),
		0o644); err != nil {
		t.Fatal(err)
	}

	for _, content := range []string{"first\n", "second\n"} {
		if err := writeFileAtomic(path, []byte(content)); err != nil {
			t.Fatal(err)
		}
		if got := readFile(t, path); got != content {
			t.Errorf("file holds %q, want %q", got, content)
		}
	}
	if exists(path + ".tmp") {
		t.Error("the temporary file is left")
	}
}

func TestWriteFileAtomicFailureKeepsTheOld(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path := filepath.Join(dir, "state.json")
	if err := writeFileAtomic(path, []byte("old")); err != nil {
		t.Fatal(err)
	}
	// A directory where the temporary file should go makes the write fail.
	if err := os.Mkdir(path+".tmp", 0o755); err != nil {
		t.Fatal(err)
	}
	if err := writeFileAtomic(path, []byte("new")); err == nil {
		t.Fatal("no error")
	}
	if got := readFile(t, path); got != "old" {
		t.Errorf("file holds %q after a failed write", got)
	}
}

package clerk_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false,
	"rewrite the golden files under testdata/ with what the code writes now")

// golden compares got with the file at path, or writes it there under
// -update.
func golden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}

	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v; run go test -run '%s' -update to write it", err, t.Name())
	}
	if diff := cmp.Diff(lines(want), lines(got)); diff != "" {
		t.Errorf("%s differs (-golden +now); if the change is meant, run "+
			"go test -run '%s' -update and review the diff:\n%s", path, t.Name(), diff)
	}
}

func lines(b []byte) []string { return strings.Split(string(b), "\n") }

// goldenStale fails when dir holds a golden file that no case wrote, so
// that renamed cases do not leave old files behind. Under -update it
// removes them.
func goldenStale(t *testing.T, dir string, written map[string]bool) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		path := filepath.Join(dir, e.Name())
		if written[path] || e.IsDir() {
			continue
		}
		if *update {
			_ = os.Remove(path)
			continue
		}
		t.Errorf("%s belongs to no test case; run go test -run '%s' -update", path, t.Name())
	}
}

// indentRecord writes JSON with one member per line, keys in order.
func indentRecord(t *testing.T, data []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := jsonIndent(&buf, data); err != nil {
		t.Fatal(err)
	}
	buf.WriteByte('\n')
	return buf.Bytes()
}

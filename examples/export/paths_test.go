package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestBadPathsExitTwoBeforeExporting(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	readOnly := filepath.Join(dir, "readonly")
	if err := os.Mkdir(readOnly, 0o555); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"--out", dir}, "is a directory; give a file name"},
		{[]string{"--out", filepath.Join(dir, "new") + "/"}, "is a directory"},
		{[]string{"--out", ""}, "--out is empty"},
		{[]string{"--resume", "--out", "-"}, "needs --out"},
		{[]string{"--since", dir}, "is a directory"},
		{[]string{"--since", filepath.Join(dir, "missing", "s.json")}, "does not exist"},
	}
	if os.Geteuid() != 0 { // root writes anywhere
		tests = append(tests, struct {
			args []string
			want string
		}{[]string{"--since", filepath.Join(readOnly, "s.json")}, "cannot write"})
	}
	for _, tt := range tests {
		code, stdout, stderr := export(t, noEnv, tt.args...)
		if code != exitUsage || !strings.Contains(stderr, tt.want) {
			t.Errorf("%q: exit %d, stderr %q; want %d and %q",
				tt.args, code, stderr, exitUsage, tt.want)
		}
		if stdout != "" || strings.Contains(stderr, "embedded test server") {
			t.Errorf("%q: exported before refusing", tt.args)
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("bad paths left %v in %s", entries, dir)
	}
}

func TestOutDashWritesStandardOutput(t *testing.T) {
	t.Parallel()
	out := mustExport(t, noEnv, "--out", "-", "--fields", "id")
	if _, rows := parseCSV(t, out); len(rows) == 0 {
		t.Errorf("--out - wrote %q to standard output, want the demo users", out)
	}
}

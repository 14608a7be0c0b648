package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"github.com/workflowkit/clerk/clerktest"
)

// buildProgram builds this program into a temporary directory.
func buildProgram(t *testing.T) string {
	t.Helper()
	goTool, err := exec.LookPath("go")
	if err != nil {
		goTool = filepath.Join(runtime.GOROOT(), "bin", "go")
	}
	bin := filepath.Join(t.TempDir(), "export")
	cmd := exec.Command(goTool, "build", "-o", bin, ".")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// TestResumeAfterKill kills the real program with SIGKILL several times
// during a resumable export, at growing sizes of its output, resumes it
// each time, and checks that the file it finally writes is the one an
// uninterrupted export writes, byte for byte: every user exactly once,
// in order, only whole rows. Pages of 500 rows are larger than the output
// buffer, so kills leave rows after the checkpoint, often half a row.
func TestResumeAfterKill(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("SIGKILL is a Unix signal")
	}
	t.Parallel()
	const users = 20000
	bin := buildProgram(t)
	srv := newServer(t, clerktest.WithGeneratedUsers(users, 31),
		clerktest.WithLatency(3*time.Millisecond))
	want := reference(t, srv)

	out := filepath.Join(t.TempDir(), "users.csv")
	kills, resumed, torn := 0, 0, 0
	for _, fraction := range []float64{0.05, 0.3, 0.31, 0.6, 0.9} {
		at := int64(fraction * float64(len(want)))
		if exists(checkpointPath(out)) {
			resumed++
		}
		if !runUntil(t, bin, srv, out, at) {
			continue
		}
		kills++
		if info, err := os.Stat(partialPath(out)); err == nil && exists(checkpointPath(out)) &&
			info.Size() > readCheckpoint(t, out).Bytes {
			torn++ // rows after the checkpoint, maybe half of one
		}
	}
	t.Logf("%d kills, %d of them after a checkpoint, %d with rows after the checkpoint",
		kills, resumed, torn)
	if kills < 3 || resumed < 2 || torn < 1 {
		t.Fatal("too few kills in the middle of the export: the test proves little; " +
			"slow the server down")
	}

	if done := runUntil(t, bin, srv, out, -1); done {
		t.Fatal("the last run was killed")
	}
	if got := readFile(t, out); got != want {
		t.Errorf("after %d kills the export differs from an uninterrupted one "+
			"(%d and %d bytes)", kills, len(got), len(want))
	}
}

// runUntil runs the program with --resume against srv and, when size is
// not negative, kills it with SIGKILL as soon as the partial file holds
// more than size bytes. It reports whether it killed the program; a
// program that ends by itself must have succeeded.
func runUntil(t *testing.T, bin string, srv *clerktest.Server, out string, size int64) bool {
	t.Helper()
	cmd := exec.Command(bin, "--resume", "--out", out)
	cmd.Env = append(os.Environ(), "CLERK_SECRET_KEY="+srv.SecretKey(),
		"CLERK_API_URL="+srv.URL)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()

	for tick := time.NewTicker(time.Millisecond); ; {
		select {
		case err := <-exited:
			tick.Stop()
			if err != nil {
				t.Fatalf("the program failed: %v\n%s", err, stderr.String())
			}
			return false
		case <-tick.C:
		}
		if info, err := os.Stat(partialPath(out)); size >= 0 && err == nil &&
			info.Size() > size {
			cmd.Process.Kill()
			<-exited
			tick.Stop()
			return true
		}
	}
}

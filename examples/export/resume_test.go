package main

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/workflowkit/clerk/clerktest"
)

// failAfter makes the server fail the request after the next pages
// requests with a 400, which the client does not retry.
func failAfter(srv *clerktest.Server, pages int) {
	faults := make([]clerktest.Fault, pages+1)
	faults[pages] = clerktest.Fault{Kind: clerktest.FaultStatus, Status: 400}
	srv.InjectFaults(faults...)
}

// readCheckpoint reads the checkpoint of the export to out.
func readCheckpoint(t *testing.T, out string) checkpoint {
	t.Helper()
	var cp checkpoint
	if err := json.Unmarshal([]byte(readFile(t, checkpointPath(out))), &cp); err != nil {
		t.Fatal(err)
	}
	return cp
}

// interrupted runs a resumable export to out that fails after pages pages
// of 100 users, checks what it leaves, and returns its checkpoint.
func interrupted(t *testing.T, srv *clerktest.Server, out string, pages int,
	extra ...string) checkpoint {

	t.Helper()
	failAfter(srv, pages)
	args := append([]string{"--resume", "--out", out, "--limit", "100"}, extra...)
	code, _, errOut := export(t, envFor(srv), args...)
	if code != exitFailed || !strings.Contains(errOut, "--resume") {
		t.Fatalf("exit %d, want %d with a hint to resume; stderr:\n%s", code, exitFailed,
			errOut)
	}
	if exists(out) {
		t.Fatal("an interrupted export created its output file")
	}

	cp := readCheckpoint(t, out)
	if want := int64(pages * 100); cp.Rows != want {
		t.Fatalf("checkpoint after %d rows, want %d", cp.Rows, want)
	}
	if info, err := os.Stat(partialPath(out)); err != nil || info.Size() != cp.Bytes {
		t.Fatalf("%s: %v, %d bytes, the checkpoint says %d", partialPath(out), err,
			info.Size(), cp.Bytes)
	}
	return cp
}

// reference exports the server's users without interruption, as resumed
// exports must end up.
func reference(t *testing.T, srv *clerktest.Server, extra ...string) string {
	t.Helper()
	ref := filepath.Join(t.TempDir(), "reference.csv")
	mustExport(t, envFor(srv), append([]string{"--resume", "--out", ref}, extra...)...)
	return readFile(t, ref)
}

func TestResumeDropsATornRowAndContinues(t *testing.T) {
	t.Parallel()
	// Interrupted halfway, and after the last page, where nothing
	// written after the resume would cover the torn row.
	for _, users := range []int{5000, 1000} {
		srv := newServer(t, clerktest.WithGeneratedUsers(users, 21))
		out := filepath.Join(t.TempDir(), "users.csv")
		cp := interrupted(t, srv, out, 10)

		// A row cut short by a kill after the checkpoint.
		f, err := os.OpenFile(partialPath(out), os.O_WRONLY|os.O_APPEND, 0)
		if err != nil {
			t.Fatal(err)
		}
		f.WriteString("user_torn,half.a.row@exam")
		f.Close()

		before := srv.Hits()
		mustExport(t, envFor(srv), "--resume", "--out", out, "--limit", "100")
		first := srv.Requests()[before]
		if got := first.Query.Get("starting_after"); got != cp.ID {
			t.Errorf("%d users: the resumed walk started after %q, want the "+
				"checkpoint's %q", users, got, cp.ID)
		}
		if got, want := readFile(t, out), reference(t, srv); got != want {
			t.Errorf("%d users: the resumed export differs from an uninterrupted one "+
				"(%d and %d bytes)", users, len(got), len(want))
		}
		if exists(partialPath(out)) || exists(checkpointPath(out)) {
			t.Error("a finished export left its .partial or .checkpoint file")
		}
	}
}

func TestResumeAfterTheCheckpointUserWasDeleted(t *testing.T) {
	t.Parallel()
	srv := newServer(t, clerktest.WithGeneratedUsers(5000, 22))
	out := filepath.Join(t.TempDir(), "users.jsonl")
	cp := interrupted(t, srv, out, 4, "--format", "jsonl")

	// The generated users' bulk import puts hundreds of users in each of
	// its milliseconds: the resumed walk must skip those already written.
	shared := 0
	for _, u := range clerktest.GenerateUsers(5000, 22) {
		if u.CreatedAt == cp.CreatedAt && u.ID != cp.ID {
			shared++
		}
	}
	if shared == 0 {
		t.Fatal("the checkpoint's millisecond holds one user: the test proves little")
	}

	if !srv.DeleteUser(cp.ID) {
		t.Fatalf("the checkpoint's user %s is not on the server", cp.ID)
	}
	mustExport(t, envFor(srv), "--resume", "--out", out, "--limit", "100", "--format", "jsonl")

	// The deleted user stays in the rows written before; the reference
	// lacks it.
	want := reference(t, srv, "--format", "jsonl")
	got := readFile(t, out)
	lines := strings.SplitAfter(got, "\n")
	deleted := cp.Rows - 1
	if !strings.Contains(lines[deleted], cp.ID) {
		t.Fatalf("row %d is not the checkpoint's user: %s", cp.Rows, lines[deleted])
	}
	lines = append(lines[:deleted], lines[deleted+1:]...)
	if strings.Join(lines, "") != want {
		t.Error("the resumed export differs from an uninterrupted one, besides the " +
			"deleted user")
	}
}

func TestResumeRefusesOtherFlags(t *testing.T) {
	t.Parallel()
	srv := newServer(t, clerktest.WithGeneratedUsers(1000, 23))
	out := filepath.Join(t.TempDir(), "users.csv")
	interrupted(t, srv, out, 2)
	partial := readFile(t, partialPath(out))

	for _, extra := range [][]string{{"--fields", "id"}, {"--format", "jsonl"},
		{"--banned"}} {
		args := append([]string{"--resume", "--out", out}, extra...)
		code, _, errOut := export(t, envFor(srv), args...)
		if code != exitUsage || !strings.Contains(errOut, "other --format, --fields") {
			t.Errorf("%v: exit %d, stderr %q", extra, code, errOut)
		}
	}
	other := newServer(t, clerktest.WithGeneratedUsers(1000, 23))
	code, _, errOut := export(t, envFor(other), "--resume", "--out", out)
	if code != exitUsage || !strings.Contains(errOut, "another Clerk instance") {
		t.Errorf("another server: exit %d, stderr %q", code, errOut)
	}
	if readFile(t, partialPath(out)) != partial {
		t.Error("a refused resume changed the partial file")
	}
}

func TestResumeRefusesAChangedFile(t *testing.T) {
	t.Parallel()
	srv := newServer(t, clerktest.WithGeneratedUsers(1000, 24))
	dir := t.TempDir()
	tests := []struct {
		name   string
		change func(data []byte) []byte
		want   string
	}{
		{"cut short", func(d []byte) []byte { return d[:len(d)-10] }, "cut short"},
		{"edited", func(d []byte) []byte {
			d[len(d)-20] ^= 1
			return d
		}, "was changed"},
	}
	for _, tt := range tests {
		out := filepath.Join(dir, strings.ReplaceAll(tt.name, " ", "-")+".csv")
		interrupted(t, srv, out, 2)
		data := tt.change([]byte(readFile(t, partialPath(out))))
		if err := os.WriteFile(partialPath(out), data, 0o644); err != nil {
			t.Fatal(err)
		}

		code, _, errOut := export(t, envFor(srv), "--resume", "--out", out)
		if code != exitFailed || !strings.Contains(errOut, tt.want) ||
			!strings.Contains(errOut, "remove "+checkpointPath(out)) {
			t.Errorf("%s: exit %d, stderr %q", tt.name, code, errOut)
		}
	}
}

func TestExportWithoutResumeDropsTheCheckpoint(t *testing.T) {
	t.Parallel()
	srv := newServer(t, clerktest.WithGeneratedUsers(1000, 25))
	out := filepath.Join(t.TempDir(), "users.csv")
	interrupted(t, srv, out, 3)

	mustExport(t, envFor(srv), "--out", out)
	if exists(checkpointPath(out)) || exists(partialPath(out)) {
		t.Fatal("an export without --resume kept the checkpoint of an earlier one")
	}
	header, rows := parseCSV(t, readFile(t, out))
	checkRows(t, header, rows, clerktest.GenerateUsers(1000, 25))
}

func TestFailedExportKeepsTheOldFile(t *testing.T) {
	t.Parallel()
	srv := newServer(t, clerktest.WithGeneratedUsers(1000, 26))
	out := filepath.Join(t.TempDir(), "users.csv")
	if err := os.WriteFile(out, []byte("the previous export\n"), 0o644); err != nil {
		t.Fatal(err)
	}

	failAfter(srv, 3)
	code, _, errOut := export(t, envFor(srv), "--out", out, "--concurrency", "1")
	if code != exitFailed || !strings.Contains(errOut, "400") {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	if got := readFile(t, out); got != "the previous export\n" {
		t.Errorf("a failed export replaced the file with %d bytes", len(got))
	}
	if exists(partialPath(out)) || exists(checkpointPath(out)) {
		t.Error("a failed export without --resume left files behind")
	}
}

func TestResumeWithoutCheckpointStartsOver(t *testing.T) {
	t.Parallel()
	srv := newServer(t, clerktest.WithGeneratedUsers(800, 27))
	out := filepath.Join(t.TempDir(), "users.csv")
	if err := os.WriteFile(partialPath(out), []byte("left by a killed run"), 0o644); err != nil {
		t.Fatal(err)
	}

	mustExport(t, envFor(srv), "--resume", "--out", out)
	if got, want := readFile(t, out), reference(t, srv); got != want {
		t.Error("a resumable export without checkpoint kept bytes of an earlier file")
	}
}

func TestInterruptSavesACheckpointAtTheLastRow(t *testing.T) {
	t.Parallel()
	srv := newServer(t, clerktest.WithGeneratedUsers(3000, 28),
		clerktest.WithLatency(5*time.Millisecond))
	out := filepath.Join(t.TempDir(), "users.csv")

	// Interrupt once a few pages are written.
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go func() {
		for srv.Hits() < 5 && ctx.Err() == nil {
			time.Sleep(time.Millisecond)
		}
		cancel()
	}()
	code, _, errOut := exportContext(ctx, t, envFor(srv), "--resume", "--out", out,
		"--limit", "100")
	if code != exitFailed || !strings.Contains(errOut, "interrupted") ||
		!strings.Contains(errOut, "--resume") {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}

	cp := readCheckpoint(t, out)
	partial := readFile(t, partialPath(out))
	if int64(len(partial)) != cp.Bytes || int64(strings.Count(partial, "\n")-1) != cp.Rows {
		t.Errorf("the checkpoint (%d rows, %d bytes) is not at the last row of %d bytes",
			cp.Rows, cp.Bytes, len(partial))
	}
	mustExport(t, envFor(srv), "--resume", "--out", out, "--limit", "100")
	if got, want := readFile(t, out), reference(t, srv); got != want {
		t.Error("the resumed export differs from an uninterrupted one")
	}
}

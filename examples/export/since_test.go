package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/workflowkit/clerk"
	"github.com/workflowkit/clerk/clerktest"
)

// readWatermark reads a state file of --since.
func readWatermark(t *testing.T, path string) clerk.Watermark {
	t.Helper()
	var wm clerk.Watermark
	if err := json.Unmarshal([]byte(readFile(t, path)), &wm); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return wm
}

// idsOf returns the id column of CSV output with only that column.
func idsOf(t *testing.T, out string) []string {
	t.Helper()
	header, rows := parseCSV(t, out)
	if !slices.Equal(header, []string{"id"}) {
		t.Fatalf("header %v, want [id]", header)
	}
	ids := make([]string, len(rows))
	for i, row := range rows {
		ids[i] = row[0]
	}
	sort.Strings(ids)
	return ids
}

func TestSinceExportsOnlyNewUsers(t *testing.T) {
	t.Parallel()
	const n = 4000
	srv := newServer(t, clerktest.WithGeneratedUsers(n, 11))
	state := filepath.Join(t.TempDir(), "state.json")
	args := []string{"--since", state, "--fields", "id"}

	// The first run has no state: every user.
	all, last, newest := createdLast(clerktest.GenerateUsers(n, 11))
	if got := idsOf(t, mustExport(t, envFor(srv), args...)); !slices.Equal(got, all) {
		t.Fatalf("the first run wrote %d users, want all %d", len(got), n)
	}
	wm := readWatermark(t, state)
	want := clerk.Watermark{Field: clerk.WatermarkCreatedAt, Millis: last, IDs: newest}
	if wm.Field != want.Field || wm.Millis != want.Millis || !slices.Equal(wm.IDs, want.IDs) {
		t.Fatalf("state after the first run %+v, want %+v", wm, want)
	}

	// New users: one in the watermark's own millisecond, two later.
	added := []clerk.User{newUser("user_samemillisecond", last),
		newUser("user_onesecondlater", last+1000), newUser("user_twosecondslater", last+2000)}
	for _, u := range added {
		srv.AddUser(u)
	}
	got := idsOf(t, mustExport(t, envFor(srv), args...))
	if want := []string{added[1].ID, added[0].ID, added[2].ID}; !slices.Equal(got, want) {
		t.Fatalf("the second run wrote %v, want exactly the new users %v", got, want)
	}
	wm = readWatermark(t, state)
	if wm.Millis != last+2000 || !slices.Equal(wm.IDs, []string{added[2].ID}) {
		t.Fatalf("state after the second run %+v, want %d [%s]", wm, last+2000, added[2].ID)
	}

	// Nothing new: no rows, and the state stays.
	if got := idsOf(t, mustExport(t, envFor(srv), args...)); len(got) != 0 {
		t.Fatalf("a run with nothing new wrote %v", got)
	}
	if again := readWatermark(t, state); again.Millis != wm.Millis {
		t.Errorf("a run with nothing new moved the state from %d to %d",
			wm.Millis, again.Millis)
	}
}

// createdLast returns the sorted ids of users, the latest creation time
// and the sorted ids of the users created then.
func createdLast(users []clerk.User) (all []string, last int64, newest []string) {
	for _, u := range users {
		all = append(all, u.ID)
		if u.CreatedAt > last {
			last, newest = u.CreatedAt, nil
		}
		if u.CreatedAt == last {
			newest = append(newest, u.ID)
		}
	}
	sort.Strings(all)
	sort.Strings(newest)
	return all, last, newest
}

// newUser returns a user with an email address, created at ms.
func newUser(id string, ms int64) clerk.User {
	email := id + "@example.com"
	emailID := "idn_" + strings.TrimPrefix(id, "user_")
	return clerk.User{
		ID: id, Object: "user", CreatedAt: ms, UpdatedAt: ms,
		PrimaryEmailAddressID: &emailID,
		EmailAddresses: []clerk.EmailAddress{{ID: emailID, Object: "email_address",
			EmailAddress: email}},
	}
}

func TestSinceKeepsStateWhenTheExportFails(t *testing.T) {
	t.Parallel()
	srv := newServer(t, clerktest.WithGeneratedUsers(500, 12))
	dir := t.TempDir()
	state, out := filepath.Join(dir, "state.json"), filepath.Join(dir, "users.csv")
	mustExport(t, envFor(srv), "--since", state, "--out", out)
	before := readFile(t, state)

	srv.AddUser(newUser("user_addedbeforethefailure", 1<<42))
	srv.InjectFaults(clerktest.Fault{Kind: clerktest.FaultStatus, Status: 400})
	code, _, errOut := export(t, envFor(srv), "--since", state, "--out", out)
	if code != exitFailed {
		t.Fatalf("exit %d, want %d; stderr:\n%s", code, exitFailed, errOut)
	}
	if after := readFile(t, state); after != before {
		t.Errorf("a failed run changed the state:\n%s\nto\n%s", before, after)
	}
	if exists(partialPath(out)) {
		t.Error("a failed run left its .partial file")
	}

	// The next run exports the user the failed one did not.
	mustExport(t, envFor(srv), "--since", state, "--out", out, "--fields", "id")
	if got := idsOf(t, readFile(t, out)); !slices.Equal(got,
		[]string{"user_addedbeforethefailure"}) {
		t.Errorf("the run after the failure wrote %v", got)
	}
}

func TestSinceFollowsOtherFields(t *testing.T) {
	t.Parallel()
	srv := newServer(t, clerktest.WithGeneratedUsers(1000, 13))
	state := filepath.Join(t.TempDir(), "state.json")
	args := []string{"--since", state, "--since-field", "last_sign_in_at", "--fields", "id"}

	// The first run has no watermark: every user, also those who never
	// signed in. The watermark is then the latest sign-in.
	if got := idsOf(t, mustExport(t, envFor(srv), args...)); len(got) != 1000 {
		t.Errorf("the first run wrote %d users, want all 1000", len(got))
	}
	var latest int64
	for _, u := range clerktest.GenerateUsers(1000, 13) {
		if u.LastSignInAt != nil && *u.LastSignInAt > latest {
			latest = *u.LastSignInAt
		}
	}
	wm := readWatermark(t, state)
	if wm.Field != clerk.WatermarkLastSignInAt || wm.Millis != latest {
		t.Errorf("state %+v, want last_sign_in_at at %d", wm, latest)
	}

	// Nobody signed in since: nothing, not even those who never did.
	if got := idsOf(t, mustExport(t, envFor(srv), args...)); len(got) != 0 {
		t.Errorf("the second run wrote %d users, want none", len(got))
	}

	code, _, errOut := export(t, envFor(srv), "--since", state, "--since-field",
		"created_at")
	if code != exitUsage || !strings.Contains(errOut, "follows last_sign_in_at") {
		t.Errorf("another --since-field: exit %d, stderr %q", code, errOut)
	}
}

func TestSinceRefusesABrokenStateFile(t *testing.T) {
	t.Parallel()
	srv := newServer(t, clerktest.WithGeneratedUsers(10, 14))
	state := filepath.Join(t.TempDir(), "state.json")
	if err := os.WriteFile(state, []byte("{not json"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errOut := export(t, envFor(srv), "--since", state)
	if code != exitFailed || !strings.Contains(errOut, "remove it to export every user") {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
}

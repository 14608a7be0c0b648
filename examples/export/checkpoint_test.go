package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/workflowkit/clerk"
)

func TestCheckpointAfterOrdersByTimeThenID(t *testing.T) {
	t.Parallel()
	cp := checkpoint{CreatedAt: 1000, ID: "user_m"}
	tests := []struct {
		at   int64
		id   string
		want bool
	}{
		{999, "user_z", false},
		{1000, "user_a", false},
		{1000, "user_m", false},
		{1000, "user_n", true},
		{1001, "user_a", true},
	}
	for _, tt := range tests {
		if got := cp.after(&clerk.User{ID: tt.id, CreatedAt: tt.at}); got != tt.want {
			t.Errorf("(%d, %s) after (1000, user_m) = %v, want %v", tt.at, tt.id, got, tt.want)
		}
	}
}

func TestLoadCheckpointRefusesWhatItDidNotWrite(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	out := filepath.Join(dir, "users.csv")
	if _, found, err := loadCheckpoint(out); found || err != nil {
		t.Fatalf("no checkpoint: found %v, error %v", found, err)
	}

	good := checkpoint{Version: checkpointVersion, Flags: "f", Bytes: 10, Rows: 1,
		CreatedAt: 5, ID: "user_1", Tail: "t"}
	if err := good.save(out); err != nil {
		t.Fatal(err)
	}
	if got, found, err := loadCheckpoint(out); !found || err != nil || got != good {
		t.Fatalf("loaded %+v, %v, %v; want %+v", got, found, err, good)
	}

	for name, text := range map[string]string{
		"not JSON":      "{",
		"other version": `{"version":2,"flags":"f","bytes":10,"rows":1,"id":"u","tail":"t"}`,
		"no id":         `{"version":1,"flags":"f","bytes":10,"rows":1,"tail":"t"}`,
		"no bytes":      `{"version":1,"flags":"f","rows":1,"id":"u","tail":"t"}`,
	} {
		if err := os.WriteFile(checkpointPath(out), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		_, _, err := loadCheckpoint(out)
		if err == nil || !strings.Contains(err.Error(), "remove it") {
			t.Errorf("%s: error %v", name, err)
		}
	}
}

func TestFingerprintCoversWhatChangesRows(t *testing.T) {
	t.Parallel()
	base := func() *clerk.ListUsersParams { return clerk.NewListUsersParams().Limit(500) }
	fp := func(format string, fields []string, p *clerk.ListUsersParams,
		source string) string {

		f, err := fingerprint(format, fields, p, source)
		if err != nil {
			t.Fatal(err)
		}
		return f
	}
	fields := []string{"id", "banned"}
	want := fp("csv", fields, base(), "s")

	if got := fp("csv", fields, base().Limit(7), "s"); got != want {
		t.Error("the page size changed the fingerprint")
	}
	for name, got := range map[string]string{
		"format":       fp("jsonl", fields, base(), "s"),
		"fields":       fp("csv", []string{"id"}, base(), "s"),
		"field order":  fp("csv", []string{"banned", "id"}, base(), "s"),
		"filters":      fp("csv", fields, base().Banned(true), "s"),
		"other source": fp("csv", fields, base(), "t"),
	} {
		if got == want {
			t.Errorf("another %s gives the same fingerprint", name)
		}
	}
}

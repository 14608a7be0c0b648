package clerk_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/workflowkit/clerk"
	"github.com/workflowkit/clerk/clerktest"
)

func jsonIndent(buf *bytes.Buffer, data []byte) error { return json.Indent(buf, data, "", "  ") }

// TestFlattenGoldenDemoUsers pins the record of every demo user, one file
// each, named by position and handle.
func TestFlattenGoldenDemoUsers(t *testing.T) {
	dir := filepath.Join("testdata", "flatten", "demo")
	written := map[string]bool{}
	for i, u := range clerktest.DemoUsers() {
		rec := clerk.Flatten(u)
		assertUniqueKeys(t, rec)
		checkOracle(t, u.ID, u, rec)

		data, err := json.Marshal(rec)
		if err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(dir, fmt.Sprintf("%02d-%s.json", i, handle(u)))
		written[path] = true
		golden(t, path, indentRecord(t, data))
	}
	goldenStale(t, dir, written)
}

// TestFlattenGoldenRealWorld pins the record of users shaped as Clerk sent
// them at one time or another, read from testdata/flatten/input.
func TestFlattenGoldenRealWorld(t *testing.T) {
	inputs, err := filepath.Glob(filepath.Join("testdata", "flatten", "input", "*.json"))
	if err != nil || len(inputs) == 0 {
		t.Fatalf("no inputs: %v", err)
	}

	written := map[string]bool{}
	for _, in := range inputs {
		raw, err := os.ReadFile(in)
		if err != nil {
			t.Fatal(err)
		}
		rec := clerk.Flatten(decodeUser(t, string(raw)))
		assertUniqueKeys(t, rec)

		data, _ := json.Marshal(rec)
		path := filepath.Join("testdata", "flatten", "golden", filepath.Base(in))
		written[path] = true
		golden(t, path, indentRecord(t, data))
	}
	goldenStale(t, filepath.Join("testdata", "flatten", "golden"), written)
}

// TestFlattenGoldenBounds pins how cuts look: metadata too deep, too many
// values and too long a text, together.
func TestFlattenGoldenBounds(t *testing.T) {
	deep := strings.Repeat(`{"level":`, clerk.FlattenMaxDepth+2) + `"bottom"` +
		strings.Repeat(`}`, clerk.FlattenMaxDepth+2)
	many := "[" + strings.Repeat(`"v",`, clerk.FlattenMaxValues+20) + `"v"]`
	long := strings.Repeat("abcdefgh", clerk.FlattenMaxValueBytes/8) + "ü tail"
	u := decodeUser(t, `{"id":"user_bounds","public_metadata":{"deep":`+deep+
		`,"note":"`+long+`"},"private_metadata":{"many":`+many+`}}`)

	rec := clerk.Flatten(u)
	assertUniqueKeys(t, rec)
	var summary bytes.Buffer
	for _, f := range rec.Fields() {
		if f.Key == "flatten_truncated" {
			fmt.Fprintf(&summary, "%s =\n  %s\n", f.Key,
				strings.ReplaceAll(f.Value.String(), "; ", ";\n  "))
			continue
		}
		v, _ := json.Marshal(f.Value)
		if len(v) > 80 {
			v = append(v[:60:60], fmt.Sprintf("… (%d bytes)", len(v))...)
		}
		last := fmt.Sprintf("private_metadata.many.%d", clerk.FlattenMaxValues-1)
		if strings.HasPrefix(f.Key, "private_metadata.many.") &&
			f.Key != "private_metadata.many.0" && f.Key != last {
			continue
		}
		fmt.Fprintf(&summary, "%s = %s\n", f.Key, v)
	}
	golden(t, filepath.Join("testdata", "flatten", "bounds.txt"), summary.Bytes())
}

// checkOracle requires rec to hold exactly what the user's JSON encoding
// holds, apart from the keys Flatten makes up.
func checkOracle(t *testing.T, name string, u clerk.User, rec clerk.Record) {
	t.Helper()
	var got []clerk.Field
	for _, f := range rec.Fields() {
		if !clerk.MadeUp(f.Key) {
			got = append(got, f)
		}
	}
	want := clerk.FlattenViaJSON(t, u)
	if diff := cmp.Diff(want, got, cmp.Comparer(sameValue)); diff != "" {
		t.Errorf("%s: Flatten differs from the encoding (-json +Flatten):\n%s", name, diff)
	}
}

func sameValue(a, b clerk.Value) bool { return a.Kind() == b.Kind() && a.String() == b.String() }

var notHandle = regexp.MustCompile(`[^a-z0-9]+`)

// handle names a demo user for its golden file: the username, else the
// local part of the primary email, else the id.
func handle(u clerk.User) string {
	name := u.ID
	if u.Username != nil {
		name = *u.Username
	} else if e := u.PrimaryEmailAddress(); e != "" {
		name, _, _ = strings.Cut(e, "@")
	}
	return strings.Trim(notHandle.ReplaceAllString(strings.ToLower(name), "-"), "-")
}

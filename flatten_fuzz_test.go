package clerk_test

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/workflowkit/clerk"
	"github.com/workflowkit/clerk/clerktest"
)

// FuzzFlatten flattens a demo user whose metadata is arbitrary bytes, set
// in Go (so possibly not JSON at all) and decoded as metadata and as a
// member Clerk added later. Flatten must not panic; keys must be unique;
// no text may exceed FlattenMaxValueBytes; the record and its JSON must be
// the same every time.
func FuzzFlatten(f *testing.F) {
	for _, seed := range []string{
		`{}`, `null`, `"text"`, `[1,[2,[3]]]`, `{"plan":{"tier":"pro"},"plan.tier":"free"}`,
		`{"a":1,"a":{"b":2}}`, `{"":{"":""}}`, `{"a\\.b":{"c\\":1}}`, `{"x":1e400}`,
		`{"full_name":1,"created_at_rfc3339":2}`, `{"a":`, `{"\ud800":"\udfff"}`,
		`[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]`,
	} {
		f.Add([]byte(seed))
	}
	base := clerktest.DemoUsers()[0]

	f.Fuzz(func(t *testing.T, meta []byte) {
		u := base
		u.PublicMetadata = clerk.Metadata(meta)
		checkFlatten(t, u)

		var decoded clerk.User
		doc := `{"id":"user_fuzz","fuzz":` + string(meta) + `,"private_metadata":` +
			string(meta) + `}`
		if json.Unmarshal([]byte(doc), &decoded) == nil {
			checkFlatten(t, decoded)
		}
	})
}

func checkFlatten(t *testing.T, u clerk.User) {
	t.Helper()
	rec := clerk.Flatten(u)
	assertUniqueKeys(t, rec)

	for _, f := range rec.Fields() {
		if n := len(f.Value.String()); n > clerk.FlattenMaxValueBytes {
			t.Fatalf("%s holds %d bytes", f.Key, n)
		}
	}

	a, err := json.Marshal(rec)
	if err != nil || !json.Valid(a) {
		t.Fatalf("record JSON %q: %v", a, err)
	}
	b, _ := json.Marshal(clerk.Flatten(u))
	if !bytes.Equal(a, b) {
		t.Fatalf("two runs differ:\n%s\n%s", a, b)
	}
}

package clerk

import (
	"bytes"
	"encoding/json"
	"strconv"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// FuzzUserJSON decodes arbitrary bytes as a user. Decoding must not panic;
// when it succeeds, encoding must succeed, give the same JSON as the input
// (integers compared by value, so -0 and 0 are one), and be stable:
// decoding and encoding the output again gives the same bytes.
func FuzzUserJSON(f *testing.F) {
	for _, c := range generatedUsers(f) {
		f.Add(c.json)
	}
	f.Add([]byte(oldUser))
	f.Add([]byte(`{"banned":null,"organization_memberships":[{"organization":null}]}`))
	f.Add([]byte(`{"ID":"x","id":"y","\u0069d":"z","email_addresses":[null]}`))

	f.Fuzz(func(t *testing.T, data []byte) {
		var u User
		if json.Unmarshal(data, &u) != nil {
			return
		}
		out, err := json.Marshal(u)
		if err != nil {
			t.Fatalf("Marshal after Unmarshal(%q): %v", data, err)
		}
		if diff := cmp.Diff(semantic(t, data), semantic(t, out), sameInteger); diff != "" {
			t.Fatalf("%q re-encoded as %q (-in +out):\n%s", data, out, diff)
		}

		var again User
		if err := json.Unmarshal(out, &again); err != nil {
			t.Fatalf("Unmarshal(%q), our own output: %v", out, err)
		}
		out2, err := json.Marshal(again)
		if err != nil {
			t.Fatalf("second Marshal: %v", err)
		}
		if !bytes.Equal(out, out2) {
			t.Fatalf("encoding is not stable:\n%s\n%s", out, out2)
		}
	})
}

// sameInteger treats numbers that are the same int64 as equal: typed
// fields write an integer in its shortest form.
var sameInteger = cmp.Comparer(func(a, b json.Number) bool {
	if a == b {
		return true
	}
	x, errA := strconv.ParseInt(string(a), 10, 64)
	y, errB := strconv.ParseInt(string(b), 10, 64)
	return errA == nil && errB == nil && x == y
})

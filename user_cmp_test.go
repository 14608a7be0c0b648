package clerk

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestUserCmp: go-cmp compares users without options, through Extra's
// Equal method, which compares unknown members and ignores how a value
// was built (decoded or in Go).
func TestUserCmp(t *testing.T) {
	t.Parallel()
	a := mustDecodeUser(t, oldUser)
	b := mustDecodeUser(t, oldUser)
	if diff := cmp.Diff(a, b); diff != "" {
		t.Errorf("two decodes of one user differ:\n%s", diff)
	}

	b.FirstName = ptrTo("Grace")
	if diff := cmp.Diff(a, b); !strings.Contains(diff, "FirstName") {
		t.Errorf("diff does not show the changed first name:\n%s", diff)
	}

	c := mustDecodeUser(t, `{"id":"user_1","x":1}`)
	d := mustDecodeUser(t, `{"id":"user_1","x":2}`)
	if diff := cmp.Diff(c, d); !strings.Contains(diff, "Unknown") {
		t.Errorf("diff does not show the changed unknown member:\n%s", diff)
	}

	built := User{ID: "user_1", Extra: Extra{Unknown: map[string]json.RawMessage{
		"x": json.RawMessage(`1`)}}}
	if diff := cmp.Diff(c, built); diff != "" {
		t.Errorf("a decoded user and the same user built in Go differ:\n%s", diff)
	}
}

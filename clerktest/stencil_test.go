package clerktest

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/workflowkit/clerk"
)

func TestAppendEscaped(t *testing.T) {
	t.Parallel()
	for _, s := range []string{"", "plain ascii", `quote " and \ backslash`, "<a>&b",
		"tab\tnewline\n\x00\x1f\x7f", "Zoë Nguyễn", "line\u2028sep\u2029", "bad \xff utf-8"} {
		q, _ := json.Marshal(s)
		want := string(q[1 : len(q)-1])
		if got := string(appendEscaped(nil, s)); got != want {
			t.Errorf("appendEscaped(%q) = %s, want %s", s, got, want)
		}
	}
}

// stencilUser builds a small user from values, through lv.
func stencilUser(lv *leaves, id, first string, created, signIn int64, meta string) clerk.User {
	id = lv.str(id)
	return clerk.User{
		ID:             id,
		ImageURL:       "https://img.example/" + id,
		FirstName:      lv.optStr(first),
		PublicMetadata: lv.raw(meta),
		CreatedAt:      lv.num(created),
		LastSignInAt:   lv.optNum(signIn),
	}
}

// TestStencilFill fills one stencil with values unlike the prototype's:
// nulls, characters to escape, other metadata.
func TestStencilFill(t *testing.T) {
	t.Parallel()
	proto := &leaves{proto: true}
	st, err := newStencil(stencilUser(proto, "", "", 0, 0, ""), proto)
	if err != nil {
		t.Fatal(err)
	}

	for _, tc := range []struct {
		id, first       string
		created, signIn int64
		meta            string
	}{
		{"user_1", "Ada", 1, 2, `{}`},
		{`user_"<2>"`, "", 1700000000000, 0, `{"plan":{"seats":3}}`},
		{"user_3", "Zoë \u2028", -5, 9, `[1,"x"]`},
	} {
		lv := &leaves{}
		u := stencilUser(lv, tc.id, tc.first, tc.created, tc.signIn, tc.meta)
		want, _ := json.Marshal(u)
		if got := st.encode(lv.vals); string(got) != string(want) {
			t.Errorf("stencil gives\n%s\nencoding/json\n%s", got, want)
		}
	}
}

// TestStencilRefusesPartialValues: a leaf that may be null must be a
// whole value, as a stencil writes null in its place.
func TestStencilRefusesPartialValues(t *testing.T) {
	t.Parallel()
	proto := &leaves{proto: true}
	u := clerk.User{ID: "user_" + *proto.optStr("x")}
	_, err := newStencil(u, proto)
	if err == nil || !strings.Contains(err.Error(), "whole value") {
		t.Errorf("newStencil with a nullable leaf inside a string: %v, want an error", err)
	}
}

func TestStencilPanicsOnAnotherShape(t *testing.T) {
	t.Parallel()
	proto := &leaves{proto: true}
	st, err := newStencil(clerk.User{ID: proto.str("")}, proto)
	if err != nil {
		t.Fatal(err)
	}
	defer func() {
		if recover() == nil {
			t.Error("fill with two leaves for a shape of one did not panic")
		}
	}()
	st.encode([]leaf{{kind: leafString}, {kind: leafString}})
}

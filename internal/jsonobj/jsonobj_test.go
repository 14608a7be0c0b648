package jsonobj

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// account is a small model: required members without omitempty, optional
// ones with it, a nullable pointer, a list and a nested object.
type account struct {
	ID     string   `json:"id"`
	Active bool     `json:"active"`
	Name   *string  `json:"name"`
	Tags   []string `json:"tags"`
	Owner  owner    `json:"owner"`
	Note   string   `json:"note,omitempty"`
	Skip   string   `json:"-"`
	hidden int
}

type owner struct {
	Login string `json:"login"`
}

var accountTable = NewTable[account]()

func decodeAccount(t *testing.T, in string) (account, State) {
	t.Helper()
	var a account
	var st State
	if err := accountTable.Decode([]byte(in), &a, &st); err != nil {
		t.Fatalf("Decode(%s): %v", in, err)
	}
	return a, st
}

func encodeAccount(t *testing.T, a account, st State) string {
	t.Helper()
	b, err := accountTable.Encode(a, st)
	if err != nil {
		t.Fatalf("Encode: %v", err)
	}
	if !json.Valid(b) {
		t.Fatalf("Encode wrote invalid JSON %s", b)
	}
	return string(b)
}

func TestDecodeEncodeRoundTrip(t *testing.T) {
	t.Parallel()
	tests := []struct{ name, in string }{
		{"empty object stays empty", `{}`},
		{"absent members stay absent", `{"id":"a"}`},
		{"zero values are written back", `{"id":"","active":false,"tags":[],"note":""}`},
		{"nulls stay null", `{"id":null,"active":null,"name":null,"tags":null,"owner":null}`},
		{"values", `{"id":"a","active":true,"name":"n","tags":["x"],"owner":{"login":"o"}}`},
		{"unknown members follow, sorted", `{"id":"a","x":{"y":[1]},"b":2}`},
		{"a key differing in case is unknown", `{"id":"a","ID":"b"}`},
		{"the tag - is not a member", `{"Skip":"s","hidden":1}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			a, st := decodeAccount(t, tt.in)
			got := encodeAccount(t, a, st)
			if !sameJSON(t, tt.in, got) {
				t.Errorf("round trip of %s gave %s", tt.in, got)
			}
		})
	}
}

func TestDecodeRecordsState(t *testing.T) {
	t.Parallel()
	a, st := decodeAccount(t, `{"id":"a","active":null,"zz":[1, 2],"aa":null}`)

	want := State{
		Decoded: true,
		Present: 1<<0 | 1<<1, // id, active
		Nulls:   1 << 1,
		Unknown: map[string]json.RawMessage{"zz": json.RawMessage(`[1, 2]`),
			"aa": json.RawMessage(`null`)},
	}
	if diff := cmp.Diff(want, st); diff != "" {
		t.Errorf("state (-want +got):\n%s", diff)
	}
	if a.ID != "a" || a.Active {
		t.Errorf("decoded %+v", a)
	}
}

func TestDecodeRepeatedNameLastWins(t *testing.T) {
	t.Parallel()
	a, st := decodeAccount(t, `{"tags":["a","b"],"tags":["c"],"active":null,"active":true,`+
		`"name":"n","\u006eame":null,"u":1,"u":2}`)

	if diff := cmp.Diff([]string{"c"}, a.Tags); diff != "" {
		t.Errorf("tags (-want +got):\n%s", diff)
	}
	if !a.Active || a.Name != nil {
		t.Errorf("active = %v, name = %v; want true, nil", a.Active, a.Name)
	}
	got := encodeAccount(t, a, st)
	if want := `{"active":true,"name":null,"tags":["c"],"u":2}`; got != want {
		t.Errorf("Encode = %s, want %s", got, want)
	}
}

func TestDecodeStartsFromZero(t *testing.T) {
	t.Parallel()
	a := account{ID: "old", Tags: []string{"old"}, Note: "old"}
	st := State{Unknown: map[string]json.RawMessage{"old": json.RawMessage(`1`)}}
	if err := accountTable.Decode([]byte(`{"id":"new"}`), &a, &st); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(account{ID: "new"}, a, cmp.AllowUnexported(account{})); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if st.Unknown != nil {
		t.Errorf("Unknown = %v, want nil", st.Unknown)
	}
}

func TestEncodeShowsChanges(t *testing.T) {
	t.Parallel()
	in := `{"id":"a","active":null,"name":null,"tags":null,"owner":null}`
	a, st := decodeAccount(t, in)

	name := "n"
	a.Active, a.Name, a.Tags, a.Owner.Login, a.Note = true, &name, []string{}, "o", "new"
	got := encodeAccount(t, a, st)

	want := `{"id":"a","active":true,"name":"n","tags":[],"owner":{"login":"o"},"note":"new"}`
	if got != want {
		t.Errorf("Encode = %s\nwant     %s", got, want)
	}
}

// TestEncodeClearedList: a list that was sent as [] and then set to nil in
// Go is written as [], since the schema's lists are not null.
func TestEncodeClearedList(t *testing.T) {
	t.Parallel()
	a, st := decodeAccount(t, `{"tags":["x"]}`)
	a.Tags = nil
	if got := encodeAccount(t, a, st); got != `{"tags":[]}` {
		t.Errorf("Encode = %s", got)
	}
}

func TestEncodeGoBuiltWritesRequired(t *testing.T) {
	t.Parallel()
	got := encodeAccount(t, account{ID: "a", Skip: "s", hidden: 1}, State{})
	want := `{"id":"a","active":false,"name":null,"tags":[],"owner":{"login":""}}`
	if got != want {
		t.Errorf("Encode = %s\nwant     %s", got, want)
	}
}

func TestNullObject(t *testing.T) {
	t.Parallel()
	a, st := decodeAccount(t, ` null `)
	if !st.Null || st.Decoded {
		t.Fatalf("state = %+v, want Null and not Decoded", st)
	}
	if got := encodeAccount(t, a, st); got != "null" {
		t.Errorf("Encode = %s, want null", got)
	}

	// Once it holds something, it is a value built in Go.
	a.ID = "a"
	got := encodeAccount(t, a, st)
	want := `{"id":"a","active":false,"name":null,"tags":[],"owner":{"login":""}}`
	if got != want {
		t.Errorf("Encode = %s\nwant     %s", got, want)
	}
}

func TestNullLeavesFilledValue(t *testing.T) {
	t.Parallel()
	a := account{ID: "a"}
	st := State{Decoded: true, Present: 1}
	if err := accountTable.Decode([]byte("null"), &a, &st); err != nil {
		t.Fatal(err)
	}
	if a.ID != "a" || st.Null || st.Present != 1 {
		t.Errorf("after null: %+v, %+v", a, st)
	}
}

func TestDecodeErrors(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{`[]`, "not a JSON object"},
		{`"x"`, "not a JSON object"},
		{`{"id":1}`, "account.id"},
		{`{"tags":"x"}`, "account.tags"},
		{`{"id":"a",}`, "not a JSON object"},
		{`{"x":tru}`, `member "x" is not valid JSON`},
		{`{"x":[1}}`, `member "x" is not valid JSON`},
		{`{"id":"a"} x`, "not a JSON object"},
	}
	for _, tt := range tests {
		var a account
		var st State
		err := accountTable.Decode([]byte(tt.in), &a, &st)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Decode(%s) = %v, want an error with %q", tt.in, err, tt.want)
		}
	}
}

func TestEncodeUnknown(t *testing.T) {
	t.Parallel()
	st := State{Decoded: true, Unknown: map[string]json.RawMessage{
		"id": json.RawMessage(`"shadow"`), // a known name is not written twice
		"b":  json.RawMessage(`true`),
		"a<": json.RawMessage(`{}`),
	}}
	if got := encodeAccount(t, account{ID: "x"}, st); got != `{"id":"x","a\u003c":{},"b":true}` {
		t.Errorf("Encode = %s", got)
	}

	st.Unknown["c"] = json.RawMessage(`{`)
	if _, err := accountTable.Encode(account{}, st); err == nil {
		t.Error("Encode wrote an invalid unknown member")
	}
}

func TestNewTablePanicsWithoutTag(t *testing.T) {
	t.Parallel()
	type untagged struct{ A int }
	defer func() {
		if recover() == nil {
			t.Error("NewTable did not panic")
		}
	}()
	NewTable[untagged]()
}

// sameJSON reports whether a and b decode to the same value, with numbers
// compared as written.
func sameJSON(t *testing.T, a, b string) bool {
	t.Helper()
	return cmp.Equal(anyJSON(t, a), anyJSON(t, b))
}

func anyJSON(t *testing.T, s string) any {
	t.Helper()
	dec := json.NewDecoder(strings.NewReader(s))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		t.Fatalf("%s: %v", s, err)
	}
	return v
}

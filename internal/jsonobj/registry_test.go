package jsonobj

import (
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// decodeBoth decodes in with the Registry and with the reference path and
// fails unless both give the same value and encoding.
func decodeBoth(t *testing.T, in string) box {
	t.Helper()
	var got, want box
	if err := family.Decode([]byte(in), &got); err != nil {
		t.Fatalf("Decode(%s): %v", in, err)
	}
	if err := json.Unmarshal([]byte(in), &want); err != nil {
		t.Fatalf("reference decode of %s: %v", in, err)
	}
	if diff := cmp.Diff(want, got, cmp.AllowUnexported(box{}, item{}, extra{})); diff != "" {
		t.Errorf("Decode(%s) (-reference +registry):\n%s", in, diff)
	}
	return got
}

func TestRegistryMatchesReference(t *testing.T) {
	t.Parallel()
	for _, in := range []string{
		`{}`, `null`, ` {"name":"a"} `,
		`{"name":null,"status":"new","count":-0,"small":-128,"ptr":null,"flag":false}`,
		`{"count":9223372036854775807,"ptr":-9223372036854775808,"text":"\u00e9\ud83d"}`,
		`{"tags":[],"items":[],"ptrs":[],"grid":[]}`,
		`{"tags":null,"items":null,"child":null,"inner":null,"raw":null}`,
		`{"tags":["a",null,"b"],"items":[null,{},{"id":"i","x":1}],"ptrs":[null,{}]}`,
		`{"child":{"id":"c","box":{"name":"deep","items":[{"id":"d"}]}}}`,
		`{"raw":{"a":[1,2.50]},"raw_ptr":null,"grid":[[1],null,[]],"any":{"x":1.5}}`,
		`{"raw_ptr":[1e400],"float":1e3,"owner":{"LOGIN":"case-insensitive"}}`,
		`{"items":[{"id":"a"}],"items":[{"id":"b"}],"inner":{"id":"x"},"inner":null}`,
		`{"name":"a","NAME":"b","\u006eame":"c","zz":{"y":[]},"aa":null,"zz":2}`,
		"{\"\xff\":1,\"n\xc3\":\"\xe2\x82\"}",
	} {
		got := decodeBoth(t, in)
		if !json.Valid(mustEncode(t, got)) {
			t.Errorf("encoding of %s is not valid JSON", in)
		}
	}
}

func TestRegistryDecodesSlices(t *testing.T) {
	t.Parallel()
	for _, in := range []string{`null`, `[]`, `[null,{}]`, ` [{"name":"a"},{"count":1}] `} {
		var got, want []box
		if err := family.Decode([]byte(in), &got); err != nil {
			t.Fatalf("Decode(%s): %v", in, err)
		}
		if err := json.Unmarshal([]byte(in), &want); err != nil {
			t.Fatal(err)
		}
		opt := cmp.AllowUnexported(box{}, item{}, extra{})
		if diff := cmp.Diff(want, got, opt); diff != "" || (got == nil) != (want == nil) {
			t.Errorf("Decode(%s) (-reference +registry):\n%s", in, diff)
		}
	}
}

func TestRegistryNullLeavesFilledValue(t *testing.T) {
	t.Parallel()
	b := box{Name: "kept", Ex: extra{st: State{Decoded: true, Present: 1}}}
	if err := family.Decode([]byte(" null "), &b); err != nil {
		t.Fatal(err)
	}
	if b.Name != "kept" || b.Ex.st.Present != 1 || b.Ex.st.Null {
		t.Errorf("after null: %+v", b)
	}
}

func TestRegistryStartsFromZero(t *testing.T) {
	t.Parallel()
	b := box{Name: "old", Tags: []string{"old"}, Ex: extra{st: State{
		Unknown: map[string]json.RawMessage{"old": json.RawMessage(`1`)}}}}
	if err := family.Decode([]byte(`{"count":1}`), &b); err != nil {
		t.Fatal(err)
	}
	want := box{Count: 1, Ex: extra{st: State{Decoded: true, Present: 1 << 2}}}
	if diff := cmp.Diff(want, b, cmp.AllowUnexported(box{}, item{}, extra{})); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestRegistryCopies: unknown members and raw values do not share memory
// with the input.
func TestRegistryCopies(t *testing.T) {
	t.Parallel()
	in := []byte(`{"raw":{"a":1},"x":[2],"name":"n"}`)
	var b box
	if err := family.Decode(in, &b); err != nil {
		t.Fatal(err)
	}
	for i := range in {
		in[i] = ' '
	}
	if string(b.Raw) != `{"a":1}` || string(b.Ex.st.Unknown["x"]) != `[2]` || b.Name != "n" {
		t.Errorf("decoded values changed with the input: %q %q %q",
			b.Raw, b.Ex.st.Unknown["x"], b.Name)
	}
}

// TestRegistryIntegersExact: an integer field takes only integers that
// fit it, written without fraction or exponent.
func TestRegistryIntegersExact(t *testing.T) {
	t.Parallel()
	for _, in := range []string{
		`{"count":1.0}`, `{"count":1e3}`, `{"count":9223372036854775808}`,
		`{"count":-9223372036854775809}`, `{"small":128}`, `{"ptr":1.5}`,
		`{"count":"1"}`, `{"grid":[[1.5]]}`,
	} {
		var b box
		err := family.Decode([]byte(in), &b)
		var typeErr *json.UnmarshalTypeError
		if !errors.As(err, &typeErr) {
			t.Errorf("Decode(%s) = %v, want a *json.UnmarshalTypeError", in, err)
		}
	}
}

func TestRegistryErrors(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{``, "decoding box: not a JSON object"},
		{`[]`, "decoding box: not a JSON object"},
		{`{"name":"a",}`, "decoding box: not a JSON object"},
		{`{"name":"a"} x`, "decoding box: not a JSON object"},
		{`{"name":1}`, "decoding box.name: json: cannot unmarshal number into Go value " +
			"of type string"},
		{`{"on":"yes"}`, "decoding box.on: json: cannot unmarshal string"},
		{`{"tags":[1]}`, "decoding box.tags: item 0: json: cannot unmarshal number"},
		{`{"items":[{},{"id":true}]}`, "decoding box.items: item 1: decoding item.id:"},
		{`{"child":[]}`, "decoding box.child: decoding item: not a JSON object"},
		{`{"x":tru}`, `decoding box: member "x" is not valid JSON`},
		{`{"x":[1}}`, `decoding box: member "x" is not valid JSON`},
		{`{"raw":{"a"}}`, "decoding box.raw: invalid JSON"},
		{`{"name":"a\u12"}`, "decoding box.name: invalid JSON"},
		{`{"count":01}`, "decoding box.count: invalid JSON"},
		{`{"float":"x"}`, "decoding box.float: json: cannot unmarshal string"},
	}
	for _, tt := range tests {
		var b box
		err := family.Decode([]byte(tt.in), &b)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Decode(%s) = %v, want an error with %q", tt.in, err, tt.want)
		}
	}
}

func TestRegistryDepthLimit(t *testing.T) {
	t.Parallel()
	deep := func(n int) string { return strings.Repeat("[", n) + strings.Repeat("]", n) }
	for _, tt := range []struct {
		depth int
		ok    bool
	}{{maxDepth - 1, true}, {maxDepth, false}} {
		in := `{"x":` + deep(tt.depth) + `}` // the object is one level more
		var b box
		if err := family.Decode([]byte(in), &b); (err == nil) != tt.ok {
			t.Errorf("depth %d: %v, want ok = %v", tt.depth+1, err, tt.ok)
		}
	}
}

func TestRegistryRefusesOtherTypes(t *testing.T) {
	t.Parallel()
	var s string
	if err := family.Decode([]byte(`"x"`), &s); err == nil {
		t.Error("Decode into *string succeeded")
	}
}

func TestNewRegistryPanics(t *testing.T) {
	t.Parallel()
	type noState struct {
		A string `json:"a"`
	}
	tests := map[string]func(){
		"no state field": func() {
			NewRegistry(Config[extra]{Tables: []*Table{NewTable[noState]()}})
		},
		"raw not bytes": func() {
			NewRegistry(Config[extra]{Raw: []reflect.Type{reflect.TypeFor[string]()}})
		},
	}
	for name, f := range tests {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("%s: NewRegistry did not panic", name)
				}
			}()
			f()
		}()
	}
}

func mustEncode(t *testing.T, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatalf("Marshal: %v", err)
	}
	return b
}

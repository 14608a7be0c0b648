package jsonobj

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// The tests in this file hold the member-wise reference scanner, in
// reference_scan_test.go, to encoding/json; the fuzz targets then hold the
// single-pass decoder to that reference.

// kv is a member as the tests write it: the decoded key and the raw value.
type kv struct{ Key, Value string }

func scanned(t *testing.T, in string) ([]kv, error) {
	t.Helper()
	mems, err := members([]byte(in))
	got := make([]kv, len(mems))
	for i, m := range mems {
		got[i] = kv{m.key, string(m.value)}
	}
	return got, err
}

func TestMembersSplitsObjects(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		in   string
		want []kv
	}{
		{"empty object", `{}`, []kv{}},
		{"empty object with space", " \t\r\n{ \n } \n", []kv{}},
		{"escaped key", `{"\u0069d":"user_1"}`, []kv{{"id", `"user_1"`}}},
		{"escaped quote in key", `{"a\"b":1}`, []kv{{`a"b`, `1`}}},
		{
			"brackets and escaped quotes in strings",
			`{"a":"}{][\"\\","b":["]\"}",{"c":"{"}],"d":2}`,
			[]kv{{"a", `"}{][\"\\"`}, {"b", `["]\"}",{"c":"{"}]`}, {"d", `2`}},
		},
		{
			"nested depth",
			`{"a":{"b":{"c":[[[{"d":[]}]]]}},"e":null}`,
			[]kv{{"a", `{"b":{"c":[[[{"d":[]}]]]}}`}, {"e", `null`}},
		},
		{
			"white space everywhere",
			"{ \"a\" :\t1 ,\n\"b\"\r: [ 1 , 2 ] , \"c\" : { } }",
			[]kv{{"a", `1`}, {"b", `[ 1 , 2 ]`}, {"c", `{ }`}},
		},
		{
			"duplicate keys are all returned in order",
			`{"a":1,"a":2}`,
			[]kv{{"a", `1`}, {"a", `2`}},
		},
		{
			"scalars",
			`{"t":true,"f":false,"n":null,"i":-12,"x":1.5e300,"s":""}`,
			[]kv{{"t", `true`}, {"f", `false`}, {"n", `null`}, {"i", `-12`},
				{"x", `1.5e300`}, {"s", `""`}},
		},
		{"empty key", `{"":1}`, []kv{{"", `1`}}},
		{"invalid UTF-8 key becomes U+FFFD", "{\"\xff\":1}", []kv{{"\ufffd", `1`}}},
		{"non-ASCII key kept", `{"clé":1}`, []kv{{"clé", `1`}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, err := scanned(t, tt.in)
			if err != nil {
				t.Fatalf("members(%q): %v", tt.in, err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("members(%q) (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}

func TestMembersRejectsNonObjects(t *testing.T) {
	t.Parallel()
	for _, in := range []string{
		``, ` `, `null`, `[]`, `"{}"`, `1`, `true`,
		`{`, `}`, `{"a"}`, `{"a":}`, `{"a":1,}`, `{,}`, `{"a" 1}`, `{a:1}`,
		`{"a":1 "b":2}`, `{"a":"x"y}`, `{"a":[1,2}`, `{"a":{"b":1}`,
		`{"a":"unterminated}`, `{"a":1}x`, `{"a":1}{}`, `{} {}`, `{}]`,
		`{"a\u00":1}`, "{\"a\x01\":1}", `{"a":1`, `{"a`,
	} {
		if got, err := scanned(t, in); err == nil {
			t.Errorf("members(%q) = %v, want an error", in, got)
		}
	}
}

// TestMembersDelimitsInvalidValues shows the scanner's contract: it checks
// the object's punctuation and only delimits values, so a bad value comes
// back as its raw bytes for the decoder to reject.
func TestMembersDelimitsInvalidValues(t *testing.T) {
	t.Parallel()
	got, err := scanned(t, `{"a":tru,"b":[1},"c":01}`)
	if err != nil {
		t.Fatal(err)
	}
	want := []kv{{"a", `tru`}, {"b", `[1}`}, {"c", `01`}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func TestMembersDeepNestingDoesNotRecurse(t *testing.T) {
	t.Parallel()
	deep := strings.Repeat("[", 100000) + strings.Repeat("]", 100000)
	got, err := scanned(t, `{"a":`+deep+`}`)
	if err != nil || len(got) != 1 || got[0].Value != deep {
		t.Fatalf("members: %d members, %v", len(got), err)
	}
}

func TestIsNull(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]bool{
		`null`: true, " \n null\t": true, `nul`: false, `nullx`: false,
		`"null"`: false, ``: false, `null null`: false, "\u00a0null": false,
	} {
		if got := isNull([]byte(in)); got != want {
			t.Errorf("isNull(%q) = %v, want %v", in, got, want)
		}
	}
}

// FuzzMembers checks the scanner against encoding/json: on any input it
// must not panic, on a valid object it must find what encoding/json finds,
// and when it accepts input whose values are all valid, that input must be
// a valid object.
func FuzzMembers(f *testing.F) {
	for _, s := range []string{
		`{}`, `{"a":1}`, `{"\u0069d":"x","id":"y"}`, `{"a":"}\"{","b":[{}]}`,
		"{\"\xff\":1,\"\xfe\":2}", `{"a":1}x`, `{"a":[}]}`, ` {"a" : null } `,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		mems, err := members(data)
		if json.Valid(data) {
			compareWithStd(t, data, mems, err)
			return
		}
		if err != nil {
			return
		}
		for _, m := range mems {
			if !json.Valid(m.value) {
				return
			}
		}
		t.Fatalf("members accepted invalid JSON %q", data)
	})
}

func compareWithStd(t *testing.T, data []byte, mems []member, err error) {
	t.Helper()
	var std map[string]json.RawMessage
	if json.Unmarshal(data, &std) != nil || std == nil {
		if err == nil {
			t.Fatalf("members accepted %q, which is not an object", data)
		}
		return
	}
	if err != nil {
		t.Fatalf("members(%q): %v", data, err)
	}

	last := map[string][]byte{}
	for _, m := range mems {
		last[m.key] = m.value
	}
	if len(last) != len(std) {
		t.Fatalf("members(%q): %d distinct keys, encoding/json %d",
			data, len(last), len(std))
	}
	for k, v := range std {
		if !bytes.Equal(last[k], v) {
			t.Fatalf("members(%q)[%q] = %q, encoding/json %q", data, k, last[k], v)
		}
	}
}

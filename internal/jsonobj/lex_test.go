package jsonobj

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestStrDecodesAsEncodingJSON(t *testing.T) {
	t.Parallel()
	for _, in := range []string{
		`""`, `"plain"`, `"clé"`, `"\"\\\/\b\f\n\r\t"`, `"\u0041\u00e9\u4e2d"`,
		`"\ud83d\ude00"`, `"\ud83d"`, `"\ude00"`, `"\ud83dx"`, `"\ud83d\u0041"`,
		`"\ud83d\ud83d\ude00"`, "\"\xff\"", "\"a\xe2\x82\"", "\"\xed\xa0\x80\"",
		"\"\xef\xbf\xbd\"", `"\u0000"`, "\"\u2028<&>\"", `"tab\tin escape"`,
	} {
		var want string
		if err := json.Unmarshal([]byte(in), &want); err != nil {
			t.Fatalf("encoding/json rejects %q: %v", in, err)
		}
		d := decoder{data: []byte(in)}
		got, err := d.str()
		if err != nil || string(got) != want || d.i != len(in) {
			t.Errorf("str(%q) = %q, %v at %d; want %q", in, got, err, d.i, want)
		}
	}
}

func TestStrRejects(t *testing.T) {
	t.Parallel()
	for _, in := range []string{
		`"`, `"abc`, `"\"`, `"\x"`, `"\u12"`, `"\u12g4"`, "\"a\x01\"", "\"\n\"",
		`"\'"`, `"\U0041"`,
	} {
		d := decoder{data: []byte(in)}
		if got, err := d.str(); err == nil {
			t.Errorf("str(%q) = %q, want an error", in, got)
		}
	}
}

func TestNumber(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in      string
		integer bool
		ok      bool
	}{
		{"0", true, true}, {"-0", true, true}, {"12", true, true}, {"-12", true, true},
		{"1.0", false, true}, {"1e3", false, true}, {"1E+3", false, true},
		{"1.5e-3", false, true}, {"01", false, false}, {"-", false, false},
		{"1.", false, false}, {".5", false, false}, {"1e", false, false},
		{"+1", false, false}, {"1x", false, false}, {"--1", false, false},
	}
	for _, tt := range tests {
		d := decoder{data: []byte(tt.in)}
		_, integer, err := d.number()
		if (err == nil) != tt.ok || (tt.ok && integer != tt.integer) {
			t.Errorf("number(%s) = integer %v, %v; want %v, ok %v",
				tt.in, integer, err, tt.integer, tt.ok)
		}
	}
}

func TestParseInt(t *testing.T) {
	t.Parallel()
	tests := map[string]int64{
		"0": 0, "-0": 0, "9223372036854775807": 1<<63 - 1,
		"-9223372036854775808": -1 << 63, "42": 42, "-42": -42,
	}
	for in, want := range tests {
		if got, ok := parseInt([]byte(in)); !ok || got != want {
			t.Errorf("parseInt(%s) = %d, %v; want %d", in, got, ok, want)
		}
	}
	for _, in := range []string{
		"9223372036854775808", "-9223372036854775809", "99999999999999999999",
		"18446744073709551616",
	} {
		if got, ok := parseInt([]byte(in)); ok {
			t.Errorf("parseInt(%s) = %d, want out of range", in, got)
		}
	}
}

func TestSkipMatchesValid(t *testing.T) {
	t.Parallel()
	deep := func(n int) string { return strings.Repeat("[", n) + strings.Repeat("]", n) }
	for _, in := range []string{
		`1`, `-0.5e7`, `"x"`, `true`, `null`, `[]`, `{}`, `[1,"a",{"b":[null]}]`,
		` { "a" : [ 1 , 2 ] , "b" : { } } `, `{"a":1,}`, `[1,]`, `[1 2]`, `{"a" 1}`,
		`{1:2}`, `[}`, `{]`, `[1}`, `tru`, `nul`, `truex`, `[truex]`, `01`, `"\x"`,
		`{"a":"\u00e9"}`, deep(maxDepth), deep(maxDepth + 1), `[`, `{"a":`,
		"[\"a\x01\"]",
	} {
		d := decoder{data: []byte(in)}
		d.space()
		_, err := d.skip()
		got := err == nil && d.atEnd()
		if want := json.Valid([]byte(in)); got != want {
			t.Errorf("skip(%.40q) accepts = %v (%v), json.Valid = %v", in, got, err, want)
		}
		if d.depth != 0 && err == nil {
			t.Errorf("skip(%.40q) left depth %d", in, d.depth)
		}
	}
}

// FuzzSkip checks the checking reader against encoding/json: skip accepts
// exactly what json.Valid accepts, and a string reads as encoding/json
// decodes it.
func FuzzSkip(f *testing.F) {
	for _, s := range []string{
		`{"a":[1,2.5e3,"x\u00e9",true,null,{}]}`, `"\ud83d\ude00"`, "\"\xff\"", `[1,]`,
		`{"a":1}x`, `-0`, `"\ud83d\u0041"`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		d := decoder{data: data}
		d.space()
		_, err := d.skip()
		accepted := err == nil && d.atEnd()
		if valid := json.Valid(data); accepted != valid {
			t.Fatalf("skip(%q) accepts = %v (%v), json.Valid = %v", data, accepted, err, valid)
		}

		var want string
		if json.Unmarshal(data, &want) != nil {
			return
		}
		d = decoder{data: data}
		d.space()
		got, err := d.str()
		if err != nil || string(got) != want {
			t.Fatalf("str(%q) = %q, %v; encoding/json %q", data, got, err, want)
		}
	})
}

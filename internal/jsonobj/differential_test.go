package jsonobj

import (
	"bytes"
	"encoding/json"
	"testing"
)

// FuzzRegistry decodes arbitrary bytes with the single-pass Registry and
// with the member-wise reference path (encoding/json calling the test
// models' UnmarshalJSON, which splits objects and decodes each value with
// encoding/json). Both must accept the same inputs and, when they do,
// decode to values that encode to the same bytes. Whatever the Registry
// accepts must be valid JSON, as encoding/json decoding it into an any
// tells.
func FuzzRegistry(f *testing.F) {
	for _, s := range []string{
		`{}`, `null`, `[null,{}]`, `{"name":"a","count":3,"ptr":null,"flag":true}`,
		`{"items":[null,{"id":"i","x":1}],"child":{"box":{"tags":["t"]}},"inner":null}`,
		`{"raw":{"a":[1,2.50]},"raw_ptr":null,"grid":[[1],null],"any":{"x":1.5}}`,
		`{"count":1.0,"small":300,"text":"\ud83d","zz":{"y":[]},"zz":2}`,
		`{"float":1e3,"owner":{"LOGIN":"x"},"status":"s","ptrs":[null,{}]}`,
		"{\"\xff\":1,\"name\":\"\xe2\x82\",\"on\":null}",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var got box
		errGot := family.Decode(data, &got)
		var want box
		errWant := json.Unmarshal(data, &want)
		compareDecodes(t, data, errGot, errWant, got, want)

		var gotList, wantList []box
		errGot = family.Decode(data, &gotList)
		errWant = json.Unmarshal(data, &wantList)
		compareDecodes(t, data, errGot, errWant, gotList, wantList)
	})
}

// compareDecodes fails unless two decodes of data agree.
func compareDecodes(t *testing.T, data []byte, errGot, errWant error, got, want any) {
	t.Helper()
	if (errGot == nil) != (errWant == nil) {
		t.Fatalf("%q: registry error %v, reference error %v", data, errGot, errWant)
	}
	if errGot != nil {
		return
	}

	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil || dec.InputOffset() != int64(len(bytes.TrimRight(
		data, " \t\r\n"))) {
		t.Fatalf("registry accepted %q, which is not one JSON value: %v", data, err)
	}

	outGot, err := json.Marshal(got)
	if err != nil {
		t.Fatalf("%q: encoding the registry's value: %v", data, err)
	}
	outWant, err := json.Marshal(want)
	if err != nil {
		t.Fatalf("%q: encoding the reference value: %v", data, err)
	}
	if !bytes.Equal(outGot, outWant) {
		t.Fatalf("%q decodes differently:\nregistry  %s\nreference %s", data, outGot, outWant)
	}
}

package clerk

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestDecodeUsersMatchesEncodingJSON: the fast path of ListUsers and
// encoding/json (which calls User.UnmarshalJSON) give the same users.
func TestDecodeUsersMatchesEncodingJSON(t *testing.T) {
	t.Parallel()
	var page bytes.Buffer
	page.WriteString("[\n")
	for i, c := range generatedUsers(t) {
		if i > 0 {
			page.WriteString(" ,\n")
		}
		page.Write(c.json)
	}
	page.WriteString(`, null, {}, ` + oldUser + "]")

	var got, want []User
	if err := decodeUsers(page.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(page.Bytes(), &want); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-encoding/json +decodeUsers):\n%s", diff)
	}
	if !bytes.Equal(mustMarshal(t, got), mustMarshal(t, want)) {
		t.Error("the two decodes encode differently")
	}
}

func TestDecodeUsersEmptyAndNull(t *testing.T) {
	t.Parallel()
	for in, wantNil := range map[string]bool{`null`: true, ` [ ] `: false} {
		users := []User{{ID: "old"}}
		if err := decodeUsers([]byte(in), &users); err != nil {
			t.Fatalf("decodeUsers(%s): %v", in, err)
		}
		if len(users) != 0 || (users == nil) != wantNil {
			t.Errorf("decodeUsers(%s) = %#v, want nil %v", in, users, wantNil)
		}
	}
}

func TestDecodeUsersErrors(t *testing.T) {
	t.Parallel()
	tests := map[string]struct{ in, want string }{
		"not an array":   {`{}`, "cannot unmarshal object"},
		"empty":          {``, "invalid JSON"},
		"trailing comma": {`[{},]`, "item 1: decoding User: not a JSON object"},
		"after the list": {`[] []`, "invalid JSON"},
		"user not valid": {`[{}, {"banned":"yes"}]`, "item 1: decoding User.banned"},
		"deep field": {`[{"email_addresses":[{"verification":{"attempts":1.5}}]}]`,
			"decoding User.email_addresses: item 0: decoding EmailAddress.verification: " +
				"decoding Verification.attempts: json: cannot unmarshal number 1.5"},
		"metadata": {`[{"public_metadata":{"a":}}]`, "decoding User.public_metadata: invalid JSON"},
	}
	for name, tt := range tests {
		var users []User
		err := decodeUsers([]byte(tt.in), &users)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: decodeUsers(%s) = %v, want an error with %q", name, tt.in, err, tt.want)
		}
	}
}

// TestUnmarshalJSONChecksInput: UnmarshalJSON called directly, without
// encoding/json checking the bytes first, still refuses what is not JSON.
func TestUnmarshalJSONChecksInput(t *testing.T) {
	t.Parallel()
	for _, in := range []string{
		`{"x":tru}`, `{"id":"a"`, `{"id":"a"}}`, `{"public_metadata":{]}`, `{"id":"\x"}`,
		"{\"id\":\"a\x01\"}", `{"email_addresses":[{"linked_to":[{"id":01}]}]}`, ``, `nul`,
	} {
		var u User
		if err := u.UnmarshalJSON([]byte(in)); err == nil {
			t.Errorf("UnmarshalJSON(%q) accepted it", in)
		}
	}
}

// FuzzDecodeReference decodes arbitrary bytes as a user, by calling
// UnmarshalJSON directly, and as a list of users, by the fast path of
// ListUsers, and holds both to the reference decoder in
// decode_reference_test.go: the same inputs are accepted, and the values
// decoded are equal and encode to the same bytes. Whatever is accepted
// must be valid JSON.
func FuzzDecodeReference(f *testing.F) {
	var page [][]byte
	for _, c := range generatedUsers(f) {
		f.Add(c.json)
		page = append(page, c.json)
	}
	f.Add([]byte("[" + string(bytes.Join(page[:2], []byte(","))) + "]"))
	f.Add([]byte(oldUser))
	f.Add([]byte(`[null,{"banned":null,"organization_memberships":[{"organization":null}]}]`))
	f.Add([]byte(`{"ID":"x","id":"y","\u0069d":"z","email_addresses":[null],"x":[1,{}]}`))

	f.Fuzz(func(t *testing.T, data []byte) {
		var got, want User
		errGot := got.UnmarshalJSON(data)
		errWant := refDecode(data, reflect.ValueOf(&want).Elem())
		sameDecode(t, data, errGot, errWant, got, want)

		var gotList, wantList []User
		errGot = decodeUsers(data, &gotList)
		errWant = refDecodeList(data, &wantList)
		sameDecode(t, data, errGot, errWant, gotList, wantList)
	})
}

// refDecodeList decodes a JSON array of users with the reference decoder.
func refDecodeList(data []byte, users *[]User) error {
	if !json.Valid(data) {
		return errRefSyntax
	}
	return refList(data, reflect.ValueOf(users).Elem())
}

// sameDecode fails unless two decodes of data agree.
func sameDecode(t *testing.T, data []byte, errGot, errWant error, got, want any) {
	t.Helper()
	if (errGot == nil) != (errWant == nil) {
		t.Fatalf("%q: decoder error %v, reference error %v", data, errGot, errWant)
	}
	if errGot != nil {
		return
	}

	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil || !json.Valid(data) {
		t.Fatalf("accepted %q, which is not valid JSON: %v", data, err)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Fatalf("%q (-reference +decoder):\n%s", data, diff)
	}
	if out, ref := mustMarshal(t, got), mustMarshal(t, want); !bytes.Equal(out, ref) {
		t.Fatalf("%q encodes differently:\ndecoder   %s\nreference %s", data, out, ref)
	}
}

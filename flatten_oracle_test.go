package clerk

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// flattenViaJSON is how Flatten worked before it walked the model: it
// encodes the user and adds every leaf of the JSON, token by token. It is
// slow, but it cannot disagree with the encoding, so it is the oracle for
// the fields that both write.
func flattenViaJSON(tb testing.TB, u User) []Field {
	tb.Helper()
	data, err := json.Marshal(u)
	if err != nil {
		tb.Fatalf("Marshal: %v", err)
	}

	var out []Field
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	if err := oracleValue(&out, dec, ""); err != nil {
		tb.Fatalf("oracle: %v", err)
	}
	if _, err := dec.Token(); err != io.EOF {
		tb.Fatal("oracle: trailing data")
	}
	return out
}

func oracleValue(out *[]Field, dec *json.Decoder, prefix string) error {
	tok, err := dec.Token()
	if err != nil {
		return err
	}

	add := func(v Value) { *out = append(*out, Field{Key: prefix, Value: v}) }
	switch t := tok.(type) {
	case json.Delim:
		for i := 0; dec.More(); i++ {
			key := strconv.Itoa(i)
			if t == '{' {
				tok, err := dec.Token()
				if err != nil {
					return err
				}
				key = tok.(string)
			}
			if err := oracleValue(out, dec, oracleJoin(prefix, key)); err != nil {
				return err
			}
		}
		_, err := dec.Token()
		return err
	case string:
		add(StringValue(t))
	case json.Number:
		add(Value{kind: KindNumber, text: t.String()})
	case bool:
		add(BoolValue(t))
	case nil:
		add(NullValue())
	default:
		return fmt.Errorf("unexpected token %v", tok)
	}
	return nil
}

func oracleJoin(prefix, key string) string {
	if prefix == "" {
		return key
	}
	return prefix + "." + key
}

// madeUp reports whether Flatten makes key up rather than copying it from
// Clerk's JSON: a derived key, a note, or a timestamp's companion.
func madeUp(key string) bool {
	for _, d := range derivedKeys() {
		if key == d.key {
			return true
		}
	}
	return key == keyFlattenError || key == keyFlattenTruncated ||
		strings.HasSuffix(key, companionSuffix)
}

// checkAgainstOracle requires Flatten to write exactly the oracle's fields,
// in its order, once the keys Flatten makes up are set aside. It holds for
// users without dotted metadata names, duplicate names and cuts.
func checkAgainstOracle(t *testing.T, name string, u User) {
	t.Helper()
	var got []Field
	for _, f := range Flatten(u).Fields() {
		if !madeUp(f.Key) {
			got = append(got, f)
		}
	}

	want := flattenViaJSON(t, u)
	if diff := cmp.Diff(want, got, cmp.AllowUnexported(Value{})); diff != "" {
		t.Errorf("%s: Flatten differs from the encoding (-json +Flatten):\n%s", name, diff)
	}
}

func TestFlattenAgreesWithEncoding(t *testing.T) {
	t.Parallel()
	checkAgainstOracle(t, "oldUser", mustDecodeUser(t, oldUser))
	for _, c := range generatedUsers(t) {
		var u User
		if err := json.Unmarshal(c.json, &u); err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		checkAgainstOracle(t, c.name, u)
	}
}

func TestFlattenAgreesWithEncodingForUsersBuiltInGo(t *testing.T) {
	t.Parallel()
	zero := User{}
	checkAgainstOracle(t, "zero user", zero)

	u := User{ID: "user_1", EmailAddresses: []EmailAddress{{ID: "idn_1"}},
		Memberships: []OrganizationMembership{{ID: "orgmem_1"}},
		SCIM:        &SCIMUserMetadata{DirectoryID: "dir_1"}}
	checkAgainstOracle(t, "built in Go", u)
}

func TestFlattenAgreesWithEncodingAfterNulls(t *testing.T) {
	t.Parallel()
	for _, in := range []string{
		`{"id":"u","banned":null,"email_addresses":[null,{"id":"e","verification":null}]}`,
		`{"id":"u","organization_memberships":[{"organization":null,"permissions":null}]}`,
		`{"id":"u","scim":null,"public_metadata":null,"private_metadata":{"a":null}}`,
		`{"id":"u","new_member":{"x":[1,{"y":"z"}]},"email_addresses":[{"new":true}]}`,
	} {
		checkAgainstOracle(t, in, mustDecodeUser(t, in))
	}
}

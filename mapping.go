package clerk

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
)

// Flatten turns a user into a Record of dotted keys and leaf values, for
// CSV columns, workflow fields and logs:
//
//   - each property under its JSON name: "id", "first_name", "banned";
//   - nested objects by dotted path: "scim.directory_id";
//   - list items by index: "email_addresses.0.email_address",
//     "external_accounts.1.provider";
//   - metadata under its own key: "public_metadata.plan",
//     "private_metadata.limits.seats";
//   - properties Clerk added after this library, by the same rules;
//   - derived keys at the end: "primary_email_address",
//     "primary_phone_number" and "primary_web3_wallet", resolved from the
//     primary ids ("" when there is none).
//
// Keys follow the order of Clerk's schema, so CSV columns are stable.
// Numbers, timestamps included, keep their exact digits. JSON null is kept
// as a null Value; an empty list or object gives no key.
func Flatten(u User) Record {
	var r Record
	data, err := json.Marshal(u)
	if err == nil {
		err = flattenJSON(&r, data)
	}
	if err != nil {
		// Encoding a decoded User cannot fail; a hand-built one with
		// invalid raw metadata can. Say so in the record, never panic.
		r.add("flatten_error", StringValue(err.Error()))
	}

	r.add("primary_email_address", StringValue(u.PrimaryEmailAddress()))
	r.add("primary_phone_number", StringValue(u.PrimaryPhoneNumber()))
	r.add("primary_web3_wallet", StringValue(u.PrimaryWeb3Wallet()))
	return r
}

// flattenJSON walks one JSON value token by token and adds its leaves.
func flattenJSON(r *Record, data []byte) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	if err := flattenValue(r, dec, ""); err != nil {
		return err
	}
	if _, err := dec.Token(); err != io.EOF {
		return errors.New("trailing data after the user")
	}
	return nil
}

func flattenValue(r *Record, dec *json.Decoder, prefix string) error {
	tok, err := dec.Token()
	if err != nil {
		return err
	}

	switch t := tok.(type) {
	case json.Delim:
		if t == '{' {
			return flattenObject(r, dec, prefix)
		}
		return flattenArray(r, dec, prefix)
	case string:
		r.add(prefix, StringValue(t))
	case json.Number:
		r.add(prefix, Value{kind: KindNumber, text: t.String()})
	case bool:
		r.add(prefix, BoolValue(t))
	case nil:
		r.add(prefix, NullValue())
	default:
		return fmt.Errorf("unexpected JSON token %v", tok)
	}
	return nil
}

func flattenObject(r *Record, dec *json.Decoder, prefix string) error {
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return err
		}
		key, _ := tok.(string)
		if err := flattenValue(r, dec, join(prefix, key)); err != nil {
			return err
		}
	}
	_, err := dec.Token() // the closing brace
	return err
}

func flattenArray(r *Record, dec *json.Decoder, prefix string) error {
	for i := 0; dec.More(); i++ {
		if err := flattenValue(r, dec, join(prefix, strconv.Itoa(i))); err != nil {
			return err
		}
	}
	_, err := dec.Token() // the closing bracket
	return err
}

func join(prefix, key string) string {
	if prefix == "" {
		return key
	}
	return prefix + "." + key
}

// Package jsonobj decodes JSON objects into Go structs and encodes them
// back so that nothing is lost on the way: it remembers which members were
// present (so an absent member and a null one stay apart) and keeps the
// members the struct does not know.
//
// A struct takes part by giving every field a json tag. Fields tagged
// omitempty are optional in the API's schema; the others are required and
// are always written for a value that was built in Go rather than decoded.
package jsonobj

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strings"
)

// MaxFields is the number of fields a struct may have, one bit each in
// State.Present.
const MaxFields = 64

// State is what decoding learned beyond the typed fields.
type State struct {
	// Decoded is true once the value was filled from JSON.
	Decoded bool
	// Present has bit i set when the struct's i-th tagged field was a
	// member of the decoded object.
	Present uint64
	// Unknown holds the members that match no field, as raw JSON.
	Unknown map[string]json.RawMessage
}

// Table describes how one struct type maps to JSON members.
type Table struct {
	typ    reflect.Type
	fields []field
	byName map[string]int
}

type field struct {
	index    int
	name     string
	required bool
}

// NewTable builds the table of struct type T. It panics when T has more
// than MaxFields tagged fields or a field without a json tag: both are
// programming errors caught by the first test that touches the type.
func NewTable[T any]() *Table {
	typ := reflect.TypeFor[T]()
	t := &Table{typ: typ, byName: map[string]int{}}

	for i := range typ.NumField() {
		sf := typ.Field(i)
		if !sf.IsExported() {
			continue
		}
		tag, ok := sf.Tag.Lookup("json")
		if !ok {
			panic(fmt.Sprintf("jsonobj: %s.%s has no json tag", typ, sf.Name))
		}
		name, opts, _ := strings.Cut(tag, ",")
		if name == "-" {
			continue
		}
		t.byName[name] = len(t.fields)
		t.fields = append(t.fields, field{
			index:    i,
			name:     name,
			required: !strings.Contains(opts, "omitempty"),
		})
	}

	if len(t.fields) > MaxFields {
		panic(fmt.Sprintf("jsonobj: %s has %d fields, more than %d",
			typ, len(t.fields), MaxFields))
	}
	return t
}

// Decode fills the struct that ptr points to from one JSON object and
// records presence and unknown members in st. Member names match exactly,
// as the API sends them; when a name repeats, the last value wins. JSON
// null leaves the field at its zero value.
func (t *Table) Decode(data []byte, ptr any, st *State) error {
	if bytes.Equal(bytes.TrimSpace(data), []byte("null")) {
		return nil
	}
	mems, err := members(data)
	if err != nil {
		return fmt.Errorf("decoding %s: %w", t.typ.Name(), err)
	}

	// Start from zero, so that nothing from an earlier value survives.
	v := reflect.ValueOf(ptr).Elem()
	v.SetZero()
	*st = State{Decoded: true}
	for _, m := range mems {
		i, known := t.byName[m.key]
		if !known {
			if !json.Valid(m.value) {
				return fmt.Errorf("decoding %s: member %q is not valid JSON",
					t.typ.Name(), m.key)
			}
			if st.Unknown == nil {
				st.Unknown = map[string]json.RawMessage{}
			}
			st.Unknown[m.key] = bytes.Clone(m.value)
			continue
		}

		f := t.fields[i]
		target := v.Field(f.index)
		target.SetZero() // a repeated name: the last one wins
		err := json.Unmarshal(m.value, target.Addr().Interface())
		if err != nil {
			return fmt.Errorf("decoding %s.%s: %w", t.typ.Name(), f.name, err)
		}
		st.Present |= 1 << i
	}
	return nil
}

// Encode writes the struct value v as a JSON object. A field is written
// when it was present in the decoded object, when it holds a non-zero
// value, or, for a value built in Go, when the schema requires it. Unknown
// members follow the fields in sorted order.
func (t *Table) Encode(v any, st State) ([]byte, error) {
	rv := reflect.ValueOf(v)
	var buf bytes.Buffer
	buf.WriteByte('{')

	first := true
	sep := func(name string) {
		if !first {
			buf.WriteByte(',')
		}
		first = false
		writeKey(&buf, name)
	}

	for i, f := range t.fields {
		fv := rv.Field(f.index)
		present := st.Present&(1<<i) != 0
		if !present && fv.IsZero() && (st.Decoded || !f.required) {
			continue
		}
		b, err := marshalField(fv, present || st.Decoded)
		if err != nil {
			return nil, fmt.Errorf("encoding %s.%s: %w", t.typ.Name(), f.name, err)
		}
		sep(f.name)
		buf.Write(b)
	}

	keys := make([]string, 0, len(st.Unknown))
	for k := range st.Unknown {
		if _, known := t.byName[k]; !known {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	for _, k := range keys {
		raw := st.Unknown[k]
		if !json.Valid(raw) {
			return nil, fmt.Errorf("encoding %s: unknown member %q is not valid JSON",
				t.typ.Name(), k)
		}
		sep(k)
		buf.Write(raw)
	}

	buf.WriteByte('}')
	return buf.Bytes(), nil
}

// marshalField encodes one field. A nil list of a value built in Go is
// written as [] rather than null: the schema's lists are never null. Types
// with their own encoding (raw JSON) decide for themselves.
func marshalField(fv reflect.Value, keepNull bool) ([]byte, error) {
	isList := fv.Kind() == reflect.Slice && !fv.Type().Implements(marshalerType)
	if !keepNull && isList && fv.IsNil() {
		return []byte("[]"), nil
	}
	return json.Marshal(fv.Interface())
}

var marshalerType = reflect.TypeFor[json.Marshaler]()

func writeKey(buf *bytes.Buffer, name string) {
	b, _ := json.Marshal(name) // a string always encodes
	buf.Write(b)
	buf.WriteByte(':')
}

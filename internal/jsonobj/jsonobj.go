// Package jsonobj decodes JSON objects into Go structs and encodes them
// back so that nothing is lost on the way: it remembers which members were
// present (so an absent member and a null one stay apart) and keeps the
// members the struct does not know.
//
// A struct takes part by giving every field a json tag. Fields tagged
// omitempty are optional in the API's schema; the others are required and
// are always written for a value that was built in Go rather than decoded.
//
// JSON null is remembered too. A member sent as null is written back as
// null while its field holds the zero value, even for a field whose Go type
// cannot hold null (a bool, a string, a struct); an object that was itself
// null is written back as null while all its fields are zero. The one case
// this cannot tell apart: a field that arrived as null and was then set to
// its zero value in Go still encodes as null.
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
	// Nulls has bit i set when the struct's i-th tagged field was sent as
	// JSON null (the last time, if its name repeated).
	Nulls uint64
	// Null is true when the whole value was JSON null.
	Null bool
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
// null leaves the field at its zero value and sets its bit in st.Nulls.
//
// Data that is JSON null leaves a struct that already holds something, and
// st, untouched, as encoding/json does; a zero struct is marked st.Null.
// On an error the struct may be partly filled.
func (t *Table) Decode(data []byte, ptr any, st *State) error {
	v := reflect.ValueOf(ptr).Elem()
	if isNull(data) {
		if v.IsZero() {
			*st = State{Null: true}
		}
		return nil
	}
	mems, err := members(data)
	if err != nil {
		return fmt.Errorf("decoding %s: %w", t.typ.Name(), err)
	}

	// Start from zero, so that nothing from an earlier value survives.
	v.SetZero()
	*st = State{Decoded: true}
	for _, m := range mems {
		i, known := t.byName[m.key]
		if !known {
			if err := st.keep(m); err != nil {
				return fmt.Errorf("decoding %s: %w", t.typ.Name(), err)
			}
			continue
		}

		f := t.fields[i]
		target := v.Field(f.index)
		target.SetZero() // a repeated name: the last one wins
		err := json.Unmarshal(m.value, target.Addr().Interface())
		if err != nil {
			return fmt.Errorf("decoding %s.%s: %w", t.typ.Name(), f.name, err)
		}

		bit := uint64(1) << i
		st.Present |= bit
		st.Nulls &^= bit
		if isNull(m.value) {
			st.Nulls |= bit
		}
	}
	return nil
}

// keep stores an unknown member, which must be valid JSON.
func (st *State) keep(m member) error {
	if !json.Valid(m.value) {
		return fmt.Errorf("member %q is not valid JSON", m.key)
	}
	if st.Unknown == nil {
		st.Unknown = map[string]json.RawMessage{}
	}
	st.Unknown[m.key] = bytes.Clone(m.value)
	return nil
}

// Encode writes the struct value v as a JSON object. A field is written
// when it was present in the decoded object, when it holds a non-zero
// value, or, for a value built in Go, when the schema requires it. Unknown
// members follow the fields in sorted order. A value decoded from null
// that is still empty is written as null.
func (t *Table) Encode(v any, st State) ([]byte, error) {
	rv := reflect.ValueOf(v)
	if st.Null && len(st.Unknown) == 0 && t.empty(rv) {
		return []byte("null"), nil
	}
	var w objectWriter

	for i, f := range t.fields {
		fv := rv.Field(f.index)
		bit := uint64(1) << i
		present := st.Present&bit != 0
		if !present && fv.IsZero() && (st.Decoded || !f.required) {
			continue
		}
		b, err := marshalField(fv, st.Nulls&bit != 0)
		if err != nil {
			return nil, fmt.Errorf("encoding %s.%s: %w", t.typ.Name(), f.name, err)
		}
		w.member(f.name, b)
	}

	if err := t.encodeUnknown(&w, st.Unknown); err != nil {
		return nil, err
	}
	return w.close(), nil
}

// encodeUnknown writes the unknown members in sorted order, leaving out
// any whose name belongs to a field.
func (t *Table) encodeUnknown(w *objectWriter, unknown map[string]json.RawMessage) error {
	keys := make([]string, 0, len(unknown))
	for k := range unknown {
		if _, known := t.byName[k]; !known {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)

	for _, k := range keys {
		raw := unknown[k]
		if !json.Valid(raw) {
			return fmt.Errorf("encoding %s: unknown member %q is not valid JSON",
				t.typ.Name(), k)
		}
		w.member(k, raw)
	}
	return nil
}

// objectWriter writes one JSON object, member by member.
type objectWriter struct {
	buf bytes.Buffer
	n   int
}

func (w *objectWriter) member(name string, value []byte) {
	if w.n == 0 {
		w.buf.WriteByte('{')
	} else {
		w.buf.WriteByte(',')
	}
	w.n++
	key, _ := json.Marshal(name) // a string always encodes
	w.buf.Write(key)
	w.buf.WriteByte(':')
	w.buf.Write(value)
}

// close ends the object and returns it.
func (w *objectWriter) close() []byte {
	if w.n == 0 {
		return []byte("{}")
	}
	w.buf.WriteByte('}')
	return w.buf.Bytes()
}

// empty reports whether every tagged field of rv holds its zero value.
func (t *Table) empty(rv reflect.Value) bool {
	for _, f := range t.fields {
		if !rv.Field(f.index).IsZero() {
			return false
		}
	}
	return true
}

// marshalField encodes one field. A field that arrived as null and still
// holds its zero value is written as null. Otherwise a nil list is written
// as [] rather than null: the schema's lists are never null. Types with
// their own encoding (raw JSON) decide for themselves.
func marshalField(fv reflect.Value, wasNull bool) ([]byte, error) {
	if wasNull && fv.IsZero() {
		return []byte("null"), nil
	}
	isList := fv.Kind() == reflect.Slice && !fv.Type().Implements(marshalerType)
	if isList && fv.IsNil() {
		return []byte("[]"), nil
	}
	return json.Marshal(fv.Interface())
}

var marshalerType = reflect.TypeFor[json.Marshaler]()

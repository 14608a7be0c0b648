package jsonobj

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
)

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
		w.member(f.quoted, b)
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
		key, _ := json.Marshal(k) // a string always encodes
		w.member(key, raw)
	}
	return nil
}

// objectWriter writes one JSON object, member by member.
type objectWriter struct {
	buf bytes.Buffer
	n   int
}

// member writes one member, whose name is already a JSON string.
func (w *objectWriter) member(quoted, value []byte) {
	if w.n == 0 {
		w.buf.WriteByte('{')
	} else {
		w.buf.WriteByte(',')
	}
	w.n++
	w.buf.Write(quoted)
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

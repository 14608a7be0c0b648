package clerk

import (
	"bytes"
	"encoding/json"
	"slices"
	"strconv"
)

// Kind is the JSON kind of a Value in a Record.
type Kind uint8

// The kinds a flattened value keeps.
const (
	// KindNull is JSON null: Clerk has the field but no value.
	KindNull Kind = iota
	// KindString is text.
	KindString
	// KindNumber is a number, kept as its exact decimal text.
	KindNumber
	// KindBool is true or false.
	KindBool
)

// String names the kind: "null", "string", "number" or "bool".
func (k Kind) String() string {
	switch k {
	case KindString:
		return "string"
	case KindNumber:
		return "number"
	case KindBool:
		return "bool"
	}
	return "null"
}

// Value is one leaf of a flattened user: its kind and its exact text.
// Numbers keep every digit Clerk sent (never a float64 round trip).
type Value struct {
	kind Kind
	text string
}

// StringValue returns a text Value.
func StringValue(s string) Value { return Value{kind: KindString, text: s} }

// IntValue returns a number Value.
func IntValue(n int64) Value { return Value{kind: KindNumber, text: strconv.FormatInt(n, 10)} }

// BoolValue returns a boolean Value.
func BoolValue(b bool) Value { return Value{kind: KindBool, text: strconv.FormatBool(b)} }

// NullValue returns the null Value.
func NullValue() Value { return Value{} }

// Kind returns the value's kind.
func (v Value) Kind() Kind { return v.kind }

// String renders the value as text: the text itself, the number's digits,
// "true" or "false", and "" for null.
func (v Value) String() string { return v.text }

// IsNull reports whether the value is null.
func (v Value) IsNull() bool { return v.kind == KindNull }

// MarshalJSON writes the value with its JSON kind.
func (v Value) MarshalJSON() ([]byte, error) {
	switch v.kind {
	case KindString:
		return json.Marshal(v.text)
	case KindNumber, KindBool:
		return []byte(v.text), nil
	}
	return []byte("null"), nil
}

// Field is one key and value of a Record.
type Field struct {
	Key   string
	Value Value
}

// Record is a user flattened into keys and values, in a fixed order; see
// Flatten for the keys.
type Record struct {
	fields []Field
}

// Fields returns the record's fields in order. The slice is the record's
// own; do not change it.
func (r Record) Fields() []Field { return r.fields }

// Len returns the number of fields.
func (r Record) Len() int { return len(r.fields) }

// Get returns the value under key and whether the record has it.
func (r Record) Get(key string) (Value, bool) {
	for _, f := range r.fields {
		if f.Key == key {
			return f.Value, true
		}
	}
	return Value{}, false
}

// Keys returns the keys in order.
func (r Record) Keys() []string {
	keys := make([]string, len(r.fields))
	for i, f := range r.fields {
		keys[i] = f.Key
	}
	return keys
}

// Strings returns the record as text, every value rendered with
// Value.String.
func (r Record) Strings() map[string]string {
	out := make(map[string]string, len(r.fields))
	for _, f := range r.fields {
		out[f.Key] = f.Value.String()
	}
	return out
}

// MarshalJSON writes the record as one JSON object, keys in order, values
// with their kinds.
func (r Record) MarshalJSON() ([]byte, error) {
	var buf bytes.Buffer
	buf.WriteByte('{')
	for i, f := range r.fields {
		if i > 0 {
			buf.WriteByte(',')
		}
		key, _ := json.Marshal(f.Key)
		val, _ := f.Value.MarshalJSON()
		buf.Write(key)
		buf.WriteByte(':')
		buf.Write(val)
	}
	buf.WriteByte('}')
	return buf.Bytes(), nil
}

func (r *Record) add(key string, v Value) {
	r.fields = append(r.fields, Field{Key: key, Value: v})
}

// RecordBuilder makes a Record field by field, for callers that assemble
// their own records. The zero value is ready to use.
type RecordBuilder struct {
	r Record
}

// Add appends a field. Keys are not checked for uniqueness.
func (b *RecordBuilder) Add(key string, v Value) *RecordBuilder {
	b.r.add(key, v)
	return b
}

// Record returns the record built so far.
func (b *RecordBuilder) Record() Record {
	return Record{fields: slices.Clone(b.r.fields)}
}

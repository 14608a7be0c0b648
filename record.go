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

// Record is a user flattened into keys and values, in a fixed order, or
// the fields a Mapping made from a user; the package documentation
// describes the keys of Flatten under "Flattened keys". A Record does not
// change once made, and is safe for concurrent use.
//
// A record keeps every key in one string and every text in another, with
// the fields as offsets into them, so that making one costs a handful of
// allocations however many fields it has.
type Record struct {
	keys   string
	texts  string
	leaves []leaf
}

// leaf is one field of a Record: where its key is, in the record's keys
// or, for a key of the schema's own members, in schemaKeys; where its
// text ends in the record's texts (each starts where the previous one
// ended); and its kind.
type leaf struct {
	keyStart int32
	keyEnd   int32
	textEnd  int32
	kind     Kind
	schema   bool // the key is in schemaKeys
}

// key returns the key of l.
func (r Record) key(l *leaf) string {
	if l.schema {
		return schemaKeys[l.keyStart:l.keyEnd]
	}
	return r.keys[l.keyStart:l.keyEnd]
}

// field returns the i-th field.
func (r Record) field(i int) Field {
	var t int32
	if i > 0 {
		t = r.leaves[i-1].textEnd
	}
	l := &r.leaves[i]
	return Field{Key: r.key(l), Value: Value{kind: l.kind, text: r.texts[t:l.textEnd]}}
}

// Fields returns the record's fields in order, in a new slice.
func (r Record) Fields() []Field {
	fields := make([]Field, len(r.leaves))
	for i := range r.leaves {
		fields[i] = r.field(i)
	}
	return fields
}

// Len returns the number of fields.
func (r Record) Len() int { return len(r.leaves) }

// Get returns the value under key and whether the record has it. It reads
// the fields in order, so for many lookups in one record, Strings or
// Fields once is cheaper.
func (r Record) Get(key string) (Value, bool) {
	for i := range r.leaves {
		if r.key(&r.leaves[i]) == key {
			return r.field(i).Value, true
		}
	}
	return Value{}, false
}

// Keys returns the keys in order.
func (r Record) Keys() []string {
	keys := make([]string, len(r.leaves))
	for i := range r.leaves {
		keys[i] = r.key(&r.leaves[i])
	}
	return keys
}

// Strings returns the record as text, every value rendered with
// Value.String.
func (r Record) Strings() map[string]string {
	out := make(map[string]string, len(r.leaves))
	for i := range r.leaves {
		f := r.field(i)
		out[f.Key] = f.Value.String()
	}
	return out
}

// MarshalJSON writes the record as one JSON object, keys in order, values
// with their kinds.
func (r Record) MarshalJSON() ([]byte, error) {
	var buf bytes.Buffer
	buf.Grow(len(r.keys) + len(r.texts) + 6*len(r.leaves) + 2)
	buf.WriteByte('{')
	for i := range r.leaves {
		if i > 0 {
			buf.WriteByte(',')
		}
		f := r.field(i)
		key, _ := json.Marshal(f.Key)
		val, _ := f.Value.MarshalJSON()
		buf.Write(key)
		buf.WriteByte(':')
		buf.Write(val)
	}
	buf.WriteByte('}')
	return buf.Bytes(), nil
}

// RecordBuilder makes a Record field by field, for callers that assemble
// their own records. The zero value is ready to use.
type RecordBuilder struct {
	keys   []byte
	texts  []byte
	leaves []leaf
}

// Add appends a field. Keys are not checked for uniqueness.
func (b *RecordBuilder) Add(key string, v Value) *RecordBuilder {
	start := int32(len(b.keys))
	b.keys = append(b.keys, key...)
	b.texts = append(b.texts, v.text...)
	b.leaves = append(b.leaves, leaf{keyStart: start, keyEnd: int32(len(b.keys)),
		textEnd: int32(len(b.texts)), kind: v.kind})
	return b
}

// Record returns the record built so far.
func (b *RecordBuilder) Record() Record {
	return Record{keys: string(b.keys), texts: string(b.texts), leaves: slices.Clone(b.leaves)}
}

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
//
// Decoding reads the JSON once. Table.Decode and Registry.Decode check
// every byte as they decode it, so they may be given bytes that nothing
// has checked; a Registry decodes a family of model types nested in one
// another in that same pass, rather than through encoding/json and each
// type's UnmarshalJSON at every level, which would check each level's
// bytes again.
package jsonobj

import (
	"encoding/json"
	"fmt"
	"reflect"
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
	plan   *plan // how Decode reads the fields, on its own
}

type field struct {
	index    int
	name     string
	quoted   []byte // name as a JSON string, for Encode
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
		quoted, _ := json.Marshal(name) // a string always encodes
		t.fields = append(t.fields, field{
			index:    i,
			name:     name,
			quoted:   quoted,
			required: !strings.Contains(opts, "omitempty"),
		})
	}

	if len(t.fields) > MaxFields {
		panic(fmt.Sprintf("jsonobj: %s has %d fields, more than %d",
			typ, len(t.fields), MaxFields))
	}

	t.plan = newPlan(t, nil)
	(&compiler{}).fill(t.plan)
	return t
}

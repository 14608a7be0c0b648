package clerk_test

import (
	"encoding/json"
	"reflect"
	"testing"

	"github.com/workflowkit/clerk"
)

// BenchmarkDecodePageFast decodes the page of BenchmarkDecodePage the way
// ListUsers does, in one pass.
func BenchmarkDecodePageFast(b *testing.B) {
	data := pageBytes(b)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := clerk.DecodeUsers(data); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDecodePagePlain is the yardstick: encoding/json decoding the
// same page into plain structs with the same fields and no methods, as
// Clerk's own SDK types are decoded.
func BenchmarkDecodePagePlain(b *testing.B) {
	data := pageBytes(b)
	typ := reflect.SliceOf(plainType(reflect.TypeFor[clerk.User]()))
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if err := json.Unmarshal(data, reflect.New(typ).Interface()); err != nil {
			b.Fatal(err)
		}
	}
}

// plainType returns a type shaped like typ without its JSON methods:
// structs lose their Extra field, Metadata becomes json.RawMessage and
// named strings become string.
func plainType(typ reflect.Type) reflect.Type {
	switch {
	case typ == reflect.TypeFor[clerk.Metadata]():
		return reflect.TypeFor[json.RawMessage]()
	case typ.Kind() == reflect.String:
		return reflect.TypeFor[string]()
	case typ.Kind() == reflect.Pointer:
		return reflect.PointerTo(plainType(typ.Elem()))
	case typ.Kind() == reflect.Slice:
		return reflect.SliceOf(plainType(typ.Elem()))
	case typ.Kind() != reflect.Struct:
		return typ
	}

	var fields []reflect.StructField
	for i := range typ.NumField() {
		f := typ.Field(i)
		if f.Type == reflect.TypeFor[clerk.Extra]() {
			continue
		}
		f.Type = plainType(f.Type)
		fields = append(fields, f)
	}
	return reflect.StructOf(fields)
}

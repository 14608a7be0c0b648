package clerk

import (
	"fmt"
	"reflect"
	"strings"
)

// shapeKind is what one member of Clerk's user schema holds, as Flatten and
// mappings see it.
type shapeKind uint8

const (
	shapeText   shapeKind = iota // a string
	shapeNumber                  // an integer
	shapeTime                    // an integer of Unix milliseconds, named *_at
	shapeBool                    // true or false
	shapeObject                  // a model struct with an Extra
	shapeList                    // a slice of one shape
	shapeRaw                     // Metadata: any JSON the application stored
)

// describe names the kind for error messages.
func (k shapeKind) describe() string {
	switch k {
	case shapeText:
		return "text"
	case shapeNumber:
		return "a number"
	case shapeTime:
		return "a time in Unix milliseconds"
	case shapeBool:
		return "true or false"
	case shapeObject:
		return "an object"
	case shapeList:
		return "a list"
	}
	return "metadata"
}

// shape is the ordered table of one model type's members: their JSON
// names, where the Go value keeps them, and what they hold. Flatten walks
// it to write keys in the order of Clerk's schema; mappings check their
// paths against it. It is built once from the json tags of the model, so
// a field the model gains is flattened and mappable without a change here.
type shape struct {
	kind   shapeKind
	fields []shapeField    // shapeObject: members in the order of the model
	byName map[string]int  // shapeObject: index into fields
	extra  int             // shapeObject: Go index of the Extra field
	elem   *shape          // shapeList: the shape of each item
	made   map[string]bool // shapeObject: keys Flatten makes up at this level

	size     uintptr // the Go size of a value, the stride of a list's items
	extraOff uintptr // shapeObject: Go offset of the Extra field
}

// shapeField is one member of an object.
type shapeField struct {
	name     string // JSON name
	index    int    // Go field index
	bit      uint64 // presence bit in Extra, as internal/jsonobj numbers them
	required bool   // tagged without omitempty
	pointer  bool   // a Go pointer: nil is JSON null
	shape    *shape

	offset uintptr      // Go offset of the field in its struct
	typ    reflect.Type // Go type of the field, for the rare reflect check
}

// companionSuffix ends the key of the RFC 3339 companion of a timestamp.
const companionSuffix = "_rfc3339"

// userShape is the shape of User, built once; it is never changed after.
var userShape = newUserShape()

// newUserShape builds the shape of User and marks the keys that Flatten
// adds at the top level.
func newUserShape() *shape {
	s := newShape(reflect.TypeFor[User](), map[reflect.Type]*shape{})
	for _, d := range derivedKeys() {
		s.made[d.key] = true
	}
	s.made[keyFlattenError] = true
	s.made[keyFlattenTruncated] = true
	return s
}

var (
	metadataType = reflect.TypeFor[Metadata]()
	extraType    = reflect.TypeFor[Extra]()
)

// newShape describes the Go type t. It panics on a type the model does not
// use, a programming error that the first test touching Flatten catches.
func newShape(t reflect.Type, seen map[reflect.Type]*shape) *shape {
	if s, ok := seen[t]; ok {
		return s
	}
	s := newShapeOf(t, seen)
	s.size = t.Size()
	return s
}

// newShapeOf describes the Go type t, but for its size.
func newShapeOf(t reflect.Type, seen map[reflect.Type]*shape) *shape {
	switch {
	case t == metadataType:
		return &shape{kind: shapeRaw}
	case t.Kind() == reflect.String:
		return &shape{kind: shapeText}
	case t.Kind() == reflect.Bool:
		return &shape{kind: shapeBool}
	case t.Kind() == reflect.Int64:
		return &shape{kind: shapeNumber}
	case t.Kind() == reflect.Slice:
		return &shape{kind: shapeList, elem: newShape(t.Elem(), seen)}
	case t.Kind() == reflect.Struct:
		s := &shape{kind: shapeObject, byName: map[string]int{}, made: map[string]bool{},
			extra: -1}
		seen[t] = s
		fillObjectShape(s, t, seen)
		return s
	}
	panic(fmt.Sprintf("clerk: Flatten cannot describe %s", t))
}

// fillObjectShape adds the members of struct type t to s. Presence bits
// count the exported fields that have a json name, in order, as
// internal/jsonobj does; flatten_oracle_test.go holds the two together.
func fillObjectShape(s *shape, t reflect.Type, seen map[reflect.Type]*shape) {
	bit := 0
	for i := range t.NumField() {
		sf := t.Field(i)
		if sf.Type == extraType {
			s.extra, s.extraOff = i, sf.Offset
		}
		tag, ok := sf.Tag.Lookup("json")
		name, opts, _ := strings.Cut(tag, ",")
		if !sf.IsExported() || !ok || name == "-" {
			continue
		}

		ft, pointer := sf.Type, sf.Type.Kind() == reflect.Pointer
		if pointer {
			ft = ft.Elem()
		}
		f := shapeField{name: name, index: i, bit: 1 << bit, pointer: pointer,
			required: !strings.Contains(opts, "omitempty"), shape: newShape(ft, seen),
			offset: sf.Offset, typ: sf.Type}
		if f.shape.kind == shapeNumber && strings.HasSuffix(name, "_at") {
			f.shape = &shape{kind: shapeTime}
			s.made[name+companionSuffix] = true
		}

		s.byName[name] = len(s.fields)
		s.fields = append(s.fields, f)
		bit++
	}
	if s.extra < 0 {
		panic(fmt.Sprintf("clerk: %s has no Extra field", t))
	}
}

// presence is how one member appears in a user's JSON encoding.
type presence uint8

const (
	absent   presence = iota // not written at all
	nullJSON                 // written as null
	hasValue                 // written with a value
)

// extraOf returns the Extra of v, an addressable value of an object shape.
func extraOf(s *shape, v reflect.Value) *Extra {
	return v.Field(s.extra).Addr().Interface().(*Extra)
}

// member returns the Go value of f in the object v and how the encoding
// writes it, by the rules of internal/jsonobj's Encode: a member is left
// out when it was absent from the decoded JSON (or, for a value built in
// Go, is optional) and holds its zero value; a member sent as null that
// still holds its zero value is null. A non-nil pointer is followed.
func member(f *shapeField, v reflect.Value, ex *Extra) (reflect.Value, presence) {
	fv := v.Field(f.index)
	zero := fv.IsZero()

	switch {
	case zero && ex.present&f.bit == 0 && (ex.decoded || !f.required):
		return fv, absent
	case zero && ex.nulls&f.bit != 0:
		return fv, nullJSON
	case f.pointer && fv.IsNil():
		return fv, nullJSON
	case f.pointer:
		return fv.Elem(), hasValue
	}
	return fv, hasValue
}

// nullObject reports whether the object v encodes as null: it was decoded
// from null and still holds nothing.
func nullObject(s *shape, v reflect.Value) bool {
	ex := extraOf(s, v)
	if !ex.null || len(ex.Unknown) > 0 {
		return false
	}

	for _, f := range s.fields {
		if !v.Field(f.index).IsZero() {
			return false
		}
	}
	return true
}

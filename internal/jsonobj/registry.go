package jsonobj

import (
	"fmt"
	"reflect"
)

// Registry decodes a family of model types that nest in one another, such
// as a user and its email addresses, in a single pass over the JSON: a
// field whose type is one of the family (the type, a pointer to it or a
// slice of it) is decoded by the registry itself rather than by the type's
// UnmarshalJSON method. It is built once and only read afterwards, so it
// may be used from many goroutines.
type Registry struct {
	ops map[reflect.Type]*op // by the type Decode's ptr points to
}

// Config describes a family of model types. Each model type has a Table
// and exactly one field of type E, which keeps its State.
type Config[E any] struct {
	// Tables has one table for each model type.
	Tables []*Table
	// Store writes the State of a decoded value into its field of type E.
	Store func(field *E, st State)
	// Raw lists []byte types that keep a value's JSON as it came, checked
	// and copied, as json.RawMessage does; null is kept as "null".
	Raw []reflect.Type
}

// NewRegistry builds the registry of the family c describes. It panics
// when a model type does not have exactly one field of type E or a raw
// type is not a []byte type: both are programming errors caught by the
// first test that decodes anything.
func NewRegistry[E any](c Config[E]) *Registry {
	state := reflect.TypeFor[E]()
	store := func(v reflect.Value, st State) { c.Store(v.Addr().Interface().(*E), st) }
	comp := &compiler{plans: map[reflect.Type]*plan{}, raw: map[reflect.Type]bool{}}

	for _, typ := range c.Raw {
		if typ.Kind() != reflect.Slice || typ.Elem().Kind() != reflect.Uint8 {
			panic(fmt.Sprintf("jsonobj: raw type %s is not a []byte type", typ))
		}
		comp.raw[typ] = true
	}
	for _, t := range c.Tables {
		p := newPlan(t, state)
		if p.state < 0 || countFields(t.typ, state) != 1 {
			panic(fmt.Sprintf("jsonobj: %s needs one field of type %s", t.typ, state))
		}
		p.store = store
		comp.plans[t.typ] = p
	}

	// Every plan exists before any op is compiled, so that types may nest
	// in any order, and even in themselves.
	r := &Registry{ops: map[reflect.Type]*op{}}
	for typ, p := range comp.plans {
		comp.fill(p)
		r.ops[reflect.PointerTo(typ)] = comp.compile(typ)
		slice := reflect.SliceOf(typ)
		r.ops[reflect.PointerTo(slice)] = comp.compile(slice)
	}
	return r
}

// countFields counts the fields of the struct type typ that have type
// field.
func countFields(typ, field reflect.Type) int {
	n := 0
	for i := range typ.NumField() {
		if typ.Field(i).Type == field {
			n++
		}
	}
	return n
}

// Decode fills what ptr points to from JSON data, read in one pass and
// checked completely. ptr is a pointer to a model type, whose value is
// decoded as Table.Decode decodes it, with its State stored in it, or a
// pointer to a slice of a model type, which gets a new slice holding the
// array's items (or nil for null), as encoding/json decodes it. On an
// error the value may be partly filled.
func (r *Registry) Decode(data []byte, ptr any) error {
	o, ok := r.ops[reflect.TypeOf(ptr)]
	if !ok {
		return fmt.Errorf("jsonobj: cannot decode into %T", ptr)
	}
	d := decoder{data: data}
	d.space()

	if err := d.value(o, reflect.ValueOf(ptr).Elem()); err != nil {
		return err
	}
	if !d.atEnd() {
		if o.kind == opObject {
			return o.obj.table.errorf("", errSyntax)
		}
		return d.fail("unexpected data after the value")
	}
	return nil
}

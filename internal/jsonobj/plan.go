package jsonobj

import (
	"encoding"
	"encoding/json"
	"reflect"
)

// opKind is how one Go type is decoded.
type opKind uint8

const (
	// opFallback hands the value's bytes, already checked, to
	// encoding/json: for the types this package does not decode itself
	// (floats, maps, interfaces, structs without a table, types with
	// their own UnmarshalJSON or UnmarshalText).
	opFallback opKind = iota
	opString          // any string kind
	opBool
	opInt     // any signed integer kind; only integers that fit
	opPointer // to a type with an op; null leaves it nil
	opSlice   // of a type with an op; null leaves it nil, [] is empty
	opObject  // a struct with a table in the registry
	opRaw     // a []byte type that keeps the JSON as it came
)

// op is the decoding plan of one Go type.
type op struct {
	kind  opKind
	typ   reflect.Type
	elem  *op           // opPointer and opSlice
	obj   *plan         // opObject
	empty reflect.Value // opSlice: a slice of length 0, shared, never written
	slot  int           // opString: where the decoder keeps its last value
}

// plan is the decoding plan of one table's struct type.
type plan struct {
	table  *Table
	fields []*op // the op of each of table.fields
	state  int   // index of the field that keeps the State, or -1
	// store writes a decoded State into the state field.
	store func(field reflect.Value, st State)
}

var (
	unmarshalerType     = reflect.TypeFor[json.Unmarshaler]()
	textUnmarshalerType = reflect.TypeFor[encoding.TextUnmarshaler]()
)

// compiler builds ops, knowing the tables and raw types of a registry.
type compiler struct {
	plans map[reflect.Type]*plan
	raw   map[reflect.Type]bool
	slots int // string ops so far
}

// compile returns the op of typ. Types that take part in a registry come
// first: they have UnmarshalJSON methods, which the registry bypasses.
func (c *compiler) compile(typ reflect.Type) *op {
	if p, ok := c.plans[typ]; ok {
		return &op{kind: opObject, typ: typ, obj: p}
	}
	if c.raw[typ] {
		return &op{kind: opRaw, typ: typ}
	}
	ptr := reflect.PointerTo(typ)
	if ptr.Implements(unmarshalerType) || ptr.Implements(textUnmarshalerType) {
		return &op{kind: opFallback, typ: typ}
	}

	switch typ.Kind() {
	case reflect.String:
		c.slots++
		return &op{kind: opString, typ: typ, slot: c.slots - 1}
	case reflect.Bool:
		return &op{kind: opBool, typ: typ}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return &op{kind: opInt, typ: typ}
	case reflect.Pointer:
		return c.wrap(opPointer, typ)
	case reflect.Slice:
		if typ.Elem().Kind() != reflect.Uint8 { // []byte is base64 in JSON
			return c.wrap(opSlice, typ)
		}
	}
	return &op{kind: opFallback, typ: typ}
}

// wrap returns the op of a pointer or slice type, or a fallback when its
// element has none of its own: encoding/json then decodes the whole.
func (c *compiler) wrap(kind opKind, typ reflect.Type) *op {
	elem := c.compile(typ.Elem())
	if elem.kind == opFallback || (kind == opPointer && elem.kind == opPointer) {
		return &op{kind: opFallback, typ: typ}
	}
	o := &op{kind: kind, typ: typ, elem: elem}
	if kind == opSlice {
		o.empty = reflect.MakeSlice(typ, 0, 0)
	}
	return o
}

// newPlan returns the plan of t's struct type, without its ops yet; state
// is the type of the field that keeps the State, or nil.
func newPlan(t *Table, state reflect.Type) *plan {
	p := &plan{table: t, state: -1}
	if state == nil {
		return p
	}
	for i := range t.typ.NumField() {
		if t.typ.Field(i).Type == state {
			p.state = i
		}
	}
	return p
}

// fill compiles the ops of p's fields.
func (c *compiler) fill(p *plan) {
	p.fields = make([]*op, len(p.table.fields))
	for i, f := range p.table.fields {
		p.fields[i] = c.compile(p.table.typ.Field(f.index).Type)
	}
}

package jsonobj

import (
	"encoding/json"
	"fmt"
	"reflect"
)

// value reads the value at d.i into v by o. The rules are encoding/json's
// for the same Go type: null leaves strings, bools and numbers alone and
// sets pointers and slices to nil; a model type decodes null as its
// UnmarshalJSON does.
func (d *decoder) value(o *op, v reflect.Value) error {
	if d.i >= len(d.data) {
		if o.kind == opObject {
			return o.obj.table.errorf("", errSyntax)
		}
		return d.fail("expected a value")
	}

	switch o.kind {
	case opString:
		return d.stringValue(o, v)
	case opBool:
		return d.boolValue(o, v)
	case opInt:
		return d.intValue(o, v)
	case opPointer:
		return d.pointerValue(o, v)
	case opSlice:
		return d.sliceValue(o, v)
	case opObject:
		return d.objectValue(o.obj, v)
	case opRaw:
		return d.rawValue(v)
	}
	return d.fallbackValue(v)
}

// stringValue reads a string, or null, which leaves v alone.
func (d *decoder) stringValue(o *op, v reflect.Value) error {
	switch d.data[d.i] {
	case '"':
		s, err := d.str()
		if err != nil {
			return err
		}
		v.SetString(d.intern(o.slot, s))
		return nil
	case 'n':
		_, err := d.literal()
		return err
	}
	return d.mismatch(o)
}

// intern returns b as a string, the one decoded last by the op with this
// slot when it holds the same text.
func (d *decoder) intern(slot int, b []byte) string {
	if slot >= len(d.last) {
		return string(b)
	}
	if d.last[slot] == string(b) {
		return d.last[slot]
	}
	s := string(b)
	d.last[slot] = s
	return s
}

// boolValue reads true or false, or null, which leaves v alone.
func (d *decoder) boolValue(o *op, v reflect.Value) error {
	switch d.data[d.i] {
	case 't', 'f':
		c, err := d.literal()
		v.SetBool(c == 't')
		return err
	case 'n':
		_, err := d.literal()
		return err
	}
	return d.mismatch(o)
}

// intValue reads an integer: a number with a fraction or an exponent,
// such as 1.0 or 1e3, is refused even when its value is whole, and so is
// one beyond the field's range, as encoding/json does.
func (d *decoder) intValue(o *op, v reflect.Value) error {
	switch c := d.data[d.i]; {
	case c == 'n':
		_, err := d.literal()
		return err
	case c != '-' && (c < '0' || c > '9'):
		return d.mismatch(o)
	}

	start := d.i
	span, integer, err := d.number()
	if err != nil {
		return err
	}
	n, ok := parseInt(span)
	if !integer || !ok || v.OverflowInt(n) {
		return &json.UnmarshalTypeError{Value: "number " + string(span), Type: o.typ,
			Offset: int64(start)}
	}
	v.SetInt(n)
	return nil
}

// pointerValue reads null as nil, and anything else into a new value.
func (d *decoder) pointerValue(o *op, v reflect.Value) error {
	if d.data[d.i] == 'n' {
		v.SetZero()
		_, err := d.literal()
		return err
	}

	p := reflect.New(o.elem.typ)
	if err := d.value(o.elem, p.Elem()); err != nil {
		return err
	}
	v.Set(p)
	return nil
}

// sliceValue reads an array into a new slice, so that a slice v held
// before is not written into.
func (d *decoder) sliceValue(o *op, v reflect.Value) error {
	switch d.data[d.i] {
	case 'n':
		v.SetZero()
		_, err := d.literal()
		return err
	case '[':
	default:
		return d.mismatch(o)
	}

	if err := d.open(); err != nil {
		return err
	}
	v.SetZero()
	if d.peek() == ']' {
		d.i++
		d.depth--
		v.Set(o.empty)
		return nil
	}
	for n := 0; ; n++ {
		if n == v.Cap() {
			v.Grow(1)
		}
		v.SetLen(n + 1)
		if err := d.value(o.elem, v.Index(n)); err != nil {
			return fmt.Errorf("item %d: %w", n, err)
		}
		if more, err := d.next(']'); err != nil || !more {
			return err
		}
	}
}

// objectValue reads an object of a model type and stores its State in
// the model's state field.
func (d *decoder) objectValue(p *plan, v reflect.Value) error {
	var st State
	if d.data[d.i] == 'n' {
		if _, err := d.literal(); err != nil {
			return p.table.errorf("", errSyntax)
		}
		if !v.IsZero() {
			return nil // null leaves a value that holds something alone
		}
		st.Null = true
		p.store(v.Field(p.state), st)
		return nil
	}

	if err := d.object(p, v, &st); err != nil {
		return err
	}
	p.store(v.Field(p.state), st)
	return nil
}

// rawValue keeps a copy of the value's JSON, as it came.
func (d *decoder) rawValue(v reflect.Value) error {
	raw, err := d.skip()
	if err != nil {
		return err
	}
	v.SetBytes(append([]byte(nil), raw...))
	return nil
}

// fallbackValue hands the checked bytes of the value to encoding/json.
func (d *decoder) fallbackValue(v reflect.Value) error {
	raw, err := d.skip()
	if err != nil {
		return err
	}
	return json.Unmarshal(raw, v.Addr().Interface())
}

// mismatch reads past a value whose JSON type does not fit o and reports
// the mismatch as encoding/json does, or a syntax error if it has one.
func (d *decoder) mismatch(o *op) error {
	start := d.i
	if _, err := d.skip(); err != nil {
		return err
	}
	return &json.UnmarshalTypeError{Value: jsonKind(d.data[start]), Type: o.typ,
		Offset: int64(start)}
}

// jsonKind names the JSON type of a value from its first byte.
func jsonKind(c byte) string {
	switch c {
	case '"':
		return "string"
	case '{':
		return "object"
	case '[':
		return "array"
	case 't', 'f':
		return "bool"
	case 'n':
		return "null"
	}
	return "number"
}

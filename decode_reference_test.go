package clerk

import (
	"bytes"
	"encoding/json"
	"errors"
	"reflect"
	"strings"
)

// This file keeps a reference decoder for the model types, made of
// encoding/json alone, as the package decoded before the single-pass
// registry: each object is split into members, each member's value is
// decoded by encoding/json on its own, and model types nested in it are
// decoded the same way, one level at a time. The fuzz targets hold the
// registry to it.

// errRefSyntax is the reference's error for text that is not an object.
var errRefSyntax = errors.New("reference: not a JSON object")

// isModel reports whether typ is one of the model types.
func isModel(typ reflect.Type) bool {
	if typ.Kind() != reflect.Struct {
		return false
	}
	f, ok := typ.FieldByName("Extra")
	return ok && f.Type == reflect.TypeFor[Extra]()
}

// refDecode decodes data into v, an addressable model value.
func refDecode(data []byte, v reflect.Value) error {
	if string(bytes.TrimSpace(data)) == "null" {
		if v.IsZero() {
			v.FieldByName("Extra").Set(reflect.ValueOf(Extra{null: true}))
		}
		return nil
	}
	if !json.Valid(data) {
		return errRefSyntax
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	if tok, _ := dec.Token(); tok != json.Delim('{') {
		return errRefSyntax
	}

	v.SetZero()
	ex := Extra{decoded: true}
	names := fieldNames(v.Type())
	for dec.More() {
		tok, _ := dec.Token()
		key := tok.(string)
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return err
		}
		if err := ex.refMember(v, names, key, raw); err != nil {
			return err
		}
	}
	v.FieldByName("Extra").Set(reflect.ValueOf(ex))
	return nil
}

// refMember decodes one member into its field of v or into ex.Unknown.
func (ex *Extra) refMember(v reflect.Value, names []string, key string, raw []byte) error {
	bit := -1
	for i, name := range names {
		if name == key {
			bit = i
		}
	}
	if bit < 0 {
		if ex.Unknown == nil {
			ex.Unknown = map[string]json.RawMessage{}
		}
		ex.Unknown[key] = bytes.Clone(raw)
		return nil
	}

	fv := v.Field(fieldIndex(v.Type(), bit))
	fv.SetZero()
	if err := refValue(raw, fv); err != nil {
		return err
	}
	ex.present |= 1 << bit
	ex.nulls &^= 1 << bit
	if string(raw) == "null" {
		ex.nulls |= 1 << bit
	}
	return nil
}

// refValue decodes one member's value into fv as encoding/json would,
// calling refDecode where encoding/json would call UnmarshalJSON.
func refValue(raw []byte, fv reflect.Value) error {
	typ := fv.Type()
	isNull := string(raw) == "null"
	switch {
	case isModel(typ):
		return refDecode(raw, fv)
	case typ.Kind() == reflect.Pointer && isModel(typ.Elem()):
		if isNull {
			return nil
		}
		p := reflect.New(typ.Elem())
		fv.Set(p)
		return refDecode(raw, p.Elem())
	case typ.Kind() == reflect.Slice && isModel(typ.Elem()):
		return refList(raw, fv)
	}
	return json.Unmarshal(raw, fv.Addr().Interface())
}

// refList decodes a JSON array of model values into the slice fv.
func refList(raw []byte, fv reflect.Value) error {
	var items []json.RawMessage
	if err := json.Unmarshal(raw, &items); err != nil || items == nil {
		return err
	}
	s := reflect.MakeSlice(fv.Type(), len(items), len(items))
	for i, item := range items {
		if err := refDecode(item, s.Index(i)); err != nil {
			return err
		}
	}
	fv.Set(s)
	return nil
}

// fieldNames lists the JSON names of typ's tagged fields, in the order
// that numbers their bits.
func fieldNames(typ reflect.Type) []string {
	var names []string
	for i := range typ.NumField() {
		f := typ.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if f.IsExported() && name != "-" {
			names = append(names, name)
		}
	}
	return names
}

// fieldIndex returns the index in typ of the tagged field numbered bit.
func fieldIndex(typ reflect.Type, bit int) int {
	for i := range typ.NumField() {
		f := typ.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if f.IsExported() && name != "-" {
			if bit == 0 {
				return i
			}
			bit--
		}
	}
	panic("no such field")
}

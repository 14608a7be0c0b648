package clerk

import (
	"reflect"
	"slices"
	"strconv"
)

// object adds the members of v, an addressable value of the object shape
// s, in the order of the model, then the members Clerk added after this
// library, sorted by name, as the encoding writes them.
func (f *flattener) object(s *shape, v reflect.Value) {
	ex := extraOf(s, v)
	for i := range s.fields {
		fd := &s.fields[i]
		fv, p := member(fd, v, ex)
		switch p {
		case absent:
			continue
		case nullJSON:
			f.null(seg{name: fd.name}, fd.shape)
			continue
		}
		f.value(seg{name: fd.name}, fd.shape, fv)
	}

	if len(ex.Unknown) > 0 {
		f.unknown(s, ex)
	}
}

// null adds a null field, and the null companion of a null timestamp.
func (f *flattener) null(key seg, s *shape) {
	f.leaf(key, KindNull, "")
	if s.kind == shapeTime {
		key.suffix = companionSuffix
		f.leaf(key, KindNull, "")
	}
}

// value adds the fields of one member whose Go value is v.
func (f *flattener) value(key seg, s *shape, v reflect.Value) {
	switch s.kind {
	case shapeText:
		f.leaf(key, KindString, v.String())
	case shapeBool:
		f.leaf(key, KindBool, strconv.FormatBool(v.Bool()))
	case shapeNumber:
		var digits [20]byte
		f.texts.raw(strconv.AppendInt(digits[:0], v.Int(), 10))
		f.leafKey(key, KindNumber)
	case shapeTime:
		f.timestamp(key, v.Int())
	case shapeObject:
		f.nested(key, s, v)
	case shapeList:
		f.list(key, s, v)
	case shapeRaw:
		f.raw(key, v.Bytes())
	}
}

// timestamp adds Unix milliseconds ms and, under the key with
// companionSuffix, the same time in RFC 3339, or null when it has none.
func (f *flattener) timestamp(key seg, ms int64) {
	var buf [32]byte
	f.texts.raw(strconv.AppendInt(buf[:0], ms, 10))
	f.leafKey(key, KindNumber)

	key.suffix = companionSuffix
	if text, ok := appendCompanion(buf[:0], ms); ok {
		f.texts.raw(text)
		f.leafKey(key, KindString)
		return
	}
	f.leaf(key, KindNull, "")
}

// nested adds an object's members under its key, or null when it encodes
// as null.
func (f *flattener) nested(key seg, s *shape, v reflect.Value) {
	if nullObject(s, v) {
		f.leaf(key, KindNull, "")
		return
	}
	n := f.push(key)
	f.object(s, v)
	f.pop(n)
}

// list adds a list's items under its key, by index. An empty list adds
// nothing.
func (f *flattener) list(key seg, s *shape, v reflect.Value) {
	if v.Len() == 0 {
		return
	}
	n := f.push(key)
	for i := range v.Len() {
		f.value(seg{index: i, item: true}, s.elem, v.Index(i))
	}
	f.pop(n)
}

// unknown adds the members Clerk sent that the model has no field for,
// sorted by name, each bounded like metadata. A name that is a key
// Flatten makes up at this level gets a leading backslash.
func (f *flattener) unknown(s *shape, ex *Extra) {
	names := make([]string, 0, len(ex.Unknown))
	for name := range ex.Unknown {
		if _, typed := s.byName[name]; !typed {
			names = append(names, name)
		}
	}
	slices.Sort(names)

	for _, name := range names {
		f.raw(seg{name: name, escape: true, made: s.made[name]}, ex.Unknown[name])
	}
}

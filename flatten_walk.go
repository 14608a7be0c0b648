package clerk

import (
	"reflect"
	"slices"
	"strconv"
	"unsafe"
)

// The walk reads the model through the offsets of its shape rather than
// through reflect, which costs several times more per field: p is always
// the address of a Go value of the shape at hand, so every offset added to
// it stays inside that value.

// object adds the members of the object of shape s at p, in the order of
// the model, then the members Clerk added after this library, sorted by
// name, as the encoding writes them.
func (f *flattener) object(s *shape, p unsafe.Pointer) {
	ex := (*Extra)(unsafe.Add(p, s.extraOff))
	node := f.node
	for i := range s.fields {
		fd := &s.fields[i]
		fp, at := memberAt(fd, p, ex)
		if at == absent || node != nil && f.scalar(&node.fields[i], fd.shape, fp, at) {
			continue
		}
		key := seg{name: fd.name}
		if node != nil {
			key.ref = &node.fields[i]
		}

		switch at {
		case absent:
			continue
		case nullJSON:
			f.null(key, fd.shape)
			continue
		}
		f.value(key, fd.shape, fp)
	}

	if len(ex.Unknown) > 0 {
		f.unknown(s, ex)
	}
}

// memberAt is member for the object at p: it returns the address of the
// value of f and how the encoding writes it.
func memberAt(f *shapeField, p unsafe.Pointer, ex *Extra) (unsafe.Pointer, presence) {
	fp := unsafe.Add(p, f.offset)
	zero := isZeroAt(f, fp)

	switch {
	case zero && ex.present&f.bit == 0 && (ex.decoded || !f.required):
		return fp, absent
	case zero && ex.nulls&f.bit != 0:
		return fp, nullJSON
	case f.pointer && zero:
		return fp, nullJSON
	case f.pointer:
		return *(*unsafe.Pointer)(fp), hasValue
	}
	return fp, hasValue
}

// isZeroAt reports what reflect.Value.IsZero reports for the field f at
// fp: nil for pointers, slices and metadata.
func isZeroAt(f *shapeField, fp unsafe.Pointer) bool {
	if f.pointer {
		return *(*unsafe.Pointer)(fp) == nil
	}

	switch f.shape.kind {
	case shapeText:
		return *(*string)(fp) == ""
	case shapeBool:
		return !*(*bool)(fp)
	case shapeNumber, shapeTime:
		return *(*int64)(fp) == 0
	case shapeList, shapeRaw:
		return *(*unsafe.Pointer)(fp) == nil // a slice's data
	}
	return reflect.NewAt(f.typ, fp).Elem().IsZero() // a struct held by value
}

// scalar adds a text, number, time or boolean member whose key is ref,
// and reports whether it did: it leaves other shapes, and text too long
// to keep whole, to value.
func (f *flattener) scalar(ref *keyRef, s *shape, p unsafe.Pointer, at presence) bool {
	switch {
	case s.kind > shapeBool:
		return false
	case at == nullJSON:
		f.schemaLeaf(ref, false, KindNull)
		if s.kind == shapeTime {
			f.schemaLeaf(ref, true, KindNull)
		}
	case s.kind == shapeText:
		text := *(*string)(p)
		if len(text) > FlattenMaxValueBytes {
			return false
		}
		f.texts.str(text)
		f.schemaLeaf(ref, false, KindString)
	case s.kind == shapeBool:
		f.texts.str(strconv.FormatBool(*(*bool)(p)))
		f.schemaLeaf(ref, false, KindBool)
	case s.kind == shapeNumber:
		f.texts.int(*(*int64)(p))
		f.schemaLeaf(ref, false, KindNumber)
	default:
		ms := *(*int64)(p)
		f.texts.int(ms)
		f.schemaLeaf(ref, false, KindNumber)
		f.schemaLeaf(ref, true, f.texts.companion(ms))
	}
	return true
}

// schemaLeaf adds a field whose key is ref, or its companion, and whose
// text is written.
func (f *flattener) schemaLeaf(ref *keyRef, companion bool, kind Kind) {
	if f.nleaf == len(f.leaves) {
		f.leaves = append(f.leaves, make([]leaf, len(f.leaves)+16)...)
	}
	end := ref.end
	if companion {
		end += int32(len(companionSuffix))
	}
	f.leaves[f.nleaf] = leaf{keyStart: ref.start, keyEnd: end, textEnd: int32(f.texts.n),
		kind: kind, schema: true}
	f.nleaf++
}

// null adds a null field, and the null companion of a null timestamp.
func (f *flattener) null(key seg, s *shape) {
	f.leaf(key, KindNull, "")
	if s.kind == shapeTime {
		key.suffix = companionSuffix
		f.leaf(key, KindNull, "")
	}
}

// value adds the fields of one member whose Go value is at p.
func (f *flattener) value(key seg, s *shape, p unsafe.Pointer) {
	switch s.kind {
	case shapeText:
		f.leaf(key, KindString, *(*string)(p))
	case shapeBool:
		f.leaf(key, KindBool, strconv.FormatBool(*(*bool)(p)))
	case shapeNumber:
		var digits [20]byte
		f.texts.raw(strconv.AppendInt(digits[:0], *(*int64)(p), 10))
		f.leafKey(key, KindNumber)
	case shapeTime:
		f.timestamp(key, *(*int64)(p))
	case shapeObject:
		f.nested(key, s, p)
	case shapeList:
		f.list(key, s, p)
	case shapeRaw:
		f.raw(key, *(*[]byte)(p))
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
func (f *flattener) nested(key seg, s *shape, p unsafe.Pointer) {
	if nullObjectAt(s, p) {
		f.leaf(key, KindNull, "")
		return
	}
	n, node := f.push(key), f.node
	f.node = nil
	if key.ref != nil {
		f.node = key.ref.object
	}
	f.object(s, p)
	f.node = node
	f.pop(n)
}

// nullObjectAt is nullObject for the object at p.
func nullObjectAt(s *shape, p unsafe.Pointer) bool {
	ex := (*Extra)(unsafe.Add(p, s.extraOff))
	if !ex.null || len(ex.Unknown) > 0 {
		return false
	}

	for i := range s.fields {
		if !isZeroAt(&s.fields[i], unsafe.Add(p, s.fields[i].offset)) {
			return false
		}
	}
	return true
}

// list adds the items of the slice at p under its key, by index. An empty
// list adds nothing.
func (f *flattener) list(key seg, s *shape, p unsafe.Pointer) {
	items := (*sliceHeader)(p)
	if items.len == 0 {
		return
	}
	n := f.push(key)
	for i := range items.len {
		item := unsafe.Add(items.data, uintptr(i)*s.elem.size)
		itemKey := seg{index: i, item: true}
		if key.ref != nil && i < len(key.ref.items) {
			itemKey.ref = &key.ref.items[i]
		}
		f.value(itemKey, s.elem, item)
	}
	f.pop(n)
}

// sliceHeader is how Go lays out a slice.
type sliceHeader struct {
	data     unsafe.Pointer
	len, cap int
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

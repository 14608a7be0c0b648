package clerk

import (
	"strconv"
	"strings"
)

// The keys of the schema's own members repeat from user to user, so
// Flatten does not write them into every record: it points into
// schemaKeys, one string that holds each of them once, built at start-up
// from userShape and never changed. Only keys that depend on the data
// (metadata, members Clerk added later, list items past
// keyTableItems) are written into the record itself.

// keyTableItems is how many items of each list have their keys in the
// table; later items are written out.
const keyTableItems = 8

// keyTableDepth bounds how deep the table follows nested objects, a guard
// in case the model ever refers to itself.
const keyTableDepth = 8

// keyRef is where the table holds one key, and the keys under it.
type keyRef struct {
	start, end int32    // the key in schemaKeys; a timestamp's companion follows it
	object     *keyNode // an object: the keys of its members
	items      []keyRef // a list: its first keyTableItems items
}

// keyNode holds the keys of an object's members, in the order of its
// shape's fields.
type keyNode struct {
	fields []keyRef
}

// schemaKeys and userKeys are the key table, built once; they are never
// changed after.
var schemaKeys, userKeys = buildKeyTable(userShape)

// buildKeyTable returns the table of the keys of the object shape s.
func buildKeyTable(s *shape) (string, *keyNode) {
	var b strings.Builder
	node := tableObject(&b, s, "", 1)
	return b.String(), node
}

// tableObject adds the keys of the members of s under prefix, which is
// empty or ends in a dot.
func tableObject(b *strings.Builder, s *shape, prefix string, depth int) *keyNode {
	if depth > keyTableDepth {
		return nil
	}

	node := &keyNode{fields: make([]keyRef, len(s.fields))}
	for i, fd := range s.fields {
		node.fields[i] = tableKey(b, fd.shape, prefix+fd.name, depth)
	}
	return node
}

// tableKey adds key, of shape s, and the keys under it.
func tableKey(b *strings.Builder, s *shape, key string, depth int) keyRef {
	ref := keyRef{start: int32(b.Len())}
	b.WriteString(key)
	ref.end = int32(b.Len())
	if s.kind == shapeTime {
		b.WriteString(companionSuffix)
	}

	switch s.kind {
	case shapeObject:
		ref.object = tableObject(b, s, key+".", depth+1)
	case shapeList:
		for i := range keyTableItems {
			item := key + "." + strconv.Itoa(i)
			ref.items = append(ref.items, tableKey(b, s.elem, item, depth+1))
		}
	}
	return ref
}

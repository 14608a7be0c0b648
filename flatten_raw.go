package clerk

import (
	"encoding/json"
	"strconv"
)

// raw adds the fields of one metadata value, or of a member Clerk added
// after this library, given as raw JSON: nested objects by dotted path
// with escaped names, lists by index, within the Flatten* bounds. Empty
// data is Go's nil Metadata, which encodes as {} and adds nothing.
func (f *flattener) raw(key seg, data []byte) {
	if len(data) == 0 || string(data) == "{}" {
		return
	}
	if !json.Valid(data) {
		f.errs.add(f.key(key), "not valid JSON, left out")
		return
	}

	f.budget, f.root, f.rootAt = FlattenMaxValues, key, f.path.n
	f.rawValue(key, trimJSON(data), 1)
}

// rawValue adds one valid JSON value found at depth (the metadata value
// itself is depth 1).
func (f *flattener) rawValue(key seg, data []byte, depth int) {
	if data[0] == '{' || data[0] == '[' {
		f.rawContainer(key, data, depth)
		return
	}

	if f.budget == 0 {
		root := string(appendSeg(f.path.b[:f.rootAt:f.rootAt], f.root))
		f.cuts.add(root, "more than "+strconv.Itoa(FlattenMaxValues)+
			" values, the rest left out")
	}
	if f.budget--; f.budget < 0 {
		return
	}

	switch {
	case data[0] == '"':
		f.leaf(key, KindString, jsonTextView(data))
	case data[0] == 't' || data[0] == 'f':
		f.leaf(key, KindBool, strconv.FormatBool(data[0] == 't'))
	case data[0] == 'n':
		f.leaf(key, KindNull, "")
	case len(data) > FlattenMaxValueBytes:
		f.cuts.add(f.key(key), "a number of "+strconv.Itoa(len(data))+" digits, left out")
		f.leaf(key, KindNull, "")
	default:
		f.texts.raw(data)
		f.leafKey(key, KindNumber)
	}
}

// rawContainer adds the members of an object or the items of a list, or
// notes that it is nested too deep. Empty ones add nothing.
func (f *flattener) rawContainer(key seg, data []byte, depth int) {
	if depth > FlattenMaxDepth {
		f.cuts.add(f.key(key), "nested deeper than "+strconv.Itoa(FlattenMaxDepth)+
			" levels, left out")
		return
	}

	n := f.push(key)
	defer f.pop(n)
	if data[0] == '[' {
		for i, item := range jsonItems(data) {
			f.rawValue(seg{index: i, item: true}, item, depth+1)
		}
		return
	}
	var buf [16]jsonMember
	ms := appendJSONMembers(buf[:0], data, jsonTextView)
	if len(ms) > 1 {
		ms = lastWins(ms)
	}
	for _, m := range ms {
		f.rawValue(seg{name: m.name, escape: true}, m.value, depth+1)
	}
}

// lastWins drops every member whose name comes again later in the object,
// as encoding/json keeps the last; order is otherwise kept.
func lastWins(ms []jsonMember) []jsonMember {
	if !mayRepeat(ms) {
		return ms
	}

	last := make(map[string]int, len(ms))
	for i, m := range ms {
		last[m.name] = i
	}
	if len(last) == len(ms) {
		return ms
	}

	out := make([]jsonMember, 0, len(last))
	for i, m := range ms {
		if last[m.name] == i {
			out = append(out, m)
		}
	}
	return out
}

// mayRepeat reports whether a name may come twice in ms: it compares the
// names of a small object pairwise, cheaper than a map, and says yes for
// a large one.
func mayRepeat(ms []jsonMember) bool {
	if len(ms) > 16 {
		return true
	}

	for i := range ms {
		for j := i + 1; j < len(ms); j++ {
			if ms[i].name == ms[j].name {
				return true
			}
		}
	}
	return false
}

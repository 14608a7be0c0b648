package clerk

import (
	"bytes"
	"encoding/json"
	"reflect"
)

// nodeKind says what a node holds.
type nodeKind uint8

const (
	nodeTyped nodeKind = iota // a Go value of the model
	nodeRaw                   // raw JSON inside metadata
	nodeValue                 // a value Flatten makes up, or null
)

// node is one value that a path has reached in a user.
type node struct {
	kind  nodeKind
	shape *shape        // nodeTyped
	v     reflect.Value // nodeTyped, addressable
	raw   []byte        // nodeRaw, without surrounding white space
	value Value         // nodeValue
}

func nullNode() node { return node{kind: nodeValue} }

// typedNode wraps v, an addressable value of shape s; an object that
// encodes as null becomes a null node.
func typedNode(s *shape, v reflect.Value) node {
	if s.kind == shapeObject && nullObject(s, v) {
		return nullNode()
	}
	if s.kind == shapeRaw {
		raw := trimJSON(v.Bytes())
		switch {
		case len(raw) == 0:
			raw = []byte("{}") // nil Metadata encodes as {}
		case !json.Valid(raw):
			return nullNode() // only in a User built by hand
		}
		return node{kind: nodeRaw, raw: raw}
	}
	return node{kind: nodeTyped, shape: s, v: v}
}

// eval returns every value path p reaches from start, in order.
func (p *compiledPath) eval(start node, u *User) []node {
	nodes := []node{start}
	for i := range p.steps {
		st := &p.steps[i]
		var next []node
		for _, n := range nodes {
			next = st.apply(next, n, u)
		}
		if len(st.sels) > 0 {
			next = selectItems(next, st.sels, u)
		}
		nodes = next
	}
	return nodes
}

// apply appends to out what step st reaches from n.
func (st *pathStep) apply(out []node, n node, u *User) []node {
	switch st.op {
	case opDerived:
		return append(out, node{kind: nodeValue, value: derivedValue(st.derived, u)})
	case opRaw:
		if item, ok := rawChild(n, st.name); ok {
			out = append(out, node{kind: nodeRaw, raw: item})
		}
		return out
	case opIndex:
		if n.kind == nodeTyped && st.index < n.v.Len() {
			out = append(out, typedNode(n.shape.elem, n.v.Index(st.index)))
		}
		return out
	}

	if n.kind != nodeTyped {
		return out // a null object has no members
	}
	fv, p := member(st.field, n.v, extraOf(n.shape, n.v))
	switch {
	case p == absent:
		return out
	case p == nullJSON:
		return append(out, nullNode())
	case st.op == opCompanion:
		text, ok := appendCompanion(nil, fv.Int())
		if !ok {
			return append(out, nullNode())
		}
		return append(out, node{kind: nodeValue, value: StringValue(string(text))})
	}
	return append(out, typedNode(st.field.shape, fv))
}

// rawChild returns the member name of a raw object (the last, when the
// name repeats), or the item at index name of a raw list.
func rawChild(n node, name string) ([]byte, bool) {
	if n.kind != nodeRaw {
		return nil, false
	}

	switch n.raw[0] {
	case '{':
		var found []byte
		for _, m := range jsonMembers(n.raw) {
			if m.name == name {
				found = m.value
			}
		}
		return found, len(found) > 0
	case '[':
		i, ok := pathIndex(name)
		for j, item := range jsonItems(n.raw) {
			if ok && j == i {
				return item, true
			}
		}
	}
	return nil, false
}

// selectItems replaces each list in nodes by its items that sels select.
func selectItems(nodes []node, sels []compiledSel, u *User) []node {
	var out []node
	for _, n := range nodes {
		set := items(n)
		for _, sel := range sels {
			set = sel.apply(set, u)
		}
		out = append(out, set...)
	}
	return out
}

// items returns the items of a list node; anything else has none.
func items(n node) []node {
	var out []node
	switch {
	case n.kind == nodeTyped && n.shape.kind == shapeList:
		for i := range n.v.Len() {
			out = append(out, typedNode(n.shape.elem, n.v.Index(i)))
		}
	case n.kind == nodeRaw && n.raw[0] == '[':
		for _, item := range jsonItems(n.raw) {
			out = append(out, node{kind: nodeRaw, raw: item})
		}
	}
	return out
}

// apply returns the nodes of set that sel keeps.
func (sel compiledSel) apply(set []node, u *User) []node {
	switch sel.kind {
	case selAll:
		return set
	case selIndex:
		if sel.index < len(set) {
			return set[sel.index : sel.index+1]
		}
		return nil
	}

	var out []node
	for _, n := range set {
		got := sel.cond.eval(n, u)
		if len(got) == 0 {
			continue
		}
		if v, ok := got[0].scalar(); ok && v.String() == sel.want {
			out = append(out, n)
		}
	}
	return out
}

// scalar returns the value of a node that holds one value, and false for
// an object or a list.
func (n node) scalar() (Value, bool) {
	switch n.kind {
	case nodeValue:
		return n.value, true
	case nodeRaw:
		return rawScalar(n.raw)
	}

	switch n.shape.kind {
	case shapeText:
		return StringValue(n.v.String()), true
	case shapeBool:
		return BoolValue(n.v.Bool()), true
	case shapeNumber, shapeTime:
		return IntValue(n.v.Int()), true
	}
	return Value{}, false
}

// rawScalar reads a raw JSON value that is not an object or a list.
func rawScalar(raw []byte) (Value, bool) {
	switch raw[0] {
	case '{', '[':
		return Value{}, false
	case '"':
		return StringValue(jsonText(raw)), true
	case 't', 'f':
		return BoolValue(raw[0] == 't'), true
	case 'n':
		return NullValue(), true
	}
	return Value{kind: KindNumber, text: string(raw)}, true
}

// json returns the node as compact JSON, as Clerk would send it.
func (n node) json() ([]byte, error) {
	switch n.kind {
	case nodeValue:
		return n.value.MarshalJSON()
	case nodeRaw:
		var buf bytes.Buffer
		err := json.Compact(&buf, n.raw)
		return buf.Bytes(), err
	}
	return json.Marshal(n.v.Interface())
}

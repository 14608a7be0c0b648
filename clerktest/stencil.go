package clerktest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"

	"github.com/workflowkit/clerk"
)

// A stencil encodes generated values of one shape without encoding/json,
// which takes about 0.1 ms for a realistic user: too slow to load 100,000
// of them. The shape of a generated value (its booleans, which optional
// parts it has) fixes the layout of its JSON; only strings, numbers,
// metadata and lists differ between values of one shape. So the builder
// passes each of those through leaves, which, when making a prototype,
// hands out a sentinel instead. The prototype is encoded once with
// encoding/json, and the sentinels in its JSON mark where each value's
// leaves go. A list is one leaf, whose JSON the builder makes with the
// stencils of its elements, so that a user's shape does not depend on
// what its lists hold: a population of 100,000 users has a few dozen
// shapes.
//
// The layout comes from encoding/json, so the stencil follows any change
// to the models. What it cannot see is a value that changes the layout:
// a value left out of leaves, or one that is empty in an omitempty field.
// TestStencilMatchesEncodingJSON compares users of a population with
// encoding/json, which would show either.

// leafKind is what a leaf holds.
type leafKind byte

const (
	leafString    leafKind = iota + 1 // written escaped, inside a JSON string
	leafNumber                        // an integer
	leafRaw                           // compact JSON, such as metadata
	leafOptString                     // a whole JSON string, or null
	leafOptNumber                     // an integer, or null
	leafList                          // the JSON of a whole list
)

// leaf is one value of a generated user that varies within its shape.
type leaf struct {
	kind leafKind
	s    string // a string; compact JSON; for a list's prototype, its JSON
	n    int64
	null bool
	list []byte
}

// leaves records the values a builder reads, in order. A nil *leaves
// records nothing and hands every value back unchanged.
type leaves struct {
	// proto makes the methods hand out sentinels instead of values.
	proto bool
	vals  []leaf
}

// Sentinels: a string leaf k is "\x01k\x02", which encoding/json writes
// as `\u0001k\u0002`; a raw leaf is that string as a JSON value; a number
// leaf is numSentinel+k, 19 digits that no timestamp or count reaches.
// Leaves that may be null use the sentinel of their type, and so must be
// whole values. A list leaf is a list of one element marked with a string
// sentinel; the stencil cuts out the whole list.
const (
	strOpen     = `\u0001`
	strClose    = `\u0002`
	numSentinel = 7_007_007_000_000_000_000
	numPrefix   = "7007007000000"
	numDigits   = 19
)

// take records lf and returns the number of the sentinel to hand out
// instead of the value, or -1 to hand out the value itself.
func (l *leaves) take(lf leaf) int {
	switch {
	case l == nil:
		return -1
	case l.proto:
		l.vals = append(l.vals, leaf{kind: lf.kind})
		return len(l.vals) - 1
	}
	l.vals = append(l.vals, lf)
	return -1
}

func strSentinel(k int) string { return "\x01" + strconv.Itoa(k) + "\x02" }

// str records a string leaf.
func (l *leaves) str(s string) string {
	if k := l.take(leaf{kind: leafString, s: s}); k >= 0 {
		return strSentinel(k)
	}
	return s
}

// strp records a string leaf and returns a pointer to it.
func (l *leaves) strp(s string) *string { return ptr(l.str(s)) }

// num records a number leaf.
func (l *leaves) num(n int64) int64 {
	if k := l.take(leaf{kind: leafNumber, n: n}); k >= 0 {
		return numSentinel + int64(k)
	}
	return n
}

// optStr records a string leaf that may be null, and returns nil for "".
// Use it only for a field that is written as null when nil, and only as
// a whole value.
func (l *leaves) optStr(s string) *string {
	if k := l.take(leaf{kind: leafOptString, s: s, null: s == ""}); k >= 0 {
		return ptr(strSentinel(k))
	}
	if s == "" {
		return nil
	}
	return &s
}

// optNum records a number leaf that may be null, and returns nil for 0.
// Use it only for a field that is written as null when nil.
func (l *leaves) optNum(n int64) *int64 {
	if k := l.take(leaf{kind: leafOptNumber, n: n, null: n == 0}); k >= 0 {
		return ptr(numSentinel + int64(k))
	}
	if n == 0 {
		return nil
	}
	return &n
}

// raw records a leaf of compact JSON without the characters <, > and &,
// which encoding/json would escape, and returns it as metadata.
func (l *leaves) raw(s string) clerk.Metadata {
	if k := l.take(leaf{kind: leafRaw, s: s}); k >= 0 {
		return clerk.Metadata(`"` + strOpen + strconv.Itoa(k) + strClose + `"`)
	}
	return clerk.Metadata(s)
}

// list records a list leaf, whose JSON is raw, and returns items. Making
// a prototype, it returns a list of the one element that mark makes with
// a string sentinel instead.
func list[T any](l *leaves, items []T, raw []byte, mark func(sentinel string) T) []T {
	if k := l.take(leaf{kind: leafList, list: raw}); k >= 0 {
		marked := []T{mark(strSentinel(k))}
		proto, err := json.Marshal(marked)
		if err != nil {
			panic("clerktest: a list marker does not encode: " + err.Error())
		}
		l.vals[k].s = string(proto)
		return marked
	}
	return items
}

// stencils are the stencils of one population, by shape. A shape is any
// comparable value that tells the layouts of one type apart.
type stencils map[any]*stencil

// get returns the stencil of shape. Given a prototype's leaves, build
// must make a value of that shape; get calls it the first time it meets
// the shape.
func (c stencils) get(shape any, build func(*leaves) any) *stencil {
	st := c[shape]
	if st == nil {
		proto := &leaves{proto: true}
		var err error
		if st, err = newStencil(build(proto), proto); err != nil {
			panic(fmt.Sprintf("clerktest: generated %T does not encode: %v", shape, err))
		}
		c[shape] = st
	}
	return st
}

// stencil is the JSON of one shape, cut at its values: text[i] precedes
// the value of leaf slots[i], and the last text ends the JSON.
type stencil struct {
	text   [][]byte
	slots  []int
	size   int // bytes of text
	leaves int // how many leaves a user of the shape has
}

// newStencil encodes proto, built with sentinels recorded in lv, and cuts
// its JSON at the sentinels.
func newStencil(proto any, lv *leaves) (*stencil, error) {
	raw, err := json.Marshal(proto)
	if err != nil {
		return nil, err
	}

	st := &stencil{leaves: len(lv.vals)}
	for {
		i, j, k, err := nextSentinel(raw, lv.vals)
		if err != nil {
			return nil, err
		}
		if i < 0 {
			break
		}
		st.text = append(st.text, raw[:i])
		st.slots = append(st.slots, k)
		raw = raw[j:]
	}
	st.text = append(st.text, raw)

	for _, t := range st.text {
		st.size += len(t)
	}
	return st, nil
}

// nextSentinel finds the first sentinel in raw: it spans raw[i:j] and
// stands for leaf k. It returns i = -1 when there is none.
func nextSentinel(raw []byte, proto []leaf) (i, j, k int, err error) {
	s, n := bytes.Index(raw, []byte(strOpen)), bytes.Index(raw, []byte(numPrefix))
	if n >= 0 && (s < 0 || n < s) {
		return numberSentinel(raw, n, len(proto))
	}
	if s < 0 {
		return -1, 0, 0, nil
	}

	end := bytes.Index(raw[s:], []byte(strClose))
	if end < 0 {
		return 0, 0, 0, fmt.Errorf("unclosed string sentinel at byte %d", s)
	}
	k, err = strconv.Atoi(string(raw[s+len(strOpen) : s+end]))
	if err != nil || k >= len(proto) {
		return 0, 0, 0, fmt.Errorf("bad string sentinel at byte %d", s)
	}
	i, j = s, s+end+len(strClose)
	switch proto[k].kind {
	case leafList:
		if i = bytes.Index(raw, []byte(proto[k].s)); i < 0 || i > s {
			return 0, 0, 0, fmt.Errorf("list %d is not where its marker is", k)
		}
		return i, i + len(proto[k].s), k, nil
	case leafRaw, leafOptString:
		if i == 0 || j == len(raw) || raw[i-1] != '"' || raw[j] != '"' {
			return 0, 0, 0, fmt.Errorf("sentinel %d is not a whole value", k)
		}
		i, j = i-1, j+1
	}
	return i, j, k, nil
}

// numberSentinel reads the number sentinel at raw[at:].
func numberSentinel(raw []byte, at, leaves int) (i, j, k int, err error) {
	j = at + numDigits
	if j > len(raw) || (j < len(raw) && raw[j] >= '0' && raw[j] <= '9') ||
		(at > 0 && raw[at-1] >= '0' && raw[at-1] <= '9') {
		return 0, 0, 0, fmt.Errorf("bad number sentinel at byte %d", at)
	}
	n, err := strconv.ParseInt(string(raw[at:j]), 10, 64)
	k = int(n - numSentinel)
	if err != nil || k < 0 || k >= leaves {
		return 0, 0, 0, fmt.Errorf("bad number sentinel at byte %d", at)
	}
	return at, j, k, nil
}

// encode returns the JSON of the user whose leaves are vals.
func (st *stencil) encode(vals []leaf) []byte {
	size := st.size
	for _, v := range vals {
		size += len(v.s) + len(v.list) + 20
	}
	return st.fill(make([]byte, 0, size), vals)
}

// fill appends the JSON of the user whose leaves are vals to dst. It
// panics when the user has more or fewer leaves than the shape, which
// only a builder that branches on a value can cause.
func (st *stencil) fill(dst []byte, vals []leaf) []byte {
	if len(vals) != st.leaves {
		panic(fmt.Sprintf("clerktest: a generated user has %d leaves, its shape %d",
			len(vals), st.leaves))
	}
	for i, k := range st.slots {
		dst = append(dst, st.text[i]...)
		switch v := vals[k]; v.kind {
		case leafString:
			dst = appendEscaped(dst, v.s)
		case leafNumber:
			dst = strconv.AppendInt(dst, v.n, 10)
		case leafRaw:
			dst = append(dst, v.s...)
		case leafOptString, leafOptNumber:
			dst = appendOpt(dst, v)
		case leafList:
			dst = append(dst, v.list...)
		}
	}
	return append(dst, st.text[len(st.slots)]...)
}

// appendOpt appends a leaf that may be null.
func appendOpt(dst []byte, v leaf) []byte {
	switch {
	case v.null:
		return append(dst, "null"...)
	case v.kind == leafOptNumber:
		return strconv.AppendInt(dst, v.n, 10)
	}
	dst = append(dst, '"')
	return append(appendEscaped(dst, v.s), '"')
}

// appendEscaped appends s as encoding/json writes it between the quotes
// of a string: printable ASCII other than ", \, <, > and & as it is,
// anything else as encoding/json escapes it.
func appendEscaped(dst []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 || c >= 0x7f || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' {
			q, _ := json.Marshal(s) // a string always encodes
			return append(dst, q[1:len(q)-1]...)
		}
	}
	return append(dst, s...)
}

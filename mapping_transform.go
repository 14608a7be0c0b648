package clerk

import (
	"errors"
	"strconv"
	"strings"
	"time"
)

// transform is what a mapping does to a value before the workflow gets it.
type transform uint8

const (
	transformNone    transform = iota
	transformLower             // text in lower case
	transformRFC3339           // Unix milliseconds as RFC 3339 text
	transformJoin              // every value as text, joined
	transformJSON              // compact JSON text
)

// transformNames lists the transforms by their name in mapping documents.
func transformNames() map[string]transform {
	return map[string]transform{"lower": transformLower, "rfc3339": transformRFC3339,
		"join": transformJoin, "json": transformJSON}
}

// check says why t cannot apply to what p gives, or returns "".
func (t transform) check(p *compiledPath) string {
	if t == transformJSON || (p.end != nil && p.end.kind == shapeRaw) {
		return ""
	}

	end := "text"
	if p.end != nil {
		end = p.end.kind.describe()
	}
	switch {
	case p.end != nil && p.end.kind == shapeObject:
		return "reaches " + p.lastName() + ", an object; pick one of its properties," +
			" or add \"transform\": \"json\" for the whole object"
	case p.end != nil && p.end.kind == shapeList && t != transformJoin:
		return "reaches " + p.lastName() + ", a list; pick items with [0], [*] or" +
			" [property=value], or add \"transform\": \"join\" or \"json\""
	case p.end != nil && p.end.kind == shapeList && !scalarOrRaw(p.end.elem):
		return "joins " + p.lastName() + ", a list of objects; pick a property of" +
			" the items, such as " + p.lastName() + "[*].id"
	case t == transformLower && end != "text":
		return "lowers " + p.lastName() + ", which is " + end + ", not text"
	case t == transformRFC3339 && !p.timeLike():
		return "reads " + p.lastName() + " as a time, but it is " + end +
			"; rfc3339 takes a timestamp, a member named *_at, its *_at_rfc3339" +
			" companion, or metadata"
	case t == transformJoin && !p.multi && (p.end == nil || p.end.kind != shapeList):
		return "joins " + p.lastName() + ", a single value; select several with [*]" +
			" or [property=value], or drop the transform"
	}
	return ""
}

// apply computes a field's value from the nodes its path reached. It
// returns null when there is no value.
func (t transform) apply(nodes []node, multi bool, sep string) (Value, error) {
	switch t {
	case transformJoin:
		return joinNodes(nodes, sep), nil
	case transformJSON:
		return jsonNodes(nodes, multi)
	}
	if len(nodes) == 0 {
		return NullValue(), nil
	}

	v, ok := nodes[0].scalar()
	switch {
	case !ok && t == transformRFC3339: // an object or a list inside metadata
		return NullValue(), errors.New("holds " + rawKind(nodes[0]) + ", which is" +
			" neither whole Unix milliseconds nor an RFC 3339 time")
	case !ok:
		text, err := nodes[0].json()
		return StringValue(string(text)), err
	}
	switch {
	case t == transformLower && v.kind == KindString:
		return StringValue(strings.ToLower(v.text)), nil
	case t == transformRFC3339:
		return rfc3339Value(v)
	}
	return v, nil
}

// timeLike reports whether the path gives a time: a timestamp, or the
// companion of one, whose RFC 3339 text rfc3339 reads back.
func (p *compiledPath) timeLike() bool {
	if p.end != nil {
		return p.end.kind == shapeTime
	}
	return p.steps[len(p.steps)-1].op == opCompanion
}

// rawKind names what a metadata node holds that is not one value: "an
// object" or "a list".
func rawKind(n node) string {
	if n.kind == nodeRaw && n.raw[0] == '[' {
		return "a list"
	}
	return "an object"
}

// joinNodes joins the text of every value, items of lists included,
// leaving out null and empty text; null when nothing is left.
func joinNodes(nodes []node, sep string) Value {
	var texts []string
	for _, n := range nodes {
		list := items(n)
		if len(list) == 0 {
			list = []node{n}
		}
		for _, item := range list {
			if v, ok := item.scalar(); ok && v.text != "" {
				texts = append(texts, v.text)
			}
		}
	}

	if len(texts) == 0 {
		return NullValue()
	}
	return StringValue(strings.Join(texts, sep))
}

// jsonNodes writes a single value as JSON, or every value of a path that
// can give several as a JSON list; null when there is none.
func jsonNodes(nodes []node, multi bool) (Value, error) {
	if len(nodes) == 0 || (!multi && nodes[0].kind == nodeValue && nodes[0].value.IsNull()) {
		return NullValue(), nil
	}
	if !multi {
		text, err := nodes[0].json()
		return StringValue(string(text)), err
	}

	var b strings.Builder
	b.WriteByte('[')
	for i, n := range nodes {
		text, err := n.json()
		if err != nil {
			return NullValue(), err
		}
		if i > 0 {
			b.WriteByte(',')
		}
		b.Write(text)
	}
	b.WriteByte(']')
	return StringValue(b.String()), nil
}

// rfc3339Value turns Unix milliseconds, given as a number or as digits,
// or an RFC 3339 time, into the RFC 3339 text of Flatten's companions.
func rfc3339Value(v Value) (Value, error) {
	if v.kind == KindNull {
		return v, nil
	}

	ms, err := strconv.ParseInt(v.text, 10, 64)
	if err != nil && v.kind == KindString {
		t, perr := time.Parse(time.RFC3339Nano, v.text)
		ms, err = t.UnixMilli(), perr
	}
	if err != nil || v.kind == KindBool {
		return NullValue(), errors.New("holds " + v.kind.String() + " that is neither" +
			" whole Unix milliseconds nor an RFC 3339 time")
	}

	text, ok := appendCompanion(nil, ms)
	if !ok {
		return NullValue(), errors.New("holds a time outside the years 0000 to 9999")
	}
	return StringValue(string(text)), nil
}

package clerk

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// stepOp is what one step of a compiled path does.
type stepOp uint8

const (
	opField     stepOp = iota // a member of a typed object
	opIndex                   // an item of a typed list, by .N
	opRaw                     // a name or index inside metadata
	opDerived                 // a derived key of the user
	opCompanion               // the RFC 3339 companion of a timestamp
)

// pathStep is one step of a compiled path, with the selectors that follow
// it.
type pathStep struct {
	op      stepOp
	field   *shapeField // opField, opCompanion
	index   int         // opIndex
	name    string      // opRaw
	derived derived     // opDerived
	sels    []compiledSel
}

// compiledSel is a selector checked against the shape of the list items.
type compiledSel struct {
	kind  selKind
	index int
	cond  *compiledPath
	want  string
}

// compiledPath is a mapping path checked against Clerk's user schema.
type compiledPath struct {
	steps []pathStep
	end   *shape // what each value the path gives holds; nil for made text
	multi bool   // the path can give several values
}

// madeText stands for the values Flatten makes up: derived keys and
// companions, which are text or null.
func (p *compiledPath) madeText() bool { return p.end == nil }

// compilePath checks segs against the shape s and returns the steps that
// read them.
func compilePath(segs []pathSeg, s *shape) (*compiledPath, error) {
	p := &compiledPath{end: s}
	for i, seg := range segs {
		if err := p.compileSeg(seg, i == len(segs)-1); err != nil {
			return nil, err
		}
	}
	return p, nil
}

// compileSeg adds the step of one segment and its selectors.
func (p *compiledPath) compileSeg(seg pathSeg, last bool) error {
	s := p.end
	if s == nil {
		return fmt.Errorf("goes on after %s, which is text", p.lastName())
	}

	var st pathStep
	switch s.kind {
	case shapeRaw:
		st = pathStep{op: opRaw, name: seg.name}
	case shapeList:
		n, ok := pathIndex(seg.name)
		if !ok {
			return fmt.Errorf("goes from %s, a list, to %q; pick items first with [0],"+
				" [*] or [property=value]", p.lastName(), seg.name)
		}
		st, p.end = pathStep{op: opIndex, index: n}, s.elem
	case shapeObject:
		var err error
		if st, err = p.objectStep(s, seg.name, last); err != nil {
			return err
		}
	default:
		return fmt.Errorf("goes on after %s, which is %s and has no properties",
			p.lastName(), s.kind.describe())
	}

	p.steps = append(p.steps, st)
	return p.compileSels(seg)
}

// objectStep finds the member name of the object shape s, a derived key
// at the top, or a timestamp's companion.
func (p *compiledPath) objectStep(s *shape, name string, last bool) (pathStep, error) {
	if i, ok := s.byName[name]; ok {
		p.end = s.fields[i].shape
		return pathStep{op: opField, field: &s.fields[i]}, nil
	}

	if s == userShape {
		for _, d := range derivedKeys() {
			if d.key == name {
				p.end = nil
				return pathStep{op: opDerived, derived: d}, nil
			}
		}
	}

	if base, ok := strings.CutSuffix(name, companionSuffix); ok {
		if i, ok := s.byName[base]; ok && s.fields[i].shape.kind == shapeTime {
			p.end = nil
			return pathStep{op: opCompanion, field: &s.fields[i]}, nil
		}
	}
	return pathStep{}, unknownProperty(s, name, s == userShape)
}

// compileSels checks the selectors of seg, which need a list (or
// metadata, whose lists are known only when the mapping is applied).
func (p *compiledPath) compileSels(seg pathSeg) error {
	if len(seg.sels) == 0 {
		return nil
	}

	st := &p.steps[len(p.steps)-1]
	items := p.end
	switch {
	case items == nil || (items.kind != shapeList && items.kind != shapeRaw):
		return fmt.Errorf("has a selector after %s, which is not a list", seg.name)
	case items.kind == shapeList:
		items = items.elem
	}

	for _, sel := range seg.sels {
		c := compiledSel{kind: sel.kind, index: sel.index, want: sel.want}
		if sel.kind == selMatch {
			cond, err := compilePath(sel.cond, items)
			if err != nil {
				return fmt.Errorf("has a selector on %s whose property %w", seg.name, err)
			}
			if !cond.madeText() && !scalarOrRaw(cond.end) {
				return fmt.Errorf("has a selector on %s whose property is %s;"+
					" compare a value, such as [provider=oauth_google]",
					seg.name, cond.end.kind.describe())
			}
			c.cond = cond
		}
		st.sels = append(st.sels, c)
	}

	p.end = items
	p.multi = p.multi || seg.sels[len(seg.sels)-1].kind != selIndex
	return nil
}

// lastName names the property the path has reached, for messages.
func (p *compiledPath) lastName() string {
	if len(p.steps) == 0 {
		return "the user"
	}
	switch st := p.steps[len(p.steps)-1]; st.op {
	case opField:
		return st.field.name
	case opIndex:
		return "item " + strconv.Itoa(st.index)
	case opRaw:
		return st.name
	case opDerived:
		return st.derived.key
	}
	return "a companion"
}

// scalarOrRaw reports whether s holds one value rather than an object or
// a list, or is metadata, which may hold either.
func scalarOrRaw(s *shape) bool {
	return s.kind != shapeObject && s.kind != shapeList
}

// unknownProperty says that the object s has no member name, suggesting
// the closest one.
func unknownProperty(s *shape, name string, top bool) error {
	var names []string
	for _, f := range s.fields {
		names = append(names, f.name)
		if f.shape.kind == shapeTime {
			names = append(names, f.name+companionSuffix)
		}
	}
	where := "this object"
	if top {
		where = "the user"
		for _, d := range derivedKeys() {
			names = append(names, d.key)
		}
	}

	msg := fmt.Sprintf("names %q, which %s does not have in Clerk's schema", name, where)
	if near := nearest(name, names); near != "" {
		msg += fmt.Sprintf("; did you mean %q?", near)
	}
	return fmt.Errorf("%s", msg)
}

// nearest returns the name closest to s by edit distance, when it is close
// enough to be a likely typo, or "".
func nearest(s string, names []string) string {
	best, bestD := "", len(s)/3+2
	for _, n := range names {
		if d := editDistance(s, n); d < bestD {
			best, bestD = n, d
		}
	}
	return best
}

// editDistance is the Levenshtein distance between a and b, in bytes.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur := make([]int, len(b)+1)
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = slices.Min([]int{prev[j] + 1, cur[j-1] + 1, prev[j-1] + cost})
		}
		prev = cur
	}
	return prev[len(b)]
}

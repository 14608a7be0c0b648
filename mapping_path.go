package clerk

import (
	"errors"
	"strconv"
	"strings"
	"unicode/utf8"
)

// pathSeg is one dotted segment of a mapping path: a property name and the
// selectors written after it.
type pathSeg struct {
	name string
	sels []selector
}

// selKind is the kind of a list selector.
type selKind uint8

const (
	selIndex selKind = iota // [N]
	selAll                  // [*]
	selMatch                // [property=value]
)

// selector is one bracketed list selector.
type selector struct {
	kind  selKind
	index int
	cond  []pathSeg // selMatch: the property inside the item
	want  string    // selMatch: the text the property must render as
}

// maxPathIndex bounds [N] and .N, far above any list Clerk returns.
const maxPathIndex = 1_000_000

// parsePath splits a mapping path into segments. A backslash makes the
// next character plain, so that names may hold dots, brackets and
// backslashes.
func parsePath(s string) ([]pathSeg, error) {
	if s == "" {
		return nil, errors.New("is empty; name a property, such as \"id\"")
	}

	var segs []pathSeg
	for i := 0; ; i++ {
		name, next, err := readPlain(s, i, ".[")
		switch {
		case err != nil:
			return nil, err
		case name == "":
			return nil, pathErr(s, i, "an empty property name; write \"\" for a"+
				" metadata name that is empty")
		case s[i:next] == emptyName:
			name = ""
		}

		seg := pathSeg{name: name}
		for i = next; i < len(s) && s[i] == '['; {
			var sel selector
			if sel, i, err = readSelector(s, i+1); err != nil {
				return nil, err
			}
			seg.sels = append(seg.sels, sel)
		}
		segs = append(segs, seg)

		switch {
		case i == len(s):
			return segs, nil
		case s[i] != '.':
			return nil, pathErr(s, i, "a "+strconv.Quote(s[i:i+1])+
				" after a selector; use a dot before the next property")
		}
	}
}

// readSelector reads one selector whose "[" ends before i, and returns it
// with the index just past its "]".
func readSelector(s string, i int) (selector, int, error) {
	body, end, err := readPlain(s, i, "=]")
	switch {
	case err != nil:
		return selector{}, 0, err
	case hasPlain(s[i:end], '['):
		return selector{}, 0, pathErr(s, i-1, "a selector inside a selector;"+
			" a [property=value] property cannot have selectors")
	case end == len(s):
		return selector{}, 0, pathErr(s, i-1, "a selector without its closing \"]\"")
	case s[end] == ']' && s[i:end] == "*":
		return selector{kind: selAll}, end + 1, nil
	case s[end] == ']':
		n, ok := pathIndex(s[i:end])
		if !ok {
			return selector{}, 0, pathErr(s, i-1, "the selector ["+body+"]; use [0] "+
				"(an index), [*] (every item) or [property=value]")
		}
		return selector{kind: selIndex, index: n}, end + 1, nil
	}

	cond, err := parsePath(s[i:end])
	if err != nil {
		return selector{}, 0, err
	}

	want, close, err := readPlain(s, end+1, "]")
	switch {
	case err != nil:
		return selector{}, 0, err
	case close == len(s):
		return selector{}, 0, pathErr(s, i-1, "a selector without its closing \"]\"")
	}
	return selector{kind: selMatch, cond: cond, want: want}, close + 1, nil
}

// readPlain reads from s[i:] up to the first byte of stops that no
// backslash precedes, and returns the text with the backslashes removed
// and the index of that byte (len(s) when there is none).
func readPlain(s string, i int, stops string) (string, int, error) {
	var b strings.Builder
	for i < len(s) {
		c := s[i]
		switch {
		case strings.IndexByte(stops, c) >= 0:
			return b.String(), i, nil
		case c == '\\' && i+1 == len(s):
			return "", 0, pathErr(s, i, "a backslash at the end; write \\\\ for a backslash")
		case c == '\\':
			_, size := utf8.DecodeRuneInString(s[i+1:])
			b.WriteString(s[i+1 : i+1+size])
			i += 1 + size
		default:
			b.WriteByte(c)
			i++
		}
	}
	return b.String(), i, nil
}

// hasPlain reports whether s holds c without a backslash before it.
func hasPlain(s string, c byte) bool {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case c:
			return true
		}
	}
	return false
}

// pathIndex reads a list index written in decimal digits.
func pathIndex(s string) (int, bool) {
	if s == "" || strings.Trim(s, "0123456789") != "" || len(s) > 7 {
		return 0, false
	}
	n, err := strconv.Atoi(s)
	return n, err == nil && n <= maxPathIndex
}

// pathErr describes a syntax mistake at byte i of the path s.
func pathErr(s string, i int, what string) error {
	return errors.New("has " + what + " at byte " + strconv.Itoa(i+1) + " of " +
		strconv.Quote(s))
}

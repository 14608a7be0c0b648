package jsonobj

import (
	"errors"
	"fmt"
)

// maxDepth is how deeply arrays and objects may nest, counted from the
// start of the text being decoded. It is encoding/json's limit, so that a
// text our decoder accepts is one that json.Valid accepts.
//
// Known shortcoming: the count starts at the text given to Decode, so a
// member nested exactly 10000 levels deep is refused even though
// json.Valid accepts that member on its own (it refuses the object that
// holds it). The member-wise reference decoder in reference_scan_test.go
// checked each member on its own and accepted it. Counting from each
// member's start would match it, for a cost on every bracket, for inputs
// that no API sends.
const maxDepth = 10000

// decoder reads one JSON text from data in a single pass: every byte is
// checked once, as it is decoded or skipped, and nothing is handed to
// encoding/json to be checked again (except values of types this package
// does not decode itself; see opFallback).
type decoder struct {
	data  []byte
	i     int    // the next byte to read
	depth int    // arrays and objects open around data[i]
	buf   []byte // scratch for strings with escapes, reused
	// last holds the string each string op decoded last, by op.slot, so
	// that a value repeated from one object to the next, such as
	// "email_address" or "verified", is allocated once.
	last [internSlots]string
}

// internSlots is how many string ops remember their last value; the
// others allocate every string.
const internSlots = 128

// errSyntax is returned for input that is not one JSON object.
var errSyntax = errors.New("not a JSON object")

// syntaxError is a fault in a value's JSON, at a byte offset.
type syntaxError struct {
	msg string
	off int
}

func (e *syntaxError) Error() string {
	return fmt.Sprintf("invalid JSON at byte %d: %s", e.off, e.msg)
}

// fail returns a syntax error at the current byte.
func (d *decoder) fail(msg string) error {
	return &syntaxError{msg: msg, off: d.i}
}

// space skips white space.
func (d *decoder) space() {
	for d.i < len(d.data) {
		switch d.data[d.i] {
		case ' ', '\t', '\n', '\r':
			d.i++
		default:
			return
		}
	}
}

// peek returns the next byte that is not white space, or 0 at the end.
func (d *decoder) peek() byte {
	d.space()
	if d.i >= len(d.data) {
		return 0
	}
	return d.data[d.i]
}

// atEnd reports whether only white space is left.
func (d *decoder) atEnd() bool {
	d.space()
	return d.i == len(d.data)
}

// literal reads true, false or null, whichever starts at d.i, and
// returns its first byte.
func (d *decoder) literal() (byte, error) {
	var word string
	switch d.data[d.i] {
	case 't':
		word = "true"
	case 'f':
		word = "false"
	case 'n':
		word = "null"
	default:
		return 0, d.fail("expected a value")
	}
	if len(d.data)-d.i < len(word) || string(d.data[d.i:d.i+len(word)]) != word {
		return 0, d.fail("invalid literal")
	}
	d.i += len(word)
	return word[0], d.ended()
}

// ended checks that a number or literal is not followed by more of
// itself, as in "truex" or "1x": the byte after it must end it.
func (d *decoder) ended() error {
	if d.i == len(d.data) {
		return nil
	}
	switch d.data[d.i] {
	case ' ', '\t', '\n', '\r', ',', ']', '}':
		return nil
	}
	return d.fail("unexpected byte after a value")
}

// isNull reports, without consuming it, whether the value at d.i is null.
func (d *decoder) isNull() bool {
	return d.i < len(d.data) && d.data[d.i] == 'n'
}

// open enters an array or object at d.i, which holds the bracket.
func (d *decoder) open() error {
	if d.depth++; d.depth > maxDepth {
		return d.fail("exceeded max depth")
	}
	d.i++
	return nil
}

// next reads what follows an item of an array or object: it returns true
// after a comma and false after the closing bracket, which it consumes.
func (d *decoder) next(closer byte) (bool, error) {
	switch d.peek() {
	case ',':
		d.i++
		d.space()
		return true, nil
	case closer:
		d.i++
		d.depth--
		return false, nil
	}
	return false, d.fail("expected , or " + string(closer))
}

// number reads a number and reports whether it is written as an integer,
// without fraction or exponent.
func (d *decoder) number() (span []byte, integer bool, err error) {
	start := d.i
	if d.i < len(d.data) && d.data[d.i] == '-' {
		d.i++
	}
	switch {
	case d.i < len(d.data) && d.data[d.i] == '0':
		d.i++
	case d.i < len(d.data) && '1' <= d.data[d.i] && d.data[d.i] <= '9':
		d.digits()
	default:
		return nil, false, d.fail("invalid number")
	}
	integer = true

	if d.i < len(d.data) && d.data[d.i] == '.' {
		integer = false
		d.i++
		if d.digits() == 0 {
			return nil, false, d.fail("invalid number")
		}
	}
	if d.i < len(d.data) && (d.data[d.i] == 'e' || d.data[d.i] == 'E') {
		integer = false
		d.i++
		if d.i < len(d.data) && (d.data[d.i] == '+' || d.data[d.i] == '-') {
			d.i++
		}
		if d.digits() == 0 {
			return nil, false, d.fail("invalid number")
		}
	}
	return d.data[start:d.i], integer, d.ended()
}

// digits skips decimal digits and returns how many there were.
func (d *decoder) digits() int {
	start := d.i
	for d.i < len(d.data) && '0' <= d.data[d.i] && d.data[d.i] <= '9' {
		d.i++
	}
	return d.i - start
}

// parseInt turns a number written as an integer into an int64, as
// strconv.ParseInt does, reporting false when it does not fit.
func parseInt(span []byte) (int64, bool) {
	neg := span[0] == '-'
	if neg {
		span = span[1:]
	}
	if len(span) > 19 {
		return 0, false
	}

	var n uint64
	for _, c := range span {
		n = n*10 + uint64(c-'0') // 19 digits cannot wrap a uint64
	}
	if neg {
		if n > 1<<63 {
			return 0, false
		}
		return int64(-n), true
	}
	if n > 1<<63-1 {
		return 0, false
	}
	return int64(n), true
}

package jsonobj

import (
	"unicode/utf16"
	"unicode/utf8"
)

// plainByte marks the bytes a string may hold as they are: printable ASCII
// other than the quote and the backslash. It is built once and only read.
var plainByte = func() (t [256]bool) {
	for c := 0x20; c < utf8.RuneSelf; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return t
}()

// str reads the string that starts at d.i and returns its text. The text
// is the input itself when the string has no escapes and is valid UTF-8,
// and d.buf otherwise; either way it is only valid until the next call.
// The text is what encoding/json would decode: escapes resolved, and each
// byte of invalid UTF-8 and each unpaired surrogate turned into U+FFFD.
func (d *decoder) str() ([]byte, error) {
	start := d.i + 1
	j := start
	for j < len(d.data) && plainByte[d.data[j]] {
		j++
	}
	if j < len(d.data) && d.data[j] == '"' {
		d.i = j + 1
		return d.data[start:j], nil
	}
	return d.strSlow(start, j)
}

// strSlow finishes reading a string that holds escapes, control bytes or
// bytes beyond ASCII; j is the first such byte.
func (d *decoder) strSlow(start, j int) ([]byte, error) {
	escaped, ascii := false, true
	for ; j < len(d.data); j++ {
		switch c := d.data[j]; {
		case c == '"':
			d.i = j + 1
			inner := d.data[start:j]
			if !escaped && (ascii || utf8.Valid(inner)) {
				return inner, nil
			}
			d.buf = unquote(d.buf[:0], inner)
			return d.buf, nil
		case c == '\\':
			n, ok := escapeLen(d.data[j:])
			if !ok {
				d.i = j
				return nil, d.fail("invalid escape in string")
			}
			escaped = true
			j += n - 1
		case c < 0x20:
			d.i = j
			return nil, d.fail("control character in string")
		case c >= utf8.RuneSelf:
			ascii = false
		}
	}
	d.i = j
	return nil, d.fail("unterminated string")
}

// escapeLen returns the length of the escape at the start of s, which
// begins with a backslash, and false when it is not a JSON escape.
func escapeLen(s []byte) (int, bool) {
	if len(s) < 2 {
		return 0, false
	}
	switch s[1] {
	case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
		return 2, true
	case 'u':
		return 6, hex4(s) >= 0
	}
	return 0, false
}

// hex4 decodes the \uXXXX escape at the start of s, or returns -1.
func hex4(s []byte) rune {
	if len(s) < 6 || s[0] != '\\' || s[1] != 'u' {
		return -1
	}
	var r rune
	for _, c := range s[2:6] {
		switch {
		case '0' <= c && c <= '9':
			c -= '0'
		case 'a' <= c && c <= 'f':
			c -= 'a' - 10
		case 'A' <= c && c <= 'F':
			c -= 'A' - 10
		default:
			return -1
		}
		r = r*16 + rune(c)
	}
	return r
}

// unquote appends the text of the string body s, whose escapes are valid,
// to b, with the rules of encoding/json's unquote.
func unquote(b, s []byte) []byte {
	for r := 0; r < len(s); {
		c := s[r]
		switch {
		case c == '\\':
			var n int
			b, n = unescape(b, s[r:])
			r += n
		case c < utf8.RuneSelf:
			b = append(b, c)
			r++
		default:
			rr, size := utf8.DecodeRune(s[r:])
			b = utf8.AppendRune(b, rr) // invalid UTF-8 gives U+FFFD
			r += size
		}
	}
	return b
}

// unescape appends the text of the escape at the start of s to b and
// returns how many bytes of s it used. A surrogate pair is one rune; an
// unpaired surrogate is U+FFFD and uses only its own six bytes.
func unescape(b, s []byte) ([]byte, int) {
	switch s[1] {
	case 'b':
		return append(b, '\b'), 2
	case 'f':
		return append(b, '\f'), 2
	case 'n':
		return append(b, '\n'), 2
	case 'r':
		return append(b, '\r'), 2
	case 't':
		return append(b, '\t'), 2
	case 'u':
	default: // '"', '\\' or '/'
		return append(b, s[1]), 2
	}

	rr := hex4(s)
	if !utf16.IsSurrogate(rr) {
		return utf8.AppendRune(b, rr), 6
	}
	if pair := utf16.DecodeRune(rr, hex4(s[6:])); pair != utf8.RuneError {
		return utf8.AppendRune(b, pair), 12
	}
	return utf8.AppendRune(b, utf8.RuneError), 6
}

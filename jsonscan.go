package clerk

import (
	"encoding/json"
	"iter"
	"unicode/utf8"
	"unsafe"
)

// The functions here read JSON that json.Valid has accepted, such as
// decoded metadata, without decoding it into Go values: they find the
// members of an object and the items of a list as raw bytes. On invalid
// JSON they give wrong answers but never panic or loop.

// jsonMember is one member of an object: its decoded name and raw value.
type jsonMember struct {
	name  string
	value []byte
}

// jsonMembers returns the members of the object data, in order.
func jsonMembers(data []byte) []jsonMember {
	return appendJSONMembers(nil, data, jsonText)
}

// appendJSONMembers appends the members of the object data to out, in
// order, their names decoded by text.
func appendJSONMembers(out []jsonMember, data []byte,
	text func([]byte) string) []jsonMember {
	i := skipJSONSpace(data, 1)
	for i < len(data) && data[i] == '"' {
		end := skipJSONString(data, i)
		name := text(data[i:end])

		start := min(skipJSONSpace(data, skipJSONSpace(data, end)+1), len(data)) // past ':'
		stop := skipJSONValue(data, start)
		out = append(out, jsonMember{name: name, value: data[start:stop]})

		i = skipJSONSpace(data, stop)
		if i < len(data) && data[i] == ',' {
			i = skipJSONSpace(data, i+1)
		}
	}
	return out
}

// jsonItems yields the index and raw value of each item of the list data.
func jsonItems(data []byte) iter.Seq2[int, []byte] {
	return func(yield func(int, []byte) bool) {
		i := skipJSONSpace(data, 1)
		for n := 0; i < len(data) && data[i] != ']'; n++ {
			stop := skipJSONValue(data, i)
			if stop <= i || !yield(n, data[i:stop]) {
				return
			}
			i = skipJSONSpace(data, stop)
			if i < len(data) && data[i] == ',' {
				i = skipJSONSpace(data, i+1)
			}
		}
	}
}

// jsonText decodes a quoted JSON string. One without escapes, in valid
// UTF-8, is copied as it is; otherwise encoding/json decodes it, which
// turns invalid UTF-8 into U+FFFD.
func jsonText(quoted []byte) string {
	if inner, ok := plainJSONText(quoted); ok {
		return string(inner)
	}
	return decodeJSONText(quoted)
}

// jsonTextView is jsonText without the copy of a plain string: what it
// returns shares quoted's bytes, so it is valid only while they do not
// change, and must be copied to be kept. Flatten copies every text it
// keeps into its record.
func jsonTextView(quoted []byte) string {
	if inner, ok := plainJSONText(quoted); ok && len(inner) > 0 {
		return unsafe.String(&inner[0], len(inner))
	}
	return decodeJSONText(quoted)
}

// plainJSONText returns the bytes between the quotes of a JSON string
// and whether they are its text as they are: without escapes, in valid
// UTF-8.
func plainJSONText(quoted []byte) ([]byte, bool) {
	if len(quoted) < 2 {
		return nil, true
	}
	inner := quoted[1 : len(quoted)-1]
	for _, c := range inner {
		if c == '\\' || c < 0x20 {
			return inner, false
		}
	}
	return inner, utf8.Valid(inner)
}

// decodeJSONText decodes a quoted JSON string with encoding/json.
func decodeJSONText(quoted []byte) string {
	var s string
	_ = json.Unmarshal(quoted, &s) // valid JSON: cannot fail
	return s
}

// trimJSON removes white space around a JSON value.
func trimJSON(data []byte) []byte {
	i, j := skipJSONSpace(data, 0), len(data)
	for j > i && isJSONSpace(data[j-1]) {
		j--
	}
	return data[i:j]
}

func isJSONSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r'
}

func skipJSONSpace(data []byte, i int) int {
	for i < len(data) && isJSONSpace(data[i]) {
		i++
	}
	return i
}

// skipJSONString returns the index just past the string starting at i.
func skipJSONString(data []byte, i int) int {
	for j := i + 1; j < len(data); j++ {
		switch data[j] {
		case '\\':
			j++
		case '"':
			return j + 1
		}
	}
	return len(data)
}

// skipJSONValue returns the index just past the value starting at i.
func skipJSONValue(data []byte, i int) int {
	if i >= len(data) {
		return i
	}

	switch data[i] {
	case '"':
		return skipJSONString(data, i)
	case '{', '[':
		depth := 0
		for j := i; j < len(data); j++ {
			switch data[j] {
			case '"':
				j = skipJSONString(data, j) - 1
			case '{', '[':
				depth++
			case '}', ']':
				if depth--; depth == 0 {
					return j + 1
				}
			}
		}
		return len(data)
	}

	j := i
	for j < len(data) && !isJSONSpace(data[j]) && data[j] != ',' && data[j] != '}' &&
		data[j] != ']' {
		j++
	}
	return j
}

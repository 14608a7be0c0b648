package jsonobj

// This file keeps the member-wise decoder that Table.Decode replaced, as
// the reference the single-pass decoder is fuzzed against: members splits
// an object without checking its values, and refDecode hands each value to
// encoding/json, which checks it again.

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"unicode/utf8"
)

// member is one "key": value pair of a JSON object, as raw bytes.
type member struct {
	key   string
	value []byte
}

// refDecode is the old Table.Decode: it splits the object into members,
// then decodes each value with encoding/json.
func (t *Table) refDecode(data []byte, ptr any, st *State) error {
	v := reflect.ValueOf(ptr).Elem()
	if isNull(data) {
		if v.IsZero() {
			*st = State{Null: true}
		}
		return nil
	}
	mems, err := members(data)
	if err != nil {
		return fmt.Errorf("decoding %s: %w", t.typ.Name(), err)
	}

	v.SetZero()
	*st = State{Decoded: true}
	for _, m := range mems {
		i, known := t.byName[m.key]
		if !known {
			if err := st.refKeep(m); err != nil {
				return fmt.Errorf("decoding %s: %w", t.typ.Name(), err)
			}
			continue
		}

		f := t.fields[i]
		target := v.Field(f.index)
		target.SetZero()
		err := json.Unmarshal(m.value, target.Addr().Interface())
		if err != nil {
			return fmt.Errorf("decoding %s.%s: %w", t.typ.Name(), f.name, err)
		}

		bit := uint64(1) << i
		st.Present |= bit
		st.Nulls &^= bit
		if isNull(m.value) {
			st.Nulls |= bit
		}
	}
	return nil
}

// refKeep stores an unknown member, which must be valid JSON.
func (st *State) refKeep(m member) error {
	if !json.Valid(m.value) {
		return fmt.Errorf("member %q is not valid JSON", m.key)
	}
	if st.Unknown == nil {
		st.Unknown = map[string]json.RawMessage{}
	}
	st.Unknown[m.key] = bytes.Clone(m.value)
	return nil
}

// members splits a JSON object into its members without decoding the
// values. It checks the object's own punctuation; values are only delimited
// here and must be checked by whoever decodes them.
func members(data []byte) ([]member, error) {
	i := skipSpace(data, 0)
	if i >= len(data) || data[i] != '{' {
		return nil, errSyntax
	}
	i = skipSpace(data, i+1)
	if i < len(data) && data[i] == '}' {
		return nil, trailing(data, i+1)
	}

	var out []member
	for {
		if i >= len(data) || data[i] != '"' {
			return nil, errSyntax
		}
		end, err := skipString(data, i)
		if err != nil {
			return nil, err
		}
		key, err := decodeKey(data[i:end])
		if err != nil {
			return nil, err
		}

		i = skipSpace(data, end)
		if i >= len(data) || data[i] != ':' {
			return nil, errSyntax
		}
		start := skipSpace(data, i+1)
		stop, err := skipValue(data, start)
		if err != nil {
			return nil, err
		}
		out = append(out, member{key: key, value: data[start:stop]})

		i = skipSpace(data, stop)
		if i >= len(data) {
			return nil, errSyntax
		}
		switch data[i] {
		case ',':
			i = skipSpace(data, i+1)
		case '}':
			return out, trailing(data, i+1)
		default:
			return nil, errSyntax
		}
	}
}

// decodeKey turns a quoted JSON string into Go text. Keys without escapes
// and in valid UTF-8, the usual case, are converted without the JSON
// decoder. The decoder turns invalid UTF-8 into U+FFFD, as it does for the
// keys it matches and as the encoder does when the key is written back, so
// that two keys which encode the same are one key here too.
func decodeKey(quoted []byte) (string, error) {
	inner := quoted[1 : len(quoted)-1]
	plain := utf8.Valid(inner)
	for _, c := range inner {
		if c == '\\' || c < 0x20 {
			plain = false
			break
		}
	}
	if plain {
		return string(inner), nil
	}

	var s string
	if err := json.Unmarshal(quoted, &s); err != nil {
		return "", fmt.Errorf("object key: %w", err)
	}
	return s, nil
}

// trailing reports an error when anything but white space follows the
// object.
func trailing(data []byte, i int) error {
	if skipSpace(data, i) != len(data) {
		return errSyntax
	}
	return nil
}

// isNull reports whether data is the JSON literal null, with white space
// around it allowed.
func isNull(data []byte) bool {
	i := skipSpace(data, 0)
	const lit = "null"
	return len(data)-i >= len(lit) && string(data[i:i+len(lit)]) == lit &&
		skipSpace(data, i+len(lit)) == len(data)
}

func skipSpace(data []byte, i int) int {
	for i < len(data) {
		switch data[i] {
		case ' ', '\t', '\n', '\r':
			i++
		default:
			return i
		}
	}
	return i
}

// skipString returns the index just past the string that starts at i.
func skipString(data []byte, i int) (int, error) {
	for j := i + 1; j < len(data); j++ {
		switch data[j] {
		case '\\':
			j++
		case '"':
			return j + 1, nil
		}
	}
	return 0, errSyntax
}

// skipValue returns the index just past the value that starts at i. Nested
// arrays and objects are delimited by counting brackets outside strings.
func skipValue(data []byte, i int) (int, error) {
	if i >= len(data) {
		return 0, errSyntax
	}
	switch data[i] {
	case '"':
		return skipString(data, i)
	case '{', '[':
		return skipNested(data, i)
	}

	j := i
	for j < len(data) {
		switch data[j] {
		case ',', '}', ']', ' ', '\t', '\n', '\r':
			return nonEmpty(i, j)
		}
		j++
	}
	return nonEmpty(i, j)
}

func nonEmpty(i, j int) (int, error) {
	if j == i {
		return 0, errSyntax
	}
	return j, nil
}

func skipNested(data []byte, i int) (int, error) {
	depth := 0
	for j := i; j < len(data); j++ {
		switch data[j] {
		case '"':
			end, err := skipString(data, j)
			if err != nil {
				return 0, err
			}
			j = end - 1
		case '{', '[':
			depth++
		case '}', ']':
			depth--
			if depth == 0 {
				return j + 1, nil
			}
		}
	}
	return 0, errSyntax
}

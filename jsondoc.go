package clerk

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
)

// maxDocumentBytes bounds the mapping and step documents read from a
// Reader; real ones are a few kilobytes.
const maxDocumentBytes = 1 << 20

// readDocument reads one JSON document of at most maxDocumentBytes and
// checks its syntax, saying where a mistake is by line and column.
func readDocument(r io.Reader, what string) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxDocumentBytes+1))
	switch {
	case err != nil:
		return nil, fmt.Errorf("clerk: reading the %s: %w", what, err)
	case len(data) > maxDocumentBytes:
		return nil, &MappingError{Reason: fmt.Sprintf("the %s is larger than %d bytes",
			what, maxDocumentBytes)}
	}

	var v any
	if err := json.Unmarshal(data, &v); err != nil {
		return nil, &MappingError{Reason: fmt.Sprintf("the %s is not valid JSON: %s",
			what, syntaxPlace(data, err))}
	}
	return data, nil
}

// syntaxPlace describes a JSON error, with its line and column when
// encoding/json gave an offset.
func syntaxPlace(data []byte, err error) string {
	var offset int64 = -1
	switch e := err.(type) {
	case *json.SyntaxError:
		offset = e.Offset
	case *json.UnmarshalTypeError:
		offset = e.Offset
	}
	if offset < 0 || offset > int64(len(data)) {
		return err.Error()
	}

	before := data[:max(offset-1, 0)] // the offset counts the byte at fault
	line := bytes.Count(before, []byte("\n")) + 1
	col := len(before) - bytes.LastIndexByte(before, '\n')
	return fmt.Sprintf("%v (line %d, column %d)", err, line, col)
}

// docMember is one member of a JSON object of a document, in order.
type docMember struct {
	name  string
	value json.RawMessage
}

// docObject returns the members of the JSON object raw, in order, and
// whether raw is an object. raw must be valid JSON.
func docObject(raw json.RawMessage) ([]docMember, bool) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return nil, false
	}

	var out []docMember
	for dec.More() {
		tok, err := dec.Token()
		name, ok := tok.(string)
		var value json.RawMessage
		if err != nil || !ok || dec.Decode(&value) != nil {
			return nil, false
		}
		out = append(out, docMember{name: name, value: value})
	}
	return out, true
}

// jsonKind names the kind of a raw JSON value for messages: "text", "a
// number", "true or false", "null", "an object" or "a list".
func jsonKind(raw json.RawMessage) string {
	raw = trimJSON(raw)
	if len(raw) == 0 {
		return "nothing"
	}
	switch raw[0] {
	case '"':
		return "text"
	case '{':
		return "an object"
	case '[':
		return "a list"
	case 't', 'f':
		return "true or false"
	case 'n':
		return "null"
	}
	return "a number"
}

package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
)

// workflowData is the workflow's data as a step reads it: text by key,
// and the keys that hold an object or a list, which no placeholder can
// take, with an example of a key that names one of their values.
type workflowData struct {
	values     map[string]string
	containers map[string]container
}

// container is an object or a list of the data, for messages.
type container struct {
	kind  string // "an object" or "a list"
	inner string // a key inside it, such as "case.emails.0"
}

// readData reads the workflow's data, one JSON object, and flattens it
// into the keys that step placeholders name: nested members joined with
// dots, list items by index, numbers and booleans as text. Null is left
// out, so a placeholder naming it has no value. A key spelt twice, as
// {"case.email": "a", "case": {"email": "b"}} does, is an error, as is
// anything after the object.
func readData(r io.Reader) (*workflowData, error) {
	dec := json.NewDecoder(r)
	dec.UseNumber()
	tok, err := dec.Token()
	if err != nil {
		return nil, fmt.Errorf("want one JSON object, such as "+
			`{"case":{"customer":{"email":"ada@example.com"}}}: %w`, err)
	}
	if tok != json.Delim('{') {
		return nil, errors.New("want a JSON object at the top, not a list or a value")
	}

	d := &dataReader{dec: dec, data: &workflowData{values: map[string]string{},
		containers: map[string]container{}}, seen: map[string]bool{}}
	if err := d.members(""); err != nil {
		return nil, err
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, errors.New("want one JSON object, but more follows it; remove" +
			" what comes after its closing brace")
	}
	return d.data, nil
}

// dataReader flattens the data as it decodes it, token by token, so that
// it sees every member, repeated names included.
type dataReader struct {
	dec  *json.Decoder
	data *workflowData
	seen map[string]bool // every key made so far
}

// value reads one value under key.
func (d *dataReader) value(key string) error {
	if d.seen[key] {
		return fmt.Errorf("the key %q is given twice, by a repeated name or by a"+
			" dotted name and nested members that spell the same key; keep one", key)
	}
	d.seen[key] = true

	tok, err := d.token()
	if err != nil {
		return err
	}
	switch v := tok.(type) {
	case json.Delim:
		if v == '{' {
			d.data.containers[key] = container{kind: "an object"}
			return d.members(key)
		}
		d.data.containers[key] = container{kind: "a list"}
		return d.items(key)
	case string:
		d.data.values[key] = v
	case json.Number:
		d.data.values[key] = v.String()
	case bool:
		d.data.values[key] = strconv.FormatBool(v)
	}
	return nil
}

// members reads the members of an object whose "{" was read, and its "}".
func (d *dataReader) members(key string) error {
	for d.dec.More() {
		tok, err := d.token()
		if err != nil {
			return err
		}
		if err := d.child(key, tok.(string)); err != nil {
			return err
		}
	}
	_, err := d.token()
	return err
}

// items reads the items of a list whose "[" was read, and its "]".
func (d *dataReader) items(key string) error {
	for i := 0; d.dec.More(); i++ {
		if err := d.child(key, strconv.Itoa(i)); err != nil {
			return err
		}
	}
	_, err := d.token()
	return err
}

// child reads the member or item name of the object or list at key,
// keeping the first as the example of its container.
func (d *dataReader) child(key, name string) error {
	inner := join(key, name)
	if c, ok := d.data.containers[key]; ok && c.inner == "" {
		d.data.containers[key] = container{kind: c.kind, inner: inner}
	}
	return d.value(inner)
}

// token reads the next token; the end of the input is a mistake, since
// the object is not closed yet.
func (d *dataReader) token() (json.Token, error) {
	tok, err := d.dec.Token()
	if err == io.EOF {
		err = io.ErrUnexpectedEOF
	}
	if err != nil {
		return nil, fmt.Errorf("want one JSON object: %w", err)
	}
	return tok, nil
}

// check reports a placeholder of the step that names an object or a list
// of the data, which has no one value to give.
func (w *workflowData) check(placeholders []string) error {
	var errs []error
	for _, key := range placeholders {
		c, ok := w.containers[key]
		if !ok {
			continue
		}
		hint := ""
		if c.inner != "" {
			hint = fmt.Sprintf("; name one of its values, such as {{%s}}", c.inner)
		}
		errs = append(errs, fmt.Errorf("%q is %s, which a placeholder cannot take%s",
			key, c.kind, hint))
	}
	return errors.Join(errs...)
}

// join joins a key and a member name or index with a dot.
func join(prefix, key string) string {
	if prefix == "" {
		return key
	}
	return prefix + "." + key
}

package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
)

// readData reads the workflow's data, one JSON object, and flattens it
// into the keys that step placeholders name: nested members joined with
// dots, list items by index, numbers and booleans as text. Null is left
// out, so a placeholder naming it has no value.
func readData(r io.Reader) (map[string]string, error) {
	dec := json.NewDecoder(r)
	dec.UseNumber()
	var doc any
	if err := dec.Decode(&doc); err != nil {
		return nil, fmt.Errorf("want one JSON object, such as "+
			`{"case":{"customer":{"email":"ada@example.com"}}}: %w`, err)
	}
	obj, ok := doc.(map[string]any)
	if !ok {
		return nil, errors.New("want a JSON object at the top, not a list or a value")
	}

	out := map[string]string{}
	flattenData(out, "", obj)
	return out, nil
}

func flattenData(out map[string]string, key string, v any) {
	switch v := v.(type) {
	case map[string]any:
		for k, item := range v {
			flattenData(out, join(key, k), item)
		}
	case []any:
		for i, item := range v {
			flattenData(out, join(key, strconv.Itoa(i)), item)
		}
	case string:
		out[key] = v
	case json.Number:
		out[key] = v.String()
	case bool:
		out[key] = strconv.FormatBool(v)
	}
}

func join(prefix, key string) string {
	if prefix == "" {
		return key
	}
	return prefix + "." + key
}

package clerk

import (
	"bytes"
	"encoding/json"
	"errors"
)

// Metadata is a user's or an organization's metadata: any JSON object that
// the application stored, kept as the raw bytes Clerk sent so that nothing
// is lost, numbers stay exact and re-encoding gives the same JSON. A nil
// Metadata encodes as {}; Clerk's null (for private metadata that is
// hidden) is kept as the bytes "null".
type Metadata json.RawMessage

// MarshalJSON returns the raw bytes, or {} for an empty Metadata.
func (m Metadata) MarshalJSON() ([]byte, error) {
	if len(m) == 0 {
		return []byte("{}"), nil
	}
	return m, nil
}

// UnmarshalJSON keeps a copy of the raw JSON.
func (m *Metadata) UnmarshalJSON(data []byte) error {
	if !json.Valid(data) {
		return errors.New("clerk: metadata is not valid JSON")
	}
	*m = append((*m)[:0:0], data...)
	return nil
}

// IsNull reports whether Clerk sent null.
func (m Metadata) IsNull() bool {
	return bytes.Equal(bytes.TrimSpace(m), []byte("null"))
}

// Map decodes the metadata into a map. Numbers come back as json.Number,
// so large integers stay exact. Empty or null metadata gives an empty map.
func (m Metadata) Map() (map[string]any, error) {
	out := map[string]any{}
	if len(m) == 0 || m.IsNull() {
		return out, nil
	}
	dec := json.NewDecoder(bytes.NewReader(m))
	dec.UseNumber()
	if err := dec.Decode(&out); err != nil {
		return nil, err
	}
	return out, nil
}

// Lookup follows path through nested objects and returns the value found
// there (a string, json.Number, bool, nil, []any or map[string]any) and
// whether it exists. Lookup("plan", "tier") reads {"plan":{"tier":...}}.
func (m Metadata) Lookup(path ...string) (any, bool) {
	obj, err := m.Map()
	if err != nil || len(path) == 0 {
		return nil, false
	}
	var cur any = obj
	for _, key := range path {
		next, ok := cur.(map[string]any)
		if !ok {
			return nil, false
		}
		if cur, ok = next[key]; !ok {
			return nil, false
		}
	}
	return cur, true
}

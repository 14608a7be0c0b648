package clerk

import (
	"encoding/json"
)

// parseMappingDoc reads a mapping document that readDocument accepted,
// adding every mistake to p. It returns nil when the document is not an
// object.
func parseMappingDoc(data []byte, p *problems) *Mapping {
	members, ok := docObject(data)
	if !ok {
		p.add("", `must be a JSON object with a "fields" member, such as `+
			`{"fields": {"clerk_user_id": "id"}}`)
		return nil
	}

	var fields json.RawMessage
	for _, mem := range uniqueMembers(members, "", p) {
		switch mem.name {
		case "fields":
			fields = mem.value
		case "description":
			checkText(mem, "", p)
		default:
			p.add(mem.name, "is not a member of a mapping; it has fields and description")
		}
	}

	m := &Mapping{place: joinField(p.prefix, "fields"), doc: p.doc}
	if fields == nil {
		p.add("fields", `is missing; name the workflow's fields, such as `+
			`{"fields": {"clerk_user_id": "id"}}`)
		return m
	}
	m.parseFields(fields, p)
	return m
}

// parseFields reads the "fields" object.
func (m *Mapping) parseFields(raw json.RawMessage, p *problems) {
	members, ok := docObject(raw)
	switch {
	case !ok:
		p.add("fields", "must be an object of field names and paths, not %s", jsonKind(raw))
		return
	case len(members) == 0:
		p.add("fields", "is empty; name at least one field, such as \"clerk_user_id\": \"id\"")
	}

	for _, mem := range uniqueMembers(members, "fields", p) {
		where := "fields." + mem.name
		if mem.name == "" {
			p.add("fields", "has a field with an empty name; name it as the workflow does")
			continue
		}
		if f, ok := parseField(mem.name, mem.value, where, p); ok {
			m.fields = append(m.fields, f)
		}
	}
}

// fieldSpec is a field of a mapping as written.
type fieldSpec struct {
	from, transform, separator string
	fallback                   Value
	hasSeparator               bool
}

// parseField reads one field, written as a path or as an object.
func parseField(target string, raw json.RawMessage, where string, p *problems) (mappedField,
	bool) {

	before := len(p.list)
	spec, ok := readFieldSpec(raw, where, p)
	if !ok {
		return mappedField{}, false
	}

	f := mappedField{target: target, from: spec.from, separator: ",", fallback: spec.fallback}
	segs, err := parsePath(spec.from)
	if err == nil {
		f.path, err = compilePath(segs, userShape)
	}
	if err != nil {
		p.add(where, "from %q %v", spec.from, err)
	}

	known := true
	if spec.transform != "" {
		if f.transform, known = transformNames()[spec.transform]; !known {
			p.add(where+".transform", "is %q; use lower, rfc3339, join or json",
				spec.transform)
		}
	}
	if f.path != nil && known {
		if why := f.transform.check(f.path); why != "" {
			p.add(where, "from %q %s", spec.from, why)
		}
	}

	switch {
	case spec.hasSeparator && f.transform != transformJoin:
		p.add(where+".separator", `works only with "transform": "join"`)
	case spec.hasSeparator:
		f.separator = spec.separator
	}
	return f, len(p.list) == before
}

// readFieldSpec reads a field's path, or its object of members.
func readFieldSpec(raw json.RawMessage, where string, p *problems) (fieldSpec, bool) {
	var spec fieldSpec
	if json.Unmarshal(raw, &spec.from) == nil {
		return spec, true
	}

	members, ok := docObject(raw)
	if !ok {
		p.add(where, `must be a path, such as "id", or an object with "from", not %s`,
			jsonKind(raw))
		return spec, false
	}

	hasFrom := false
	for _, mem := range uniqueMembers(members, where, p) {
		switch mem.name {
		case "from":
			spec.from, hasFrom = checkText(mem, where, p), true
		case "transform":
			spec.transform = checkText(mem, where, p)
		case "separator":
			spec.separator, spec.hasSeparator = checkText(mem, where, p), true
		case "default":
			spec.fallback = readDefault(mem.value, where, p)
		case "description":
			checkText(mem, where, p)
		default:
			p.add(joinField(where, mem.name), "is not a member of a field; a field has"+
				" from, default, transform, separator and description")
		}
	}

	if !hasFrom {
		p.add(where, `has no "from"; say where the value comes from, such as "from": "id"`)
		return spec, false
	}
	return spec, true
}

// readDefault reads a default value, which must be a JSON scalar.
func readDefault(raw json.RawMessage, where string, p *problems) Value {
	raw = trimJSON(raw)
	if v, ok := rawScalar(raw); ok {
		return v
	}
	p.add(where+".default", "must be text, a number, true, false or null, not %s",
		jsonKind(raw))
	return NullValue()
}

// checkText returns the text of mem, or adds a mistake when it is not text.
func checkText(mem docMember, where string, p *problems) string {
	var s string
	if err := json.Unmarshal(mem.value, &s); err != nil {
		p.add(joinField(where, mem.name), "must be text, not %s", jsonKind(mem.value))
	}
	return s
}

// uniqueMembers adds a mistake for every name that appears twice and
// returns the members with each name once, first one kept.
func uniqueMembers(members []docMember, where string, p *problems) []docMember {
	seen := make(map[string]bool, len(members))
	out := members[:0:0]
	for _, mem := range members {
		if seen[mem.name] {
			p.add(joinField(where, mem.name), "appears twice; keep one")
			continue
		}
		seen[mem.name] = true
		out = append(out, mem)
	}
	return out
}

package clerk

import (
	"encoding/json"
	"errors"
	"slices"
	"strconv"
	"strings"
)

// parseStepDoc reads a step document that readDocument accepted, adding
// every mistake to p.
func parseStepDoc(data []byte, p *problems) *Step {
	members, ok := docObject(data)
	if !ok {
		p.add("", `must be a JSON object with "inputs" and "output" members`)
		return nil
	}

	s := &Step{onEmpty: emptyPolicies()[0], onNone: nonePolicies()[0],
		onMany: manyPolicies()[0]}
	var output json.RawMessage
	narrows, refused := false, false
	for _, mem := range uniqueMembers(members, "", p) {
		switch mem.name {
		case "inputs":
			narrows, refused = s.parseInputs(mem.value, p)
		case "limit":
			s.limit = parseStepLimit(mem.value, p)
		case "order_by":
			s.parseOrder(mem, p)
		case "on_empty_inputs":
			s.onEmpty = parsePolicy(mem, emptyPolicies(), p)
		case "on_no_match":
			s.onNone = parsePolicy(mem, nonePolicies(), p)
		case "on_many_matches":
			s.onMany = parsePolicy(mem, manyPolicies(), p)
		case "output":
			output = mem.value
		case "description":
			checkText(mem, "", p)
		default:
			p.add(mem.name, "is not a member of a step; a step has description, inputs,"+
				" limit, order_by, on_empty_inputs, on_no_match, on_many_matches and output")
		}
	}

	// A refused input, such as a misspelt one, may have been meant to
	// narrow the lookup: saying that nothing narrows it would mislead.
	if s.templated == 0 && !narrows && !refused && s.onEmpty != "list_all" {
		p.add("inputs", `has nothing that narrows the lookup, so the step would list`+
			` every user; add an input such as "email_address": "{{case.email}}", or`+
			` set "on_empty_inputs": "list_all" if listing every user is meant`)
	}
	s.parseOutput(output, p)
	return s
}

// parseOutput reads the output mapping.
func (s *Step) parseOutput(raw json.RawMessage, p *problems) {
	if raw == nil {
		p.add("output", `is missing; name the fields to copy, such as`+
			` {"fields": {"clerk_user_id": "id"}}`)
		return
	}

	sub := problems{prefix: "output", doc: p.doc}
	s.output = parseMappingDoc(raw, &sub)
	p.list = append(p.list, sub.list...)
}

// parseInputs reads the inputs object. It reports whether a fixed input
// narrows the lookup, and whether an input that might have narrowed it
// was refused: an unknown name, or a value that is not text.
func (s *Step) parseInputs(raw json.RawMessage, p *problems) (narrows, refused bool) {
	members, ok := docObject(raw)
	if !ok {
		p.add("inputs", "must be an object of query parameters and their values, not %s",
			jsonKind(raw))
		return false, true
	}

	literals, templated := map[string]string{}, map[string]bool{}
	for _, mem := range uniqueMembers(members, "inputs", p) {
		where := "inputs." + mem.name
		if !stepInputName(mem.name, where, p) {
			refused = refused || !slices.Contains(inputNames(), mem.name)
			continue
		}
		tmpl, ok := parseInputValue(mem, where, p)
		if !ok {
			refused = refused || isFilterInput(mem.name)
			continue
		}

		s.inputs = append(s.inputs, stepInput{name: mem.name, tmpl: tmpl})
		switch {
		case len(tmpl.placeholders()) == 0:
			literals[mem.name], _ = tmpl.resolve(nil)
		case isListInput(mem.name):
			checkListTemplate(mem.name, tmpl, p)
			fallthrough
		default:
			s.templated++
			templated[mem.name] = true
		}
	}
	return checkLiterals(literals, templated, p), refused
}

// parseInputValue reads the template of one input.
func parseInputValue(mem docMember, where string, p *problems) (template, bool) {
	text, ok := inputText(mem.value)
	if !ok {
		p.add(where, "must be text, such as \"{{case.email}}\", not %s", jsonKind(mem.value))
		return template{}, false
	}

	tmpl, err := parseTemplate(text)
	if err != nil {
		p.add(where, "%v", err)
		return template{}, false
	}
	return tmpl, true
}

// checkListTemplate checks a list input with placeholders as far as can
// be done before the data is known: its items as the step's own text
// writes them (an empty one, a sign without an id), with every
// placeholder standing for a plain value.
func checkListTemplate(name string, tmpl template, p *problems) {
	sample := map[string]string{}
	for _, key := range tmpl.placeholders() {
		sample[key] = "x"
	}
	text, _ := tmpl.resolve(sample)
	items, _ := tmpl.items(sample)

	_, err := paramsFromValues(map[string]inputValue{
		name: {text: strings.TrimSpace(text), items: items}})
	for _, e := range unwrapAllOrNil(err) {
		var pe *ParamError
		if errors.As(e, &pe) && pe.Param == name {
			p.add("inputs."+name, "%s", pe.Reason)
		}
	}
}

// stepInputName checks that name is a parameter a step input may set.
func stepInputName(name, where string, p *problems) bool {
	switch name {
	case "limit", "order_by":
		p.add(where, "is not an input; set %q at the top of the step", name)
		return false
	case "offset", "starting_after":
		p.add(where, "is not an input; a step reads the first page only")
		return false
	}

	if slices.Contains(inputNames(), name) {
		return true
	}
	reason := "is not a parameter of GET /v1/users"
	if near := nearest(name, inputNames()); near != "" {
		reason += "; did you mean " + near + "?"
	}
	p.add(where, "%s", reason)
	return false
}

// inputText returns an input's value as text: a JSON string, or true,
// false or a number written bare.
func inputText(raw json.RawMessage) (string, bool) {
	raw = trimJSON(raw)
	v, ok := rawScalar(raw)
	if !ok || v.IsNull() {
		return "", false
	}
	return v.String(), true
}

// checkLiterals parses the fixed inputs as ParamsFromInputs would, each
// alone, except provider and provider_user_id, which go together: they are
// checked unless one of them is a template, which is checked when the step
// runs. It reports whether a fixed input narrows the lookup.
func checkLiterals(literals map[string]string, templated map[string]bool, p *problems) bool {
	narrows := false
	pair := map[string]string{}
	for name, value := range literals {
		if isFilterInput(name) && strings.TrimSpace(value) != "" {
			narrows = true
		}
		if name == "provider" || name == "provider_user_id" {
			pair[name] = value
			continue
		}
		addParamErrors(map[string]string{name: value}, p)
	}

	if len(pair) > 0 && !templated["provider"] && !templated["provider_user_id"] {
		addParamErrors(pair, p)
	}
	return narrows
}

// addParamErrors adds the problems ParamsFromInputs finds in inputs.
func addParamErrors(inputs map[string]string, p *problems) {
	_, err := ParamsFromInputs(inputs)
	for _, e := range unwrapAllOrNil(err) {
		var pe *ParamError
		if errors.As(e, &pe) {
			p.add("inputs."+pe.Param, "%s", pe.Reason)
		}
	}
}

// parseStepLimit reads limit: a whole number from 1 to MaxUsersLimit.
func parseStepLimit(raw json.RawMessage, p *problems) int {
	text := string(trimJSON(raw))
	n, err := strconv.Atoi(text)
	if err != nil || !allDigits(text) || n < 1 || n > MaxUsersLimit {
		p.add("limit", "must be a whole number from 1 to %d, written bare, such as 10",
			MaxUsersLimit)
		return 0
	}
	return n
}

// parseOrder reads order_by, such as "-created_at".
func (s *Step) parseOrder(mem docMember, p *problems) {
	text := strings.TrimSpace(checkText(mem, "", p))
	if text == "" {
		p.add("order_by", "must be a field, optionally after + or -, such as -created_at")
		return
	}

	field, dir, reason := parseOrderBy(text)
	if reason != "" {
		p.add("order_by", "%s", reason)
		return
	}
	s.orderSet, s.order, s.direction = true, field, dir
}

// parsePolicy reads a policy, one of allowed.
func parsePolicy(mem docMember, allowed []string, p *problems) string {
	text := checkText(mem, "", p)
	if slices.Contains(allowed, text) {
		return text
	}
	p.add(mem.name, "is %q; use one of %s", text, strings.Join(allowed, ", "))
	return allowed[0]
}

package clerk

import (
	"strconv"
	"strings"
)

// The parsers of ParamsFromInputs. Each takes a non-empty value, sets it,
// and returns why it could not, or "". Reasons never quote the value,
// which may be personal data.

// maxInputOffset is the largest offset an input may give: far beyond any
// instance, and within a 32-bit int.
const maxInputOffset = 1_000_000_000

// whole adapts a parser of the whole text of a value.
func whole(parse func(p *ListUsersParams, text string) string) func(*ListUsersParams,
	inputValue) string {

	return func(p *ListUsersParams, v inputValue) string { return parse(p, v.text) }
}

// listInput sets the items of a list.
func listInput(set func(*ListUsersParams, ...string) *ListUsersParams) func(
	*ListUsersParams, inputValue) string {

	return func(p *ListUsersParams, v inputValue) string {
		items, reason := v.listItems()
		values := make([]string, len(items))
		for i, it := range items {
			values[i] = it.value()
			if reason == "" {
				reason = itemFault(i, len(items), values[i])
			}
		}
		if reason == "" {
			set(p, values...)
		}
		return reason
	}
}

// idsInput sets the items of a list of ids. A "+" or "-" written before
// an id includes or excludes it; an id that still begins with one after
// that is refused, since Clerk would read it as a prefix.
func idsInput(include, exclude func(*ListUsersParams, ...string) *ListUsersParams) func(
	*ListUsersParams, inputValue) string {

	return func(p *ListUsersParams, v inputValue) string {
		items, reason := v.listItems()
		if reason != "" {
			return reason
		}

		var in, out []string
		for i, it := range items {
			sign, id, reason := readID(it)
			if reason != "" {
				return itemPlace(i, len(items)) + " " + reason
			}
			if fault := itemFault(i, len(items), id); fault != "" {
				return fault
			}
			if sign == '-' {
				out = append(out, id)
			} else {
				in = append(in, id)
			}
		}
		include(p, in...)
		exclude(p, out...)
		return ""
	}
}

// readID returns the sign written before an id, the id, and why it cannot
// be sent, or "".
func readID(it inputItem) (byte, string, string) {
	sign, lead := cutSign(it.lead)
	id := strings.TrimSpace(lead + it.data)
	switch {
	case id == "":
		return 0, "", "is a bare " + string(sign) + "; write the id after it"
	case id[0] != '+' && id[0] != '-':
		return sign, id, ""
	case strings.TrimSpace(lead) == "" && it.data != "":
		return 0, "", "comes from a placeholder and begins with + or -, which Clerk" +
			" would read as include or exclude; no id begins so, so it is refused" +
			" rather than guessed: check the workflow's data"
	}
	return 0, "", "has two signs; write at most one + (include) or - (exclude)" +
		" before the id"
}

// textInput sets the text as given.
func textInput(set func(*ListUsersParams, string) *ListUsersParams) func(
	*ListUsersParams, inputValue) string {

	return func(p *ListUsersParams, v inputValue) string {
		set(p, v.text)
		return ""
	}
}

// countInput reads a count in decimal digits only; tooLarge says why a
// count above maxInputOffset is refused.
func countInput(set func(*ListUsersParams, int) *ListUsersParams, tooLarge string) func(
	*ListUsersParams, inputValue) string {

	return func(p *ListUsersParams, v inputValue) string {
		if !allDigits(v.text) {
			return "must be a whole number in digits only, such as 20," +
				" without sign, decimal point, exponent or letters"
		}
		n, err := strconv.Atoi(v.text)
		if err != nil || n > maxInputOffset {
			return tooLarge
		}
		set(p, n)
		return ""
	}
}

// boolInput reads banned: "true" or "false".
func boolInput(p *ListUsersParams, value string) string {
	switch value {
	case "true":
		p.Banned(true)
	case "false":
		p.Banned(false)
	default:
		return `must be "true" or "false", in lower case`
	}
	return ""
}

// orderInput reads order_by: a field after an optional "+" or "-".
func orderInput(p *ListUsersParams, value string) string {
	field, dir, reason := parseOrderBy(value)
	if reason == "" {
		p.OrderBy(field, dir)
	}
	return reason
}

// parseOrderBy reads "-created_at", "+username" or "username".
func parseOrderBy(value string) (OrderField, Direction, string) {
	dir, name := Ascending, value
	switch value[0] {
	case '-':
		dir, name = Descending, value[1:]
	case '+':
		name = value[1:]
	}

	for _, f := range OrderFields() {
		if string(f) == name {
			return f, dir, ""
		}
	}
	names := make([]string, 0, len(OrderFields()))
	for _, f := range OrderFields() {
		names = append(names, string(f))
	}
	reason := "must be a field, optionally after + or -, such as -created_at; "
	if near := nearest(name, names); near != "" {
		reason += "did you mean " + near + "? The fields are "
	} else {
		reason += "the fields are "
	}
	return "", "", reason + strings.Join(names, ", ")
}

// allDigits reports whether s is one or more ASCII digits.
func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := range len(s) {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

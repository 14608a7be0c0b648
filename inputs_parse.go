package clerk

import (
	"strconv"
	"strings"
	"time"
)

// The parsers of ParamsFromInputs. Each takes a trimmed, non-empty value,
// sets it, and returns why it could not, or "". Reasons never quote the
// value, which may be personal data.

// listInput splits a list on commas.
func listInput(set func(*ListUsersParams, ...string) *ListUsersParams) func(
	*ListUsersParams, string) string {

	return func(p *ListUsersParams, value string) string {
		items, reason := splitList(value)
		if reason == "" {
			set(p, items...)
		}
		return reason
	}
}

// idsInput splits a list of ids on commas; a leading "-" excludes an id,
// a leading "+" includes it.
func idsInput(include, exclude func(*ListUsersParams, ...string) *ListUsersParams) func(
	*ListUsersParams, string) string {

	return func(p *ListUsersParams, value string) string {
		items, reason := splitList(value)
		if reason != "" {
			return reason
		}
		for i, id := range items {
			switch {
			case id == "-" || id == "+":
				return "item " + strconv.Itoa(i+1) + " is a bare " + id + "; write the id after it"
			case id[0] == '-':
				exclude(p, strings.TrimSpace(id[1:]))
			default:
				include(p, strings.TrimSpace(strings.TrimPrefix(id, "+")))
			}
		}
		return ""
	}
}

// splitList splits value on commas and trims each item; an empty item is
// a mistake, an empty value no items.
func splitList(value string) ([]string, string) {
	if strings.TrimSpace(value) == "" {
		return nil, ""
	}

	items := strings.Split(value, ",")
	for i, item := range items {
		items[i] = strings.TrimSpace(item)
		if items[i] == "" {
			return nil, "item " + strconv.Itoa(i+1) + " of " + strconv.Itoa(len(items)) +
				" is empty; remove the extra comma"
		}
	}
	return items, ""
}

// textInput sets text as given.
func textInput(set func(*ListUsersParams, string) *ListUsersParams) func(
	*ListUsersParams, string) string {

	return func(p *ListUsersParams, value string) string {
		set(p, value)
		return ""
	}
}

// countInput reads a count in decimal digits only.
func countInput(set func(*ListUsersParams, int) *ListUsersParams) func(
	*ListUsersParams, string) string {

	return func(p *ListUsersParams, value string) string {
		if !allDigits(value) {
			return "must be a whole number in digits only, such as 20," +
				" without sign, decimal point, exponent or letters"
		}
		n, err := strconv.Atoi(value)
		if err != nil || n > 1_000_000_000 {
			return "is too large; Clerk takes at most " + strconv.Itoa(MaxUsersLimit) +
				" users a page"
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

// timeInput reads Unix milliseconds in digits or an RFC 3339 time.
func timeInput(set func(*ListUsersParams, time.Time) *ListUsersParams) func(
	*ListUsersParams, string) string {

	return func(p *ListUsersParams, value string) string {
		t, reason := parseInputTime(value)
		if reason == "" {
			set(p, t)
		}
		return reason
	}
}

// parseInputTime reads Unix milliseconds in digits or an RFC 3339 time.
func parseInputTime(value string) (time.Time, string) {
	if allDigits(value) {
		ms, err := strconv.ParseInt(value, 10, 64)
		if err != nil {
			return time.Time{}, "is too large for Unix milliseconds"
		}
		return time.UnixMilli(ms).UTC(), ""
	}

	t, err := time.Parse(time.RFC3339Nano, value)
	if err != nil {
		return time.Time{}, "must be Unix milliseconds in digits, such as 1700000000000," +
			" or an RFC 3339 time, such as 2024-05-01T00:00:00Z"
	}
	return t, ""
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
	return "", "", "must be a field, optionally after + or -, such as -created_at;" +
		" the fields are " + strings.Join(names, ", ")
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

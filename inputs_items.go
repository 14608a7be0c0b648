package clerk

import (
	"strconv"
	"strings"
	"unicode"
)

// inputValue is one input as the parsers of ParamsFromInputs read it.
// text is the whole value, trimmed; "" means unset. items, when not nil,
// is the value already split into the items of a list parameter, as a
// step splits a value with placeholders; otherwise a list parameter
// splits text on commas.
type inputValue struct {
	text  string
	items []inputItem
}

// inputItem is one item of a list parameter. lead is text that whoever
// wrote the input wrote, read by the documented rules: a leading "+" or
// "-" on an id includes or excludes it. data follows lead and holds what
// placeholders brought from the workflow's data, with any text written
// after the first of them: it is taken whole, never split on commas and
// never read as a prefix.
type inputItem struct {
	lead string
	data string
}

// value returns the item as it is sent, trimmed.
func (it inputItem) value() string {
	return strings.TrimSpace(it.lead + it.data)
}

// isListInput reports whether the parameter name takes a list of values.
func isListInput(name string) bool {
	switch name {
	case "email_address", "phone_number", "username", "web3_wallet", "user_id",
		"external_id", "organization_id", "provider_user_id":
		return true
	}
	return false
}

// listItems returns the items of a list input, or why it has none: an
// empty item is a mistake, since leaving it out could widen the lookup.
// An unset value has no items.
func (v inputValue) listItems() ([]inputItem, string) {
	items := v.items
	if items == nil && v.text != "" {
		for _, text := range strings.Split(v.text, ",") {
			items = append(items, inputItem{lead: text})
		}
	}

	for i, it := range items {
		if it.value() == "" {
			return nil, itemPlace(i, len(items)) + " is empty; remove the extra comma"
		}
	}
	return items, ""
}

// itemFault says why an item's value cannot be sent (invalid UTF-8 or a
// control character), or returns "".
func itemFault(i, n int, value string) string {
	if fault := paramTextFault(value); fault != "" {
		return itemPlace(i, n) + " " + fault
	}
	return ""
}

// itemPlace names item i of n for messages: "item 2 of 3", or "the value"
// when there is one.
func itemPlace(i, n int) string {
	if n == 1 {
		return "the value"
	}
	return "item " + strconv.Itoa(i+1) + " of " + strconv.Itoa(n)
}

// cutSign returns the "+" or "-" that starts an id as written in lead
// (after white space), or 0, and the rest of lead.
func cutSign(lead string) (byte, string) {
	lead = strings.TrimLeftFunc(lead, unicode.IsSpace)
	if lead != "" && (lead[0] == '+' || lead[0] == '-') {
		return lead[0], lead[1:]
	}
	return 0, lead
}

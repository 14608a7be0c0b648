package clerk

import (
	"errors"
	"maps"
	"slices"
	"strconv"
	"strings"
)

// ParamsFromInputs builds ListUsersParams from a workflow's text fields,
// each named after a query parameter of GET /v1/users:
//
//	params, err := clerk.ParamsFromInputs(map[string]string{
//		"email_address": "ada.lovelace@example.com, ada@example.org",
//		"banned":        "false",
//		"limit":         "20",
//	})
//
// Parsing is strict, so that only what the workflow meant reaches Clerk:
//
//   - Every value is trimmed of white space. An empty value means unset
//     and sends nothing.
//   - email_address, phone_number, username, web3_wallet, user_id,
//     external_id, organization_id and provider_user_id take one value or
//     several separated by commas, each trimmed; an empty one among them
//     ("a@example.com,,b@example.com") is an error, as is a control
//     character. A leading "-" on a user_id, external_id or
//     organization_id excludes it, a leading "+" includes it; a second
//     sign ("+-user_1") is an error.
//   - limit and offset take decimal digits only: "20" and " 20 " are 20;
//     "10abc", "1.5", "-3", "+3" and "5e2" are errors. Nothing that is not
//     a number reaches a numeric parameter.
//   - banned takes "true" or "false", exactly.
//   - created_at_after, created_at_before, last_active_at_after,
//     last_active_at_before, last_sign_in_at_after and
//     last_sign_in_at_before take Unix milliseconds in digits
//     ("1700000000000") or an RFC 3339 time ("2024-05-01T00:00:00Z")
//     from 1970 on. Clerk's data is younger than September 2001, so
//     milliseconds below 1000000000000 are refused as likely Unix seconds
//     ("1700000000"), and beyond the year 9999 as likely micro- or
//     nanoseconds. To set no bound, leave the input empty.
//   - order_by takes a field, optionally after "+" (ascending) or "-"
//     (descending): "-created_at". A bare field is ascending, as in Clerk.
//   - query, email_address_query, phone_number_query, username_query,
//     name_query, provider and starting_after are text, sent as given.
//
// A name that is no parameter is an error that suggests the closest one.
// The params are then checked as Validate does. Every problem is a
// *ParamError naming its parameter, all joined with errors.Join, and the
// params are nil.
//
// Known shortcoming: a value that itself holds a comma, such as an
// external id "crm,42", cannot be given, since commas split lists; build
// such params with the setters, which take each value whole, or fill the
// input from a step's placeholder, which takes the data whole (see
// ParseStep).
func ParamsFromInputs(inputs map[string]string) (*ListUsersParams, error) {
	values := make(map[string]inputValue, len(inputs))
	for name, raw := range inputs {
		values[name] = inputValue{text: strings.TrimSpace(raw)}
	}
	return paramsFromValues(values)
}

// paramsFromValues is ParamsFromInputs for values that a step may have
// split into items already.
func paramsFromValues(inputs map[string]inputValue) (*ListUsersParams, error) {
	p := NewListUsersParams()
	var errs []error

	for _, in := range inputParams() {
		v, ok := inputs[in.name]
		if !ok || v.text == "" {
			continue
		}
		if reason := in.set(p, v); reason != "" {
			errs = append(errs, &ParamError{Param: in.name, Reason: reason})
		}
	}
	errs = append(errs, providerInputs(p, inputs)...)
	errs = append(errs, cursorInputs(p)...)
	errs = append(errs, unknownInputs(inputs)...)

	errs = append(errs, validateInputs(p, errs)...)
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return p, nil
}

// inputParam is one parameter that ParamsFromInputs reads: its name, and
// set, which parses a non-empty value into p and returns why it could
// not, or "".
type inputParam struct {
	name   string
	filter bool // narrows the users, rather than paging or ordering them
	set    func(p *ListUsersParams, v inputValue) string
}

// inputParams returns the parameters ParamsFromInputs reads, provider and
// provider_user_id aside, in the order their problems are reported.
func inputParams() []inputParam {
	return []inputParam{
		{"email_address", true, listInput((*ListUsersParams).EmailAddresses)},
		{"phone_number", true, listInput((*ListUsersParams).PhoneNumbers)},
		{"username", true, listInput((*ListUsersParams).Usernames)},
		{"web3_wallet", true, listInput((*ListUsersParams).Web3Wallets)},
		{"user_id", true, idsInput((*ListUsersParams).UserIDs,
			(*ListUsersParams).ExcludeUserIDs)},
		{"external_id", true, idsInput((*ListUsersParams).ExternalIDs,
			(*ListUsersParams).ExcludeExternalIDs)},
		{"organization_id", true, idsInput((*ListUsersParams).OrganizationIDs,
			(*ListUsersParams).ExcludeOrganizationIDs)},
		{"query", true, textInput((*ListUsersParams).Query)},
		{"email_address_query", true, textInput((*ListUsersParams).EmailAddressQuery)},
		{"phone_number_query", true, textInput((*ListUsersParams).PhoneNumberQuery)},
		{"username_query", true, textInput((*ListUsersParams).UsernameQuery)},
		{"name_query", true, textInput((*ListUsersParams).NameQuery)},
		{"banned", true, whole(boolInput)},
		{"created_at_after", true, timeInput((*ListUsersParams).CreatedAfter)},
		{"created_at_before", true, timeInput((*ListUsersParams).CreatedBefore)},
		{"last_active_at_after", true, timeInput((*ListUsersParams).LastActiveAfter)},
		{"last_active_at_before", true, timeInput((*ListUsersParams).LastActiveBefore)},
		{"last_sign_in_at_after", true, timeInput((*ListUsersParams).LastSignInAfter)},
		{"last_sign_in_at_before", true, timeInput((*ListUsersParams).LastSignInBefore)},
		{"limit", false, countInput((*ListUsersParams).Limit, "is too large; Clerk takes"+
			" at most "+strconv.Itoa(MaxUsersLimit)+" users a page")},
		{"offset", false, countInput((*ListUsersParams).Offset, "is too large; an offset"+
			" can be at most "+strconv.Itoa(maxInputOffset)+", far more users than an"+
			" instance holds")},
		{"starting_after", false, textInput((*ListUsersParams).StartingAfter)},
		{"order_by", false, whole(orderInput)},
	}
}

// providerInputs sets provider and provider_user_id, which Clerk takes
// together, and says which one is missing when only the other is given.
func providerInputs(p *ListUsersParams, inputs map[string]inputValue) []error {
	provider := inputs["provider"].text
	items, reason := inputs["provider_user_id"].listItems()
	ids := make([]string, len(items))
	for i, it := range items {
		ids[i] = it.value()
		if reason == "" {
			reason = itemFault(i, len(ids), ids[i])
		}
	}

	switch {
	case reason != "":
		return []error{&ParamError{Param: "provider_user_id", Reason: reason}}
	case provider != "" && len(ids) == 0:
		return []error{&ParamError{Param: "provider_user_id", Reason: "is required with" +
			" provider; set the provider_user_id input to the provider's user ids too"}}
	case provider == "" && len(ids) > 0:
		return []error{&ParamError{Param: "provider", Reason: "is required with" +
			" provider_user_id; set the provider input too, such as \"oauth_google\""}}
	}

	if provider != "" {
		p.Provider(provider, ids...)
	}
	return nil
}

// cursorInputs checks starting_after against order_by, in the words of
// inputs; Validate's own check speaks to Go callers.
func cursorInputs(p *ListUsersParams) []error {
	if field, _ := p.Ordering(); p.startingAfter == "" || field == OrderCreatedAt {
		return nil
	}
	return []error{&ParamError{Param: "starting_after", Reason: "works only when" +
		" order_by is created_at or -created_at; change order_by, or page with offset"}}
}

// validateInputs checks p as Validate does, leaving out the parameters
// that already have a problem in errs: their input was refused, and
// Validate would only repeat it in words meant for Go callers.
func validateInputs(p *ListUsersParams, errs []error) []error {
	reported := map[string]bool{}
	for _, err := range errs {
		var pe *ParamError
		if errors.As(err, &pe) {
			reported[pe.Param] = true
		}
	}

	var out []error
	for _, err := range unwrapAllOrNil(p.Validate()) {
		var pe *ParamError
		if !errors.As(err, &pe) || !reported[pe.Param] {
			out = append(out, err)
		}
	}
	return out
}

// inputNames returns every name ParamsFromInputs reads.
func inputNames() []string {
	names := []string{"provider", "provider_user_id"}
	for _, in := range inputParams() {
		names = append(names, in.name)
	}
	return names
}

// isFilterInput reports whether the input name narrows the users listed,
// as opposed to paging or ordering them.
func isFilterInput(name string) bool {
	if name == "provider" || name == "provider_user_id" {
		return true
	}
	for _, in := range inputParams() {
		if in.name == name {
			return in.filter
		}
	}
	return false
}

// unknownInputs reports every input name that is no parameter, in sorted
// order, each with the closest parameter when one is near.
func unknownInputs(inputs map[string]inputValue) []error {
	known := inputNames()
	var errs []error
	for _, name := range slices.Sorted(maps.Keys(inputs)) {
		if slices.Contains(known, name) {
			continue
		}
		reason := "is not a parameter of GET /v1/users"
		if near := nearest(name, known); near != "" {
			reason += "; did you mean " + near + "?"
		}
		errs = append(errs, &ParamError{Param: name, Reason: reason})
	}
	return errs
}

// unwrapAll returns the errors that errors.Join joined into err, or err.
func unwrapAll(err error) []error {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		return j.Unwrap()
	}
	return []error{err}
}

// unwrapAllOrNil is unwrapAll that takes nil.
func unwrapAllOrNil(err error) []error {
	if err == nil {
		return nil
	}
	return unwrapAll(err)
}

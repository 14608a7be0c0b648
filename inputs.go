package clerk

import (
	"errors"
	"maps"
	"slices"
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
//     ("a@example.com,,b@example.com") is an error. A leading "-" on a
//     user_id, external_id or organization_id excludes it, a leading "+"
//     includes it.
//   - limit and offset take decimal digits only: "20" and " 20 " are 20;
//     "10abc", "1.5", "-3", "+3" and "5e2" are errors. Nothing that is not
//     a number reaches a numeric parameter.
//   - banned takes "true" or "false", exactly.
//   - created_at_after, created_at_before, last_active_at_after,
//     last_active_at_before, last_sign_in_at_after and
//     last_sign_in_at_before take Unix milliseconds in digits
//     ("1700000000000") or an RFC 3339 time ("2024-05-01T00:00:00Z").
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
// such params with the setters, which take each value whole.
func ParamsFromInputs(inputs map[string]string) (*ListUsersParams, error) {
	p := NewListUsersParams()
	var errs []error

	for _, in := range inputParams() {
		raw, ok := inputs[in.name]
		value := strings.TrimSpace(raw)
		if !ok || value == "" {
			continue
		}
		if reason := in.set(p, value); reason != "" {
			errs = append(errs, &ParamError{Param: in.name, Reason: reason})
		}
	}
	errs = append(errs, providerInputs(p, inputs)...)
	errs = append(errs, unknownInputs(inputs)...)

	if err := p.Validate(); err != nil {
		errs = append(errs, unwrapAll(err)...)
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return p, nil
}

// inputParam is one parameter that ParamsFromInputs reads: its name, and
// set, which parses a trimmed, non-empty value into p and returns why it
// could not, or "".
type inputParam struct {
	name   string
	filter bool // narrows the users, rather than paging or ordering them
	set    func(p *ListUsersParams, value string) string
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
		{"banned", true, boolInput},
		{"created_at_after", true, timeInput((*ListUsersParams).CreatedAfter)},
		{"created_at_before", true, timeInput((*ListUsersParams).CreatedBefore)},
		{"last_active_at_after", true, timeInput((*ListUsersParams).LastActiveAfter)},
		{"last_active_at_before", true, timeInput((*ListUsersParams).LastActiveBefore)},
		{"last_sign_in_at_after", true, timeInput((*ListUsersParams).LastSignInAfter)},
		{"last_sign_in_at_before", true, timeInput((*ListUsersParams).LastSignInBefore)},
		{"limit", false, countInput((*ListUsersParams).Limit)},
		{"offset", false, countInput((*ListUsersParams).Offset)},
		{"starting_after", false, textInput((*ListUsersParams).StartingAfter)},
		{"order_by", false, orderInput},
	}
}

// providerInputs sets provider and provider_user_id, which Clerk takes
// together; Validate reports one without the other.
func providerInputs(p *ListUsersParams, inputs map[string]string) []error {
	provider := strings.TrimSpace(inputs["provider"])
	ids, reason := splitList(inputs["provider_user_id"])
	if reason != "" {
		return []error{&ParamError{Param: "provider_user_id", Reason: reason}}
	}

	if provider != "" || len(ids) > 0 {
		p.Provider(provider, ids...)
	}
	return nil
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
func unknownInputs(inputs map[string]string) []error {
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

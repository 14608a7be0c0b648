package clerk

import (
	"fmt"
	"math"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// maxFilterValues is how many values Clerk accepts for one repeated
// parameter, included and excluded values together.
const maxFilterValues = 100

// Validate checks p against the rules of GET /v1/users before any request
// is made, and returns every problem as a *ParamError naming the query
// parameter, joined with errors.Join; nil params are valid.
//
// Beyond Clerk's own bounds (limit 1 to 500, offset 0 or more, at most
// 100 values per repeated parameter, provider with provider_user_id,
// starting_after only with created_at ordering and offset 0, a known
// order_by), it rejects what the library would otherwise have to drop or
// reinterpret: empty values in repeated parameters, exclude values that
// already carry a prefix, control characters and invalid UTF-8 in any
// value, white space at the start or the end of any value (it is sent as
// part of the value, so " ada@example.com" matches nobody), times before
// 1970, and time windows whose "after" bound is not earlier than their
// "before" bound. It never trims or otherwise changes a value itself.
//
// Reasons name the API parameter and the value's position, which both Go
// callers and users of a command line built on this package can follow;
// where a fix differs in Go, the Go name follows in parentheses.
//
// Known shortcomings: Validate does not bound the length of the encoded
// query, so 100 long values per parameter can pass here and still exceed
// the URL length that Clerk or a proxy accepts (often 8 KiB); a length
// check belongs here once Clerk documents its limit. Provider names are
// not checked against a list, since Clerk adds providers over time; an
// unknown one matches no user rather than failing (assumed).
func (p *ListUsersParams) Validate() error {
	problems := p.filterProblems()
	problems = append(problems, p.pageProblems()...)
	return joinParamErrors(problems)
}

// filterList is one repeated parameter as Validate sees it: its name and
// its values, those to include and those to exclude.
type filterList struct {
	param   string
	include []string
	exclude []string
}

// filterLists returns every repeated parameter of p.
func (p *ListUsersParams) filterLists() []filterList {
	return []filterList{
		{"email_address", p.emailAddresses, nil},
		{"phone_number", p.phoneNumbers, nil},
		{"username", p.usernames, nil},
		{"web3_wallet", p.web3Wallets, nil},
		{"user_id", p.userIDs.include, p.userIDs.exclude},
		{"external_id", p.externalIDs.include, p.externalIDs.exclude},
		{"organization_id", p.organizationIDs.include, p.organizationIDs.exclude},
		{"provider_user_id", p.providerUserIDs, nil},
	}
}

// filterText is one single-valued string parameter and its value.
type filterText struct {
	param string
	value string
}

// filterTexts returns every single-valued string filter of p.
func (p *ListUsersParams) filterTexts() []filterText {
	return []filterText{
		{"query", p.query},
		{"email_address_query", p.emailAddressQuery},
		{"phone_number_query", p.phoneNumberQuery},
		{"username_query", p.usernameQuery},
		{"name_query", p.nameQuery},
		{"provider", p.provider},
	}
}

// filterProblems checks the parameters that GET /v1/users/count takes.
func (p *ListUsersParams) filterProblems() []*ParamError {
	if p == nil {
		return nil
	}

	var problems []*ParamError
	for _, l := range p.filterLists() {
		problems = append(problems, l.problems()...)
	}

	for _, t := range p.filterTexts() {
		if fault := paramTextFault(t.value); fault != "" {
			problems = append(problems, &ParamError{t.param, fault})
		}
	}

	problems = append(problems, p.providerProblems()...)
	return append(problems, p.timeProblems()...)
}

// problems checks the number and the form of the values of l.
func (l filterList) problems() []*ParamError {
	var problems []*ParamError
	add := func(format string, args ...any) {
		problems = append(problems, &ParamError{l.param, fmt.Sprintf(format, args...)})
	}

	if n := len(l.include) + len(l.exclude); n > maxFilterValues {
		add("takes at most %d values, included and excluded together, got %d;"+
			" split the lookup into several requests", maxFilterValues, n)
	}

	for i, v := range l.include {
		if fault := paramValueFault(v); fault != "" {
			add("value %d %s", i+1, fault)
		}
	}

	for i, v := range l.exclude {
		if fault := paramValueFault(v); fault != "" {
			add("excluded value %d %s", i+1, fault)
		} else if v[0] == '+' || v[0] == '-' {
			add("excluded value %d already starts with %q; give the bare id,"+
				" since the \"-\" that excludes it is added when it is sent", i+1, v[:1])
		}
	}
	return problems
}

// paramValueFault describes what is wrong with one value of a repeated
// parameter, or returns "" when it can be sent as it is.
func paramValueFault(v string) string {
	if v == "" {
		return "is empty; remove empty values, since dropping them could" +
			" widen the lookup to every user"
	}
	return paramTextFault(v)
}

// paramTextFault describes why s cannot be sent as it is: invalid UTF-8 or
// a control character, which no identifier or search holds and which
// usually means a parsing mistake, or white space at either end, usually
// pasted along with the value. It returns "" when s is fine.
func paramTextFault(s string) string {
	if !utf8.ValidString(s) {
		return "is not valid UTF-8; convert it to UTF-8"
	}

	for _, r := range s {
		if r < 0x20 || r == 0x7f {
			return fmt.Sprintf("contains the control character %U; remove it", r)
		}
	}

	first, _ := utf8.DecodeRuneInString(s)
	last, _ := utf8.DecodeLastRuneInString(s)
	if s != "" && (unicode.IsSpace(first) || unicode.IsSpace(last)) {
		return "has white space at the start or the end, which would be sent as part" +
			" of it and match only values with the same spaces; trim it"
	}
	return ""
}

// providerProblems checks that provider and provider_user_id come
// together and that only one provider was given.
func (p *ListUsersParams) providerProblems() []*ParamError {
	var problems []*ParamError
	for _, other := range p.otherProviders {
		problems = append(problems, &ParamError{"provider", fmt.Sprintf(
			"set to %q and then to %q; a request filters by one provider only,"+
				" so make one request per provider", p.provider, other)})
	}

	switch {
	case p.provider != "" && len(p.providerUserIDs) == 0:
		problems = append(problems, &ParamError{"provider_user_id",
			"is required with provider; give the users' ids at that provider too" +
				" (the ids after the name in Provider)"})
	case p.provider == "" && len(p.providerUserIDs) > 0:
		problems = append(problems, &ParamError{"provider",
			"is required with provider_user_id; give the provider's name too," +
				" such as \"oauth_google\" (the first argument of Provider)"})
	}
	return problems
}

// filterWindow is one pair of time filters and the stem of its parameter
// names, such as "created_at".
type filterWindow struct {
	stem string
	w    filterTimeWindow
}

// timeProblems checks every time filter and every window.
func (p *ListUsersParams) timeProblems() []*ParamError {
	windows := []filterWindow{
		{"created_at", p.createdAt},
		{"last_active_at", p.lastActiveAt},
		{"last_sign_in_at", p.lastSignInAt},
	}

	var problems []*ParamError
	for _, fw := range windows {
		after := paramTimeProblem(fw.stem+"_after", fw.w.after)
		before := paramTimeProblem(fw.stem+"_before", fw.w.before)
		for _, pe := range []*ParamError{after, before} {
			if pe != nil {
				problems = append(problems, pe)
			}
		}

		if after != nil || before != nil || fw.w.after.IsZero() || fw.w.before.IsZero() {
			continue
		}

		a, b := fw.w.after.UnixMilli(), fw.w.before.UnixMilli()
		if a >= b {
			problems = append(problems, &ParamError{fw.stem + "_after", fmt.Sprintf(
				"must be earlier than %s_before, got %d ms and %d ms;"+
					" the window would match no user", fw.stem, a, b)})
		}
	}
	return problems
}

// paramTimeProblem checks that t, unless unset, can be sent as Unix
// milliseconds written with digits only.
func paramTimeProblem(param string, t time.Time) *ParamError {
	switch {
	case t.IsZero():
		return nil
	case t.Before(time.Unix(0, 0)):
		return &ParamError{param, "must not be before 1970-01-01T00:00:00Z, since it is" +
			" sent as Unix milliseconds, got " + t.UTC().Format(time.RFC3339Nano) +
			"; leave it unset instead (the zero time.Time)"}
	case t.After(time.UnixMilli(math.MaxInt64)):
		return &ParamError{param, "is too far in the future for Unix milliseconds," +
			" got year " + fmt.Sprint(t.UTC().Year())}
	}
	return nil
}

// pageProblems checks the parameters that only GET /v1/users takes.
func (p *ListUsersParams) pageProblems() []*ParamError {
	if p == nil {
		return nil
	}

	var problems []*ParamError
	add := func(param, format string, args ...any) {
		problems = append(problems, &ParamError{param, fmt.Sprintf(format, args...)})
	}

	if p.limit != nil && (*p.limit < 1 || *p.limit > MaxUsersLimit) {
		add("limit", "must be between 1 and %d, got %d", MaxUsersLimit, *p.limit)
	}

	if p.offset < 0 {
		add("offset", "must be 0 or more, got %d", p.offset)
	}

	if p.orderSet && !p.orderField.known() {
		add("order_by", "unknown field %q; use one of %s (the Order* constants)",
			string(p.orderField), orderFieldList())
	}

	if p.orderSet && !p.orderDir.known() {
		add("order_by", "unknown direction %q; use + or - (Ascending or Descending)",
			string(p.orderDir))
	}

	return append(problems, p.cursorProblems()...)
}

// cursorProblems checks starting_after against the ordering and offset.
func (p *ListUsersParams) cursorProblems() []*ParamError {
	if p.startingAfter == "" {
		return nil
	}

	var problems []*ParamError
	if fault := paramTextFault(p.startingAfter); fault != "" {
		problems = append(problems, &ParamError{"starting_after", fault})
	}

	if field, _ := p.Ordering(); field != OrderCreatedAt {
		problems = append(problems, &ParamError{"starting_after", fmt.Sprintf(
			"works only with created_at ordering, got order_by field %q;"+
				" order by created_at (OrderCreatedAt), or page with offset instead",
			string(field))})
	}

	if p.offset != 0 {
		problems = append(problems, &ParamError{"starting_after", fmt.Sprintf(
			"cannot be combined with offset %d; page with one or the other",
			p.offset)})
	}
	return problems
}

// orderFieldList returns the names of OrderFields, separated by commas.
func orderFieldList() string {
	names := make([]string, 0, len(OrderFields()))
	for _, f := range OrderFields() {
		names = append(names, string(f))
	}
	return strings.Join(names, ", ")
}

package cli

import (
	"errors"
	"fmt"
	"strings"

	"github.com/workflowkit/clerk"
)

// flagErrors puts the flag's name before each *clerk.ParamError in err,
// so that "--phone: clerk: invalid parameter phone_number: …" names both
// what the user typed and what Clerk receives. Other errors pass as
// they are; nil stays nil.
func flagErrors(err error) error {
	if err == nil {
		return nil
	}

	errs := []error{err}
	if joined, ok := err.(interface{ Unwrap() []error }); ok {
		errs = joined.Unwrap()
	}

	out := make([]error, len(errs))
	for i, e := range errs {
		out[i] = e
		var pe *clerk.ParamError
		if errors.As(e, &pe) {
			out[i] = fmt.Errorf("--%s: %w", flagName(pe.Param), e)
		}
	}
	return errors.Join(out...)
}

// flagName returns the flag of Filters that sets the API parameter param:
// the parameter's name with dashes, without the "_at" of time filters,
// except for a few shorter names.
func flagName(param string) string {
	switch param {
	case "email_address":
		return "email"
	case "phone_number":
		return "phone"
	case "email_address_query":
		return "email-query"
	case "phone_number_query":
		return "phone-query"
	case "organization_id":
		return "org-id"
	}
	return strings.ReplaceAll(strings.Replace(param, "_at_", "_", 1), "_", "-")
}

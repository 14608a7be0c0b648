package clerk

import "errors"

// ParamError is a query parameter that Validate rejected before any
// request was made. Validate joins one ParamError per problem with
// errors.Join; take each out with errors.As, or range over the Unwrap
// method of the joined error.
type ParamError struct {
	// Param is the name of the API query parameter, such as "limit",
	// "provider_user_id" or "created_at_after".
	Param string

	// Reason says what is wrong and, where it helps, what to do instead.
	// It never quotes personal data such as an email address.
	Reason string
}

// Error returns one line such as
// "clerk: invalid parameter limit: must be between 1 and 500, got 501".
func (e *ParamError) Error() string {
	return "clerk: invalid parameter " + e.Param + ": " + e.Reason
}

// joinParamErrors joins problems with errors.Join; nil when there are none.
func joinParamErrors(problems []*ParamError) error {
	if len(problems) == 0 {
		return nil
	}

	errs := make([]error, len(problems))
	for i, pe := range problems {
		errs[i] = pe
	}
	return errors.Join(errs...)
}

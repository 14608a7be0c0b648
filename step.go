package clerk

import (
	"errors"
	"io"
	"slices"
	"strconv"
)

// Step is a ready "List Users" step for workflow engines: it fills the
// query of GET /v1/users from the workflow's own data, looks the users up,
// applies its policies for no match and several matches, and maps each
// user into the workflow's fields. Make one with ParseStep and run it
// with Run; it does not change after, and is safe for concurrent use.
type Step struct {
	inputs    []stepInput
	templated int  // inputs with at least one placeholder
	limit     int  // 0: Clerk's default page size
	orderSet  bool // order_by was given
	order     OrderField
	direction Direction
	onEmpty   string
	onNone    string
	onMany    string
	output    *Mapping
}

// stepInput is one input of a step: a query parameter and the template
// its value comes from.
type stepInput struct {
	name string
	tmpl template
}

// The policies of a step, as written in its document, with the default of
// each first.
func emptyPolicies() []string { return []string{"error", "empty", "list_all"} }
func nonePolicies() []string  { return []string{"empty", "error"} }
func manyPolicies() []string  { return []string{"error", "first", "all"} }

// ParseStep reads a step document, such as this one, which looks up the
// Clerk account of a fraud case's email and copies its id, last sign-in
// and Google id:
//
//	{
//	  "description": "Find the Clerk account of the case's email",
//	  "inputs": {"email_address": "{{case.email}}"},
//	  "limit": 10,
//	  "order_by": "-created_at",
//	  "on_empty_inputs": "error",
//	  "on_no_match": "empty",
//	  "on_many_matches": "error",
//	  "output": {
//	    "fields": {
//	      "clerk_user_id": "id",
//	      "last_sign_in": {"from": "last_sign_in_at", "transform": "rfc3339"},
//	      "google_id": "external_accounts[provider=oauth_google].provider_user_id"
//	    }
//	  }
//	}
//
// Its members:
//
//   - inputs: query parameters of GET /v1/users, named and parsed as
//     ParamsFromInputs describes, each with a value that may hold
//     placeholders, {{key}}, filled from the workflow's data when the
//     step runs: "{{case.email}}", or "{{first}} {{last}}". A value
//     without placeholders is fixed ("banned": "false"; true, false and
//     whole numbers may be written bare) and checked now. An input whose
//     placeholder has no value in the data, or only white space, resolves
//     to nothing and is left out of the query, never sent empty.
//     Different inputs must all match, as in Clerk: a step with an email
//     and a phone number finds only users who have both. limit,
//     order_by, offset and starting_after are not inputs.
//   - What a placeholder brings from the data is one value, exactly
//     (trimmed of white space): it is never split on commas and never
//     read as include or exclude, so that the data cannot widen or turn
//     the lookup. Only the step's own text has those meanings:
//     "{{case.email}}, {{case.alt_email}}" is two emails, each whole,
//     whatever commas they hold, and "-{{case.user}}" excludes the
//     case's user. For user_id, external_id and organization_id, a
//     value from the data that begins with "+" or "-" (after any sign
//     the step writes) would be read by Clerk as a prefix, so Run
//     refuses it with a *ParamError naming the input rather than guess.
//   - limit: the page size, 1 to 500; Clerk's 10 unless given. The step
//     reads one page: at most limit users are mapped.
//   - order_by: the order of that page, such as "-created_at" (newest
//     first, Clerk's default) or "+last_sign_in_at".
//   - on_empty_inputs: what to do when every input with a placeholder
//     resolves to nothing: "error" (the default) refuses, so that a
//     missing email never turns into a listing of every user; "empty"
//     returns no records without asking Clerk; "list_all" lists users
//     with the fixed inputs alone. A step with no input that narrows the
//     lookup at all must say "list_all".
//   - on_no_match: "empty" (the default) returns no records; "error"
//     makes it an error.
//   - on_many_matches: "error" (the default) makes several matches an
//     error, so that a workflow never acts on the wrong account; "first"
//     keeps the first user in the page's order; "all" keeps them all.
//   - output (required): a mapping document, as ParseMapping describes.
//   - description: a note for people, ignored.
//
// ParseStep reports every mistake at once, joined with errors.Join, each a
// *MappingError naming its place: "inputs.email_address", "limit",
// "output.fields.google_id"; their messages start "clerk: step".
//
// Known shortcomings: placeholders copy the data as it is, with no
// transform, so an email that the workflow holds in capitals is sent so
// (Clerk's matching of email_address decides); a "| lower" filter inside
// the braces would close that. A step reads one page; a lookup that needs
// every match walks the pages with Client.Users instead.
func ParseStep(r io.Reader) (*Step, error) {
	data, err := readDocument(r, "step")
	var me *MappingError
	if errors.As(err, &me) {
		me.doc = "step"
	}
	if err != nil {
		return nil, err
	}

	p := problems{doc: "step"}
	s := parseStepDoc(data, &p)
	if err := p.err(); err != nil {
		return nil, err
	}
	return s, nil
}

// Placeholders returns the keys of the workflow's data that the step's
// inputs name, each once, in the order of the step document: the keys
// Run reads from its data.
func (s *Step) Placeholders() []string {
	var keys []string
	for _, in := range s.inputs {
		for _, key := range in.tmpl.placeholders() {
			if !slices.Contains(keys, key) {
				keys = append(keys, key)
			}
		}
	}
	return keys
}

// StepResult is what a step found.
type StepResult struct {
	// Matches is how many users the inputs match: the number Clerk
	// returned, or, when the page was full, Clerk's count of them all.
	Matches int64 `json:"matches"`

	// Skipped is true when every input resolved to nothing and
	// on_empty_inputs is "empty", so Clerk was not asked.
	Skipped bool `json:"skipped,omitempty"`

	// Records holds the mapped users: none, one, or with on_many_matches
	// "all" up to the step's limit, in the page's order.
	Records []Record `json:"records"`
}

// StepError is an outcome that a step's policy turns into an error: every
// input resolved to nothing, no user matched, or several did. Tell them
// apart by Policy with errors.As.
type StepError struct {
	// Policy is the member of the step that decided: "on_empty_inputs",
	// "on_no_match" or "on_many_matches".
	Policy string

	// Matches is how many users matched; 0 when Clerk was not asked.
	Matches int64

	// Missing lists the keys of the workflow's data that had no value,
	// for on_empty_inputs: for each input, the first it missed.
	Missing []string

	// Inputs lists the inputs that resolved to nothing, for
	// on_empty_inputs, in the order of the step.
	Inputs []string
}

// Error returns one line that says what happened and which policy to
// change to allow it.
func (e *StepError) Error() string {
	switch e.Policy {
	case "on_empty_inputs":
		what := "every input resolved to nothing"
		if len(e.Inputs) == 1 {
			what = "the input " + e.Inputs[0] + " resolved to nothing"
		}
		return "clerk: step: " + what + ", because the data has no value for " +
			quoteKeys(e.Missing) + ", and on_empty_inputs is \"error\", so no users" +
			" were listed"
	case "on_no_match":
		return "clerk: step: no user matches, and on_no_match is \"error\""
	}
	return "clerk: step: " + strconv.FormatInt(e.Matches, 10) + " users match, and" +
		" on_many_matches is \"error\"; narrow the inputs, or choose \"first\" or \"all\""
}

// quoteKeys writes data keys for messages: "a", "b" or "c".
func quoteKeys(keys []string) string {
	out := ""
	for i, k := range keys {
		switch {
		case i > 0 && i == len(keys)-1:
			out += " or "
		case i > 0:
			out += ", "
		}
		out += strconv.Quote(k)
	}
	return out
}

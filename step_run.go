package clerk

import (
	"context"
	"errors"
	"slices"
	"strings"
)

// Run fills the step's inputs from data, the workflow's own fields keyed as
// its placeholders name them ("case.email"), lists the users they match
// (one request to GET /v1/users, and a second to GET /v1/users/count when
// the page is full, to tell the true number of matches), applies the
// step's policies and maps each user it keeps.
//
// A policy that makes an outcome an error returns a *StepError. Invalid
// input values, such as a user_id from the data that begins with "-",
// are *ParamError values naming the parameter, and nothing is sent;
// request failures are the client's errors. When the mapping cannot
// convert a value (see Mapping.Apply), Run returns the records with that
// field null along with the error.
func (s *Step) Run(ctx context.Context, c *Client, data map[string]string) (StepResult,
	error) {

	if c == nil {
		return StepResult{}, errors.New("clerk: Step.Run needs a *Client; make one" +
			" with NewClient")
	}

	r := s.resolve(data)
	if s.templated > 0 && len(r.unresolved) == s.templated {
		switch s.onEmpty {
		case "error":
			return StepResult{}, &StepError{Policy: "on_empty_inputs", Missing: r.missing,
				Inputs: r.unresolved}
		case "empty":
			return StepResult{Records: []Record{}, Skipped: true}, nil
		}
	}

	params, err := s.params(r.inputs)
	if err != nil {
		return StepResult{}, err
	}
	users, matches, err := s.lookup(ctx, c, params)
	if err != nil {
		return StepResult{}, err
	}

	kept, err := s.keep(users, matches)
	if err != nil {
		return StepResult{Records: []Record{}, Matches: matches}, err
	}
	return s.mapUsers(kept, matches)
}

// resolution is what a step's inputs give for one run's data.
type resolution struct {
	inputs     map[string]inputValue // the inputs that have a value
	missing    []string              // the keys of the data that inputs missed
	unresolved []string              // the inputs that resolved to nothing
}

// resolve fills every input from data. A list input with placeholders is
// split on the step's own commas only, so that what the data holds is
// one value, whole. For each input that resolves to nothing, missing
// holds the first key it missed, each key once.
func (s *Step) resolve(data map[string]string) resolution {
	r := resolution{inputs: map[string]inputValue{}}
	for _, in := range s.inputs {
		text, ok := in.tmpl.resolve(data)
		if ok {
			v := inputValue{text: strings.TrimSpace(text)}
			if isListInput(in.name) && len(in.tmpl.placeholders()) > 0 {
				v.items, _ = in.tmpl.items(data)
			}
			r.inputs[in.name] = v
			continue
		}

		r.unresolved = append(r.unresolved, in.name)
		for _, key := range in.tmpl.placeholders() {
			if _, ok := (templatePart{key: key}).fill(data); ok {
				continue
			}
			if !slices.Contains(r.missing, key) {
				r.missing = append(r.missing, key)
			}
			break
		}
	}
	return r
}

// params builds the query from the resolved inputs and the step's limit
// and order.
func (s *Step) params(inputs map[string]inputValue) (*ListUsersParams, error) {
	params, err := paramsFromValues(inputs)
	if err != nil {
		return nil, err
	}

	if s.limit > 0 {
		params.Limit(s.limit)
	}
	if s.orderSet {
		params.OrderBy(s.order, s.direction)
	}
	return params, params.Validate()
}

// lookup lists one page and counts the matches, asking for the count only
// when the page is full.
func (s *Step) lookup(ctx context.Context, c *Client, params *ListUsersParams) ([]User,
	int64, error) {

	users, err := c.ListUsers(ctx, params)
	if err != nil {
		return nil, 0, err
	}

	matches := int64(len(users))
	if len(users) == params.LimitValue() {
		if matches, err = c.CountUsers(ctx, params); err != nil {
			return nil, 0, err
		}
	}
	return users, max(matches, int64(len(users))), nil
}

// keep applies the policies for no match and several matches.
func (s *Step) keep(users []User, matches int64) ([]User, error) {
	switch {
	case matches == 0 && s.onNone == "error":
		return nil, &StepError{Policy: "on_no_match"}
	case matches > 1 && s.onMany == "error":
		return nil, &StepError{Policy: "on_many_matches", Matches: matches}
	case len(users) > 1 && s.onMany == "first":
		return users[:1], nil
	}
	return users, nil
}

// mapUsers applies the output mapping to every user kept.
func (s *Step) mapUsers(users []User, matches int64) (StepResult, error) {
	res := StepResult{Records: make([]Record, 0, len(users)), Matches: matches}
	var errs []error
	for _, u := range users {
		rec, err := s.output.Apply(u)
		if err != nil {
			errs = append(errs, err)
		}
		res.Records = append(res.Records, rec)
	}
	return res, errors.Join(errs...)
}

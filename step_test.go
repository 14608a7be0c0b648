package clerk_test

import (
	"context"
	"errors"
	"net/url"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/workflowkit/clerk"
)

// mustStep parses a step document or stops the test.
func mustStep(t *testing.T, doc string) *clerk.Step {
	t.Helper()
	s, err := clerk.ParseStep(strings.NewReader(doc))
	if err != nil {
		t.Fatalf("ParseStep: %v\n%s", err, doc)
	}
	return s
}

// fraudStep is the step the README asks a newcomer to write: find the
// account of a case's email, copy its id, sign-in time and Google id.
const fraudStep = `{
	"inputs": {"email_address": "{{case.email}}"},
	"on_no_match": "empty",
	"on_many_matches": "error",
	"output": {"fields": {
		"clerk_user_id": "id",
		"last_sign_in": {"from": "last_sign_in_at", "transform": "rfc3339", "default": "never"},
		"google_id": "external_accounts[provider=oauth_google].provider_user_id"
	}}
}`

// records renders a result's records as text maps, for comparing.
func records(res clerk.StepResult) []map[string]string {
	out := []map[string]string{}
	for _, r := range res.Records {
		out = append(out, r.Strings())
	}
	return out
}

func TestStepFindsTheCaseAccount(t *testing.T) {
	t.Parallel()
	client, srv := demoClient(t)
	ada := demoUser(t, adaEmail)

	res, err := mustStep(t, fraudStep).Run(context.Background(), client,
		map[string]string{"case.email": adaEmail, "case.id": "CB-1"})
	if err != nil {
		t.Fatal(err)
	}
	want := []map[string]string{{"clerk_user_id": ada.ID,
		"last_sign_in": "2025-06-30T12:00:00.000Z", "google_id": "104735098437283810571"}}
	if diff := cmp.Diff(want, records(res)); diff != "" || res.Matches != 1 {
		t.Errorf("matches %d, records (-want +got):\n%s", res.Matches, diff)
	}

	reqs := srv.Requests()
	if len(reqs) != 1 || reqs[0].Query.Get("email_address") != adaEmail {
		t.Errorf("requests %+v, want one by email", reqs)
	}
}

func TestStepLeavesOutInputsThatResolveToNothing(t *testing.T) {
	t.Parallel()
	client, srv := demoClient(t)
	step := mustStep(t, `{
		"inputs": {"email_address": "{{case.email}}", "phone_number": "+1{{case.phone}}",
			"banned": "false"},
		"output": {"fields": {"id": "id"}}}`)

	_, err := step.Run(context.Background(), client,
		map[string]string{"case.email": adaEmail, "case.phone": "  "})
	if err != nil {
		t.Fatal(err)
	}
	want := url.Values{"email_address": {adaEmail}, "banned": {"false"}}
	if diff := cmp.Diff(want, srv.Requests()[0].Query); diff != "" {
		t.Errorf("query (-want +got):\n%s", diff)
	}
}

func TestStepRefusesToListEveryone(t *testing.T) {
	t.Parallel()
	doc := func(policy string) string {
		return `{"inputs": {"email_address": "{{case.email}}", "banned": "false"},
			"limit": 3, "on_many_matches": "all", "on_empty_inputs": "` + policy + `",
			"output": {"fields": {"id": "id"}}}`
	}
	noEmail := map[string]string{"case.email": ""}

	client, srv := demoClient(t)
	_, err := mustStep(t, doc("error")).Run(context.Background(), client, noEmail)
	var se *clerk.StepError
	if !errors.As(err, &se) || se.Policy != "on_empty_inputs" ||
		!cmp.Equal(se.Missing, []string{"case.email"}) {
		t.Fatalf("error %v, want a StepError for on_empty_inputs missing case.email", err)
	}
	if srv.Hits() != 0 {
		t.Errorf("the refused step sent %d requests", srv.Hits())
	}

	twice := mustStep(t, `{"inputs": {"email_address": "{{case.email}}",
		"email_address_query": "{{case.email}}"}, "output": {"fields": {"id": "id"}}}`)
	_, err = twice.Run(context.Background(), client, noEmail)
	if !errors.As(err, &se) || !cmp.Equal(se.Missing, []string{"case.email"}) {
		t.Errorf("two inputs from one missing key: %v", err)
	}

	res, err := mustStep(t, doc("empty")).Run(context.Background(), client, nil)
	if err != nil || !res.Skipped || len(res.Records) != 0 || srv.Hits() != 0 {
		t.Errorf("empty: %+v, %v, %d requests", res, err, srv.Hits())
	}

	res, err = mustStep(t, doc("list_all")).Run(context.Background(), client, noEmail)
	if err != nil || len(res.Records) != 3 || res.Matches < 20 {
		t.Errorf("list_all: %d records, %d matches, %v", len(res.Records), res.Matches, err)
	}
}

func TestStepPolicies(t *testing.T) {
	t.Parallel()
	client, _ := demoClient(t)
	run := func(inputs, policies string) (clerk.StepResult, error) {
		step := mustStep(t, `{"inputs": `+inputs+`, "limit": 2, `+policies+`,
			"output": {"fields": {"email": "primary_email_address"}}}`)
		return step.Run(context.Background(), client, map[string]string{})
	}
	nobody := `{"email_address": "nobody@example.com"}`
	many := `{"email_address_query": "example.com"}`

	res, err := run(nobody, `"on_no_match": "empty"`)
	if err != nil || res.Matches != 0 || res.Records == nil || len(res.Records) != 0 {
		t.Errorf("no match, empty: %+v, %v", res, err)
	}

	_, err = run(nobody, `"on_no_match": "error"`)
	var se *clerk.StepError
	if !errors.As(err, &se) || se.Policy != "on_no_match" {
		t.Errorf("no match, error: %v", err)
	}

	count, err := client.CountUsers(context.Background(),
		clerk.NewListUsersParams().EmailAddressQuery("example.com"))
	if err != nil || count < 3 {
		t.Fatalf("count %d, %v", count, err)
	}
	_, err = run(many, `"on_many_matches": "error"`)
	if !errors.As(err, &se) || se.Policy != "on_many_matches" || se.Matches != count {
		t.Errorf("many, error: %v, want %d matches", err, count)
	}

	res, err = run(many, `"on_many_matches": "first"`)
	if err != nil || len(res.Records) != 1 || res.Matches != count {
		t.Errorf("many, first: %d records, %d matches, %v", len(res.Records), res.Matches, err)
	}

	res, err = run(many, `"on_many_matches": "all", "order_by": "+created_at"`)
	if err != nil || len(res.Records) != 2 || res.Matches != count {
		t.Errorf("many, all: %d records, %d matches, %v", len(res.Records), res.Matches, err)
	}
}

func TestStepRejectsBadInputsAtRunTime(t *testing.T) {
	t.Parallel()
	client, srv := demoClient(t)
	step := mustStep(t, `{"inputs": {"created_at_after": "{{case.opened}}"},
		"output": {"fields": {"id": "id"}}}`)
	_, err := step.Run(context.Background(), client, map[string]string{"case.opened": "soon"})
	var pe *clerk.ParamError
	if !errors.As(err, &pe) || pe.Param != "created_at_after" || srv.Hits() != 0 {
		t.Errorf("error %v after %d requests, want a ParamError and none", err, srv.Hits())
	}

	if _, err := step.Run(context.Background(), nil, nil); err == nil {
		t.Error("Run without a client did not fail")
	}
}

func TestParseStepRejects(t *testing.T) {
	t.Parallel()
	out := `"output": {"fields": {"id": "id"}}`
	tests := []struct{ doc, field, want string }{
		{`[]`, "", `"inputs" and "output"`},
		{`{"inputs": {"email_address": "{{x}}"}}`, "output", "is missing"},
		{`{"inputs": {}, ` + out + `}`, "inputs", "list every user"},
		{`{"inputs": {"banned": ""}, ` + out + `}`, "inputs", "list every user"},
		{`{"inputs": [], ` + out + `}`, "inputs", "not a list"},
		{`{"inputs": {"emial": "{{x}}"}, ` + out + `}`, "inputs.emial", "not a parameter"},
		{`{"inputs": {"email_adress": "{{x}}"}, ` + out + `}`, "inputs.email_adress",
			"did you mean email_address?"},
		{`{"inputs": {"email_address": "{{x}}", "limit": "5"}, ` + out + `}`,
			"inputs.limit", "at the top of the step"},
		{`{"inputs": {"email_address": "{{x}}", "offset": "5"}, ` + out + `}`,
			"inputs.offset", "first page only"},
		{`{"inputs": {"email_address": "{{x"}, ` + out + `}`, "inputs.email_address",
			`without its closing "}}"`},
		{`{"inputs": {"email_address": "{{ }}"}, ` + out + `}`, "inputs.email_address",
			"empty placeholder"},
		{`{"inputs": {"email_address": {"a": 1}}, ` + out + `}`, "inputs.email_address",
			"not an object"},
		{`{"inputs": {"email_address": null}, ` + out + `}`, "inputs.email_address",
			"not null"},
		{`{"inputs": {"banned": "maybe"}, ` + out + `}`, "inputs.banned", `"true" or "false"`},
		{`{"inputs": {"provider": "oauth_google"}, ` + out + `}`, "inputs.provider_user_id",
			"required with provider"},
		{`{"inputs": {"user_id": "{{x}}"}, "limit": 0, ` + out + `}`, "limit", "1 to 500"},
		{`{"inputs": {"user_id": "{{x}}"}, "limit": "10", ` + out + `}`, "limit", "written bare"},
		{`{"inputs": {"user_id": "{{x}}"}, "limit": 2.5, ` + out + `}`, "limit", "whole number"},
		{`{"inputs": {"user_id": "{{x}}"}, "order_by": "age", ` + out + `}`, "order_by",
			"such as -created_at"},
		{`{"inputs": {"user_id": "{{x}}"}, "on_no_match": "skip", ` + out + `}`,
			"on_no_match", "use one of empty, error"},
		{`{"inputs": {"user_id": "{{x}}"}, "on_many_matches": "any", ` + out + `}`,
			"on_many_matches", "use one of error, first, all"},
		{`{"inputs": {"user_id": "{{x}}"}, "on_empty_inputs": "skip", ` + out + `}`,
			"on_empty_inputs", "use one of error, empty, list_all"},
		{`{"inputs": {"user_id": "{{x}}"}, "outputs": {}, ` + out + `}`, "outputs",
			"not a member of a step"},
		{`{"inputs": {"user_id": "{{x}}"}, "output": {"fields": {"g": "gogle_id"}}}`,
			"output.fields.g", "does not have"},
		{`{"inputs": {"user_id": "{{x}}"}, "output": {"felds": {}}}`, "output.felds",
			"not a member of a mapping"},
		{`{"inputs": {"created_at_after": 1700000000}, ` + out + `}`,
			"inputs.created_at_after", "looks like Unix seconds"},
		{`{"inputs": {"user_id": "{{x}}"}, "order_by": "-created", ` + out + `}`, "order_by",
			"did you mean created_at?"},
	}
	for _, tt := range tests {
		_, err := clerk.ParseStep(strings.NewReader(tt.doc))
		reasons, ok := mappingProblems(err)[tt.field]
		if !ok || !strings.Contains(reasons, tt.want) {
			t.Errorf("%s: error %v, want one at %q containing %q", tt.doc, err, tt.field, tt.want)
		}
	}
}

func TestParseStepAcceptsBareLiterals(t *testing.T) {
	t.Parallel()
	client, srv := demoClient(t)
	step := mustStep(t, `{"inputs": {"banned": true, "created_at_after": 1700000000000},
		"limit": 1, "on_many_matches": "first", "output": {"fields": {"id": "id"}}}`)
	if _, err := step.Run(context.Background(), client, nil); err != nil {
		t.Fatal(err)
	}
	q := srv.Requests()[0].Query
	if q.Get("banned") != "true" || q.Get("created_at_after") != "1700000000000" ||
		q.Get("limit") != "1" {
		t.Errorf("query %v", q)
	}
}

func TestStepErrorsSayStep(t *testing.T) {
	t.Parallel()
	tests := []struct{ doc, want string }{
		{`{"inputs": {"user_id": "{{x}}"}, "on_many_matches": "eror",
			"output": {"fields": {"id": "id"}}}`, `clerk: step on_many_matches: is "eror"`},
		{`{"inputs": `, "clerk: step: the step is not valid JSON"},
		{`{"inputs": {"user_id": "{{x}}"}, "output": {"fields": {"a": "nope"}}}`,
			"clerk: step output.fields.a: "},
	}
	for _, tt := range tests {
		_, err := clerk.ParseStep(strings.NewReader(tt.doc))
		if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("%s: error %v, want it to start with %q", tt.doc, err, tt.want)
		}
	}

	client, _ := demoClient(t)
	step := mustStep(t, `{"inputs": {"email_address": "{{e}}"}, "output": {"fields": {
		"plan": {"from": "public_metadata.plan", "transform": "rfc3339"}}}}`)
	_, err := step.Run(context.Background(), client, map[string]string{"e": adaEmail})
	if err == nil || !strings.HasPrefix(err.Error(), "clerk: step output.fields.plan: ") {
		t.Errorf("Run: error %v, want one for step output.fields.plan", err)
	}
}

func TestParseStepReportsAMisspeltInputOnce(t *testing.T) {
	t.Parallel()
	for _, inputs := range []string{`{"emial": "{{case.email}}"}`,
		`{"email_address": ["{{case.email}}"]}`} {
		_, err := clerk.ParseStep(strings.NewReader(`{"inputs": ` + inputs + `,
			"output": {"fields": {"id": "id"}}}`))
		got := mappingProblems(err)
		if _, ok := got["inputs"]; ok || len(got) != 1 {
			t.Errorf("%s: want one error, for the input alone; got %v", inputs, err)
		}
	}
}

func TestStepSaysWhichPlaceholderIsMissing(t *testing.T) {
	t.Parallel()
	client, _ := demoClient(t)
	step := mustStep(t, `{"inputs": {"name_query": "{{first}} {{last}}"},
		"output": {"fields": {"id": "id"}}}`)

	_, err := step.Run(context.Background(), client, map[string]string{"first": "Ada"})
	var se *clerk.StepError
	if !errors.As(err, &se) || !cmp.Equal(se.Inputs, []string{"name_query"}) ||
		!cmp.Equal(se.Missing, []string{"last"}) {
		t.Fatalf("error %v, want a StepError for name_query missing last", err)
	}
	want := `clerk: step: the input name_query resolved to nothing, because the data has` +
		` no value for "last", and on_empty_inputs is "error"`
	if !strings.HasPrefix(err.Error(), want) {
		t.Errorf("error %q, want it to start with %q", err, want)
	}
}

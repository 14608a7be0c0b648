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

// Tests that what a placeholder brings from the workflow's data is one
// value, whole: never split on commas, never read as include or exclude.

func TestStepTakesAPlaceholderValueWhole(t *testing.T) {
	t.Parallel()
	client, srv := demoClient(t)
	step := mustStep(t, fraudStep)

	both := "nobody@example.com, " + adaEmail
	res, err := step.Run(context.Background(), client, map[string]string{"case.email": both})
	if err != nil || res.Matches != 0 || len(res.Records) != 0 {
		t.Errorf("two emails in one value: %d matches, %v; want none", res.Matches, err)
	}
	want := url.Values{"email_address": {both}}
	if diff := cmp.Diff(want, srv.Requests()[0].Query); diff != "" {
		t.Errorf("query (-want +got):\n%s", diff)
	}
}

func TestStepSplitsOnlyItsOwnCommas(t *testing.T) {
	t.Parallel()
	client, srv := demoClient(t)
	step := mustStep(t, `{"inputs": {"email_address": "{{a}}, {{b}},fixed@example.com"},
		"on_many_matches": "all", "output": {"fields": {"id": "id"}}}`)

	data := map[string]string{"a": adaEmail, "b": " x@example.com,y@example.com "}
	if _, err := step.Run(context.Background(), client, data); err != nil {
		t.Fatal(err)
	}
	want := url.Values{"email_address": {adaEmail, "x@example.com,y@example.com",
		"fixed@example.com"}}
	if diff := cmp.Diff(want, srv.Requests()[0].Query); diff != "" {
		t.Errorf("query (-want +got):\n%s", diff)
	}
}

func TestStepRefusesASignFromTheData(t *testing.T) {
	t.Parallel()
	client, srv := demoClient(t)
	ada := demoUser(t, adaEmail)
	for _, tt := range []struct{ input, data string }{
		{"{{case.user}}", "-" + ada.ID},
		{"{{case.user}}", " +" + ada.ID},
		{"-{{case.user}}", "-" + ada.ID},
		{"user_x, {{case.user}}", "-" + ada.ID},
	} {
		step := mustStep(t, `{"inputs": {"user_id": "`+tt.input+`"},
			"on_many_matches": "first", "output": {"fields": {"id": "id"}}}`)
		_, err := step.Run(context.Background(), client, map[string]string{"case.user": tt.data})

		var pe *clerk.ParamError
		if !errors.As(err, &pe) || pe.Param != "user_id" ||
			!strings.Contains(pe.Reason, "comes from a placeholder and begins with + or -") {
			t.Errorf("%s with %q: error %v, want a ParamError for user_id", tt.input, tt.data, err)
		}
		if err != nil && strings.Contains(err.Error(), ada.ID) {
			t.Errorf("error %q quotes the data", err)
		}
	}
	if srv.Hits() != 0 {
		t.Errorf("refused steps sent %d requests", srv.Hits())
	}
}

func TestStepKeepsTheSignsOfItsOwnText(t *testing.T) {
	t.Parallel()
	client, srv := demoClient(t)
	ada := demoUser(t, adaEmail)
	step := mustStep(t, `{"inputs": {"user_id": "-{{case.user}}", "external_id": "{{ext}}"},
		"limit": 1, "on_many_matches": "first", "output": {"fields": {"id": "id"}}}`)

	data := map[string]string{"case.user": ada.ID, "ext": "crm,42"}
	if _, err := step.Run(context.Background(), client, data); err != nil {
		t.Fatal(err)
	}
	q := srv.Requests()[0].Query
	if diff := cmp.Diff([]string{"-" + ada.ID}, q["user_id"]); diff != "" {
		t.Errorf("user_id (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"crm,42"}, q["external_id"]); diff != "" {
		t.Errorf("external_id (-want +got):\n%s", diff)
	}
}

func TestParseStepChecksTheItemsOfAListTemplate(t *testing.T) {
	t.Parallel()
	out := `"output": {"fields": {"id": "id"}}`
	tests := []struct{ inputs, field, want string }{
		{`{"email_address": "{{a}},,{{b}}"}`, "inputs.email_address", "item 2 of 3 is empty"},
		{`{"email_address": "{{a}},"}`, "inputs.email_address", "item 2 of 2 is empty"},
		{`{"user_id": "--{{a}}"}`, "inputs.user_id", "two signs"},
		{`{"user_id": "{{a}}, -"}`, "inputs.user_id", "bare -"},
	}
	for _, tt := range tests {
		doc := `{"inputs": ` + tt.inputs + `, ` + out + `}`
		_, err := clerk.ParseStep(strings.NewReader(doc))
		reasons, ok := mappingProblems(err)[tt.field]
		if !ok || !strings.Contains(reasons, tt.want) {
			t.Errorf("%s: error %v, want one at %q containing %q", doc, err, tt.field, tt.want)
		}
	}
}

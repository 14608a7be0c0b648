package clerk_test

import (
	"context"
	"fmt"
	"strings"

	"github.com/workflowkit/clerk"
)

func ExampleParseMapping() {
	client, done := newExampleClient()
	defer done()

	mapping, err := clerk.ParseMapping(strings.NewReader(`{"fields": {
		"clerk_user_id": "id",
		"email": {"from": "primary_email_address", "transform": "lower"},
		"signed_in": {"from": "last_sign_in_at", "transform": "rfc3339", "default": "never"},
		"google_id": "external_accounts[provider=oauth_google].provider_user_id",
		"orgs": {"from": "organization_memberships[*].organization.slug", "transform": "join"},
		"plan": "public_metadata.plan.tier"
	}}`))
	if err != nil {
		fmt.Println(err)
		return
	}

	users, _ := client.ListUsers(context.Background(),
		clerk.NewListUsersParams().Usernames("ada"))
	rec, _ := mapping.Apply(users[0])
	for _, f := range rec.Fields() {
		if f.Key != "clerk_user_id" {
			fmt.Printf("%s = %s\n", f.Key, f.Value)
		}
	}
	// Output:
	// email = ada.lovelace@example.com
	// signed_in = 2025-06-30T12:00:00.000Z
	// google_id = 104735098437283810571
	// orgs = analytical-engines
	// plan = pro
}

func ExampleParseMapping_mistakes() {
	_, err := clerk.ParseMapping(strings.NewReader(`{"fields": {
		"google_id": "external_acounts[provider=oauth_google].provider_user_id",
		"signed_in": {"from": "first_name", "transform": "rfc3339"}
	}}`))
	fmt.Println(err)
	// Output:
	// clerk: mapping fields.google_id: from "external_acounts[provider=oauth_google].provider_user_id" names "external_acounts", which the user does not have in Clerk's schema; did you mean "external_accounts"?
	// clerk: mapping fields.signed_in: from "first_name" reads first_name as a time, but it is text; rfc3339 takes a timestamp, a member named *_at, its *_at_rfc3339 companion, or metadata
}

func ExampleParamsFromInputs() {
	params, err := clerk.ParamsFromInputs(map[string]string{
		"email_address": "ada.lovelace@example.com, grace@hopperlabs.example",
		"banned":        "false",
		"limit":         " 20 ",
	})
	fmt.Println(params, err)

	_, err = clerk.ParamsFromInputs(map[string]string{"limit": "10abc", "banned": "yes"})
	fmt.Println(err)
	// Output:
	// banned=false&email_address=REDACTED&email_address=REDACTED&limit=20 <nil>
	// clerk: invalid parameter banned: must be "true" or "false", in lower case
	// clerk: invalid parameter limit: must be a whole number in digits only, such as 20, without sign, decimal point, exponent or letters
}

func ExampleStep_Run() {
	client, done := newExampleClient()
	defer done()

	step, err := clerk.ParseStep(strings.NewReader(`{
		"inputs": {"email_address": "{{case.email}}"},
		"on_no_match": "empty",
		"on_many_matches": "error",
		"output": {"fields": {
			"signed_in": {"from": "last_sign_in_at", "transform": "rfc3339"},
			"google_id": "external_accounts[provider=oauth_google].provider_user_id"
		}}
	}`))
	if err != nil {
		fmt.Println(err)
		return
	}

	res, err := step.Run(context.Background(), client,
		map[string]string{"case.email": "ada.lovelace@example.com"})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("matches:", res.Matches)
	fmt.Println(res.Records[0].Strings())

	_, err = step.Run(context.Background(), client, map[string]string{"case.id": "CB-7"})
	fmt.Println(err)
	// Output:
	// matches: 1
	// map[google_id:104735098437283810571 signed_in:2025-06-30T12:00:00.000Z]
	// clerk: step: the input email_address resolved to nothing, because the data has no value for "case.email", and on_empty_inputs is "error", so no users were listed
}

package clerk_test

import (
	"errors"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/workflowkit/clerk"
)

// paramErrors returns the parameter and reason of every *ParamError in err.
func paramErrors(err error) map[string]string {
	out := map[string]string{}
	var walk func(error)
	walk = func(err error) {
		if j, ok := err.(interface{ Unwrap() []error }); ok {
			for _, e := range j.Unwrap() {
				walk(e)
			}
			return
		}
		var pe *clerk.ParamError
		if errors.As(err, &pe) {
			out[pe.Param] = pe.Reason
		}
	}
	walk(err)
	return out
}

func TestParamsFromInputsAccepts(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		inputs map[string]string
		want   url.Values
	}{
		{"digits", map[string]string{"offset": "20"}, url.Values{"offset": {"20"}}},
		{"digits with spaces", map[string]string{"offset": " 20 "},
			url.Values{"offset": {"20"}}},
		{"leading zeros", map[string]string{"limit": "007"}, url.Values{"limit": {"7"}}},
		{"empty means unset", map[string]string{"offset": "", "limit": "", "banned": "",
			"email_address": "", "created_at_after": ""}, url.Values{}},
		{"blank means unset", map[string]string{"limit": "  \t", "query": " "}, url.Values{}},
		{"true", map[string]string{"banned": "true"}, url.Values{"banned": {"true"}}},
		{"false is sent", map[string]string{"banned": "false"},
			url.Values{"banned": {"false"}}},
		{"unix milliseconds", map[string]string{"created_at_after": "1700000000000"},
			url.Values{"created_at_after": {"1700000000000"}}},
		{"RFC 3339", map[string]string{"last_sign_in_at_before": "2024-05-01T00:00:00Z"},
			url.Values{"last_sign_in_at_before": {"1714521600000"}}},
		{"RFC 3339 with an offset and fraction",
			map[string]string{"last_active_at_after": "2024-05-01T02:00:00.5+02:00"},
			url.Values{"last_active_at_after": {"1714521600500"}}},
		{"identifiers split on commas",
			map[string]string{"email_address": "a@example.com, b@example.com ,c@example.com"},
			url.Values{"email_address": {"a@example.com", "b@example.com", "c@example.com"}}},
		{"one identifier", map[string]string{"phone_number": "+15555550100"},
			url.Values{"phone_number": {"+15555550100"}}},
		{"exclude and include ids",
			map[string]string{"user_id": "user_1,-user_2, +user_3",
				"organization_id": "-org_1"},
			url.Values{"user_id": {"user_1", "user_3", "-user_2"},
				"organization_id": {"-org_1"}}},
		{"text is kept whole", map[string]string{"query": "lovelace, ada"},
			url.Values{"query": {"lovelace, ada"}}},
		{"provider with ids",
			map[string]string{"provider": "oauth_google", "provider_user_id": "1, 2"},
			url.Values{"provider": {"oauth_google"}, "provider_user_id": {"1", "2"}}},
		{"order descending", map[string]string{"order_by": "-last_sign_in_at"},
			url.Values{"order_by": {"-last_sign_in_at"}}},
		{"order ascending", map[string]string{"order_by": "username"},
			url.Values{"order_by": {"+username"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			p, err := clerk.ParamsFromInputs(tt.inputs)
			if err != nil {
				t.Fatal(err)
			}
			got, err := p.Values()
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("query (-want +got):\n%s", diff)
			}
		})
	}
}

func TestParamsFromInputsRejects(t *testing.T) {
	t.Parallel()
	tests := []struct {
		param, value, want string
	}{
		{"offset", "10abc", "digits only"},
		{"offset", "1.5", "digits only"},
		{"offset", "-3", "digits only"},
		{"offset", "+3", "digits only"},
		{"offset", "5e2", "digits only"},
		{"offset", "0x10", "digits only"},
		{"offset", "1 000", "digits only"},
		{"offset", "٣", "digits only"},
		{"offset", "99999999999999999999", "too large"},
		{"limit", "ten", "digits only"},
		{"limit", "0", "between 1 and 500"},
		{"limit", "501", "between 1 and 500"},
		{"banned", "True", `"true" or "false"`},
		{"banned", "1", `"true" or "false"`},
		{"banned", "yes", `"true" or "false"`},
		{"created_at_after", "yesterday", "RFC 3339"},
		{"created_at_after", "2024-06-30", "RFC 3339"},
		{"created_at_after", "1.7e12", "RFC 3339"},
		{"created_at_after", "-1", "RFC 3339"},
		{"created_at_after", "99999999999999999999", "too large"},
		{"created_at_after", "0001-01-01T00:00:00Z", "leave the input empty"},
		{"created_at_before", "1969-12-31T23:59:59.999Z", "is before 1970"},
		{"last_active_at_after", "1970-01-01T01:00:00+02:00", "is before 1970"},
		{"created_at_after", "1700000000", "looks like Unix seconds; multiply by 1000"},
		{"created_at_after", "0", "looks like Unix seconds"},
		{"last_sign_in_at_before", "999999999999", "looks like Unix seconds"},
		{"created_at_after", "1700000000000000", "micro- or nanoseconds"},
		{"offset", "2147483648", "an offset can be at most 1000000000"},
		{"limit", "2147483648", "at most 500 users a page"},
		{"order_by", "-created", "did you mean created_at?"},
		{"user_id", "+-user_1", "two signs"},
		{"external_id", "crm_1, --crm_2", "item 2 of 2 has two signs"},
		{"email_address", "a@example.com,b\x00@example.com", "item 2 of 2 contains the control"},
		{"provider", "oauth_google", "set the provider_user_id input"},
		{"email_address", "a@example.com,,b@example.com", "item 2 of 3 is empty"},
		{"email_address", "a@example.com,", "item 2 of 2 is empty"},
		{"username", ",", "item 1 of 2 is empty"},
		{"user_id", "user_1,-", "bare -"},
		{"order_by", "-age", "such as -created_at"},
		{"order_by", "created_at desc", "such as -created_at"},
		{"provider_user_id", "123", "set the provider input too"},
		{"emial_address", "a@example.com", "did you mean email_address?"},
		{"page", "2", "not a parameter"},
	}
	for _, tt := range tests {
		t.Run(tt.param+"="+tt.value, func(t *testing.T) {
			t.Parallel()
			p, err := clerk.ParamsFromInputs(map[string]string{tt.param: tt.value})
			if p != nil {
				t.Errorf("params %v despite the error", p)
			}
			param := map[string]string{"provider_user_id": "provider", // the missing one
				"provider": "provider_user_id"}[tt.param]
			if param == "" {
				param = tt.param
			}
			reason, ok := paramErrors(err)[param]
			if !ok || !strings.Contains(reason, tt.want) {
				t.Fatalf("error %v, want one naming %s with %q", err, param, tt.want)
			}
			msg := strings.ReplaceAll(err.Error(), "-created_at", "") // an example
			if strings.Contains(msg, tt.value) && len(tt.value) > 3 {
				t.Errorf("error %q quotes the value", err)
			}
			if goWords.MatchString(err.Error()) {
				t.Errorf("error %q gives advice meant for Go callers", err)
			}
		})
	}
}

// goWords matches advice meant for Go callers of the builder, which no
// error of ParamsFromInputs may give: its users write text fields.
var goWords = regexp.MustCompile(`time\.Time|Provider\b|Order[A-Z*]|Exclude[A-Z]|` +
	`\bOffset\b|\bgiven to\b|\bargument\b|\bmethod\b`)

func TestParamsFromInputsSpeaksOfInputs(t *testing.T) {
	t.Parallel()
	for _, inputs := range []map[string]string{
		{"starting_after": "user_1", "order_by": "-last_sign_in_at"},
		{"starting_after": "user_1", "offset": "10"},
		{"user_id": "--user_1"},
		{"organization_id": "-+org_1"},
		{"provider_user_id": "1, 2"},
		{"provider": "oauth_google", "provider_user_id": "1,\x01"},
		{"created_at_after": "2024-05-02T00:00:00Z", "created_at_before": "1714521600000"},
		{"email_address": strings.Repeat("a@example.com,", 100) + "b@example.com"},
		{"query": "\xff"},
	} {
		_, err := clerk.ParamsFromInputs(inputs)
		if err == nil || goWords.MatchString(err.Error()) {
			t.Errorf("%v: error %v, want one that speaks of inputs", inputs, err)
		}
	}
}

func TestParamsFromInputsReportsEveryMistake(t *testing.T) {
	t.Parallel()
	_, err := clerk.ParamsFromInputs(map[string]string{
		"limit": "1.5", "offset": "-3", "banned": "maybe", "created_at_before": "soon",
		"email_address": "ok@example.com", "nmae_query": "x",
	})
	got := paramErrors(err)
	want := []string{"limit", "offset", "banned", "created_at_before", "nmae_query"}
	if len(got) != len(want) {
		t.Errorf("got %d problems, want %d: %v", len(got), len(want), err)
	}
	for _, param := range want {
		if _, ok := got[param]; !ok {
			t.Errorf("no problem reported for %s: %v", param, err)
		}
	}
}

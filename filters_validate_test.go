package clerk_test

import (
	"errors"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/workflowkit/clerk"
)

// filterValidationCase is one builder chain and the parameters that Validate
// must name, in order; none means valid.
type filterValidationCase struct {
	name   string
	build  func(p *clerk.ListUsersParams) *clerk.ListUsersParams
	params []string
	reason string // a part of the first reason, when not empty
}

// filterValues returns n distinct values.
func filterValues(prefix string, n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = prefix + strings.Repeat("x", i+1)
	}
	return out
}

// filterParamErrors takes every *ParamError out of a joined error.
func filterParamErrors(t *testing.T, err error) []*clerk.ParamError {
	t.Helper()

	if err == nil {
		return nil
	}

	joined, ok := err.(interface{ Unwrap() []error })
	if !ok {
		t.Fatalf("error %v is not joined with errors.Join", err)
	}

	var out []*clerk.ParamError
	for _, e := range joined.Unwrap() {
		var pe *clerk.ParamError
		if !errors.As(e, &pe) {
			t.Fatalf("error %v is not a *clerk.ParamError", e)
		}
		out = append(out, pe)
	}
	return out
}

func filterValidationCases() []filterValidationCase {
	type P = clerk.ListUsersParams
	t0 := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	t1 := t0.Add(time.Hour)
	epoch := time.Unix(0, 0)

	return []filterValidationCase{
		{"empty", func(p *P) *P { return p }, nil, ""},
		{"limit 1", func(p *P) *P { return p.Limit(1) }, nil, ""},
		{"limit 500", func(p *P) *P { return p.Limit(500) }, nil, ""},
		{"limit 501", func(p *P) *P { return p.Limit(501) }, []string{"limit"},
			"must be between 1 and 500, got 501"},
		{"limit 0 is not unset", func(p *P) *P { return p.Limit(0) }, []string{"limit"},
			"got 0"},
		{"limit negative", func(p *P) *P { return p.Limit(-3) }, []string{"limit"}, ""},
		{"offset 0", func(p *P) *P { return p.Offset(0) }, nil, ""},
		{"offset negative", func(p *P) *P { return p.Offset(-1) }, []string{"offset"},
			"0 or more"},

		{"100 values", func(p *P) *P {
			return p.EmailAddresses(filterValues("e", 100)...)
		}, nil, ""},
		{"101 values", func(p *P) *P {
			return p.EmailAddresses(filterValues("e", 101)...)
		}, []string{"email_address"}, "at most 100"},
		{"include and exclude count together", func(p *P) *P {
			return p.UserIDs(filterValues("u", 50)...).
				ExcludeUserIDs(filterValues("x", 51)...)
		}, []string{"user_id"}, "got 101"},
		{"101 provider user ids", func(p *P) *P {
			return p.Provider("oauth_google", filterValues("g", 101)...)
		}, []string{"provider_user_id"}, "at most 100"},
		{"empty value in a list", func(p *P) *P {
			return p.PhoneNumbers("+15555550100", "")
		}, []string{"phone_number"}, "value 2 is empty"},
		{"empty excluded id", func(p *P) *P { return p.ExcludeUserIDs("") },
			[]string{"user_id"}, "excluded value 1 is empty"},
		{"exclude with a minus", func(p *P) *P { return p.ExcludeExternalIDs("-ext_1") },
			[]string{"external_id"}, `excluded value 1 already starts with "-"; give the bare id`},
		{"exclude with a plus", func(p *P) *P {
			return p.ExcludeOrganizationIDs("org_1", "+org_1")
		}, []string{"organization_id"}, `excluded value 2 already starts with "+"`},

		{"NUL in a list", func(p *P) *P { return p.EmailAddresses("a\x00@example.com") },
			[]string{"email_address"}, "U+0000"},
		{"newline in query", func(p *P) *P { return p.Query("ann\n") },
			[]string{"query"}, "U+000A"},
		{"DEL in name query", func(p *P) *P { return p.NameQuery("Ann\x7f") },
			[]string{"name_query"}, "U+007F"},
		{"invalid UTF-8", func(p *P) *P { return p.Usernames("ann\xff") },
			[]string{"username"}, "UTF-8"},
		{"tab in provider", func(p *P) *P { return p.Provider("oauth\t", "1") },
			[]string{"provider"}, "U+0009"},
		{"control in cursor", func(p *P) *P { return p.StartingAfter("user\r") },
			[]string{"starting_after"}, "U+000D"},
		{"non-ASCII is fine", func(p *P) *P {
			return p.NameQuery("Zoë").Usernames("山田").Query("a\u0085b")
		}, nil, ""},

		{"spaces around an email address", func(p *P) *P {
			return p.EmailAddresses(" ada.lovelace@example.com ")
		}, []string{"email_address"}, "value 1 has white space at the start or the end"},
		{"trailing space on a phone number", func(p *P) *P {
			return p.PhoneNumbers("+15555550100", "+15555550101 ")
		}, []string{"phone_number"}, "value 2 has white space"},
		{"no-break space before a username", func(p *P) *P {
			return p.Usernames("\u00a0ada")
		}, []string{"username"}, "trim it"},
		{"space after a wallet", func(p *P) *P { return p.Web3Wallets("0xabc ") },
			[]string{"web3_wallet"}, "trim it"},
		{"spaces around ids", func(p *P) *P {
			return p.UserIDs(" user_1").ExcludeExternalIDs("ext_1 ").
				OrganizationIDs("org_1\u3000").Provider("oauth_google", " 1")
		}, []string{"user_id", "external_id", "organization_id", "provider_user_id"},
			"value 1 has white space"},
		{"excluded id with a space", func(p *P) *P { return p.ExcludeUserIDs(" user_1") },
			[]string{"user_id"}, "excluded value 1 has white space"},
		{"query of spaces only", func(p *P) *P { return p.Query("   ") },
			[]string{"query"}, "has white space at the start or the end"},
		{"spaces around every search", func(p *P) *P {
			return p.EmailAddressQuery(" ada").PhoneNumberQuery("555 ").
				UsernameQuery(" a ").NameQuery("Ada ")
		}, []string{"email_address_query", "phone_number_query", "username_query",
			"name_query"}, "trim it"},
		{"space after a provider or a cursor", func(p *P) *P {
			return p.Provider("oauth_google ", "1").StartingAfter("user_1 ")
		}, []string{"provider", "starting_after"}, "trim it"},
		{"spaces inside are fine", func(p *P) *P {
			return p.NameQuery("Ada Lovelace").Query("ada love").ExternalIDs("ext 1")
		}, nil, ""},

		{"provider alone", func(p *P) *P { return p.Provider("oauth_google") },
			[]string{"provider_user_id"}, "required with provider"},
		{"provider user ids alone", func(p *P) *P { return p.Provider("", "1") },
			[]string{"provider"}, "required with provider_user_id"},
		{"two providers", func(p *P) *P {
			return p.Provider("oauth_google", "1").Provider("oauth_github", "2")
		}, []string{"provider"}, "one provider only"},
		{"unnamed provider first", func(p *P) *P {
			return p.Provider("", "1").Provider("oauth_github", "2")
		}, []string{"provider", "provider"}, ""},

		{"cursor with default order", func(p *P) *P { return p.StartingAfter("user_1") },
			nil, ""},
		{"cursor with created_at ascending", func(p *P) *P {
			return p.StartingAfter("user_1").
				OrderBy(clerk.OrderCreatedAt, clerk.Ascending)
		}, nil, ""},
		{"cursor with another order", func(p *P) *P {
			return p.StartingAfter("user_1").
				OrderBy(clerk.OrderEmailAddress, clerk.Ascending)
		}, []string{"starting_after"}, "created_at ordering"},
		{"cursor with offset", func(p *P) *P {
			return p.StartingAfter("user_1").Offset(10)
		}, []string{"starting_after"}, "offset 10"},
		{"cursor with offset 0", func(p *P) *P {
			return p.StartingAfter("user_1").Offset(0)
		}, nil, ""},

		{"window in order", func(p *P) *P { return p.CreatedAfter(t0).CreatedBefore(t1) },
			nil, ""},
		{"window one millisecond wide", func(p *P) *P {
			return p.LastActiveAfter(t0).LastActiveBefore(t0.Add(time.Millisecond))
		}, nil, ""},
		{"window empty", func(p *P) *P { return p.CreatedAfter(t0).CreatedBefore(t0) },
			[]string{"created_at_after"}, "earlier than created_at_before"},
		{"window reversed", func(p *P) *P {
			return p.LastActiveAfter(t1).LastActiveBefore(t0)
		}, []string{"last_active_at_after"}, ""},
		{"window empty once truncated", func(p *P) *P {
			return p.LastSignInAfter(t0.Add(100)).LastSignInBefore(t0.Add(900))
		}, []string{"last_sign_in_at_after"}, ""},
		{"one bound only", func(p *P) *P { return p.LastSignInAfter(t1) }, nil, ""},
		{"unix epoch", func(p *P) *P { return p.CreatedAfter(epoch) }, nil, ""},
		{"before 1970", func(p *P) *P { return p.CreatedBefore(epoch.Add(-1)) },
			[]string{"created_at_before"}, "1970"},
		{"too far ahead", func(p *P) *P {
			far := time.Date(300_000_000, 1, 1, 0, 0, 0, 0, time.UTC)
			return p.LastActiveBefore(far)
		}, []string{"last_active_at_before"}, "too far"},

		{"unknown order field", func(p *P) *P {
			return p.OrderBy("web3_wallet", clerk.Ascending)
		}, []string{"order_by"}, `"web3_wallet"; use one of created_at, updated_at,`},
		{"unknown direction", func(p *P) *P {
			return p.OrderBy(clerk.OrderUsername, "desc")
		}, []string{"order_by"}, "use + or - (Ascending or Descending)"},
		{"zero ordering", func(p *P) *P { return p.OrderBy("", "") },
			[]string{"order_by", "order_by"}, ""},

		{"every problem is returned", func(p *P) *P {
			return p.Limit(0).Offset(-1).EmailAddresses("").Provider("oauth_google")
		}, []string{"email_address", "provider_user_id", "limit", "offset"}, ""},
	}
}

func TestListUsersParamsValidate(t *testing.T) {
	t.Parallel()

	for _, tc := range filterValidationCases() {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()

			p := tc.build(clerk.NewListUsersParams())
			err := p.Validate()

			got := filterParamErrors(t, err)
			var params []string
			for _, pe := range got {
				params = append(params, pe.Param)
			}
			if diff := cmp.Diff(tc.params, params); diff != "" {
				t.Fatalf("Validate() = %v\nparams (-want +got):\n%s", err, diff)
			}

			if tc.reason != "" && !strings.Contains(got[0].Reason, tc.reason) {
				t.Errorf("Reason = %q, want %q in it", got[0].Reason, tc.reason)
			}

			if _, verr := p.Values(); (verr == nil) != (err == nil) {
				t.Errorf("Values: %v, Validate: %v; want both or none", verr, err)
			}
		})
	}
}

func TestParamErrorMessage(t *testing.T) {
	t.Parallel()

	_, err := clerk.NewListUsersParams().Limit(501).Values()

	var pe *clerk.ParamError
	if !errors.As(err, &pe) {
		t.Fatalf("Values error %v is not a *clerk.ParamError", err)
	}

	want := "clerk: invalid parameter limit: must be between 1 and 500, got 501"
	if pe.Error() != want || err.Error() != want {
		t.Errorf("Error() = %q and %q, want %q", pe.Error(), err.Error(), want)
	}
}

func TestParamErrorHidesPersonalData(t *testing.T) {
	t.Parallel()

	err := clerk.NewListUsersParams().
		EmailAddresses("secret@example.com\x00", "").PhoneNumbers("+15555550100\n").
		Query("secret\x01").ExcludeUserIDs("-secret").Validate()
	if err == nil {
		t.Fatal("Validate: nil error, want several")
	}

	for _, leak := range []string{"secret", "5555"} {
		if strings.Contains(err.Error(), leak) {
			t.Errorf("error %q shows %q", err, leak)
		}
	}
}

// goOnly are the Go names that a reason may give only in parentheses,
// after wording that users of a command line understand too.
var goOnly = regexp.MustCompile(`\b(Exclude\w+|EmailAddresses|PhoneNumbers|Usernames|` +
	`Web3Wallets|UserIDs|ExternalIDs|OrganizationIDs|Provider|Offset|Order\w+|` +
	`Ascending|Descending|time\.Time)\b`)

func TestParamErrorReasonsReadWithoutGo(t *testing.T) {
	t.Parallel()

	for _, tc := range filterValidationCases() {
		err := tc.build(clerk.NewListUsersParams()).Validate()
		for _, pe := range filterParamErrors(t, err) {
			outside := regexp.MustCompile(`\([^)]*\)`).ReplaceAllString(pe.Reason, "")
			if name := goOnly.FindString(outside); name != "" {
				t.Errorf("%s: reason %q names %s outside parentheses", tc.name,
					pe.Reason, name)
			}
		}
	}
}

func TestListUsersParamsOrderFields(t *testing.T) {
	t.Parallel()

	want := map[clerk.OrderField]string{
		clerk.OrderCreatedAt:    "created_at",
		clerk.OrderUpdatedAt:    "updated_at",
		clerk.OrderEmailAddress: "email_address",
		clerk.OrderWeb3Wallet:   "web3wallet",
		clerk.OrderFirstName:    "first_name",
		clerk.OrderLastName:     "last_name",
		clerk.OrderPhoneNumber:  "phone_number",
		clerk.OrderUsername:     "username",
		clerk.OrderLastActiveAt: "last_active_at",
		clerk.OrderLastSignInAt: "last_sign_in_at",
	}

	if got := clerk.OrderFields(); len(got) != len(want) {
		t.Errorf("OrderFields() = %q, want the %d fields below", got, len(want))
	}

	for _, field := range clerk.OrderFields() {
		name, ok := want[field]
		if !ok {
			t.Errorf("OrderFields() has unexpected %q", field)
			continue
		}
		for dir, prefix := range map[clerk.Direction]string{
			clerk.Ascending: "+", clerk.Descending: "-",
		} {
			v, err := clerk.NewListUsersParams().OrderBy(field, dir).Values()
			if err != nil {
				t.Errorf("OrderBy(%q, %q): %v", field, dir, err)
				continue
			}
			if got := v.Get("order_by"); got != prefix+name {
				t.Errorf("OrderBy(%q, %q) sends %q, want %q",
					field, dir, got, prefix+name)
			}
		}
	}
}

func TestUntrimmedValuesAreNeverSent(t *testing.T) {
	t.Parallel()

	for name, p := range map[string]*clerk.ListUsersParams{
		"email":  clerk.NewListUsersParams().EmailAddresses(" ada.lovelace@example.com "),
		"query":  clerk.NewListUsersParams().Query("   "),
		"id":     clerk.NewListUsersParams().ExcludeUserIDs("user_1\u00a0"),
		"search": clerk.NewListUsersParams().NameQuery(" Ada"),
	} {
		if v, err := p.Values(); err == nil {
			t.Errorf("%s: Values = %q, want an error", name, v.Encode())
		}
		if v, err := p.CountValues(); err == nil {
			t.Errorf("%s: CountValues = %q, want an error", name, v.Encode())
		}
	}
}

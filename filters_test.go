package clerk_test

import (
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/workflowkit/clerk"
)

// filterEncodingCase is one builder chain and the exact query it must produce.
type filterEncodingCase struct {
	name  string
	build func(p *clerk.ListUsersParams) *clerk.ListUsersParams
	want  url.Values
}

func TestListUsersParamsValuesEncoding(t *testing.T) {
	t.Parallel()

	type P = clerk.ListUsersParams
	ms := time.Date(2024, 5, 6, 7, 8, 9, 123_999_999, time.UTC)
	for _, tc := range []filterEncodingCase{
		{"empty", func(p *P) *P { return p }, url.Values{}},
		{"repeated keys", func(p *P) *P {
			return p.UserIDs("user_a", "user_b")
		}, url.Values{"user_id": {"user_a", "user_b"}}},
		{"second call appends", func(p *P) *P {
			return p.EmailAddresses("a@example.com").
				EmailAddresses("b@example.com", "c@example.com")
		}, url.Values{
			"email_address": {"a@example.com", "b@example.com", "c@example.com"},
		}},
		{"exclude shares the key with a minus", func(p *P) *P {
			return p.UserIDs("user_a").ExcludeUserIDs("user_x").
				ExcludeExternalIDs("ext_1").ExcludeOrganizationIDs("org_2")
		}, url.Values{
			"user_id":         {"user_a", "-user_x"},
			"external_id":     {"-ext_1"},
			"organization_id": {"-org_2"},
		}},
		{"include prefix sent as given", func(p *P) *P {
			return p.OrganizationIDs("+org_1", "org_2").
				ExternalIDs("-ext_9")
		}, url.Values{"organization_id": {"+org_1", "org_2"}, "external_id": {"-ext_9"}}},
		{"banned false is sent", func(p *P) *P {
			return p.Banned(false)
		}, url.Values{"banned": {"false"}}},
		{"banned true", func(p *P) *P {
			return p.Banned(true)
		}, url.Values{"banned": {"true"}}},
		{"offset zero is valid and not sent", func(p *P) *P {
			return p.Offset(0)
		}, url.Values{}},
		{"offset", func(p *P) *P {
			return p.Offset(20).Limit(500)
		}, url.Values{"offset": {"20"}, "limit": {"500"}}},
		{"empty string filters send nothing", func(p *P) *P {
			return p.Query("").EmailAddressQuery("").PhoneNumberQuery("").
				UsernameQuery("").NameQuery("").StartingAfter("")
		}, url.Values{}},
		{"no values sends nothing", func(p *P) *P {
			return p.EmailAddresses().UserIDs().ExcludeUserIDs()
		}, url.Values{}},
		{"searches", func(p *P) *P {
			return p.Query("ann").EmailAddressQuery("@ex").
				PhoneNumberQuery("+1555").UsernameQuery("an").NameQuery("Zoë")
		}, url.Values{
			"query": {"ann"}, "email_address_query": {"@ex"},
			"phone_number_query": {"+1555"}, "username_query": {"an"},
			"name_query": {"Zoë"},
		}},
		{"times truncate to whole milliseconds", func(p *P) *P {
			return p.CreatedAfter(ms).
				LastSignInBefore(ms.In(time.FixedZone("X", -7*3600)))
		}, url.Values{
			"created_at_after":       {"1714979289123"},
			"last_sign_in_at_before": {"1714979289123"},
		}},
		{"unix epoch is sent as 0", func(p *P) *P {
			return p.LastActiveAfter(time.Unix(0, 0))
		}, url.Values{"last_active_at_after": {"0"}}},
		{"zero time unsets", func(p *P) *P {
			return p.CreatedBefore(ms).CreatedBefore(time.Time{})
		}, url.Values{}},
		{"provider", func(p *P) *P {
			return p.Provider("oauth_google", "1").
				Provider("oauth_google", "2")
		}, url.Values{"provider": {"oauth_google"}, "provider_user_id": {"1", "2"}}},
		{"order ascending", func(p *P) *P {
			return p.OrderBy(clerk.OrderWeb3Wallet, clerk.Ascending)
		}, url.Values{"order_by": {"+web3wallet"}}},
		{"order replaces", func(p *P) *P {
			return p.OrderBy(clerk.OrderUsername, clerk.Ascending).
				OrderBy(clerk.OrderCreatedAt, clerk.Descending)
		}, url.Values{"order_by": {"-created_at"}}},
		{"cursor", func(p *P) *P {
			return p.StartingAfter("user_9").Limit(1)
		}, url.Values{"starting_after": {"user_9"}, "limit": {"1"}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()

			got, err := tc.build(clerk.NewListUsersParams()).Values()
			if err != nil {
				t.Fatalf("Values: %v", err)
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("Values mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestListUsersParamsPlusIsPercentEncoded(t *testing.T) {
	t.Parallel()

	p := clerk.NewListUsersParams().EmailAddresses("dev+qa@example.com").
		PhoneNumbers("+15555550100").OrganizationIDs("+org_1").
		OrderBy(clerk.OrderCreatedAt, clerk.Ascending)

	v, err := p.Values()
	if err != nil {
		t.Fatalf("Values: %v", err)
	}

	got := v.Encode()
	want := "email_address=dev%2Bqa%40example.com&order_by=%2Bcreated_at" +
		"&organization_id=%2Borg_1&phone_number=%2B15555550100"
	if got != want {
		t.Errorf("Encode() = %q, want %q", got, want)
	}
	if strings.Contains(got, "+") {
		t.Errorf("Encode() = %q has a bare +, which Clerk would read as a space", got)
	}
}

func TestListUsersParamsUTF8(t *testing.T) {
	t.Parallel()

	v, err := clerk.NewListUsersParams().NameQuery("Zoë").Values()
	if err != nil {
		t.Fatalf("Values: %v", err)
	}

	if got, want := v.Encode(), "name_query=Zo%C3%AB"; got != want {
		t.Errorf("Encode() = %q, want %q", got, want)
	}
}

func TestListUsersParamsTimesAreDigits(t *testing.T) {
	t.Parallel()

	// One nanosecond short of a second must not round up to it.
	late := time.Date(2030, 1, 1, 0, 0, 0, 999_999_999, time.UTC)
	p := clerk.NewListUsersParams().
		CreatedAfter(late.Add(-time.Hour)).CreatedBefore(late).
		LastActiveAfter(late.Add(-time.Hour)).LastActiveBefore(late).
		LastSignInAfter(late.Add(-time.Hour)).LastSignInBefore(late)

	v, err := p.Values()
	if err != nil {
		t.Fatalf("Values: %v", err)
	}

	digits := regexp.MustCompile(`^[0-9]+$`)
	for key, vals := range v {
		if len(vals) != 1 || !digits.MatchString(vals[0]) {
			t.Errorf("%s = %q, want one value of digits only", key, vals)
		}
	}

	if got, want := v.Get("created_at_before"), "1893456000999"; got != want {
		t.Errorf("created_at_before = %s, want %s (truncated, not rounded)", got, want)
	}
}

func TestListUsersParamsNil(t *testing.T) {
	t.Parallel()

	var p *clerk.ListUsersParams
	if err := p.Validate(); err != nil {
		t.Errorf("Validate: %v", err)
	}

	for name, values := range map[string]func() (url.Values, error){
		"Values": p.Values, "CountValues": p.CountValues,
	} {
		v, err := values()
		if err != nil || len(v) != 0 {
			t.Errorf("%s() = %v, %v; want empty, nil", name, v, err)
		}
	}

	field, dir := p.Ordering()
	if field != clerk.OrderCreatedAt || dir != clerk.Descending {
		t.Errorf("Ordering() = %q, %q; want created_at, Descending", field, dir)
	}

	if p.LimitValue() != 10 || p.OffsetValue() != 0 || p.StartingAfterValue() != "" ||
		p.String() != "" {
		t.Errorf("getters on nil = %d, %d, %q, %q; want 10, 0, \"\", \"\"",
			p.LimitValue(), p.OffsetValue(), p.StartingAfterValue(), p.String())
	}

	if c := p.Clone(); c == nil {
		t.Error("Clone of nil = nil, want empty params")
	}

	if got := p.Limit(5).LimitValue(); got != 5 {
		t.Errorf("nil.Limit(5).LimitValue() = %d, want 5", got)
	}
}

func TestListUsersParamsGetters(t *testing.T) {
	t.Parallel()

	p := clerk.NewListUsersParams()
	if p.LimitValue() != 10 {
		t.Errorf("default LimitValue() = %d, want 10", p.LimitValue())
	}

	p.Limit(50).Offset(100).StartingAfter("user_1").
		OrderBy(clerk.OrderLastSignInAt, clerk.Ascending)

	field, dir := p.Ordering()
	got := []any{p.LimitValue(), p.OffsetValue(), p.StartingAfterValue(), field, dir}
	want := []any{50, 100, "user_1", clerk.OrderLastSignInAt, clerk.Ascending}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("getters mismatch (-want +got):\n%s", diff)
	}
}

func TestListUsersParamsClone(t *testing.T) {
	t.Parallel()

	ids := []string{"user_a", "user_b"}
	orig := clerk.NewListUsersParams().UserIDs(ids...).ExcludeUserIDs("user_x").
		EmailAddresses("a@example.com").Banned(true).Limit(20).
		Provider("oauth_github", "7")
	ids[0] = "changed by caller"

	before, err := orig.Values()
	if err != nil {
		t.Fatalf("Values: %v", err)
	}

	c := orig.Clone()
	c.UserIDs("user_c").ExcludeUserIDs("user_y").EmailAddresses("b@example.com").
		Banned(false).Limit(30).Offset(60).Provider("oauth_github", "8").
		OrderBy(clerk.OrderUsername, clerk.Ascending)

	after, err := orig.Values()
	if err != nil {
		t.Fatalf("Values: %v", err)
	}
	if diff := cmp.Diff(before, after); diff != "" {
		t.Errorf("changing a clone changed the original (-before +after):\n%s", diff)
	}
	if got := before["user_id"][0]; got != "user_a" {
		t.Errorf("user_id[0] = %q, want user_a: the builder must copy its input", got)
	}
}

func TestListUsersParamsCountValues(t *testing.T) {
	t.Parallel()

	p := clerk.NewListUsersParams().EmailAddresses("a@example.com").Banned(false).
		Limit(501).Offset(-1).StartingAfter("user_1").
		OrderBy(clerk.OrderUsername, clerk.Ascending)

	got, err := p.CountValues()
	if err != nil {
		t.Fatalf("CountValues: %v (page problems must not matter for a count)", err)
	}

	want := url.Values{"email_address": {"a@example.com"}, "banned": {"false"}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("CountValues mismatch (-want +got):\n%s", diff)
	}

	if _, err := p.Values(); err == nil {
		t.Error("Values: nil error, want the page problems")
	}

	if _, err := clerk.NewListUsersParams().EmailAddresses("").CountValues(); err == nil {
		t.Error("CountValues with an empty email: nil error, want one")
	}
}

func TestListUsersParamsStringRedacts(t *testing.T) {
	t.Parallel()

	p := clerk.NewListUsersParams().Limit(10).
		EmailAddresses("ann@example.com", "bob@example.com").PhoneNumbers("+15555550100").
		Usernames("ann").Web3Wallets("0xabc").Query("ann").EmailAddressQuery("ann@").
		PhoneNumberQuery("555").UsernameQuery("an").NameQuery("Ann").
		Provider("oauth_google", "10957").UserIDs("user_1")

	got := p.String()
	want := "email_address=REDACTED&email_address=REDACTED&email_address_query=REDACTED" +
		"&limit=10&name_query=REDACTED&phone_number=REDACTED&phone_number_query=REDACTED" +
		"&provider=oauth_google&provider_user_id=REDACTED&query=REDACTED" +
		"&user_id=REDACTED&username=REDACTED&username_query=REDACTED&web3_wallet=REDACTED"
	if got != want {
		t.Errorf("String() =\n%s\nwant\n%s", got, want)
	}

	for _, secret := range []string{"ann", "bob", "5555", "0xabc", "10957"} {
		for _, form := range []string{got, fmt.Sprint(p), fmt.Sprintf("%#v", p)} {
			if strings.Contains(form, secret) {
				t.Errorf("printed form %q shows %q", form, secret)
			}
		}
	}
}

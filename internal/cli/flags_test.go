package cli

import (
	"flag"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/workflowkit/clerk"
)

// filtersFrom parses args into new Filters.
func filtersFrom(t *testing.T, args ...string) (*Filters, *flag.FlagSet) {
	t.Helper()
	var f Filters
	fs := flag.NewFlagSet("test", flag.ContinueOnError)
	f.Register(fs)
	if err := fs.Parse(args); err != nil {
		t.Fatal(err)
	}
	return &f, fs
}

func TestCountParamsIgnorePaging(t *testing.T) {
	t.Parallel()
	paging := []string{"--limit", "0", "--offset", "-1", "--order-by", "-age",
		"--starting-after", "user_1"}
	f, fs := filtersFrom(t, append([]string{"--banned"}, paging...)...)

	if _, err := f.Params(fs); err == nil {
		t.Error("Params accepted limit 0")
	}

	p, err := f.CountParams()
	if err != nil {
		t.Fatalf("CountParams: %v", err)
	}
	if v, err := p.Values(); err != nil || v.Encode() != "banned=true" {
		t.Errorf("count params send %q, %v; want only banned=true", v.Encode(), err)
	}
}

func TestParamErrorsNameTheFlag(t *testing.T) {
	t.Parallel()
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"--email", " a@example.com"}, "--email: clerk: invalid parameter " +
			"email_address: value 1 has white space"},
		{[]string{"--org-id", "-+org_1"}, "--org-id: clerk: invalid parameter " +
			"organization_id: excluded value 1 already starts with \"+\""},
		{[]string{"--created-after", "2024-01-02T00:00:00Z",
			"--created-before", "2024-01-01T00:00:00Z"}, "--created-after: "},
		{[]string{"--provider", "oauth_google"}, "--provider-user-id: "},
	}
	for _, tt := range tests {
		f, fs := filtersFrom(t, tt.args...)
		_, err := f.Params(fs)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%q: %v, want %q", tt.args, err, tt.want)
		}
	}
}

func TestEveryParameterHasItsFlag(t *testing.T) {
	t.Parallel()
	_, fs := filtersFrom(t)
	now := time.Now()
	p := clerk.NewListUsersParams().EmailAddresses("a").PhoneNumbers("b").
		Usernames("c").Web3Wallets("d").UserIDs("e").ExternalIDs("f").
		OrganizationIDs("g").Query("h").EmailAddressQuery("i").PhoneNumberQuery("j").
		UsernameQuery("k").NameQuery("l").Banned(true).Provider("m", "n").
		CreatedAfter(now).CreatedBefore(now).LastActiveAfter(now).
		LastActiveBefore(now).LastSignInAfter(now).LastSignInBefore(now).
		Limit(1).Offset(1).StartingAfter("o").OrderBy(clerk.OrderUsername, clerk.Ascending)

	// String shows every parameter that is set, valid or not.
	shown, err := url.ParseQuery(p.String())
	if err != nil || len(shown) != 25 {
		t.Fatalf("String shows %d parameters, %v; want all 25", len(shown), err)
	}
	for param := range shown {
		if fs.Lookup(flagName(param)) == nil {
			t.Errorf("parameter %s: no flag --%s", param, flagName(param))
		}
	}
}

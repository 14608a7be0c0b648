package clerk_test

import (
	"errors"
	"net/url"
	"strconv"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/workflowkit/clerk"
)

// filterFuzz builds params from fuzz input and records, beside them, the
// query they must produce: every value given, none dropped or changed.
type filterFuzz struct {
	p    *clerk.ListUsersParams
	want url.Values
}

// text records a single-valued string parameter, which "" leaves unset.
func (f *filterFuzz) text(key, v string) {
	if v != "" {
		f.want.Add(key, v)
	}
}

// list records the values of a repeated parameter.
func (f *filterFuzz) list(key, prefix string, vs ...string) {
	for _, v := range vs {
		f.want.Add(key, prefix+v)
	}
}

// ms records a time parameter, which the zero time leaves unset.
func (f *filterFuzz) ms(key string, t time.Time) {
	if !t.IsZero() {
		f.want.Set(key, strconv.FormatInt(t.UnixMilli(), 10))
	}
}

// build applies the setters that the bits of use choose, so that small
// valid combinations are as reachable as large invalid ones.
func (f *filterFuzz) build(a, b, c string, n, m int, ms int64, use uint32) {
	on := func(bit int) bool { return use&(1<<bit) != 0 }
	f.buildLists(a, b, c, on)

	if on(4) {
		f.p.Query(a).EmailAddressQuery(b).PhoneNumberQuery(c).UsernameQuery(a).NameQuery(b)
		f.text("query", a)
		f.text("email_address_query", b)
		f.text("phone_number_query", c)
		f.text("username_query", a)
		f.text("name_query", b)
	}
	if on(5) {
		f.p.Banned(on(6))
		f.want.Set("banned", strconv.FormatBool(on(6)))
	}
	if on(7) {
		f.p.Provider(c, a, b)
		f.text("provider", c)
		f.list("provider_user_id", "", a, b)
	}
	f.buildTimes(ms, on)
	f.buildPage(c, n, m, on)
}

// buildLists applies the setters of repeated parameters.
func (f *filterFuzz) buildLists(a, b, c string, on func(int) bool) {
	if on(0) {
		f.p.EmailAddresses(a, b)
		f.list("email_address", "", a, b)
	}
	if on(1) {
		f.p.PhoneNumbers(b).Usernames(c).Web3Wallets(a)
		f.list("phone_number", "", b)
		f.list("username", "", c)
		f.list("web3_wallet", "", a)
	}
	if on(2) {
		f.p.UserIDs(a).ExcludeUserIDs(b)
		f.list("user_id", "", a)
		f.list("user_id", "-", b)
	}
	if on(3) {
		f.p.ExternalIDs(c).ExcludeExternalIDs(a).
			OrganizationIDs(b).ExcludeOrganizationIDs(c)
		f.list("external_id", "", c)
		f.list("external_id", "-", a)
		f.list("organization_id", "", b)
		f.list("organization_id", "-", c)
	}
}

// buildTimes applies time setters from Unix milliseconds and nanoseconds.
func (f *filterFuzz) buildTimes(ms int64, on func(int) bool) {
	if on(8) {
		t := time.UnixMilli(ms)
		f.p.CreatedAfter(t).LastActiveBefore(t)
		f.ms("created_at_after", t)
		f.ms("last_active_at_before", t)
	}
	if on(9) {
		t := time.Unix(0, ms)
		f.p.LastSignInBefore(t).CreatedBefore(t.Add(time.Hour))
		f.ms("last_sign_in_at_before", t)
		f.ms("created_at_before", t.Add(time.Hour))
	}
}

// buildPage applies the page setters.
func (f *filterFuzz) buildPage(c string, n, m int, on func(int) bool) {
	if on(10) {
		f.p.Limit(n)
		f.want.Set("limit", strconv.Itoa(n))
	}
	if on(11) {
		f.p.Offset(m)
		if m != 0 {
			f.want.Set("offset", strconv.Itoa(m))
		}
	}
	if on(12) {
		f.p.StartingAfter(c)
		f.text("starting_after", c)
	}
	if on(13) {
		field, dir := clerk.OrderField(c), clerk.Ascending
		if on(14) {
			field = clerk.OrderLastName
		}
		if on(15) {
			dir = clerk.Direction(c)
		}
		f.p.OrderBy(field, dir)
		f.want.Set("order_by", string(dir)+string(field))
	}
}

func FuzzListUsersParamsValues(f *testing.F) {
	f.Add("dev+qa@example.com", "+15555550100", "+org_1", 10, 0, int64(0), uint32(0x67f3))
	f.Add("user_a", "user_b", "oauth_google", 500, 20, int64(1714979289123), uint32(0x55bf))
	f.Add("Zoë", "", "created_at", 1, 0, int64(-1), uint32(0x3c10))
	f.Add("a\x00", "-b", "+", 501, -1, int64(1)<<62, uint32(0xffffffff))
	f.Add("", "", "", 0, 0, int64(0), uint32(0))

	f.Fuzz(func(t *testing.T, a, b, c string, n, m int, ms int64, use uint32) {
		ff := &filterFuzz{p: clerk.NewListUsersParams(), want: url.Values{}}
		ff.build(a, b, c, n, m, ms, use)

		got, err := ff.p.Values()
		checkFuzzString(t, ff.p)
		if err != nil {
			checkFuzzError(t, err)
			return
		}

		checkFuzzValues(t, ff, got)
	})
}

// checkFuzzError checks that a failure is made of *ParamErrors.
func checkFuzzError(t *testing.T, err error) {
	t.Helper()

	joined, ok := err.(interface{ Unwrap() []error })
	if !ok {
		t.Fatalf("error %v is not joined", err)
	}

	for _, e := range joined.Unwrap() {
		var pe *clerk.ParamError
		if !errors.As(e, &pe) || pe.Param == "" || pe.Reason == "" {
			t.Fatalf("error %#v is not a complete *clerk.ParamError", e)
		}
	}
}

// checkFuzzValues checks that a successful query holds exactly the input,
// survives encoding, and that the count query is the filters of it.
func checkFuzzValues(t *testing.T, ff *filterFuzz, got url.Values) {
	t.Helper()

	sorted := cmpopts.SortSlices(func(x, y string) bool { return x < y })
	if diff := cmp.Diff(ff.want, got, sorted); diff != "" {
		t.Fatalf("Values dropped or changed input (-want +got):\n%s", diff)
	}

	back, err := url.ParseQuery(got.Encode())
	if err != nil {
		t.Fatalf("ParseQuery(%q): %v", got.Encode(), err)
	}
	if diff := cmp.Diff(got, back); diff != "" {
		t.Fatalf("Encode does not round-trip (-values +parsed):\n%s", diff)
	}

	count, err := ff.p.CountValues()
	if err != nil {
		t.Fatalf("Values succeeded but CountValues failed: %v", err)
	}
	for _, key := range []string{"limit", "offset", "starting_after", "order_by"} {
		got.Del(key)
	}
	if diff := cmp.Diff(got, count); diff != "" {
		t.Fatalf("CountValues is not the filters of Values (-want +got):\n%s", diff)
	}

	clone, err := ff.p.Clone().Values()
	if err != nil || cmp.Diff(ff.want, clone, sorted) != "" {
		t.Fatalf("Clone().Values() = %v, %v; want %v", clone, err, ff.want)
	}
}

// checkFuzzString checks that String shows the same keys and counts as
// the query, with every value redacted but those that identify nobody.
func checkFuzzString(t *testing.T, p *clerk.ListUsersParams) {
	t.Helper()

	shown, err := url.ParseQuery(p.String())
	if err != nil {
		t.Fatalf("String() = %q does not parse: %v", p.String(), err)
	}

	plain := map[string]bool{"limit": true, "offset": true, "order_by": true,
		"banned": true, "provider": true}
	for _, stem := range []string{"created_at", "last_active_at", "last_sign_in_at"} {
		plain[stem+"_before"], plain[stem+"_after"] = true, true
	}

	for key, vals := range shown {
		if plain[key] {
			continue
		}
		for _, v := range vals {
			if v != "REDACTED" {
				t.Fatalf("String() = %q shows %s=%q", p.String(), key, v)
			}
		}
	}
}

package clerk_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/workflowkit/clerk"
)

// FuzzParamsFromInputs builds params from arbitrary inputs. It must not
// panic; it must fail only with *ParamError values, whose reasons give no
// advice meant for Go callers, and nil params; params it returns must
// encode, and every numeric parameter on the wire must be digits.
func FuzzParamsFromInputs(f *testing.F) {
	for _, seed := range [][4]string{
		{"offset", " 20 ", "limit", "10abc"},
		{"limit", "1.5", "offset", "-3"},
		{"offset", "5e2", "banned", "True"},
		{"email_address", "a@example.com,,b@example.com", "user_id", "-user_1,+user_2"},
		{"created_at_after", "1700000000000", "created_at_before", "2024-05-01T00:00:00Z"},
		{"provider", "oauth_google", "provider_user_id", "1,2"},
		{"order_by", "-created_at", "starting_after", "user_1"},
		{"query", "a\x00b", "name_query", "\xff"},
		{"last_sign_in_at_after", "99999999999999999999", "emial_address", "x"},
		{"created_at_after", "0001-01-01T00:00:00Z", "created_at_before", "1700000000"},
		{"user_id", "+-user_1", "organization_id", "--org_1"},
		{"provider_user_id", "1", "offset", "2147483648"},
		{"starting_after", "user_1", "order_by", "-username"},
	} {
		f.Add(seed[0], seed[1], seed[2], seed[3])
	}

	f.Fuzz(func(t *testing.T, k1, v1, k2, v2 string) {
		p, err := clerk.ParamsFromInputs(map[string]string{k1: v1, k2: v2})
		if err != nil {
			if p != nil {
				t.Fatal("params returned with an error")
			}
			for _, e := range flattenJoined(err) {
				var pe *clerk.ParamError
				if !errors.As(e, &pe) {
					t.Fatalf("error %T %v is not a *ParamError", e, e)
				}
				if goWords.MatchString(pe.Reason) {
					t.Fatalf("error %q gives advice meant for Go callers", e)
				}
			}
			return
		}

		q, err := p.Values()
		if err != nil {
			t.Fatalf("accepted params do not encode: %v", err)
		}
		for key, vals := range q {
			numeric := key == "limit" || key == "offset" ||
				strings.HasSuffix(key, "_at_after") || strings.HasSuffix(key, "_at_before")
			for _, v := range vals {
				if numeric && strings.Trim(v, "0123456789") != "" {
					t.Fatalf("%s=%q reaches the wire", key, v)
				}
			}
		}
	})
}

package main

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// workflow runs the program with args and stdin and no CLERK_SECRET_KEY,
// so against the embedded demo server.
func workflow(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	noEnv := func(string) (string, bool) { return "", false }
	code = run(context.Background(), args, noEnv, strings.NewReader(stdin), &out, &errOut)
	return code, out.String(), errOut.String()
}

// result decodes the program's output.
func result(t *testing.T, out string) map[string]any {
	t.Helper()
	var res map[string]any
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("output %q: %v", out, err)
	}
	return res
}

func TestFraudStepFindsTheChargebackAccount(t *testing.T) {
	t.Parallel()
	code, out, errOut := workflow(t, "", "--step", "fraud.step.json",
		"--data", "fraud.data.json")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}

	want := map[string]any{"matches": 1.0, "records": []any{map[string]any{
		"clerk_user_id":       "user_bRpPnZV6aglxaeYQascgTrfxGT3",
		"account_created":     "2023-10-06T16:00:00.000Z",
		"last_sign_in":        "2024-08-06T11:00:00.000Z",
		"last_active":         "2024-08-07T09:00:00.000Z",
		"banned":              true,
		"locked":              false,
		"two_factor":          false,
		"verified_emails":     "alan.turing@example.org",
		"phone":               "+447700900461",
		"sign_in_providers":   "password only",
		"google_id":           "",
		"stripe_customer":     "",
		"previous_ban_reason": "chargeback",
		"organizations":       "bletchley-club",
	}}}
	if diff := cmp.Diff(want, result(t, out)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func TestFraudStepCopiesGoogleAndStripeIDs(t *testing.T) {
	t.Parallel()
	code, out, errOut := workflow(t, `{"case":{"customer":{"email":"ada.lovelace@example.com"}}}`,
		"--step", "fraud.step.json")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	rec := result(t, out)["records"].([]any)[0].(map[string]any)
	for key, want := range map[string]any{"google_id": "104735098437283810571",
		"stripe_customer": "cus_DemoAda01", "sign_in_providers": "oauth_google",
		"two_factor": true, "previous_ban_reason": "none"} {
		if rec[key] != want {
			t.Errorf("%s = %v, want %v", key, rec[key], want)
		}
	}
}

func TestFraudStepRefusesACaseWithoutEmail(t *testing.T) {
	t.Parallel()
	code, out, errOut := workflow(t, `{"case":{"id":"CB-1","customer":{"email":null}}}`,
		"--step", "fraud.step.json")
	if code != exitFailed || out != "" {
		t.Errorf("exit %d, output %q", code, out)
	}
	if !strings.Contains(errOut, `no value for "case.customer.email"`) {
		t.Errorf("stderr %q does not name the missing field", errOut)
	}
}

func TestSupportStepShowsWhyTheRequesterIsStuck(t *testing.T) {
	t.Parallel()
	code, out, errOut := workflow(t, "", "--step", "support.step.json",
		"--data", "support.data.json")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}

	want := map[string]any{"matches": 1.0, "records": []any{map[string]any{
		"name":            "Mallory Brute",
		"username":        "mallory",
		"email":           "mallory@example.net",
		"phone":           "",
		"sign_in_methods": "email and password",
		"has_password":    true,
		"two_factor":      false,
		"locked":          true,
		"lockout_seconds": 1800.0,
		"banned":          false,
		"last_sign_in":    "2025-06-02T10:00:00.000Z",
		"plan":            "free",
		"organizations":   "",
		"roles":           "",
		"locale":          "",
		"clerk_user_id":   "user_4ahZQUmYDAnnMHPgy5BiHulHBXc",
	}}}
	if diff := cmp.Diff(want, result(t, out)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func TestSupportStepForAMember(t *testing.T) {
	t.Parallel()
	_, out, _ := workflow(t, `{"ticket":{"requester":{"email":"grace@hopperlabs.example"}}}`,
		"--step", "support.step.json")
	rec := result(t, out)["records"].([]any)[0].(map[string]any)
	for key, want := range map[string]any{"organizations": "Hopper Labs; Analytical Engines Ltd",
		"roles": "org:admin,org:member", "sign_in_methods": "oauth_github",
		"phone": "+12025550143"} {
		if rec[key] != want {
			t.Errorf("%s = %v, want %v", key, rec[key], want)
		}
	}
}

func TestSupportStepWithoutAMatchOrAnEmail(t *testing.T) {
	t.Parallel()
	for _, data := range []string{
		`{"ticket":{"requester":{"email":"stranger@example.com"}}}`,
		`{"ticket":{"requester":{"name":"No Email"}}}`,
	} {
		code, out, errOut := workflow(t, data, "--step", "support.step.json")
		if code != exitOK {
			t.Fatalf("%s: exit %d: %s", data, code, errOut)
		}
		res := result(t, out)
		if res["matches"] != 0.0 || len(res["records"].([]any)) != 0 {
			t.Errorf("%s: %v", data, res)
		}
	}
}

func TestWorkflowBadUsage(t *testing.T) {
	t.Parallel()
	tests := []struct {
		stdin string
		args  []string
		want  string
	}{
		{"{}", nil, "--step is required"},
		{"{}", []string{"--step", "missing.json"}, "no such file"},
		{"[1]", []string{"--step", "fraud.step.json"}, "JSON object at the top"},
		{"{", []string{"--step", "fraud.step.json"}, "want one JSON object"},
		{`{"case":{}} {"case":{}}`, []string{"--step", "fraud.step.json"},
			"want one JSON object, but more follows it"},
		{`{"case":{}} x`, []string{"--step", "fraud.step.json"}, "want one JSON object"},
		{`{"case.customer.email":"a@example.com","case":{"customer":{"email":"b@example.com"}}}`,
			[]string{"--step", "fraud.step.json"}, `the key "case.customer.email" is given twice`},
		{`{"case":{"id":1,"id":2}}`, []string{"--step", "fraud.step.json"},
			`the key "case.id" is given twice`},
		{`{"case":{"customer":{"email":["ada.lovelace@example.com"]}}}`,
			[]string{"--step", "fraud.step.json"}, `"case.customer.email" is a list, which a` +
				` placeholder cannot take; name one of its values, such as` +
				` {{case.customer.email.0}}`},
		{`{"ticket":{"requester":{"email":{"work":"a@example.com"}}}}`,
			[]string{"--step", "support.step.json"}, `"ticket.requester.email" is an object`},
		{"{}", []string{"--step", "fraud.data.json"}, "is not a member of a step"},
		{"{}", []string{"--nope"}, "not defined"},
	}
	for _, tt := range tests {
		code, _, errOut := workflow(t, tt.stdin, tt.args...)
		if code != exitUsage || !strings.Contains(errOut, tt.want) {
			t.Errorf("%v: exit %d, stderr %q, want %d and %q", tt.args, code, errOut,
				exitUsage, tt.want)
		}
	}
}

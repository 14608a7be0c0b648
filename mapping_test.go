package clerk_test

import (
	"encoding/json"
	"slices"
	"testing"

	"github.com/workflowkit/clerk"
	"github.com/workflowkit/clerk/clerktest"
)

func demoUser(t *testing.T, email string) clerk.User {
	t.Helper()
	for _, u := range clerktest.DemoUsers() {
		for _, e := range u.EmailAddresses {
			if e.EmailAddress == email {
				return u
			}
		}
	}
	t.Fatalf("no demo user with email %s", email)
	return clerk.User{}
}

func TestFlattenKeys(t *testing.T) {
	t.Parallel()
	u := demoUser(t, adaEmail)
	rec := clerk.Flatten(u)

	want := map[string]string{
		"id":                              u.ID,
		"first_name":                      "Ada",
		"email_addresses.0.email_address": adaEmail,
		"primary_email_address":           adaEmail,
		"primary_phone_number":            "+15555550100",
		"public_metadata.plan.tier":       "pro",
		"banned":                          "false",
	}
	got := rec.Strings()
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s = %q, want %q", k, got[k], v)
		}
	}
	if v, _ := rec.Get("created_at"); v.Kind() != clerk.KindNumber {
		t.Errorf("created_at kind = %s, want number", v.Kind())
	}
	if v, _ := rec.Get("primary_web3_wallet_id"); !v.IsNull() {
		t.Errorf("primary_web3_wallet_id = %v, want null", v)
	}
	keys := rec.Keys()
	if keys[0] != "id" || len(slices.Compact(slices.Sorted(slices.Values(keys)))) != len(keys) {
		t.Errorf("keys must start with id and be unique: %v", keys)
	}
}

func TestFlattenKeepsIntegersExact(t *testing.T) {
	t.Parallel()
	var u clerk.User
	err := json.Unmarshal([]byte(`{"id":"user_1","object":"user",
		"public_metadata":{"big":9007199254740993,"list":[1,{"x":null}]},
		"created_at":1700000000123}`), &u)
	if err != nil {
		t.Fatal(err)
	}
	got := clerk.Flatten(u).Strings()
	for k, v := range map[string]string{
		"public_metadata.big":    "9007199254740993",
		"public_metadata.list.0": "1",
		"created_at":             "1700000000123",
		"primary_email_address":  "",
	} {
		if got[k] != v {
			t.Errorf("%s = %q, want %q", k, got[k], v)
		}
	}
	if _, ok := got["public_metadata.list.1.x"]; !ok {
		t.Error("a null inside metadata lost its key")
	}
}

func TestFlattenIsDeterministic(t *testing.T) {
	t.Parallel()
	for _, u := range clerktest.DemoUsers() {
		a, _ := json.Marshal(clerk.Flatten(u))
		b, _ := json.Marshal(clerk.Flatten(u))
		if string(a) != string(b) {
			t.Fatalf("user %s flattens differently twice", u.ID)
		}
	}
}

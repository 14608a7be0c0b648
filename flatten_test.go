package clerk_test

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

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

// decodeUser decodes a user from JSON or stops the test.
func decodeUser(t testing.TB, in string) clerk.User {
	t.Helper()
	var u clerk.User
	if err := json.Unmarshal([]byte(in), &u); err != nil {
		t.Fatalf("Unmarshal: %v\n%s", err, in)
	}
	return u
}

// fieldsOf returns the record's fields as key = JSON value lines, which
// show kinds: text is quoted, numbers and booleans are bare.
func fieldsOf(rec clerk.Record) []string {
	var out []string
	for _, f := range rec.Fields() {
		v, _ := json.Marshal(f.Value)
		out = append(out, f.Key+" = "+string(v))
	}
	return out
}

// metadataFields flattens a user whose public metadata is meta and returns
// the public_metadata lines and the notes.
func metadataFields(t *testing.T, meta string) []string {
	t.Helper()
	u := decodeUser(t, `{"id":"user_1","public_metadata":`+meta+`}`)
	var out []string
	for _, line := range fieldsOf(clerk.Flatten(u)) {
		if strings.HasPrefix(line, "public_metadata") || strings.HasPrefix(line, "flatten_") {
			out = append(out, line)
		}
	}
	return out
}

func TestFlattenEscapesMetadataNames(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, meta string
		want       []string
	}{
		{"a dotted name beside the nested path it spells",
			`{"plan":{"tier":"pro"},"plan.tier":"free"}`,
			[]string{`public_metadata.plan.tier = "pro"`, `public_metadata.plan\.tier = "free"`}},
		{"a backslash in a name",
			`{"a\\b":1,"a\\.b":2}`,
			[]string{`public_metadata.a\\b = 1`, `public_metadata.a\\\.b = 2`}},
		{"the last of a repeated name counts, in its first place",
			`{"a":1,"b":2,"a":3}`,
			[]string{`public_metadata.b = 2`, `public_metadata.a = 3`}},
		{"names that decode the same are one name",
			`{"a":1,"\u0061":2}`,
			[]string{`public_metadata.a = 2`}},
		{"an empty name",
			`{"":"x","o":{"":{"":1}}}`,
			[]string{`public_metadata."" = "x"`, `public_metadata.o."".""` + ` = 1`}},
		{"a name of two quotation marks, beside the empty name",
			`{"\"\"":1,"":2}`,
			[]string{`public_metadata.\"\" = 1`, `public_metadata."" = 2`}},
		{"nested lists and nulls",
			`{"l":[[1,2],[],[{"k":null}],{}]}`,
			[]string{`public_metadata.l.0.0 = 1`, `public_metadata.l.0.1 = 2`,
				`public_metadata.l.2.0.k = null`}},
		{"numbers keep every digit",
			`{"big":123456789012345678901234567890,"f":2.50,"e":1e400,"neg":-0}`,
			[]string{`public_metadata.big = 123456789012345678901234567890`,
				`public_metadata.f = 2.50`, `public_metadata.e = 1e400`,
				`public_metadata.neg = -0`}},
		{"null metadata", `null`, []string{`public_metadata = null`}},
		{"a scalar instead of an object", `"text"`, []string{`public_metadata = "text"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if diff := cmp.Diff(tt.want, metadataFields(t, tt.meta)); diff != "" {
				t.Errorf("metadata %s (-want +got):\n%s", tt.meta, diff)
			}
		})
	}
}

func TestFlattenBoundsMetadata(t *testing.T) {
	t.Parallel()
	deep := strings.Repeat(`{"d":`, clerk.FlattenMaxDepth) + `1` +
		strings.Repeat(`}`, clerk.FlattenMaxDepth)
	tooDeep := `{"ok":true,"x":` + deep + `}`
	got := metadataFields(t, tooDeep)
	wantKey := "public_metadata.x" + strings.Repeat(".d", clerk.FlattenMaxDepth-1)
	want := []string{`public_metadata.ok = true`, `flatten_truncated = "` + wantKey +
		`: nested deeper than 16 levels, left out"`}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("deep metadata (-want +got):\n%s", diff)
	}

	got = metadataFields(t, deep)
	if len(got) != 1 || !strings.HasSuffix(got[0], ".d = 1") {
		t.Errorf("metadata exactly %d levels deep must be whole, got %v",
			clerk.FlattenMaxDepth, got)
	}

	many := "[" + strings.Repeat("0,", clerk.FlattenMaxValues) + "0]"
	got = metadataFields(t, `{"many":`+many+`}`)
	if len(got) != clerk.FlattenMaxValues+1 ||
		got[len(got)-1] != `flatten_truncated = "public_metadata: more than 500 values, `+
			`the rest left out"` {
		t.Errorf("%d lines, last %q", len(got), got[len(got)-1])
	}

	long := strings.Repeat("é", clerk.FlattenMaxValueBytes) // two bytes each
	rec := clerk.Flatten(decodeUser(t, `{"id":"u","public_metadata":{"note":"`+long+`"}}`))
	note, _ := rec.Get("public_metadata.note")
	cut, _ := rec.Get("flatten_truncated")
	if note.String() != long[:clerk.FlattenMaxValueBytes] {
		t.Errorf("long value cut to %d bytes, want %d", len(note.String()),
			clerk.FlattenMaxValueBytes)
	}
	if cut.String() != "public_metadata.note: cut to 4096 of 8192 bytes" {
		t.Errorf("flatten_truncated = %q", cut)
	}
}

func TestFlattenSaysWhatItCouldNotRead(t *testing.T) {
	t.Parallel()
	u := clerk.User{ID: "user_1", PublicMetadata: clerk.Metadata(`{"a":`)}
	rec := clerk.Flatten(u)
	v, _ := rec.Get("flatten_error")
	if v.String() != "public_metadata: not valid JSON, left out" {
		t.Errorf("flatten_error = %q", v)
	}
	if id, _ := rec.Get("id"); id.String() != "user_1" {
		t.Error("invalid metadata lost the rest of the user")
	}
}

func TestFlattenTimestampCompanions(t *testing.T) {
	t.Parallel()
	u := decodeUser(t, `{"id":"u","created_at":1688202000123,"last_sign_in_at":null,
		"updated_at":-1,"last_active_at":253402300800000,
		"email_addresses":[{"id":"e","verification":{"status":"verified","expire_at":0}}]}`)
	got := fieldsOf(clerk.Flatten(u))
	for _, want := range []string{
		`created_at_rfc3339 = "2023-07-01T09:00:00.123Z"`,
		`last_sign_in_at_rfc3339 = null`,
		`updated_at_rfc3339 = "1969-12-31T23:59:59.999Z"`,
		`last_active_at_rfc3339 = null`, // year 10000 has no RFC 3339 form
		`email_addresses.0.verification.expire_at_rfc3339 = "1970-01-01T00:00:00.000Z"`,
	} {
		if !slices.Contains(got, want) {
			t.Errorf("record lacks %s", want)
		}
	}
	i := slices.Index(got, `created_at = 1688202000123`)
	if i < 0 || got[i+1] != `created_at_rfc3339 = "2023-07-01T09:00:00.123Z"` {
		t.Error("a companion must follow its timestamp")
	}
}

func TestFlattenDerivedKeys(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   string
		want []string
	}{
		{`{"first_name":"Zoë","last_name":"Müller","primary_email_address_id":"e",
			"email_addresses":[{"id":"x","email_address":"other@example.com"},
			{"id":"e","email_address":"zoe@example.de"}]}`,
			[]string{`primary_email_address = "zoe@example.de"`, `primary_phone_number = null`,
				`primary_web3_wallet = null`, `full_name = "Zoë Müller"`}},
		{`{"first_name":null,"last_name":"Okafor","primary_email_address_id":"gone"}`,
			[]string{`primary_email_address = null`, `primary_phone_number = null`,
				`primary_web3_wallet = null`, `full_name = "Okafor"`}},
		{`{"first_name":"","primary_phone_number_id":"p","primary_web3_wallet_id":"w",
			"phone_numbers":[{"id":"p","phone_number":"+15555550100"}],
			"web3_wallets":[{"id":"w","web3_wallet":"0xabc"}]}`,
			[]string{`primary_email_address = null`, `primary_phone_number = "+15555550100"`,
				`primary_web3_wallet = "0xabc"`, `full_name = null`}},
	}
	for _, tt := range tests {
		got := fieldsOf(clerk.Flatten(decodeUser(t, tt.in)))
		if diff := cmp.Diff(tt.want, got[len(got)-4:]); diff != "" {
			t.Errorf("%s: derived keys (-want +got):\n%s", tt.in, diff)
		}
	}
}

func TestFlattenKeepsNewMembersApartFromMadeUpKeys(t *testing.T) {
	t.Parallel()
	u := decodeUser(t, `{"id":"u","created_at":1,"full_name":"from Clerk",
		"created_at_rfc3339":"from Clerk","a.b":1,"zzz":{"x.y":2},
		"email_addresses":[{"created_at":2,"created_at_rfc3339":"from Clerk"}]}`)
	got := fieldsOf(clerk.Flatten(u))
	for _, want := range []string{
		`\created_at_rfc3339 = "from Clerk"`, `\full_name = "from Clerk"`,
		`a\.b = 1`, `zzz.x\.y = 2`, `full_name = null`,
		`email_addresses.0.\created_at_rfc3339 = "from Clerk"`,
	} {
		if !slices.Contains(got, want) {
			t.Errorf("record lacks %s:\n%s", want, strings.Join(got, "\n"))
		}
	}
	assertUniqueKeys(t, clerk.Flatten(u))
}

func TestFlattenInventsNothingForOlderUsers(t *testing.T) {
	t.Parallel()
	u := decodeUser(t, `{"id":"user_old","object":"user","created_at":1600000000000,
		"external_accounts":[{"object":"google_account","id":"gac_1","google_id":"42"}]}`)
	want := []string{
		`id = "user_old"`, `object = "user"`,
		`external_accounts.0.object = "google_account"`, `external_accounts.0.id = "gac_1"`,
		`external_accounts.0.google_id = "42"`,
		`created_at = 1600000000000`, `created_at_rfc3339 = "2020-09-13T12:26:40.000Z"`,
		`primary_email_address = null`, `primary_phone_number = null`,
		`primary_web3_wallet = null`, `full_name = null`,
	}
	if diff := cmp.Diff(want, fieldsOf(clerk.Flatten(u))); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// assertUniqueKeys fails the test when a key appears twice in rec.
func assertUniqueKeys(t testing.TB, rec clerk.Record) {
	t.Helper()
	seen := map[string]bool{}
	for _, k := range rec.Keys() {
		if seen[k] {
			t.Errorf("key %q appears twice", k)
		}
		seen[k] = true
	}
}

package clerk_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"log/slog"
	"strings"
	"testing"

	"github.com/workflowkit/clerk"
)

const testKey = "sk_test_4eC39HqLyjWDarjtT1zdp7dc"

func TestNewCredentialAcceptsSecretKeys(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		key  string
		want clerk.InstanceType
	}{
		{"test key", testKey, clerk.Development},
		{"live key", "sk_live_abcDEF123", clerk.Production},
		{"trailing newline from a file", testKey + "\n", clerk.Development},
		{"surrounding spaces", "  " + testKey + "\t", clerk.Development},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cred, err := clerk.NewCredential("nick", tt.key)
			if err != nil {
				t.Fatalf("NewCredential: %v", err)
			}
			if got := cred.InstanceType(); got != tt.want {
				t.Errorf("InstanceType() = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestNewCredentialRefusesOtherValues(t *testing.T) {
	t.Parallel()
	jwt := "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1c2VyXzEifQ.c2lnbmF0dXJl"
	tests := []struct {
		name, key, wantInError string
	}{
		{"empty", "", "empty"},
		{"only spaces", "   \n", "empty"},
		{"publishable test key", "pk_test_Y2xlcmsuZXhhbXBsZS5jb20k", "publishable key"},
		{"publishable live key", "pk_live_Y2xlcmsuZXhhbXBsZS5jb20k", "publishable key"},
		{"JWT", jwt, "JWT"},
		{"bearer prefix", "Bearer " + testKey, "Bearer"},
		{"double quotes", `"` + testKey + `"`, "quotes"},
		{"single quotes", "'" + testKey + "'", "quotes"},
		{"space inside", "sk_test_abc def", "white space"},
		{"newline inside", "sk_test_abc\ndef", "white space"},
		{"NUL inside", "sk_test_abc\x00def", "control character"},
		{"non-ASCII", "sk_test_abcé", "non-ASCII"},
		{"wrong prefix", "rk_test_abcdef", "sk_test_ or sk_live_"},
		{"prefix only", "sk_live_", "nothing after"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := clerk.NewCredential("nick", tt.key)
			if err == nil {
				t.Fatal("NewCredential accepted it")
			}
			if !strings.Contains(err.Error(), tt.wantInError) {
				t.Errorf("error %q does not mention %q", err, tt.wantInError)
			}
			secretPart := strings.TrimSpace(tt.key)
			if len(secretPart) > 8 && strings.Contains(err.Error(), secretPart[8:]) {
				t.Errorf("error %q echoes the key", err)
			}
		})
	}
}

func TestCredentialNeverShowsTheKey(t *testing.T) {
	t.Parallel()
	cred, err := clerk.NewCredential("prod-eu", testKey)
	if err != nil {
		t.Fatal(err)
	}
	secret := testKey[len("sk_test_"):]

	type holder struct {
		Cred    clerk.Credential
		private clerk.Credential
	}
	var logs bytes.Buffer
	slog.New(slog.NewTextHandler(&logs, nil)).Info("x", "cred", cred)
	slog.New(slog.NewJSONHandler(&logs, nil)).Info("x", "cred", cred)
	js, err := json.Marshal(holder{Cred: cred})
	if err != nil {
		t.Fatal(err)
	}

	h := holder{cred, cred}
	printed := []string{
		fmt.Sprint(cred), fmt.Sprintf("%v %+v %#v %s %q %x %X", cred, cred, cred, cred,
			cred, cred, cred),
		fmt.Sprintf("%v %+v %#v", h, h, h), fmt.Sprintf("%v %+v %#v", &h, &h, &h),
		cred.String(), string(js), logs.String(),
	}
	for _, s := range printed {
		if strings.Contains(s, secret) {
			t.Errorf("printed form shows the key: %s", s)
		}
	}
	if !strings.Contains(cred.String(), "prod-eu") ||
		!strings.Contains(cred.String(), "sk_test_") {
		t.Errorf("String() = %q, want the nickname and the key's prefix", cred)
	}
}

func TestCredentialFromEnv(t *testing.T) {
	t.Setenv(clerk.EnvSecretKey, testKey+"\n")
	cred, err := clerk.CredentialFromEnv()
	if err != nil {
		t.Fatalf("CredentialFromEnv: %v", err)
	}
	if cred.InstanceType() != clerk.Development || cred.Nickname() != clerk.EnvSecretKey {
		t.Errorf("got %v", cred)
	}

	t.Setenv(clerk.EnvSecretKey, "pk_test_abc")
	_, err = clerk.CredentialFromEnv()
	if err == nil || !strings.Contains(err.Error(), clerk.EnvSecretKey) {
		t.Errorf("error %v does not name the variable", err)
	}

	_, err = clerk.CredentialFromEnvVar("eu", "CLERK_SECRET_KEY_NOT_SET_ANYWHERE")
	if err == nil || !strings.Contains(err.Error(), "CLERK_SECRET_KEY_NOT_SET_ANYWHERE is not set") {
		t.Errorf("unset variable: error %v", err)
	}
}

func TestZeroCredentialIsRefused(t *testing.T) {
	t.Parallel()
	var cred clerk.Credential
	if !cred.IsZero() {
		t.Error("zero Credential: IsZero() = false")
	}
	if _, err := clerk.NewClient(cred); err == nil {
		t.Error("NewClient accepted the zero Credential")
	}
}

package clerk

import (
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"strings"
)

// EnvSecretKey is the environment variable CredentialFromEnv reads.
const EnvSecretKey = "CLERK_SECRET_KEY"

// InstanceType is the kind of Clerk instance a secret key belongs to.
type InstanceType string

// The instance types, told apart by the key's prefix.
const (
	// Development instances have sk_test_ keys and a rate limit of 100
	// requests per 10 seconds.
	Development InstanceType = "development"
	// Production instances have sk_live_ keys and a rate limit of 1000
	// requests per 10 seconds.
	Production InstanceType = "production"
)

// Credential is a Clerk secret key with a nickname that says which instance
// it opens. It is checked offline when made, and it never shows the key:
// printing it with any fmt verb, logging it with slog or encoding it as
// JSON gives only the nickname, the instance type and the key's prefix.
//
// The key itself is kept inside a function value, so that reflection-based
// printers that look into unexported fields find nothing to print either.
// The zero Credential holds no key; NewClient refuses it.
type Credential struct {
	nickname string
	instance InstanceType
	reveal   func() string
}

// NewCredential checks secretKey and returns a Credential for it.
// Surrounding white space (a trailing newline from a file, say) is trimmed.
// The key must start with sk_test_ or sk_live_ and hold no white space or
// control characters; a publishable key, a JWT or an empty value is refused
// with an error that says what was given instead. The error never contains
// the key. The nickname is free text for logs and messages, such as
// "prod-eu".
func NewCredential(nickname, secretKey string) (Credential, error) {
	if strings.IndexFunc(nickname, isControl) >= 0 {
		return Credential{}, errors.New("clerk: credential nickname contains a control character")
	}

	key := strings.TrimSpace(secretKey)
	instance, err := checkSecretKey(key)
	if err != nil {
		return Credential{}, err
	}
	return Credential{
		nickname: nickname,
		instance: instance,
		reveal:   func() string { return key },
	}, nil
}

// CredentialFromEnv reads the secret key from CLERK_SECRET_KEY, with the
// nickname "CLERK_SECRET_KEY".
func CredentialFromEnv() (Credential, error) {
	return CredentialFromEnvVar(EnvSecretKey, EnvSecretKey)
}

// CredentialFromEnvVar reads a secret key from the environment variable
// name, for services that hold keys of several instances (for example
// CLERK_SECRET_KEY_EU and CLERK_SECRET_KEY_US). An unset variable is an
// error that names it.
func CredentialFromEnvVar(nickname, name string) (Credential, error) {
	value, ok := os.LookupEnv(name)
	if !ok {
		return Credential{}, fmt.Errorf(
			"clerk: %s is not set; export it with a secret key from the Clerk Dashboard "+
				"(API keys), which starts with sk_test_ or sk_live_", name)
	}
	cred, err := NewCredential(nickname, value)
	if err != nil {
		return Credential{}, fmt.Errorf("%w (read from %s)", err, name)
	}
	return cred, nil
}

// Nickname returns the name given to the credential.
func (c Credential) Nickname() string { return c.nickname }

// InstanceType tells whether the key opens a development or a production
// instance; it is "" for the zero Credential.
func (c Credential) InstanceType() InstanceType { return c.instance }

// IsZero reports whether c holds no key.
func (c Credential) IsZero() bool { return c.reveal == nil }

// String describes the credential without its key, such as
// `clerk.Credential{nickname: "prod-eu", instance: production, key: sk_live_…}`.
func (c Credential) String() string {
	if c.IsZero() {
		return "clerk.Credential{}"
	}
	return fmt.Sprintf("clerk.Credential{nickname: %q, instance: %s, key: %s}",
		c.nickname, c.instance, c.redactedKey())
}

// GoString is String, so that %#v shows no key either.
func (c Credential) GoString() string { return c.String() }

// Format prints String for every verb, so that no fmt verb shows the key.
func (c Credential) Format(f fmt.State, verb rune) {
	fmt.Fprint(f, c.String())
}

// LogValue makes slog log the credential without its key.
func (c Credential) LogValue() slog.Value {
	return slog.GroupValue(
		slog.String("nickname", c.nickname),
		slog.String("instance", string(c.instance)),
		slog.String("key", c.redactedKey()),
	)
}

// MarshalJSON encodes the credential without its key.
func (c Credential) MarshalJSON() ([]byte, error) {
	return json.Marshal(map[string]string{
		"nickname": c.nickname,
		"instance": string(c.instance),
		"key":      c.redactedKey(),
	})
}

// redactedKey is the key's prefix followed by an ellipsis.
func (c Credential) redactedKey() string {
	switch c.instance {
	case Production:
		return "sk_live_…"
	case Development:
		return "sk_test_…"
	}
	return ""
}

// secret returns the key, for the Authorization header only.
func (c Credential) secret() string {
	if c.reveal == nil {
		return ""
	}
	return c.reveal()
}

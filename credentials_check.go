package clerk

import (
	"errors"
	"fmt"
	"strings"
	"unicode"
)

// checkSecretKey tells what kind of instance a trimmed key belongs to, or
// says what was given instead of a secret key. No message quotes the key.
func checkSecretKey(key string) (InstanceType, error) {
	const where = "the Clerk Dashboard under API keys"

	switch {
	case key == "":
		return "", fmt.Errorf("clerk: the secret key is empty; copy it from %s", where)
	case strings.HasPrefix(key, "pk_test_"), strings.HasPrefix(key, "pk_live_"):
		return "", fmt.Errorf("clerk: that is a publishable key (pk_…), which only "+
			"front ends use; the Backend API needs the secret key (sk_…) from %s", where)
	case looksLikeJWT(key):
		return "", errors.New("clerk: that is a JWT (a session token), not a secret " +
			"key; use the secret key (sk_test_… or sk_live_…) of your instance")
	case strings.HasPrefix(key, `"`) || strings.HasPrefix(key, "'"):
		return "", errors.New("clerk: the secret key is wrapped in quotes; remove them " +
			"(a shell or .env file may have kept them)")
	case strings.HasPrefix(strings.ToLower(key), "bearer "):
		return "", errors.New("clerk: remove the \"Bearer \" prefix from the secret " +
			"key; the client adds it")
	}

	if i := strings.IndexFunc(key, func(r rune) bool {
		return unicode.IsSpace(r) || isControl(r)
	}); i >= 0 {
		return "", fmt.Errorf("clerk: the secret key has white space or a control "+
			"character at byte %d; copy it again as one line", i)
	}
	if i := strings.IndexFunc(key, func(r rune) bool { return r > unicode.MaxASCII }); i >= 0 {
		return "", fmt.Errorf("clerk: the secret key has a non-ASCII character at "+
			"byte %d; copy it again from %s", i, where)
	}

	var instance InstanceType
	var rest string
	switch {
	case strings.HasPrefix(key, "sk_test_"):
		instance, rest = Development, key[len("sk_test_"):]
	case strings.HasPrefix(key, "sk_live_"):
		instance, rest = Production, key[len("sk_live_"):]
	default:
		return "", fmt.Errorf("clerk: a secret key starts with sk_test_ or sk_live_; "+
			"the value given (%d characters) does not; copy it from %s", len(key), where)
	}
	if rest == "" {
		return "", fmt.Errorf("clerk: the secret key has nothing after its prefix; "+
			"copy the whole key from %s", where)
	}
	return instance, nil
}

// looksLikeJWT reports whether s has the shape header.payload.signature
// with a JSON header, as session tokens do.
func looksLikeJWT(s string) bool {
	return strings.HasPrefix(s, "eyJ") && strings.Count(s, ".") == 2
}

func isControl(r rune) bool { return unicode.IsControl(r) }

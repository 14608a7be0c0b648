package cli

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/workflowkit/clerk"
)

// DefaultCSVFields returns the columns of --format csv without --fields:
// who the user is, their standing and their dates as RFC 3339 text. Every
// user has every column, empty when Clerk has no value, so that rows line
// up whichever user comes first. It returns a new slice each time.
func DefaultCSVFields() []string {
	return []string{
		"id", "primary_email_address", "primary_phone_number", "username",
		"first_name", "last_name", "full_name", "external_id", "banned", "locked",
		"created_at_rfc3339", "last_sign_in_at_rfc3339", "last_active_at_rfc3339",
	}
}

// ParseFields reads a --fields list: record keys of clerk.Flatten
// separated by commas, spaces around them ignored. Each key is checked
// against Clerk's user schema with the checks of clerk.ParseMapping, so
// a misspelt key is an error that suggests the right one rather than a
// column of nulls. A key may name a derived key (full_name), a _rfc3339
// companion, a list item (email_addresses.0.email_address) or any
// metadata path (public_metadata.plan.tier). "" gives no keys.
//
// Known shortcomings: a member that Clerk added after this library, which
// the text output shows, is refused until the library knows it; and a
// key that names an object or a list, which Flatten writes only when
// Clerk sent it as null (email_addresses.0.verification), is refused in
// favour of the keys below it.
func ParseFields(list string) ([]string, error) {
	var keys []string
	seen := map[string]bool{}
	var errs []error
	for _, key := range strings.Split(list, ",") {
		key = strings.TrimSpace(key)
		switch {
		case key == "":
			continue
		case seen[key]:
			errs = append(errs, fmt.Errorf("--fields: %q comes twice; name each key once",
				key))
		default:
			errs = append(errs, checkField(key))
		}
		seen[key] = true
		keys = append(keys, key)
	}

	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return keys, nil
}

// checkField checks one record key against Clerk's user schema.
func checkField(key string) error {
	// Flatten adds these two only when it had to cut or skip something;
	// Clerk's user schema does not have them.
	if key == "flatten_truncated" || key == "flatten_error" {
		return nil
	}

	path := mappingPath(key)
	err := mappingProblem(path, "")
	hint := "(a lookup without --fields prints every key a user has)"
	switch {
	case err == nil && !metadataRoot(key):
		return nil
	case err == nil || mappingProblem(path, "json") == nil:
		return fmt.Errorf("--fields: %q names an object or a list, not one value; "+
			"name a key below it (%s.…) %s", key, key, hint)
	case strings.Contains(key, "["):
		hint = "(--fields takes keys as the text output prints them, such as " +
			"email_addresses.0.email_address, not selectors like [0])"
	}

	var me *clerk.MappingError
	reason := err.Error()
	if errors.As(err, &me) {
		reason = strings.TrimPrefix(me.Reason, fmt.Sprintf("from %q ", path))
	}
	return fmt.Errorf("--fields: %q %s %s", key, reason, hint)
}

// metadataRoot reports whether key names a whole metadata object, such as
// public_metadata or organization_memberships.0.organization.public_metadata,
// which Flatten spreads over the keys below it.
func metadataRoot(key string) bool {
	last := key[strings.LastIndexByte(key, '.')+1:]
	switch last {
	case "public_metadata", "private_metadata", "unsafe_metadata":
		return strings.Count(key, "_metadata") == 1
	}
	return false
}

// mappingPath writes a record key as a mapping path: a "[" or "]" in a
// metadata name is plain text in a key but starts a selector in a path,
// so it gets a backslash. Backslashes Flatten wrote stay as they are.
func mappingPath(key string) string {
	var b strings.Builder
	for i := 0; i < len(key); i++ {
		switch c := key[i]; {
		case c == '\\' && i+1 < len(key):
			b.WriteByte(c)
			i++
			b.WriteByte(key[i])
		case c == '[' || c == ']':
			b.WriteByte('\\')
			b.WriteByte(c)
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// mappingProblem returns what clerk.ParseMapping finds wrong with a
// mapping of one field from path, with transform unless it is "".
func mappingProblem(path, transform string) error {
	var from any = path
	if transform != "" {
		from = map[string]string{"from": path, "transform": transform}
	}
	doc, err := json.Marshal(map[string]any{"fields": map[string]any{"value": from}})
	if err != nil {
		return err
	}

	_, err = clerk.ParseMapping(bytes.NewReader(doc))
	return err
}

package clerk

import (
	"net/url"
	"sort"
	"strings"
)

// plainParams are the query parameters whose values identify nobody and
// are logged as they are. Every other value is redacted: email addresses,
// phone numbers, usernames, names, searches and ids that a caller may have
// filled with personal data.
var plainParams = map[string]bool{
	"limit": true, "offset": true, "order_by": true, "banned": true,
	"created_at_before": true, "created_at_after": true,
	"last_active_at_before": true, "last_active_at_after": true,
	"last_active_at_since": true, "last_sign_in_at_before": true,
	"last_sign_in_at_after": true, "provider": true, "starting_after": true,
}

// redactQuery renders a query for logs with personal values replaced by
// REDACTED, keys in sorted order.
func redactQuery(q url.Values) string {
	keys := make([]string, 0, len(q))
	for k := range q {
		keys = append(keys, k)
	}
	sort.Strings(keys)

	var b strings.Builder
	for _, k := range keys {
		for _, v := range q[k] {
			if b.Len() > 0 {
				b.WriteByte('&')
			}
			b.WriteString(url.QueryEscape(k))
			b.WriteByte('=')
			if plainParams[k] {
				b.WriteString(url.QueryEscape(v))
			} else {
				b.WriteString("REDACTED")
			}
		}
	}
	return b.String()
}

// redactLocation keeps a redirect target's scheme, host and path and drops
// its query.
func redactLocation(loc string) string {
	u, err := url.Parse(loc)
	if err != nil {
		return "(unparsable)"
	}
	u.RawQuery, u.Fragment, u.User = "", "", nil
	return u.String()
}

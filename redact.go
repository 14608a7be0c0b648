package clerk

import (
	"net/url"
	"sort"
	"strings"
)

// redactQuery renders a query for logs with every value that may be
// personal data replaced by REDACTED (see plainParam), keys in sorted
// order.
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
			if plainParam(k) {
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

// scrub removes the secret key from text that came from the network: a
// server or proxy may echo the Authorization header back.
func scrub(text, secret string) string {
	if secret == "" {
		return text
	}
	return strings.ReplaceAll(text, secret, "[redacted]")
}

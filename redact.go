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

// scrubber removes from text that came back from the network, or from a
// transport's error, the secret key and the query values that may be
// personal data: a server, a proxy or a custom transport may echo the
// Authorization header or the request's URL.
type scrubber struct {
	secret string
	values []string // personal query values, raw and encoded
}

// minScrubbed is the shortest query value that is scrubbed: shorter ones
// ("ab") would cut ordinary words apart and identify nobody.
const minScrubbed = 3

func newScrubber(secret string, query url.Values) scrubber {
	sc := scrubber{secret: secret}
	for key, vals := range query {
		if plainParam(key) {
			continue
		}
		for _, v := range vals {
			if len(v) < minScrubbed {
				continue
			}
			sc.values = append(sc.values, v, url.QueryEscape(v), url.PathEscape(v))
		}
	}
	// Longer forms first, so that an encoded value is not half replaced.
	sort.Slice(sc.values, func(i, j int) bool { return len(sc.values[i]) > len(sc.values[j]) })
	return sc
}

// text returns s without the key and the personal query values.
func (sc scrubber) text(s string) string {
	if sc.secret != "" {
		s = strings.ReplaceAll(s, sc.secret, "[redacted]")
	}
	for _, v := range sc.values {
		s = strings.ReplaceAll(s, v, "REDACTED")
	}
	return s
}

// err returns err, or an error with the same chain whose text is
// scrubbed, when err's text holds something to scrub.
func (sc scrubber) err(err error) error {
	if err == nil {
		return nil
	}
	msg := err.Error()
	if clean := sc.text(msg); clean != msg {
		return &scrubbedError{msg: clean, err: err}
	}
	return err
}

// scrubbedError shows a scrubbed message but keeps the original chain for
// errors.Is and errors.As. The original's own text is not scrubbed: do
// not print what Unwrap returns.
type scrubbedError struct {
	msg string
	err error
}

func (e *scrubbedError) Error() string { return e.msg }
func (e *scrubbedError) Unwrap() error { return e.err }

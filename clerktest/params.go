package clerktest

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"
)

// maxValues is how many values a repeated parameter may carry.
const maxValues = 100

// parser reads query parameters and keeps the first error it meets, so
// that a caller reads every parameter and checks once at the end.
//
// A parameter that should occur once and is repeated takes its first
// value. A key Clerk does not know, such as "user_id[]", is ignored.
type parser struct {
	q   url.Values
	err *apiError
}

func (p *parser) fail(err *apiError) {
	if p.err == nil {
		p.err = err
	}
}

// list returns the values of a repeated parameter, nil when absent.
func (p *parser) list(name string) []string {
	vals := p.q[name]
	if len(vals) > maxValues {
		p.fail(errValue(name, fmt.Sprintf("%s has %d values, more than %d; "+
			"split the request.", name, len(vals), maxValues)))
	}
	return vals
}

// set returns the values of a repeated parameter as a set, nil when
// absent.
func (p *parser) set(name string) map[string]bool {
	vals := p.list(name)
	if vals == nil {
		return nil
	}
	set := make(map[string]bool, len(vals))
	for _, v := range vals {
		set[v] = true
	}
	return set
}

// text returns a string parameter, nil when absent.
func (p *parser) text(name string) *string {
	if !p.q.Has(name) {
		return nil
	}
	v := p.q.Get(name)
	return &v
}

// integer returns an integer parameter, nil when absent. Only an optional
// "-" and decimal digits are an integer: "1.5", "5e2", " 5", "+5" and
// "0x10" are not.
func (p *parser) integer(name string) *int64 {
	s := p.text(name)
	if s == nil {
		return nil
	}
	digits := strings.TrimPrefix(*s, "-")
	if digits == "" || strings.Trim(digits, "0123456789") != "" {
		p.fail(errFormat(name, fmt.Sprintf("%s must be an integer in decimal digits, "+
			"not %q.%s", name, *s, plusHint(*s))))
		return nil
	}

	n, err := strconv.ParseInt(*s, 10, 64)
	if err != nil {
		p.fail(errValue(name, fmt.Sprintf("%s is out of range: %s.", name, *s)))
		return nil
	}
	return &n
}

// boolean returns a boolean parameter, nil when absent. Only "true" and
// "false" are booleans.
func (p *parser) boolean(name string) *bool {
	s := p.text(name)
	if s == nil {
		return nil
	}
	switch *s {
	case "true", "false":
		b := *s == "true"
		return &b
	}
	p.fail(errFormat(name, fmt.Sprintf("%s must be true or false, not %q.", name, *s)))
	return nil
}

// bounded returns an integer parameter within [lo, hi], or def when
// absent. A hi below zero means no upper bound.
func (p *parser) bounded(name string, def, lo, hi int64) int64 {
	n := p.integer(name)
	if n == nil {
		return def
	}
	if *n < lo || (hi >= 0 && *n > hi) {
		want := fmt.Sprintf("at least %d", lo)
		if hi >= 0 {
			want = fmt.Sprintf("between %d and %d", lo, hi)
		}
		p.fail(errValue(name, fmt.Sprintf("%s must be %s, not %d.", name, want, *n)))
		return def
	}
	return *n
}

// plusHint explains a value that starts with a space, which is most often
// a "+" sent without percent-encoding.
func plusHint(v string) string {
	if !strings.HasPrefix(v, " ") {
		return ""
	}
	return " A leading space is often a + sent unencoded: send it as %2B."
}

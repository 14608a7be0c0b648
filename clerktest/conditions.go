package clerktest

import (
	"strings"

	"github.com/workflowkit/clerk"
)

// prefixSet is a repeated id filter whose values may carry a prefix: "-"
// excludes the id, "+" or no prefix includes it. A literal "+" must reach
// the server percent-encoded ("%2B"); sent bare it decodes as a space,
// and the value then matches nothing.
type prefixSet struct {
	include, exclude map[string]bool
}

func parsePrefixSet(p *parser, name string) prefixSet {
	var s prefixSet
	for _, v := range p.list(name) {
		switch {
		case strings.HasPrefix(v, "-"):
			s.exclude = addTo(s.exclude, v[1:])
		case strings.HasPrefix(v, "+"):
			s.include = addTo(s.include, v[1:])
		default:
			s.include = addTo(s.include, v)
		}
	}
	return s
}

func addTo(set map[string]bool, v string) map[string]bool {
	if set == nil {
		set = map[string]bool{}
	}
	set[v] = true
	return set
}

// empty reports whether the parameter was not sent.
func (s prefixSet) empty() bool {
	return s.include == nil && s.exclude == nil
}

// match reports whether a user with ids passes: one of them included, when
// any value includes, and none excluded.
func (s prefixSet) match(ids ...string) bool {
	included := s.include == nil
	for _, id := range ids {
		if s.exclude[id] {
			return false
		}
		included = included || s.include[id]
	}
	return included
}

// window bounds a timestamp in Unix milliseconds. Both bounds are strict,
// and a null timestamp never matches a window; both are assumed, as Clerk
// does not document them.
type window struct {
	after, before *int64
}

// parseWindow reads <field>_after and <field>_before, and for
// last_active_at its deprecated alias last_active_at_since, which joins
// last_active_at_after with AND when both are sent.
func parseWindow(p *parser, field string) window {
	w := window{after: p.integer(field + "_after"), before: p.integer(field + "_before")}
	if field != "last_active_at" {
		return w
	}
	if since := p.integer("last_active_at_since"); since != nil {
		if w.after == nil || *since > *w.after {
			w.after = since
		}
	}
	return w
}

func (w window) match(ms *int64) bool {
	if w.after == nil && w.before == nil {
		return true
	}
	if ms == nil {
		return false
	}
	return (w.after == nil || *ms > *w.after) && (w.before == nil || *ms < *w.before)
}

// parseProvider reads provider and provider_user_id, which must come
// together.
func parseProvider(p *parser) (*string, map[string]bool) {
	provider := p.text("provider")
	ids := p.set("provider_user_id")

	switch {
	case provider != nil && ids == nil:
		p.fail(errValue("provider_user_id", "provider needs provider_user_id: "+
			"send both, or neither."))
	case provider == nil && ids != nil:
		p.fail(errValue("provider", "provider_user_id needs provider: "+
			"send both, or neither."))
	}
	return provider, ids
}

// accountProvider is the provider of an external account. Legacy accounts
// (object "google_account" or "facebook_account") carry their provider,
// "oauth_google" or "oauth_facebook", like the others; the object names it
// only when the provider is missing.
func accountProvider(a clerk.ExternalAccount) string {
	if a.Provider != "" {
		return a.Provider
	}
	switch a.Object {
	case "google_account":
		return "oauth_google"
	case "facebook_account":
		return "oauth_facebook"
	}
	return ""
}

package clerk

import (
	"errors"
	"io"
	"reflect"
	"strconv"
)

// Mapping says, for each field of a workflow, where its value comes from
// in a Clerk user, and what to do with it on the way. Make one with
// ParseMapping; it does not change after, and is safe for concurrent use.
type Mapping struct {
	fields []mappedField
	place  string // where the fields are in the document, for errors
	doc    string // the kind of document, for errors: "step", or ""
}

// mappedField is one target field of a mapping.
type mappedField struct {
	target    string
	from      string // the path as written, for messages
	path      *compiledPath
	transform transform
	separator string
	fallback  Value // the default; null when none was given
}

// ParseMapping reads a mapping document: a JSON object whose "fields"
// member says, for each field of the workflow, in the order the record
// should have them, where its value comes from in a Clerk user:
//
//	{
//	  "description": "what a fraud review copies from Clerk",
//	  "fields": {
//	    "clerk_user_id": "id",
//	    "email": {"from": "primary_email_address", "transform": "lower"},
//	    "last_sign_in": {"from": "last_sign_in_at", "transform": "rfc3339",
//	      "default": "never"},
//	    "google_id": "external_accounts[provider=oauth_google].provider_user_id",
//	    "verified_emails": {"transform": "join", "separator": ";",
//	      "from": "email_addresses[verification.status=verified].email_address"},
//	    "plan": {"from": "public_metadata.plan", "transform": "json"}
//	  }
//	}
//
// A field is a path, written as a string, or an object with these members:
//
//   - from (required): the path of the value in the user, as below.
//   - default: text, a number, true, false or null, used when the path
//     gives nothing, null or empty text. Without it such a field is null.
//   - transform: lower (text in lower case); rfc3339 (a timestamp in Unix
//     milliseconds, its *_rfc3339 companion, or metadata holding either
//     or an RFC 3339 time, as RFC 3339 text in UTC with milliseconds,
//     like the companion keys of Flatten); join (every
//     value the path gives, as text, separated by separator, leaving out
//     null and empty values); json (the value as compact JSON text: an
//     object, a list, or, for a path that can give several values, the
//     list of them all).
//   - separator: what join puts between values; "," unless given.
//   - description: a note for people, ignored.
//
// A path is a key of Flatten, as the package documentation describes
// under "Flattened keys": "last_sign_in_at", "created_at_rfc3339",
// "email_addresses.0.email_address", "public_metadata.plan.tier",
// "full_name". Every key Flatten writes is a path, except that a "[" in a
// metadata name needs a backslash before it, and the key of an object
// Clerk sent as null ("email_addresses.0.verification") needs transform
// json, as the object would. As in Flatten's keys, a metadata name that
// is empty is written as two quotation marks: public_metadata."".plan,
// written "public_metadata.\"\".plan" in JSON. Lists also take selectors:
//
//   - [N], the item at index N, as .N does: email_addresses[0].email_address
//   - [*], every item: organization_memberships[*].organization.slug
//   - [property=value], the items whose property (a path inside the item)
//     is value, compared as text: external_accounts[provider=oauth_google]
//     or email_addresses[verification.status=verified].
//
// Selectors chain, each picking from what the one before kept:
// external_accounts[provider=oauth_google][0] is the first Google account.
// A path with [*] or [property=value] that no [N] follows can give several
// values; a field takes the first of them, in Clerk's order, unless join
// or json takes them all. A backslash makes the next character plain, for
// a dot, a bracket or a backslash inside a name: public_metadata.plan\.tier,
// written "public_metadata.plan\\.tier" in JSON.
//
// Every path is checked against Clerk's user schema now: a property the
// schema lacks, an object or a list where one value is wanted, or a
// transform that cannot apply is an error here, not an empty value later.
// Under public_metadata, private_metadata and unsafe_metadata any name is
// allowed, since the application makes them up; what they hold is known
// only to Apply, which writes an object or a list found there as compact
// JSON text. Members Clerk added after this library cannot be mapped until
// the library knows them.
//
// ParseMapping reports every mistake at once, joined with errors.Join, each
// a *MappingError naming its place, such as "fields.google_id".
func ParseMapping(r io.Reader) (*Mapping, error) {
	data, err := readDocument(r, "mapping")
	if err != nil {
		return nil, err
	}

	p := problems{}
	m := parseMappingDoc(data, &p)
	if err := p.err(); err != nil {
		return nil, err
	}
	return m, nil
}

// Fields returns the names of the workflow's fields, in order: the keys of
// every Record that Apply returns.
func (m *Mapping) Fields() []string {
	names := make([]string, len(m.fields))
	for i, f := range m.fields {
		names[i] = f.target
	}
	return names
}

// Apply maps one user: the Record has one field per field of the mapping,
// in order, every one present, null when the user has no value for it and
// the mapping gives no default.
//
// Apply fails only when rfc3339 meets metadata that holds no time (text
// that is none, true or false, an object or a list); the error is a
// *MappingError per such field, which is null in the Record (or its
// default), and every other field is filled.
func (m *Mapping) Apply(u User) (Record, error) {
	root := node{kind: nodeTyped, shape: userShape, v: reflect.ValueOf(&u).Elem()}
	var rec RecordBuilder

	var errs []error
	for _, f := range m.fields {
		nodes := f.path.eval(root, &u)
		v, err := f.transform.apply(nodes, f.path.multi, f.separator)
		if err != nil {
			errs = append(errs, &MappingError{Field: joinField(m.place, f.target),
				Reason: "from " + strconv.Quote(f.from) + " " + err.Error(), doc: m.doc})
		}
		if v.IsNull() || (v.kind == KindString && v.text == "") {
			v = f.fallback
		}
		rec.Add(f.target, v)
	}
	return rec.Record(), errors.Join(errs...)
}

package clerk

import (
	"errors"
	"fmt"
)

// MappingError is one mistake in a mapping or a step document, found when
// it is parsed, or a value a mapping could not convert when it was
// applied. ParseMapping, ParseStep and Apply join one per mistake with
// errors.Join; take each out with errors.As, or range over the Unwrap
// method of the joined error. Its message starts "clerk: step" for a
// step, its output mapping included, and "clerk: mapping" otherwise.
type MappingError struct {
	// Field is where the mistake is, as the dotted names of the document's
	// members: "fields.google_id" for a mapping's target field,
	// "output.fields.google_id", "inputs.email_address" or "on_no_match"
	// in a step, "" for the document as a whole.
	Field string

	// Reason says what is wrong and what to write instead. It never quotes
	// a user's data.
	Reason string

	doc string // the kind of document, for Error: "step", or "" for a mapping
}

// Error returns one line that starts with the kind of document, such as
// `clerk: mapping fields.google_id: from "external_acounts" names
// "external_acounts", which the user does not have in Clerk's schema; did
// you mean "external_accounts"?`, or `clerk: step on_no_match: ...` for a
// step, its output mapping included.
func (e *MappingError) Error() string {
	doc := "mapping"
	if e.doc != "" {
		doc = e.doc
	}
	if e.Field == "" {
		return "clerk: " + doc + ": " + e.Reason
	}
	return "clerk: " + doc + " " + e.Field + ": " + e.Reason
}

// problems collects MappingErrors under a common prefix of Field, for a
// kind of document.
type problems struct {
	prefix string
	doc    string // "step", or "" for a mapping
	list   []error
}

// add records a mistake at field (under the prefix), with a reason made
// by fmt.Sprintf.
func (p *problems) add(field, format string, args ...any) {
	p.list = append(p.list, &MappingError{Field: joinField(p.prefix, field),
		Reason: fmt.Sprintf(format, args...), doc: p.doc})
}

// err joins the mistakes, or returns nil when there are none.
func (p *problems) err() error { return errors.Join(p.list...) }

// joinField joins document member names with a dot.
func joinField(prefix, name string) string {
	switch {
	case prefix == "":
		return name
	case name == "":
		return prefix
	}
	return prefix + "." + name
}

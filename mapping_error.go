package clerk

import (
	"errors"
	"fmt"
)

// MappingError is one mistake in a mapping or a step document, found when
// it is parsed, or a value a mapping could not convert when it was
// applied. ParseMapping, ParseStep and Apply join one per mistake with
// errors.Join; take each out with errors.As, or range over the Unwrap
// method of the joined error.
type MappingError struct {
	// Field is where the mistake is, as the dotted names of the document's
	// members: "fields.google_id" for a mapping's target field,
	// "output.fields.google_id", "inputs.email_address" or "on_no_match"
	// in a step, "" for the document as a whole.
	Field string

	// Reason says what is wrong and what to write instead. It never quotes
	// a user's data.
	Reason string
}

// Error returns one line such as `clerk: mapping fields.google_id: from
// "external_acounts": the user has no property "external_acounts"; did
// you mean "external_accounts"?`.
func (e *MappingError) Error() string {
	if e.Field == "" {
		return "clerk: mapping: " + e.Reason
	}
	return "clerk: mapping " + e.Field + ": " + e.Reason
}

// problems collects MappingErrors under a common prefix of Field.
type problems struct {
	prefix string
	list   []error
}

// add records a mistake at field (under the prefix), with a reason made
// by fmt.Sprintf.
func (p *problems) add(field, format string, args ...any) {
	p.list = append(p.list, &MappingError{Field: joinField(p.prefix, field),
		Reason: fmt.Sprintf(format, args...)})
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

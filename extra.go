package clerk

import (
	"bytes"
	"encoding/json"
	"maps"

	"github.com/workflowkit/clerk/internal/jsonobj"
)

// Extra is what a decoded Clerk object carried beyond its typed fields.
// Every model type has one, so that decoding and re-encoding a user loses
// nothing: members that this version of the library does not know are kept
// in Unknown and written back, and the members that were present are
// remembered, so that an absent member stays absent and a null one stays
// null.
//
// A member Clerk sent as null whose Go field cannot hold null (such as
// "banned": null into a bool) is written back as null while the field keeps
// its zero value; once the field is set to something else, that value is
// written. Setting such a field back to its zero value (false, "", 0) in Go
// cannot be told apart from leaving it, so it is still written as null.
//
// A value built in Go rather than decoded writes every member the schema
// requires, with null or [] where the field is empty.
type Extra struct {
	// Unknown holds members that have no typed field, as raw JSON, keyed by
	// their name. Clerk adds properties over time; they land here. Names
	// match exactly, so "ID" is kept here rather than decoded into ID. An
	// entry added in Go under the name of a typed field is not written.
	Unknown map[string]json.RawMessage

	decoded bool
	null    bool
	present uint64
	nulls   uint64
}

// Equal reports whether two Extras hold the same unknown members, byte for
// byte. Which members were present or null is not compared: it changes how
// a value is encoded, not what it holds, so a decoded value and the same
// value built in Go are equal. go-cmp uses this method.
func (e Extra) Equal(other Extra) bool {
	return maps.EqualFunc(e.Unknown, other.Unknown, func(a, b json.RawMessage) bool {
		return bytes.Equal(a, b)
	})
}

func (e Extra) state() jsonobj.State {
	return jsonobj.State{
		Decoded: e.decoded,
		Null:    e.null,
		Present: e.present,
		Nulls:   e.nulls,
		Unknown: e.Unknown,
	}
}

// setState keeps what decoding learned about the value e belongs to.
func (e *Extra) setState(st jsonobj.State) {
	*e = Extra{
		Unknown: st.Unknown,
		decoded: st.Decoded,
		null:    st.Null,
		present: st.Present,
		nulls:   st.Nulls,
	}
}

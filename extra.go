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
// A value built in Go rather than decoded writes every member the schema
// requires, with null or [] where the field is empty.
type Extra struct {
	// Unknown holds members that have no typed field, as raw JSON, keyed by
	// their name. Clerk adds properties over time; they land here.
	Unknown map[string]json.RawMessage

	decoded bool
	present uint64
}

// Equal reports whether two Extras hold the same unknown members. Which
// members were present is not compared: it changes how a value is encoded,
// not what it holds. go-cmp uses this method.
func (e Extra) Equal(other Extra) bool {
	return maps.EqualFunc(e.Unknown, other.Unknown, func(a, b json.RawMessage) bool {
		return bytes.Equal(a, b)
	})
}

func (e Extra) state() jsonobj.State {
	return jsonobj.State{Decoded: e.decoded, Present: e.present, Unknown: e.Unknown}
}

// decodeObject fills ptr, a pointer to a model type's plain twin, from
// data, and stores what it learned in ex.
func decodeObject(t *jsonobj.Table, data []byte, ptr any, ex *Extra) error {
	var st jsonobj.State
	if err := t.Decode(data, ptr, &st); err != nil {
		return err
	}
	*ex = Extra{Unknown: st.Unknown, decoded: st.Decoded, present: st.Present}
	return nil
}

package jsonobj

import (
	"encoding/json"
	"fmt"
	"reflect"
)

// Decode fills the struct that ptr points to from one JSON object and
// records presence and unknown members in st. Member names match exactly,
// as the API sends them; when a name repeats, the last value wins. JSON
// null leaves the field at its zero value and sets its bit in st.Nulls.
//
// Data that is JSON null leaves a struct that already holds something, and
// st, untouched, as encoding/json does; a zero struct is marked st.Null.
// On an error the struct may be partly filled.
//
// The data is read in one pass and checked completely, so Decode can be
// called on bytes that nothing has checked before. Fields of struct types
// are decoded by encoding/json; a Registry decodes its tables' types
// itself.
func (t *Table) Decode(data []byte, ptr any, st *State) error {
	d := decoder{data: data}
	v := reflect.ValueOf(ptr).Elem()
	if d.peek() == 'n' {
		return d.topNull(t, v, st)
	}

	if err := d.object(t.plan, v, st); err != nil {
		return err
	}
	if !d.atEnd() {
		return t.errorf("", errSyntax)
	}
	return nil
}

// topNull reads a text that should be null alone, for a struct v.
func (d *decoder) topNull(t *Table, v reflect.Value, st *State) error {
	if _, err := d.literal(); err != nil || !d.atEnd() {
		return t.errorf("", errSyntax)
	}
	if v.IsZero() {
		*st = State{Null: true}
	}
	return nil
}

// object reads the object at d.i into the struct v, from zero, and its
// state into st. The caller has dealt with null.
func (d *decoder) object(p *plan, v reflect.Value, st *State) error {
	t := p.table
	if d.i >= len(d.data) || d.data[d.i] != '{' {
		return t.errorf("", errSyntax)
	}
	if err := d.open(); err != nil {
		return t.errorf("", err)
	}

	// Start from zero, so that nothing from an earlier value survives.
	v.SetZero()
	*st = State{Decoded: true}
	if d.peek() == '}' {
		d.i++
		d.depth--
		return nil
	}

	for more, hint := true, 0; more; {
		var err error
		if hint, err = d.member(p, v, st, hint); err != nil {
			return err
		}
		if more, err = d.next('}'); err != nil {
			return t.errorf("", errSyntax)
		}
	}
	return nil
}

// member reads one member of an object into its field of v, or into
// st.Unknown when no field has its name. hint is the field expected,
// tried before the others; member returns the one to expect next.
func (d *decoder) member(p *plan, v reflect.Value, st *State, hint int) (int, error) {
	t := p.table
	if d.peek() != '"' {
		return hint, t.errorf("", errSyntax)
	}
	key, err := d.str()
	if err != nil {
		return hint, t.errorf("", errSyntax)
	}
	i, known := t.lookup(key, hint)
	if !known {
		return hint, d.unknown(t, string(key), st)
	}
	if err := d.colon(); err != nil {
		return hint, t.errorf("", errSyntax)
	}

	bit := uint64(1) << i
	target := v.Field(t.fields[i].index)
	if st.Present&bit != 0 {
		target.SetZero() // a repeated name: the last one wins
	}
	null := d.isNull()
	if err := d.value(p.fields[i], target); err != nil {
		return hint, t.errorf(t.fields[i].name, err)
	}

	st.Present |= bit
	st.Nulls &^= bit
	if null {
		st.Nulls |= bit
	}
	return i + 1, nil
}

// lookup finds the field named key. It tries the fields from hint on
// first: the API sends members in the same order every time, so the field
// after the previous member's is usually right, or one a little further
// when members were left out, and a few comparisons cost less than the
// map.
func (t *Table) lookup(key []byte, hint int) (int, bool) {
	for i := hint; i < min(hint+lookAhead, len(t.fields)); i++ {
		if t.fields[i].name == string(key) {
			return i, true
		}
	}
	i, ok := t.byName[string(key)]
	return i, ok
}

// lookAhead is how many fields lookup compares before it asks the map.
const lookAhead = 3

// unknown keeps a member that matches no field, as a copy of its JSON.
func (d *decoder) unknown(t *Table, key string, st *State) error {
	if err := d.colon(); err != nil {
		return t.errorf("", errSyntax)
	}
	raw, err := d.skip()
	if err != nil {
		return t.errorf("", fmt.Errorf("member %q is not valid JSON: %w", key, err))
	}

	if st.Unknown == nil {
		st.Unknown = map[string]json.RawMessage{}
	}
	st.Unknown[key] = append(json.RawMessage(nil), raw...)
	return nil
}

// errorf wraps err with the table's type and, when given, a field name.
func (t *Table) errorf(field string, err error) error {
	if field == "" {
		return fmt.Errorf("decoding %s: %w", t.typ.Name(), err)
	}
	return fmt.Errorf("decoding %s.%s: %w", t.typ.Name(), field, err)
}

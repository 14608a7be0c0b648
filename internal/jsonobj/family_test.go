package jsonobj

import (
	"encoding/json"
	"errors"
	"reflect"
)

// box and item are a small family of model types with every kind of field
// a Registry decodes itself, and some it leaves to encoding/json. Their
// UnmarshalJSON methods take the member-wise reference path, so that
// encoding/json decodes them as the package did before the Registry; the
// Registry bypasses those methods.
type box struct {
	Name   string   `json:"name"`
	Status status   `json:"status,omitempty"`
	Count  int64    `json:"count"`
	Small  int8     `json:"small,omitempty"`
	Ptr    *int64   `json:"ptr"`
	Flag   *bool    `json:"flag"`
	On     bool     `json:"on,omitempty"`
	Text   *string  `json:"text"`
	Tags   []string `json:"tags"`
	Items  []item   `json:"items"`
	Ptrs   []*item  `json:"ptrs,omitempty"`
	Child  *item    `json:"child"`
	Inner  item     `json:"inner"`
	Raw    rawJSON  `json:"raw"`
	RawPtr *rawJSON `json:"raw_ptr,omitempty"`
	Grid   [][]int  `json:"grid,omitempty"`
	Float  float64  `json:"float,omitempty"` // left to encoding/json
	Any    any      `json:"any,omitempty"`   // left to encoding/json
	Owner  owner    `json:"owner"`           // no table: left to encoding/json
	Ex     extra    `json:"-"`
}

type item struct {
	ID  string `json:"id"`
	Box *box   `json:"box,omitempty"` // the family nests in itself
	Ex  extra  `json:"-"`
}

// status is a named string, as VerificationStatus is.
type status string

// extra keeps a model's State, as clerk.Extra does.
type extra struct{ st State }

// rawJSON keeps a value's JSON, as clerk.Metadata does.
type rawJSON []byte

var (
	boxTable  = NewTable[box]()
	itemTable = NewTable[item]()
	family    = NewRegistry(Config[extra]{
		Tables: []*Table{boxTable, itemTable},
		Store:  func(e *extra, st State) { e.st = st },
		Raw:    []reflect.Type{reflect.TypeFor[rawJSON]()},
	})
)

func (b *box) UnmarshalJSON(data []byte) error {
	type plain box
	return boxTable.refDecode(data, (*plain)(b), &b.Ex.st)
}

func (b box) MarshalJSON() ([]byte, error) {
	type plain box
	return boxTable.Encode(plain(b), b.Ex.st)
}

func (i *item) UnmarshalJSON(data []byte) error {
	type plain item
	return itemTable.refDecode(data, (*plain)(i), &i.Ex.st)
}

func (i item) MarshalJSON() ([]byte, error) {
	type plain item
	return itemTable.Encode(plain(i), i.Ex.st)
}

func (r *rawJSON) UnmarshalJSON(data []byte) error {
	if !json.Valid(data) {
		return errors.New("raw: not valid JSON")
	}
	*r = append((*r)[:0:0], data...)
	return nil
}

func (r rawJSON) MarshalJSON() ([]byte, error) {
	if len(r) == 0 {
		return []byte("{}"), nil
	}
	return r, nil
}

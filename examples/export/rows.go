package main

import (
	"bufio"
	"encoding/csv"
	"encoding/json"

	"github.com/workflowkit/clerk"
)

// rowWriter writes users as rows of the chosen fields: CSV (a cell per
// field, null and missing keys empty) or JSON lines (an object per user,
// keys in the order of the fields, values with their JSON kinds, missing
// keys null). Rows reach w whole; w is flushed by its owner.
type rowWriter struct {
	w      *bufio.Writer
	csv    *csv.Writer // nil for JSON lines
	fields []string
	index  map[string]int // field → column
	keys   [][]byte       // each field as a JSON string, for JSON lines
	values []clerk.Value  // the current row, reused
	cells  []string       // the current CSV row, reused
}

func newRowWriter(w *bufio.Writer, format string, fields []string) *rowWriter {
	r := &rowWriter{
		w:      w,
		fields: fields,
		index:  make(map[string]int, len(fields)),
		values: make([]clerk.Value, len(fields)),
		cells:  make([]string, len(fields)),
	}
	for i, f := range fields {
		r.index[f] = i
		key, _ := json.Marshal(f) // a string always encodes
		r.keys = append(r.keys, key)
	}
	if format == "csv" {
		r.csv = csv.NewWriter(w)
	}
	return r
}

// header writes the CSV header row; JSON lines have none.
func (r *rowWriter) header() error {
	if r.csv == nil {
		return nil
	}
	return r.csv.Write(r.fields)
}

// write writes one user's row.
func (r *rowWriter) write(u clerk.User) error {
	clear(r.values)
	for _, f := range clerk.Flatten(u).Fields() {
		if i, ok := r.index[f.Key]; ok {
			r.values[i] = f.Value
		}
	}

	if r.csv != nil {
		for i, v := range r.values {
			r.cells[i] = v.String()
		}
		return r.csv.Write(r.cells)
	}
	return r.writeJSON()
}

func (r *rowWriter) writeJSON() error {
	r.w.WriteByte('{')
	for i, v := range r.values {
		if i > 0 {
			r.w.WriteByte(',')
		}
		r.w.Write(r.keys[i])
		r.w.WriteByte(':')
		text, err := v.MarshalJSON()
		if err != nil {
			return err
		}
		r.w.Write(text)
	}
	_, err := r.w.WriteString("}\n")
	return err
}

// flush hands what the CSV writer holds to w.
func (r *rowWriter) flush() error {
	if r.csv == nil {
		return nil
	}
	r.csv.Flush()
	return r.csv.Error()
}

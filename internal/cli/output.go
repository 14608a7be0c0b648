package cli

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/workflowkit/clerk"
)

// Formats lists the output formats Writer supports.
var Formats = []string{"text", "jsonl", "json", "csv"}

// Writer writes users in one format:
//
//   - text: each user's flattened record as "key: value" lines, users
//     separated by a blank line, null written as null;
//   - jsonl: one flattened record per line, as a JSON object;
//   - json: one JSON array of the users exactly as Clerk sent them;
//   - csv: a header row, then one row per user.
//
// fields, when given, picks and orders the record's keys (text, jsonl,
// csv); a key a user lacks is written as null (an empty CSV cell). Text
// and jsonl without fields write the whole record; CSV without fields
// writes the columns of DefaultCSVFields, so that no user's keys decide
// the columns of every other user. CSV always writes its header row, even
// when no user matched.
type Writer struct {
	format  string
	fields  []string
	out     *bufio.Writer
	csv     *csv.Writer
	count   int
	columns []string
}

// NewWriter checks format and fields (a --fields list, read with
// ParseFields) and returns a Writer to w.
func NewWriter(w io.Writer, format, fields string) (*Writer, error) {
	if !slices.Contains(Formats, format) {
		return nil, fmt.Errorf("--format: want one of %s, got %q",
			strings.Join(Formats, ", "), format)
	}

	keys, err := ParseFields(fields)
	if err != nil {
		return nil, err
	}
	if format == "json" && len(keys) > 0 {
		return nil, fmt.Errorf("--fields works with text, jsonl and csv, not json; " +
			"drop --fields, or pick another --format")
	}

	wr := &Writer{format: format, fields: keys, out: bufio.NewWriter(w)}
	if format == "csv" {
		wr.csv = csv.NewWriter(wr.out)
		wr.columns = keys
		if len(keys) == 0 {
			wr.columns = DefaultCSVFields()
		}
	}
	return wr, nil
}

// Write writes one user.
func (w *Writer) Write(u clerk.User) error {
	defer func() { w.count++ }()
	switch w.format {
	case "json":
		return w.writeJSON(u)
	case "csv":
		return w.writeCSV(clerk.Flatten(u))
	}

	rec := w.pick(clerk.Flatten(u))
	if w.format == "jsonl" {
		b, err := json.Marshal(rec)
		if err != nil {
			return err
		}
		_, err = fmt.Fprintf(w.out, "%s\n", b)
		return err
	}
	if w.count > 0 {
		w.out.WriteString("\n")
	}
	for _, f := range rec.Fields() {
		text := f.Value.String()
		if f.Value.IsNull() {
			text = "null"
		}
		fmt.Fprintf(w.out, "%s: %s\n", f.Key, text)
	}
	return nil
}

// writeJSON writes one user as Clerk sent it, as an item of the array.
func (w *Writer) writeJSON(u clerk.User) error {
	b, err := json.Marshal(u)
	if err != nil {
		return err
	}
	sep := ",\n"
	if w.count == 0 {
		sep = "[\n"
	}
	_, err = fmt.Fprintf(w.out, "%s%s", sep, b)
	return err
}

// writeCSV writes one row, after the header row for the first user.
func (w *Writer) writeCSV(rec clerk.Record) error {
	if w.count == 0 {
		if err := w.csv.Write(w.columns); err != nil {
			return err
		}
	}

	values := rec.Strings()
	row := make([]string, len(w.columns))
	for i, col := range w.columns {
		row[i] = values[col]
	}
	return w.csv.Write(row)
}

// pick keeps only the chosen fields, in the chosen order; a field the
// user lacks is written as null.
func (w *Writer) pick(rec clerk.Record) clerk.Record {
	if len(w.fields) == 0 {
		return rec
	}
	var b clerk.RecordBuilder
	for _, key := range w.fields {
		v, _ := rec.Get(key)
		b.Add(key, v)
	}
	return b.Record()
}

// Close finishes the output: the closing bracket of json, the header row
// of a csv without rows, and flushing.
func (w *Writer) Close() error {
	if w.format == "json" {
		if w.count == 0 {
			w.out.WriteString("[")
		}
		w.out.WriteString("\n]\n")
	}

	if w.csv != nil {
		if w.count == 0 {
			w.csv.Write(w.columns)
		}
		w.csv.Flush()
		if err := w.csv.Error(); err != nil {
			return err
		}
	}
	return w.out.Flush()
}

// Count returns how many users were written.
func (w *Writer) Count() int { return w.count }

package measure

import (
	"fmt"
	"io"
	"strings"
)

// Table is a markdown table built row by row.
type Table struct {
	header []string
	rows   [][]string
}

// NewTable starts a table with the given column headings.
func NewTable(header ...string) *Table {
	return &Table{header: header}
}

// Row appends a row; each cell is formatted with %v. A row shorter than
// the header is padded with empty cells.
func (t *Table) Row(cells ...any) {
	row := make([]string, len(t.header))
	for i, c := range cells {
		if i < len(row) {
			row[i] = fmt.Sprint(c)
		}
	}
	t.rows = append(t.rows, row)
}

// WriteTo writes the table as GitHub-flavoured markdown.
func (t *Table) WriteTo(w io.Writer) (int64, error) {
	var b strings.Builder
	line := func(cells []string) {
		b.WriteString("| " + strings.Join(cells, " | ") + " |\n")
	}
	line(t.header)
	rule := make([]string, len(t.header))
	for i := range rule {
		rule[i] = "---"
	}
	line(rule)
	for _, r := range t.rows {
		line(r)
	}

	n, err := io.WriteString(w, b.String())
	return int64(n), err
}

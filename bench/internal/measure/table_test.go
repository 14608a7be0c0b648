package measure

import (
	"strings"
	"testing"
)

func TestTable(t *testing.T) {
	tab := NewTable("name", "n")
	tab.Row("a", 1)
	tab.Row("b")

	var b strings.Builder
	if _, err := tab.WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	want := "| name | n |\n| --- | --- |\n| a | 1 |\n| b |  |\n"
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
}

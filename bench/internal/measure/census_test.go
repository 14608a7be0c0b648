package measure

import "testing"

func TestTally(t *testing.T) {
	c := NewCensus([]string{"a", "b", "c"})
	tally := c.Tally()
	for _, id := range []string{"a", "b", "a", "x"} {
		tally.Add(id)
	}

	if tally.Yielded != 4 || tally.Duplicates != 1 || tally.Unknown != 1 {
		t.Errorf("yielded %d, duplicates %d, unknown %d; want 4, 1, 1",
			tally.Yielded, tally.Duplicates, tally.Unknown)
	}
	if got := tally.Missing(); got != 1 {
		t.Errorf("Missing = %d, want 1 (c)", got)
	}
}

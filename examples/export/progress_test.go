package main

import (
	"bytes"
	"strings"
	"testing"
)

func TestProgressShowsCountRateAndTimeLeft(t *testing.T) {
	t.Parallel()
	var buf bytes.Buffer
	bar := newProgress(&buf, 4, "exporting", 0)
	for range 3 {
		bar.add(1)
	}
	if s := buf.String(); !strings.Contains(s, "3/4") || !strings.Contains(s, "users/") ||
		!strings.Contains(s, "exporting") {
		t.Errorf("the bar shows %q, want the description, 3/4 and a rate in users", s)
	}
	if s := buf.String(); !strings.Contains(s, "[0s:") {
		t.Errorf("the bar shows %q, want the elapsed time and the time left", s)
	}
	bar.add(1)
	bar.finish()
	if s := buf.String(); !strings.Contains(s, "4/4") || !strings.HasSuffix(s, "\n") {
		t.Errorf("the finished bar shows %q", s)
	}
}

func TestProgressGrowsPastACountTooSmall(t *testing.T) {
	t.Parallel()
	var buf bytes.Buffer
	bar := newProgress(&buf, 2, "exporting", 0)
	for range 5 {
		bar.add(1)
	}
	bar.finish()
	if s := buf.String(); !strings.Contains(s, "5/5") {
		t.Errorf("the bar shows %q, want it to end at 5/5", s)
	}
}

func TestProgressQuiet(t *testing.T) {
	t.Parallel()
	var quiet progress
	quiet.add(3)
	quiet.finish()
	quiet.stop()
	if isTerminal(&bytes.Buffer{}) {
		t.Error("a buffer is taken for a terminal")
	}
}

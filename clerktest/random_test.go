package clerktest

import (
	"regexp"
	"testing"
)

func TestRandomAlnum(t *testing.T) {
	t.Parallel()
	form := regexp.MustCompile(`^[A-Za-z0-9]*$`)
	for _, n := range []int{0, 1, 27, 40, 1000} {
		got := randomAlnum(n)
		if len(got) != n || !form.MatchString(got) {
			t.Errorf("randomAlnum(%d) = %q, want %d letters and digits", n, got, n)
		}
	}
	if randomAlnum(40) == randomAlnum(40) {
		t.Error("randomAlnum gave the same 40 characters twice")
	}
}

func TestNewTraceID(t *testing.T) {
	t.Parallel()
	if got := newTraceID(); !regexp.MustCompile(`^[0-9a-f]{32}$`).MatchString(got) {
		t.Errorf("newTraceID() = %q, want 32 hex digits", got)
	}
}

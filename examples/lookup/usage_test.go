package main

import (
	"strings"
	"testing"
)

func TestLookupHelpExitsZero(t *testing.T) {
	t.Parallel()
	for _, arg := range []string{"--help", "-h"} {
		code, out, errOut := lookup(t, arg)
		if code != exitOK || out != "" {
			t.Errorf("%s: exit %d, stdout %q", arg, code, out)
		}
		for _, want := range []string{
			"Usage: lookup", "-email", "-fields", "CLERK_SECRET_KEY", "CLERK_API_URL",
			"Unset: use an embedded test server", "created_at_rfc3339",
		} {
			if !strings.Contains(errOut, want) {
				t.Errorf("%s lacks %q:\n%s", arg, want, errOut)
			}
		}
	}
}

func TestLookupBadFlagPrintsOnlyTheMistake(t *testing.T) {
	t.Parallel()
	for _, args := range [][]string{
		{"--limit", "ten"}, {"--banned=maybe"}, {"--no-such-flag"},
	} {
		code, _, errOut := lookup(t, args...)
		if code != exitUsage || !strings.Contains(errOut, "Run lookup --help") {
			t.Errorf("%q: exit %d, stderr %q", args, code, errOut)
		}
		if strings.Contains(errOut, "-username-query") || strings.Count(errOut, "\n") > 2 {
			t.Errorf("%q printed more than the mistake:\n%s", args, errOut)
		}
	}
}

package main

import (
	"strings"
	"testing"
)

func TestParseFlagsRefusesNonsense(t *testing.T) {
	cases := map[string][]string{
		"--users":       {"--users", "0"},
		"--runs":        {"--runs", "0"},
		"--latency":     {"--latency", "-1s"},
		"--concurrency": {"--concurrency", "-2"},
	}
	for want, args := range cases {
		if _, err := parseFlags(args); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("parseFlags(%q) = %v, want an error naming %s", args, err, want)
		}
	}
}

func TestParseFlagsSDKRunsDefaultToRuns(t *testing.T) {
	cfg, err := parseFlags([]string{"--runs", "3"})
	if err != nil {
		t.Fatal(err)
	}
	if cfg.sdkRuns != 3 {
		t.Errorf("sdkRuns = %d, want 3 (as --runs)", cfg.sdkRuns)
	}
}

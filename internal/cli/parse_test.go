package cli

import (
	"bytes"
	"errors"
	"flag"
	"strings"
	"testing"
)

// parse runs ParseFlags on a flag set with one flag, -n.
func parse(args ...string) (n int, stderr string, err error) {
	fs := flag.NewFlagSet("prog", flag.ContinueOnError)
	fs.IntVar(&n, "n", 1, "how many")
	var out bytes.Buffer
	err = ParseFlags(fs, args, "Usage: prog [flags]\n", &out)
	return n, out.String(), err
}

func TestParseFlagsHelp(t *testing.T) {
	t.Parallel()
	for _, arg := range []string{"-h", "--help"} {
		_, stderr, err := parse(arg)
		if !errors.Is(err, flag.ErrHelp) {
			t.Errorf("%s: error %v, want flag.ErrHelp", arg, err)
		}
		if !strings.HasPrefix(stderr, "Usage: prog") || !strings.Contains(stderr, "how many") {
			t.Errorf("%s printed %q", arg, stderr)
		}
	}
}

func TestParseFlagsMistakePrintsOnlyTheMistake(t *testing.T) {
	t.Parallel()
	_, stderr, err := parse("-n", "two")
	if err == nil || errors.Is(err, flag.ErrHelp) {
		t.Fatalf("error %v, want a parse error", err)
	}
	want := "prog: invalid value \"two\" for flag -n: parse error\n" +
		"Run prog --help to see every flag.\n"
	if stderr != want {
		t.Errorf("stderr %q, want %q", stderr, want)
	}
}

func TestParseFlagsGoodArgsPrintNothing(t *testing.T) {
	t.Parallel()
	n, stderr, err := parse("-n", "3")
	if n != 3 || err != nil || stderr != "" {
		t.Errorf("n %d, error %v, stderr %q", n, err, stderr)
	}
}

package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
)

// ParseFlags parses args into fs and tells the person at the terminal
// what they need on stderr: for -h or --help the usage (about, then every
// flag), for a mistake only the mistake and a hint to run --help, since
// a page of flags would bury the one line that matters.
//
// It returns flag.ErrHelp after the usage, for exit status 0, any other
// error after the mistake, for exit status 2, and nil when args parse.
// fs's own Usage and output are replaced.
func ParseFlags(fs *flag.FlagSet, args []string, about string, stderr io.Writer) error {
	fs.Usage = func() {}
	fs.SetOutput(io.Discard)
	err := fs.Parse(args)
	fs.SetOutput(stderr)

	switch {
	case errors.Is(err, flag.ErrHelp):
		fmt.Fprint(stderr, about)
		fmt.Fprintln(stderr, "\nFlags:")
		fs.PrintDefaults()
	case err != nil:
		fmt.Fprintf(stderr, "%s: %v\n", fs.Name(), err)
		fmt.Fprintf(stderr, "Run %s --help to see every flag.\n", fs.Name())
	}
	return err
}

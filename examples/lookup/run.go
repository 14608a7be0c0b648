package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"strings"

	"github.com/workflowkit/clerk"
	"github.com/workflowkit/clerk/internal/cli"
)

// Exit statuses.
const (
	exitOK     = 0
	exitFailed = 1
	exitUsage  = 2
)

type options struct {
	filters cli.Filters
	all     bool
	count   bool
	format  string
	fields  string
	verbose bool
}

// run is the whole program, with its environment passed in for tests.
func run(ctx context.Context, args []string, env cli.Env, stdout, stderr io.Writer) int {
	var o options
	params, err := o.parse(args, stderr)
	if errors.Is(err, flag.ErrHelp) {
		return exitOK
	}
	if err != nil {
		return exitUsage
	}

	out, err := cli.NewWriter(stdout, o.format, o.fields)
	if err != nil {
		fmt.Fprintf(stderr, "lookup: %v\n", err)
		return exitUsage
	}

	var logger *slog.Logger
	if o.verbose {
		logger = slog.New(slog.NewTextHandler(stderr,
			&slog.HandlerOptions{Level: slog.LevelDebug}))
	}
	client, closeServer, err := cli.Connect(env, stderr, logger)
	if err != nil {
		fmt.Fprintf(stderr, "lookup: %v\n", err)
		return exitUsage
	}
	defer closeServer()

	if err := o.lookup(ctx, client, params, out, stdout); err != nil {
		fmt.Fprintf(stderr, "lookup: %v\n", err)
		return exitFailed
	}
	if !o.count && out.Count() == 0 {
		fmt.Fprintln(stderr, "lookup: no users matched")
	}
	return exitOK
}

// parse reads args into o and returns the checked query. Every error has
// been printed to stderr already; flag.ErrHelp means the usage was asked
// for and printed.
func (o *options) parse(args []string, stderr io.Writer) (*clerk.ListUsersParams, error) {
	fs := flag.NewFlagSet("lookup", flag.ContinueOnError)
	o.filters.Register(fs)
	fs.BoolVar(&o.all, "all", false, "walk every page, not just the first")
	fs.BoolVar(&o.count, "count", false, "print only the number of matching users; "+
		"the paging flags do not apply")
	fs.StringVar(&o.format, "format", "text", "output: "+strings.Join(cli.Formats, ", "))
	fs.StringVar(&o.fields, "fields", "", "comma-separated record keys to print, such "+
		"as id,primary_email_address;\nwithout it, text and jsonl print every key and csv "+
		"prints\n"+strings.Join(cli.DefaultCSVFields(), ","))
	fs.BoolVar(&o.verbose, "v", false, "log requests to stderr")

	if err := cli.ParseFlags(fs, args, usage, stderr); err != nil {
		return nil, err
	}

	params, err := o.check(fs)
	if err != nil {
		fmt.Fprintf(stderr, "lookup: %v\n", err)
	}
	return params, err
}

// check refuses what the flags cannot mean together and builds the query:
// a count's filters, or a listing's filters and paging.
func (o *options) check(fs *flag.FlagSet) (*clerk.ListUsersParams, error) {
	switch {
	case fs.NArg() > 0:
		return nil, fmt.Errorf("unexpected argument %q; filters are flags, "+
			"such as --email %s", fs.Arg(0), fs.Arg(0))
	case o.all && o.count:
		return nil, errors.New("--all and --count do not go together: a count " +
			"already covers every match; drop --all")
	case o.count:
		return o.filters.CountParams()
	}
	return o.filters.Params(fs)
}

// lookup prints the count, the first page or every page of matches.
func (o *options) lookup(ctx context.Context, client *clerk.Client,
	params *clerk.ListUsersParams, out *cli.Writer, stdout io.Writer) error {

	if o.count {
		n, err := client.CountUsers(ctx, params)
		if err != nil {
			return err
		}
		_, err = fmt.Fprintln(stdout, n)
		return err
	}

	if !o.all {
		users, err := client.ListUsers(ctx, params)
		if err != nil {
			return err
		}
		for _, u := range users {
			if err := out.Write(u); err != nil {
				return err
			}
		}
		return out.Close()
	}

	for u, err := range client.Users(ctx, params) {
		if err != nil {
			return errors.Join(err, out.Close())
		}
		if err := out.Write(u); err != nil {
			return err
		}
	}
	return out.Close()
}

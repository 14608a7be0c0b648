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
	fs := flag.NewFlagSet("lookup", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var o options
	o.filters.Register(fs)
	fs.BoolVar(&o.all, "all", false, "walk every page, not just the first")
	fs.BoolVar(&o.count, "count", false, "print only the number of matching users")
	fs.StringVar(&o.format, "format", "text", "output: "+strings.Join(cli.Formats, ", "))
	fs.StringVar(&o.fields, "fields", "", "comma-separated record keys to print, "+
		"such as id,primary_email_address")
	fs.BoolVar(&o.verbose, "v", false, "log requests to stderr")

	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "lookup: unexpected argument %q; filters are flags, "+
			"such as --email %s\n", fs.Arg(0), fs.Arg(0))
		return exitUsage
	}
	params, err := o.filters.Params(fs)
	if err != nil {
		fmt.Fprintf(stderr, "lookup: %v\n", err)
		return exitUsage
	}
	out, err := cli.NewWriter(stdout, o.format, o.fields)
	if err != nil {
		fmt.Fprintf(stderr, "lookup: %v\n", err)
		return exitUsage
	}

	var logger *slog.Logger
	if o.verbose {
		logger = slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: slog.LevelDebug}))
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
	return exitOK
}

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

package main

import (
	"cmp"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"

	"github.com/workflowkit/clerk"
	"github.com/workflowkit/clerk/clerktest"
	"github.com/workflowkit/clerk/internal/cli"
)

// Exit statuses.
const (
	exitOK     = 0
	exitFailed = 1
	exitUsage  = 2
)

// demoSeed is the seed of the users --demo-users generates, so that every
// run serves the same ones.
const demoSeed = 1

// run is the whole program, with its environment passed in for tests.
func run(ctx context.Context, args []string, env cli.Env, stdout, stderr io.Writer) int {
	o, params, err := parseFlags(args, stderr)
	if errors.Is(err, flag.ErrHelp) {
		return exitOK
	}
	if err != nil {
		if usage, ok := err.(usageError); !ok || !usage.reported {
			fmt.Fprintf(stderr, "export: %v\n", err)
		}
		return exitUsage
	}

	client, closeServer, err := connect(o, env, stderr)
	if err != nil {
		fmt.Fprintf(stderr, "export: %v\n", err)
		return exitUsage
	}
	defer closeServer()

	e := &exporter{o: o, client: client, params: params, stdout: stdout, stderr: stderr,
		source: source(o, env)}
	e.showProgress = !o.verbose && isTerminal(stderr) && (o.out != "" || !isTerminal(stdout))
	if err := e.run(ctx); err != nil {
		fmt.Fprintf(stderr, "export: %v\n", err)
		var usage usageError
		if errors.As(err, &usage) {
			return exitUsage
		}
		return exitFailed
	}
	return exitOK
}

// connect returns a client for Clerk, or for the embedded test server
// with --demo-users generated users. Its errors are mistakes in the flags
// or the environment.
func connect(o *options, env cli.Env, stderr io.Writer) (*clerk.Client, func(), error) {
	if _, set := env(clerk.EnvSecretKey); o.demoUsers > 0 && set {
		return nil, nil, fmt.Errorf("--demo-users fills the embedded test server, which "+
			"is used only without %s; unset it or drop --demo-users", clerk.EnvSecretKey)
	}

	var logger *slog.Logger
	if o.verbose {
		logger = slog.New(slog.NewTextHandler(stderr,
			&slog.HandlerOptions{Level: slog.LevelDebug}))
	}
	var serverOpts []clerktest.Option
	if o.demoUsers > 0 {
		serverOpts = append(serverOpts, clerktest.WithGeneratedUsers(o.demoUsers, demoSeed))
	}
	return cli.Connect(env, stderr, logger, serverOpts...)
}

// source names where the users come from, so that a checkpoint is not
// resumed against another instance: the API's base URL and the kind of
// instance the key opens, or the embedded server and its users. It holds
// nothing secret. Two instances of one kind behind one URL look alike.
func source(o *options, env cli.Env) string {
	key, set := env(clerk.EnvSecretKey)
	if !set {
		return fmt.Sprintf("embedded test server, %d generated users", o.demoUsers)
	}
	instance := "unknown instance"
	if cred, err := clerk.NewCredential("export", key); err == nil {
		instance = string(cred.InstanceType())
	}
	base, _ := env("CLERK_API_URL")
	return cmp.Or(base, clerk.DefaultBaseURL) + " " + instance
}

// Command credential-check tells whether a Clerk secret key works.
//
//	CLERK_SECRET_KEY=sk_live_… go run ./examples/credential-check
//
// It checks the key offline (a publishable key, a JWT or a mangled copy
// is refused before anything is sent), then sends one cheap request and
// prints the verdict, the instance type and the round-trip time. Without
// CLERK_SECRET_KEY it checks the embedded test server's key; a
// CLERK_SECRET_KEY set to "" is a malformed key. It exits 0 when the key
// works (and for --help), 1 when it does not, and 2 when the key is
// malformed or a flag is wrong.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"time"

	"github.com/workflowkit/clerk"
	"github.com/workflowkit/clerk/internal/cli"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := run(ctx, os.Args[1:], os.LookupEnv, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// usage is what --help prints before the flags.
const usage = `Usage: credential-check [flags]

Checks the secret key in CLERK_SECRET_KEY offline, then with one request,
and prints the verdict. Exit status: 0 when the key works, 1 when it does
not, 2 when it is malformed or a flag is wrong.

` + cli.EnvHelp

// run is the whole program, with its environment passed in for tests.
func run(ctx context.Context, args []string, env cli.Env, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("credential-check", flag.ContinueOnError)
	timeout := fs.Duration("timeout", 10*time.Second, "how long to wait for Clerk")
	err := cli.ParseFlags(fs, args, usage, stderr)
	switch {
	case errors.Is(err, flag.ErrHelp):
		return 0
	case err != nil:
		return 2
	case fs.NArg() > 0:
		// The argument is not echoed: it may well be the key.
		fmt.Fprintf(stderr, "credential-check: takes no arguments; it reads the key "+
			"from %s only, which keeps it out of the shell's history\n",
			clerk.EnvSecretKey)
		return 2
	}

	client, closeServer, err := cli.Connect(env, stderr, nil)
	if err != nil {
		fmt.Fprintf(stderr, "credential-check: %v\n", err)
		return 2
	}
	defer closeServer()

	ctx, cancel := context.WithTimeout(ctx, *timeout)
	defer cancel()
	check, err := client.TestCredential(ctx)

	fmt.Fprintf(stdout, "credential: %v\n", client.Credential())
	fmt.Fprintf(stdout, "api:        %s\n", client.BaseURL())
	fmt.Fprintf(stdout, "verdict:    %s\n", check.Status)
	fmt.Fprintf(stdout, "message:    %s\n", check.Message)
	fmt.Fprintf(stdout, "round trip: %s\n", check.RoundTrip.Round(time.Millisecond))
	if check.TraceID != "" {
		fmt.Fprintf(stdout, "trace id:   %s\n", check.TraceID)
	}
	if err != nil {
		return 1
	}
	return 0
}

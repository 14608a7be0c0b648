// Command credential-check tells whether a Clerk secret key works.
//
//	CLERK_SECRET_KEY=sk_live_… go run ./examples/credential-check
//
// It checks the key offline (a publishable key, a JWT or a mangled copy
// is refused before anything is sent), then sends one cheap request and
// prints the verdict, the instance type and the round-trip time. Without
// CLERK_SECRET_KEY it checks the embedded test server's key. It exits 0
// when the key works, 1 when it does not, and 2 when the key is malformed.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"time"

	"github.com/workflowkit/clerk/internal/cli"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := run(ctx, os.Args[1:], os.Getenv, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

func run(ctx context.Context, args []string, env cli.Env, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("credential-check", flag.ContinueOnError)
	fs.SetOutput(stderr)
	timeout := fs.Duration("timeout", 10*time.Second, "how long to wait for Clerk")
	if err := fs.Parse(args); err != nil {
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

// Command lookup finds Clerk users by any identifier or filter and prints
// them.
//
//	go run ./examples/lookup --email ada.lovelace@example.com
//
// With CLERK_SECRET_KEY set it asks Clerk (or the API at CLERK_API_URL).
// Without it, it starts an embedded test server with demo users and says
// so on stderr, so it works on a fresh clone without a Clerk account. A
// CLERK_SECRET_KEY set to "" is an error, not the demo server, and so is
// CLERK_API_URL without CLERK_SECRET_KEY.
//
// By default it prints the first page of matches (--limit users); --all
// walks every page, --count prints only how many users match. --help
// prints every flag and exits 0; bad flags exit with status 2, failed
// requests with status 1. No match prints nothing on stdout (a CSV
// header only) and says so on stderr, with status 0.
package main

import (
	"context"
	"os"
	"os/signal"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := run(ctx, os.Args[1:], os.LookupEnv, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

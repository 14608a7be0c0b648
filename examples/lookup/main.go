// Command lookup finds Clerk users by any identifier or filter and prints
// them.
//
//	go run ./examples/lookup --email ada.lovelace@example.com
//
// With CLERK_SECRET_KEY set it asks Clerk (or the API at CLERK_API_URL).
// Without it, it starts an embedded test server with demo users and says
// so on stderr, so it works on a fresh clone without a Clerk account.
//
// By default it prints the first page of matches (--limit users); --all
// walks every page, --count prints only how many users match. Bad flags
// exit with status 2, failed requests with status 1.
package main

import (
	"context"
	"os"
	"os/signal"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := run(ctx, os.Args[1:], os.Getenv, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

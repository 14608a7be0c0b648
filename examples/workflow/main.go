// Command workflow runs a "List Users" step file against a workflow's data
// and prints what the step copies out of Clerk:
//
//	go run ./examples/workflow --step examples/workflow/fraud.step.json \
//		--data examples/workflow/fraud.data.json
//	echo '{"case":{"customer":{"email":"ada.lovelace@example.com"}}}' |
//		go run ./examples/workflow --step examples/workflow/fraud.step.json
//
// The data is one JSON object, read from --data or from stdin, with
// nothing after it. Its nested members become the keys that the step's
// placeholders name: {"case":{"customer":{"email":"x"}}} fills
// {{case.customer.email}}, as {"case.customer.email":"x"} does; list
// items go by index ({{case.emails.0}}); numbers and booleans become their
// text; null is no value. A key given twice, by a repeated name or by both
// spellings, is an error, as is a placeholder that names an object or a
// list, which has no one value to give.
//
// With CLERK_SECRET_KEY set it asks Clerk (or the API at CLERK_API_URL).
// Without it, it starts an embedded test server with demo users and says
// so on stderr. It prints {"matches": N, "records": [...]} as JSON. A bad
// step file, bad data or bad flags exit with status 2; a failed lookup, or
// a policy of the step that turns the answer into an error, with status 1.
package main

import (
	"context"
	"os"
	"os/signal"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := run(ctx, os.Args[1:], os.LookupEnv, os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

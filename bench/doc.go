// Package bench measures github.com/workflowkit/clerk: how fast it reads
// a whole Clerk instance compared with the official SDK and with the
// network's floor (cmd/scanbench), how its client-side rate limit spares
// Clerk's 429s (cmd/ratebench), and how fast it decodes and flattens a
// page of users (the benchmarks of this package). It is a module of its
// own, so that the library does not depend on the official SDK. run.sh
// runs everything and writes the raw results to results/.
package bench

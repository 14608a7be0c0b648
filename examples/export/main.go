// Command export writes every Clerk user that matches the filters to a
// file or to standard output, as CSV with a header row or as JSON lines.
//
//	go run . --out users.csv
//	go run . --banned --format jsonl --fields id,primary_email_address
//	go run . --demo-users 100000 --out users.csv
//	go run . --since state.json --out new-users.csv
//	go run . --resume --out users.csv
//
// It takes the filter flags of the lookup example (--email, --org-id,
// --created-after, …) and these:
//
//   - --format csv (default) or jsonl; --fields picks the flattened record
//     keys written, in order (the default is DefaultFields). A key that a
//     user lacks is an empty CSV cell or a JSON null; a key that Clerk's
//     user schema lacks, such as a misspelt one, is refused (exit 2).
//   - --out FILE writes FILE instead of standard output; --out - writes
//     standard output. A directory or an empty name is refused (exit 2)
//     before anything is fetched.
//   - --concurrency N fetches N pages at once (ScanUsers' workers).
//   - --since STATEFILE exports only the users that are new since the
//     previous run with the same STATEFILE, and --since-field chooses what
//     "new" follows: created_at (default), last_sign_in_at or
//     last_active_at.
//   - --resume makes an export to --out FILE resumable, and resumes one
//     that was interrupted.
//   - --demo-users N fills the embedded test server with N generated users
//     instead of the demo users, for trying large exports.
//   - --limit is the page size, 500 unless given.
//
// With CLERK_SECRET_KEY set it reads Clerk (or the API at CLERK_API_URL);
// without it, an embedded test server, as the lookup example does.
//
// A progress bar with the count, the rate and the time left is drawn on
// standard error when standard error is a terminal (and the rows do not go
// to that same terminal); otherwise the program is quiet unless it fails.
// Exit status: 0 when every matching user was written, 1 when the export
// failed, 2 for bad flags.
//
// # Memory
//
// Rows are streamed, so memory does not grow with the number of users but
// with the pages in flight: each --concurrency worker holds up to one page
// (about 4 MB of decoded users at 500 a page) besides a fixed 25 MB or
// so. Exporting 1,000,000 users to CSV from a separate server peaked at
// about 60 MB of resident memory with the default 8 workers, 30 MB with
// 1 or with --resume, and 85 MB with 16. Lower --concurrency or --limit
// to use less. The embedded test server holds its users in the same
// process: --demo-users 1000000 alone takes about 9 GB.
//
// # Output files
//
// With --out FILE the rows go to FILE.partial, which is renamed to FILE
// once every row is written and synced to disk, so FILE is never a half
// export: it holds the previous content until the new one is whole. A
// failed export without --resume removes FILE.partial.
//
// # Incremental exports
//
// --since STATEFILE reads a clerk.Watermark, as JSON, from STATEFILE when
// it exists (from the beginning when it does not), exports what
// clerk.Client.Incremental yields after it, and then replaces STATEFILE
// with the new watermark: a temporary file, synced, renamed over it. It
// does so only after the output was flushed and closed (and FILE renamed
// into place), so a failed run leaves STATEFILE as it was and the next
// run exports the same users again. A run killed after FILE is in place
// but before STATEFILE is replaced does the same: an incremental export
// may repeat users across runs in that case, and never misses one.
//
// The state file also holds a fingerprint of the filters and the instance
// (as a checkpoint does, without --format and --fields, which change no
// user). A run with other filters or against another instance refuses it
// (exit 2), since its watermark would skip users: keep one state file per
// set of filters and instance. A state file written before the
// fingerprint existed has none; it is accepted, and the next successful
// run adds the fingerprint.
//
// # Resuming
//
// Without --resume the users are read by several workers at once
// (ScanUsers) in no order, so an interrupted export has no position to
// continue from and is simply run again. With --resume the export walks
// the users one page at a time in ascending creation order (created_at,
// then id, as Clerk orders them), which gives every written row a
// position. After each page it makes a checkpoint:
//
//  1. flush the rows and fsync FILE.partial;
//  2. write FILE.checkpoint.tmp with the position of the last row written
//     (its created_at and id), the byte length of FILE.partial at that
//     moment, the number of rows, a hash of the file's last 4 KiB and a
//     fingerprint of --format, --fields, the filters and the instance (the
//     API's URL and the key's kind, or the embedded server); fsync it;
//  3. rename it to FILE.checkpoint.
//
// Each step completes before the next starts, so whenever the process
// dies, FILE.checkpoint is either absent or names a length of
// FILE.partial that holds whole rows only, all of them at or before its
// position. Bytes after that length are rows written after the
// checkpoint, possibly the first half of one.
//
// A run with --resume that finds FILE.checkpoint refuses it if the
// fingerprint differs (other flags or instance: exit 2), or if
// FILE.partial is shorter than the checkpoint's length or its 4 KiB
// before that length differ (the file was changed: exit 1). Otherwise it
// truncates FILE.partial to that length, which drops everything written
// after the checkpoint, and walks on from the position: with Clerk's
// starting_after cursor at the checkpoint's user, or, when Clerk refuses
// the cursor because that user was deleted meanwhile, from the
// checkpoint's millisecond with a created_at bound, skipping the users at
// or before the position. No row is written twice and none is lost. A run
// with --resume that finds no checkpoint starts from the beginning.
//
// When the walk ends, the program flushes, fsyncs and closes
// FILE.partial, removes FILE.checkpoint, then renames FILE.partial to
// FILE. Dying between the last two steps leaves a whole FILE.partial
// without checkpoint; the next --resume run starts over, which costs time
// and is still correct. An export without --resume removes any
// FILE.checkpoint before it writes FILE.partial, so that a later --resume
// cannot continue a checkpoint of an earlier file.
//
// An interrupt (Ctrl-C, SIGTERM) or a failed request ends a resumable
// export with a checkpoint at its last row, and the message says to run
// it again with --resume. An interrupted export without --resume says to
// run it again (and to use --resume next time), or with --since that its
// state file is unchanged. The syncs make the checkpoint hold across a
// power loss too, not only a killed process. Only one export at a time
// may write to FILE: two would share FILE.partial and FILE.checkpoint.
//
// Known limits of --resume: it reads one page at a time, since each page
// starts after the previous one's last user, so it is slower than the
// concurrent scan (a resumable scan would need a checkpoint per scan
// window and one output file per window, merged at the end). It cannot be
// combined with --since: an incremental run is re-run whole instead, which
// its state file makes safe. A user created during the export with a
// creation time before the checkpoint's position, which Clerk does not
// do, would be missed by a resumed run.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.LookupEnv, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

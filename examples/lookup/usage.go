package main

import "github.com/workflowkit/clerk/internal/cli"

// usage is what --help prints before the flags.
const usage = `Usage: lookup [flags]

Finds Clerk users by any identifier or filter of GET /v1/users and prints
them: the first page of matches (--limit users, Clerk's 10 by default),
every page with --all, or only how many match with --count.

Repeatable flags match any of their values; different flags must all
match. Exact values (--email, --phone, --username) are compared with what
Clerk stores: email addresses usually in lower case, phone numbers in
E.164. Exit status: 0 when the lookup ran (even if no user matched, which
stderr says), 1 when a request failed, 2 for a mistake in the flags or the
environment.

Examples:
  lookup --email ada.lovelace@example.com
  lookup --name-query lovel --format jsonl
  lookup --banned --all --format csv --fields id,primary_email_address,banned

` + cli.EnvHelp

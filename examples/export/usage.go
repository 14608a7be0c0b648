package main

import "github.com/workflowkit/clerk/internal/cli"

// usage is what --help prints before the flags.
const usage = `Usage: export [flags]

Writes every Clerk user that matches the filters to a file (--out FILE) or
to standard output, as CSV with a header row or as JSON lines. Exit status:
0 when every matching user was written, 1 when the export failed, 2 for a
mistake in the flags or the environment.

Examples:
  export --out users.csv
  export --banned --format jsonl --fields id,primary_email_address
  export --since state.json --out new-users.csv
  export --resume --out users.csv

` + cli.EnvHelp

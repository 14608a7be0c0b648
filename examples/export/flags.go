package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/workflowkit/clerk"
	"github.com/workflowkit/clerk/internal/cli"
)

// DefaultFields are the record keys written when --fields is not given:
// who the user is, how to reach them, their standing and their dates (in
// Unix milliseconds, as Clerk sends them; the keys with an _rfc3339
// suffix give the same times as text).
var DefaultFields = []string{
	"id", "primary_email_address", "primary_phone_number", "username",
	"first_name", "last_name", "external_id", "banned", "locked",
	"created_at", "last_sign_in_at", "last_active_at",
}

// Formats lists the values of --format.
var Formats = []string{"csv", "jsonl"}

// pagingFlags are the flags of cli.Filters that position a page, which
// an export of every match refuses.
var pagingFlags = []string{"order-by", "offset", "starting-after"}

// maxConcurrency bounds --concurrency: more workers than this only wait
// for the rate limit.
const maxConcurrency = 64

// options are the parsed flags.
type options struct {
	filters     cli.Filters
	format      string
	fieldList   string
	fields      []string
	out         string
	concurrency int
	since       string
	sinceField  string
	resume      bool
	demoUsers   int
	verbose     bool

	set map[string]bool // the flags given on the command line
}

// usageError is a mistake in the flags: the program exits with status 2.
// reported says that cli.ParseFlags has printed it already.
type usageError struct {
	error
	reported bool
}

func usagef(format string, args ...any) error {
	return usageError{error: fmt.Errorf(format, args...)}
}

// parseFlags reads args into options and the filters' params. Every
// error is a usageError, or flag.ErrHelp after --help.
func parseFlags(args []string, stderr io.Writer) (*options, *clerk.ListUsersParams, error) {
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	o := &options{set: map[string]bool{}}
	o.register(fs)

	// A mistake gets one line and a hint to run --help, not every flag.
	if err := cli.ParseFlags(fs, args, usage, stderr); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil, nil, err
		}
		return nil, nil, usageError{error: err, reported: true}
	}
	fs.Visit(func(f *flag.Flag) { o.set[f.Name] = true })
	if fs.NArg() > 0 {
		return nil, nil, usagef("unexpected argument %q; filters are flags, "+
			"such as --email %s", fs.Arg(0), fs.Arg(0))
	}

	if err := o.check(); err != nil {
		return nil, nil, err
	}
	params, err := o.filters.Params(fs)
	if err != nil {
		return nil, nil, usageError{error: err}
	}
	if !o.set["limit"] {
		params.Limit(clerk.MaxUsersLimit)
	}
	return o, params, nil
}

func (o *options) register(fs *flag.FlagSet) {
	o.filters.Register(fs)
	// The shared paging flags mean something else here, or nothing.
	fs.Lookup("limit").Usage = "page size, 1 to 500 (default 500)"
	for _, name := range pagingFlags {
		fs.Lookup(name).Usage = "not for export, which reads every match (see lookup)"
	}
	fs.StringVar(&o.format, "format", "csv", "output: "+strings.Join(Formats, " or "))
	fs.StringVar(&o.fieldList, "fields", strings.Join(DefaultFields, ","),
		"comma-separated record keys to write, in order")
	fs.StringVar(&o.out, "out", "", "write to this file (default standard output)")
	fs.IntVar(&o.concurrency, "concurrency", clerk.DefaultScanConcurrency,
		"pages fetched at once, 1 to 64; each holds about 4 MB in memory")
	fs.StringVar(&o.since, "since", "", "state file: export only users new since the "+
		"run that wrote it, then update it")
	fs.StringVar(&o.sinceField, "since-field", string(clerk.WatermarkCreatedAt),
		"what --since follows: created_at, last_sign_in_at or last_active_at")
	fs.BoolVar(&o.resume, "resume", false, "make the export to --out resumable, "+
		"and resume an interrupted one")
	fs.IntVar(&o.demoUsers, "demo-users", 0, "without CLERK_SECRET_KEY: fill the "+
		"embedded server with this many generated users")
	fs.BoolVar(&o.verbose, "v", false, "log requests to stderr (hides the progress bar)")
}

// check validates the flags that are this program's own and how they
// combine.
func (o *options) check() error {
	if !slices.Contains(Formats, o.format) {
		return usagef("--format: want %s, got %q", strings.Join(Formats, " or "), o.format)
	}
	fields, err := parseFields(o.fieldList)
	if err != nil {
		return err
	}
	o.fields = fields

	for _, name := range pagingFlags {
		if o.set[name] {
			return usagef("--%s: export reads every matching user, in no set order "+
				"(oldest first with --resume); use the lookup example to page", name)
		}
	}
	if o.concurrency < 1 || o.concurrency > maxConcurrency {
		return usagef("--concurrency: want 1 to %d, got %d", maxConcurrency, o.concurrency)
	}
	if o.demoUsers < 0 {
		return usagef("--demo-users: want 0 or more, got %d", o.demoUsers)
	}
	if err := o.checkSince(); err != nil {
		return err
	}
	if err := o.checkOut(); err != nil {
		return err
	}
	if err := o.checkResume(); err != nil {
		return err
	}
	return o.checkStateDir()
}

func (o *options) checkSince() error {
	switch clerk.WatermarkField(o.sinceField) {
	case clerk.WatermarkCreatedAt, clerk.WatermarkLastSignInAt, clerk.WatermarkLastActiveAt:
	default:
		return usagef("--since-field: want created_at, last_sign_in_at or "+
			"last_active_at, got %q", o.sinceField)
	}
	if o.set["since-field"] && o.since == "" {
		return usagef("--since-field needs --since STATEFILE")
	}
	return nil
}

func (o *options) checkResume() error {
	if !o.resume {
		return nil
	}
	switch {
	case o.out == "":
		return usagef("--resume needs --out FILE: standard output cannot be " +
			"truncated and continued")
	case o.since != "":
		return usagef("--resume cannot be combined with --since: run an " +
			"incremental export again instead; its state file only advances " +
			"after a whole run")
	case o.set["concurrency"]:
		return usagef("--concurrency does not apply with --resume, which reads " +
			"one page at a time in creation order; drop one of them")
	}
	return nil
}

// parseFields reads --fields with cli.ParseFields, which checks every key
// against Clerk's user schema (suggesting the key meant) and refuses a key
// given twice; at least one key is needed.
func parseFields(list string) ([]string, error) {
	fields, err := cli.ParseFields(list)
	if err != nil {
		return nil, usageError{error: err}
	}
	if len(fields) == 0 {
		return nil, usagef("--fields: name at least one record key, such as id")
	}
	return fields, nil
}

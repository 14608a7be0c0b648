package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"os"
	"strings"
	"testing"

	"github.com/workflowkit/clerk/clerktest"
	"github.com/workflowkit/clerk/internal/cli"
)

// liveKey is the key the tests' servers accept. An sk_live_ key gives
// the client production's rate limit (1000 requests per 10 s), so that
// scans of tens of thousands of users do not wait on the development
// limit of 100.
const liveKey = "sk_live_exporttestexporttestexporttestexporttest"

// newServer starts a test server that accepts liveKey and closes it when
// the test ends.
func newServer(t testing.TB, opts ...clerktest.Option) *clerktest.Server {
	t.Helper()
	srv := clerktest.NewServer(append([]clerktest.Option{clerktest.WithSecretKey(liveKey)},
		opts...)...)
	t.Cleanup(srv.Close)
	return srv
}

// envFor points the program at srv.
func envFor(srv *clerktest.Server) cli.Env {
	return cli.MapEnv(map[string]string{
		"CLERK_SECRET_KEY": srv.SecretKey(),
		"CLERK_API_URL":    srv.URL,
	})
}

// noEnv leaves CLERK_SECRET_KEY unset: the program starts its embedded
// server.
var noEnv = cli.MapEnv(nil)

// export runs the program in this process.
func export(t testing.TB, env cli.Env, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	return exportContext(context.Background(), t, env, args...)
}

func exportContext(ctx context.Context, t testing.TB, env cli.Env,
	args ...string) (code int, stdout, stderr string) {

	t.Helper()
	var out, errOut bytes.Buffer
	code = run(ctx, args, env, &out, &errOut)
	return code, out.String(), errOut.String()
}

// mustExport runs the program and fails the test unless it succeeds.
func mustExport(t testing.TB, env cli.Env, args ...string) (stdout string) {
	t.Helper()
	code, out, errOut := export(t, env, args...)
	if code != exitOK {
		t.Fatalf("export %v: exit %d, stderr:\n%s", args, code, errOut)
	}
	return out
}

// parseCSV reads CSV text whose every row has as many cells as its
// header, and returns the header and the rows.
func parseCSV(t testing.TB, text string) (header []string, rows [][]string) {
	t.Helper()
	all, err := csv.NewReader(strings.NewReader(text)).ReadAll()
	if err != nil {
		t.Fatalf("the output is not CSV with rows of equal length: %v", err)
	}
	if len(all) == 0 {
		t.Fatal("the output has no header row")
	}
	return all[0], all[1:]
}

// readFile returns a file's content.
func readFile(t testing.TB, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// column returns the index of name in header.
func column(t testing.TB, header []string, name string) int {
	t.Helper()
	for i, h := range header {
		if h == name {
			return i
		}
	}
	t.Fatalf("header %v lacks %q", header, name)
	return -1
}

// exists reports whether path exists.
func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

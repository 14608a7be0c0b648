package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"

	"github.com/workflowkit/clerk/bench/internal/measure"
)

// The commands the server process answers, one a line on its input.
const (
	cmdIDs = "ids" // the ids of the server's users, as a JSON array
	cmdLog = "log" // the request log, as a JSON array of loggedRequest
	cmdCPU = "cpu" // the server process's CPU time so far, in nanoseconds
)

// loggedRequest is what the server process reports of one request. The
// headers, which hold the key, stay in the child.
type loggedRequest struct {
	Path     string `json:"path"`
	RawQuery string `json:"raw_query"`
	Status   int    `json:"status"`
}

// serveChild is the server process of one run (--serve): it starts the
// server, writes its URL as the first line of its output, answers
// commands from its input, one JSON line each, and shuts the server down
// when its input ends.
func serveChild(cfg config, in io.Reader, out io.Writer) error {
	srv := newServer(cfg)
	defer srv.Close()
	w := bufio.NewWriter(out)
	fmt.Fprintln(w, srv.URL)
	if err := w.Flush(); err != nil {
		return err
	}

	lines := bufio.NewScanner(in)
	for lines.Scan() {
		var answer any
		switch cmd := lines.Text(); cmd {
		case cmdIDs:
			var ids []string
			for _, u := range srv.Users() {
				ids = append(ids, u.ID)
			}
			answer = ids
		case cmdLog:
			var logged []loggedRequest
			for _, r := range srv.Requests() {
				logged = append(logged, loggedRequest{r.Path, r.RawQuery, r.Status})
			}
			answer = logged
		case cmdCPU:
			answer = measure.ProcessCPU().Nanoseconds()
		default:
			return fmt.Errorf("server process: unknown command %q; want %q, %q or %q",
				cmd, cmdIDs, cmdLog, cmdCPU)
		}
		if err := writeLine(w, answer); err != nil {
			return err
		}
	}
	return lines.Err()
}

// writeLine writes v as one line of JSON and flushes it.
func writeLine(w *bufio.Writer, v any) error {
	if err := json.NewEncoder(w).Encode(v); err != nil {
		return err
	}
	return w.Flush()
}

// serveMain is main for --serve.
func serveMain(cfg config) {
	if err := serveChild(cfg, os.Stdin, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "scanbench:", err)
		os.Exit(1)
	}
}

package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"time"

	"github.com/workflowkit/clerk"
	"github.com/workflowkit/clerk/clerktest"
)

// liveKey is the key the server accepts. It is an sk_live_ key so that
// the library's client applies its production default, 1000 requests per
// 10s, as the server does.
const liveKey = "sk_live_scanbench0000000000000000000000000"

// newServer starts a server with the benchmark's users, Clerk's
// production rate limit and the configured latency.
func newServer(cfg config) *clerktest.Server {
	return clerktest.NewServer(
		clerktest.WithSecretKey(liveKey),
		clerktest.WithGeneratedUsers(cfg.users, cfg.seed),
		clerktest.WithRateLimit(clerk.ProductionRequestsPer10s, 10*time.Second),
		clerktest.WithLatency(cfg.latency),
	)
}

// serverProc is a test server running in a child process (see child.go),
// so that the heap and CPU time measured in this process are the
// client's alone. A fresh one per run gives each run a fresh rate-limit
// window and request log.
type serverProc struct {
	// URL is the server's base URL, as clerktest.Server.URL.
	URL string

	cmd *exec.Cmd
	in  io.WriteCloser
	out *bufio.Reader
}

// startServer starts a child process serving the benchmark's users and
// waits until it listens.
func startServer(cfg config) (*serverProc, error) {
	exe, err := os.Executable()
	if err != nil {
		return nil, fmt.Errorf("finding this program to start the server: %w", err)
	}
	cmd := exec.Command(exe, "--serve", "--users", fmt.Sprint(cfg.users),
		"--seed", fmt.Sprint(cfg.seed), "--latency", cfg.latency.String())
	cmd.Stderr = os.Stderr
	in, err := cmd.StdinPipe()
	if err != nil {
		return nil, err
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("starting the server process: %w", err)
	}

	p := &serverProc{cmd: cmd, in: in, out: bufio.NewReaderSize(out, 1<<20)}
	line, err := p.out.ReadString('\n')
	if err != nil {
		p.Close()
		return nil, fmt.Errorf("the server process did not say its URL: %w", err)
	}
	p.URL = strings.TrimSpace(line)
	return p, nil
}

// ask sends a command to the child and decodes its one-line answer.
func (p *serverProc) ask(command string, answer any) error {
	if _, err := io.WriteString(p.in, command+"\n"); err != nil {
		return fmt.Errorf("asking the server process for %s: %w", command, err)
	}
	line, err := p.out.ReadBytes('\n')
	if err != nil {
		return fmt.Errorf("reading the server process's %s: %w", command, err)
	}
	return json.Unmarshal(line, answer)
}

// IDs returns the ids of the server's users.
func (p *serverProc) IDs() ([]string, error) {
	var ids []string
	err := p.ask(cmdIDs, &ids)
	return ids, err
}

// Requests returns the server's request log, with the fields the
// benchmark reads: Path, RawQuery and Status.
func (p *serverProc) Requests() ([]clerktest.Request, error) {
	var logged []loggedRequest
	if err := p.ask(cmdLog, &logged); err != nil {
		return nil, err
	}
	reqs := make([]clerktest.Request, len(logged))
	for i, r := range logged {
		reqs[i] = clerktest.Request{Path: r.Path, RawQuery: r.RawQuery, Status: r.Status}
	}
	return reqs, nil
}

// CPU returns the CPU time the server process has used so far.
func (p *serverProc) CPU() (time.Duration, error) {
	var ns int64
	err := p.ask(cmdCPU, &ns)
	return time.Duration(ns), err
}

// Close stops the child: closing its input makes it shut the server
// down and exit.
func (p *serverProc) Close() error {
	p.in.Close()
	return p.cmd.Wait()
}

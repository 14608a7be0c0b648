package main

import (
	"bufio"
	"encoding/json"
	"io"
	"strings"
	"testing"
)

// TestServeChildAnswersEachCommand drives the server process's protocol
// in memory: the URL first, then one JSON line per command, then a clean
// end when the input ends.
func TestServeChildAnswersEachCommand(t *testing.T) {
	cfg := config{users: 20, seed: 1}
	in := strings.NewReader(cmdIDs + "\n" + cmdLog + "\n" + cmdCPU + "\n")
	r, w := io.Pipe()
	done := make(chan error, 1)
	go func() {
		done <- serveChild(cfg, in, w)
		w.Close()
	}()

	out := bufio.NewReader(r)
	url, _ := out.ReadString('\n')
	if !strings.HasPrefix(url, "http://127.0.0.1:") {
		t.Errorf("first line %q, want the server's URL", url)
	}
	var ids []string
	decodeLine(t, out, &ids)
	if len(ids) != cfg.users {
		t.Errorf("got %d ids, want %d", len(ids), cfg.users)
	}
	var logged []loggedRequest
	decodeLine(t, out, &logged)
	if len(logged) != 0 {
		t.Errorf("log of an unused server has %d requests, want 0", len(logged))
	}
	var cpu int64
	decodeLine(t, out, &cpu)
	if cpu < 0 {
		t.Errorf("cpu %d, want a duration", cpu)
	}

	io.Copy(io.Discard, out)
	if err := <-done; err != nil {
		t.Errorf("serveChild: %v", err)
	}
}

func TestServeChildRefusesUnknownCommand(t *testing.T) {
	err := serveChild(config{users: 1, seed: 1}, strings.NewReader("bogus\n"), io.Discard)
	if err == nil || !strings.Contains(err.Error(), `"bogus"`) {
		t.Errorf("serveChild(bogus) = %v, want an error naming the command", err)
	}
}

func decodeLine(t *testing.T, r *bufio.Reader, v any) {
	t.Helper()
	line, err := r.ReadBytes('\n')
	if err != nil {
		t.Fatalf("reading an answer: %v", err)
	}
	if err := json.Unmarshal(line, v); err != nil {
		t.Fatalf("decoding %q: %v", line, err)
	}
}

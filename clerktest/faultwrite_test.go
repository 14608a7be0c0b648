package clerktest

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// outcome is what a plain net/http client saw of one request.
type outcome struct {
	status int
	header http.Header
	body   []byte
	err    error         // from Do, or from reading the body
	head   time.Duration // until the status and headers arrived
	total  time.Duration // until the body was read, or the error
}

// try sends an authorised GET of pathQuery with client and reads the
// answer, keeping errors instead of failing the test.
func try(t testing.TB, client *http.Client, srv *Server, pathQuery string) outcome {
	t.Helper()
	req := authorized(t, srv, pathQuery)

	start := time.Now()
	resp, err := client.Do(req)
	if err != nil {
		return outcome{err: err, head: time.Since(start), total: time.Since(start)}
	}
	defer resp.Body.Close()
	out := outcome{status: resp.StatusCode, header: resp.Header, head: time.Since(start)}

	out.body, out.err = io.ReadAll(resp.Body)
	out.total = time.Since(start)
	return out
}

// freshClient returns a client that opens a connection for each request,
// so that Go's transport never resends a request after a reset (see
// WithFaults).
func freshClient(t testing.TB) *http.Client {
	tr := &http.Transport{DisableKeepAlives: true}
	t.Cleanup(tr.CloseIdleConnections)
	return &http.Client{Transport: tr}
}

// isReset reports whether err is how a client sees a connection closed
// without an answer: a reset, or an end of file.
func isReset(err error) bool {
	return errors.Is(err, syscall.ECONNRESET) || errors.Is(err, io.EOF)
}

// faultPage is the query of the real answer that faults spoil.
const faultPage = "/users?limit=5"

func TestFaultKinds(t *testing.T) {
	t.Parallel()
	const delay = 30 * time.Millisecond
	cases := []struct {
		name      string
		fault     Fault
		logStatus int
		check     func(t *testing.T, got outcome, real []byte)
	}{
		{"none", Fault{}, 200, func(t *testing.T, got outcome, real []byte) {
			if got.err != nil || got.status != 200 || !bytes.Equal(got.body, real) {
				t.Errorf("got %d %q, %v; want the real page", got.status, got.body, got.err)
			}
		}},
		{"none with delay", Fault{Delay: delay}, 200, func(t *testing.T, got outcome, real []byte) {
			if got.status != 200 || got.head < delay {
				t.Errorf("got %d after %v, want 200 after %v", got.status, got.head, delay)
			}
		}},
		{"status 429", Fault{
			Kind: FaultStatus, Status: 429, Header: http.Header{"Retry-After": {"2"}},
		}, 429, func(t *testing.T, got outcome, real []byte) {
			res := result{status: got.status, header: got.header, body: got.body}
			want := wantError{Status: 429, Code: codeTooManyRequests}
			if e := errorOf(t, res); e != want {
				t.Errorf("%+v, want %+v", e, want)
			}
			if ra := got.header.Get("Retry-After"); ra != "2" {
				t.Errorf("Retry-After %q, want 2", ra)
			}
		}},
		{"status default", Fault{Kind: FaultStatus}, 500, func(t *testing.T, got outcome, real []byte) {
			res := result{status: got.status, header: got.header, body: got.body}
			want := wantError{Status: 500, Code: codeInternal}
			if e := errorOf(t, res); e != want {
				t.Errorf("%+v, want %+v", e, want)
			}
		}},
		{"status with body", Fault{
			Kind: FaultStatus, Status: 503, Body: "down",
			Header: http.Header{"Content-Type": {"text/plain"}},
		}, 503, func(t *testing.T, got outcome, real []byte) {
			ct := got.header.Get("Content-Type")
			if got.status != 503 || string(got.body) != "down" || ct != "text/plain" {
				t.Errorf("got %d %q as %q, want 503 \"down\" as text/plain",
					got.status, got.body, ct)
			}
		}},
		{"status after delay", Fault{Kind: FaultStatus, Status: 502, Delay: delay}, 502,
			func(t *testing.T, got outcome, real []byte) {
				if got.status != 502 || got.head < delay {
					t.Errorf("got %d after %v, want 502 after %v", got.status, got.head, delay)
				}
			}},
		{"reset", Fault{Kind: FaultReset}, 0, func(t *testing.T, got outcome, real []byte) {
			if !isReset(got.err) || got.status != 0 {
				t.Errorf("got %d, error %v; want a reset or EOF and no answer",
					got.status, got.err)
			}
		}},
		{"truncate", Fault{Kind: FaultTruncate}, 200, func(t *testing.T, got outcome, real []byte) {
			if !errors.Is(got.err, io.ErrUnexpectedEOF) {
				t.Errorf("reading the body: %v, want io.ErrUnexpectedEOF", got.err)
			}
			cl := got.header.Get("Content-Length")
			half := real[:len(real)/2]
			if got.status != 200 || cl != strconv.Itoa(len(real)) || !bytes.Equal(got.body, half) {
				t.Errorf("got %d, Content-Length %s, %d bytes; want 200, %d, the first %d",
					got.status, cl, len(got.body), len(real), len(real)/2)
			}
		}},
		{"slow body", Fault{Kind: FaultSlowBody, Delay: delay}, 200,
			func(t *testing.T, got outcome, real []byte) {
				if got.err != nil || got.status != 200 || !bytes.Equal(got.body, real) {
					t.Errorf("got %d, %d bytes, %v; want the real page", got.status,
						len(got.body), got.err)
				}
				if body := got.total - got.head; body < delay {
					t.Errorf("the body took %v, want at least %v", body, delay)
				}
			}},
		{"invalid JSON", Fault{Kind: FaultInvalidJSON}, 200,
			func(t *testing.T, got outcome, real []byte) {
				ct := got.header.Get("Content-Type")
				if got.status != 200 || json.Valid(got.body) || ct != "application/json" {
					t.Errorf("got %d %q as %q, want 200, not JSON, as application/json",
						got.status, got.body, ct)
				}
			}},
		{"HTML", Fault{Kind: FaultHTML}, 502, func(t *testing.T, got outcome, real []byte) {
			checkHTML(t, got, 502, "502 Bad Gateway")
		}},
		{"HTML 504", Fault{Kind: FaultHTML, Status: 504}, 504,
			func(t *testing.T, got outcome, real []byte) {
				checkHTML(t, got, 504, "504 Gateway Timeout")
			}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			srv := newTestServer(t, WithDemoUsers(), WithFaults(tc.fault))
			client := freshClient(t)

			got := try(t, client, srv, faultPage)
			real := try(t, client, srv, faultPage) // the script has ended
			if real.status != 200 || real.err != nil {
				t.Fatalf("second request: %d, %v; want 200", real.status, real.err)
			}
			tc.check(t, got, real.body)

			rec := srv.Requests()[0]
			if rec.Fault != tc.fault.Kind || rec.Status != tc.logStatus {
				t.Errorf("logged %v with status %d, want %v with %d",
					rec.Fault, rec.Status, tc.fault.Kind, tc.logStatus)
			}
		})
	}
}

// checkHTML checks a load balancer's page: status, HTML, no trace id.
func checkHTML(t *testing.T, got outcome, status int, title string) {
	t.Helper()
	ct := got.header.Get("Content-Type")
	if got.status != status || !strings.HasPrefix(ct, "text/html") {
		t.Errorf("got %d as %q, want %d as text/html", got.status, ct, status)
	}
	if !strings.Contains(string(got.body), "<title>"+title+"</title>") {
		t.Errorf("body %q, want an HTML page titled %q", got.body, title)
	}
	if id := got.header.Get("X-Clerk-Trace-Id"); id != "" {
		t.Errorf("X-Clerk-Trace-Id %q, want none from a load balancer", id)
	}
}

// Go's transport resends a GET whose kept-alive connection is reset
// before any answer; WithFaults warns of it, and this test shows it.
func TestResetOnReusedConnectionIsResent(t *testing.T) {
	t.Parallel()
	srv := newTestServer(t, WithFaults(Fault{}, Fault{Kind: FaultReset}))
	client := srv.Client()

	first := try(t, client, srv, "/users/count")
	second := try(t, client, srv, "/users/count")
	if first.status != 200 || second.status != 200 || second.err != nil {
		t.Fatalf("got %d then %d, %v; want 200 twice, the reset hidden",
			first.status, second.status, second.err)
	}

	var got []FaultKind
	for _, r := range srv.Requests() {
		got = append(got, r.Fault)
	}
	want := []FaultKind{FaultNone, FaultReset, FaultNone}
	if len(got) != 3 || got[1] != want[1] {
		t.Errorf("logged faults %v, want %v", got, want)
	}
}

func TestSlowBodyStopsWhenClientGivesUp(t *testing.T) {
	t.Parallel()
	srv := NewServer(WithFaults(Fault{Kind: FaultSlowBody, Delay: time.Hour}))

	resp, err := srv.Client().Do(authorized(t, srv, "/users"))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close() // gives up on the body

	start := time.Now()
	srv.Close() // waits for the handler
	if waited := time.Since(start); waited > 5*time.Second {
		t.Errorf("Close waited %v for a body the client gave up on", waited)
	}
}

// authorized returns an authorised GET of pathQuery.
func authorized(t testing.TB, srv *Server, pathQuery string) *http.Request {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, srv.URL+pathQuery, nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+srv.SecretKey())
	return req
}

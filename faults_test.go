package clerk_test

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/workflowkit/clerk"
	"github.com/workflowkit/clerk/clerktest"
)

// waitRecorder collects the waits of the client's retry log lines.
type waitRecorder struct {
	mu    sync.Mutex
	waits []time.Duration
}

func (r *waitRecorder) Enabled(context.Context, slog.Level) bool { return true }
func (r *waitRecorder) WithAttrs([]slog.Attr) slog.Handler       { return r }
func (r *waitRecorder) WithGroup(string) slog.Handler            { return r }
func (r *waitRecorder) Handle(_ context.Context, rec slog.Record) error {
	rec.Attrs(func(a slog.Attr) bool {
		if a.Key == "wait" {
			r.mu.Lock()
			r.waits = append(r.waits, a.Value.Duration())
			r.mu.Unlock()
		}
		return true
	})
	return nil
}

// TestFaultTable sends one ListUsers against a server that plays faults,
// and checks the hits, the waits and the error the caller sees.
func TestFaultTable(t *testing.T) {
	t.Parallel()
	const min, max = 2 * time.Millisecond, 40 * time.Millisecond
	status := func(code int, h ...string) clerktest.Fault {
		f := clerktest.Fault{Kind: clerktest.FaultStatus, Status: code, Header: http.Header{}}
		for i := 0; i+1 < len(h); i += 2 {
			f.Header.Set(h[i], h[i+1])
		}
		return f
	}
	reset := clerktest.Fault{Kind: clerktest.FaultReset}
	truncate := clerktest.Fault{Kind: clerktest.FaultTruncate}
	slow := clerktest.Fault{Kind: clerktest.FaultSlowBody, Delay: 20 * time.Millisecond}
	garbled := clerktest.Fault{Kind: clerktest.FaultInvalidJSON}
	html := clerktest.Fault{Kind: clerktest.FaultHTML}

	tests := []struct {
		name      string
		faults    []clerktest.Fault
		wantHits  int
		wantWaits []time.Duration // exact waits; nil: only count them
		waits     int
		wantErr   func(error) bool
	}{
		{"429 then ok, Retry-After 0 floored", []clerktest.Fault{status(429, "Retry-After", "0")},
			2, []time.Duration{min}, 1, isNil},
		{"429 with Retry-After 1s beyond MaxWait", []clerktest.Fault{
			status(429, "Retry-After", "1")}, 1, nil, 0, isStatus(429)},
		{"503 with Retry-After date", []clerktest.Fault{status(503, "Retry-After",
			time.Now().Add(-time.Hour).UTC().Format(http.TimeFormat))}, 2, nil, 1, isNil},
		{"500 500 ok", []clerktest.Fault{status(500), status(500)}, 3, nil, 2, isNil},
		{"502 forever", []clerktest.Fault{status(502), status(502), status(502)}, 3, nil, 2,
			isStatus(502)},
		{"501 not retried", []clerktest.Fault{status(501)}, 1, nil, 0, isStatus(501)},
		{"422 not retried", []clerktest.Fault{status(422)}, 1, nil, 0, isStatus(422)},
		// The second reset lands on a fresh connection; one on a reused
		// connection would be resent by net/http itself.
		{"reset then ok", []clerktest.Fault{reset, reset}, 3, nil, 2, isNil},
		{"truncated then ok", []clerktest.Fault{truncate}, 2, nil, 1, isNil},
		{"slow body is waited for", []clerktest.Fault{slow}, 1, nil, 0, isNil},
		{"invalid JSON then ok", []clerktest.Fault{garbled}, 2, nil, 1, isNil},
		{"HTML page then ok", []clerktest.Fault{html}, 2, nil, 1, isNil},
		{"HTML page every time", []clerktest.Fault{html, html, html}, 3, nil, 2, isStatus(502)},
		{"truncated every time", []clerktest.Fault{truncate, truncate, truncate}, 3, nil, 2,
			isRequestError},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			srv := clerktest.NewServer(clerktest.WithDemoUsers(),
				clerktest.WithFaults(tt.faults...))
			t.Cleanup(srv.Close)
			rec := &waitRecorder{}
			cred, _ := clerk.NewCredential("t", srv.SecretKey())
			c, err := clerk.NewClient(cred, clerk.WithBaseURL(srv.URL),
				clerk.WithRateLimit(0, 0), clerk.WithLogger(slog.New(rec)),
				clerk.WithRetry(clerk.RetryPolicy{MaxAttempts: 3, MinWait: min, MaxWait: max}))
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(c.CloseIdleConnections)

			users, err := c.ListUsers(context.Background(), clerk.NewListUsersParams())
			if !tt.wantErr(err) {
				t.Fatalf("err = %v", err)
			}
			if err == nil && len(users) != 10 {
				t.Errorf("got %d users, want a full page of 10", len(users))
			}
			if got := srv.Hits(); got != tt.wantHits {
				t.Errorf("hits = %d, want %d", got, tt.wantHits)
			}
			rec.mu.Lock()
			defer rec.mu.Unlock()
			if len(rec.waits) != tt.waits {
				t.Errorf("waits %v, want %d of them", rec.waits, tt.waits)
			}
			for i, w := range rec.waits {
				if w < min || w > max {
					t.Errorf("wait %s outside [%s, %s]", w, min, max)
				}
				if tt.wantWaits != nil && w != tt.wantWaits[i] {
					t.Errorf("wait %d = %s, want %s", i, w, tt.wantWaits[i])
				}
			}
		})
	}
}

func TestSlowAnswerAgainstDeadline(t *testing.T) {
	t.Parallel()
	srv := clerktest.NewServer(clerktest.WithDemoUsers(), clerktest.WithLatency(time.Second))
	t.Cleanup(srv.Close)
	cred, _ := clerk.NewCredential("t", srv.SecretKey())
	c, _ := clerk.NewClient(cred, clerk.WithBaseURL(srv.URL), clerk.WithRateLimit(0, 0))

	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := c.ListUsers(ctx, nil)
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("err = %v, want DeadlineExceeded", err)
	}
	if time.Since(start) > 500*time.Millisecond {
		t.Errorf("returned after %s, not at the deadline", time.Since(start))
	}
}

func TestCancelStopsAWait(t *testing.T) {
	t.Parallel()
	srv := clerktest.NewServer(clerktest.WithDemoUsers(), clerktest.WithFaults(
		clerktest.Fault{Kind: clerktest.FaultStatus, Status: 503}))
	t.Cleanup(srv.Close)
	cred, _ := clerk.NewCredential("t", srv.SecretKey())
	c, _ := clerk.NewClient(cred, clerk.WithBaseURL(srv.URL), clerk.WithRateLimit(0, 0),
		clerk.WithRetry(clerk.RetryPolicy{MaxAttempts: 3, MinWait: 5 * time.Second,
			MaxWait: 10 * time.Second}))

	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		time.Sleep(50 * time.Millisecond)
		cancel()
	}()
	start := time.Now()
	_, err := c.ListUsers(ctx, nil)
	if !errors.Is(err, context.Canceled) || time.Since(start) > time.Second {
		t.Errorf("err %v after %s, want Canceled at once", err, time.Since(start))
	}
}

func isNil(err error) bool { return err == nil }

func isStatus(code int) func(error) bool {
	return func(err error) bool {
		var apiErr *clerk.APIError
		return errors.As(err, &apiErr) && apiErr.StatusCode == code
	}
}

func isRequestError(err error) bool {
	var reqErr *clerk.RequestError
	return errors.As(err, &reqErr) && errors.Is(err, io.ErrUnexpectedEOF)
}

package clerk_test

import (
	"context"
	"errors"
	"io"
	"net/http"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/workflowkit/clerk"
)

// startRecorder is a transport that records when each request starts,
// which is what the client-side limit governs (arrival times at a server
// also carry the network's and the scheduler's jitter).
type startRecorder struct {
	mu     sync.Mutex
	starts []time.Time
}

func (r *startRecorder) RoundTrip(req *http.Request) (*http.Response, error) {
	r.mu.Lock()
	r.starts = append(r.starts, time.Now())
	r.mu.Unlock()
	return http.DefaultTransport.RoundTrip(req)
}

func TestRateLimitPacesAllCallers(t *testing.T) {
	t.Parallel()
	const n, per = 10, 300 * time.Millisecond
	rec := &startRecorder{}
	c, _ := fakeAPI(t, func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, "[]")
	}, clerk.WithRateLimit(n, per), clerk.WithHTTPClient(&http.Client{Transport: rec}))

	// 30 requests from 4 goroutines: the first 10 may go at once, and no
	// interval of 300ms may see more than 10 of them start.
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 7 + g/3*2 { // 7+7+7+9 = 30
				if _, err := c.ListUsers(context.Background(), nil); err != nil {
					t.Error(err)
				}
			}
		}()
	}
	wg.Wait()

	starts := rec.starts
	if len(starts) != 30 {
		t.Fatalf("%d requests started, want 30", len(starts))
	}
	// The limiter plans starts a window and a margin of at least 100ms
	// apart; a busy machine may wake a request late, never early, so a
	// late request can bring the next window's starts closer to it.
	const jitter = 50 * time.Millisecond
	slices.SortFunc(starts, func(a, b time.Time) int { return a.Compare(b) })
	for i := n; i < len(starts); i++ {
		if gap := starts[i].Sub(starts[i-n]); gap < per-jitter {
			t.Errorf("requests %d and %d started %s apart: %d in less than %s",
				i-n, i, gap, n+1, per)
		}
	}
	if burst := starts[n-1].Sub(starts[0]); burst >= per {
		t.Errorf("the first %d requests took %s to start; a burst may use the "+
			"whole limit at once", n, burst)
	}
}

func TestRateLimitBeyondDeadlineFailsAtOnce(t *testing.T) {
	t.Parallel()
	c, _ := fakeAPI(t, func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, "[]")
	}, clerk.WithRateLimit(1, time.Hour))

	if _, err := c.ListUsers(context.Background(), nil); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	start := time.Now()
	_, err := c.ListUsers(ctx, nil)
	if !errors.Is(err, context.DeadlineExceeded) || time.Since(start) > 500*time.Millisecond {
		t.Errorf("err %v after %s, want DeadlineExceeded at once", err, time.Since(start))
	}
}

func TestA429PausesEveryCaller(t *testing.T) {
	t.Parallel()
	var blocked atomic.Bool
	blocked.Store(true)
	var afterBlock atomic.Int64
	c, _ := fakeAPI(t, func(w http.ResponseWriter, r *http.Request) {
		if blocked.CompareAndSwap(true, false) {
			w.Header().Set("Retry-After", "1")
			w.WriteHeader(http.StatusTooManyRequests)
			return
		}
		afterBlock.Add(1)
		io.WriteString(w, "[]")
	}, clerk.WithRetry(clerk.RetryPolicy{MaxAttempts: 1, MinWait: time.Millisecond,
		MaxWait: time.Second}))

	_, err := c.ListUsers(context.Background(), nil)
	if !clerk.IsRateLimited(err) {
		t.Fatalf("first call: %v, want the 429", err)
	}

	// Another caller, with room to wait, waits out the pause.
	start := time.Now()
	if _, err := c.ListUsers(context.Background(), nil); err != nil {
		t.Fatal(err)
	}
	if waited := time.Since(start); waited < 900*time.Millisecond {
		t.Errorf("second caller waited %s, want about the Retry-After of 1s", waited)
	}

	// A caller whose deadline is shorter than the pause is told at once.
	blocked.Store(true)
	c.ListUsers(context.Background(), nil) // sets the pause again
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	before := afterBlock.Load()
	_, err = c.ListUsers(ctx, nil)
	var apiErr *clerk.APIError
	if !errors.As(err, &apiErr) || apiErr.StatusCode != 429 || apiErr.RetryAfter <= 0 {
		t.Errorf("err = %v, want a 429 *APIError with RetryAfter", err)
	}
	if afterBlock.Load() != before {
		t.Error("a request was sent during the pause")
	}
}

func TestWithRateLimitChecksItsArguments(t *testing.T) {
	t.Parallel()
	cred, _ := clerk.NewCredential("t", testKey)
	for _, args := range [][2]int{{-1, 1}, {10, 0}, {0, 5}} {
		_, err := clerk.NewClient(cred, clerk.WithRateLimit(args[0], time.Duration(args[1])))
		if err == nil {
			t.Errorf("WithRateLimit(%d, %d) accepted", args[0], args[1])
		}
	}
}

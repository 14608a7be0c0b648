package clerktest

import (
	"context"
	"errors"
	"net/http"
	"testing"
	"time"
)

func TestWithLatencyDelaysEveryRequest(t *testing.T) {
	t.Parallel()
	const d = 20 * time.Millisecond
	srv := newTestServer(t, WithLatency(d))

	for _, header := range []http.Header{nil, {"Authorization": {"Bearer wrong"}}} {
		start := time.Now()
		res := send(t, srv, http.MethodGet, "/users", header)
		if took := time.Since(start); took < d {
			t.Errorf("status %d after %v, want a wait of at least %v", res.status, took, d)
		}
	}
}

func TestWithLatencyOff(t *testing.T) {
	t.Parallel()
	for _, d := range []time.Duration{0, -time.Second} {
		srv := newTestServer(t, WithLatency(d))
		if res := get(t, srv, "/users"); res.status != http.StatusOK {
			t.Errorf("WithLatency(%v): status %d, want 200", d, res.status)
		}
	}
}

func TestWithLatencyStopsWhenClientGivesUp(t *testing.T) {
	t.Parallel()
	srv := NewServer(WithLatency(time.Hour))

	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	_, err := srv.Client().Do(authorized(t, srv, "/users").WithContext(ctx))
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("Do: %v, want the client's deadline", err)
	}

	start := time.Now()
	srv.Close() // waits for the handler, which must have stopped waiting
	if waited := time.Since(start); waited > 5*time.Second {
		t.Errorf("Close waited %v for a request the client gave up", waited)
	}
	if got := loggedOf(srv); len(got) != 1 || got[0].Status != 0 {
		t.Errorf("log %+v, want one request with status 0", got)
	}
}

// A request that gives up during a fault's Delay still uses the fault.
func TestAbandonedRequestUsesItsFault(t *testing.T) {
	t.Parallel()
	srv := newTestServer(t, WithFaults(Fault{Kind: FaultStatus, Delay: time.Hour}))

	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	if _, err := srv.Client().Do(authorized(t, srv, "/users").WithContext(ctx)); err == nil {
		t.Fatal("Do succeeded, want the client's deadline")
	}
	if res := get(t, srv, "/users"); res.status != http.StatusOK {
		t.Errorf("next request: status %d, want 200: the script has ended", res.status)
	}

	for deadline := time.Now().Add(5 * time.Second); srv.Hits() < 2; {
		if time.Now().After(deadline) {
			t.Fatal("the abandoned request was never recorded")
		}
		time.Sleep(time.Millisecond)
	}
	for _, r := range loggedOf(srv) {
		if (r.Status == 0) != (r.Fault == FaultStatus) {
			t.Errorf("logged %+v, want status 0 with FaultStatus, 200 without", r)
		}
	}
}

func TestPause(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithCancel(context.Background())
	if !pause(ctx, 0) || !pause(ctx, time.Millisecond) {
		t.Error("pause with a live context returned false")
	}

	cancel()
	start := time.Now()
	if pause(ctx, time.Hour) {
		t.Error("pause with an ended context returned true")
	}
	if took := time.Since(start); took > time.Second {
		t.Errorf("pause with an ended context took %v", took)
	}
}

package clerktest

import (
	"net/http"
	"testing"
	"time"
)

func TestLimiterWindows(t *testing.T) {
	t.Parallel()
	l := newLimiter(2, 10*time.Second)
	start := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)

	steps := []struct {
		at       time.Duration
		wantOK   bool
		wantWait time.Duration
	}{
		{0, true, 0},
		{time.Second, true, 0},
		{2 * time.Second, false, 8 * time.Second},
		{9 * time.Second, false, time.Second},
		{10 * time.Second, true, 0}, // a new window
		{11 * time.Second, true, 0},
		{12 * time.Second, false, 8 * time.Second},
	}
	for _, s := range steps {
		wait, ok := l.take(start.Add(s.at))
		if ok != s.wantOK || wait != s.wantWait {
			t.Errorf("at %v: take = %v, %v; want %v, %v", s.at, wait, ok, s.wantWait, s.wantOK)
		}
	}
}

func TestLimiterOff(t *testing.T) {
	t.Parallel()
	for _, l := range []*limiter{newLimiter(0, time.Second), newLimiter(5, 0)} {
		if l != nil {
			t.Errorf("limiter %+v, want nil (no limit)", l)
		}
		if _, ok := l.take(time.Now()); !ok {
			t.Error("a nil limiter refused a request")
		}
	}
}

func TestRateLimitAnswers429(t *testing.T) {
	t.Parallel()
	srv := newTestServer(t, WithRateLimit(2, time.Hour))

	// A request without a valid key is refused before it counts.
	send(t, srv, http.MethodGet, "/users", http.Header{"Authorization": nil})
	for i := range 2 {
		if res := get(t, srv, "/users"); res.status != http.StatusOK {
			t.Fatalf("request %d: status %d, want 200", i+1, res.status)
		}
	}

	res := get(t, srv, "/users/count")
	got := errorOf(t, res)
	if want := (wantError{Status: 429, Code: codeTooManyRequests}); got != want {
		t.Errorf("third request: %+v, want %+v", got, want)
	}
	if ra := res.header.Get("Retry-After"); ra != "3600" && ra != "3599" {
		t.Errorf("Retry-After %q, want about 3600 seconds", ra)
	}
	if srv.Hits() != 4 {
		t.Errorf("Hits %d, want 4: refused requests are hits too", srv.Hits())
	}
}

package clerk

import (
	"net/http"
	"testing"
	"time"
)

func TestRetryAfterForms(t *testing.T) {
	t.Parallel()
	now := time.Date(2026, 12, 3, 12, 0, 0, 0, time.UTC)
	in := func(d time.Duration) string { return now.Add(d).Format(http.TimeFormat) }
	tests := []struct {
		header string
		want   time.Duration
	}{
		{"", 0},
		{"5", 5 * time.Second},
		{" 7 ", 7 * time.Second},
		{"0", 0},
		{in(30 * time.Second), 30 * time.Second}, // IMF-fixdate
		{now.Add(20 * time.Second).Format(time.RFC850), 20 * time.Second}, // RFC 850
		{now.Add(10 * time.Second).Format(time.ANSIC), 10 * time.Second},  // asctime
		{in(-time.Minute), 0},          // past
		{"-3", 0},                      // negative
		{"1.5", 0},                     // fraction
		{"soon", 0},                    // junk
		{"99999999999999999999999", 0}, // overflow
		{"86401", 0},                   // over a day
		{in(48 * time.Hour), 0},        // far date
	}
	for _, tt := range tests {
		h := http.Header{}
		if tt.header != "" {
			h.Set("Retry-After", tt.header)
		}
		if got := retryAfter(h, now); got != tt.want {
			t.Errorf("Retry-After %q: %s, want %s", tt.header, got, tt.want)
		}
	}
}

func TestBackoffBounds(t *testing.T) {
	t.Parallel()
	p := RetryPolicy{MaxAttempts: 10, MinWait: 10 * time.Millisecond, MaxWait: 80 * time.Millisecond}
	for n := range 40 {
		ceiling := min(p.MinWait<<min(n, 20), p.MaxWait)
		for range 50 {
			w := p.backoff(n, nil, time.Now())
			if w < p.MinWait || w > ceiling {
				t.Fatalf("retry %d: wait %s outside [%s, %s]", n, w, p.MinWait, ceiling)
			}
		}
	}

	zero := &http.Response{StatusCode: 429, Header: http.Header{"Retry-After": {"0"}}}
	if w := p.backoff(0, zero, time.Now()); w != p.MinWait {
		t.Errorf("Retry-After: 0 gave %s, want the MinWait floor %s", w, p.MinWait)
	}
	asked := &http.Response{StatusCode: 503, Header: http.Header{"Retry-After": {"2"}}}
	if w := p.backoff(0, asked, time.Now()); w != 2*time.Second {
		t.Errorf("503 with Retry-After: 2 gave %s", w)
	}
	ignored := &http.Response{StatusCode: 500, Header: http.Header{"Retry-After": {"2"}}}
	if w := p.backoff(0, ignored, time.Now()); w > p.MinWait {
		t.Errorf("500's Retry-After was honoured: %s", w)
	}
}

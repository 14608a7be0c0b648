package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/workflowkit/clerk"
)

// timeline is an http.RoundTripper that records when each request was in
// flight, to show where a scan runs out of parallel work.
type timeline struct {
	base  http.RoundTripper
	start time.Time

	mu    sync.Mutex
	spans [][2]time.Duration // from the start: request sent, headers back
}

func newTimeline() *timeline {
	transport := http.DefaultTransport.(*http.Transport).Clone()
	transport.MaxIdleConnsPerHost = 64 // as the library's default client
	return &timeline{base: transport, start: time.Now()}
}

// RoundTrip sends r and records its span.
func (t *timeline) RoundTrip(r *http.Request) (*http.Response, error) {
	from := time.Since(t.start)
	resp, err := t.base.RoundTrip(r)
	to := time.Since(t.start)
	t.mu.Lock()
	t.spans = append(t.spans, [2]time.Duration{from, to})
	t.mu.Unlock()
	return resp, err
}

// write prints, for each step of the run, how many requests were in
// flight on average, with a bar of that length.
func (t *timeline) write(w io.Writer, end, step time.Duration) {
	t.mu.Lock()
	defer t.mu.Unlock()

	for at := time.Duration(0); at < end; at += step {
		var busy time.Duration
		for _, s := range t.spans {
			if lo, hi := max(s[0], at), min(s[1], at+step); hi > lo {
				busy += hi - lo
			}
		}
		n := float64(busy) / float64(step)
		fmt.Fprintf(w, "%6.2fs %4.1f %s\n", at.Seconds(), n,
			strings.Repeat("#", int(n*4+0.5)))
	}
}

// scanTimeline runs ScanUsers once more, recording its requests, and
// prints how many were in flight over time: a scan whose parallelism
// collapses before the end has an unsplittable tail.
func (b *bench) scanTimeline(ctx context.Context, w io.Writer) error {
	srv, err := startServer(b.cfg)
	if err != nil {
		return err
	}
	defer srv.Close()
	a := &arena{url: srv.URL, key: liveKey, tally: b.census.Tally(),
		concurrency: b.cfg.concurrency}

	tl := newTimeline()
	hc := &http.Client{Transport: tl, Timeout: 30 * time.Second}
	tl.start = time.Now()
	if err := scanWith(ctx, a, clerk.WithHTTPClient(hc)); err != nil {
		return err
	}
	end := time.Since(tl.start)

	fmt.Fprintf(w, "\nScanUsers, one more run with its requests recorded (%d requests, "+
		"%.3fs): requests in flight, averaged over each 100ms.\n\n```\n",
		len(tl.spans), end.Seconds())
	tl.write(w, end, 100*time.Millisecond)
	_, err = fmt.Fprintln(w, "```")
	return err
}

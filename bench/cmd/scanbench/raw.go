package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"sync"
	"time"

	"github.com/workflowkit/clerk"
)

// rawDrain is contestant 4, the floor: plain net/http fetching exactly the
// pages the latest ScanUsers run fetched (their query strings, from the
// server's log), with the same concurrency, bodies read and discarded
// undecoded. It sends the pages in the order ScanUsers got them answered,
// but needs no page to know the next, so it is never held up by a walk.
// It does no client-side rate limiting; at the default settings it sends
// far fewer requests than the 1000 a window allows.
func (b *bench) rawDrain(ctx context.Context, a *arena) error {
	queries := b.scanQueries
	if len(queries) == 0 {
		return errors.New("the raw drain replays the pages of a ScanUsers run, and " +
			"there is none yet; run ScanUsers first")
	}
	workers := a.concurrency
	if workers <= 0 {
		workers = clerk.DefaultScanConcurrency
	}

	transport := http.DefaultTransport.(*http.Transport).Clone()
	transport.MaxIdleConnsPerHost = workers
	hc := &http.Client{Transport: transport, Timeout: 30 * time.Second}
	defer hc.CloseIdleConnections()

	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	jobs := make(chan string)
	var (
		wg       sync.WaitGroup
		errOnce  sync.Once
		firstErr error
	)
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for q := range jobs {
				if err := fetchDiscard(ctx, hc, a, q); err != nil {
					errOnce.Do(func() { firstErr = err })
					cancel()
				}
			}
		}()
	}

	feed(ctx, jobs, queries)
	wg.Wait()
	return firstErr
}

// feed sends queries to jobs until done or ctx ends, then closes jobs.
func feed(ctx context.Context, jobs chan<- string, queries []string) {
	defer close(jobs)
	for _, q := range queries {
		select {
		case jobs <- q:
		case <-ctx.Done():
			return
		}
	}
}

// fetchDiscard GETs one page with the headers the library sends and
// throws its body away.
func fetchDiscard(ctx context.Context, hc *http.Client, a *arena, query string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet,
		a.url+"/users?"+query, nil)
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer "+a.key)
	req.Header.Set("Clerk-API-Version", clerk.DefaultAPIVersion)
	req.Header.Set("Accept", "application/json")

	resp, err := hc.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if _, err := io.Copy(io.Discard, resp.Body); err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("raw drain: GET /v1/users answered %d; with the default "+
			"settings no page should be refused", resp.StatusCode)
	}
	return nil
}

package clerk

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"sync"
	"time"
)

// DefaultScanConcurrency is how many pages ScanUsers fetches at once unless
// ScanOptions says otherwise.
const DefaultScanConcurrency = 8

// ScanOptions tunes ScanUsers.
type ScanOptions struct {
	// Concurrency is how many requests are in flight at once. Default
	// DefaultScanConcurrency. All workers share the client's rate limit
	// and retry policy, so a higher value cannot overrun Clerk's limit.
	Concurrency int
}

// ScanUsers returns every user params match, in no promised order,
// fetched by several workers at once: the fastest way to read a large
// instance whole.
//
// It finds the creation times of the oldest and newest matching users
// (two requests; the caller's created_at bounds narrow them), splits that
// range into windows of whole milliseconds and walks each window with the
// cursor, 500 users a page unless params sets a limit. When a worker runs
// out of windows, it takes over the upper half of the largest window still
// being walked, so skewed data (most users created in one week) keeps every
// worker busy. Windows are made of whole milliseconds, so users sharing one
// (bulk imports) are never split between windows, lost or repeated. A
// single millisecond holding many users is walked by one worker.
//
// Every user present from the start to the end of the scan is yielded
// exactly once; users created or deleted during the scan may or may not
// be. The scan stops at the first error, which it yields once; when ctx
// is cancelled or its deadline passes, that error is ctx's, so a scan cut
// short never looks complete. Breaking the loop or cancelling ctx stops
// every worker before ScanUsers returns.
// params' ordering is ignored; an offset or a starting_after cursor is an
// error, since a scan has no position to start from.
func (c *Client) ScanUsers(ctx context.Context, params *ListUsersParams,
	opts ScanOptions) iter.Seq2[User, error] {

	return func(yield func(User, error) bool) {
		base, err := scanBase(params)
		if err != nil {
			yield(User{}, err)
			return
		}
		workers := opts.Concurrency
		if workers <= 0 {
			workers = DefaultScanConcurrency
		}

		lo, hi, found, err := c.createdRange(ctx, base)
		if err != nil || !found {
			if err != nil {
				yield(User{}, err)
			}
			return
		}
		s := newScan(c, base, newScheduler(lo, hi, workers, base.LimitValue()))
		s.run(ctx, workers, yield)
	}
}

// scanBase checks params for a scan and returns a copy to build pages from.
func scanBase(params *ListUsersParams) (*ListUsersParams, error) {
	if err := params.Validate(); err != nil {
		return nil, err
	}
	base := params.Clone()
	if base.OffsetValue() != 0 {
		return nil, &ParamError{Param: "offset", Reason: "ScanUsers reads every " +
			"matching user and takes no offset; use Users to page from an offset"}
	}
	if base.StartingAfterValue() != "" {
		return nil, &ParamError{Param: "starting_after", Reason: "ScanUsers reads " +
			"every matching user and takes no cursor; use Users to page from a cursor"}
	}
	if base.limit == nil {
		base.Limit(MaxUsersLimit)
	}
	return base, nil
}

// createdRange returns the creation times of the oldest and newest users
// that base matches, and whether there is any.
func (c *Client) createdRange(ctx context.Context, base *ListUsersParams) (lo, hi int64,
	found bool, err error) {

	first := func(dir Direction) (*User, error) {
		users, err := c.ListUsers(ctx, base.Clone().Limit(1).OrderBy(OrderCreatedAt, dir))
		if err != nil || len(users) == 0 {
			return nil, err
		}
		return &users[0], nil
	}
	oldest, err := first(Ascending)
	if err != nil || oldest == nil {
		return 0, 0, false, err
	}
	newest, err := first(Descending)
	if err != nil {
		return 0, 0, false, err
	}
	if newest == nil || newest.CreatedAt < oldest.CreatedAt {
		newest = oldest // deleted meanwhile, or a clock that went back
	}
	return oldest.CreatedAt, newest.CreatedAt, true, nil
}

// scan is one ScanUsers run.
type scan struct {
	c     *Client
	base  *ListUsersParams
	sched *scheduler
	pages chan []User

	errOnce sync.Once
	err     error
}

func newScan(c *Client, base *ListUsersParams, sched *scheduler) *scan {
	return &scan{c: c, base: base, sched: sched, pages: make(chan []User, 2)}
}

// run starts the workers and yields their pages until all are done, the
// consumer stops, or an error ends the scan.
func (s *scan) run(parent context.Context, workers int, yield func(User, error) bool) {
	ctx, cancel := context.WithCancel(parent)
	stopWaiting := context.AfterFunc(ctx, s.sched.stop)
	defer stopWaiting()
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s.work(ctx, cancel)
		}()
	}
	go func() {
		wg.Wait()
		close(s.pages)
	}()
	defer func() {
		cancel()
		for range s.pages { // let every worker finish before returning
		}
	}()

	for page := range s.pages {
		if parent.Err() != nil {
			break // pages fetched before the caller gave up are not delivered
		}
		for _, u := range page {
			if !yield(u, nil) {
				return
			}
		}
	}

	// The caller's own cancellation or deadline is an error to report: a
	// scan cut short must never look complete.
	switch {
	case parent.Err() != nil:
		yield(User{}, parent.Err())
	case s.err != nil:
		yield(User{}, s.err)
	}
}

// fail records the scan's first error and stops every worker.
func (s *scan) fail(err error, cancel context.CancelFunc) {
	s.errOnce.Do(func() { s.err = err })
	cancel()
}

// work walks windows until none is left to take.
func (s *scan) work(ctx context.Context, cancel context.CancelFunc) {
	for ctx.Err() == nil {
		c := s.sched.take()
		if c.w == nil {
			return
		}
		if err := s.walkWindow(ctx, c); err != nil {
			if ctx.Err() == nil || !errors.Is(err, context.Canceled) {
				s.fail(err, cancel)
			}
			return
		}
	}
	if err := ctx.Err(); err != nil && !errors.Is(err, context.Canceled) {
		s.fail(err, cancel)
	}
}

// walkWindow pages through one window in the claim's direction, handing
// each page's fresh users to the consumer, until the walk is done.
func (s *scan) walkWindow(ctx context.Context, c claim) error {
	defer s.sched.finish(c)
	resumes := 0

	for {
		params, upper := s.sched.pageParams(c, s.base)
		page, err := s.c.ListUsers(ctx, params)
		if err != nil {
			if c.w.cursorRefused(err) && resumes < maxResumes {
				resumes++
				s.sched.dropCursor(c)
				continue
			}
			return fmt.Errorf("scanning users created from %s to %s: %w",
				time.UnixMilli(c.w.lo).UTC().Format(time.RFC3339Nano),
				time.UnixMilli(upper).UTC().Format(time.RFC3339Nano), err)
		}
		resumes = 0

		fresh, done := s.sched.record(c, page)
		if len(fresh) > 0 {
			select {
			case s.pages <- fresh:
			case <-ctx.Done():
				return ctx.Err()
			}
		}
		if done {
			return nil
		}
	}
}

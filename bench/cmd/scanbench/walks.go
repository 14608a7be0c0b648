package main

import (
	"context"

	"github.com/workflowkit/clerk"
)

// usersPage is the page size of Users and the SDK: Clerk's largest.
const usersPage = clerk.MaxUsersLimit

// scanUsers is contestant 1: ScanUsers with the configured concurrency
// (0 leaves the library's default).
func scanUsers(ctx context.Context, a *arena) error {
	return scanWith(ctx, a)
}

// scanUsersUnlimited is ScanUsers with client-side rate limiting off, a
// diagnostic: at the default settings a scan stays far below Clerk's
// limit, so the server refuses nothing either way.
func scanUsersUnlimited(ctx context.Context, a *arena) error {
	return scanWith(ctx, a, clerk.WithRateLimit(0, 0))
}

func scanWith(ctx context.Context, a *arena, opts ...clerk.Option) error {
	c, err := a.client(opts...)
	if err != nil {
		return err
	}
	defer c.CloseIdleConnections()

	scan := clerk.ScanOptions{Concurrency: a.concurrency}
	for u, err := range c.ScanUsers(ctx, clerk.NewListUsersParams(), scan) {
		if err != nil {
			return err
		}
		a.tally.Add(u.ID)
	}
	return nil
}

// walkUsers is contestant 2: one cursor walk of 500-user pages, in
// Clerk's default order (newest first).
func walkUsers(ctx context.Context, a *arena) error {
	c, err := a.client()
	if err != nil {
		return err
	}
	defer c.CloseIdleConnections()

	for u, err := range c.Users(ctx, clerk.NewListUsersParams().Limit(usersPage)) {
		if err != nil {
			return err
		}
		a.tally.Add(u.ID)
	}
	return nil
}

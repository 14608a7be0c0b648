package clerktest

import (
	"time"

	"github.com/workflowkit/clerk"
)

// Option configures a Server built by NewServer.
type Option func(*config)

// config is what the options set.
type config struct {
	users      []clerk.User
	key        string
	rateMax    int
	rateWindow time.Duration
	latency    time.Duration // WithLatency
	faults     []Fault       // WithFaults
	random     *randomFaults // WithRandomFaults
	generated  []genRequest  // WithGeneratedUsers
}

// WithUsers adds users to the server's store, in the order given; a user
// whose ID is already stored replaces the earlier one. By default the store
// is empty.
func WithUsers(users ...clerk.User) Option {
	return func(c *config) {
		c.users = append(c.users, users...)
	}
}

// WithDemoUsers adds the users of DemoUsers to the server's store. By
// default the store is empty.
func WithDemoUsers() Option {
	return func(c *config) {
		c.users = append(c.users, DemoUsers()...)
	}
}

// WithSecretKey makes the server accept key, such as an sk_live_ key,
// instead of the random sk_test_ key it makes by default. An empty key
// keeps the default.
func WithSecretKey(key string) Option {
	return func(c *config) {
		c.key = key
	}
}

// WithRateLimit makes the server answer 429 with a Retry-After header once
// max requests have been authenticated within a fixed window, as Clerk does
// per secret key (100 requests per 10 seconds on a development instance).
// The window starts with the first request and restarts with the first
// request after it ends. By default there is no limit; a max below 1 or a
// window of zero or less also means no limit.
func WithRateLimit(max int, window time.Duration) Option {
	return func(c *config) {
		c.rateMax, c.rateWindow = max, window
	}
}

package cli

import (
	"fmt"
	"io"
	"log/slog"

	"github.com/workflowkit/clerk"
	"github.com/workflowkit/clerk/clerktest"
)

// Env reads an environment variable; os.Getenv in programs, a map in
// tests.
type Env func(string) string

// Connect returns a client for the instance the environment names: Clerk
// itself (or CLERK_API_URL) when CLERK_SECRET_KEY is set, otherwise an
// embedded test server with demo users, which it says on stderr. close
// releases the test server, if any.
func Connect(env Env, stderr io.Writer, logger *slog.Logger,
	opts ...clerktest.Option) (c *clerk.Client, close func(), err error) {

	options := []clerk.Option{clerk.WithUserAgent("workflowkit-examples")}
	if logger != nil {
		options = append(options, clerk.WithLogger(logger))
	}

	if key := env(clerk.EnvSecretKey); key != "" {
		cred, err := clerk.NewCredential(clerk.EnvSecretKey, key)
		if err != nil {
			return nil, nil, fmt.Errorf("%w (read from %s)", err, clerk.EnvSecretKey)
		}
		if base := env("CLERK_API_URL"); base != "" {
			options = append(options, clerk.WithBaseURL(base))
		}
		c, err := clerk.NewClient(cred, options...)
		return c, func() {}, err
	}

	if len(opts) == 0 {
		opts = []clerktest.Option{clerktest.WithDemoUsers()}
	}
	srv := clerktest.NewServer(opts...)
	fmt.Fprintf(stderr, "CLERK_SECRET_KEY is not set: using an embedded test server "+
		"with demo users at %s\n", srv.URL)

	cred, err := clerk.NewCredential("clerktest", srv.SecretKey())
	if err != nil {
		srv.Close()
		return nil, nil, err
	}
	// The test server has no rate limit unless it was given one.
	options = append(options, clerk.WithBaseURL(srv.URL), clerk.WithRateLimit(0, 0))
	c, err = clerk.NewClient(cred, options...)
	if err != nil {
		srv.Close()
		return nil, nil, err
	}
	return c, srv.Close, nil
}

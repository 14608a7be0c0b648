package cli

import (
	"fmt"
	"io"
	"log/slog"

	"github.com/workflowkit/clerk"
	"github.com/workflowkit/clerk/clerktest"
)

// Connect returns a client for the instance the environment names:
//
//   - CLERK_SECRET_KEY set: Clerk itself, or the API at CLERK_API_URL
//     when that is set too. A key that is set but empty is an error, like
//     any other malformed key, and so is a CLERK_API_URL set to "".
//   - CLERK_SECRET_KEY not set: an embedded test server with demo users
//     (or the users opts give it), which Connect says on stderr.
//     CLERK_API_URL set without CLERK_SECRET_KEY is an error, since the
//     caller meant another instance than the demo server.
//
// Errors are mistakes in the environment, for exit status 2. close
// releases the test server, if any.
func Connect(env Env, stderr io.Writer, logger *slog.Logger,
	opts ...clerktest.Option) (c *clerk.Client, close func(), err error) {

	options := []clerk.Option{clerk.WithUserAgent("workflowkit-examples")}
	if logger != nil {
		options = append(options, clerk.WithLogger(logger))
	}

	key, keySet := env(clerk.EnvSecretKey)
	base, baseSet := env(EnvAPIURL)
	switch {
	case keySet:
		c, err := connectClerk(key, base, baseSet, options)
		return c, func() {}, err
	case baseSet:
		return nil, nil, fmt.Errorf("%s is set but %s is not; set %s to a secret key "+
			"of the instance at %s, or unset %s to use the embedded demo server",
			EnvAPIURL, clerk.EnvSecretKey, clerk.EnvSecretKey, EnvAPIURL, EnvAPIURL)
	}
	return connectDemo(stderr, options, opts)
}

// connectClerk returns a client for the instance that key opens, at base
// when baseSet.
func connectClerk(key, base string, baseSet bool,
	options []clerk.Option) (*clerk.Client, error) {

	cred, err := clerk.NewCredential(clerk.EnvSecretKey, key)
	switch {
	case err != nil && key == "":
		return nil, fmt.Errorf("%w (%s is set but empty; unset it to use the embedded "+
			"demo server)", err, clerk.EnvSecretKey)
	case err != nil:
		return nil, fmt.Errorf("%w (read from %s)", err, clerk.EnvSecretKey)
	}

	if baseSet && base == "" {
		return nil, fmt.Errorf("%s is set but empty; unset it to use %s, or set it to "+
			"your API's base URL ending in /v1", EnvAPIURL, clerk.DefaultBaseURL)
	}
	if baseSet {
		options = append(options, clerk.WithBaseURL(base))
	}

	c, err := clerk.NewClient(cred, options...)
	if err != nil && baseSet {
		return nil, fmt.Errorf("%w (read from %s)", err, EnvAPIURL)
	}
	return c, err
}

// connectDemo starts the embedded test server, with demo users unless
// opts say otherwise, and returns a client for it.
func connectDemo(stderr io.Writer, options []clerk.Option,
	opts []clerktest.Option) (*clerk.Client, func(), error) {

	if len(opts) == 0 {
		opts = []clerktest.Option{clerktest.WithDemoUsers()}
	}
	srv := clerktest.NewServer(opts...)
	fmt.Fprintf(stderr, "%s is not set: using an embedded test server "+
		"with demo users at %s\n", clerk.EnvSecretKey, srv.URL)

	cred, err := clerk.NewCredential("clerktest", srv.SecretKey())
	if err != nil {
		srv.Close()
		return nil, nil, err
	}

	// The test server has no rate limit unless it was given one.
	options = append(options, clerk.WithBaseURL(srv.URL), clerk.WithRateLimit(0, 0))
	c, err := clerk.NewClient(cred, options...)
	if err != nil {
		srv.Close()
		return nil, nil, err
	}
	return c, srv.Close, nil
}

package clerk

import (
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// DefaultBaseURL is the address of Clerk's Backend API.
const DefaultBaseURL = "https://api.clerk.com/v1"

// DefaultAPIVersion is the Clerk API version the client pins, sent as the
// Clerk-API-Version header, so that Clerk's later changes do not reach a
// program until it asks for them with WithAPIVersion.
const DefaultAPIVersion = "2026-05-12"

// Version is this library's version, sent in the User-Agent header.
const Version = "0.1.0"

// Client talks to Clerk's Backend API with one secret key. It is safe for
// concurrent use; make one per key and share it. It only reads: it never
// creates, changes or deletes users.
type Client struct {
	base       *url.URL
	cred       Credential
	apiVersion string
	userAgent  string
	logger     *slog.Logger
	retry      RetryPolicy
	throttle   *throttle
	http       *http.Client
}

// Option changes how NewClient builds a Client.
type Option func(*settings) error

type settings struct {
	baseURL    string
	httpClient *http.Client
	apiVersion string
	userAgent  string
	logger     *slog.Logger
	retry      RetryPolicy
	rateLimit  *rateSetting
}

// NewClient returns a client that authenticates with cred. It checks every
// option and returns an error that names the first bad one.
func NewClient(cred Credential, opts ...Option) (*Client, error) {
	if cred.IsZero() {
		return nil, errors.New("clerk: NewClient needs a credential; make one with " +
			"NewCredential or CredentialFromEnv")
	}
	s := settings{
		baseURL:    DefaultBaseURL,
		apiVersion: DefaultAPIVersion,
		retry:      DefaultRetryPolicy(),
	}
	for _, opt := range opts {
		if opt == nil {
			continue
		}
		if err := opt(&s); err != nil {
			return nil, err
		}
	}

	base, err := parseBaseURL(s.baseURL)
	if err != nil {
		return nil, err
	}
	c := &Client{
		base:       base,
		cred:       cred,
		apiVersion: s.apiVersion,
		userAgent:  userAgent(s.userAgent),
		logger:     s.logger,
		retry:      s.retry,
	}
	if s.rateLimit == nil {
		s.rateLimit = defaultRateSetting(cred.InstanceType())
	}
	c.throttle = newThrottle(s.rateLimit)
	c.http = newHTTPClient(s.httpClient, base)
	return c, nil
}

// WithBaseURL sets the API's base URL, including the /v1 path, for a
// proxy or a test server. Default DefaultBaseURL. Plain http is allowed
// only for loopback hosts (localhost, 127.0.0.0/8, ::1), so that the key
// never crosses a network unencrypted.
func WithBaseURL(rawURL string) Option {
	return func(s *settings) error {
		s.baseURL = rawURL
		return nil
	}
}

// WithHTTPClient sets the http.Client that sends requests, for custom
// transports, proxies or timeouts. The client is copied; the copy follows
// redirects only within the API's own scheme and host. Default: a client
// with a 30s timeout per attempt and a connection pool sized for
// concurrent scans.
func WithHTTPClient(hc *http.Client) Option {
	return func(s *settings) error {
		if hc == nil {
			return errors.New("clerk: WithHTTPClient was given a nil *http.Client")
		}
		s.httpClient = hc
		return nil
	}
}

// WithAPIVersion sets the Clerk-API-Version header, such as "2025-11-10".
// Default DefaultAPIVersion.
func WithAPIVersion(version string) Option {
	return func(s *settings) error {
		if _, err := time.Parse(time.DateOnly, version); err != nil {
			return fmt.Errorf("clerk: WithAPIVersion wants a date such as %q, got %q",
				DefaultAPIVersion, version)
		}
		s.apiVersion = version
		return nil
	}
}

// WithUserAgent puts product, such as "fraud-review/2.1", in front of the
// library's own User-Agent. Default: the library's alone.
func WithUserAgent(product string) Option {
	return func(s *settings) error {
		if strings.ContainsFunc(product, isControl) {
			return errors.New("clerk: WithUserAgent was given a control character")
		}
		s.userAgent = strings.TrimSpace(product)
		return nil
	}
}

// WithLogger logs requests to logger: each attempt at Debug, each retry at
// Warn, with method, path, status, attempt, wait and Clerk's trace id.
// Query values that could identify a person are redacted, and the key is
// never logged. Default: silent.
func WithLogger(logger *slog.Logger) Option {
	return func(s *settings) error {
		s.logger = logger
		return nil
	}
}

// WithRetry sets the retry policy; see RetryPolicy. Default
// DefaultRetryPolicy(); NoRetry() switches retries off.
func WithRetry(policy RetryPolicy) Option {
	return func(s *settings) error {
		if err := policy.validate(); err != nil {
			return err
		}
		s.retry = policy
		return nil
	}
}

// Credential returns the credential the client uses (which never shows
// its key).
func (c *Client) Credential() Credential { return c.cred }

// BaseURL returns the API base URL the client sends requests to.
func (c *Client) BaseURL() string { return c.base.String() }

func userAgent(product string) string {
	own := "workflowkit-clerk-go/" + Version
	if product == "" {
		return own
	}
	return product + " " + own
}

// parseBaseURL checks a base URL: absolute, https (or http on loopback),
// no user info, query or fragment.
func parseBaseURL(raw string) (*url.URL, error) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return nil, fmt.Errorf("clerk: base URL is not a URL: %w", err)
	}
	switch {
	case u.Scheme != "https" && u.Scheme != "http", u.Host == "":
		return nil, fmt.Errorf("clerk: base URL must look like %s, got %q",
			DefaultBaseURL, u.Redacted())
	case u.User != nil:
		return nil, errors.New("clerk: base URL must not hold a user name or " +
			"password; the secret key is sent in a header")
	case u.RawQuery != "" || u.Fragment != "":
		return nil, fmt.Errorf("clerk: base URL must not have a query or fragment, "+
			"got %q", u.Redacted())
	case u.Scheme == "http" && !isLoopback(u.Hostname()):
		return nil, fmt.Errorf("clerk: base URL %q uses plain http; use https, or "+
			"http only for a loopback host (localhost, 127.0.0.1, ::1)", u.Redacted())
	}
	u.Path = strings.TrimRight(u.Path, "/")
	return u, nil
}

func isLoopback(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// CloseIdleConnections closes the connections the client keeps open for
// reuse. Call it when a short-lived client is done; a client in use
// reopens connections as needed.
func (c *Client) CloseIdleConnections() { c.http.CloseIdleConnections() }

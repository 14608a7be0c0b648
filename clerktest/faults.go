package clerktest

import (
	"fmt"
	"net/http"
	"time"
)

// FaultKind names a way in which the server fails one request.
type FaultKind int

// The kinds of fault. A client that retries, pages or decodes should
// survive each of them, or fail with a clear error.
const (
	// FaultNone answers normally; it is the zero FaultKind, so that a
	// zero Fault in a script means "this request succeeds".
	FaultNone FaultKind = iota
	// FaultStatus answers with Fault.Status, Fault.Header and Fault.Body,
	// as Clerk does when it is overloaded (429) or failing (500, 503).
	FaultStatus
	// FaultReset closes the TCP connection abruptly (a reset), without
	// sending a byte of the answer.
	FaultReset
	// FaultTruncate sends the real answer's status and headers with the
	// Content-Length of its whole body, then half the body, then closes
	// the connection.
	FaultTruncate
	// FaultSlowBody sends the real answer at once, but its body in pieces
	// spread over Fault.Delay.
	FaultSlowBody
	// FaultInvalidJSON answers 200 with a JSON Content-Type and a body
	// that is not JSON, such as a page cut off by a broken proxy.
	FaultInvalidJSON
	// FaultHTML answers as a load balancer in front of Clerk does: a 502
	// (or Fault.Status) with an HTML page and no Clerk trace id.
	FaultHTML

	faultKinds // the number of kinds, for validation
)

// String returns the constant's name, such as "FaultReset".
func (k FaultKind) String() string {
	names := [...]string{
		"FaultNone", "FaultStatus", "FaultReset", "FaultTruncate",
		"FaultSlowBody", "FaultInvalidJSON", "FaultHTML",
	}
	if k < 0 || k >= faultKinds {
		return fmt.Sprintf("FaultKind(%d)", int(k))
	}
	return names[k]
}

// Fault is one failure that the server plays for one API request, given
// to WithFaults, InjectFaults or WithRandomFaults. A field that a kind
// does not use is ignored.
type Fault struct {
	// Kind is the way the request fails; the zero Kind, FaultNone,
	// answers normally.
	Kind FaultKind
	// Status is the HTTP status of FaultStatus (default 500), FaultHTML
	// (default 502) and FaultInvalidJSON (default 200). It must be 0 or
	// between 200 and 599.
	Status int
	// Header holds headers added to the answer, or replacing the
	// server's own, such as Retry-After for a 429. Every kind but
	// FaultReset sends them.
	Header http.Header
	// Body is the body of FaultStatus (default: Clerk's error envelope,
	// with code too_many_requests for a 429 and internal_clerk_error
	// otherwise), FaultHTML (default: a short "502 Bad Gateway" page)
	// and FaultInvalidJSON (default `[{"id":`). An empty Body always
	// means the default: a FaultStatus cannot send an empty body.
	Body string
	// Delay is, for FaultSlowBody, the time over which the body is sent
	// (default 1s). For every other kind, FaultNone included, it is a
	// wait before the fault acts (default none), added to WithLatency's:
	// FaultReset with a Delay is a server that hangs, then hangs up. A
	// client that gives up ends either wait.
	Delay time.Duration
}

// slowBodyDelay is the default Delay of FaultSlowBody.
const slowBodyDelay = time.Second

// WithFaults scripts the failures of the server: the n-th API request
// gets faults[n-1], and the requests after the script answer normally
// (or as WithRandomFaults says). A zero Fault in the script lets its
// request succeed. Repeated WithFaults options append to the script. By
// default no request fails.
//
// API requests are those that reach GET /v1/users or /v1/users/count
// past the key and the rate limit: a request answered 401, or 429 by
// WithRateLimit, or sent to another path, uses no fault. A fault is
// drawn before the API version and the method are checked, as it stands
// for a failure in front of the endpoint.
//
// NewServer panics when a fault has an unknown Kind, a Status outside 200
// to 599 or a negative Delay.
//
// Go's http.Transport resends a GET on its own, once, when a kept-alive
// connection closes before any byte of the answer: a FaultReset on a
// reused connection is then invisible to the client, which gets the
// answer to the resent request, itself the next API request in the
// script. A test that wants the client to see the reset scripts two in
// a row, or disables keep-alives.
func WithFaults(faults ...Fault) Option {
	return func(c *config) {
		c.faults = append(c.faults, faults...)
	}
}

// InjectFaults appends faults to the script of WithFaults while the
// server runs: the next API request that finds no earlier fault left
// gets faults[0]. It is safe to call while requests are served. It
// panics on an invalid fault, as NewServer does.
func (s *Server) InjectFaults(faults ...Fault) {
	s.faults.add(checkFaults("InjectFaults", faults))
}

// WithRandomFaults makes each API request that the script of WithFaults
// does not cover fail, with probability rate, with one of faults chosen
// uniformly. The draws come from a generator seeded with seed, so that
// the same seed and the same order of requests give the same faults;
// requests sent concurrently arrive in an order that may change from run
// to run. A later WithRandomFaults replaces an earlier one. By default no
// request fails.
//
// NewServer panics when rate is not between 0 and 1, when faults is
// empty, or when a fault is invalid (see WithFaults).
func WithRandomFaults(rate float64, seed int64, faults ...Fault) Option {
	return func(c *config) {
		c.random = &randomFaults{rate: rate, seed: seed, faults: faults}
	}
}

// checkFaults returns copies of faults, their headers cloned, so that the
// caller may change its own afterwards. It panics, naming the function
// where the fault was given, when a fault cannot be played.
func checkFaults(where string, faults []Fault) []Fault {
	out := make([]Fault, len(faults))
	for i, f := range faults {
		if err := f.check(); err != nil {
			panic(fmt.Sprintf("clerktest: %s: fault %d of %d: %v",
				where, i+1, len(faults), err))
		}
		f.Header = f.Header.Clone()
		out[i] = f
	}
	return out
}

// check reports why f cannot be played, or nil.
func (f Fault) check() error {
	switch {
	case f.Kind < 0 || f.Kind >= faultKinds:
		return fmt.Errorf("unknown Kind %v", f.Kind)
	case f.Status != 0 && (f.Status < 200 || f.Status > 599):
		return fmt.Errorf("%v with Status %d, want 0 or 200 to 599", f.Kind, f.Status)
	case f.Delay < 0:
		return fmt.Errorf("%v with negative Delay %v", f.Kind, f.Delay)
	}
	return nil
}

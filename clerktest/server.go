package clerktest

import (
	"crypto/subtle"
	"net/http"
	"net/http/httptest"
	"time"
)

// Server is a Clerk Backend API for tests, listening on the loopback
// interface. Its methods are safe for concurrent use, also while it
// serves: a test may add and delete users during a client's walk.
type Server struct {
	// URL is the API's base URL, such as "http://127.0.0.1:PORT/v1": use it
	// where a client expects "https://api.clerk.com/v1".
	URL string

	ts      *httptest.Server
	key     string
	store   *store
	log     *requestLog
	limiter *limiter
	latency time.Duration
	faults  *faultSource
}

// reply is an answer decided but not yet written, so that the request is
// logged before the client can read its response.
type reply struct {
	status int
	header http.Header
	body   []byte
}

// NewServer starts a server on the loopback interface and returns it. Call
// Close when done. It panics when it cannot listen, as httptest does, when
// a user given by an option cannot be encoded, or when a fault given by
// an option is invalid.
func NewServer(opts ...Option) *Server {
	var cfg config
	for _, opt := range opts {
		opt(&cfg)
	}

	s := &Server{
		key:     cfg.key,
		store:   newStore(),
		log:     &requestLog{},
		limiter: newLimiter(cfg.rateMax, cfg.rateWindow),
		latency: cfg.latency,
		faults:  newFaultSource(cfg.faults, cfg.random),
	}
	if s.key == "" {
		s.key = "sk_test_" + randomAlnum(40)
	}
	s.store.putAll(cfg.records())

	s.ts = httptest.NewServer(http.HandlerFunc(s.serve))
	s.URL = s.ts.URL + "/v1"
	return s
}

// SecretKey returns the secret key the server accepts, to send as
// "Authorization: Bearer <key>".
func (s *Server) SecretKey() string { return s.key }

// Client returns an HTTP client that reaches the server.
func (s *Server) Client() *http.Client { return s.ts.Client() }

// Close shuts the server down and waits for the requests it is serving.
func (s *Server) Close() { s.ts.Close() }

// serve answers one request: decide the answer and its fault, wait
// (latency.go), log, then write as the fault says (faultwrite.go).
func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	trace := newTraceID()
	rep, fault := s.answer(r, trace)
	rep = fault.change(rep.withClerkHeaders(trace), trace)

	if !pause(r.Context(), s.latency+fault.wait()) {
		s.log.add(r, 0, fault.Kind)
		return
	}
	s.log.add(r, fault.loggedStatus(rep), fault.Kind)
	fault.send(w, r, rep)
}

// withClerkHeaders returns rep with a copy of its headers to which the
// JSON Content-Type and the trace id are set.
func (rep reply) withClerkHeaders(trace string) reply {
	rep.header = rep.header.Clone()
	if rep.header == nil {
		rep.header = http.Header{}
	}
	rep.header.Set("Content-Type", "application/json")
	rep.header.Set("X-Clerk-Trace-Id", trace)
	return rep
}

// write sends rep whole.
func write(w http.ResponseWriter, rep reply) {
	h := w.Header()
	for k, v := range rep.header {
		h[k] = v
	}
	w.WriteHeader(rep.status)
	w.Write(rep.body)
}

// answer checks a request in the order a gateway would (key, rate, fault,
// version, path, method) and then runs the endpoint, returning the
// endpoint's answer and the fault that replaces or spoils it. That
// authentication comes before the path and method checks is assumed;
// that a request refused by the rate limit uses no fault is a choice, so
// that a script counts the requests that reach the endpoint.
func (s *Server) answer(r *http.Request, trace string) (reply, Fault) {
	if !s.authorized(r) {
		return errAuthentication().reply(trace), Fault{}
	}
	if wait, ok := s.limiter.take(time.Now()); !ok {
		return errTooMany(wait).reply(trace), Fault{}
	}

	var fault Fault
	if r.URL.Path == "/v1/users" || r.URL.Path == "/v1/users/count" {
		fault = s.faults.next()
	}
	return s.route(r, trace), fault
}

// route checks the version, path and method of an authorized request and
// runs its endpoint.
func (s *Server) route(r *http.Request, trace string) reply {
	if err := checkVersion(r); err != nil {
		return err.reply(trace)
	}

	var endpoint func(*http.Request) (reply, *apiError)
	switch r.URL.Path {
	case "/v1/users":
		endpoint = s.listUsers
	case "/v1/users/count":
		endpoint = s.countUsers
	default:
		return errNotFound(r.URL.Path).reply(trace)
	}
	if r.Method != http.MethodGet {
		return errMethod(r.Method).reply(trace)
	}

	rep, err := endpoint(r)
	if err != nil {
		return err.reply(trace)
	}
	return rep
}

// authorized reports whether r carries "Authorization: Bearer <key>".
func (s *Server) authorized(r *http.Request) bool {
	got := []byte(r.Header.Get("Authorization"))
	want := []byte("Bearer " + s.key)
	return subtle.ConstantTimeCompare(got, want) == 1
}

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
}

// reply is an answer decided but not yet written, so that the request is
// logged before the client can read its response.
type reply struct {
	status int
	header http.Header
	body   []byte
}

// NewServer starts a server on the loopback interface and returns it. Call
// Close when done. It panics when it cannot listen, as httptest does, or
// when a user given by an option cannot be encoded.
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
	}
	if s.key == "" {
		s.key = "sk_test_" + randomAlnum(40)
	}
	for _, u := range cfg.users {
		s.store.put(u)
	}

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

// serve answers one request: decide, log, then write.
func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	trace := newTraceID()
	rep := s.answer(r, trace)
	s.log.add(r, rep.status)

	h := w.Header()
	for k, v := range rep.header {
		h[k] = v
	}
	h.Set("Content-Type", "application/json")
	h.Set("X-Clerk-Trace-Id", trace)
	w.WriteHeader(rep.status)
	w.Write(rep.body)
}

// answer checks a request in the order a gateway would (key, rate,
// version, path, method) and then runs the endpoint. That authentication
// comes before the path and method checks is assumed.
func (s *Server) answer(r *http.Request, trace string) reply {
	if !s.authorized(r) {
		return errAuthentication().reply(trace)
	}
	if wait, ok := s.limiter.take(time.Now()); !ok {
		return errTooMany(wait).reply(trace)
	}
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

package clerktest

import (
	"net/http"
	"net/url"
	"sync"
)

// Request is one request the server received, as recorded when it was
// answered. Its maps are copies: changing them changes nothing else.
type Request struct {
	Method string
	// Path is the URL path, such as "/v1/users".
	Path string
	// Query is the decoded query; RawQuery is the query as sent, where a
	// "+" that should have been "%2B" still shows.
	Query    url.Values
	RawQuery string
	// Header holds the request headers, including Authorization.
	Header http.Header
	// Status is the HTTP status the server answered, or 0 when it sent
	// no answer: a FaultReset, or a client that gave up during a wait
	// of WithLatency or of a Fault's Delay.
	Status int
	// Fault is the kind of fault the request got from WithFaults,
	// InjectFaults or WithRandomFaults, FaultNone for none. A request
	// that gave up during a wait still used its fault.
	Fault FaultKind
}

// requestLog is the list of requests answered, safe for concurrent use.
type requestLog struct {
	mu   sync.Mutex
	reqs []Request
}

// add records r, answered with status and fault.
func (l *requestLog) add(r *http.Request, status int, fault FaultKind) {
	rec := Request{
		Method:   r.Method,
		Path:     r.URL.Path,
		Query:    r.URL.Query(),
		RawQuery: r.URL.RawQuery,
		Header:   r.Header.Clone(),
		Status:   status,
		Fault:    fault,
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	l.reqs = append(l.reqs, rec)
}

// snapshot returns copies of the recorded requests, oldest first.
func (l *requestLog) snapshot() []Request {
	l.mu.Lock()
	defer l.mu.Unlock()

	out := make([]Request, len(l.reqs))
	for i, r := range l.reqs {
		r.Query = cloneValues(r.Query)
		r.Header = r.Header.Clone()
		out[i] = r
	}
	return out
}

func (l *requestLog) len() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.reqs)
}

func cloneValues(v url.Values) url.Values {
	return url.Values(http.Header(v).Clone())
}

// Requests returns the requests the server has answered so far, oldest
// first, whatever their status, and those it gave no answer (see
// Request.Status). A request is recorded before its answer is sent, so a
// client that has its response, or a reset, finds it here; one whose
// client gave up during a wait is recorded when the server notices.
func (s *Server) Requests() []Request {
	return s.log.snapshot()
}

// Hits returns how many requests the server has recorded so far, as
// Requests lists them. A test uses it to prove that invalid input sent
// nothing, or to count a client's retries.
func (s *Server) Hits() int {
	return s.log.len()
}

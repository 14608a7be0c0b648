package measure

import (
	"net/http"

	"github.com/workflowkit/clerk/clerktest"
)

// LogSummary counts what a clerktest server saw.
type LogSummary struct {
	// Requests is every request the server recorded.
	Requests int
	// Counts is how many of them went to GET /v1/users/count.
	Counts int
	// TooMany is how many were answered 429.
	TooMany int
	// OtherErrors is how many were answered with a status other than 200
	// and 429, or not answered (status 0).
	OtherErrors int
}

// Summarize counts the requests of a server's log.
func Summarize(reqs []clerktest.Request) LogSummary {
	var s LogSummary
	for _, r := range reqs {
		s.Requests++
		if r.Path == "/v1/users/count" {
			s.Counts++
		}
		switch r.Status {
		case http.StatusOK:
		case http.StatusTooManyRequests:
			s.TooMany++
		default:
			s.OtherErrors++
		}
	}
	return s
}

// PageQueries returns the raw query strings of the requests to GET
// /v1/users that were answered 200, in the order the server answered them.
func PageQueries(reqs []clerktest.Request) []string {
	var out []string
	for _, r := range reqs {
		if r.Path == "/v1/users" && r.Status == http.StatusOK {
			out = append(out, r.RawQuery)
		}
	}
	return out
}

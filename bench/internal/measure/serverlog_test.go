package measure

import (
	"testing"

	"github.com/workflowkit/clerk/clerktest"
)

func TestSummarize(t *testing.T) {
	reqs := []clerktest.Request{
		{Path: "/v1/users", RawQuery: "limit=1", Status: 200},
		{Path: "/v1/users/count", Status: 200},
		{Path: "/v1/users", RawQuery: "limit=2", Status: 429},
		{Path: "/v1/users", Status: 0},
	}
	got := Summarize(reqs)
	want := LogSummary{Requests: 4, Counts: 1, TooMany: 1, OtherErrors: 1}
	if got != want {
		t.Errorf("Summarize = %+v, want %+v", got, want)
	}
	if q := PageQueries(reqs); len(q) != 1 || q[0] != "limit=1" {
		t.Errorf("PageQueries = %q, want [limit=1]", q)
	}
}

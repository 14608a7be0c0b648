package clerktest

import (
	"fmt"
	"math"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// logged is the part of a recorded request that fault tests check.
type logged struct {
	Path   string
	Status int
	Fault  FaultKind
}

// loggedOf returns the log of srv, reduced to what fault tests check.
func loggedOf(srv *Server) []logged {
	var out []logged
	for _, r := range srv.Requests() {
		out = append(out, logged{r.Path, r.Status, r.Fault})
	}
	return out
}

func TestFaultKindString(t *testing.T) {
	t.Parallel()
	for k, want := range map[FaultKind]string{
		FaultNone: "FaultNone", FaultReset: "FaultReset", FaultHTML: "FaultHTML",
		-1: "FaultKind(-1)", faultKinds: fmt.Sprintf("FaultKind(%d)", int(faultKinds)),
	} {
		if got := k.String(); got != want {
			t.Errorf("FaultKind(%d).String() = %q, want %q", int(k), got, want)
		}
	}
}

func TestFaultScriptCountsAPIRequests(t *testing.T) {
	t.Parallel()
	srv := newTestServer(t, WithFaults(
		Fault{Kind: FaultStatus, Status: 503},
		Fault{},
	), WithFaults(Fault{Kind: FaultStatus}))

	send(t, srv, http.MethodGet, "/users", http.Header{"Authorization": nil})
	get(t, srv, "/users")
	get(t, srv, "/nope")
	get(t, srv, "/users/count")
	send(t, srv, http.MethodPost, "/users", nil)
	get(t, srv, "/users")

	want := []logged{
		{"/v1/users", 401, FaultNone}, // no key: no fault
		{"/v1/users", 503, FaultStatus},
		{"/v1/nope", 404, FaultNone}, // not an API path: no fault
		{"/v1/users/count", 200, FaultNone},
		{"/v1/users", 500, FaultStatus}, // drawn before the method check
		{"/v1/users", 200, FaultNone},   // the script has ended
	}
	if diff := cmp.Diff(want, loggedOf(srv)); diff != "" {
		t.Errorf("log (-want +got):\n%s", diff)
	}
}

func TestRateLimitComesBeforeFaults(t *testing.T) {
	t.Parallel()
	srv := newTestServer(t, WithRateLimit(1, time.Hour),
		WithFaults(Fault{Kind: FaultStatus, Status: 503}, Fault{Kind: FaultHTML}))

	get(t, srv, "/users")
	get(t, srv, "/users")

	want := []logged{{"/v1/users", 503, FaultStatus}, {"/v1/users", 429, FaultNone}}
	if diff := cmp.Diff(want, loggedOf(srv)); diff != "" {
		t.Errorf("log (-want +got):\n%s", diff)
	}
	if left := len(srv.faults.script); left != 1 {
		t.Errorf("%d faults left, want 1: a 429 uses none", left)
	}
}

func TestInjectFaults(t *testing.T) {
	t.Parallel()
	srv := newTestServer(t)
	get(t, srv, "/users")

	header := http.Header{"Retry-After": {"7"}}
	srv.InjectFaults(Fault{Kind: FaultStatus, Status: 429, Header: header}, Fault{})
	srv.InjectFaults(Fault{Kind: FaultHTML})
	header.Set("Retry-After", "changed") // the server keeps its copy

	first := get(t, srv, "/users")
	if first.status != 429 || first.header.Get("Retry-After") != "7" {
		t.Errorf("first: %d, Retry-After %q; want 429, 7",
			first.status, first.header.Get("Retry-After"))
	}
	var got []int
	for range 3 {
		got = append(got, get(t, srv, "/users").status)
	}
	if want := []int{200, 502, 200}; !cmp.Equal(got, want) {
		t.Errorf("after the 429: statuses %v, want %v", got, want)
	}
}

func TestInjectFaultsWhileServing(t *testing.T) {
	t.Parallel()
	srv := newTestServer(t)
	const n = 40

	var wg sync.WaitGroup
	wg.Add(8)
	for range 4 {
		go func() {
			defer wg.Done()
			for range n / 4 {
				srv.InjectFaults(Fault{Kind: FaultStatus, Status: 503})
			}
		}()
		go func() {
			defer wg.Done()
			for range n / 4 {
				if out := try(t, srv.Client(), srv, "/users/count"); out.err != nil {
					t.Error(out.err)
				}
			}
		}()
	}
	wg.Wait()

	played := 0
	for _, r := range srv.Requests() {
		if r.Fault == FaultStatus && r.Status == 503 {
			played++
		}
	}
	if left := len(srv.faults.script); played+left != n {
		t.Errorf("%d faults played and %d left, want %d in all", played, left, n)
	}
}

func TestInvalidFaultsPanic(t *testing.T) {
	t.Parallel()
	status := Fault{Kind: FaultStatus}
	cases := []struct {
		name string
		opt  Option
		want string
	}{
		{"rate above 1", WithRandomFaults(1.5, 1, status),
			"clerktest: WithRandomFaults: rate 1.5, want 0 to 1"},
		{"negative rate", WithRandomFaults(-0.1, 1, status), "rate -0.1"},
		{"NaN rate", WithRandomFaults(math.NaN(), 1, status), "rate NaN"},
		{"no random faults", WithRandomFaults(0.5, 1), "no faults to choose from"},
		{"bad random fault", WithRandomFaults(0.5, 1, Fault{Kind: -1}),
			"clerktest: WithRandomFaults: fault 1 of 1: unknown Kind FaultKind(-1)"},
		{"unknown kind", WithFaults(Fault{Kind: 42}), "unknown Kind FaultKind(42)"},
		{"bad status", WithFaults(Fault{}, Fault{Kind: FaultStatus, Status: 99}),
			"clerktest: WithFaults: fault 2 of 2: FaultStatus with Status 99"},
		{"negative delay", WithFaults(Fault{Kind: FaultSlowBody, Delay: -1}),
			"FaultSlowBody with negative Delay"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got := panicOf(func() { NewServer(tc.opt).Close() })
			if !strings.Contains(got, tc.want) {
				t.Errorf("panic %q, want it to contain %q", got, tc.want)
			}
		})
	}

	srv := newTestServer(t)
	got := panicOf(func() { srv.InjectFaults(Fault{Kind: FaultHTML, Status: 600}) })
	want := "clerktest: InjectFaults: fault 1 of 1: FaultHTML with Status 600"
	if !strings.HasPrefix(got, want) {
		t.Errorf("InjectFaults panicked %q, want %q", got, want)
	}
}

// panicOf runs f and returns the text of its panic, or "" if it returned.
func panicOf(f func()) (text string) {
	defer func() {
		if p := recover(); p != nil {
			text = fmt.Sprint(p)
		}
	}()
	f()
	return ""
}

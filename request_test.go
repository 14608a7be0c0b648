package clerk_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/workflowkit/clerk"
)

func TestRequestHeaders(t *testing.T) {
	t.Parallel()
	var got http.Header
	var path string
	c, _ := fakeAPI(t, func(w http.ResponseWriter, r *http.Request) {
		got, path = r.Header.Clone(), r.URL.Path
		io.WriteString(w, "[]")
	}, clerk.WithUserAgent("fraud-review/2.1"), clerk.WithAPIVersion("2025-11-10"))

	if _, err := c.ListUsers(context.Background(), nil); err != nil {
		t.Fatal(err)
	}
	if path != "/v1/users" {
		t.Errorf("path = %q, want /v1/users", path)
	}
	want := map[string]string{
		"Authorization":     "Bearer " + testKey,
		"Clerk-Api-Version": "2025-11-10",
		"Accept":            "application/json",
	}
	for k, v := range want {
		if got.Get(k) != v {
			t.Errorf("header %s = %q, want %q", k, got.Get(k), v)
		}
	}
	ua := got.Get("User-Agent")
	if !strings.HasPrefix(ua, "fraud-review/2.1 workflowkit-clerk-go/") {
		t.Errorf("User-Agent = %q", ua)
	}
}

func TestDefaultAPIVersionIsSent(t *testing.T) {
	t.Parallel()
	var version string
	c, _ := fakeAPI(t, func(w http.ResponseWriter, r *http.Request) {
		version = r.Header.Get("Clerk-API-Version")
		io.WriteString(w, "[]")
	})
	if _, err := c.ListUsers(context.Background(), nil); err != nil {
		t.Fatal(err)
	}
	if version != clerk.DefaultAPIVersion {
		t.Errorf("Clerk-API-Version = %q, want %q", version, clerk.DefaultAPIVersion)
	}
}

func TestAPIErrorDecoding(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		status  int
		header  map[string]string
		body    string
		want    clerk.APIError
		wantMsg string
	}{
		{
			name:   "clerk JSON",
			status: 422,
			body: `{"errors":[{"message":"is invalid","long_message":"limit must be ` +
				`at most 500","code":"form_param_value_invalid","meta":{"param_name":` +
				`"limit"}}],"clerk_trace_id":"trace_1"}`,
			want: clerk.APIError{StatusCode: 422, TraceID: "trace_1"},
			wantMsg: "clerk: GET /v1/users: 422 Unprocessable Entity: " +
				"form_param_value_invalid (limit must be at most 500); trace trace_1",
		},
		{
			name:    "HTML from a proxy",
			status:  404,
			body:    "<html><body><h1>Not Found</h1>\n</body></html>",
			want:    clerk.APIError{StatusCode: 404, Body: "<html><body><h1>Not Found</h1> </body></html>"},
			wantMsg: `clerk: GET /v1/users: 404 Not Found: "<html><body><h1>Not Found</h1> </body></html>"`,
		},
		{
			name:    "empty body, trace id in header",
			status:  401,
			header:  map[string]string{"X-Clerk-Trace-Id": "trace_2"},
			want:    clerk.APIError{StatusCode: 401, TraceID: "trace_2"},
			wantMsg: "clerk: GET /v1/users: 401 Unauthorized; trace trace_2",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			c, hits := fakeAPI(t, func(w http.ResponseWriter, r *http.Request) {
				for k, v := range tt.header {
					w.Header().Set(k, v)
				}
				w.WriteHeader(tt.status)
				io.WriteString(w, tt.body)
			})
			_, err := c.ListUsers(context.Background(),
				clerk.NewListUsersParams().EmailAddresses("ada@example.com"))

			var apiErr *clerk.APIError
			if !errors.As(err, &apiErr) {
				t.Fatalf("error %v is not an *APIError", err)
			}
			if hits.Load() != 1 {
				t.Errorf("server hits = %d, want 1 (no retry for %d)", hits.Load(), tt.status)
			}
			if apiErr.StatusCode != tt.want.StatusCode || apiErr.TraceID != tt.want.TraceID ||
				apiErr.Body != tt.want.Body {
				t.Errorf("got status %d trace %q body %q", apiErr.StatusCode,
					apiErr.TraceID, apiErr.Body)
			}
			if err.Error() != tt.wantMsg {
				t.Errorf("Error() = %q\nwant      %q", err.Error(), tt.wantMsg)
			}
			if strings.Contains(err.Error(), "ada") || strings.Contains(err.Error(), "?") {
				t.Errorf("Error() shows the query: %q", err)
			}
		})
	}
}

func TestAPIErrorCarriesClerkErrors(t *testing.T) {
	t.Parallel()
	c, _ := fakeAPI(t, func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(422)
		io.WriteString(w, `{"errors":[{"message":"m","long_message":"lm",`+
			`"code":"form_param_format_invalid","meta":{"param_name":"offset"}}]}`)
	})
	_, err := c.ListUsers(context.Background(), nil)
	var apiErr *clerk.APIError
	if !errors.As(err, &apiErr) {
		t.Fatal(err)
	}
	if apiErr.Code() != "form_param_format_invalid" || apiErr.ParamName() != "offset" {
		t.Errorf("Code() = %q, ParamName() = %q", apiErr.Code(), apiErr.ParamName())
	}
	first := apiErr.Errors[0]
	if diff := cmp.Diff([]string{"m", "lm"}, []string{first.Message, first.LongMessage}); diff != "" {
		t.Error(diff)
	}
}

func TestEchoedKeyIsRemovedFromErrors(t *testing.T) {
	t.Parallel()
	c, _ := fakeAPI(t, func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(400)
		fmt.Fprintf(w, `{"errors":[{"message":"bad header %s","long_message":"%s",`+
			`"code":"x","meta":{"authorization":"%s"}}]}`, r.Header.Get("Authorization"),
			r.Header.Get("Authorization"), r.Header.Get("Authorization"))
	})
	_, err := c.ListUsers(context.Background(), nil)
	var apiErr *clerk.APIError
	if !errors.As(err, &apiErr) {
		t.Fatal(err)
	}
	printed := fmt.Sprintf("%v %+v %#v", err, apiErr, *apiErr)
	if strings.Contains(printed, testKey[8:]) {
		t.Errorf("the key leaked: %s", printed)
	}
}

func TestNonJSONSuccessIsAnError(t *testing.T) {
	t.Parallel()
	c, hits := fakeAPI(t, func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, "<html>maintenance</html>")
	})
	_, err := c.ListUsers(context.Background(), nil)
	var reqErr *clerk.RequestError
	if !errors.As(err, &reqErr) {
		t.Fatalf("error %v is not a *RequestError", err)
	}
	if hits.Load() != 3 {
		t.Errorf("hits = %d, want 3 (a garbled body is retried)", hits.Load())
	}
}

func TestRetryThenSuccess(t *testing.T) {
	t.Parallel()
	var n int
	c, hits := fakeAPI(t, func(w http.ResponseWriter, r *http.Request) {
		n++
		if n < 3 {
			w.Header().Set("Retry-After", "0")
			w.WriteHeader(http.StatusTooManyRequests)
			return
		}
		io.WriteString(w, `[{"id":"user_1","object":"user"}]`)
	})
	users, err := c.ListUsers(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(users) != 1 || users[0].ID != "user_1" || hits.Load() != 3 {
		t.Errorf("users %v, hits %d", users, hits.Load())
	}
}

func TestRetryAfterBeyondDeadlineReturnsAtOnce(t *testing.T) {
	t.Parallel()
	c, hits := fakeAPI(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Retry-After", "30")
		w.WriteHeader(http.StatusTooManyRequests)
		io.WriteString(w, `{"errors":[{"code":"too_many_requests","message":"slow down",`+
			`"long_message":"slow down"}]}`)
	}, clerk.WithRetry(clerk.RetryPolicy{MaxAttempts: 3, MinWait: time.Millisecond,
		MaxWait: time.Minute}))

	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	start := time.Now()
	_, err := c.ListUsers(ctx, nil)

	var apiErr *clerk.APIError
	if !errors.As(err, &apiErr) || !clerk.IsRateLimited(err) {
		t.Fatalf("error %v is not a 429 *APIError", err)
	}
	if apiErr.RetryAfter != 30*time.Second || apiErr.Code() != "too_many_requests" {
		t.Errorf("RetryAfter = %s, code %q", apiErr.RetryAfter, apiErr.Code())
	}
	if hits.Load() != 1 || time.Since(start) > time.Second {
		t.Errorf("hits %d after %s: it waited instead of returning", hits.Load(),
			time.Since(start))
	}
}

func TestNeverRetried(t *testing.T) {
	t.Parallel()
	for _, status := range []int{400, 401, 403, 404, 422, 501} {
		t.Run(fmt.Sprint(status), func(t *testing.T) {
			t.Parallel()
			c, hits := fakeAPI(t, func(w http.ResponseWriter, r *http.Request) {
				w.WriteHeader(status)
			})
			_, err := c.ListUsers(context.Background(), nil)
			if err == nil || hits.Load() != 1 {
				t.Errorf("err %v, hits %d, want an error after 1 hit", err, hits.Load())
			}
		})
	}
}

func TestRedirectToAnotherHostIsRefused(t *testing.T) {
	t.Parallel()
	var leaked string
	other, _ := fakeAPI(t, func(w http.ResponseWriter, r *http.Request) {
		leaked = r.Header.Get("Authorization")
	})
	c, _ := fakeAPI(t, func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, other.BaseURL()+"/users?email_address=a@b.c", http.StatusFound)
	})
	_, err := c.ListUsers(context.Background(), nil)
	var apiErr *clerk.APIError
	if !errors.As(err, &apiErr) || apiErr.StatusCode != http.StatusFound {
		t.Fatalf("error %v, want the 302 as an *APIError", err)
	}
	if leaked != "" {
		t.Error("the Authorization header followed the redirect")
	}
	if strings.Contains(err.Error(), "a@b.c") {
		t.Errorf("error shows the redirect's query: %v", err)
	}
}

func TestBaseURLChecks(t *testing.T) {
	t.Parallel()
	cred, _ := clerk.NewCredential("t", testKey)
	tests := []struct {
		url string
		ok  bool
	}{
		{"https://api.clerk.com/v1", true},
		{"https://proxy.example.com/clerk/v1/", true},
		{"http://127.0.0.1:8080/v1", true},
		{"http://localhost:8080/v1", true},
		{"http://[::1]:8080/v1", true},
		{"http://api.clerk.com/v1", false},
		{"http://10.0.0.1/v1", false},
		{"ftp://api.clerk.com/v1", false},
		{"api.clerk.com/v1", false},
		{"https://user:pw@api.clerk.com/v1", false},
		{"https://api.clerk.com/v1?x=1", false},
	}
	for _, tt := range tests {
		_, err := clerk.NewClient(cred, clerk.WithBaseURL(tt.url))
		if (err == nil) != tt.ok {
			t.Errorf("WithBaseURL(%q): err = %v, want ok=%v", tt.url, err, tt.ok)
		}
		if err != nil && strings.Contains(err.Error(), "pw") {
			t.Errorf("error shows the password: %v", err)
		}
	}
}

func TestTransportErrorHidesTheQuery(t *testing.T) {
	t.Parallel()
	cred, _ := clerk.NewCredential("t", testKey)
	c, err := clerk.NewClient(cred, clerk.WithBaseURL("http://127.0.0.1:1/v1"),
		clerk.WithRetry(clerk.RetryPolicy{MaxAttempts: 2, MinWait: time.Millisecond,
			MaxWait: time.Millisecond}))
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.ListUsers(context.Background(),
		clerk.NewListUsersParams().EmailAddresses("ada.lovelace@example.com"))
	var reqErr *clerk.RequestError
	if !errors.As(err, &reqErr) {
		t.Fatalf("error %v is not a *RequestError", err)
	}
	if reqErr.Attempts != 2 {
		t.Errorf("Attempts = %d, want 2 (refused connections are retried)", reqErr.Attempts)
	}
	if strings.Contains(err.Error(), "ada") {
		t.Errorf("error shows the email: %v", err)
	}
}

func TestCanceledContextSendsNothing(t *testing.T) {
	t.Parallel()
	c, hits := fakeAPI(t, func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, "[]")
	})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := c.ListUsers(ctx, nil)
	if !errors.Is(err, context.Canceled) || hits.Load() != 0 {
		t.Errorf("err %v, hits %d; want context.Canceled and no request", err, hits.Load())
	}
}

// TestRedirectsNeverCarryTheKeyAway sends the client through redirects to
// another host, to plain http, in the scheme-relative //host form, and
// back to the API before leaving: the key must never reach the other
// server.
func TestRedirectsNeverCarryTheKeyAway(t *testing.T) {
	t.Parallel()
	var leaked atomic.Value
	other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if auth := r.Header.Get("Authorization"); auth != "" {
			leaked.Store(auth)
		}
		io.WriteString(w, "[]")
	}))
	t.Cleanup(other.Close)
	otherHost := strings.TrimPrefix(other.URL, "http://")

	targets := map[string]string{
		"absolute":        other.URL + "/v1/users",
		"scheme-relative": "//" + otherHost + "/v1/users",
		"hop back first":  "/v1/hop",
	}
	for name, target := range targets {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			c, _ := fakeAPI(t, func(w http.ResponseWriter, r *http.Request) {
				switch r.URL.Path {
				case "/v1/hop":
					http.Redirect(w, r, other.URL+"/v1/users", http.StatusTemporaryRedirect)
				default:
					http.Redirect(w, r, target, http.StatusFound)
				}
			})
			_, err := c.ListUsers(context.Background(), nil)
			if err == nil {
				t.Error("a redirect away from the API was followed")
			}
		})
	}
	if v := leaked.Load(); v != nil {
		t.Errorf("the other server received Authorization %q", v)
	}
}

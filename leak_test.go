package clerk_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/workflowkit/clerk"
)

// echoHandlers answer with bodies that repeat the Authorization header,
// in every shape a misbehaving server or proxy might use.
var echoHandlers = map[string]func(w http.ResponseWriter, auth string){
	"401 JSON": func(w http.ResponseWriter, auth string) {
		w.WriteHeader(401)
		fmt.Fprintf(w, `{"errors":[{"code":"authentication_invalid","message":"%s",`+
			`"long_message":"bad key %s","meta":{"header":"%s"}}],"clerk_trace_id":"%s"}`,
			auth, auth, auth, auth)
	},
	"422 JSON": func(w http.ResponseWriter, auth string) {
		w.WriteHeader(422)
		fmt.Fprintf(w, `{"errors":[{"code":"form_param_value_invalid","message":"x",`+
			`"long_message":"%s","meta":{"param_name":"%s"}}]}`, auth, auth)
	},
	"500 HTML": func(w http.ResponseWriter, auth string) {
		w.WriteHeader(500)
		fmt.Fprintf(w, "<html><pre>Authorization: %s</pre></html>", auth)
	},
	"429 text": func(w http.ResponseWriter, auth string) {
		w.Header().Set("Retry-After", "0")
		w.WriteHeader(429)
		fmt.Fprintf(w, "slow down, %s", auth)
	},
	"200 garbage": func(w http.ResponseWriter, auth string) {
		fmt.Fprintf(w, "[{\"id\": %q", auth)
	},
	"header echo": func(w http.ResponseWriter, auth string) {
		w.Header().Set("X-Clerk-Trace-Id", auth)
		w.Header().Set("Location", "https://elsewhere.example/?k="+auth)
		w.WriteHeader(302)
	},
}

// TestSecretNeverLeaks drives every entry point that talks to Clerk
// against servers that echo the key, and checks every error string, every
// printed error and every debug log line for the key, emails and phone
// numbers.
func TestSecretNeverLeaks(t *testing.T) {
	t.Parallel()
	secret := testKey[len("sk_test_"):]
	email, phone := "ada.lovelace@example.com", "+15555550100"

	for name, echo := range echoHandlers {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			var logs syncBuffer
			logger := slog.New(slog.NewJSONHandler(&logs,
				&slog.HandlerOptions{Level: slog.LevelDebug}))
			c, _ := fakeAPI(t, func(w http.ResponseWriter, r *http.Request) {
				echo(w, r.Header.Get("Authorization"))
			}, clerk.WithLogger(logger))

			params := clerk.NewListUsersParams().EmailAddresses(email).PhoneNumbers(phone).
				Query(email).UserIDs("user_1")
			var errs []error
			_, err := c.ListUsers(context.Background(), params)
			errs = append(errs, err)
			_, err = c.CountUsers(context.Background(), params)
			errs = append(errs, err)
			for _, err := range c.Users(context.Background(), params) {
				errs = append(errs, err)
			}
			for _, err := range c.ScanUsers(context.Background(), params,
				clerk.ScanOptions{Concurrency: 2}) {
				errs = append(errs, err)
			}
			run, err := c.Incremental(params, clerk.Watermark{
				Field: clerk.WatermarkCreatedAt}, clerk.ScanOptions{})
			if err != nil {
				t.Fatal(err)
			}
			for _, err := range run.Users(context.Background()) {
				errs = append(errs, err)
			}
			check, err := c.TestCredential(context.Background())
			errs = append(errs, err, errors.New(check.Message+" "+check.TraceID))

			for _, err := range errs {
				if err == nil {
					t.Fatal("the echoing server's answer was not an error")
				}
				printed := fmt.Sprintf("%v|%+v|%#v|%s", err, err, err, err)
				js, _ := json.Marshal(err)
				for _, s := range []string{printed, string(js)} {
					if strings.Contains(s, secret) {
						t.Errorf("error shows the key: %s", s)
					}
					if strings.Contains(s, email) || strings.Contains(s, "15555550100") {
						t.Errorf("error shows the query: %s", s)
					}
				}
			}

			out := logs.String()
			if !strings.Contains(out, `"level":"DEBUG"`) {
				t.Fatalf("no debug logs were written: %q", out)
			}
			for _, leak := range []string{secret, email, "15555550100", "ada.lovelace",
				"%40example"} {
				if strings.Contains(out, leak) {
					t.Errorf("logs show %q:\n%s", leak, out)
				}
			}
		})
	}
}

// TestLogsSayWhatHappened checks that the logs carry what an operator
// needs: attempts at debug, retries at warn, with status and wait.
func TestLogsSayWhatHappened(t *testing.T) {
	t.Parallel()
	var logs syncBuffer
	logger := slog.New(slog.NewJSONHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	n := 0
	c, _ := fakeAPI(t, func(w http.ResponseWriter, r *http.Request) {
		if n++; n == 1 {
			w.Header().Set("X-Clerk-Trace-Id", "trace_503")
			w.WriteHeader(503)
			return
		}
		io.WriteString(w, "[]")
	}, clerk.WithLogger(logger))
	if _, err := c.ListUsers(context.Background(),
		clerk.NewListUsersParams().EmailAddresses("a@b.c").Limit(7)); err != nil {
		t.Fatal(err)
	}

	var lines []map[string]any
	for _, line := range strings.Split(strings.TrimSpace(logs.String()), "\n") {
		var m map[string]any
		if err := json.Unmarshal([]byte(line), &m); err != nil {
			t.Fatal(err)
		}
		lines = append(lines, m)
	}
	if len(lines) != 3 {
		t.Fatalf("got %d log lines, want attempt, retry, attempt:\n%s", len(lines), logs.String())
	}
	retry := lines[1]
	if retry["level"] != "WARN" || retry["status"] != 503.0 || retry["trace_id"] != "trace_503" ||
		retry["attempt"] != 1.0 || retry["wait"] == nil {
		t.Errorf("retry line = %v", retry)
	}
	if q := lines[0]["query"]; q != "email_address=REDACTED&limit=7" {
		t.Errorf("attempt line query = %v", q)
	}
	if lines[2]["status"] != 200.0 || lines[2]["attempt"] != 2.0 {
		t.Errorf("second attempt line = %v", lines[2])
	}
}

// syncBuffer is a bytes.Buffer safe for concurrent writers.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

var _ = time.Second

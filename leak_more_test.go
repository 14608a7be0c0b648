package clerk_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/workflowkit/clerk"
)

// echoQuery answers with an HTML page that repeats the request's query,
// as some proxies' error pages do.
func TestProxyPageEchoingTheQueryIsScrubbed(t *testing.T) {
	t.Parallel()
	c, _ := fakeAPI(t, func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusBadGateway)
		fmt.Fprintf(w, "<html>bad gateway for %s?%s (%s)</html>", r.URL.Path, r.URL.RawQuery,
			r.URL.Query().Get("email_address"))
	})
	_, err := c.ListUsers(context.Background(), clerk.NewListUsersParams().
		EmailAddresses("ada.lovelace@example.com").PhoneNumbers("+15555550100").Limit(7))
	var apiErr *clerk.APIError
	if !errors.As(err, &apiErr) {
		t.Fatal(err)
	}
	for _, s := range []string{err.Error(), apiErr.Body} {
		for _, leak := range []string{"ada.lovelace", "15555550100"} {
			if strings.Contains(s, leak) {
				t.Errorf("error shows %q: %s", leak, s)
			}
		}
	}
	if !strings.Contains(apiErr.Body, "limit=7") {
		t.Errorf("Body %q lost the harmless part of the page", apiErr.Body)
	}
}

// leakyTransport fails with an error that quotes the whole request.
type leakyTransport struct{}

func (leakyTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	return nil, fmt.Errorf("proxy refused %s with %s", r.URL, r.Header.Get("Authorization"))
}

func TestCustomTransportErrorsAreScrubbed(t *testing.T) {
	t.Parallel()
	cred, _ := clerk.NewCredential("t", testKey)
	c, err := clerk.NewClient(cred, clerk.WithHTTPClient(&http.Client{
		Transport: leakyTransport{}}), clerk.WithRetry(clerk.NoRetry()))
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.ListUsers(context.Background(),
		clerk.NewListUsersParams().EmailAddresses("ada.lovelace@example.com"))
	if err == nil {
		t.Fatal("no error")
	}
	for _, leak := range []string{testKey[8:], "ada.lovelace"} {
		if strings.Contains(err.Error(), leak) {
			t.Errorf("error shows %q: %v", leak, err)
		}
	}
}

func TestRedirectLoopIsNamed(t *testing.T) {
	t.Parallel()
	c, _ := fakeAPI(t, func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, r.URL.Path, http.StatusFound)
	})
	_, err := c.ListUsers(context.Background(), nil)
	if err == nil || !strings.Contains(err.Error(), "redirects within the API's host") {
		t.Errorf("err = %v", err)
	}
}

func TestNilClientIsAnError(t *testing.T) {
	t.Parallel()
	var c *clerk.Client
	if _, err := c.ListUsers(context.Background(), nil); err == nil {
		t.Error("ListUsers on a nil client: no error")
	}
	if _, err := c.TestCredential(context.Background()); err == nil {
		t.Error("TestCredential on a nil client: no error")
	}
}

func TestOversizedPageIsAnError(t *testing.T) {
	t.Parallel()
	c, _ := fakeAPI(t, func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, `[{"id":"user_1"},{"id":"user_2"},{"id":"user_3"}]`)
	})
	_, err := c.ListUsers(context.Background(), clerk.NewListUsersParams().Limit(2))
	if err == nil || !strings.Contains(err.Error(), "3 users for a limit of 2") {
		t.Errorf("err = %v", err)
	}
}

package clerk

import (
	"errors"
	"net/http"
	"net/url"
	"time"
)

// defaultAttemptTimeout bounds one attempt of the default http.Client,
// from dialling to the last byte of the body.
const defaultAttemptTimeout = 30 * time.Second

// maxRedirects is how many redirects within the API's own scheme and host
// a request follows.
const maxRedirects = 5

// errRedirectRefused is the cause of a redirect the client did not follow.
var errRedirectRefused = errors.New("refused to follow a redirect away from the API's " +
	"own scheme and host, which would expose the secret key")

// newHTTPClient copies hc, or builds the default client, and makes it
// refuse redirects that leave the API's scheme and host, so that the
// Authorization header never reaches another server. A refused redirect
// comes back as the 3xx answer itself.
func newHTTPClient(hc *http.Client, base *url.URL) *http.Client {
	var out http.Client
	if hc != nil {
		out = *hc
	} else {
		transport := http.DefaultTransport.(*http.Transport).Clone()
		transport.MaxIdleConnsPerHost = 64
		out = http.Client{Transport: transport, Timeout: defaultAttemptTimeout}
	}

	out.CheckRedirect = func(req *http.Request, via []*http.Request) error {
		if req.URL.Scheme != base.Scheme || req.URL.Host != base.Host {
			return http.ErrUseLastResponse
		}
		if len(via) >= maxRedirects {
			return http.ErrUseLastResponse
		}
		return nil
	}
	return &out
}

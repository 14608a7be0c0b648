package clerktest

import (
	"net/http"
	"slices"
	"strconv"
	"strings"
)

// versionHeader and versionParam are the two ways a request may choose an
// API version.
const (
	versionHeader = "Clerk-API-Version"
	versionParam  = "__clerk_api_version"
)

// apiVersions lists the API versions the server accepts, oldest first.
// This is the only list; add a version here when Clerk publishes one.
func apiVersions() []string {
	return []string{"2021-02-05", "2024-10-01", "2025-04-10", "2025-11-10", "2026-05-12"}
}

// checkVersion accepts a request that chooses no version, or one known
// version by exactly one of the header and the query parameter.
func checkVersion(r *http.Request) *apiError {
	header, inHeader := r.Header[http.CanonicalHeaderKey(versionHeader)]
	param, inQuery := r.URL.Query()[versionParam]

	switch {
	case inHeader && inQuery:
		return errVersion("The API version was given both in the " + versionHeader +
			" header and in the " + versionParam + " query parameter; send only one.")
	case inHeader:
		return knownVersion(header[0])
	case inQuery:
		return knownVersion(param[0])
	}
	return nil
}

func knownVersion(v string) *apiError {
	if slices.Contains(apiVersions(), v) {
		return nil
	}
	return errVersion("API version " + strconv.Quote(v) + " is unknown; use one of " +
		strings.Join(apiVersions(), ", ") + ".")
}

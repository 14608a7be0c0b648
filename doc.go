// Package clerk looks up users in Clerk, the authentication and user
// management platform, through its Backend API, and turns what it finds
// into records that services and workflow systems can decide on.
//
// It only reads: it lists and counts users, and never creates, changes or
// deletes them.
//
// # Quick start
//
//	cred, err := clerk.CredentialFromEnv() // CLERK_SECRET_KEY
//	if err != nil {
//		return err
//	}
//	client, err := clerk.NewClient(cred)
//	if err != nil {
//		return err
//	}
//	users, err := client.ListUsers(ctx, clerk.NewListUsersParams().
//		EmailAddresses("ada.lovelace@example.com"))
//
// # Pieces
//
//   - Credential: a secret key, checked offline and never printed.
//   - Client: ListUsers (one page), CountUsers and Users (every page, as
//     an iterator). Requests carry the key, the pinned Clerk-API-Version
//     and a User-Agent; 429s, 5xx answers and dropped connections are
//     retried as a RetryPolicy says, honouring Retry-After.
//   - ListUsersParams: every filter, search, window, ordering and paging
//     option of GET /v1/users, validated before any request.
//   - User: Clerk's whole user schema. Decoding and re-encoding loses
//     nothing, not even properties Clerk adds later.
//   - Flatten: a user as ordered key/value pairs for CSV, logs and
//     workflow fields.
//   - Errors: *APIError for any answer outside 2xx, *RequestError when no
//     usable answer came, *ParamError for invalid parameters.
//
// The package clerktest serves a Clerk-compatible API on loopback, with
// demo users, for tests that need no Clerk account.
//
// # Secrets and personal data
//
// The secret key never appears in an error, a log line or any printed or
// encoded form of a library value. Logging is off unless WithLogger is
// given; logs carry the method, path, status, attempt and trace id, with
// query values that could identify a person redacted.
package clerk

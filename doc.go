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
//     workflow fields; the keys are described below.
//   - Mapping: which record values a workflow copies into which of its
//     fields (ParseMapping, Apply).
//   - ParamsFromInputs: ListUsersParams from a workflow's text fields.
//   - Step: a ready "List Users" step for workflow engines: inputs from
//     the workflow's data, a lookup, policies for no match and several
//     matches, and an output mapping (ParseStep, Run).
//   - Errors: *APIError for any answer outside 2xx, *RequestError when no
//     usable answer came, *ParamError for invalid parameters.
//
// The package clerktest serves a Clerk-compatible API on loopback, with
// demo users, for tests that need no Clerk account.
//
// # Flattened keys
//
// Flatten writes a user as a Record of keys and values. The keys below are
// stable: mappings, CSV columns and workflow fields name them, and
// golden-file tests pin them.
//
//   - Each member of Clerk's user JSON has its JSON name: "id", "banned",
//     "first_name". Members of nested objects follow a dot:
//     "scim.directory_id".
//   - List items go by index from 0: "email_addresses.0.email_address",
//     "external_accounts.1.provider". An empty list or object gives no
//     key.
//   - Metadata follows the same rules under its member:
//     "public_metadata.plan.tier", "private_metadata.stripe.customer_id",
//     "organization_memberships.0.organization.public_metadata.plan".
//     A dot or a backslash inside a metadata name is written after a
//     backslash, so {"plan":{"tier":"pro"},"plan.tier":"free"} gives
//     public_metadata.plan.tier = "pro" and public_metadata.plan\.tier =
//     "free". When a name comes twice in one object, the last one counts,
//     as in encoding/json.
//   - Members Clerk added after this library follow the known ones of the
//     same object, sorted by name, by the same rules. One whose name is a
//     key Flatten makes up at that place (see below) gets a leading
//     backslash.
//   - Values keep their JSON kind: text, number (every digit Clerk sent,
//     never rounded through float64), true or false, and null for a
//     member Clerk sent as null. A member Clerk did not send, as in older
//     users and webhook payloads, has no key: nothing is invented.
//   - Timestamps are numbers of Unix milliseconds, as Clerk sends them.
//     Each is followed by a companion key, its name plus "_rfc3339", with
//     the same time as RFC 3339 text in UTC with three fractional digits:
//     created_at = 1688202000000 and created_at_rfc3339 =
//     "2023-07-01T09:00:00.000Z". A null timestamp has a null companion.
//     Only the timestamps of the schema this library knows (members named
//     *_at) have companions; metadata has none.
//   - After the user's members come four derived keys:
//     primary_email_address, primary_phone_number and primary_web3_wallet
//     (the identifier that the primary id points at) and full_name (first
//     and last name joined by a space, either alone when the other is
//     missing). Each is null when there is nothing to derive it from.
//   - Last, only when needed: flatten_truncated lists what the bounds cut
//     (FlattenMaxDepth, FlattenMaxValues, FlattenMaxValueBytes), and
//     flatten_error lists metadata that was not valid JSON (possible only
//     in a User built by hand), as "key: what happened" separated by "; ".
//
// Keys follow the order of Clerk's schema, as the model's fields list it,
// so the same user always gives the same record, field for field, and CSV
// columns stay put. No key appears twice in a record.
//
// # Secrets and personal data
//
// The secret key never appears in an error, a log line or any printed or
// encoded form of a library value. Logging is off unless WithLogger is
// given; logs carry the method, path, status, attempt and trace id, with
// query values that could identify a person redacted.
package clerk

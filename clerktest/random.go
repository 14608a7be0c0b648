package clerktest

import (
	"crypto/rand"
	"encoding/hex"
)

// alphanumerics are the characters of generated keys and ids.
const alphanumerics = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"

// randomAlnum returns n letters and digits drawn uniformly from
// crypto/rand.
func randomAlnum(n int) string {
	out := make([]byte, 0, n)
	buf := make([]byte, 2*n)
	for len(out) < n {
		rand.Read(buf) // never fails since Go 1.24
		for _, b := range buf {
			// Keep 6 bits and reject 62 and 63, so that no character
			// is likelier than another.
			if c := b & 63; int(c) < len(alphanumerics) && len(out) < n {
				out = append(out, alphanumerics[c])
			}
		}
	}
	return string(out)
}

// newTraceID returns a fresh id in the form of Clerk's trace ids: 32
// lower-case hexadecimal digits.
func newTraceID() string {
	b := make([]byte, 16)
	rand.Read(b)
	return hex.EncodeToString(b)
}

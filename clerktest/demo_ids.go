package clerktest

import (
	"crypto/sha256"
	"encoding/hex"
	"time"
)

// Units of Unix-millisecond timestamps.
const (
	minute int64 = 60_000
	hour         = 60 * minute
	day          = 24 * hour
)

// demoID returns the id of a demo object in Clerk's form: prefix, "_",
// then 27 letters and digits derived from seed, so that the demo data is
// the same on every run. Clerk's own ids are random; only their form
// matters to a client.
func demoID(prefix, seed string) string {
	sum := sha256.Sum256([]byte("clerktest demo/" + prefix + "/" + seed))
	id := make([]byte, 27)
	for i := range id {
		id[i] = alphanumerics[int(sum[i])%len(alphanumerics)]
	}
	return prefix + "_" + string(id)
}

// demoTime returns, in Unix milliseconds, the moment that many days and
// hours after the demo instance was created on 2023-07-03 at 09:00 UTC.
func demoTime(days, hours int) int64 {
	epoch := time.Date(2023, time.July, 3, 9, 0, 0, 0, time.UTC).UnixMilli()
	return epoch + int64(days)*day + int64(hours)*hour
}

// demoWallet returns an Ethereum address derived from seed.
func demoWallet(seed string) string {
	sum := sha256.Sum256([]byte("clerktest demo/wallet/" + seed))
	return "0x" + hex.EncodeToString(sum[:20])
}

func ptr[T any](v T) *T { return &v }

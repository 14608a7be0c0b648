package clerk_test

import (
	"encoding/json"
	"testing"

	"github.com/workflowkit/clerk"
	"github.com/workflowkit/clerk/clerktest"
)

// BenchmarkFlatten flattens one demo user per iteration. Compare it with
// BenchmarkDecodeUser: flattening should cost well under a third of
// decoding the same user.
func BenchmarkFlatten(b *testing.B) {
	users := clerktest.DemoUsers()
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		clerk.Flatten(users[i%len(users)])
	}
}

// BenchmarkDecodeUser decodes one demo user from Clerk's JSON per
// iteration, the yardstick for BenchmarkFlatten.
func BenchmarkDecodeUser(b *testing.B) {
	var raws [][]byte
	for _, u := range clerktest.DemoUsers() {
		raw, err := json.Marshal(u)
		if err != nil {
			b.Fatal(err)
		}
		raws = append(raws, raw)
	}

	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		var u clerk.User
		if err := json.Unmarshal(raws[i%len(raws)], &u); err != nil {
			b.Fatal(err)
		}
	}
}

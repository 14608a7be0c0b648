package clerk_test

import (
	"encoding/json"
	"testing"

	"github.com/workflowkit/clerk"
	"github.com/workflowkit/clerk/clerktest"
)

// pageBytes is a 500-user page as Clerk would send it, from generated
// users shaped like real ones.
func pageBytes(b *testing.B) []byte {
	b.Helper()
	data, err := json.Marshal(clerktest.GenerateUsers(500, 1))
	if err != nil {
		b.Fatal(err)
	}
	return data
}

func BenchmarkDecodePage(b *testing.B) {
	data := pageBytes(b)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		var users []clerk.User
		if err := json.Unmarshal(data, &users); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkValidPage(b *testing.B) {
	data := pageBytes(b)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if !json.Valid(data) {
			b.Fatal("invalid")
		}
	}
}

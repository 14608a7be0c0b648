package bench_test

import (
	"encoding/json"
	"sync"
	"testing"

	sdk "github.com/clerk/clerk-sdk-go/v2"
	"github.com/workflowkit/clerk"
	"github.com/workflowkit/clerk/clerktest"
)

// pageUsers is the size of the page every benchmark here reads: Clerk's
// largest page.
const pageUsers = clerk.MaxUsersLimit

// page is one page of realistic users as GET /v1/users answers it, made
// once: the generator's first 500 users (seed 1), encoded by the library.
var page = sync.OnceValues(func() ([]byte, error) {
	return json.Marshal(clerktest.GenerateUsers(pageUsers, 1))
})

// pageBytes returns the page and sets the benchmark's bytes to its size,
// so that every benchmark's MB/s is about the same bytes.
func pageBytes(b *testing.B) []byte {
	b.Helper()
	data, err := page()
	if err != nil {
		b.Fatalf("encoding the page: %v", err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	return data
}

// perUser reports the time per user of a benchmark whose operation
// handles the whole page.
func perUser(b *testing.B) {
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/pageUsers, "ns/user")
}

// BenchmarkDecodeClerk decodes the page as ListUsers does, with
// clerk.DecodeUsers: one pass over the bytes.
func BenchmarkDecodeClerk(b *testing.B) {
	data := pageBytes(b)
	for b.Loop() {
		if _, err := clerk.DecodeUsers(data); err != nil {
			b.Fatal(err)
		}
	}
	perUser(b)
}

// BenchmarkDecodeClerkStd decodes the page into the library's users with
// encoding/json, which checks the bytes and then hands each user to
// User.UnmarshalJSON: what a program gets from json.Unmarshal.
func BenchmarkDecodeClerkStd(b *testing.B) {
	data := pageBytes(b)
	for b.Loop() {
		var users []clerk.User
		if err := json.Unmarshal(data, &users); err != nil {
			b.Fatal(err)
		}
	}
	perUser(b)
}

// BenchmarkDecodeSDK decodes the same page into the official SDK's users,
// as its user.List does: encoding/json into []*clerk.User.
func BenchmarkDecodeSDK(b *testing.B) {
	data := pageBytes(b)
	for b.Loop() {
		var users []*sdk.User
		if err := json.Unmarshal(data, &users); err != nil {
			b.Fatal(err)
		}
	}
	perUser(b)
}

// BenchmarkValid only checks that the page is JSON: the floor of any
// decoder that reads every byte.
func BenchmarkValid(b *testing.B) {
	data := pageBytes(b)
	for b.Loop() {
		if !json.Valid(data) {
			b.Fatal("the page is not valid JSON")
		}
	}
	perUser(b)
}

// BenchmarkFlatten flattens each of the page's 500 users, decoded before
// the timer starts; ns/user is the cost of one Flatten.
func BenchmarkFlatten(b *testing.B) {
	data := pageBytes(b)
	var users []clerk.User
	if err := json.Unmarshal(data, &users); err != nil {
		b.Fatal(err)
	}
	if len(users) != pageUsers {
		b.Fatalf("decoded %d users, want %d", len(users), pageUsers)
	}

	var keys int
	for b.Loop() {
		for _, u := range users {
			keys += clerk.Flatten(u).Len()
		}
	}
	if keys == 0 {
		b.Fatal("Flatten made no keys")
	}
	perUser(b)
}

// TestPageDecodesAlike checks the benchmarks' premise: both decoders read
// the page whole, and the library's users survive a round trip.
func TestPageDecodesAlike(t *testing.T) {
	data, err := page()
	if err != nil {
		t.Fatal(err)
	}
	var ours []clerk.User
	var theirs []*sdk.User
	if err := json.Unmarshal(data, &ours); err != nil {
		t.Fatalf("clerk: %v", err)
	}
	if err := json.Unmarshal(data, &theirs); err != nil {
		t.Fatalf("SDK: %v", err)
	}

	if len(ours) != pageUsers || len(theirs) != pageUsers {
		t.Fatalf("decoded %d and %d users, want %d", len(ours), len(theirs), pageUsers)
	}
	for i := range ours {
		if ours[i].ID != theirs[i].ID {
			t.Fatalf("user %d: clerk has %s, SDK has %s", i, ours[i].ID, theirs[i].ID)
		}
	}
}

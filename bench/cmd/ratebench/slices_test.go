package main

import (
	"testing"

	"github.com/workflowkit/clerk"
)

func TestCreatedSlicesCoverEveryUserOnce(t *testing.T) {
	var users []clerk.User
	for _, ms := range []int64{1, 2, 2, 2, 2, 3, 4, 5, 6, 9} {
		users = append(users, clerk.User{CreatedAt: ms})
	}

	got := createdSlices(users, 4)
	total := 0
	for i, s := range got {
		total += s.users
		if s.lo > s.hi {
			t.Errorf("slice %d: lo %d after hi %d", i, s.lo, s.hi)
		}
		if i > 0 && s.lo <= got[i-1].hi {
			t.Errorf("slice %d starts at %d, inside slice %d ending at %d",
				i, s.lo, i-1, got[i-1].hi)
		}
	}
	if total != len(users) {
		t.Errorf("slices hold %d users, want %d: %+v", total, len(users), got)
	}
}

func TestCreatedSlicesFewerMillisecondsThanCallers(t *testing.T) {
	users := []clerk.User{{CreatedAt: 7}, {CreatedAt: 7}, {CreatedAt: 8}}
	got := createdSlices(users, 8)
	if len(got) != 2 {
		t.Errorf("got %d slices, want 2 (one per millisecond): %+v", len(got), got)
	}
}

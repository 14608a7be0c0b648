package clerktest

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// randomRun sends n requests, one after the other, to a server with
// random faults at rate from seed, and returns the fault of each.
func randomRun(t *testing.T, n int, rate float64, seed int64) []FaultKind {
	t.Helper()
	srv := newTestServer(t, WithRandomFaults(rate, seed,
		Fault{Kind: FaultStatus, Status: 503},
		Fault{Kind: FaultInvalidJSON},
	))
	client := srv.Client()

	for i := range n {
		got := try(t, client, srv, "/users/count")
		if got.err != nil || (got.status != 200 && got.status != 503) {
			t.Fatalf("request %d: %d, %v; want 200 or 503", i+1, got.status, got.err)
		}
	}
	var kinds []FaultKind
	for _, r := range srv.Requests() {
		kinds = append(kinds, r.Fault)
	}
	return kinds
}

func TestRandomFaultsRepeatAndKeepTheRate(t *testing.T) {
	t.Parallel()
	const n, rate = 1000, 0.3
	first := randomRun(t, n, rate, 42)
	second := randomRun(t, n, rate, 42)

	if diff := cmp.Diff(first, second); diff != "" {
		t.Errorf("seed 42 twice gave two sequences (-first +second):\n%s", diff)
	}
	count := map[FaultKind]int{}
	for _, k := range first {
		count[k]++
	}
	// The expected 300 faults have a standard deviation near 14.5; the
	// bounds are five of them.
	if failed := n - count[FaultNone]; failed < 228 || failed > 372 {
		t.Errorf("%d of %d requests failed, want about %v", failed, n, rate*n)
	}
	for _, k := range []FaultKind{FaultStatus, FaultInvalidJSON} {
		if count[k] < 100 {
			t.Errorf("%v: %d times, want about 150 (a uniform choice)", k, count[k])
		}
	}
}

func TestRandomFaultSeedsAndBounds(t *testing.T) {
	t.Parallel()
	draw := func(rate float64, seed int64) []FaultKind {
		src := newFaultSource(nil, &randomFaults{
			rate: rate, seed: seed,
			faults: []Fault{{Kind: FaultReset}, {Kind: FaultTruncate}},
		})
		out := make([]FaultKind, 200)
		for i := range out {
			out[i] = src.next().Kind
		}
		return out
	}

	if cmp.Equal(draw(0.5, 1), draw(0.5, 2)) {
		t.Error("seeds 1 and 2 gave the same 200 draws")
	}
	for _, k := range draw(0, 1) {
		if k != FaultNone {
			t.Fatalf("rate 0 gave %v, want no fault", k)
		}
	}
	for _, k := range draw(1, 1) {
		if k == FaultNone {
			t.Fatal("rate 1 let a request succeed, want every one to fail")
		}
	}
}

func TestScriptComesBeforeRandomFaults(t *testing.T) {
	t.Parallel()
	src := newFaultSource([]Fault{{}, {Kind: FaultHTML}},
		&randomFaults{rate: 1, faults: []Fault{{Kind: FaultReset}}})
	src.add([]Fault{{Kind: FaultTruncate}})

	var got []FaultKind
	for range 5 {
		got = append(got, src.next().Kind)
	}
	want := []FaultKind{FaultNone, FaultHTML, FaultTruncate, FaultReset, FaultReset}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("faults (-want +got):\n%s", diff)
	}
}

package clerk

import (
	"math/rand/v2"
	"testing"
	"time"
)

// TestAppendCompanionMatchesTimeFormat holds the hand-written RFC 3339
// formatter to time.Format over the whole range it accepts.
func TestAppendCompanionMatchesTimeFormat(t *testing.T) {
	t.Parallel()
	const layout = "2006-01-02T15:04:05.000Z07:00"
	const minMS, maxMS = -62167219200000, 253402300799999

	cases := []int64{minMS, maxMS, 0, -1, 1, 951782400000, 951868799999, -2203891200000,
		4107542400000, 1688202000123, 253402300799000}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		cases = append(cases, minMS+rng.Int64N(maxMS-minMS+1))
	}

	for _, ms := range cases {
		got, ok := appendCompanion(nil, ms)
		want := time.UnixMilli(ms).UTC().Format(layout)
		if !ok || string(got) != want {
			t.Fatalf("appendCompanion(%d) = %q, %v; want %q", ms, got, ok, want)
		}
	}

	for _, ms := range []int64{minMS - 1, maxMS + 1, -1 << 63, 1<<63 - 1} {
		if _, ok := appendCompanion(nil, ms); ok {
			t.Errorf("appendCompanion(%d) wrote a time outside 0000 to 9999", ms)
		}
	}
}

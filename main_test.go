package clerk_test

import (
	"testing"

	"go.uber.org/goleak"
)

// TestMain fails the run when a test leaves a goroutine behind: a walk,
// a retry wait or a rate-limit pause that outlives its caller.
func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m)
}

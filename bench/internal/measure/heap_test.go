package measure

import (
	"testing"
	"time"
)

var sink []byte

func TestHeapSamplerSeesAnAllocation(t *testing.T) {
	h := StartHeapSampler(time.Millisecond)
	sink = make([]byte, 8<<20)
	time.Sleep(5 * time.Millisecond)
	use := h.Stop()
	sink = nil

	if use.Peak < 8<<20 {
		t.Errorf("Peak = %d bytes, want at least the 8 MiB allocated", use.Peak)
	}
	if use.Allocated < 8<<20 {
		t.Errorf("Allocated = %d bytes, want at least 8 MiB", use.Allocated)
	}
}

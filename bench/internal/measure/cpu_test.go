package measure

import "testing"

func TestProcessCPUGrows(t *testing.T) {
	before := ProcessCPU()
	x := 0
	for i := range 50_000_000 {
		x += i % 7
	}
	if x < 0 {
		t.Fatal("unreachable")
	}
	if after := ProcessCPU(); after < before {
		t.Errorf("CPU time went back: %v, then %v", before, after)
	}
}

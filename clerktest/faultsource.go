package clerktest

import (
	"fmt"
	"math/rand/v2"
	"sync"
)

// faultSource hands out the fault of each API request: the next one of
// the script while it lasts, then a random draw, if any. It is safe for
// concurrent use; the zero faultSource plays no fault.
type faultSource struct {
	mu     sync.Mutex
	script []Fault // the faults not yet played, next first
	random *randomFaults
}

// randomFaults is the setting of WithRandomFaults, and its generator once
// the server is built.
type randomFaults struct {
	rate   float64
	seed   int64
	faults []Fault
	rng    *rand.Rand
}

// newFaultSource checks the faults of the options, panicking as NewServer
// documents, and returns their source.
func newFaultSource(script []Fault, random *randomFaults) *faultSource {
	src := &faultSource{script: checkFaults("WithFaults", script)}
	if random == nil {
		return src
	}

	r := *random
	if !(r.rate >= 0 && r.rate <= 1) { // also refuses NaN
		panic(fmt.Sprintf("clerktest: WithRandomFaults: rate %v, want 0 to 1", r.rate))
	}
	if len(r.faults) == 0 {
		panic("clerktest: WithRandomFaults: no faults to choose from, want at least one")
	}
	r.faults = checkFaults("WithRandomFaults", r.faults)
	r.rng = rand.New(rand.NewPCG(uint64(r.seed), 0))
	src.random = &r
	return src
}

// add appends checked faults to the script.
func (s *faultSource) add(faults []Fault) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.script = append(s.script, faults...)
}

// next returns the fault of the next API request.
func (s *faultSource) next() Fault {
	s.mu.Lock()
	defer s.mu.Unlock()

	if len(s.script) > 0 {
		f := s.script[0]
		s.script = s.script[1:]
		return f
	}
	if r := s.random; r != nil && r.rng.Float64() < r.rate {
		return r.faults[r.rng.IntN(len(r.faults))]
	}
	return Fault{}
}

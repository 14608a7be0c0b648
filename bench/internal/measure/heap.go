package measure

import (
	"runtime"
	"runtime/metrics"
	"sync"
	"time"
)

// The runtime metrics the sampler reads: bytes of heap objects (live ones
// and garbage not yet swept) and bytes allocated since the program began.
const (
	metricHeapObjects = "/memory/classes/heap/objects:bytes"
	metricHeapAllocs  = "/gc/heap/allocs:bytes"
)

// HeapSampler records the peak of the heap while a measured section runs,
// reading runtime/metrics (which stops no goroutine) from a goroutine of
// its own. Everything in the process counts, the in-process test server
// included; a section's own share is the difference between sections.
type HeapSampler struct {
	stop chan struct{}
	done chan struct{}

	mu        sync.Mutex
	base      uint64 // heap objects right after the collection at the start
	peak      uint64
	allocated uint64 // allocs counter at the start
}

// HeapUse is what a HeapSampler saw, in bytes.
type HeapUse struct {
	// Peak is the highest heap, live objects and unswept garbage, above
	// the heap left by a full collection at the start.
	Peak uint64
	// Allocated is how much was allocated in the section, whether freed
	// or not.
	Allocated uint64
}

// StartHeapSampler collects garbage, so that the section starts from its
// live heap, and then samples the heap every interval until Stop.
func StartHeapSampler(every time.Duration) *HeapSampler {
	runtime.GC()
	objects, allocs := readHeap()
	h := &HeapSampler{
		stop:      make(chan struct{}),
		done:      make(chan struct{}),
		base:      objects,
		peak:      objects,
		allocated: allocs,
	}

	go h.loop(every)
	return h
}

// Stop ends sampling, takes one last sample and returns what was seen.
func (h *HeapSampler) Stop() HeapUse {
	close(h.stop)
	<-h.done
	objects, allocs := readHeap()
	h.note(objects)

	h.mu.Lock()
	defer h.mu.Unlock()
	return HeapUse{Peak: h.peak - h.base, Allocated: allocs - h.allocated}
}

func (h *HeapSampler) loop(every time.Duration) {
	defer close(h.done)
	tick := time.NewTicker(every)
	defer tick.Stop()

	for {
		select {
		case <-h.stop:
			return
		case <-tick.C:
			objects, _ := readHeap()
			h.note(objects)
		}
	}
}

func (h *HeapSampler) note(objects uint64) {
	h.mu.Lock()
	h.peak = max(h.peak, objects)
	h.mu.Unlock()
}

// readHeap returns the bytes of heap objects and the bytes allocated so
// far.
func readHeap() (objects, allocs uint64) {
	samples := []metrics.Sample{{Name: metricHeapObjects}, {Name: metricHeapAllocs}}
	metrics.Read(samples)
	return samples[0].Value.Uint64(), samples[1].Value.Uint64()
}

// MiB formats bytes as mebibytes with one decimal.
func MiB(bytes uint64) float64 {
	return float64(bytes) / (1 << 20)
}

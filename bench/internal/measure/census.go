package measure

// Census is the set of user ids a walk should yield, each exactly once.
type Census struct {
	index map[string]int32
}

// NewCensus indexes ids, which should be distinct.
func NewCensus(ids []string) *Census {
	c := &Census{index: make(map[string]int32, len(ids))}
	for _, id := range ids {
		c.index[id] = int32(len(c.index))
	}
	return c
}

// Len is how many distinct ids the census holds.
func (c *Census) Len() int { return len(c.index) }

// Tally starts counting one walk against the census. Its memory is one
// counter per id, allocated here, so that counting allocates nothing
// while a walk is measured.
func (c *Census) Tally() *Tally {
	return &Tally{census: c, seen: make([]uint16, len(c.index))}
}

// Tally counts the ids one walk yielded. It is not safe for concurrent
// use: callers that walk in parallel hold a lock around Add.
type Tally struct {
	census *Census
	seen   []uint16

	// Yielded is how many users the walk yielded.
	Yielded int
	// Duplicates is how many yields repeated an id yielded before.
	Duplicates int
	// Unknown is how many yields had an id the census lacks.
	Unknown int
}

// Add counts one yielded id.
func (t *Tally) Add(id string) {
	t.Yielded++
	i, ok := t.census.index[id]
	if !ok {
		t.Unknown++
		return
	}
	if t.seen[i] > 0 {
		t.Duplicates++
	}
	if t.seen[i] < ^uint16(0) {
		t.seen[i]++
	}
}

// Missing is how many ids of the census the walk never yielded.
func (t *Tally) Missing() int {
	n := 0
	for _, s := range t.seen {
		if s == 0 {
			n++
		}
	}
	return n
}

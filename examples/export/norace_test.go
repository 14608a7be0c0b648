//go:build !race

package main

// raceEnabled says whether the tests run with the race detector, which
// makes them several times slower.
const raceEnabled = false

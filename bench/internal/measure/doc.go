// Package measure holds what the benchmark programs of this module share:
// a peak-heap sampler, medians, a check of the users a walk yielded
// against the server's, a summary of the test server's request log, and
// markdown tables.
package measure

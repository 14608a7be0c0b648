package measure

import (
	"cmp"
	"slices"
)

// Median returns the middle value of xs, the lower one of the two middle
// values for an even count (so that it is a value that was measured), and
// the zero value for none. xs is not changed.
func Median[T cmp.Ordered](xs []T) T {
	var zero T
	if len(xs) == 0 {
		return zero
	}
	sorted := slices.Clone(xs)
	slices.Sort(sorted)
	return sorted[(len(sorted)-1)/2]
}

// Spread returns the smallest and largest of xs, zeros for none.
func Spread[T cmp.Ordered](xs []T) (lo, hi T) {
	if len(xs) == 0 {
		return lo, hi
	}
	return slices.Min(xs), slices.Max(xs)
}

// Column returns f of each item, to take a median of one field.
func Column[S any, T any](items []S, f func(S) T) []T {
	out := make([]T, len(items))
	for i, it := range items {
		out[i] = f(it)
	}
	return out
}

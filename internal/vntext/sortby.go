package vntext

import (
	"bytes"
	"slices"
)

// SortBy sorts xs in place in the Vietnamese order of name(x) (see
// Compare); elements whose names compare equal keep their order. Each
// name's key is computed once, so it suits lists of thousands.
func SortBy[T any](xs []T, name func(T) string) {
	keys := make([][]byte, len(xs))
	idx := make([]int, len(xs))
	for i, x := range xs {
		keys[i], idx[i] = SortKey(name(x)), i
	}
	slices.SortStableFunc(idx, func(a, b int) int { return bytes.Compare(keys[a], keys[b]) })
	sorted := make([]T, len(xs))
	for i, j := range idx {
		sorted[i] = xs[j]
	}
	copy(xs, sorted)
}

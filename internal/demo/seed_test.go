package demo

import (
	"fmt"
	"hash/fnv"
	"testing"
)

// TestSeedOf: seedOf is FNV-1a of "id/s" as hash/fnv computes it, so that
// a seed's figures stay the same whatever the code that hashes them.
func TestSeedOf(t *testing.T) {
	want := func(id int64, s string) float64 {
		h := fnv.New64a()
		fmt.Fprintf(h, "%d/%s", id, s)
		return float64(h.Sum64()%1000003) / 1000003
	}
	for _, id := range []int64{0, 1, 7, 12345, -3, 1 << 40} {
		for _, s := range []string{"", "size", "DV012015S1", "Hộ gia đình 2020S2"} {
			if got := seedOf(id, s); got != want(id, s) {
				t.Errorf("seedOf(%d, %q) = %v, want %v", id, s, got, want(id, s))
			}
		}
	}
}

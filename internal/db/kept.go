package db

import "sync"

// Kept holds values a store computed, by key, each with the stamp of what
// it was computed from (typically the Versions of its topics): Get gives
// a value back only while the caller's current stamp is the one it was
// put with, so a write on any server that raises a version retires every
// value computed before it. It is the one cache of roll-ups, dashboards
// and scopes; the zero value is ready to use.
type Kept[K comparable, S comparable, V any] struct {
	// Max bounds the values kept (DefaultKeptMax when 0): past it, an
	// eighth of them, chosen by the map's random order, make room.
	Max int

	mu sync.Mutex
	m  map[K]keptEntry[S, V]
}

// DefaultKeptMax is the bound of a Kept whose Max is 0.
const DefaultKeptMax = 512

type keptEntry[S comparable, V any] struct {
	stamp S
	v     V
}

// Get returns the value kept under key if it was computed from stamp.
func (k *Kept[K, S, V]) Get(key K, stamp S) (V, bool) {
	k.mu.Lock()
	defer k.mu.Unlock()
	e, ok := k.m[key]
	if !ok || e.stamp != stamp {
		var zero V
		return zero, false
	}
	return e.v, true
}

// Put keeps v under key as computed from stamp.
func (k *Kept[K, S, V]) Put(key K, stamp S, v V) {
	k.mu.Lock()
	defer k.mu.Unlock()
	if k.m == nil {
		k.m = map[K]keptEntry[S, V]{}
	}
	bound := k.Max
	if bound <= 0 {
		bound = DefaultKeptMax
	}
	if _, ok := k.m[key]; !ok && len(k.m) >= bound {
		n := max(1, bound/8)
		for old := range k.m {
			delete(k.m, old)
			if n--; n == 0 {
				break
			}
		}
	}
	k.m[key] = keptEntry[S, V]{stamp: stamp, v: v}
}

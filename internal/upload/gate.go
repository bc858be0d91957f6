package upload

import (
	"context"
	"sync"
	"time"
)

// Gate bounds how many uploads are being read at once: in total (each
// may take up to the bounds of this package in memory and a core for a
// second or more) and for one person (eight tabs sending pictures at
// once take two turns, not eight). A caller waits a little for a turn
// and is then told to try again shortly.
type Gate struct {
	total   chan struct{}
	perUser int
	wait    time.Duration

	mu    sync.Mutex
	users map[string]int
}

// NewGate returns a gate letting total uploads in at once, perUser of
// them from one person, each waiting at most wait for its turn.
func NewGate(total, perUser int, wait time.Duration) *Gate {
	return &Gate{total: make(chan struct{}, max(total, 1)), perUser: max(perUser, 1), wait: wait, users: map[string]int{}}
}

// Enter waits for a turn for the person key (an account or an address)
// and returns the function that ends it, or false when no turn came
// within the gate's wait (or ctx ended).
func (g *Gate) Enter(ctx context.Context, key string) (func(), bool) {
	deadline := time.Now().Add(g.wait)
	// One person's turns are counted first, without waiting in the
	// common queue: a person over their share is told at once.
	for {
		g.mu.Lock()
		if g.users[key] < g.perUser {
			g.users[key]++
			g.mu.Unlock()
			break
		}
		g.mu.Unlock()
		if !time.Now().Before(deadline) {
			return nil, false
		}
		select {
		case <-ctx.Done():
			return nil, false
		case <-time.After(50 * time.Millisecond):
		}
	}
	leave := func() {
		g.mu.Lock()
		if g.users[key]--; g.users[key] <= 0 {
			delete(g.users, key)
		}
		g.mu.Unlock()
	}
	t := time.NewTimer(time.Until(deadline))
	defer t.Stop()
	select {
	case g.total <- struct{}{}:
		var once sync.Once
		return func() { once.Do(func() { <-g.total; leave() }) }, true
	case <-t.C:
	case <-ctx.Done():
	}
	leave()
	return nil, false
}

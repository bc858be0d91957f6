package kit

import (
	"sync"
	"time"
)

// Limiter counts events per key in fixed windows: at most Limit events
// per key within each Window. It is what bounds the API's request rate
// per token and per address, and how many permission refusals one
// person can make the audit log record. It lives in one process: several
// servers behind a proxy each count their own share.
type Limiter struct {
	limit  int
	window time.Duration
	now    func() time.Time

	mu   sync.Mutex
	keys map[string]*limitWindow
}

type limitWindow struct {
	start time.Time
	n     int
}

// maxLimiterKeys bounds the memory of a Limiter: past it, windows that
// have ended are dropped, and if that is not enough every window is.
const maxLimiterKeys = 100_000

// NewLimiter returns a limiter of limit events per window; now is its
// clock (nil for time.Now).
func NewLimiter(limit int, window time.Duration, now func() time.Time) *Limiter {
	if now == nil {
		now = time.Now
	}
	return &Limiter{limit: limit, window: window, now: now, keys: map[string]*limitWindow{}}
}

// Allow counts one event for key and reports whether it is within the
// limit; when it is not, retry is how long until key's window ends.
func (l *Limiter) Allow(key string) (ok bool, retry time.Duration) {
	now := l.now()
	l.mu.Lock()
	defer l.mu.Unlock()
	w := l.keys[key]
	if w == nil || !now.Before(w.start.Add(l.window)) {
		if w == nil && len(l.keys) >= maxLimiterKeys {
			l.sweep(now)
		}
		w = &limitWindow{start: now}
		l.keys[key] = w
	}
	if w.n >= l.limit {
		return false, w.start.Add(l.window).Sub(now)
	}
	w.n++
	return true, 0
}

// sweep drops the windows that have ended; if all are live, it drops
// them all rather than grow.
func (l *Limiter) sweep(now time.Time) {
	for k, w := range l.keys {
		if !now.Before(w.start.Add(l.window)) {
			delete(l.keys, k)
		}
	}
	if len(l.keys) >= maxLimiterKeys {
		clear(l.keys)
	}
}

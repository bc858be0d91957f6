package portal

import (
	"context"
	"fmt"
	"log/slog"
	"maps"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/danvan/danvan/internal/db"
)

// View counts keep no personal data: a reading adds one to a number in
// memory (no address, cookie or time is kept), and the numbers are added
// to the articles' rows in batches, in one short transaction, by
// FlushViews (called every few seconds by RunViews, and at shutdown). A
// server that dies between two flushes loses the readings of those
// seconds, which a counter may lose.

// viewCounter holds the readings not yet written.
type viewCounter struct {
	mu      sync.Mutex
	pending map[int64]int64
	last    time.Time   // when the last flush began
	running atomic.Bool // a flush started by CountView is under way
}

func newViewCounter() *viewCounter { return &viewCounter{pending: map[int64]int64{}, last: time.Now()} }

// maxPendingArticles bounds the memory the counter takes: readings of
// more articles than this between two flushes are dropped.
const maxPendingArticles = 100_000

// CountView counts one reading of article id by a reader whose browser
// says userAgent; bots, crawlers and previews are not counted. It takes
// no lock longer than a map update.
func (s *Store) CountView(id int64, userAgent string) {
	if id <= 0 || IsBot(userAgent) {
		return
	}
	v := s.views
	now := time.Now()
	v.mu.Lock()
	if _, ok := v.pending[id]; ok || len(v.pending) < maxPendingArticles {
		v.pending[id]++
	}
	due := now.Sub(v.last) >= ViewFlushEvery
	if due {
		v.last = now
	}
	v.mu.Unlock()
	if due && v.running.CompareAndSwap(false, true) {
		go func() {
			defer v.running.Store(false)
			ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
			defer cancel()
			if err := s.FlushViews(ctx); err != nil {
				slog.Warn("portal: flush view counts", slog.Any("err", err))
			}
		}()
	}
}

// ViewFlushEvery is how often the readings counted are written: the
// first reading after this much time since the last flush starts one in
// the background (so no goroutine runs while nobody reads). A server
// stopped between two flushes loses the readings of those seconds;
// RunViews flushes on a clock and once more at shutdown instead.
var ViewFlushEvery = 5 * time.Second

// PendingViews is how many readings of article id are counted but not
// yet written: a page adds them to the stored count.
func (s *Store) PendingViews(id int64) int64 {
	s.views.mu.Lock()
	defer s.views.mu.Unlock()
	return s.views.pending[id]
}

// FlushViews writes the counted readings in one transaction, in batches
// of rows sorted by id (so two servers flushing at once never deadlock).
// On failure the readings are kept for the next flush.
func (s *Store) FlushViews(ctx context.Context) error {
	v := s.views
	v.mu.Lock()
	batch := v.pending
	v.pending = map[int64]int64{}
	v.mu.Unlock()
	if len(batch) == 0 {
		return nil
	}
	ids := slices.Sorted(maps.Keys(batch))
	err := s.db.WithTx(ctx, func(tx *db.Tx) error {
		for _, id := range ids {
			if _, err := tx.ExecContext(ctx, "UPDATE portal_articles SET views = views + ? WHERE id = ?", batch[id], id); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		v.mu.Lock()
		for id, n := range batch {
			if _, ok := v.pending[id]; ok || len(v.pending) < maxPendingArticles {
				v.pending[id] += n
			}
		}
		v.mu.Unlock()
		return fmt.Errorf("portal: flush views: %w", err)
	}
	return nil
}

// RunViews flushes the readings every interval until ctx ends, then once
// more (with a short deadline of its own).
func (s *Store) RunViews(ctx context.Context, interval time.Duration) {
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			fctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
			if err := s.FlushViews(fctx); err != nil {
				slog.Warn("portal: last flush of view counts", slog.Any("err", err))
			}
			cancel()
			return
		case <-t.C:
			if err := s.FlushViews(ctx); err != nil && ctx.Err() == nil {
				slog.Warn("portal: flush view counts", slog.Any("err", err))
			}
		}
	}
}

// botWords are parts of the user agents of crawlers, link previews,
// monitors and command-line clients.
var botWords = []string{"bot", "crawl", "spider", "slurp", "preview", "facebookexternalhit", "embedly", "curl", "wget",
	"python-requests", "go-http-client", "headless", "lighthouse", "pingdom", "uptime", "monitor", "feedfetcher", "http_request",
	"scrapy", "java/", "okhttp", "libwww", "httpclient", "axios", "node-fetch", "zalo link"}

// IsBot reports whether a user agent is a program rather than a reader:
// empty, or naming a crawler, preview fetcher, monitor or HTTP library.
func IsBot(userAgent string) bool {
	if len(userAgent) < 10 {
		return true
	}
	ua := strings.ToLower(userAgent)
	for _, w := range botWords {
		if strings.Contains(ua, w) {
			return true
		}
	}
	return false
}

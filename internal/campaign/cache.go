package campaign

import (
	"context"
	"sync"

	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/org"
)

// Roll-ups kept between requests.
//
// A country's roll-up reads every contribution of the campaign (about
// 150.000 at national scale over ten years): a Store keeps each roll-up
// it computed with the versions (db.Versions) of what it was computed
// from, the contributions (TopicContributions, raised by every write in
// its transaction) and the hierarchy (org.TopicTree), and computes it
// again only when one of them has changed, on whichever server wrote.

// TopicContributions is the version topic of every campaign's
// contributions and units taking part.
const TopicContributions = "campaign.contributions"

// maxKept bounds the roll-ups a Store keeps; past it, it starts afresh.
const maxKept = 4096

type keptKey struct {
	campaign, unit  int64
	period, today   string
	mapped, byChild bool
}

type kept struct {
	contributions, tree int64
	sums                map[int64]Totals
}

type cache struct {
	mu sync.Mutex
	m  map[keptKey]kept
}

// keptSum returns sum(q, byChild), from what the store keeps when it is
// still current.
func (s *Store) keptSum(ctx context.Context, q Query, byChild bool) (map[int64]Totals, error) {
	v, err := s.db.Versions(ctx)
	if err != nil {
		return nil, err
	}
	today := q.Today
	if today.IsZero() {
		today = s.db.Now()
	}
	key := keptKey{campaign: q.CampaignID, unit: q.UnitID, period: q.Period.String(), today: db.Day(today), mapped: q.Mapped, byChild: byChild}
	s.cache.mu.Lock()
	k, ok := s.cache.m[key]
	s.cache.mu.Unlock()
	if ok && k.contributions == v[TopicContributions] && k.tree == v[org.TopicTree] {
		return k.sums, nil
	}
	sums, err := s.sum(ctx, q, byChild)
	if err != nil {
		return nil, err
	}
	s.cache.mu.Lock()
	if s.cache.m == nil || len(s.cache.m) >= maxKept {
		s.cache.m = map[keptKey]kept{}
	}
	s.cache.m[key] = kept{contributions: v[TopicContributions], tree: v[org.TopicTree], sums: sums}
	s.cache.mu.Unlock()
	return sums, nil
}

package campaign

import (
	"context"

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

// maxKept bounds the roll-ups a Store keeps.
const maxKept = 4096

type keptKey struct {
	campaign, unit  int64
	period, today   string
	mapped, byChild bool
}

// keptStamp is what a kept roll-up was computed from: the versions of
// the contributions and of the hierarchy.
type keptStamp struct{ contributions, tree int64 }

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
	stamp := keptStamp{contributions: v[TopicContributions], tree: v[org.TopicTree]}
	if sums, ok := s.cache.Get(key, stamp); ok {
		return sums, nil
	}
	sums, err := s.sum(ctx, q, byChild)
	if err != nil {
		return nil, err
	}
	s.cache.Put(key, stamp, sums)
	return sums, nil
}

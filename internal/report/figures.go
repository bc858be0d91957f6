package report

import (
	"context"
	"time"

	"github.com/danvan/danvan/internal/auth"
)

// Figures are every indicator's totals of a unit for a period and for the
// same period a year before: the full figure table a review report
// appends to its narrative. Kept figures are shared between callers: read
// them, never change them.
type Figures struct {
	Now, Before Totals
}

// figuresKey is what kept figures show.
type figuresKey struct {
	unit             int64
	period           string
	view             View
	includeSubmitted bool
	today            string
}

// Figures returns q.UnitID's totals of every indicator for q.Period and
// for the same period a year before, when p may read the unit. They are
// kept like dashboards (see cache.go): computed again only when a write
// has changed a report they were computed from. q.Indicators is ignored.
func (s *Store) Figures(ctx context.Context, p *auth.Principal, q Query) (Figures, error) {
	if err := s.require(ctx, p, auth.PermRead, q.UnitID); err != nil {
		return Figures{}, err
	}
	if q.Today.IsZero() {
		q.Today = dayOf(s.db.Now())
	}
	before := YearBefore(q.Period)
	st, err := s.dashboardStamp(ctx, q.UnitID, before, q.Period)
	if err != nil {
		return Figures{}, err
	}
	key := figuresKey{unit: q.UnitID, period: q.Period.String(), view: q.View, includeSubmitted: q.IncludeSubmitted,
		today: q.Today.Format(time.DateOnly)}
	if f, ok := s.figures.get(key, st); ok {
		return f, nil
	}
	q.Indicators = nil
	series, err := s.series(ctx, q, before, q.Period)
	if err != nil {
		return Figures{}, err
	}
	f := Figures{Now: series[q.Period.String()], Before: series[before.String()]}
	s.figures.put(key, st, f)
	return f, nil
}

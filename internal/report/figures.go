package report

import (
	"context"
	"sync"
	"time"

	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/vntext"
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
	return s.keptFigures(ctx, q, key, st)
}

// keptFigures returns the figures kept under key when computed from st,
// else computes and keeps them.
func (s *Store) keptFigures(ctx context.Context, q Query, key figuresKey, st dashStamp) (Figures, error) {
	if f, ok := s.figures.Get(key, st); ok {
		return f, nil
	}
	q.Indicators = nil
	// Each period by its own query, both at once on two connections: one
	// query from the year before to the period would also read the
	// periods between them (a six-month review's other half).
	var (
		f      Figures
		errs   [2]error
		wg     sync.WaitGroup
		before = YearBefore(q.Period)
	)
	wg.Go(func() { f.Before, errs[1] = s.totalsOf(ctx, q, before) })
	f.Now, errs[0] = s.totalsOf(ctx, q, q.Period)
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return Figures{}, err
		}
	}
	s.figures.Put(key, st, f)
	return f, nil
}

// totalsOf are q's totals for period per alone (nil when nothing was
// reported), through the roll-up a series of that one period runs.
func (s *Store) totalsOf(ctx context.Context, q Query, per vntext.Period) (Totals, error) {
	series, err := s.series(ctx, q, per, per)
	if err != nil {
		return nil, err
	}
	return series[per.String()], nil
}

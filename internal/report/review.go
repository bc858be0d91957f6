package report

import (
	"context"
	"time"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/org"
	"github.com/danvan/danvan/internal/vntext"
)

// Review is what a review report (báo cáo sơ kết, tổng kết) of a unit
// for a period reads of its figures: the dashboard's key figures and
// the completeness of the reports below, computed the dashboard's way
// from the one figure table of every indicator that the report appends
// (Figures), without the dashboard's chart and units below. Kept
// reviews are shared between callers: read them, never change them.
type Review struct {
	Unit       org.Unit
	Period     vntext.Period
	YearBefore vntext.Period
	// Keys are the key indicators with this period's and the year
	// before's figures and their change, as Dashboard.Keys.
	Keys []KeyFigure
	// Figures are every indicator's figures for both periods.
	Figures Figures
	// Form, Progress and Counts are the dashboard's: the completeness of
	// the reports of the units below.
	Form     Form
	Progress []Progress
	Counts   map[Status]int
}

// Review returns q.UnitID's review figures for q.Period (q.Indicators is
// ignored), when p may read the unit. One roll-up of every indicator
// over both periods gives the key figures and the appendix alike, so
// that a review can never disagree with itself, and agrees with the
// dashboard, which rolls up the key indicators through the same query.
// Reviews are kept like dashboards (see cache.go).
func (s *Store) Review(ctx context.Context, p *auth.Principal, q Query) (Review, error) {
	if err := s.require(ctx, p, auth.PermRead, q.UnitID); err != nil {
		return Review{}, err
	}
	if q.Today.IsZero() {
		q.Today = dayOf(s.db.Now())
	}
	q.Indicators = nil
	before := YearBefore(q.Period)
	st, err := s.dashboardStamp(ctx, q.UnitID, before, q.Period)
	if err != nil {
		return Review{}, err
	}
	key := figuresKey{unit: q.UnitID, period: q.Period.String(), view: q.View, includeSubmitted: q.IncludeSubmitted,
		today: q.Today.Format(time.DateOnly)}
	if r, ok := s.reviews.Get(key, st); ok {
		return r, nil
	}
	r := Review{Period: q.Period, YearBefore: before}
	if r.Unit, err = s.units.Get(ctx, q.UnitID, q.Today); apperr.CodeOf(err) == apperr.CodeNotFound {
		r.Unit, err = s.unitFor(ctx, q.UnitID, q.Period)
	}
	if err != nil {
		return Review{}, err
	}
	if r.Figures, err = s.keptFigures(ctx, q, key, st); err != nil {
		return Review{}, err
	}
	inds, err := s.Indicators(ctx)
	if err != nil {
		return Review{}, err
	}
	var keys []Indicator
	for _, i := range inds {
		if i.Key {
			keys = append(keys, i)
		}
	}
	if len(keys) > 0 {
		r.Keys = keyFiguresOf(keys, r.Figures.Now, r.Figures.Before)
	}
	level, err := s.levelBelow(ctx, r.Unit, q.Period)
	if err != nil {
		return Review{}, err
	}
	r.Form, err = s.FormFor(ctx, level, q.Period.Kind)
	switch {
	case err == nil:
		if r.Progress, err = s.completeness(ctx, q.UnitID, r.Form, q.Period); err != nil {
			return Review{}, err
		}
	case apperr.CodeOf(err) != apperr.CodeNotFound:
		return Review{}, err
	}
	r.Counts = Counts(r.Progress)
	s.reviews.Put(key, st, r)
	return r, nil
}

package report

import (
	"context"
	"slices"
	"sort"
	"time"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/org"
	"github.com/danvan/danvan/internal/vntext"
)

// The dashboard of a unit for a period: its key indicators against the
// same period a year before, one indicator's series since 2015, the key
// indicators of each unit directly below (sorted as asked) and the
// progress of the units' reports. The dashboard page and the API both
// read it from here.

// SeriesStart is the first six months dashboards chart; periods of other
// kinds are charted from their first period of the same year.
var SeriesStart = vntext.Period{Kind: vntext.Half, Year: 2015, Part: 1}

// SortByName sorts the units below by name (DashboardQuery.Sort).
const SortByName = "name"

// DashboardQuery asks for a dashboard.
type DashboardQuery struct {
	UnitID           int64
	Period           vntext.Period
	View             View
	IncludeSubmitted bool
	// Today is the day whose tree a Mapped view maps onto (and whose unit
	// names are shown); zero means the database clock's today.
	Today time.Time
	// Chart is the code of the charted indicator; "" or an unknown code
	// charts the first key indicator.
	Chart string
	// Sort orders the units below: a key indicator's code (by its value),
	// SortByName, or "" for the tree's order. They come largest (or last
	// by name) first unless Ascending.
	Sort      string
	Ascending bool
}

// Dashboard is what a unit's dashboard shows.
type Dashboard struct {
	Unit       org.Unit
	Period     vntext.Period
	YearBefore vntext.Period
	// Keys are the key indicators with this period's and the year
	// before's figures.
	Keys []KeyFigure
	// Chart is the charted indicator and Series its figure for every
	// period from the series' start to Period; ChartChoices the
	// indicators that may be charted.
	Chart        Indicator
	Series       []Point
	ChartChoices []Indicator
	// Children are the units directly below that report, each with its
	// figure of every key indicator (in Keys' order), sorted as asked.
	Children []ChildFigures
	// Form is the form whose completeness Progress lists (ID 0 when no
	// form applies); Counts sums Progress by status.
	Form     Form
	Progress []Progress
	Counts   map[Status]int
	// CanWrite says whether the reader may enter or upload the unit's
	// figures.
	CanWrite bool
	// Stamp is what the dashboard was computed from: a page drawn from
	// it may be kept under the same stamp (the dashboard of the same
	// query is the same until the stamp changes).
	Stamp Stamp
}

// KeyFigure is a key indicator's figure and its change over a year.
type KeyFigure struct {
	Indicator   Indicator
	Now, Before Figure
	// Change is Now against Before when both exist (HasChange): in
	// percentage points for a percentage indicator (Points), else in per
	// cent of Before (not when Before is zero).
	Change    float64
	HasChange bool
	Points    bool
}

// Point is one period's figure of a series.
type Point struct {
	Period vntext.Period
	Figure Figure
}

// ChildFigures are the key figures of one unit below.
type ChildFigures struct {
	Unit    org.Unit
	Figures []Figure
}

// Behind lists the units whose report is not approved yet, furthest
// behind first.
func (d Dashboard) Behind() []Progress {
	out := make([]Progress, 0, len(d.Progress)-d.Counts[Approved])
	for _, p := range d.Progress {
		if p.Status != Approved {
			out = append(out, p)
		}
	}
	return out
}

// chartStart is the first period charted up to per.
func chartStart(per vntext.Period) vntext.Period {
	first := per
	switch per.Kind {
	case vntext.Half:
		first = SeriesStart
	case vntext.Year:
		first = vntext.Period{Kind: vntext.Year, Year: SeriesStart.Year}
	case vntext.Quarter, vntext.Month:
		first = vntext.Period{Kind: per.Kind, Year: SeriesStart.Year, Part: 1}
	}
	if first.Start().After(per.Start()) {
		return per
	}
	return first
}

// Dashboard builds the dashboard q asks for, when p may read the unit.
// What it shows is kept (see cache.go) and computed again only when a
// write has changed something it was computed from.
func (s *Store) Dashboard(ctx context.Context, p *auth.Principal, q DashboardQuery) (Dashboard, error) {
	if err := s.require(ctx, p, auth.PermRead, q.UnitID); err != nil {
		return Dashboard{}, err
	}
	if q.Today.IsZero() {
		q.Today = dayOf(s.db.Now())
	}
	st, err := s.dashboardStamp(ctx, q.UnitID, chartStart(q.Period), q.Period)
	if err != nil {
		return Dashboard{}, err
	}
	key := dashKey{unit: q.UnitID, period: q.Period, view: q.View, includeSubmitted: q.IncludeSubmitted,
		chart: q.Chart, today: q.Today.Format(time.DateOnly)}
	d, ok := s.dash.Get(key, st)
	if !ok {
		if d, err = s.dashboard(ctx, q); err != nil {
			return d, err
		}
		s.dash.Put(key, st, d)
	}
	d.Stamp = st
	if d.CanWrite, err = s.can(ctx, p, auth.PermWrite, q.UnitID); err != nil {
		return d, err
	}
	d.Children = sortChildren(d.Children, d.Keys, q.Sort, q.Ascending)
	return d, nil
}

// dashboard computes what a dashboard shows to every reader (the
// children in the tree's order).
func (s *Store) dashboard(ctx context.Context, q DashboardQuery) (Dashboard, error) {
	d := Dashboard{Period: q.Period, YearBefore: YearBefore(q.Period)}
	var err error
	if d.Unit, err = s.units.Get(ctx, q.UnitID, q.Today); apperr.CodeOf(err) == apperr.CodeNotFound {
		d.Unit, err = s.unitFor(ctx, q.UnitID, q.Period)
	}
	if err != nil {
		return d, err
	}
	inds, err := s.Indicators(ctx)
	if err != nil {
		return d, err
	}
	var keys []Indicator
	for _, i := range inds {
		if i.Key {
			keys = append(keys, i)
		}
		if !i.Derived() || i.Key {
			d.ChartChoices = append(d.ChartChoices, i)
		}
	}
	switch {
	case len(keys) > 0:
		d.Chart = keys[0]
	case len(d.ChartChoices) > 0:
		d.Chart = d.ChartChoices[0]
	}
	for _, i := range inds {
		if i.Code == q.Chart {
			d.Chart = i
		}
	}
	rq := Query{UnitID: q.UnitID, Period: q.Period, IncludeSubmitted: q.IncludeSubmitted, View: q.View, Today: q.Today}
	for _, k := range keys {
		rq.Indicators = append(rq.Indicators, k.ID)
	}
	if err := s.keyFigures(ctx, &d, rq, keys); err != nil {
		return d, err
	}
	if d.Chart.ID != 0 {
		cq := rq
		cq.Indicators = []int64{d.Chart.ID}
		first := chartStart(q.Period)
		series, err := s.series(ctx, cq, first, q.Period)
		if err != nil {
			return d, err
		}
		for _, per := range PeriodsBetween(first, q.Period) {
			d.Series = append(d.Series, Point{Period: per, Figure: series[per.String()][d.Chart.ID]})
		}
	}
	if err := s.children(ctx, &d, rq, keys, q); err != nil {
		return d, err
	}
	level, err := s.levelBelow(ctx, d.Unit, q.Period)
	if err != nil {
		return d, err
	}
	d.Form, err = s.FormFor(ctx, level, q.Period.Kind)
	switch {
	case err == nil:
		if d.Progress, err = s.completeness(ctx, q.UnitID, d.Form, q.Period); err != nil {
			return d, err
		}
	case apperr.CodeOf(err) != apperr.CodeNotFound:
		return d, err
	}
	d.Counts = Counts(d.Progress)
	return d, nil
}

// keyFigures reads the key indicators for the period and the same period
// a year before, in one query, and computes their change.
func (s *Store) keyFigures(ctx context.Context, d *Dashboard, q Query, keys []Indicator) error {
	if len(keys) == 0 {
		return nil
	}
	series, err := s.series(ctx, q, d.YearBefore, d.Period)
	if err != nil {
		return err
	}
	d.Keys = keyFiguresOf(keys, series[d.Period.String()], series[d.YearBefore.String()])
	return nil
}

// keyFiguresOf are the key indicators' figures in now and before, with
// their change: what the dashboard shows and a review report writes.
func keyFiguresOf(keys []Indicator, now, before Totals) []KeyFigure {
	out := make([]KeyFigure, 0, len(keys))
	for _, ind := range keys {
		k := KeyFigure{Indicator: ind, Now: now[ind.ID], Before: before[ind.ID], Points: ind.Percent}
		if k.Now.Has && k.Before.Has {
			switch {
			case ind.Percent:
				k.Change, k.HasChange = k.Now.Value-k.Before.Value, true
			case k.Before.Value != 0:
				k.Change, k.HasChange = (k.Now.Value-k.Before.Value)/k.Before.Value*100, true
			}
		}
		out = append(out, k)
	}
	return out
}

// children reads the key figures of each reporting unit directly below
// (below it when the period ended, or today in the mapped view), in one
// query, in the tree's order.
func (s *Store) children(ctx context.Context, d *Dashboard, q Query, keys []Indicator, dq DashboardQuery) error {
	byChild, err := s.rollupByChild(ctx, q)
	if err != nil {
		return err
	}
	date := dq.Period.End()
	if dq.View == Mapped {
		date = dq.Today
	}
	units, err := s.units.Children(ctx, dq.UnitID, date)
	if err != nil {
		return err
	}
	for _, u := range units {
		if !reports(u) {
			continue
		}
		row := ChildFigures{Unit: u, Figures: make([]Figure, len(keys))}
		for k, ind := range keys {
			row.Figures[k] = byChild[u.ID][ind.ID]
		}
		d.Children = append(d.Children, row)
	}
	return nil
}

// sortChildren sorts the units below (in the tree's order) as asked: by
// a key indicator's value (the code sort names, largest first unless
// ascending) or by name (SortByName, last first unless ascending). It
// sorts a copy: cs is a kept dashboard's, shared by every reader, and is
// returned as it is when the tree's order is asked for.
func sortChildren(cs []ChildFigures, keys []KeyFigure, by string, ascending bool) []ChildFigures {
	col := slices.IndexFunc(keys, func(k KeyFigure) bool { return k.Indicator.Code == by })
	switch {
	case col >= 0:
		cs = slices.Clone(cs)
		sort.SliceStable(cs, func(a, b int) bool {
			va, vb := cs[a].Figures[col].Value, cs[b].Figures[col].Value
			if ascending {
				return va < vb
			}
			return va > vb
		})
	case by == SortByName && !ascending:
		cs = slices.Clone(cs)
		slices.Reverse(cs)
	}
	return cs
}

// levelBelow is the level whose form a unit's completeness list follows:
// the level of the reporting units directly below it as the period ended
// (districts below a province before 2025, communes after), and a
// commune's own level for a commune (or a unit with nobody below).
func (s *Store) levelBelow(ctx context.Context, u org.Unit, per vntext.Period) (org.Level, error) {
	if u.Level == org.Commune {
		return u.Level, nil
	}
	kids, err := s.units.Children(ctx, u.ID, per.End())
	if err != nil {
		return "", err
	}
	for _, k := range kids {
		if reports(k) {
			return k.Level, nil
		}
	}
	return u.Level, nil
}

package report

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/org"
	"github.com/danvan/danvan/internal/vntext"
)

// What a Store keeps between requests, and how it knows it is current.
//
// The indicator catalogue with its forms is read once and kept until a
// write raises the version TopicCatalogue (db.Versions). Dashboards are
// kept by what they show (unit, period, view, chart, day) and what they
// were computed from: the versions of the hierarchy (org.TopicTree), of
// the catalogue, of bulk loads (TopicReports), and of the unit's row in
// report_versions for every period the dashboard reads. Every write to a
// report (draft, submit, approve, return, import) raises, in its
// transaction, that row for each unit whose figures the report can change:
// every unit its unit ever sat under, and every unit its figures pass into
// through merges and splits (and those units' ancestors), for the report's
// period. A dashboard is therefore computed again only when something it
// shows has changed, on every server at once, and never served stale: the
// versions are read before the data, and a change to the hierarchy
// recomputes every dashboard.
//
// Why a cache and not totals kept in tables: a dashboard is the key
// indicators of a unit and its children over two dozen periods in two
// views (as reported, mapped onto today) with averages, minima, "last"
// values and ratios; kept totals would have to be maintained for every
// (ancestor ever, period, indicator, view) at each write and rewritten at
// each merge or split, and would still leave the page's other work (the
// catalogue, the children, completeness) per request. Reads outnumber
// writes by far, and a write invalidates only the dashboards of the units
// above the report.

// The version topics of package report.
const (
	// TopicCatalogue covers the indicators and the forms.
	TopicCatalogue = "report.catalogue"
	// TopicReports covers every report at once: bulk loads raise it.
	TopicReports = "report.all"
)

// catalogue is the indicator catalogue and the forms as of a version.
type catalogue struct {
	version int64
	inds    []Indicator
	forms   []Form // by code
	byCode  map[string]int
	byID    map[int64]int
}

// keptCatalogue returns the catalogue, read again when it has changed.
func (s *Store) keptCatalogue(ctx context.Context) (*catalogue, error) {
	v, err := s.db.Versions(ctx)
	if err != nil {
		return nil, err
	}
	version := v[TopicCatalogue]
	if c := s.cat.Load(); c != nil && c.version == version {
		return c, nil
	}
	s.catMu.Lock()
	defer s.catMu.Unlock()
	if c := s.cat.Load(); c != nil && c.version == version {
		return c, nil
	}
	c := &catalogue{version: version, byCode: map[string]int{}, byID: map[int64]int{}}
	if c.inds, err = indicators(ctx, s.db); err != nil {
		return nil, err
	}
	rows, err := s.db.QueryContext(ctx, `SELECT id FROM report_forms ORDER BY code`)
	if err != nil {
		return nil, fmt.Errorf("report: forms: %w", err)
	}
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return nil, fmt.Errorf("report: forms: %w", err)
		}
		ids = append(ids, id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("report: forms: %w", err)
	}
	for _, id := range ids {
		f, err := form(ctx, s.db, id, c.inds)
		if err != nil {
			return nil, err
		}
		c.byCode[f.Code], c.byID[f.ID] = len(c.forms), len(c.forms)
		c.forms = append(c.forms, f)
	}
	s.cat.Store(c)
	return c, nil
}

// bumpReports raises, in tx, the version of period per for every unit
// whose roll-up a report of unitIDs can change: each unit they ever sat
// under, and each unit their figures pass into through merges and splits
// with its own ancestors ever.
func bumpReports(ctx context.Context, tx *db.Tx, per vntext.Period, unitIDs ...int64) error {
	if len(unitIDs) == 0 {
		return nil
	}
	args := make([]any, 0, len(unitIDs)+1)
	for _, id := range unitIDs {
		args = append(args, id)
	}
	args = append(args, per.String())
	_, err := tx.ExecContext(ctx, `WITH RECURSIVE m (unit_id, n) AS (
			SELECT u.id, 0 FROM units u WHERE u.id IN (`+db.Placeholders(len(unitIDs))+`)
			UNION
			SELECT l.successor_id, m.n + 1 FROM m JOIN unit_links l ON l.predecessor_id = m.unit_id WHERE m.n < 64
		)
		INSERT INTO report_versions (unit_id, period, version)
		SELECT DISTINCT c.ancestor_id, CAST(? AS TEXT), 1 FROM unit_closure c WHERE c.descendant_id IN (SELECT unit_id FROM m)
		ON CONFLICT (unit_id, period) DO UPDATE SET version = report_versions.version + 1`, args...)
	if err != nil {
		return fmt.Errorf("report: raise the versions of %s: %w", per, err)
	}
	return nil
}

// dashKey is what a kept dashboard shows.
type dashKey struct {
	unit             int64
	period           vntext.Period
	view             View
	includeSubmitted bool
	chart            string
	today            string
}

// Stamp is what a kept dashboard was computed from: the versions of
// the topics and the sum of the unit's report versions over the periods
// it reads (each only ever rises, so any write raises the sum). Two
// dashboards of the same query with the same stamp show the same.
type Stamp struct {
	tree, catalogue, all, unit int64
}

type dashStamp = Stamp

// dashboards are a Store's kept dashboards (at most db.DefaultKeptMax:
// a province's is some tens of kilobytes).
type dashboards = db.Kept[dashKey, dashStamp, Dashboard]

// dashboardStamp reads what a dashboard of unitID over the periods of
// per's kind from first to per (and per's year before) depends on.
func (s *Store) dashboardStamp(ctx context.Context, unitID int64, first, per vntext.Period) (dashStamp, error) {
	return s.stampOf(ctx, unitID, append(PeriodsBetween(first, per), YearBefore(per))...)
}

// stampOf reads what figures of unitID for the reports of periods depend
// on: the versions of the topics and of the unit's rows of those periods.
func (s *Store) stampOf(ctx context.Context, unitID int64, periods ...vntext.Period) (Stamp, error) {
	v, err := s.db.Versions(ctx)
	if err != nil {
		return Stamp{}, err
	}
	st := Stamp{tree: v[org.TopicTree], catalogue: v[TopicCatalogue], all: v[TopicReports]}
	args := []any{unitID}
	seen := map[vntext.Period]bool{}
	for _, p := range periods {
		if !seen[p] {
			seen[p] = true
			args = append(args, p.String())
		}
	}
	err = s.db.QueryRowContext(ctx, `SELECT COALESCE(SUM(version), 0) FROM report_versions
		WHERE unit_id = ? AND period IN (`+db.Placeholders(len(args)-1)+`)`, args...).Scan(&st.unit)
	if err != nil {
		return st, fmt.Errorf("report: versions of %d's figures: %w", unitID, err)
	}
	return st, nil
}

// rollKey is what a kept roll-up (Rollup) answers.
type rollKey struct {
	unit             int64
	period           vntext.Period
	view             View
	includeSubmitted bool
	today            string
	indicators       string // the ids asked for, with their ratios' parts; "" for every one
}

// dayOf is t's day at midnight UTC.
func dayOf(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

// storeCache is the part of a Store that keeps things between requests.
type storeCache struct {
	catMu sync.Mutex
	cat   atomic.Pointer[catalogue]
	dash  dashboards
	// figures are the kept figure tables of review reports (figures.go),
	// reviews what a review report reads of them (review.go).
	figures db.Kept[figuresKey, dashStamp, Figures]
	reviews db.Kept[figuresKey, dashStamp, Review]
	// rolls are the kept answers of Rollup.
	rolls db.Kept[rollKey, Stamp, Totals]
}

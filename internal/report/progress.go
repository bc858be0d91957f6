package report

import (
	"context"
	"fmt"
	"slices"
	"sort"

	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/org"
	"github.com/danvan/danvan/internal/vntext"
)

// Progress is one unit's place in the completeness list.
type Progress struct {
	Unit     org.Unit
	Status   Status
	ReportID int64
}

// Completeness lists the units below unitID (in the tree as it stood on
// the period's last day) that report with the form — boards and commune
// blocs of the form's levels — with the status of their report for the
// period, those furthest behind first (missing, draft, returned,
// submitted, approved), tree order within. p must be able to read unitID.
func (s *Store) Completeness(ctx context.Context, p *auth.Principal, unitID int64, f Form, per vntext.Period) ([]Progress, error) {
	if err := s.require(ctx, p, auth.PermRead, unitID); err != nil {
		return nil, err
	}
	return s.completeness(ctx, unitID, f, per)
}

func (s *Store) completeness(ctx context.Context, unitID int64, f Form, per vntext.Period) ([]Progress, error) {
	end := per.End()
	units, err := s.units.Subtree(ctx, unitID, end)
	if err != nil {
		return nil, err
	}
	rows, err := s.db.QueryContext(ctx, `SELECT r.unit_id, r.id, r.status FROM unit_closure c
		JOIN reports r ON r.unit_id = c.descendant_id
		WHERE c.ancestor_id = ? AND c.depth > 0 AND c.valid_from <= ? AND (c.valid_to IS NULL OR c.valid_to >= ?)
		AND r.form_id = ? AND r.period = ?`, unitID, db.Day(end), db.Day(end), f.ID, per.String())
	if err != nil {
		return nil, fmt.Errorf("report: completeness: %w", err)
	}
	defer rows.Close()
	type st struct {
		id     int64
		status Status
	}
	got := map[int64]st{}
	for rows.Next() {
		var uid int64
		var x st
		if err := rows.Scan(&uid, &x.id, &x.status); err != nil {
			return nil, fmt.Errorf("report: completeness: %w", err)
		}
		got[uid] = x
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("report: completeness: %w", err)
	}
	var out []Progress
	for _, u := range units {
		if u.ID == unitID || !reports(u) || !slices.Contains(f.Levels, string(u.Level)) {
			continue
		}
		pr := Progress{Unit: u, Status: Missing}
		if x, ok := got[u.ID]; ok {
			pr.Status, pr.ReportID = x.status, x.id
		}
		out = append(out, pr)
	}
	sort.SliceStable(out, func(a, b int) bool {
		return slices.Index(Statuses, out[a].Status) < slices.Index(Statuses, out[b].Status)
	})
	return out, nil
}

// Counts sums a completeness list by status.
func Counts(ps []Progress) map[Status]int {
	m := map[Status]int{}
	for _, p := range ps {
		m[p.Status]++
	}
	return m
}

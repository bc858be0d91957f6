package org_test

import (
	"context"
	"fmt"
	"math"
	"testing"

	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/org"
)

// successionWalk is every (predecessor, successor, valid from) with its
// share, walked back from every unit through unit_links as migration
// 00520 fills unit_successions for a database written before it.
const successionWalk = `WITH RECURSIVE s (predecessor_id, successor_id, share, valid_from, n) AS (
	SELECT id, id, CAST(1 AS DOUBLE PRECISION), valid_from, 0 FROM units
	UNION ALL
	SELECT l.predecessor_id, s.successor_id, s.share * l.share,
		CASE WHEN l.date > s.valid_from THEN l.date ELSE s.valid_from END, s.n + 1
	FROM s JOIN unit_links l ON l.successor_id = s.predecessor_id
	WHERE s.n < 64)
SELECT predecessor_id, successor_id, valid_from, share FROM s`

// successions sums the rows of query by (predecessor, successor, valid
// from).
func successions(t *testing.T, d *db.DB, query string) map[string]float64 {
	t.Helper()
	rows, err := d.QueryContext(context.Background(), query)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := map[string]float64{}
	for rows.Next() {
		var pred, succ int64
		var from string
		var share float64
		if err := rows.Scan(&pred, &succ, &from, &share); err != nil {
			t.Fatal(err)
		}
		out[fmt.Sprintf("%d>%d@%s", pred, succ, from)] += share
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestSuccessionsKept: unit_successions, which the mapped roll-ups read,
// is kept by every change in its transaction and equals the walk over
// the links after each one: creations, a merge, a split into a new and
// an existing unit, a district closed into its province, and a link into
// a unit written after that unit had already passed on (dated later), so
// that the way through it holds only from the later date.
func TestSuccessionsKept(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		tr := build(t, d)
		s := tr.s
		check := func(step string) {
			t.Helper()
			got := successions(t, d, "SELECT predecessor_id, successor_id, valid_from, share FROM unit_successions")
			want := successions(t, d, successionWalk)
			if len(got) != len(want) {
				t.Errorf("%s: %d successions, the walk gives %d:\n%v\n%v", step, len(got), len(want), got, want)
			}
			for k, w := range want {
				if g, ok := got[k]; !ok || math.Abs(g-w) > 1e-12 {
					t.Errorf("%s: %s has share %v (kept: %v), the walk gives %v", step, k, g, ok, w)
				}
			}
		}
		check("created")
		if _, err := s.Merge(ctx, []int64{tr.x1.ID}, org.MergeTarget{ExistingID: tr.x2.ID}, org.Date(2019, 1, 1)); err != nil {
			t.Fatal(err)
		}
		check("merge")
		parts, err := s.Split(ctx, tr.x2.ID, []org.SplitPart{
			{New: &org.NewUnit{Code: "X4", Name: "Khối Dân vận xã Hoàng Nông Mới", Kind: org.CommuneBloc}, Share: 0.3},
			{ExistingID: tr.x3.ID, Share: 0.7},
		}, d2025)
		if err != nil {
			t.Fatal(err)
		}
		check("split")
		if _, err := s.Move(ctx, tr.y1.ID, tr.p2.ID, d2025); err != nil {
			t.Fatal(err)
		}
		if err := s.Update(ctx, func(w *org.Writer) error {
			_, err := w.CloseInto(ctx, tr.h2.ID, tr.p2.ID, d2025)
			return err
		}); err != nil {
			t.Fatal(err)
		}
		check("closed into the province")
		// Y1 passes into X3 in 2027, X3 into X4 in mid-2026 (written
		// after): Y1 reaches X4 from 2027 only.
		if _, err := s.Merge(ctx, []int64{tr.y1.ID}, org.MergeTarget{ExistingID: tr.x3.ID}, org.Date(2027, 1, 1)); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Merge(ctx, []int64{tr.x3.ID}, org.MergeTarget{ExistingID: parts[0].ID}, org.Date(2026, 6, 1)); err != nil {
			t.Fatal(err)
		}
		check("a link dated after its successor passed on")
		got := successions(t, d, fmt.Sprintf("SELECT predecessor_id, successor_id, valid_from, share FROM unit_successions WHERE predecessor_id = %d AND successor_id = %d", tr.y1.ID, parts[0].ID))
		if len(got) != 1 || got[fmt.Sprintf("%d>%d@2027-01-01", tr.y1.ID, parts[0].ID)] != 1 {
			t.Errorf("Y1 into X4: %v, want share 1 from 2027-01-01", got)
		}
		// X1 reaches X4 twice: 0,3 by the split, 0,7 through X3 from
		// its merge into X4.
		got = successions(t, d, fmt.Sprintf("SELECT predecessor_id, successor_id, valid_from, share FROM unit_successions WHERE predecessor_id = %d AND successor_id = %d", tr.x1.ID, parts[0].ID))
		if len(got) != 2 || math.Abs(got[fmt.Sprintf("%d>%d@2025-07-01", tr.x1.ID, parts[0].ID)]-0.3) > 1e-12 ||
			math.Abs(got[fmt.Sprintf("%d>%d@2026-06-01", tr.x1.ID, parts[0].ID)]-0.7) > 1e-12 {
			t.Errorf("X1 into X4: %v", got)
		}
	})
}

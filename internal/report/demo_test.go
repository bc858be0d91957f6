package report_test

import (
	"context"
	"testing"
	"time"

	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/demo"
	"github.com/danvan/danvan/internal/fixture"
	"github.com/danvan/danvan/internal/report"
)

// TestDemoReports generates the small demo with its reports and checks
// that roll-ups read them in both views, across the 2025 reform.
func TestDemoReports(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		if err := demo.Generate(ctx, d, demo.Options{Scale: demo.Small, Seed: 1}); err != nil {
			t.Fatal(err)
		}
		start := time.Now()
		if err := demo.GenerateReports(ctx, d, demo.Options{Scale: demo.Small, Seed: 1}); err != nil {
			t.Fatal(err)
		}
		t.Logf("small demo reports in %s", time.Since(start))
		units, a := fixture.Stores(d)
		s := report.NewStore(d, units, a)
		root, err := units.GetByCode(ctx, demo.RootCode, time.Now())
		if err != nil {
			t.Fatal(err)
		}
		admin := auth.System()
		inds, err := s.Indicators(ctx)
		if err != nil || len(inds) != len(report.Catalogue()) {
			t.Fatalf("indicators: %d, %v", len(inds), err)
		}
		var dv02 int64
		for _, i := range inds {
			if i.Code == "DV02" {
				dv02 = i.ID
			}
		}
		for _, code := range []string{"2020S1", "2025S1", "2025S2", "2026S1"} {
			p := period(t, code)
			rep, err := s.Rollup(ctx, admin, report.Query{UnitID: root.ID, Period: p})
			if err != nil {
				t.Fatal(err)
			}
			mapped, err := s.Rollup(ctx, admin, report.Query{UnitID: root.ID, Period: p, View: report.Mapped})
			if err != nil {
				t.Fatal(err)
			}
			// Mapped onto today, the whole country loses only the figures
			// of units closed without successor (the districts' boards);
			// merges and splits pass everything on (shares sum to 1).
			var lost float64
			if err := d.QueryRowContext(ctx, `SELECT COALESCE(SUM(v.value), 0) FROM reports r
				JOIN report_values v ON v.report_id = r.id JOIN units u ON u.id = r.unit_id
				WHERE r.period = ? AND r.status = 'approved' AND v.indicator_id = ? AND u.valid_to IS NOT NULL
				AND NOT EXISTS (SELECT 1 FROM unit_links l WHERE l.predecessor_id = u.id)`, code, dv02).Scan(&lost); err != nil {
				t.Fatal(err)
			}
			a, b := rep[dv02].Value, mapped[dv02].Value
			if a <= 0 || !nearRel(a-lost, b) {
				t.Errorf("%s: DV02 as reported %v, lost %v, mapped %v", code, a, lost, b)
			}
		}
	})
}

func nearRel(a, b float64) bool {
	d := a - b
	if d < 0 {
		d = -d
	}
	return d <= 1e-6*a+1e-9
}

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
		inds, err := s.Indicators(ctx)
		if err != nil || len(inds) != len(report.Catalogue()) {
			t.Fatalf("indicators: %d, %v", len(inds), err)
		}
		checkMappedEqualsReported(t, s, root.ID, inds)
	})
}

// checkMappedEqualsReported checks the rule every view keeps: for every
// additive indicator (a sum) and every period of the demo, the country's
// total is the same as reported and mapped onto today's units (merges and
// splits pass everything on, and the district boards closed in 2025 pass
// their own reports to the province board that took over their work).
func checkMappedEqualsReported(t testing.TB, s *report.Store, root int64, inds []report.Indicator) {
	t.Helper()
	ctx := context.Background()
	admin := auth.System()
	checked, periods := 0, 0
	for p := demo.FirstReportPeriod; !p.Start().After(demo.LastReportPeriod.Start()); p = report.Next(p) {
		periods++
		rep, err := s.Rollup(ctx, admin, report.Query{UnitID: root, Period: p})
		if err != nil {
			t.Fatal(err)
		}
		mapped, err := s.Rollup(ctx, admin, report.Query{UnitID: root, Period: p, View: report.Mapped})
		if err != nil {
			t.Fatal(err)
		}
		for _, ind := range inds {
			if ind.Aggregation != report.Sum || ind.Derived() {
				continue
			}
			a, b := rep[ind.ID], mapped[ind.ID]
			if a.Has != b.Has || !nearRel(a.Value, b.Value) {
				t.Errorf("%s %s: as reported %v, mapped onto today %v", p, ind.Code, a.Value, b.Value)
			}
			if a.Has {
				checked++
			}
		}
	}
	if checked == 0 {
		t.Error("no figure to compare")
	}
	t.Logf("%d country totals of additive indicators compared over %d periods", checked, periods)
}

func nearRel(a, b float64) bool {
	d := a - b
	if d < 0 {
		d = -d
	}
	return d <= 1e-6*a+1e-9
}

package report_test

import (
	"context"
	"reflect"
	"testing"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/org"
	"github.com/danvan/danvan/internal/report"
	"github.com/danvan/danvan/internal/vntext"
)

// TestReviewIsTheDashboards: a review's key figures, completeness and
// unit are the dashboard's, its figure table every indicator's roll-up
// for each period (the other half of the year left out), and a load
// after a review is kept shows in the next one.
func TestReviewIsTheDashboards(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := build(t, d)
		ctx := context.Background()
		lv := []string{"province", "district", "commune"}
		inds, err := w.store.CreateIndicators(ctx, w.admin, []report.NewIndicator{
			{Indicator: report.Indicator{Code: "KS", Name: "Hội nghị", Measure: "hội nghị", Field: "general", Aggregation: report.Sum, Integral: true, Levels: lv, Key: true, Position: 1}},
			{Indicator: report.Indicator{Code: "KP", Name: "Tỷ lệ", Measure: "%", Field: "general", Aggregation: report.Average, Percent: true, Levels: lv, Key: true, Position: 2}},
			{Indicator: report.Indicator{Code: "NK", Name: "Lượt tiếp dân", Measure: "lượt", Field: "general", Aggregation: report.Sum, Integral: true, Levels: lv, Position: 3}},
		})
		if err != nil {
			t.Fatal(err)
		}
		val := func(vs ...float64) report.Values {
			out := report.Values{}
			for i, v := range vs {
				out[report.Key{IndicatorID: inds[i].ID}] = v
			}
			return out
		}
		s1, s2, before := period(t, "2020S1"), period(t, "2019S2"), period(t, "2019S1")
		lr := func(u org.Unit, p vntext.Period, vs report.Values) report.LoadReport {
			return report.LoadReport{UnitID: u.ID, FormID: w.form.ID, Period: p, Status: report.Approved, Values: vs}
		}
		if err := w.store.Load(ctx, []report.LoadReport{
			lr(w.c1, before, val(40, 60, 7)), lr(w.c1, s2, val(500, 10, 500)),
			lr(w.c1, s1, val(50, 80, 3)), lr(w.c3, s1, val(70, 90)), lr(w.c4, s1, val(100, 0, 11)),
		}); err != nil {
			t.Fatal(err)
		}
		viewer := w.person(t, "xem.review", auth.RoleViewer, w.p)
		q := report.Query{UnitID: w.p.ID, Period: s1}
		check := func(wantNK float64) {
			t.Helper()
			rv, err := w.store.Review(ctx, viewer, q)
			if err != nil {
				t.Fatal(err)
			}
			dd, err := w.store.Dashboard(ctx, viewer, report.DashboardQuery{UnitID: w.p.ID, Period: s1})
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(rv.Keys, dd.Keys) || rv.Unit.ID != dd.Unit.ID || rv.YearBefore != dd.YearBefore ||
				rv.Form.ID != dd.Form.ID || !reflect.DeepEqual(rv.Progress, dd.Progress) || !reflect.DeepEqual(rv.Counts, dd.Counts) {
				t.Errorf("review %+v\ndashboard %+v", rv, dd)
			}
			for _, p := range []struct {
				per vntext.Period
				got report.Totals
			}{{s1, rv.Figures.Now}, {before, rv.Figures.Before}} {
				all, err := w.store.Rollup(ctx, viewer, report.Query{UnitID: w.p.ID, Period: p.per})
				if err != nil {
					t.Fatal(err)
				}
				if !reflect.DeepEqual(p.got, all) {
					t.Errorf("%s: review %+v, roll-up %+v", p.per, p.got, all)
				}
			}
			if nk := rv.Figures.Now[inds[2].ID]; nk.Value != wantNK || rv.Figures.Before[inds[2].ID].Value != 7 {
				t.Errorf("NK: %+v, before %+v", nk, rv.Figures.Before[inds[2].ID])
			}
		}
		check(14)
		if err := w.store.Load(ctx, []report.LoadReport{lr(w.c5, s1, val(1, 1, 100))}); err != nil {
			t.Fatal(err)
		}
		check(114)
		below := w.person(t, "xem.c1", auth.RoleViewer, w.c1)
		if _, err := w.store.Review(ctx, below, q); apperr.CodeOf(err) != apperr.CodeForbidden {
			t.Errorf("a commune's viewer reading the province: %v", err)
		}
		if _, err := w.store.Review(ctx, nil, q); apperr.CodeOf(err) != apperr.CodeUnauthorized {
			t.Errorf("nobody: %v", err)
		}
	})
}

package report_test

import (
	"context"
	"errors"
	"testing"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/report"
)

// TestReadersCheckScope calls every method that reads a unit's reports
// or figures as an officer of another province (forbidden), as nobody
// (unauthorized) and as a viewer of the province above (allowed).
func TestReadersCheckScope(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := build(t, d)
		w.history(t)
		ctx := context.Background()
		outsider := w.person(t, "canbo.q", auth.RoleOfficer, w.q)
		viewer := w.person(t, "xem.p", auth.RoleViewer, w.p)
		s1 := period(t, "2020S1")
		tg := report.Target{UnitID: w.c1.ID, FormID: w.form.ID, Period: s1}
		stored, err := w.store.Find(ctx, viewer, tg)
		if err != nil {
			t.Fatal(err)
		}
		q := report.Query{UnitID: w.p.ID, Period: s1}
		reads := map[string]func(p *auth.Principal) error{
			"Report": func(p *auth.Principal) error { _, err := w.store.Report(ctx, p, stored.ID); return err },
			"Find":   func(p *auth.Principal) error { _, err := w.store.Find(ctx, p, tg); return err },
			"Entry":  func(p *auth.Principal) error { _, err := w.store.Entry(ctx, p, tg); return err },
			"Rollup": func(p *auth.Principal) error { _, err := w.store.Rollup(ctx, p, q); return err },
			"RollupByChild": func(p *auth.Principal) error {
				_, err := w.store.RollupByChild(ctx, p, q)
				return err
			},
			"Series": func(p *auth.Principal) error { _, err := w.store.Series(ctx, p, q, s1, s1); return err },
			"Completeness": func(p *auth.Principal) error {
				_, err := w.store.Completeness(ctx, p, w.d1.ID, w.form, s1)
				return err
			},
			"Table": func(p *auth.Principal) error { _, err := w.store.Table(ctx, p, w.p.ID, w.form, s1); return err },
			"Dashboard": func(p *auth.Principal) error {
				_, err := w.store.Dashboard(ctx, p, report.DashboardQuery{UnitID: w.p.ID, Period: s1})
				return err
			},
		}
		for name, read := range reads {
			if err := read(outsider); apperr.CodeOf(err) != apperr.CodeForbidden {
				t.Errorf("%s by another province's officer: %v", name, err)
			}
			if err := read(nil); apperr.CodeOf(err) != apperr.CodeUnauthorized {
				t.Errorf("%s by nobody: %v", name, err)
			}
			if err := read(viewer); err != nil {
				t.Errorf("%s by the province's viewer: %v", name, err)
			}
		}
		// Writing needs more than reading: the template to fill in, the
		// upload page's choices.
		if _, err := w.store.Template(ctx, viewer, w.p.ID, w.form, s1); apperr.CodeOf(err) != apperr.CodeForbidden {
			t.Errorf("a viewer's template: %v", err)
		}
		if _, err := w.store.ImportChoices(ctx, viewer, w.p.ID); apperr.CodeOf(err) != apperr.CodeForbidden {
			t.Errorf("a viewer's upload choices: %v", err)
		}
		// The catalogue is changed by national administrators only.
		if _, err := w.store.CreateIndicators(ctx, w.person(t, "quantri.p", auth.RoleAdmin, w.p), []report.NewIndicator{
			{Indicator: report.Indicator{Code: "X", Name: "Thử", Measure: "cái", Field: "general", Aggregation: report.Sum, Levels: []string{"commune"}}},
		}); apperr.CodeOf(err) != apperr.CodeForbidden {
			t.Errorf("a province's admin adds an indicator: %v", err)
		}
	})
}

// TestNobodyDecidesTheirOwnReport: a leader and an admin granted on the
// reporting unit itself may not approve or return its report; neither
// may anyone approve or return a report that is not submitted. Nothing
// changes when they try.
func TestNobodyDecidesTheirOwnReport(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := build(t, d)
		ctx := context.Background()
		officer := w.person(t, "canbo.d3", auth.RoleOfficer, w.d3)
		ownLeader := w.person(t, "lanhdao.d3", auth.RoleLeader, w.d3)
		ownAdmin := w.person(t, "quantri.d3", auth.RoleAdmin, w.d3)
		above := w.person(t, "lanhdao.p", auth.RoleLeader, w.p)
		per := period(t, "2026S1")
		tg := report.Target{UnitID: w.d3.ID, FormID: w.form.ID, Period: per}
		full := []string{"S", "7", "N", "4", "K", "2", "A", "50", "M", "60", "L", "1"}
		r, err := w.store.Submit(ctx, officer, tg, w.input(0, full...))
		if err != nil {
			t.Fatal(err)
		}
		before := snapshot(t, d)
		for name, p := range map[string]*auth.Principal{"the unit's leader": ownLeader, "the unit's admin": ownAdmin} {
			if _, err := w.store.Approve(ctx, p, r.ID, r.Version); apperr.CodeOf(err) != apperr.CodeForbidden {
				t.Errorf("%s approves: %v", name, err)
			} else if key, _ := apperr.KeyOf(err); key != "report.err.own_report" {
				t.Errorf("%s approves: message %q", name, key)
			}
			if _, err := w.store.Return(ctx, p, r.ID, r.Version, "Tự trả lại"); apperr.CodeOf(err) != apperr.CodeForbidden {
				t.Errorf("%s returns: %v", name, err)
			}
			if ok, err := w.store.CanDecide(ctx, p, w.d3.ID, per); ok || err != nil {
				t.Errorf("CanDecide(%s) = %v, %v", name, ok, err)
			}
		}
		if snapshot(t, d) != before {
			t.Error("refused decisions changed the database")
		}
		if ok, err := w.store.CanDecide(ctx, above, w.d3.ID, per); !ok || err != nil {
			t.Errorf("CanDecide(the leader above) = %v, %v", ok, err)
		}

		// Only a submitted report is decided: not a draft, not a returned
		// one, not one approved already.
		refused := func(state string, r report.Report) {
			t.Helper()
			before := snapshot(t, d)
			if _, err := w.store.Approve(ctx, above, r.ID, r.Version); apperr.CodeOf(err) != apperr.CodeConflict {
				t.Errorf("approve a %s report: %v", state, err)
			}
			if _, err := w.store.Return(ctx, above, r.ID, r.Version, "Trả lại lần nữa"); apperr.CodeOf(err) != apperr.CodeConflict {
				t.Errorf("return a %s report: %v", state, err)
			}
			if snapshot(t, d) != before {
				t.Errorf("deciding on a %s report changed the database", state)
			}
		}
		draft, err := w.store.SaveDraft(ctx, w.person(t, "canbo.d4", auth.RoleOfficer, w.d4),
			report.Target{UnitID: w.d4.ID, FormID: w.form.ID, Period: per}, w.input(0, "S", "1"))
		if err != nil {
			t.Fatal(err)
		}
		refused("draft", draft)
		returned, err := w.store.Return(ctx, above, r.ID, r.Version, "Bổ sung số liệu")
		if err != nil {
			t.Fatal(err)
		}
		refused("returned", returned)
		again, err := w.store.Submit(ctx, officer, tg, w.input(returned.Version, full...))
		if err != nil {
			t.Fatal(err)
		}
		approved, err := w.store.Approve(ctx, above, again.ID, again.Version)
		if err != nil {
			t.Fatal(err)
		}
		refused("approved", approved)
	})
}

// TestSaveRefusesWhatTheReportDoesNotEnter: values keyed by an indicator
// of no form, by a computed ratio or by a breakdown part the indicator
// does not have are refused with the rest, and nothing is saved.
func TestSaveRefusesWhatTheReportDoesNotEnter(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := build(t, d)
		ctx := context.Background()
		officer := w.person(t, "canbo.c1", auth.RoleOfficer, w.c1)
		tg := report.Target{UnitID: w.c1.ID, FormID: w.form.ID, Period: period(t, "2026S1")}
		for name, k := range map[string]report.Key{
			"ratio":   {IndicatorID: w.ratio.ID},
			"unknown": {IndicatorID: 999999},
			"part":    {IndicatorID: w.sum.ID, Part: "womens_union"},
		} {
			in := w.input(0, "S", "5")
			in.Values[k] = "3"
			before := snapshot(t, d)
			_, err := w.store.SaveDraft(ctx, officer, tg, in)
			var es apperr.Errors
			if !errors.As(err, &es) || es.Field("values") == nil || es.Field("values").Key != "report.err.value_unknown" {
				t.Errorf("%s value: %v", name, err)
			}
			if snapshot(t, d) != before {
				t.Errorf("a refused %s value changed the database", name)
			}
		}
	})
}

// TestStaleSaveKeepsTheValues: a save against an old version is refused
// and the stored values stay as they were.
func TestStaleSaveKeepsTheValues(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := build(t, d)
		ctx := context.Background()
		officer := w.person(t, "canbo.c1", auth.RoleOfficer, w.c1)
		tg := report.Target{UnitID: w.c1.ID, FormID: w.form.ID, Period: period(t, "2026S1")}
		if _, err := w.store.SaveDraft(ctx, officer, tg, w.input(0, "S", "5")); err != nil {
			t.Fatal(err)
		}
		cur, err := w.store.SaveDraft(ctx, officer, tg, w.input(1, "S", "6"))
		if err != nil {
			t.Fatal(err)
		}
		before := snapshot(t, d)
		if _, err := w.store.SaveDraft(ctx, officer, tg, w.input(1, "S", "700")); apperr.CodeOf(err) != apperr.CodeConflict {
			t.Fatalf("stale save: %v", err)
		}
		after, err := w.store.Find(ctx, officer, tg)
		if err != nil {
			t.Fatal(err)
		}
		if snapshot(t, d) != before || after.Version != cur.Version || after.Values[report.Key{IndicatorID: w.sum.ID}] != 6 {
			t.Errorf("after a stale save: version %d, S = %v", after.Version, after.Values[report.Key{IndicatorID: w.sum.ID}])
		}
	})
}

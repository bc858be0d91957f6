package report_test

import (
	"bytes"
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/fixture"
	"github.com/danvan/danvan/internal/org"
	"github.com/danvan/danvan/internal/report"
)

// TestDashboardSeesWritesAtOnce: two servers over one database keep
// dashboards; every write through the first (a new key indicator,
// submit, approve, return, import, and moves, merges and splits of units)
// is on the second's next dashboard, which equals one computed afresh by
// a server that has kept nothing.
func TestDashboardSeesWritesAtOnce(t *testing.T) {
	for _, kind := range dbtest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			ctx := context.Background()
			da, open := dbtest.Servers(t, kind)
			w := build(t, da) // server A
			server := func() *report.Store {
				d := open()
				d.SetClock(func() time.Time { return org.Date(2026, 3, 10).Add(9 * time.Hour) })
				units, a := fixture.Stores(d)
				return report.NewStore(d, units, a)
			}
			b := server()
			w.history(t)
			viewer := w.person(t, "xem.tw", auth.RoleViewer, w.tw)
			now, past := period(t, "2026S1"), period(t, "2020S1")
			queries := []report.DashboardQuery{
				{UnitID: w.p.ID, Period: now},
				{UnitID: w.p.ID, Period: now, IncludeSubmitted: true},
				{UnitID: w.p.ID, Period: past},
				{UnitID: w.p.ID, Period: past, View: report.Mapped},
				{UnitID: w.tw.ID, Period: past, View: report.Mapped, Sort: "KEY"},
			}
			show := func(s *report.Store) string {
				t.Helper()
				var out strings.Builder
				for _, q := range queries {
					d, err := s.Dashboard(ctx, viewer, q)
					if err != nil {
						t.Fatal(err)
					}
					fmt.Fprintf(&out, "%d %s v%d s%v:", q.UnitID, q.Period, q.View, q.IncludeSubmitted)
					for _, k := range d.Keys {
						fmt.Fprintf(&out, " %s=%v/%v", k.Indicator.Code, k.Now.Value, k.Before.Value)
					}
					for _, p := range d.Series {
						if p.Figure.Has {
							fmt.Fprintf(&out, " %s:%v", p.Period, p.Figure.Value)
						}
					}
					for _, c := range d.Children {
						fmt.Fprintf(&out, " [%s", c.Unit.Code)
						for _, f := range c.Figures {
							fmt.Fprintf(&out, " %v", f.Value)
						}
						out.WriteString("]")
					}
					for _, p := range d.Progress {
						fmt.Fprintf(&out, " %s:%s", p.Unit.Code, p.Status)
					}
					// The review's kept figure table follows the same writes.
					fg, err := s.Figures(ctx, viewer, report.Query{UnitID: q.UnitID, Period: q.Period, View: q.View,
						IncludeSubmitted: q.IncludeSubmitted})
					if err != nil {
						t.Fatal(err)
					}
					// So does the kept roll-up, of every indicator and of
					// the first key one alone.
					rq := report.Query{UnitID: q.UnitID, Period: q.Period, View: q.View, IncludeSubmitted: q.IncludeSubmitted}
					all, err := s.Rollup(ctx, viewer, rq)
					if err != nil {
						t.Fatal(err)
					}
					var one report.Totals
					if len(d.Keys) > 0 {
						rq.Indicators = []int64{d.Keys[0].Indicator.ID}
						if one, err = s.Rollup(ctx, viewer, rq); err != nil {
							t.Fatal(err)
						}
					}
					for _, tot := range []report.Totals{fg.Now, fg.Before, all, one} {
						out.WriteString(" |")
						for _, id := range slices.Sorted(maps.Keys(tot)) {
							if tot[id].Has {
								fmt.Fprintf(&out, " %d=%v", id, tot[id].Value)
							}
						}
					}
					out.WriteString("\n")
				}
				return out.String()
			}
			check := func(step string, change func()) {
				t.Helper()
				before := show(b)
				if again := show(b); again != before {
					t.Fatalf("%s: two reads differ:\n%s\n%s", step, before, again)
				}
				change()
				got, want := show(b), show(server())
				if got == before {
					t.Errorf("%s: server B still shows\n%s", step, got)
				}
				if got != want {
					t.Errorf("%s: server B shows\n%s\na fresh server\n%s", step, got, want)
				}
			}
			check("a new key indicator", func() {
				_, err := w.store.CreateIndicators(ctx, w.admin, []report.NewIndicator{{Indicator: report.Indicator{Code: "KEY",
					Name: "Mô hình", Measure: "mô hình", Field: "general", Aggregation: report.Sum, Integral: true,
					Levels: []string{"province", "district", "commune"}, Key: true, Position: 1}}})
				if err != nil {
					t.Fatal(err)
				}
			})
			check("a bulk load", func() {
				key, err := w.store.Indicators(ctx)
				if err != nil {
					t.Fatal(err)
				}
				var id int64
				for _, i := range key {
					if i.Code == "KEY" {
						id = i.ID
					}
				}
				vs := func(v float64) report.Values { return report.Values{{IndicatorID: id}: v} }
				f, err := w.store.CreateForm(ctx, w.admin, report.NewForm{Code: "T6K", Name: "Báo cáo mô hình", PeriodKind: past.Kind,
					Sections: []string{"results"}, Levels: []string{"commune"}, Indicators: []string{"KEY"}})
				if err != nil {
					t.Fatal(err)
				}
				if err := w.store.Load(ctx, []report.LoadReport{
					{UnitID: w.c1.ID, FormID: f.ID, Period: past, Status: report.Approved, Values: vs(3)},
					{UnitID: w.c3.ID, FormID: f.ID, Period: past, Status: report.Approved, Values: vs(5)},
					{UnitID: w.c4.ID, FormID: f.ID, Period: past, Status: report.Approved, Values: vs(7)},
				}); err != nil {
					t.Fatal(err)
				}
			})
			officer := w.person(t, "canbo.c1", auth.RoleOfficer, w.c1)
			leader := w.person(t, "lanhdao.d3", auth.RoleLeader, w.d3)
			tg := report.Target{UnitID: w.c1.ID, FormID: w.form.ID, Period: now}
			var r report.Report
			check("submit", func() {
				var err error
				if r, err = w.store.Submit(ctx, officer, tg, w.input(0, "S", "11", "N", "2", "K", "1", "A", "5", "M", "6", "L", "1")); err != nil {
					t.Fatal(err)
				}
			})
			check("approve", func() {
				if _, err := w.store.Approve(ctx, leader, r.ID, r.Version); err != nil {
					t.Fatal(err)
				}
			})
			check("return", func() {
				r2, err := w.store.Submit(ctx, w.person(t, "canbo.c2", auth.RoleOfficer, w.c2),
					report.Target{UnitID: w.c2.ID, FormID: w.form.ID, Period: now}, w.input(0, "S", "4", "N", "2", "K", "1", "A", "5", "M", "6", "L", "1"))
				if err != nil {
					t.Fatal(err)
				}
				if _, err := w.store.Return(ctx, leader, r2.ID, r2.Version, "Thiếu số liệu"); err != nil {
					t.Fatal(err)
				}
			})
			check("import", func() {
				writer := w.person(t, "canbo.c9", auth.RoleOfficer, w.c9)
				tpl, err := w.store.Template(ctx, writer, w.c9.ID, w.form, now)
				if err != nil {
					t.Fatal(err)
				}
				rows := cells(tpl)
				for _, r := range rows {
					r[6] = "3"
				}
				var buf bytes.Buffer
				if err := report.WriteCSV(&buf, report.ColumnKeys, rows); err != nil {
					t.Fatal(err)
				}
				table, err := report.ReadTable(buf.Bytes())
				if err != nil {
					t.Fatal(err)
				}
				if _, err := w.store.Import(ctx, writer, w.c9.ID, w.form, now, table); err != nil {
					t.Fatal(err)
				}
			})
			today := org.Date(2026, 3, 10)
			check("move", func() {
				if _, err := w.units.Move(ctx, w.c3.ID, w.d4.ID, today); err != nil {
					t.Fatal(err)
				}
			})
			check("split", func() {
				if _, err := w.units.Split(ctx, w.c7.ID, []org.SplitPart{
					{ExistingID: w.c3.ID, Share: 0.5},
					{ExistingID: w.c8.ID, Share: 0.5},
				}, today); err != nil {
					t.Fatal(err)
				}
			})
			check("merge", func() {
				if _, err := w.units.Merge(ctx, []int64{w.d4.ID}, org.MergeTarget{ExistingID: w.d3.ID}, today); err != nil {
					t.Fatal(err)
				}
			})
		})
	}
}

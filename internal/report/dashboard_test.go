package report_test

import (
	"context"
	"slices"
	"testing"

	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/i18n"
	"github.com/danvan/danvan/internal/org"
	"github.com/danvan/danvan/internal/report"
	"github.com/danvan/danvan/internal/vntext"
)

// TestDashboard reads the province's dashboard for 2020S1 against 2019S1:
// two key indicators (a count and a percentage), the chart's series, the
// districts below sorted each way, and the completeness of the form of
// the level below.
func TestDashboard(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := build(t, d)
		ctx := context.Background()
		lv := []string{"province", "district", "commune"}
		keys, err := w.store.CreateIndicators(ctx, w.admin, []report.NewIndicator{
			{Indicator: report.Indicator{Code: "KS", Name: "Hội nghị", Measure: "hội nghị", Field: "general", Aggregation: report.Sum, Integral: true, Levels: lv, Key: true, Position: 1}},
			{Indicator: report.Indicator{Code: "KP", Name: "Tỷ lệ", Measure: "%", Field: "general", Aggregation: report.Average, Percent: true, Levels: lv, Key: true, Position: 2}},
		})
		if err != nil {
			t.Fatal(err)
		}
		ks, kp := keys[0], keys[1]
		val := func(vs ...float64) report.Values {
			out := report.Values{}
			for i, v := range vs {
				out[report.Key{IndicatorID: keys[i].ID}] = v
			}
			return out
		}
		s1, before := period(t, "2020S1"), period(t, "2019S1")
		lr := func(u org.Unit, p vntext.Period, vs report.Values) report.LoadReport {
			return report.LoadReport{UnitID: u.ID, FormID: w.form.ID, Period: p, Status: report.Approved, Values: vs}
		}
		if err := w.store.Load(ctx, []report.LoadReport{
			lr(w.c1, before, val(40, 60)),
			lr(w.c1, s1, val(50, 80)), lr(w.c3, s1, val(70, 90)), lr(w.c4, s1, val(100)),
			{UnitID: w.c5.ID, FormID: w.form.ID, Period: s1, Status: report.Submitted, Values: val(1000)},
		}); err != nil {
			t.Fatal(err)
		}
		viewer := w.person(t, "xem.p", auth.RoleViewer, w.p)
		dash := func(q report.DashboardQuery) report.Dashboard {
			t.Helper()
			q.UnitID, q.Period = w.p.ID, s1
			dd, err := w.store.Dashboard(ctx, viewer, q)
			if err != nil {
				t.Fatal(err)
			}
			return dd
		}
		dd := dash(report.DashboardQuery{})
		if dd.YearBefore != before || len(dd.Keys) != 2 || dd.CanWrite {
			t.Fatalf("dashboard = %+v", dd)
		}
		if k := dd.Keys[0]; k.Indicator.ID != ks.ID || k.Now.Value != 220 || k.Before.Value != 40 || !k.HasChange || k.Change != 450 || k.Points {
			t.Errorf("count = %+v", k)
		}
		if k := dd.Keys[1]; k.Indicator.ID != kp.ID || k.Now.Value != 85 || k.Before.Value != 60 || k.Change != 25 || !k.Points {
			t.Errorf("percentage = %+v", k)
		}
		if dd.Chart.ID != ks.ID || len(dd.Series) != 11 || dd.Series[8].Period != before || dd.Series[8].Figure.Value != 40 ||
			dd.Series[10].Figure.Value != 220 || dd.Series[0].Figure.Has {
			t.Errorf("series of %s: %+v", dd.Chart.Code, dd.Series)
		}
		if dd.Form.ID != w.form.ID || len(dd.Progress) == 0 {
			t.Errorf("progress of form %d: %+v", dd.Form.ID, dd.Progress)
		}
		sum := 0
		for _, n := range dd.Counts {
			sum += n
		}
		for _, b := range dd.Behind() {
			if b.Status == report.Approved {
				t.Errorf("%s is approved yet behind", b.Unit.Code)
			}
		}
		if sum != len(dd.Progress) {
			t.Errorf("counts %v for %d units", dd.Counts, len(dd.Progress))
		}
		order := func(dd report.Dashboard) []string {
			var out []string
			for _, c := range dd.Children {
				out = append(out, c.Unit.Code)
			}
			return out
		}
		// The districts of 2020: Cao Lộc (D4: 100), Chi Lăng (D1: 50),
		// Hữu Lũng (D2: 70), in the tree's (Vietnamese) order.
		for _, c := range []struct {
			q    report.DashboardQuery
			want []string
		}{
			{report.DashboardQuery{}, []string{"D4", "D1", "D2"}},
			{report.DashboardQuery{Sort: "KS"}, []string{"D4", "D2", "D1"}},
			{report.DashboardQuery{Sort: "KS", Ascending: true}, []string{"D1", "D2", "D4"}},
			{report.DashboardQuery{Sort: report.SortByName}, []string{"D2", "D1", "D4"}},
			{report.DashboardQuery{Sort: report.SortByName, Ascending: true}, []string{"D4", "D1", "D2"}},
			{report.DashboardQuery{}, []string{"D4", "D1", "D2"}},                                   // the kept dashboard's order, untouched by the sorts before
			{report.DashboardQuery{Sort: "KS", IncludeSubmitted: true}, []string{"D4", "D2", "D1"}}, // C5's 1000 counts under D4
			{report.DashboardQuery{View: report.Mapped}, []string{"D4", "D3"}},                      // today's districts: Cao Lộc, Chi Lăng – Hữu Lũng
		} {
			if got := order(dash(c.q)); !slices.Equal(got, c.want) {
				t.Errorf("%+v: order %v, want %v", c.q, got, c.want)
			}
		}
		if dd := dash(report.DashboardQuery{Chart: "KP"}); dd.Chart.ID != kp.ID || dd.Series[10].Figure.Value != 85 {
			t.Errorf("chart KP: %s %+v", dd.Chart.Code, dd.Series)
		}
		// A commune's completeness follows its own level's form; a
		// province's the level of the units below it.
		cd, err := w.store.Dashboard(ctx, viewer, report.DashboardQuery{UnitID: w.c1.ID, Period: s1})
		if err != nil || cd.Form.ID != w.form.ID || len(cd.Children) != 0 || len(cd.Progress) != 0 {
			t.Errorf("a commune's dashboard: %+v, %v", cd, err)
		}
	})
}

// TestNotificationsAreMessages: the workflow's notifications are stored
// as keys with arguments and read in either language.
func TestNotificationsAreMessages(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := build(t, d)
		ctx := context.Background()
		officer := w.person(t, "canbo.c1", auth.RoleOfficer, w.c1)
		leader := w.person(t, "lanhdao.d3", auth.RoleLeader, w.d3)
		tg := report.Target{UnitID: w.c1.ID, FormID: w.form.ID, Period: period(t, "2026S1")}
		r, err := w.store.Submit(ctx, officer, tg, w.input(0, "S", "1", "N", "2", "K", "1", "A", "5", "M", "6", "L", "1"))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.store.Return(ctx, leader, r.ID, r.Version, "Thiếu số liệu; 100% đúng hạn"); err != nil {
			t.Fatal(err)
		}
		notes, err := w.store.Notifications(ctx, leader, 5)
		if err != nil || len(notes) != 1 {
			t.Fatalf("leader's notifications = %+v, %v", notes, err)
		}
		m := notes[0].Message
		if m.Key != "report.note.submitted" || m.Args[0] != w.c1.Name {
			t.Errorf("submitted = %#v", m)
		}
		if p, ok := m.Args[1].(i18n.Message); !ok || p.Key != "period.h1" || p.Args[0] != int64(2026) {
			t.Errorf("period argument = %#v", m.Args[1])
		}
		if got := en(m); got != w.c1.Name+" submitted its report for first half of 2026; it awaits approval." {
			t.Errorf("in English: %q", got)
		}
		notes, err = w.store.Notifications(ctx, officer, 5)
		if err != nil || len(notes) != 1 {
			t.Fatalf("officer's notifications = %+v, %v", notes, err)
		}
		if got := vi(notes[0].Message); got != "Báo cáo 6 tháng đầu năm 2026 của "+w.c1.Name+" bị trả lại: Thiếu số liệu; 100% đúng hạn" {
			t.Errorf("returned: %q", got)
		}
		// Nobody else sees them.
		if notes, err := w.store.Notifications(ctx, w.person(t, "canbo.q", auth.RoleOfficer, w.q), 5); err != nil || len(notes) != 0 {
			t.Errorf("another province's notifications = %+v, %v", notes, err)
		}
	})
}

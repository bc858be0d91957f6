package report_test

import (
	"context"
	"math"
	"testing"
	"time"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/fixture"
	"github.com/danvan/danvan/internal/org"
	"github.com/danvan/danvan/internal/report"
	"github.com/danvan/danvan/internal/vntext"
)

// world is a small hierarchy with a history, the test catalogue and a
// half-year form:
//
//	2015-01-01                       changes                        today (2026)
//	TW                                                               TW
//	├─ P Lạng Sơn                                                    ├─ P
//	│  ├─ D1 Chi Lăng: C1, C2, C9    2022-01-01 D1 + D2 → D3 (merge) │  ├─ D3: C1, C2, C9, C3, C5
//	│  ├─ D2 Hữu Lũng: C3            2023-01-01 C5 moves D4 → D3     │  └─ D4: C7
//	│  └─ D4 Cao Lộc: C4, C5         2024-01-01 C4 splits 0.6 → C7,  └─ Q
//	└─ Q Sóc Trăng                              0.4 → C8 (in Q)         └─ D5: C6, C8
//	   └─ D5 Mỹ Xuyên: C6
type world struct {
	d                                     *db.DB
	units                                 *org.Store
	auth                                  *auth.Store
	store                                 *report.Store
	admin                                 *auth.Principal // national administrator
	tw, p, q, d1, d2, d3, d4, d5          org.Unit
	c1, c2, c3, c4, c5, c6, c7, c8, c9    org.Unit
	form                                  report.Form
	sum, num, den, ratio, avg, mini, last report.Indicator
	ind                                   map[string]report.Indicator
}

func build(t *testing.T, d *db.DB) *world {
	t.Helper()
	ctx := context.Background()
	d.SetClock(func() time.Time { return org.Date(2026, 3, 10).Add(9 * time.Hour) })
	w := &world{d: d}
	w.units, w.auth = fixture.Stores(d)
	w.store = report.NewStore(d, w.units, w.auth)
	must := func(u org.Unit, err error) org.Unit {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return u
	}
	start := org.Date(2015, 1, 1)
	mk := func(code, name string, level org.Level, kind org.Kind, parent org.Unit) org.Unit {
		return must(w.units.Create(ctx, org.NewUnit{Code: code, Name: name, Level: level, Kind: kind, ParentID: parent.ID, ValidFrom: start}))
	}
	w.tw = mk("TW", "Ban Dân vận Trung ương", org.Central, org.Board, org.Unit{})
	w.p = mk("P", "Ban Dân vận Tỉnh ủy Lạng Sơn", org.Province, org.Board, w.tw)
	w.q = mk("Q", "Ban Dân vận Tỉnh ủy Sóc Trăng", org.Province, org.Board, w.tw)
	w.d1 = mk("D1", "Ban Dân vận Huyện ủy Chi Lăng", org.District, org.Board, w.p)
	w.d2 = mk("D2", "Ban Dân vận Huyện ủy Hữu Lũng", org.District, org.Board, w.p)
	w.d4 = mk("D4", "Ban Dân vận Huyện ủy Cao Lộc", org.District, org.Board, w.p)
	w.d5 = mk("D5", "Ban Dân vận Huyện ủy Mỹ Xuyên", org.District, org.Board, w.q)
	w.c1 = mk("C1", "Khối Dân vận xã Quang Lang", org.Commune, org.CommuneBloc, w.d1)
	w.c2 = mk("C2", "Khối Dân vận xã Mai Sao", org.Commune, org.CommuneBloc, w.d1)
	w.c9 = mk("C9", "Khối Dân vận xã Vân Thủy", org.Commune, org.CommuneBloc, w.d1)
	w.c3 = mk("C3", "Khối Dân vận xã Hữu Liên", org.Commune, org.CommuneBloc, w.d2)
	w.c4 = mk("C4", "Khối Dân vận thị trấn Đồng Đăng", org.Commune, org.CommuneBloc, w.d4)
	w.c5 = mk("C5", "Khối Dân vận xã Hợp Thành", org.Commune, org.CommuneBloc, w.d4)
	w.c6 = mk("C6", "Khối Dân vận xã Đại Tâm", org.Commune, org.CommuneBloc, w.d5)
	w.d3 = must(w.units.Merge(ctx, []int64{w.d1.ID, w.d2.ID}, org.MergeTarget{New: &org.NewUnit{
		Code: "D3", Name: "Ban Dân vận Huyện ủy Chi Lăng – Hữu Lũng", Level: org.District, Kind: org.Board, ParentID: w.p.ID}}, org.Date(2022, 1, 1)))
	must(w.units.Move(ctx, w.c5.ID, w.d3.ID, org.Date(2023, 1, 1)))
	parts, err := w.units.Split(ctx, w.c4.ID, []org.SplitPart{
		{New: &org.NewUnit{Code: "C7", Name: "Khối Dân vận xã Đồng Đăng", Kind: org.CommuneBloc, ParentID: w.d4.ID}, Share: 0.6},
		{New: &org.NewUnit{Code: "C8", Name: "Khối Dân vận xã Tham Đôn", Kind: org.CommuneBloc, ParentID: w.d5.ID}, Share: 0.4},
	}, org.Date(2024, 1, 1))
	if err != nil {
		t.Fatal(err)
	}
	w.c7, w.c8 = parts[0], parts[1]

	w.admin = w.person(t, "quantri.tw", auth.RoleAdmin, w.tw)
	lv := []string{"province", "district", "commune"}
	inds, err := w.store.CreateIndicators(ctx, w.admin, []report.NewIndicator{
		{Indicator: report.Indicator{Code: "S", Name: "Cán bộ được bồi dưỡng", Measure: "người", Field: "general", Aggregation: report.Sum, Integral: true, Levels: lv}},
		{Indicator: report.Indicator{Code: "N", Name: "Vụ việc hòa giải tiếp nhận", Measure: "vụ việc", Field: "defence_security", Aggregation: report.Sum, Integral: true, Levels: lv}},
		{Indicator: report.Indicator{Code: "K", Name: "Vụ việc hòa giải thành công", Measure: "vụ việc", Field: "defence_security", Aggregation: report.Sum, Integral: true, Levels: lv}},
		{Indicator: report.Indicator{Code: "R", Name: "Tỷ lệ hòa giải thành công", Measure: "%", Field: "defence_security", Aggregation: report.Ratio, Percent: true, Levels: lv}, NumeratorCode: "K", DenominatorCode: "N"},
		{Indicator: report.Indicator{Code: "A", Name: "Tỷ lệ học sinh được giáo dục quốc phòng", Measure: "%", Field: "defence_security", Aggregation: report.Average, Percent: true, Levels: lv}},
		{Indicator: report.Indicator{Code: "M", Name: "Tỷ lệ tham gia bảo hiểm y tế", Measure: "%", Field: "culture_society", Aggregation: report.Min, Percent: true, Levels: lv}},
		{Indicator: report.Indicator{Code: "L", Name: "Tổ hòa giải hiện có", Measure: "tổ", Field: "defence_security", Aggregation: report.Last, Integral: true, Levels: lv}},
	})
	if err != nil {
		t.Fatal(err)
	}
	w.ind = map[string]report.Indicator{}
	for _, i := range inds {
		w.ind[i.Code] = i
	}
	w.sum, w.num, w.den, w.ratio, w.avg, w.mini, w.last = w.ind["S"], w.ind["K"], w.ind["N"], w.ind["R"], w.ind["A"], w.ind["M"], w.ind["L"]
	w.form, err = w.store.CreateForm(ctx, w.admin, report.NewForm{Code: "T6", Name: "Báo cáo 6 tháng", PeriodKind: vntext.Half,
		Sections: []string{"results", "tasks"}, Levels: lv, Indicators: []string{"S", "N", "K", "R", "A", "M", "L"}})
	if err != nil {
		t.Fatal(err)
	}
	return w
}

func period(t *testing.T, code string) vntext.Period {
	t.Helper()
	p, err := vntext.ParsePeriod(code)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// vals builds values from indicator codes.
func (w *world) vals(kv ...any) report.Values {
	vs := report.Values{}
	for i := 0; i+1 < len(kv); i += 2 {
		vs[report.Key{IndicatorID: w.ind[kv[i].(string)].ID}] = float64(kv[i+1].(int))
	}
	return vs
}

// history loads the 2020 reports (see TestRollup for the sums).
func (w *world) history(t *testing.T) {
	t.Helper()
	s1, s2 := period(t, "2020S1"), period(t, "2020S2")
	lr := func(u org.Unit, p vntext.Period, st report.Status, vs report.Values) report.LoadReport {
		return report.LoadReport{UnitID: u.ID, FormID: w.form.ID, Period: p, Status: st, Values: vs}
	}
	err := w.store.Load(context.Background(), []report.LoadReport{
		lr(w.c1, s1, report.Approved, w.vals("S", 10, "N", 20, "K", 15, "A", 80, "M", 90, "L", 5)),
		lr(w.c2, s1, report.Submitted, w.vals("S", 5, "N", 10, "K", 10, "A", 60, "M", 70)),
		lr(w.c9, s1, report.Returned, w.vals("S", 1000, "N", 1000, "K", 0, "A", 0, "M", 1)),
		lr(w.c3, s1, report.Approved, w.vals("S", 7, "N", 4, "K", 2, "A", 90, "M", 95)),
		lr(w.c4, s1, report.Approved, w.vals("S", 100, "N", 50, "K", 25, "A", 50, "M", 40)),
		lr(w.c5, s1, report.Approved, w.vals("S", 3, "N", 6, "K", 6, "A", 100, "M", 99)),
		lr(w.c6, s1, report.Approved, w.vals("S", 1000)),
		lr(w.d1, s1, report.Approved, w.vals("S", 2)),
		lr(w.c1, s2, report.Approved, w.vals("S", 1, "L", 7)),
	})
	if err != nil {
		t.Fatal(err)
	}
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestRollup(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := build(t, d)
		w.history(t)
		ctx := context.Background()
		s1 := period(t, "2020S1")
		type want map[string]float64 // indicator code -> value; NaN: absent
		cases := []struct {
			name string
			q    report.Query
			want want
		}{
			// As reported: P had D1{C1,C2,C9}, D2{C3}, D4{C4,C5}; approved
			// C1, C3, C4, C5 and D1's own; C2 submitted, C9 returned.
			{"province as reported", report.Query{UnitID: w.p.ID, Period: s1},
				want{"S": 10 + 7 + 100 + 3 + 2, "N": 20 + 4 + 50 + 6, "K": 15 + 2 + 25 + 6, "R": 48.0 / 80 * 100,
					"A": (80 + 90 + 50 + 100) / 4.0, "M": 40, "L": 5}},
			{"province with submitted", report.Query{UnitID: w.p.ID, Period: s1, IncludeSubmitted: true},
				want{"S": 127, "N": 90, "K": 58, "R": 58.0 / 90 * 100, "A": (80 + 60 + 90 + 50 + 100) / 5.0, "M": 40}},
			{"old district with the returned report", report.Query{UnitID: w.d1.ID, Period: s1},
				want{"S": 12, "N": 20, "K": 15, "A": 80, "M": 90}},
			// C5 reported under its old parent D4 (it moved to D3 in 2023).
			{"old parent keeps the moved commune", report.Query{UnitID: w.d4.ID, Period: s1},
				want{"S": 103, "N": 56, "K": 31, "A": 75, "M": 40}},
			{"merged district did not exist", report.Query{UnitID: w.d3.ID, Period: s1}, want{"S": math.NaN()}},
			// Mapped onto 2026: D1, D2 → D3 (share 1); C5 now under D3;
			// C4 → 0.6 C7 (D4, P) and 0.4 C8 (D5, Q).
			{"province mapped", report.Query{UnitID: w.p.ID, Period: s1, View: report.Mapped},
				want{"S": 10 + 7 + 3 + 2 + 60, "N": 20 + 4 + 6 + 30, "K": 15 + 2 + 6 + 15, "R": 38.0 / 60 * 100,
					"A": (80 + 90 + 100 + 50*0.6) / 3.6, "M": 40}},
			{"merged district mapped", report.Query{UnitID: w.d3.ID, Period: s1, View: report.Mapped},
				want{"S": 22, "N": 30, "K": 23, "A": 90, "M": 90}},
			{"split share to the other province", report.Query{UnitID: w.q.ID, Period: s1, View: report.Mapped},
				want{"S": 1040, "N": 20, "K": 10, "R": 50, "A": 50, "M": 40}},
			// A year from its halves: sums add, "last" takes the later half.
			{"year from halves", report.Query{UnitID: w.p.ID, Period: period(t, "2020"), Source: vntext.Half},
				want{"S": 123, "L": 7}},
		}
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				got, err := w.store.Rollup(ctx, w.admin, c.q)
				if err != nil {
					t.Fatal(err)
				}
				for code, v := range c.want {
					f := got[w.ind[code].ID]
					if math.IsNaN(v) {
						if f.Has {
							t.Errorf("%s = %v, want none", code, f.Value)
						}
						continue
					}
					if !f.Has || !near(f.Value, v) {
						t.Errorf("%s = %v (has %v), want %v", code, f.Value, f.Has, v)
					}
				}
			})
		}

		byChild, err := w.store.RollupByChild(ctx, w.admin, report.Query{UnitID: w.p.ID, Period: s1})
		if err != nil {
			t.Fatal(err)
		}
		for id, v := range map[int64]float64{w.d1.ID: 12, w.d2.ID: 7, w.d4.ID: 103} {
			if f := byChild[id][w.sum.ID]; !near(f.Value, v) {
				t.Errorf("as reported, child %d: S = %v, want %v", id, f.Value, v)
			}
		}
		byChild, err = w.store.RollupByChild(ctx, w.admin, report.Query{UnitID: w.p.ID, Period: s1, View: report.Mapped})
		if err != nil {
			t.Fatal(err)
		}
		if len(byChild) != 2 || !near(byChild[w.d3.ID][w.sum.ID].Value, 22) || !near(byChild[w.d4.ID][w.sum.ID].Value, 60) {
			t.Errorf("mapped by child: %+v", byChild)
		}
		series, err := w.store.Series(ctx, w.admin, report.Query{UnitID: w.p.ID, Period: s1}, period(t, "2019S1"), period(t, "2021S2"))
		if err != nil {
			t.Fatal(err)
		}
		if len(series) != 2 || !near(series["2020S1"][w.sum.ID].Value, 122) || !near(series["2020S2"][w.sum.ID].Value, 1) {
			t.Errorf("series: %+v", series)
		}
	})
}

func TestCompleteness(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := build(t, d)
		w.history(t)
		ps, err := w.store.Completeness(context.Background(), w.admin, w.d1.ID, w.form, period(t, "2020S1"))
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]report.Status{}
		for _, p := range ps {
			got[p.Unit.Code] = p.Status
		}
		want := map[string]report.Status{"C1": report.Approved, "C2": report.Submitted, "C9": report.Returned}
		if len(got) != len(want) {
			t.Fatalf("completeness = %v", got)
		}
		for k, v := range want {
			if got[k] != v {
				t.Errorf("%s: %s, want %s", k, got[k], v)
			}
		}
		if ps[0].Unit.Code != "C9" {
			t.Errorf("furthest behind first: %s", ps[0].Unit.Code)
		}
	})
}

// person is a signed-in account holding role on u.
func (w *world) person(t *testing.T, login string, role auth.Role, u org.Unit) *auth.Principal {
	t.Helper()
	return fixture.Person(t, w.auth, login, role, u.ID)
}

func (w *world) input(version int64, kv ...string) report.Input {
	in := report.Input{Version: version, Values: map[report.Key]string{}, Narrative: map[string]string{"results": "Kết quả tốt."}}
	for i := 0; i+1 < len(kv); i += 2 {
		in.Values[report.Key{IndicatorID: w.ind[kv[i]].ID}] = kv[i+1]
	}
	return in
}

// snapshot counts what a denied action must not change.
func snapshot(t *testing.T, d *db.DB) [4]int {
	t.Helper()
	var out [4]int
	for i, q := range []string{"SELECT COUNT(*) FROM reports", "SELECT COUNT(*) FROM report_values",
		"SELECT COALESCE(SUM(version), 0) FROM reports", "SELECT COUNT(*) FROM report_notifications"} {
		if err := d.QueryRowContext(context.Background(), q).Scan(&out[i]); err != nil {
			t.Fatal(err)
		}
	}
	return out
}

func TestWorkflowAndScope(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := build(t, d)
		ctx := context.Background()
		officer := w.person(t, "canbo.c1", auth.RoleOfficer, w.c1)
		neighbour := w.person(t, "canbo.c2", auth.RoleOfficer, w.c2)
		leader := w.person(t, "lanhdao.d3", auth.RoleLeader, w.d3)
		provLeader := w.person(t, "lanhdao.p", auth.RoleLeader, w.p)
		per := period(t, "2026S1")
		tg := report.Target{UnitID: w.c1.ID, FormID: w.form.ID, Period: per}
		full := []string{"S", "5.112", "N", "12", "K", "10", "A", "85,5%", "M", "90", "L", "3"}

		// Validation: every problem at once, nothing saved.
		before := snapshot(t, d)
		_, err := w.store.SaveDraft(ctx, officer, tg, w.input(0, "S", "-3", "N", "4", "K", "9", "A", "120", "L", "2,5"))
		es, ok := err.(apperr.Errors)
		if !ok || len(es) != 4 {
			t.Fatalf("validation = %v", err)
		}
		for _, f := range []string{report.FieldName(report.Key{IndicatorID: w.sum.ID}), report.FieldName(report.Key{IndicatorID: w.avg.ID}),
			report.FieldName(report.Key{IndicatorID: w.last.ID}), report.FieldName(report.Key{IndicatorID: w.num.ID})} {
			if es.Field(f) == nil {
				t.Errorf("no error for %s in %v", f, es)
			}
		}
		if snapshot(t, d) != before {
			t.Error("a refused draft changed the database")
		}

		// A draft with some values, then the rest.
		r, err := w.store.SaveDraft(ctx, officer, tg, w.input(0, "S", "5.112"))
		if err != nil {
			t.Fatal(err)
		}
		if r.Status != report.Draft || r.Version != 1 || r.Values[report.Key{IndicatorID: w.sum.ID}] != 5112 {
			t.Fatalf("draft = %+v", r)
		}
		// Submitting with values missing is refused.
		if _, err := w.store.Submit(ctx, officer, tg, w.input(1, "S", "5.112")); apperr.CodeOf(err) != apperr.CodeInvalid {
			t.Errorf("submit with missing values: %v", err)
		}
		// A stale save is refused.
		if _, err := w.store.SaveDraft(ctx, officer, tg, w.input(0, full...)); apperr.CodeOf(err) != apperr.CodeConflict {
			t.Errorf("stale save: %v", err)
		}
		// The neighbour may not save or submit for C1.
		before = snapshot(t, d)
		if _, err := w.store.SaveDraft(ctx, neighbour, tg, w.input(1, full...)); apperr.CodeOf(err) != apperr.CodeForbidden {
			t.Errorf("neighbour draft: %v", err)
		}
		if _, err := w.store.Submit(ctx, neighbour, tg, w.input(1, full...)); apperr.CodeOf(err) != apperr.CodeForbidden {
			t.Errorf("neighbour submit: %v", err)
		}
		if snapshot(t, d) != before {
			t.Error("the neighbour's attempts changed the database")
		}
		r, err = w.store.Submit(ctx, officer, tg, w.input(1, full...))
		if err != nil {
			t.Fatal(err)
		}
		if r.Status != report.Submitted || r.Version != 2 {
			t.Fatalf("submitted = %+v", r)
		}
		// Submitted: no more edits.
		if _, err := w.store.SaveDraft(ctx, officer, tg, w.input(2, full...)); apperr.CodeOf(err) != apperr.CodeConflict {
			t.Errorf("edit after submit: %v", err)
		}
		notes, err := w.store.Notifications(ctx, leader, 5)
		if err != nil || len(notes) != 1 || notes[0].ReportID != r.ID || notes[0].Kind != "submitted" {
			t.Errorf("leader's notifications = %+v, %v", notes, err)
		}
		// Only the leader directly above decides: not the province's
		// leader, not the officer, not the neighbour.
		before = snapshot(t, d)
		for name, p := range map[string]*auth.Principal{"province leader": provLeader, "officer": officer, "neighbour": neighbour} {
			if _, err := w.store.Approve(ctx, p, r.ID, r.Version); apperr.CodeOf(err) != apperr.CodeForbidden {
				t.Errorf("%s approves: %v", name, err)
			}
			if _, err := w.store.Return(ctx, p, r.ID, r.Version, "Sai số liệu"); apperr.CodeOf(err) != apperr.CodeForbidden {
				t.Errorf("%s returns: %v", name, err)
			}
		}
		if snapshot(t, d) != before {
			t.Error("refused decisions changed the database")
		}
		if _, err := w.store.Return(ctx, leader, r.ID, r.Version, "  "); apperr.CodeOf(err) != apperr.CodeInvalid {
			t.Errorf("return without comment: %v", err)
		}
		r, err = w.store.Return(ctx, leader, r.ID, r.Version, "Số cán bộ được bồi dưỡng chưa khớp với danh sách.")
		if err != nil {
			t.Fatal(err)
		}
		if r.Status != report.Returned || r.Comment == "" {
			t.Fatalf("returned = %+v", r)
		}
		notes, _ = w.store.Notifications(ctx, officer, 5)
		if len(notes) != 1 || notes[0].Kind != "returned" {
			t.Errorf("officer's notifications = %+v", notes)
		}
		// Fixed and resubmitted, then approved.
		full[1] = "512"
		r, err = w.store.Submit(ctx, officer, tg, w.input(r.Version, full...))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.store.Approve(ctx, leader, r.ID, r.Version-1); apperr.CodeOf(err) != apperr.CodeConflict {
			t.Errorf("stale approve: %v", err)
		}
		r, err = w.store.Approve(ctx, leader, r.ID, r.Version)
		if err != nil {
			t.Fatal(err)
		}
		if r.Status != report.Approved {
			t.Fatalf("approved = %+v", r)
		}
		got, err := w.store.Rollup(ctx, provLeader, report.Query{UnitID: w.p.ID, Period: per})
		if err != nil {
			t.Fatal(err)
		}
		if f := got[w.sum.ID]; f.Value != 512 {
			t.Errorf("roll-up after approval: S = %v", f.Value)
		}
		if f := got[w.avg.ID]; !near(f.Value, 85.5) {
			t.Errorf("roll-up: A = %v", f.Value)
		}
		var audits int
		if err := d.QueryRowContext(ctx, `SELECT COUNT(*) FROM audit_log WHERE entity = 'report' AND entity_id = ?`, r.ID).Scan(&audits); err != nil {
			t.Fatal(err)
		}
		if audits != 5 { // save, submit, return, submit, approve
			t.Errorf("audit rows = %d, want 5", audits)
		}
		// The previous period's values are shown on the next report.
		e, err := w.store.Entry(ctx, officer, report.Target{UnitID: w.c1.ID, FormID: w.form.ID, Period: period(t, "2026S2")})
		if err != nil {
			t.Fatal(err)
		}
		if e.Previous[report.Key{IndicatorID: w.sum.ID}] != 512 || e.PrevStatus != report.Approved {
			t.Errorf("previous = %v %s", e.Previous, e.PrevStatus)
		}
	})
}

func TestParseValue(t *testing.T) {
	count := report.Indicator{Name: "Số vụ", Integral: true, Aggregation: report.Sum}
	pct := report.Indicator{Name: "Tỷ lệ", Percent: true, Aggregation: report.Average}
	money := report.Indicator{Name: "Tiền", Integral: true, Aggregation: report.Sum}
	cases := []struct {
		ind  report.Indicator
		in   string
		want float64
		ok   bool
		bad  bool
	}{
		{count, "5.112", 5112, true, false},
		{count, "", 0, false, false},
		{count, "  12 ", 12, true, false},
		{count, "-1", 0, false, true},
		{count, "1,5", 0, false, true},
		{count, "abc", 0, false, true},
		{count, "50%", 0, false, true},
		{count, "trên 5", 0, false, true},
		{pct, "85,5%", 85.5, true, false},
		{pct, "85,5", 85.5, true, false},
		{pct, "100", 100, true, false},
		{pct, "100,1", 0, false, true},
		{money, "1,2 tỷ", 1.2e9, true, false},
		{money, "2.300.000", 2300000, true, false},
	}
	for _, c := range cases {
		v, ok, err := report.ParseValue(c.ind, c.in, c.ind.Name)
		if (err != nil) != c.bad || ok != c.ok || (ok && v != c.want) {
			t.Errorf("ParseValue(%s, %q) = %v, %v, %v", c.ind.Name, c.in, v, ok, err)
		}
	}
}

// TestFormsDoNotShareIndicatorsWithinAPeriodKind: a second six-month form
// holding an indicator of the first is refused (a unit filing both would
// be counted twice), and nothing of it is kept; a year form may hold it.
func TestFormsDoNotShareIndicatorsWithinAPeriodKind(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := build(t, d)
		ctx := context.Background()
		count := func() int {
			var n int
			if err := d.QueryRowContext(ctx, "SELECT COUNT(*) FROM report_forms").Scan(&n); err != nil {
				t.Fatal(err)
			}
			return n
		}
		before := count()
		_, err := w.store.CreateForm(ctx, w.admin, report.NewForm{Code: "T6B", Name: "Báo cáo 6 tháng chuyên đề", PeriodKind: vntext.Half,
			Indicators: []string{"A", "K"}})
		if key, args := apperr.KeyOf(err); apperr.CodeOf(err) != apperr.CodeInvalid || key != "report.err.form_shared" ||
			len(args) != 2 || args[0] != "A" || args[1] != "T6" {
			t.Fatalf("overlapping six-month form: %v", err)
		}
		if count() != before {
			t.Error("the refused form was kept")
		}
		if _, err := w.store.CreateForm(ctx, w.admin, report.NewForm{Code: "NAM", Name: "Báo cáo năm", PeriodKind: vntext.Year,
			Indicators: []string{"A", "K"}}); err != nil {
			t.Fatalf("a year form with the same indicators: %v", err)
		}
	})
}

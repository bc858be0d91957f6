package reportui_test

import (
	"context"
	"strconv"
	"testing"
	"time"

	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/report"
	"github.com/danvan/danvan/internal/vntext"
	"github.com/danvan/danvan/internal/web/webtest"
)

// world is the web harness on the fixture tree with a small catalogue
// (the standard six-month form code with five indicators) and the people
// of the reporting tests:
//
//	canbo.xa      officer of today's commune xã Chi Lăng (LS-X1), who reports
//	lanhdao.tinh  leader of Lạng Sơn, the level above, who decides
//	lanhdao.xa    leader of xã Chi Lăng itself (may not decide its report)
//	quantri.xa    admin of xã Chi Lăng itself (may not decide it either)
//	xem.tinh      viewer of Lạng Sơn
//	canbo.st      officer of Sóc Trăng, another province
//	lanhdao.st    leader of Sóc Trăng
//	quantri.tw    national administrator (creates the catalogue)
type world struct {
	*webtest.Site
	store                 *report.Store
	dv, an1, an2, an3, pc report.Indicator
}

func newWorld(t *testing.T, d *db.DB) *world {
	t.Helper()
	ctx := context.Background()
	s := webtest.New(t, d, webtest.At(Today))
	w := &world{Site: s, store: report.NewStore(d, s.Org, s.Auth)}
	s.AddUser("quantri.tw", auth.RoleAdmin, s.Units.Central.ID)
	admin := w.Principal("quantri.tw")
	lv := []string{"province", "district", "commune"}
	inds, err := w.store.CreateIndicators(ctx, admin, []report.NewIndicator{
		{Indicator: report.Indicator{Code: "DV02", Name: "Cán bộ được bồi dưỡng công tác dân vận", Measure: "người", NameEN: "Cadres trained in mass mobilization", MeasureEN: "people", Field: "general", Aggregation: report.Sum, Integral: true, Levels: lv, Key: true}},
		{Indicator: report.Indicator{Code: "AN01", Name: "Vụ việc hòa giải tiếp nhận", Measure: "vụ việc", NameEN: "Mediation cases received", MeasureEN: "cases", Field: "defence_security", Aggregation: report.Sum, Integral: true, Levels: lv}},
		{Indicator: report.Indicator{Code: "AN02", Name: "Vụ việc hòa giải thành công", Measure: "vụ việc", NameEN: "Mediation cases settled", MeasureEN: "cases", Field: "defence_security", Aggregation: report.Sum, Integral: true, Levels: lv, Key: true}},
		{Indicator: report.Indicator{Code: "AN03", Name: "Tỷ lệ hòa giải thành công", Measure: "%", NameEN: "Share of mediations settled", MeasureEN: "%", Field: "defence_security", Aggregation: report.Ratio, Percent: true, Levels: lv, Key: true}, NumeratorCode: "AN02", DenominatorCode: "AN01"},
		{Indicator: report.Indicator{Code: "AN07", Name: "Tỷ lệ học sinh được giáo dục quốc phòng", Measure: "%", NameEN: "Share of pupils given defence education", MeasureEN: "%", Field: "defence_security", Aggregation: report.Average, Percent: true, Levels: lv}},
	})
	if err != nil {
		t.Fatal(err)
	}
	w.dv, w.an1, w.an2, w.an3, w.pc = inds[0], inds[1], inds[2], inds[3], inds[4]
	if _, err := w.store.CreateForm(ctx, admin, report.NewForm{Code: report.FormHalf, Name: "Báo cáo sơ kết công tác dân vận 6 tháng",
		PeriodKind: vntext.Half, Sections: []string{"results", "tasks"}, Levels: lv,
		Indicators: []string{"DV02", "AN01", "AN02", "AN03", "AN07"}}); err != nil {
		t.Fatal(err)
	}
	u := s.Units
	s.AddUser("canbo.xa", auth.RoleOfficer, u.NewChiLang.ID)
	s.AddUser("lanhdao.tinh", auth.RoleLeader, u.LangSon.ID)
	s.AddUser("lanhdao.xa", auth.RoleLeader, u.NewChiLang.ID)
	s.AddUser("quantri.xa", auth.RoleAdmin, u.NewChiLang.ID)
	s.AddUser("xem.tinh", auth.RoleViewer, u.LangSon.ID)
	s.AddUser("canbo.st", auth.RoleOfficer, u.SocTrang.ID)
	s.AddUser("lanhdao.st", auth.RoleLeader, u.SocTrang.ID)
	return w
}

// Today is the reporting tests' clock: in the second half of 2026, so
// that 2026S2 (the period the tests report) has started and 2026S1 is the
// last one that has ended.
var Today = time.Date(2026, 9, 15, 8, 0, 0, 0, time.UTC)

// volatile are the tables a request may touch without changing anything
// of reporting (a session's last use, a token's).
var volatile = []string{"sessions", "api_tokens"}

// field is the entry form's field of an indicator's value.
func field(ind report.Indicator) string { return report.FieldName(report.Key{IndicatorID: ind.ID}) }

func itoa(id int64) string { return strconv.FormatInt(id, 10) }

// target names the commune's 2026S2 report.
func (w *world) target(t *testing.T) report.Target {
	t.Helper()
	f, err := w.store.FormByCode(context.Background(), report.FormHalf)
	if err != nil {
		t.Fatal(err)
	}
	per, err := vntext.ParsePeriod("2026S2")
	if err != nil {
		t.Fatal(err)
	}
	return report.Target{UnitID: w.Units.NewChiLang.ID, FormID: f.ID, Period: per}
}

// submitted has the commune's officer submit its 2026S2 report through
// the store and returns it.
func (w *world) submitted(t *testing.T) report.Report {
	t.Helper()
	in := report.Input{Values: map[report.Key]string{
		{IndicatorID: w.dv.ID}: "5.112", {IndicatorID: w.an1.ID}: "12", {IndicatorID: w.an2.ID}: "10", {IndicatorID: w.pc.ID}: "85,5",
	}, Narrative: map[string]string{"results": "Tổ chức tốt các hội nghị."}}
	r, err := w.store.Submit(context.Background(), w.Principal("canbo.xa"), w.target(t), in)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// find reads the commune's 2026S2 report as its officer sees it.
func (w *world) find(t *testing.T) report.Report {
	t.Helper()
	r, err := w.store.Find(context.Background(), w.Principal("canbo.xa"), w.target(t))
	if err != nil {
		t.Fatal(err)
	}
	return r
}

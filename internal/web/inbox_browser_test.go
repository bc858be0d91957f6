package web_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/browsertest"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/meeting"
	"github.com/danvan/danvan/internal/org"
	"github.com/danvan/danvan/internal/report"
	"github.com/danvan/danvan/internal/vntext"
	"github.com/danvan/danvan/internal/web/webtest"
)

// TestBrowserLeaderInboxAndExportOnPhone: on a 390×844 phone the
// province's leader finds the inbox first on the home page (the report
// waiting for their decision, the units behind, the tasks due), each part
// with its count and a link, nothing wider than the screen; on the
// dashboard of the first half of 2026 the export link, followed by the
// browser, sends the province's table of that period.
func TestBrowserLeaderInboxAndExportOnPhone(t *testing.T) {
	ctx := browsertest.New(t, 120*time.Second)
	d := dbtest.Open(t, "sqlite")
	s := inboxSite(t, d)
	u := s.Units
	admin := s.Principal("quantri.tw")
	bg := context.Background()
	if _, err := meeting.NewStore(d, s.Org, s.Auth).Create(bg, admin, meeting.Conference{UnitID: u.LangSon.ID, Kind: meeting.TrienKhai,
		Title: "Triển khai nhiệm vụ", HeldOn: org.Date(2026, 1, 5), Tasks: []meeting.Task{
			{Title: "tổ chức đối thoại với nhân dân", DueOn: org.Date(2026, 8, 1), Owners: []int64{u.NewChiLang.ID}},
			{Title: "Sơ kết mô hình “Dân vận khéo”", DueOn: org.Date(2026, 9, 18), Owners: []int64{u.NewDongDang.ID}},
		}}); err != nil {
		t.Fatal(err)
	}
	base := s.Serve()
	shots := browsertest.Dir(t)
	if err := chromedp.Do(ctx, webtest.Phone); err != nil {
		t.Fatal(err)
	}
	webtest.SignIn(t, ctx, base, "lanhdao.tinh")
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/"), chromedp.WaitVisible(chromedp.CSS("#cho-duyet"))); err != nil {
		t.Fatalf("the inbox: %v", err)
	}
	webtest.Look(t, ctx, shots, "01-inbox")
	// The inbox is the first thing under the header, on the first screen.
	top, err := chromedp.Run(ctx, chromedp.Evaluate[float64](`document.getElementById('cho-duyet').getBoundingClientRect().top`))
	if err != nil || top > 400 {
		t.Errorf("the first inbox part starts %.0f px down (%v), want within the first screen's upper half", top, err)
	}
	for _, id := range []string{"#cho-duyet", "#qua-han", "#nhiem-vu-den-han"} {
		if n := webtest.Text(t, ctx, id+" .count"); n == "" || n == "0" {
			t.Errorf("%s shows no count", id)
		}
	}
	if got := webtest.Text(t, ctx, "#cho-duyet"); !strings.Contains(got, "xã Chi Lăng") {
		t.Errorf("the report waiting: %q", got)
	}

	// The dashboard's export link, followed by the browser.
	dash := base + "/bao-cao/tong-hop?don-vi=" + itoa(u.LangSon.ID) + "&ky-nam=2026&ky-phan=S1"
	if err := chromedp.Do(ctx, chromedp.Navigate(dash), chromedp.WaitVisible(chromedp.CSS(`a[href*="xuat.csv"]`))); err != nil {
		t.Fatalf("the dashboard: %v", err)
	}
	webtest.Look(t, ctx, shots, "02-dashboard")
	type fetched struct {
		Href        string `json:"href"`
		Disposition string `json:"disposition"`
		Body        string `json:"body"`
	}
	got, err := chromedp.Run(ctx, chromedp.Evaluate[fetched](`(async () => {
		const a = document.querySelector('a[href*="xuat.csv"]');
		const r = await fetch(a.href);
		return {href: a.getAttribute('href'), disposition: r.headers.get('content-disposition') || '', body: await r.text()};
	})()`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(got.Href, "ky=2026S1") || !strings.Contains(got.Href, "don-vi="+itoa(u.LangSon.ID)) {
		t.Errorf("export link %q", got.Href)
	}
	if !strings.Contains(got.Disposition, "2026S1") || !strings.Contains(got.Body, "6 tháng đầu năm 2026") || !strings.Contains(got.Body, u.NewChiLang.Name) {
		t.Errorf("the file the link sends: %q\n%s", got.Disposition, got.Body)
	}
}

// inboxSite is the world of the inbox tests, on 15/09/2026: a national
// admin, the province's leader (lanhdao.tinh) and xã Chi Lăng's officer
// (canbo.xa), the six-month form with one indicator, and xã Chi Lăng's
// report for the first half submitted, waiting for the leader.
func inboxSite(t testing.TB, d *db.DB) *webtest.Site {
	t.Helper()
	ctx := context.Background()
	s := webtest.New(t, d, webtest.At(time.Date(2026, 9, 15, 8, 0, 0, 0, time.UTC)))
	u := s.Units
	s.AddUser("quantri.tw", auth.RoleAdmin, u.Central.ID)
	s.AddUser("canbo.xa", auth.RoleOfficer, u.NewChiLang.ID)
	s.AddUser("lanhdao.tinh", auth.RoleLeader, u.LangSon.ID)
	admin := s.Principal("quantri.tw")
	reports := report.NewStore(d, s.Org, s.Auth)
	if _, err := reports.CreateIndicators(ctx, admin, []report.NewIndicator{{Indicator: report.Indicator{Code: "DV02",
		Name: "Cán bộ được bồi dưỡng", Measure: "người", NameEN: "Cadres trained", MeasureEN: "people", Field: "general",
		Aggregation: report.Sum, Integral: true, Levels: []string{"province", "district", "commune"}, Key: true}}}); err != nil {
		t.Fatal(err)
	}
	f, err := reports.CreateForm(ctx, admin, report.NewForm{Code: report.FormHalf, Name: "Báo cáo 6 tháng", PeriodKind: vntext.Half,
		Sections: []string{"results"}, Levels: []string{"province", "district", "commune"}, Indicators: []string{"DV02"}})
	if err != nil {
		t.Fatal(err)
	}
	inds, err := reports.Indicators(ctx)
	if err != nil {
		t.Fatal(err)
	}
	first, _ := vntext.ParsePeriod("2026S1")
	if _, err := reports.Submit(ctx, s.Principal("canbo.xa"), report.Target{UnitID: u.NewChiLang.ID, FormID: f.ID, Period: first},
		report.Input{Values: map[report.Key]string{{IndicatorID: inds[0].ID}: "12"}, Narrative: map[string]string{"results": "Tốt."}}); err != nil {
		t.Fatal(err)
	}
	return s
}

package reportui_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/report"
	"github.com/danvan/danvan/internal/vntext"
	"github.com/danvan/danvan/internal/web/webtest"
)

// approvedFor has officer report for unit the period per with dv as
// the figure of DV02, and the province's leader approve it.
func (w *world) approvedFor(t *testing.T, officer string, unit int64, per, dv string) report.Report {
	t.Helper()
	ctx := context.Background()
	tg := w.target(t)
	tg.UnitID = unit
	var err error
	if tg.Period, err = vntext.ParsePeriod(per); err != nil {
		t.Fatal(err)
	}
	in := report.Input{Values: map[report.Key]string{
		{IndicatorID: w.dv.ID}: dv, {IndicatorID: w.an1.ID}: "12", {IndicatorID: w.an2.ID}: "10", {IndicatorID: w.pc.ID}: "85,5",
	}, Narrative: map[string]string{"results": "Tổ chức tốt các hội nghị."}}
	r, err := w.store.Submit(ctx, w.Principal(officer), tg, in)
	if err != nil {
		t.Fatal(err)
	}
	if r, err = w.store.Approve(ctx, w.Principal("lanhdao.tinh"), r.ID, r.Version); err != nil {
		t.Fatal(err)
	}
	return r
}

// TestDashboardSaysHowComplete opens a province's dashboard as its
// leader: it opens on the last period that has ended, says first how many
// units below are counted, and compares nothing with the year before
// while some are missing or the period is still running.
func TestDashboardSaysHowComplete(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := newWorld(t, d)
		// A year before, the district of Chi Lăng reported 80; now xã Chi
		// Lăng reports 40 and xã Đồng Đăng nothing yet: -50% in red, if the
		// dashboard compared unlike with unlike.
		w.SetNow(time.Date(2025, 6, 20, 8, 0, 0, 0, time.UTC)) // before the district closed
		w.AddUser("canbo.huyen", auth.RoleOfficer, w.Units.ChiLang.ID)
		w.approvedFor(t, "canbo.huyen", w.Units.ChiLang.ID, "2025S1", "80")
		w.SetNow(Today)
		w.approvedFor(t, "canbo.xa", w.Units.NewChiLang.ID, "2026S1", "40")
		leader := w.As("lanhdao.tinh")
		province := itoa(w.Units.LangSon.ID)

		body := webtest.Body(t, leader.Get("/bao-cao/tong-hop?don-vi="+province))
		page := webtest.Doc(t, leader.Get("/bao-cao/tong-hop?don-vi="+province))
		// The period picker: a year, then the half of it.
		year := page.Find(`#ky select[name="ky-nam"] option[selected]`).AttrOr("value", "")
		half := page.Find(`#ky select[name="ky-phan"] option[selected]`).AttrOr("value", "")
		if got := year + half; got != "2026S1" {
			t.Errorf("the dashboard opens on %q, want the last period ended (2026S1)", got)
		}
		if page.Find(`#ky select[name="ky-nam"] option[value="2027"]`).Length() != 0 {
			t.Error("a year that has not started is offered")
		}
		// What the picker sends is the period the dashboard shows.
		picked := webtest.Doc(t, leader.Get("/bao-cao/tong-hop?don-vi="+province+"&ky-nam=2025&ky-phan=S1"))
		if got := picked.Find(`#ky select[name="ky-nam"] option[selected]`).AttrOr("value", "") +
			picked.Find(`#ky select[name="ky-phan"] option[selected]`).AttrOr("value", ""); got != "2025S1" {
			t.Errorf("picked 2025 and the first half, the dashboard shows %q", got)
		}
		progress := strings.Index(body, `class="card dash-progress"`)
		if progress < 0 || progress > strings.Index(body, `class="key-cards"`) {
			t.Error("the reporting progress is not shown before the figures")
		}
		if got := strings.Join(strings.Fields(page.Find(".dash-counted").Text()), " "); !strings.HasPrefix(got, "1/2 ") {
			t.Errorf("completeness reads %q, want 1/2 units", got)
		}
		if got := page.Find(".notice").Text(); !strings.Contains(got, "1/2 đơn vị") {
			t.Errorf("no word that the figures count 1 of 2 units: %q", got)
		}
		if n := page.Find(".key-change.up, .key-change.down").Length(); n != 0 {
			t.Errorf("%d key figures compared with the year before on a partial period", n)
		}
		if got := page.Find(`.key-value[data-code="DV02"]`).Text(); got != "40" {
			t.Errorf("DV02 = %q", got)
		}

		// The running period says so.
		page = webtest.Doc(t, leader.Get("/bao-cao/tong-hop?don-vi="+province+"&ky=2026S2"))
		if got := page.Find(".notice").Text(); !strings.Contains(got, "chưa kết thúc") {
			t.Errorf("the running period is not called running: %q", got)
		}
	})
}

// TestFuturePeriodRefused: a report for a period that has not started is
// refused with the reason, by the page, the upload and the API, and
// nothing is written; the pickers do not offer such a period.
func TestFuturePeriodRefused(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := newWorld(t, d)
		officer := w.As("canbo.xa")
		commune := itoa(w.Units.NewChiLang.ID)
		officer.CSRF()
		token := w.Token("canbo.xa")
		before := w.Snapshot(volatile...)
		for _, per := range []string{"2027S1", "2099S1"} {
			res := officer.Post("/bao-cao/nhap", url.Values{"don-vi": {commune}, "ky": {per}, "mau": {report.FormHalf}, "version": {"0"},
				field(w.dv): {"5"}, "action": {"submit"}})
			if body := webtest.Body(t, res); res.StatusCode != http.StatusBadRequest || !strings.Contains(body, "chưa bắt đầu") {
				t.Errorf("report for %s = %d, no reason given", per, res.StatusCode)
			}
			code, body := w.API("POST", "/api/v1/reports/draft", token,
				map[string]any{"unit_id": w.Units.NewChiLang.ID, "form": report.FormHalf, "period": per, "values": map[string]any{"DV02": 5}})
			if code != http.StatusBadRequest {
				t.Errorf("API draft for %s = %d %v", per, code, body)
			}
		}
		w.Unchanged("a future period", before, volatile...)
		page := webtest.Doc(t, officer.Get("/bao-cao/nhap?don-vi="+commune+"&ky=2026S2"))
		if page.Find(`option[value="2027S1"]`).Length() != 0 {
			t.Error("the entry page offers 2027S1")
		}
	})
}

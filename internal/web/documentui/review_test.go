package documentui_test

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/report"
	"github.com/danvan/danvan/internal/vntext"
	"github.com/danvan/danvan/internal/web/webtest"
)

// TestReviewDraftFromFigures drafts Lạng Sơn's review of 2025S2 from a
// commune's approved report: the page shows the figure as the dashboard
// counts it in the draft's text and in the preview, and the English page
// has no Vietnamese words but the data and the document itself.
func TestReviewDraftFromFigures(t *testing.T) {
	s := newSite(t, dbtest.Open(t, "sqlite"))
	seedFigures(t, s)
	c := s.As("officer.ls")
	res := c.Get("/van-ban/soan?loai=review&don-vi=" + itoa(s.Units.LangSon.ID) + "&ky=2025S2")
	page := webtest.Doc(t, res)
	if res.StatusCode != http.StatusOK {
		t.Fatalf("review draft: %d %s", res.StatusCode, page.Find("main").Text())
	}
	if got := page.Find("#part-figures").Text(); !strings.Contains(got, "Vụ việc hòa giải thành công: 4.321 vụ việc") {
		t.Errorf("figures part:\n%s", got)
	}
	pv := page.Find("#doc-preview").Text()
	for _, want := range []string{"BÁO CÁO", "công tác dân vận 6 tháng cuối năm 2025", "PHỤ LỤC", "4.321"} {
		if !strings.Contains(pv, want) {
			t.Errorf("preview lacks %q", want)
		}
	}
	// A quarter is refused on the choice page, with the field's error.
	res = c.Get("/van-ban/soan?loai=review&don-vi=" + itoa(s.Units.LangSon.ID) + "&ky=2025Q3")
	if page := webtest.Doc(t, res); res.StatusCode != http.StatusBadRequest || page.Find("#choose-review .field-error").Length() == 0 {
		t.Errorf("a quarter: %d", res.StatusCode)
	}
	// In English.
	c.Get("/?lang=en")
	id := s.issue(t, "Thông báo lịch tiếp dân")
	for _, path := range []string{"/van-ban", "/van-ban/soan", "/van-ban/soan?loai=review&don-vi=" + itoa(s.Units.LangSon.ID) + "&ky=2025S2",
		"/van-ban/" + itoa(id)} {
		page := webtest.Doc(t, c.Get(path))
		page.Find("#doc-list td:nth-child(3), #doc-preview, textarea, input, dd").Remove() // data, drafted text, the document itself
		if left := webtest.VietnameseLeft(page, append(s.DataNames(), "Thông báo lịch tiếp dân", "Hoàng Thị Lan", "Phó Trưởng ban",
			"K/T TRƯỞNG BAN, PHÓ TRƯỞNG BAN", "Trưởng ban", "Lạng Sơn", "Tỉnh ủy Lạng Sơn")...); len(left) > 0 {
			t.Errorf("%s in English leaves Vietnamese: %v", path, left)
		}
	}
}

// seedFigures loads the standard catalogue and an approved report of
// xã Chi Lăng for 2025S2: 4.321 mediation cases resolved.
func seedFigures(t *testing.T, s *site) {
	t.Helper()
	ctx := context.Background()
	reports := report.NewStore(s.DB, s.Org, s.Auth)
	if err := reports.SeedCatalogue(ctx, nil); err != nil {
		t.Fatal(err)
	}
	form, err := reports.FormByCode(ctx, report.FormHalf)
	if err != nil {
		t.Fatal(err)
	}
	inds, err := reports.Indicators(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var an02 int64
	for _, i := range inds {
		if i.Code == "AN02" {
			an02 = i.ID
		}
	}
	per, _ := vntext.ParsePeriod("2025S2")
	if err := reports.Load(ctx, []report.LoadReport{{UnitID: s.Units.NewChiLang.ID, FormID: form.ID, Period: per, Status: report.Approved,
		Values: report.Values{{IndicatorID: an02}: 4321}}}); err != nil {
		t.Fatal(err)
	}
}

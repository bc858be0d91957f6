package citizenui_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/report"
	"github.com/danvan/danvan/internal/web/webtest"
)

// TestPetitionThroughThePages records a complaint through the intake
// form (a refused one keeps what was typed), sees its clock, accepts it
// and transfers it to the neighbouring commune, whose officer then sees
// the history and the clock that went on.
func TestPetitionThroughThePages(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s := newSite(t, d)
		c := s.As("officer.chilang")
		form := url.Values{"unit": {itoa(s.Units.NewChiLang.ID)}, "kind": {"complaint"}, "source": {"phone"}, "received_on": {"10/02/2026"},
			"subject": {"Khiếu nại việc thu hồi đất làm đường tránh"}, "place": {"thôn Bản Lải"}, "petitioner_name": {""}, "petitioner_phone": {"0987654321"}}
		res := c.Post("/cong-dan/don/moi", form)
		if res.StatusCode != http.StatusBadRequest {
			t.Fatalf("without a sender = %d", res.StatusCode)
		}
		doc := webtest.Doc(t, res)
		if v, _ := doc.Find("#subject").Attr("value"); v != form.Get("subject") {
			t.Errorf("the refused form lost the subject: %q", v)
		}
		if v, _ := doc.Find("#petitioner_phone").Attr("value"); v != "0987654321" {
			t.Errorf("the refused form lost the phone: %q", v)
		}
		if doc.Find(".field-error").Length() == 0 {
			t.Error("no error beside the field")
		}
		form.Set("petitioner_name", "Hoàng Văn Bình")
		res = c.Post("/cong-dan/don/moi", form)
		if res.StatusCode != http.StatusSeeOther {
			t.Fatalf("intake = %d: %s", res.StatusCode, webtest.Body(t, res))
		}
		where := res.Header.Get("Location")
		// 10 working days from 10/2/2026 over Tết Bính Ngọ: 3/3/2026.
		clock := webtest.Doc(t, c.Get(where)).Find("#clock").Text()
		if !strings.Contains(clock, "03/03/2026") {
			t.Errorf("the clock does not say 03/03/2026: %s", clock)
		}
		id := strings.TrimPrefix(where, "/cong-dan/don/")
		res = c.Post(where+"/buoc", url.Values{"action": {"transfer"}, "on": {"24/02/2026"}, "to_unit": {itoa(s.Units.NewDongDang.ID)},
			"body": {"Thuộc thẩm quyền xã Đồng Đăng"}, "version": {"1"}})
		if res.StatusCode != http.StatusSeeOther {
			t.Fatalf("transfer = %d: %s", res.StatusCode, webtest.Body(t, res))
		}
		page := webtest.Doc(t, s.As("officer.dongdang").Get("/cong-dan/don/"+id))
		if h := page.Find("#history").Text(); !strings.Contains(h, "Thuộc thẩm quyền xã Đồng Đăng") || !strings.Contains(h, "10/02/2026") {
			t.Errorf("the history did not follow: %s", h)
		}
		if clock := page.Find("#clock").Text(); !strings.Contains(clock, "03/03/2026") {
			t.Errorf("the clock did not go on: %s", clock)
		}
		res = s.As("officer.dongdang").Post("/cong-dan/don/"+id+"/buoc", url.Values{"action": {"accept"}, "on": {"02/03/2026"}, "version": {"2"}})
		if res.StatusCode != http.StatusSeeOther {
			t.Fatalf("accept = %d: %s", res.StatusCode, webtest.Body(t, res))
		}
		// 30 working days from 2/3/2026: 13/4/2026.
		if clock := webtest.Doc(t, s.As("officer.dongdang").Get("/cong-dan/don/"+id)).Find("#clock").Text(); !strings.Contains(clock, "13/04/2026") {
			t.Errorf("the decision deadline: %s", clock)
		}
	})
}

// TestFiguresFillTheReport: the figures page counts the seeded cases,
// fills them into the commune's report draft, and a correction without a
// reason is refused with what was typed kept.
func TestFiguresFillTheReport(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s := newSite(t, d)
		seedCases(t, s)
		if err := report.NewStore(s.DB, s.Org, s.Auth).SeedCatalogue(t.Context(), nil); err != nil {
			t.Fatal(err)
		}
		c := s.As("officer.chilang")
		path := "/cong-dan/so-lieu?don_vi=" + itoa(s.Units.NewChiLang.ID) + "&ky=2026S1"
		doc := webtest.Doc(t, c.Get(path))
		for code, want := range map[string]string{"DV09": "1", "DV10": "85", "DV11": "1", "CQ01": "2", "AN01": "1", "AN02": "1", "AN04": "1"} {
			if got := strings.TrimSpace(doc.Find("#fig-" + code + " td.num").Text()); got != want {
				t.Errorf("%s counted %q, want %q", code, got, want)
			}
		}
		form := url.Values{"unit": {itoa(s.Units.NewChiLang.ID)}, "period": {"2026S1"}}
		doc.Find("#fill-form input[name^='v.']").Each(func(_ int, in *goquery.Selection) {
			n, _ := in.Attr("name")
			v, _ := in.Attr("value")
			form.Set(n, v)
		})
		form.Set("v.DV10", "90")
		res := c.Post("/cong-dan/so-lieu", form)
		if res.StatusCode != http.StatusBadRequest {
			t.Fatalf("a correction without a reason = %d: %s", res.StatusCode, webtest.Doc(t, res).Find("main").Text())
		}
		if v, _ := webtest.Doc(t, res).Find("input[name='v.DV10']").Attr("value"); v != "90" {
			t.Errorf("the refused value is lost: %q", v)
		}
		form.Set("note.DV10", "5 người dự ghi sổ muộn")
		res = c.Post("/cong-dan/so-lieu", form)
		if res.StatusCode != http.StatusSeeOther {
			t.Fatalf("fill = %d: %s", res.StatusCode, webtest.Body(t, res))
		}
		text := webtest.Doc(t, c.Get(res.Header.Get("Location"))).Find("#fig-DV10").Text()
		if !strings.Contains(text, "5 người dự ghi sổ muộn") {
			t.Errorf("the correction's reason is not shown: %s", text)
		}
		var entered float64
		if err := s.DB.QueryRowContext(t.Context(), `SELECT entered FROM citizen_figure_fills WHERE indicator_code = 'DV10'`).Scan(&entered); err != nil || entered != 90 {
			t.Errorf("kept %v, %v", entered, err)
		}
	})
}

package reportui_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/report"
	"github.com/danvan/danvan/internal/web/webtest"
)

func TestReportPagesWorkflow(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := newWorld(t, d)
		officer, leader := w.As("canbo.xa"), w.As("lanhdao.tinh")
		commune, province := itoa(w.Units.NewChiLang.ID), itoa(w.Units.LangSon.ID)
		fields := func(dv, an1, an2, pc string) url.Values {
			return url.Values{"don-vi": {commune}, "ky": {"2026S2"}, "mau": {report.FormHalf}, "version": {"0"},
				field(w.dv): {dv}, field(w.an1): {an1}, field(w.an2): {an2}, field(w.pc): {pc},
				"results": {"Tổ chức tốt các hội nghị."}}
		}
		// A bad entry comes back with the input kept and the errors beside.
		res := officer.Post("/bao-cao/nhap", fields("5.112", "10", "12", "120"))
		if res.StatusCode != http.StatusBadRequest {
			t.Fatalf("bad entry = %d", res.StatusCode)
		}
		page := webtest.Doc(t, res)
		if got := page.Find("#"+field(w.dv)).AttrOr("value", ""); got != "5.112" {
			t.Errorf("typed value not kept: %q", got)
		}
		if page.Find(".indicator-row.has-error").Length() != 2 {
			t.Errorf("rows with errors = %d, want 2 (ratio parts, percent)", page.Find(".indicator-row.has-error").Length())
		}
		if msg := page.Find(".indicator-row.has-error .field-error").First().Text(); !strings.Contains(msg, "không được lớn hơn") {
			t.Errorf("the ratio's error reads %q", msg)
		}
		// The leader of the province may not enter the commune's report.
		if res := leader.Post("/bao-cao/nhap", fields("1", "1", "1", "1")); res.StatusCode != http.StatusForbidden {
			t.Errorf("leader enters = %d", res.StatusCode)
		}
		// Draft, then submit.
		if res := officer.Post("/bao-cao/nhap", fields("5.112", "12", "10", "85,5")); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("draft = %d", res.StatusCode)
		}
		page = webtest.Doc(t, officer.Get("/bao-cao/nhap?don-vi="+commune+"&ky=2026S2"))
		if got := page.Find("#"+field(w.dv)).AttrOr("value", ""); got != "5.112" {
			t.Errorf("saved value shown as %q", got)
		}
		if got := strings.TrimSpace(page.Find("output#" + field(w.an3)).Text()); got != "83,3%" {
			t.Errorf("derived ratio = %q", got)
		}
		f := fields("5.112", "12", "10", "85,5")
		f.Set("version", "1")
		f.Set("action", "submit")
		res = officer.Post("/bao-cao/nhap", f)
		if res.StatusCode != http.StatusSeeOther {
			t.Fatalf("submit = %d", res.StatusCode)
		}
		loc := res.Header.Get("Location")
		if !strings.HasPrefix(loc, "/bao-cao/") {
			t.Fatalf("submit went to %q", loc)
		}
		// The leader sees the submission on the reports page and decides.
		page = webtest.Doc(t, leader.Get("/bao-cao"))
		if !strings.Contains(page.Find(".report-notes").Text(), "chờ phê duyệt") {
			t.Errorf("leader's notifications: %q", page.Find(".report-notes").Text())
		}
		page = webtest.Doc(t, leader.Get(loc))
		if page.Find("#approve").Length() != 1 {
			t.Fatal("no approve button for the leader")
		}
		if res := officer.Post(loc+"/duyet", url.Values{"version": {"2"}}); res.StatusCode != http.StatusForbidden {
			t.Errorf("officer approves = %d", res.StatusCode)
		}
		if res := leader.Post(loc+"/tra-lai", url.Values{"version": {"2"}}); res.StatusCode != http.StatusBadRequest {
			t.Errorf("return without comment = %d", res.StatusCode)
		}
		if res := leader.Post(loc+"/duyet", url.Values{"version": {"2"}}); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("approve = %d", res.StatusCode)
		}
		// The dashboard of the province shows the approved figure.
		page = webtest.Doc(t, leader.Get("/bao-cao/tong-hop?don-vi="+province+"&ky=2026S2"))
		if got := page.Find(`.key-value[data-code="DV02"]`).Text(); got != "5.112" {
			t.Errorf("dashboard DV02 = %q", got)
		}
		if page.Find("figure.chart svg rect.bar").Length() == 0 || page.Find("table.chart-table tbody tr").Length() == 0 {
			t.Error("dashboard lacks the chart or its table")
		}
		// Lạng Sơn's boards below it in 2026: xã Chi Lăng and xã Đồng Đăng
		// (the women's union beside the board does not report).
		if n := page.Find("table.children tbody tr").Length(); n != 2 {
			t.Errorf("sub-units rows = %d, want 2", n)
		}
		// Exports.
		res = leader.Get("/bao-cao/xuat.csv?don-vi=" + province + "&ky=2026S2")
		body := webtest.Body(t, res)
		if res.StatusCode != 200 || !strings.Contains(body, "LS-X1,Khối Dân vận xã Chi Lăng,DV02") || !strings.Contains(body, "5112") ||
			!strings.Contains(body, "Mã đơn vị") || !strings.Contains(body, "Đã duyệt") {
			t.Errorf("csv export = %d %q", res.StatusCode, body)
		}
		res = leader.Get("/bao-cao/xuat.csv?don-vi=" + province + "&ky=2026S2&lang=en")
		if body := webtest.Body(t, res); !strings.Contains(body, "Unit code") || !strings.Contains(body, "Approved") {
			t.Errorf("csv export in English: %q", body)
		}
		if res := leader.Get("/bao-cao/xuat.xlsx?don-vi=" + province + "&ky=2026S2"); res.StatusCode != 200 ||
			!strings.Contains(res.Header.Get("Content-Type"), "spreadsheetml") {
			t.Errorf("xlsx export = %d", res.StatusCode)
		}
	})
}

func TestReportAPI(t *testing.T) {
	w := newWorld(t, dbtest.Open(t, "sqlite"))
	secret, lsecret := w.Token("canbo.xa"), w.Token("lanhdao.tinh")
	if code, out := w.API("GET", "/api/v1/indicators", secret, nil); code != 200 || len(out["indicators"].([]any)) != 5 {
		t.Fatalf("indicators = %d %v", code, out)
	}
	unit := itoa(w.Units.NewChiLang.ID)
	code, out := w.API("POST", "/api/v1/reports/submit", secret,
		`{"unit_id":`+unit+`,"period":"2026S2","version":0,"values":{"DV02":"5.112","AN01":12,"AN02":10,"AN07":"85,5"}}`)
	if code != 200 || out["status"] != "submitted" {
		t.Fatalf("submit = %d %v", code, out)
	}
	id := itoa(int64(out["id"].(float64)))
	if code, _ := w.API("POST", "/api/v1/reports/"+id+"/approve", secret, `{"version":1}`); code != http.StatusForbidden {
		t.Errorf("officer approves = %d", code)
	}
	if code, out := w.API("POST", "/api/v1/reports/"+id+"/return", lsecret, `{"version":1,"comment":"Bổ sung số liệu"}`); code != 200 || out["status"] != "returned" {
		t.Errorf("return = %d %v", code, out)
	}
	if code, out := w.API("POST", "/api/v1/reports/draft", secret, `{"unit_id":`+unit+`,"period":"2026S2","version":2,"values":{"DV02":"-1","AN07":"101"}}`); code != 400 || len(out["error"].(map[string]any)["fields"].([]any)) != 2 {
		t.Errorf("bad draft = %d %v", code, out)
	}
	// A value for a computed indicator is refused, not ignored.
	if code, out := w.API("POST", "/api/v1/reports/draft", secret, `{"unit_id":`+unit+`,"period":"2026S2","version":2,"values":{"AN03":"50"}}`); code != 400 ||
		out["error"].(map[string]any)["code"] != "invalid" || !strings.Contains(out["error"].(map[string]any)["message"].(string), "AN03") {
		t.Errorf("a computed value = %d %v", code, out)
	}
	if code, _ := w.API("POST", "/api/v1/reports/submit", secret, `{"unit_id":`+unit+`,"period":"2026S2","version":2}`); code != 200 {
		t.Errorf("resubmit = %d", code)
	}
	if code, _ := w.API("POST", "/api/v1/reports/"+id+"/approve", lsecret, `{"version":3}`); code != 200 {
		t.Errorf("approve = %d", code)
	}
	code, out = w.API("GET", "/api/v1/rollup?unit_id="+itoa(w.Units.LangSon.ID)+"&period=2026S2", lsecret, nil)
	if code != 200 {
		t.Fatalf("rollup = %d %v", code, out)
	}
	figs := map[string]float64{}
	for _, f := range out["figures"].([]any) {
		m := f.(map[string]any)
		figs[m["code"].(string)] = m["value"].(float64)
	}
	if figs["DV02"] != 5112 || figs["AN07"] != 85.5 || figs["AN03"] < 83.3 || figs["AN03"] > 83.4 {
		t.Errorf("rollup figures = %v", figs)
	}
	if code, out := w.API("GET", "/api/v1/reports/"+id, lsecret, nil); code != 200 || out["status"] != "approved" {
		t.Errorf("get = %d %v", code, out)
	}
	// The dashboard API reads the same figures the page shows.
	code, out = w.API("GET", "/api/v1/dashboard?unit_id="+itoa(w.Units.LangSon.ID)+"&period=2026S2&sort=DV02", lsecret, nil)
	if code != 200 {
		t.Fatalf("dashboard = %d %v", code, out)
	}
	keys := map[string]any{}
	for _, k := range out["keys"].([]any) {
		m := k.(map[string]any)
		keys[m["code"].(string)] = m["value"]
	}
	children := out["children"].([]any)
	if keys["DV02"] != 5112.0 || len(children) != 2 || children[0].(map[string]any)["name"] != "Khối Dân vận xã Chi Lăng" ||
		out["progress"].(map[string]any)["approved"] != 1.0 {
		t.Errorf("dashboard = %v", out)
	}
	page := webtest.Doc(t, w.As("lanhdao.tinh").Get("/bao-cao/tong-hop?don-vi="+itoa(w.Units.LangSon.ID)+"&ky=2026S2"))
	if got := page.Find(`.key-value[data-code="DV02"]`).Text(); got != "5.112" {
		t.Errorf("the page's DV02 = %q", got)
	}
}

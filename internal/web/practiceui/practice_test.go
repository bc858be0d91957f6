package practiceui_test

import (
	"bytes"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/web/webtest"
)

// TestPracticeFlowPages walks the lifecycle through the pages and checks
// the database, the public page and the counts.
func TestPracticeFlowPages(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := newWorld(t, d)
		officer, leader := w.As("officer.ql"), w.As("leader.cl")
		res := officer.PostMultipart("/mo-hinh/moi", map[string]string{
			"unit_id": fmt.Sprint(w.Units.QuangLang.ID), "name": "Dân vận khéo trong hiến đất làm đường", "field": "economy",
			"owner_type": "collective", "owner_name": "Ban công tác Mặt trận thôn Bản Lấn", "owner_phone": "0987 654 321",
			"started_on": "2023-05-01", "description": "Vận động nhân dân hiến đất.", "notes": secretNotes,
		}, webtest.File{Field: "photo", Name: "hien-dat.png", Data: testPNG(t)})
		if res.StatusCode != http.StatusSeeOther {
			t.Fatalf("register = %d: %s", res.StatusCode, webtest.Body(t, res))
		}
		loc := res.Header.Get("Location")
		var id int64
		fmt.Sscanf(loc, "/mo-hinh/%d", &id)
		page := webtest.Doc(t, officer.Get(loc))
		if page.Find("h1").Text() != "Dân vận khéo trong hiến đất làm đường" || page.Find(".pr-files img").Length() != 1 {
			t.Fatalf("model page: %q, %d images", page.Find("h1").Text(), page.Find(".pr-files img").Length())
		}
		thumb := officer.Get(page.Find(".pr-files img").AttrOr("src", ""))
		if thumb.StatusCode != 200 || thumb.Header.Get("Content-Type") != "image/jpeg" {
			t.Errorf("thumbnail = %d %s", thumb.StatusCode, thumb.Header.Get("Content-Type"))
		}
		// A refused upload says why and leaves nothing.
		before := w.Snapshot("sessions")
		res = officer.PostMultipart(loc+"/tep", nil, webtest.File{Field: "file", Name: "virus.jpg", Data: []byte("MZ\x90\x00 not an image")})
		if res.StatusCode != http.StatusBadRequest || !strings.Contains(webtest.Doc(t, res).Find(".field-error").Text(), "Chỉ nhận ảnh") {
			t.Errorf("wrong type upload = %d", res.StatusCode)
		}
		w.Unchanged("a refused upload", before, "sessions")
		// Results typed the Vietnamese way.
		res = officer.Post(loc+"/ket-qua", url.Values{"on": {"01/05/2024"}, "indicator": {"Mét vuông đất được hiến"}, "value": {"5.112"}, "measure": {"m²"}})
		if res.StatusCode != http.StatusSeeOther {
			t.Fatalf("result = %d", res.StatusCode)
		}
		// Skipping a step is refused with the reason.
		res = leader.Post(loc+"/cong-nhan", url.Values{"by_unit": {fmt.Sprint(w.Units.ChiLang.ID)}, "decision_no": {"1"}, "on": {"2024-06-01"}})
		if res.StatusCode != http.StatusConflict {
			t.Errorf("recognize a registered model = %d", res.StatusCode)
		}
		if res := officer.Post(loc+"/trien-khai", url.Values{"on": {"2023-06-01"}}); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("start = %d", res.StatusCode)
		}
		form := webtest.Doc(t, leader.Get(loc+"/cong-nhan"))
		if form.Find("#by_unit option").Length() != 1 {
			t.Errorf("district leader's recognizers: %q", form.Find("#by_unit").Text())
		}
		res = leader.Post(loc+"/cong-nhan", url.Values{"by_unit": {fmt.Sprint(w.Units.ChiLang.ID)}, "decision_no": {"125-QĐ/HU"}, "on": {"2024-06-01"}})
		if res.StatusCode != http.StatusSeeOther {
			t.Fatalf("recognize = %d", res.StatusCode)
		}
		// The public page, for a visitor: no notes, no phone.
		pub := w.Anon().Get(fmt.Sprintf("/cong-khai/mo-hinh/%d", id))
		body := webtest.Body(t, pub)
		if pub.StatusCode != 200 || !strings.Contains(body, "125-QĐ/HU") || !strings.Contains(body, "5.112 m²") {
			t.Fatalf("public page = %d", pub.StatusCode)
		}
		if strings.Contains(body, secretNotes) || strings.Contains(body, "0987") {
			t.Error("the public page shows internal notes or the phone")
		}
		// Another commune replicates it.
		res = w.As("officer.ms").Post(fmt.Sprintf("/mo-hinh/%d/nhan-rong", id), url.Values{"unit_id": {fmt.Sprint(w.Units.MaiSao.ID)}, "on": {"2024-06-10"}})
		if res.StatusCode != http.StatusSeeOther {
			t.Fatalf("adopt = %d", res.StatusCode)
		}
		page = webtest.Doc(t, leader.Get(loc))
		if page.Find("#trang-thai").Text() != "Được nhân rộng" || page.Find(".pr-family li").Length() != 2 {
			t.Errorf("after adoption: %q, family %d", page.Find("#trang-thai").Text(), page.Find(".pr-family li").Length())
		}
		// Search folding and counts on the list page.
		list := webtest.Doc(t, leader.Get("/mo-hinh?q=dan+van+kheo&don-vi="+fmt.Sprint(w.Units.ChiLang.ID)))
		if list.Find(".pr-list li").Length() != 2 || list.Find("#tong-so").Text() != "2" {
			t.Errorf("search list: %d rows, total %q", list.Find(".pr-list li").Length(), list.Find("#tong-so").Text())
		}
		// The leader's best models.
		best := webtest.Doc(t, leader.Get("/mo-hinh/tieu-bieu"))
		if !strings.Contains(best.Find(".pr-best li").First().Text(), "hiến đất") {
			t.Errorf("best: %q", best.Find(".pr-best").Text())
		}
	})
}

// TestPracticeXLSXRoundTrip exports a register, imports it back with an
// edit and a new row, then imports a broken file: nothing is written and
// the errors name rows and columns.
func TestPracticeXLSXRoundTrip(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := newWorld(t, d)
		w.models()
		officer := w.As("officer.ql")
		res := officer.Get(fmt.Sprintf("/mo-hinh/xuat?don-vi=%d", w.Units.QuangLang.ID))
		if res.StatusCode != 200 {
			t.Fatalf("export = %d", res.StatusCode)
		}
		f, err := excelize.OpenReader(res.Body)
		if err != nil {
			t.Fatal(err)
		}
		rows, _ := f.GetRows("Mô hình")
		if len(rows) != 3 || rows[0][1] != "Tên mô hình" || rows[1][2] != "LS-CL-QL" {
			t.Fatalf("exported rows: %v", rows)
		}
		// Edit row 2, add a new row 4.
		f.SetCellValue("Mô hình", "B2", "Camera an ninh thôn Nà Pài (mở rộng)")
		for i, v := range []string{"", "Tổ tiết kiệm phụ nữ thôn Bản Lấn", "LS-CL-QL", "", "Kinh tế", "Tập thể", "Chi hội Phụ nữ thôn Bản Lấn", "", "", "15/03/2023", "", ""} {
			cell, _ := excelize.CoordinatesToCellName(i+1, 4)
			f.SetCellValue("Mô hình", cell, v)
		}
		var good bytes.Buffer
		f.Write(&good)
		unit := map[string]string{"unit_id": fmt.Sprint(w.Units.QuangLang.ID)}
		res = officer.PostMultipart("/mo-hinh/nhap", unit, webtest.File{Field: "file", Name: "so.xlsx", Data: good.Bytes()})
		body := webtest.Body(t, res)
		if res.StatusCode != 200 || !strings.Contains(body, "1 mô hình mới, 1 mô hình cập nhật") {
			t.Fatalf("import = %d: %s", res.StatusCode, body)
		}
		// Broken: a bad field, a bad date, a unit outside.
		f.SetCellValue("Mô hình", "E3", "Thể thao")
		f.SetCellValue("Mô hình", "J4", "31/02/2023")
		f.SetCellValue("Mô hình", "C4", "ST-MX-TD")
		var bad bytes.Buffer
		f.Write(&bad)
		before := w.Snapshot("sessions")
		res = officer.PostMultipart("/mo-hinh/nhap", unit, webtest.File{Field: "file", Name: "so.xlsx", Data: bad.Bytes()})
		page := webtest.Doc(t, res)
		errs := page.Find("#loi-nhap li")
		if res.StatusCode != http.StatusBadRequest || errs.Length() != 2 ||
			!strings.Contains(errs.Eq(0).Text(), "Dòng 3, cột E (Lĩnh vực)") || !strings.Contains(errs.Eq(1).Text(), "Dòng 4, cột J (Ngày bắt đầu)") {
			t.Errorf("broken import = %d: %q", res.StatusCode, page.Find("#loi-nhap").Text())
		}
		f.SetCellValue("Mô hình", "E3", "Quốc phòng – an ninh")
		f.SetCellValue("Mô hình", "J4", "15/03/2023")
		bad.Reset()
		f.Write(&bad)
		res = officer.PostMultipart("/mo-hinh/nhap", unit, webtest.File{Field: "file", Name: "so.xlsx", Data: bad.Bytes()})
		if page := webtest.Doc(t, res); res.StatusCode != http.StatusBadRequest || !strings.Contains(page.Find("#loi-nhap").Text(), "Dòng 4, cột C (Mã đơn vị)") {
			t.Errorf("import outside the unit = %d: %q", res.StatusCode, page.Find("#loi-nhap").Text())
		}
		// The same errors in English name the cell the same way.
		res = officer.PostMultipart("/mo-hinh/nhap?lang=en", unit, webtest.File{Field: "file", Name: "so.xlsx", Data: bad.Bytes()})
		if page := webtest.Doc(t, res); !strings.Contains(page.Find("#loi-nhap").Text(), "Row 4, column C (Mã đơn vị): no active unit with code “ST-MX-TD”") {
			t.Errorf("import errors in English: %q", page.Find("#loi-nhap").Text())
		}
		w.Unchanged("a refused import", before, "sessions")
	})
}

// TestPracticeAPI creates and moves a model through /api/v1.
func TestPracticeAPI(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := newWorld(t, d)
		tokens := map[string]string{}
		for _, login := range []string{"officer.ql", "officer.ms", "leader.cl"} {
			tokens[login] = w.Token(login)
		}
		call := func(login, method, path, body string) (int, map[string]any) {
			t.Helper()
			var b any
			if body != "" {
				b = body
			}
			return w.API(method, path, tokens[login], b)
		}
		code, out := call("officer.ql", "POST", "/api/v1/practices", fmt.Sprintf(`{"unit_id":%d,"name":"Tổ hòa giải ở cơ sở","field":"defence_security","owner_type":"collective","owner_name":"Tổ hòa giải thôn","started_on":"2023-01-01"}`, w.Units.QuangLang.ID))
		if code != 201 {
			t.Fatalf("create = %d %v", code, out)
		}
		id := int64(out["practice"].(map[string]any)["id"].(float64))
		code, out = call("officer.ql", "POST", "/api/v1/practices", fmt.Sprintf(`{"unit_id":%d,"name":""}`, w.Units.QuangLang.ID))
		if code != 400 || out["error"].(map[string]any)["code"] != "invalid" {
			t.Errorf("bad create = %d %v", code, out)
		}
		code, out = call("officer.ql", "POST", "/api/v1/practices", `{"unit_id":1,"nam":"x"}`)
		if code != 400 || out["error"].(map[string]any)["field"] != "nam" {
			t.Errorf("unknown field = %d %v", code, out)
		}
		path := fmt.Sprintf("/api/v1/practices/%d/transitions", id)
		if code, out = call("leader.cl", "POST", path, fmt.Sprintf(`{"action":"recognize","by_unit_id":%d,"decision_no":"1"}`, w.Units.ChiLang.ID)); code != 409 {
			t.Errorf("skip a step = %d %v", code, out)
		}
		if code, _ = call("officer.ql", "POST", path, `{"action":"start","on":"2023-02-01"}`); code != 200 {
			t.Errorf("start = %d", code)
		}
		if code, out = call("leader.cl", "POST", path, fmt.Sprintf(`{"action":"recognize","by_unit_id":%d,"decision_no":"7-QĐ/HU","on":"2024-01-01"}`, w.Units.ChiLang.ID)); code != 200 {
			t.Errorf("recognize = %d %v", code, out)
		}
		if code, out = call("officer.ms", "POST", path, fmt.Sprintf(`{"action":"adopt","unit_id":%d}`, w.Units.MaiSao.ID)); code != 201 {
			t.Errorf("adopt = %d %v", code, out)
		}
		if code, out = call("officer.ms", "POST", path, `{"action":"fly"}`); code != 400 || !strings.Contains(fmt.Sprint(out), "action") {
			t.Errorf("unknown action = %d %v", code, out)
		}
		code, out = call("leader.cl", "GET", "/api/v1/practices?q=hoa+giai", "")
		if code != 200 || out["total"].(float64) != 2 {
			t.Errorf("list = %d %v", code, out)
		}
		code, out = call("officer.ql", "GET", fmt.Sprintf("/api/v1/practices/%d", id), "")
		if code != 200 || out["practice"].(map[string]any)["status"] != "replicated" {
			t.Errorf("get = %d %v", code, out)
		}
		// Errors in English on ?lang=en.
		code, out = call("officer.ms", "GET", fmt.Sprintf("/api/v1/practices?unit_id=%d&lang=en", w.Units.QuangLang.ID), "")
		if code != 404 || out["error"].(map[string]any)["message"] != "No such unit in your scope." {
			t.Errorf("a neighbour's unit in English = %d %v", code, out)
		}
	})
}

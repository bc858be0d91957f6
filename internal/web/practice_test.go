package web_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"io"
	"log/slog"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/danvan/danvan/internal/audit"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/blob"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/fixture"
	"github.com/danvan/danvan/internal/org"
	"github.com/danvan/danvan/internal/practice"
	"github.com/danvan/danvan/internal/web"
)

// practiceNow is "today" for the registry's web tests: mid-2024, when the
// fixture's districts still stand.
var practiceNow = time.Date(2024, 6, 15, 9, 0, 0, 0, time.UTC)

// pworld is a server over the fixture tree with accounts of every kind
// the scope tests need.
type pworld struct {
	t     *testing.T
	d     *db.DB
	srv   *web.Server
	u     *fixture.Units
	auth  *auth.Store
	store *practice.Store
	ctx   context.Context
	users map[string]*puser
}

type puser struct {
	cookie string
	csrf   string
	p      *auth.Principal
}

func newPWorld(t *testing.T, d *db.DB) *pworld {
	t.Helper()
	d.SetClock(func() time.Time { return practiceNow })
	u := fixture.Tree(t, d)
	srv, err := web.New(web.Config{DB: d, Logger: slog.New(slog.NewTextHandler(io.Discard, nil)),
		Auth: auth.Config{Password: auth.TestPasswordParams}, Now: func() time.Time { return practiceNow },
		Files: testBucket(t)})
	if err != nil {
		t.Fatal(err)
	}
	units := org.NewStore(d)
	as := auth.NewStore(d, units, auth.Config{Password: auth.TestPasswordParams})
	bucket, _ := blob.Open(context.Background(), "mem://")
	w := &pworld{t: t, d: d, srv: srv, u: u, auth: as, store: practice.NewStore(d, units, as, bucket),
		ctx: audit.WithActor(context.Background(), audit.Actor{Name: "test"}), users: map[string]*puser{}}
	for _, x := range []struct {
		login string
		role  auth.Role
		unit  int64
	}{
		{"officer.ql", auth.RoleOfficer, u.QuangLang.ID},
		{"officer.ms", auth.RoleOfficer, u.MaiSao.ID},
		{"officer.dd", auth.RoleOfficer, u.DongDang.ID},
		{"leader.cl", auth.RoleLeader, u.ChiLang.ID},
		{"leader.clo", auth.RoleLeader, u.CaoLoc.ID},
		{"disabled", auth.RoleOfficer, u.QuangLang.ID},
	} {
		w.addUser(x.login, x.role, x.unit)
	}
	dis, err := as.UserByLogin(w.ctx, "disabled")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := as.SetActive(w.ctx, dis.ID, dis.Version, false); err != nil {
		t.Fatal(err)
	}
	return w
}

func (w *pworld) addUser(login string, role auth.Role, unit int64) {
	w.t.Helper()
	u, err := w.auth.CreateUser(w.ctx, auth.NewUser{Login: login, Name: "Cán bộ " + login, Password: "mật-khẩu-dài-đủ-10"})
	if err != nil {
		w.t.Fatal(err)
	}
	if _, err := w.auth.GrantRole(w.ctx, u.ID, unit, role); err != nil {
		w.t.Fatal(err)
	}
	sess, err := w.auth.StartSession(w.ctx, u.ID, "127.0.0.1", "test")
	if err != nil {
		w.t.Fatal(err)
	}
	p, err := w.auth.Authenticate(w.ctx, sess.Token)
	if err != nil {
		w.t.Fatal(err)
	}
	w.users[login] = &puser{cookie: sess.Token, csrf: sess.CSRFToken, p: p}
}

// do sends a request as login ("" for a visitor); POST bodies get the
// user's CSRF token.
func (w *pworld) do(login, method, path string, form url.Values) *http.Response {
	w.t.Helper()
	var body io.Reader
	u := w.users[login]
	if method == http.MethodPost {
		if form == nil {
			form = url.Values{}
		}
		if u != nil {
			form.Set("csrf", u.csrf)
		}
		body = strings.NewReader(form.Encode())
	}
	req := httptest.NewRequest(method, path, body)
	if method == http.MethodPost {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	if u != nil {
		req.AddCookie(&http.Cookie{Name: "danvan_session", Value: u.cookie})
	}
	rec := httptest.NewRecorder()
	w.srv.ServeHTTP(rec, req)
	return rec.Result()
}

// multipartPost sends a multipart form with one file.
func (w *pworld) multipartPost(login, path string, fields map[string]string, fileField, fileName string, file []byte) *http.Response {
	w.t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	u := w.users[login]
	if u != nil {
		mw.WriteField("csrf", u.csrf)
	}
	for k, v := range fields {
		mw.WriteField(k, v)
	}
	if fileField != "" {
		fw, _ := mw.CreateFormFile(fileField, fileName)
		fw.Write(file)
	}
	mw.Close()
	req := httptest.NewRequest(http.MethodPost, path, &buf)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	if u != nil {
		req.AddCookie(&http.Cookie{Name: "danvan_session", Value: u.cookie})
	}
	rec := httptest.NewRecorder()
	w.srv.ServeHTTP(rec, req)
	return rec.Result()
}

// state is every practice row, result and file, and the audit log's
// practice rows: a denied request must leave it unchanged.
func (w *pworld) state() string {
	w.t.Helper()
	var b strings.Builder
	for _, q := range []string{
		"SELECT id || ':' || status || ':' || version || ':' || replications FROM practices ORDER BY id",
		"SELECT CAST(COUNT(*) AS TEXT) FROM practice_results",
		"SELECT CAST(COUNT(*) AS TEXT) FROM practice_files",
		"SELECT CAST(COUNT(*) AS TEXT) FROM audit_log WHERE entity = 'practice'",
	} {
		rows, err := w.d.QueryContext(w.ctx, q)
		if err != nil {
			w.t.Fatal(err)
		}
		for rows.Next() {
			var s string
			rows.Scan(&s)
			b.WriteString(s + ";")
		}
		rows.Close()
		b.WriteString("|")
	}
	return b.String()
}

func testPNG(t *testing.T) []byte {
	t.Helper()
	img := image.NewNRGBA(image.Rect(0, 0, 800, 600))
	for y := 0; y < 600; y++ {
		for x := 0; x < 800; x++ {
			img.Set(x, y, color.NRGBA{uint8(x / 4), uint8(120 + y/8), 90, 255})
		}
	}
	var b bytes.Buffer
	png.Encode(&b, img)
	return b.Bytes()
}

// models makes a registered model and a recognized one in Quang Lang,
// the recognized one with a photo.
func (w *pworld) models() (registered, recognized practice.Practice, photo practice.File) {
	w.t.Helper()
	off, lead := w.users["officer.ql"].p, w.users["leader.cl"].p
	in := practice.Input{UnitID: w.u.QuangLang.ID, Name: "Camera an ninh thôn Nà Pài", Field: practice.DefenceSecurity,
		OwnerType: practice.Individual, OwnerName: "Hoàng Văn Thào", OwnerTitle: "Trưởng thôn", OwnerPhone: "0912345678",
		StartedOn: time.Date(2023, 2, 1, 0, 0, 0, 0, time.UTC), Notes: "GHI-CHU-NOI-BO"}
	registered, err := w.store.Create(w.ctx, off, in)
	if err != nil {
		w.t.Fatal(err)
	}
	in.Name = "Tiếng kẻng an ninh"
	recognized, err = w.store.Create(w.ctx, off, in)
	if err != nil {
		w.t.Fatal(err)
	}
	if _, err := w.store.Start(w.ctx, off, recognized.ID, time.Date(2023, 3, 1, 0, 0, 0, 0, time.UTC)); err != nil {
		w.t.Fatal(err)
	}
	if recognized, err = w.store.Recognize(w.ctx, lead, recognized.ID, practice.Recognition{ByUnitID: w.u.ChiLang.ID,
		DecisionNo: "125-QĐ/HU", On: time.Date(2024, 1, 10, 0, 0, 0, 0, time.UTC)}); err != nil {
		w.t.Fatal(err)
	}
	return registered, recognized, photo
}

// TestPracticeScopeEveryRoute sends every registry route as a visitor, a
// disabled account, an officer of a neighbour commune and a leader of a
// neighbour district: each is refused (or, for lists, shows nothing of
// the model) and nothing changes.
func TestPracticeScopeEveryRoute(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := newPWorld(t, d)
		reg, rec, _ := w.models()
		// A photo on the registered model, through the page.
		res := w.multipartPost("officer.ql", fmt.Sprintf("/mo-hinh/%d/tep", reg.ID), nil, "file", "anh.png", testPNG(t))
		if res.StatusCode != http.StatusSeeOther {
			t.Fatalf("upload = %d", res.StatusCode)
		}
		files, _ := w.store.Files(w.ctx, reg.ID)
		if len(files) != 1 {
			t.Fatalf("files = %v", files)
		}
		fid := files[0].ID
		m := fmt.Sprintf("/mo-hinh/%d", reg.ID)
		routes := []struct {
			method, path string
			form         url.Values
		}{
			{"GET", m, nil},
			{"GET", m + "/sua", nil},
			{"POST", m + "/sua", url.Values{"name": {"Đổi tên"}, "field": {"economy"}, "owner_type": {"collective"}, "owner_name": {"X"}, "started_on": {"2023-01-01"}, "version": {"1"}}},
			{"GET", m + "/trien-khai", nil},
			{"POST", m + "/trien-khai", url.Values{"on": {"2024-01-01"}}},
			{"GET", m + "/cong-nhan", nil},
			{"POST", m + "/cong-nhan", url.Values{"by_unit": {fmt.Sprint(w.u.ChiLang.ID)}, "decision_no": {"1"}, "on": {"2024-01-01"}}},
			{"POST", fmt.Sprintf("/mo-hinh/%d/cong-nhan", rec.ID), url.Values{"by_unit": {fmt.Sprint(w.u.CaoLoc.ID)}, "decision_no": {"1"}, "on": {"2024-01-01"}}},
			{"GET", m + "/nhan-rong", nil},
			{"POST", m + "/nhan-rong", url.Values{"unit_id": {fmt.Sprint(w.u.MaiSao.ID)}}},
			{"GET", m + "/dung", nil},
			{"POST", m + "/dung", url.Values{"on": {"2024-01-01"}, "reason": {"x"}}},
			{"POST", fmt.Sprintf("/mo-hinh/%d/dung", rec.ID), url.Values{"on": {"2024-01-01"}, "reason": {"x"}}},
			{"POST", m + "/ket-qua", url.Values{"on": {"2024-01-01"}, "indicator": {"Hộ"}, "value": {"5"}}},
			{"POST", m + "/tep", nil},
			{"GET", fmt.Sprintf("%s/tep/%d", m, fid), nil},
			{"GET", fmt.Sprintf("%s/tep/%d/anh-nho", m, fid), nil},
			{"GET", fmt.Sprintf("/cong-khai/mo-hinh/%d", reg.ID), nil},
			{"GET", fmt.Sprintf("/cong-khai/mo-hinh/%d/anh/%d", reg.ID, fid), nil},
			{"GET", fmt.Sprintf("/mo-hinh/xuat?don-vi=%d", w.u.QuangLang.ID), nil},
			{"POST", "/mo-hinh/nhap", url.Values{"unit_id": {fmt.Sprint(w.u.QuangLang.ID)}}},
			{"GET", "/mo-hinh/moi?don-vi=" + fmt.Sprint(w.u.QuangLang.ID), nil},
			{"POST", "/mo-hinh/moi", url.Values{"unit_id": {fmt.Sprint(w.u.QuangLang.ID)}, "name": {"Lậu"}, "field": {"economy"}, "owner_type": {"collective"}, "owner_name": {"X"}, "started_on": {"2023-01-01"}}},
		}
		before := w.state()
		for _, who := range []string{"", "disabled", "officer.ms", "leader.clo"} {
			for _, rt := range routes {
				res := w.do(who, rt.method, rt.path, rt.form)
				body, _ := io.ReadAll(res.Body)
				ok := res.StatusCode >= 400 || (res.StatusCode == http.StatusSeeOther && strings.HasPrefix(res.Header.Get("Location"), "/dang-nhap"))
				if !ok {
					t.Errorf("%q %s %s = %d, want a refusal", who, rt.method, rt.path, res.StatusCode)
				}
				if strings.Contains(string(body), "Camera an ninh thôn Nà Pài") || strings.Contains(string(body), "0912345678") {
					t.Errorf("%q %s %s shows the model", who, rt.method, rt.path)
				}
			}
			// Lists answer, without the model.
			for _, path := range []string{"/mo-hinh", "/mo-hinh/tieu-bieu", "/mo-hinh?q=camera", "/cong-khai/mo-hinh?q=camera"} {
				res := w.do(who, "GET", path, nil)
				body, _ := io.ReadAll(res.Body)
				if strings.Contains(string(body), "Camera an ninh thôn Nà Pài") {
					t.Errorf("%q GET %s lists the model", who, path)
				}
			}
			// The API, with a bearer token for the signed-in kinds.
			for _, rt := range []struct{ method, path, body string }{
				{"GET", fmt.Sprintf("/api/v1/practices/%d", reg.ID), ""},
				{"POST", "/api/v1/practices", fmt.Sprintf(`{"unit_id":%d,"name":"Lậu","field":"economy","owner_type":"collective","owner_name":"X","started_on":"2023-01-01"}`, w.u.QuangLang.ID)},
				{"POST", fmt.Sprintf("/api/v1/practices/%d/transitions", reg.ID), `{"action":"start","on":"2024-01-01"}`},
				{"POST", fmt.Sprintf("/api/v1/practices/%d/transitions", rec.ID), fmt.Sprintf(`{"action":"recognize","by_unit_id":%d,"decision_no":"1"}`, w.u.ChiLang.ID)},
				{"POST", fmt.Sprintf("/api/v1/practices/%d/transitions", rec.ID), `{"action":"stop","reason":"x"}`},
			} {
				req := httptest.NewRequest(rt.method, rt.path, strings.NewReader(rt.body))
				if who != "" && who != "disabled" {
					_, secret, err := w.auth.CreateToken(w.ctx, w.users[who].p.User.ID, "thử")
					if err != nil {
						t.Fatal(err)
					}
					req.Header.Set("Authorization", "Bearer "+secret)
				}
				rr := httptest.NewRecorder()
				w.srv.ServeHTTP(rr, req)
				if rr.Code < 400 {
					t.Errorf("%q API %s %s = %d, want a refusal", who, rt.method, rt.path, rr.Code)
				}
			}
			if got := w.state(); got != before {
				t.Fatalf("requests by %q changed the data:\n%s\n%s", who, before, got)
			}
		}
		// The list of a neighbour: the API list holds nothing of Quang Lang.
		res = w.apiGet(t, "officer.ms", "/api/v1/practices?status=all")
		var list struct {
			Total int `json:"total"`
		}
		json.NewDecoder(res.Body).Decode(&list)
		if list.Total != 0 {
			t.Errorf("a neighbour's API list has %d models", list.Total)
		}
	})
}

func (w *pworld) apiGet(t *testing.T, login, path string) *http.Response {
	t.Helper()
	_, secret, err := w.auth.CreateToken(w.ctx, w.users[login].p.User.ID, "thử")
	if err != nil {
		t.Fatal(err)
	}
	req := httptest.NewRequest("GET", path, nil)
	req.Header.Set("Authorization", "Bearer "+secret)
	rr := httptest.NewRecorder()
	w.srv.ServeHTTP(rr, req)
	return rr.Result()
}

// TestPracticeFlowPages walks the lifecycle through the pages and checks
// the database, the public page and the counts.
func TestPracticeFlowPages(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := newPWorld(t, d)
		res := w.multipartPost("officer.ql", "/mo-hinh/moi", map[string]string{
			"unit_id": fmt.Sprint(w.u.QuangLang.ID), "name": "Dân vận khéo trong hiến đất làm đường", "field": "economy",
			"owner_type": "collective", "owner_name": "Ban công tác Mặt trận thôn Bản Lấn", "owner_phone": "0987 654 321",
			"started_on": "2023-05-01", "description": "Vận động nhân dân hiến đất.", "notes": "GHI-CHU-NOI-BO",
		}, "photo", "hien-dat.png", testPNG(t))
		if res.StatusCode != http.StatusSeeOther {
			body, _ := io.ReadAll(res.Body)
			t.Fatalf("register = %d: %s", res.StatusCode, body)
		}
		loc := res.Header.Get("Location")
		var id int64
		fmt.Sscanf(loc, "/mo-hinh/%d", &id)
		page := doc(t, w.do("officer.ql", "GET", loc, nil))
		if page.Find("h1").Text() != "Dân vận khéo trong hiến đất làm đường" || page.Find(".pr-files img").Length() != 1 {
			t.Fatalf("model page: %q, %d images", page.Find("h1").Text(), page.Find(".pr-files img").Length())
		}
		thumb := w.do("officer.ql", "GET", page.Find(".pr-files img").AttrOr("src", ""), nil)
		if thumb.StatusCode != 200 || thumb.Header.Get("Content-Type") != "image/jpeg" {
			t.Errorf("thumbnail = %d %s", thumb.StatusCode, thumb.Header.Get("Content-Type"))
		}
		// A refused upload says why and leaves nothing.
		before := w.state()
		res = w.multipartPost("officer.ql", loc+"/tep", nil, "file", "virus.jpg", []byte("MZ\x90\x00 not an image"))
		if res.StatusCode != http.StatusBadRequest || !strings.Contains(doc(t, res).Find(".field-error").Text(), "Chỉ nhận ảnh") {
			t.Errorf("wrong type upload = %d", res.StatusCode)
		}
		if w.state() != before {
			t.Error("a refused upload changed the data")
		}
		// Results typed the Vietnamese way.
		res = w.do("officer.ql", "POST", loc+"/ket-qua", url.Values{"on": {"2024-05-01"}, "indicator": {"Mét vuông đất được hiến"}, "value": {"5.112"}, "measure": {"m²"}})
		if res.StatusCode != http.StatusSeeOther {
			t.Fatalf("result = %d", res.StatusCode)
		}
		// Skipping a step is refused with the reason.
		res = w.do("leader.cl", "POST", loc+"/cong-nhan", url.Values{"by_unit": {fmt.Sprint(w.u.ChiLang.ID)}, "decision_no": {"1"}, "on": {"2024-06-01"}})
		if res.StatusCode != http.StatusConflict {
			t.Errorf("recognize a registered model = %d", res.StatusCode)
		}
		if res := w.do("officer.ql", "POST", loc+"/trien-khai", url.Values{"on": {"2023-06-01"}}); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("start = %d", res.StatusCode)
		}
		form := doc(t, w.do("leader.cl", "GET", loc+"/cong-nhan", nil))
		if form.Find("#by_unit option").Length() != 1 {
			t.Errorf("district leader's recognizers: %q", form.Find("#by_unit").Text())
		}
		res = w.do("leader.cl", "POST", loc+"/cong-nhan", url.Values{"by_unit": {fmt.Sprint(w.u.ChiLang.ID)}, "decision_no": {"125-QĐ/HU"}, "on": {"2024-06-01"}})
		if res.StatusCode != http.StatusSeeOther {
			t.Fatalf("recognize = %d", res.StatusCode)
		}
		// The public page, for a visitor: no notes, no phone.
		pub := w.do("", "GET", fmt.Sprintf("/cong-khai/mo-hinh/%d", id), nil)
		body, _ := io.ReadAll(pub.Body)
		if pub.StatusCode != 200 || !strings.Contains(string(body), "125-QĐ/HU") || !strings.Contains(string(body), "5.112 m²") {
			t.Fatalf("public page = %d", pub.StatusCode)
		}
		if strings.Contains(string(body), "GHI-CHU-NOI-BO") || strings.Contains(string(body), "0987") {
			t.Error("the public page shows internal notes or the phone")
		}
		// Another commune replicates it.
		res = w.do("officer.ms", "POST", fmt.Sprintf("/mo-hinh/%d/nhan-rong", id), url.Values{"unit_id": {fmt.Sprint(w.u.MaiSao.ID)}, "on": {"2024-06-10"}})
		if res.StatusCode != http.StatusSeeOther {
			t.Fatalf("adopt = %d", res.StatusCode)
		}
		page = doc(t, w.do("leader.cl", "GET", loc, nil))
		if page.Find("#trang-thai").Text() != "Được nhân rộng" || page.Find(".pr-family li").Length() != 2 {
			t.Errorf("after adoption: %q, family %d", page.Find("#trang-thai").Text(), page.Find(".pr-family li").Length())
		}
		// Search folding and counts on the list page.
		list := doc(t, w.do("leader.cl", "GET", "/mo-hinh?q=dan+van+kheo&don-vi="+fmt.Sprint(w.u.ChiLang.ID), nil))
		if list.Find(".pr-list li").Length() != 2 || list.Find("#tong-so").Text() != "2" {
			t.Errorf("search list: %d rows, total %q", list.Find(".pr-list li").Length(), list.Find("#tong-so").Text())
		}
		// The leader's best models.
		best := doc(t, w.do("leader.cl", "GET", "/mo-hinh/tieu-bieu", nil))
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
		w := newPWorld(t, d)
		w.models()
		res := w.do("officer.ql", "GET", fmt.Sprintf("/mo-hinh/xuat?don-vi=%d", w.u.QuangLang.ID), nil)
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
		res = w.multipartPost("officer.ql", "/mo-hinh/nhap", map[string]string{"unit_id": fmt.Sprint(w.u.QuangLang.ID)}, "file", "so.xlsx", good.Bytes())
		body, _ := io.ReadAll(res.Body)
		if res.StatusCode != 200 || !strings.Contains(string(body), "1 mô hình mới, 2 mô hình cập nhật") {
			t.Fatalf("import = %d: %s", res.StatusCode, body)
		}
		// Broken: a bad field, a bad date, a unit outside.
		f.SetCellValue("Mô hình", "E3", "Thể thao")
		f.SetCellValue("Mô hình", "J4", "31/02/2023")
		f.SetCellValue("Mô hình", "C4", "ST-MX-TD")
		var bad bytes.Buffer
		f.Write(&bad)
		before := w.state()
		res = w.multipartPost("officer.ql", "/mo-hinh/nhap", map[string]string{"unit_id": fmt.Sprint(w.u.QuangLang.ID)}, "file", "so.xlsx", bad.Bytes())
		page := doc(t, res)
		errs := page.Find("#loi-nhap li")
		if res.StatusCode != http.StatusBadRequest || errs.Length() != 2 ||
			!strings.Contains(errs.Eq(0).Text(), "Dòng 3, cột E (Lĩnh vực)") || !strings.Contains(errs.Eq(1).Text(), "Dòng 4, cột J (Ngày bắt đầu)") {
			t.Errorf("broken import = %d: %q", res.StatusCode, page.Find("#loi-nhap").Text())
		}
		f.SetCellValue("Mô hình", "E3", "Quốc phòng – an ninh")
		f.SetCellValue("Mô hình", "J4", "15/03/2023")
		bad.Reset()
		f.Write(&bad)
		res = w.multipartPost("officer.ql", "/mo-hinh/nhap", map[string]string{"unit_id": fmt.Sprint(w.u.QuangLang.ID)}, "file", "so.xlsx", bad.Bytes())
		if page := doc(t, res); res.StatusCode != http.StatusBadRequest || !strings.Contains(page.Find("#loi-nhap").Text(), "Dòng 4, cột C (Mã đơn vị)") {
			t.Errorf("import outside the unit = %d: %q", res.StatusCode, page.Find("#loi-nhap").Text())
		}
		if w.state() != before {
			t.Error("a refused import wrote something")
		}
	})
}

// TestPracticeAPI creates and moves a model through /api/v1.
func TestPracticeAPI(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := newPWorld(t, d)
		call := func(login, method, path, body string) (int, map[string]any) {
			_, secret, _ := w.auth.CreateToken(w.ctx, w.users[login].p.User.ID, "thử")
			req := httptest.NewRequest(method, path, strings.NewReader(body))
			req.Header.Set("Authorization", "Bearer "+secret)
			rr := httptest.NewRecorder()
			w.srv.ServeHTTP(rr, req)
			var out map[string]any
			json.Unmarshal(rr.Body.Bytes(), &out)
			return rr.Code, out
		}
		code, out := call("officer.ql", "POST", "/api/v1/practices", fmt.Sprintf(`{"unit_id":%d,"name":"Tổ hòa giải ở cơ sở","field":"defence_security","owner_type":"collective","owner_name":"Tổ hòa giải thôn","started_on":"2023-01-01"}`, w.u.QuangLang.ID))
		if code != 201 {
			t.Fatalf("create = %d %v", code, out)
		}
		id := int64(out["practice"].(map[string]any)["id"].(float64))
		code, out = call("officer.ql", "POST", "/api/v1/practices", `{"unit_id":1,"name":""}`)
		if code != 400 && code != 403 {
			t.Errorf("bad create = %d %v", code, out)
		}
		path := fmt.Sprintf("/api/v1/practices/%d/transitions", id)
		if code, out = call("leader.cl", "POST", path, fmt.Sprintf(`{"action":"recognize","by_unit_id":%d,"decision_no":"1"}`, w.u.ChiLang.ID)); code != 409 {
			t.Errorf("skip a step = %d %v", code, out)
		}
		if code, _ = call("officer.ql", "POST", path, `{"action":"start","on":"2023-02-01"}`); code != 200 {
			t.Errorf("start = %d", code)
		}
		if code, out = call("leader.cl", "POST", path, fmt.Sprintf(`{"action":"recognize","by_unit_id":%d,"decision_no":"7-QĐ/HU","on":"2024-01-01"}`, w.u.ChiLang.ID)); code != 200 {
			t.Errorf("recognize = %d %v", code, out)
		}
		if code, out = call("officer.ms", "POST", path, fmt.Sprintf(`{"action":"adopt","unit_id":%d}`, w.u.MaiSao.ID)); code != 201 {
			t.Errorf("adopt = %d %v", code, out)
		}
		code, out = call("leader.cl", "GET", "/api/v1/practices?q=hoa+giai", "")
		if code != 200 || out["total"].(float64) != 2 {
			t.Errorf("list = %d %v", code, out)
		}
		code, out = call("officer.ql", "GET", fmt.Sprintf("/api/v1/practices/%d", id), "")
		if code != 200 || out["practice"].(map[string]any)["status"] != "replicated" {
			t.Errorf("get = %d %v", code, out)
		}
	})
}

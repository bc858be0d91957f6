package portalui_test

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/document"
	"github.com/danvan/danvan/internal/fixture"
	"github.com/danvan/danvan/internal/org"
	"github.com/danvan/danvan/internal/portal"
	"github.com/danvan/danvan/internal/practice"
	"github.com/danvan/danvan/internal/web/webtest"
)

// recordsWorld adds to the world a recognized model of Lạng Sơn with a
// result, one of Sóc Trăng, a model still registered, and documents
// issued by Lạng Sơn (one of them revoked) and by Sóc Trăng.
type recordsWorld struct {
	*world
	model, otherModel, registered practice.Practice
	doc, otherDoc, revoked        document.Record
}

func newRecordsWorld(t *testing.T, d *db.DB) *recordsWorld {
	t.Helper()
	w := &recordsWorld{world: newWorld(t, d)}
	admin := w.Principal("admin")
	ps := practice.NewStore(d, w.Org, w.Auth, w.Files)
	model := func(unit int64, name string, recognize bool) practice.Practice {
		m, err := ps.Create(w.ctx, admin, practice.Input{UnitID: unit, Name: name, Field: practice.Fields[0],
			OwnerType: practice.Collective, OwnerName: "Chi hội Phụ nữ thôn Bản Lấn", Movement: "Toàn dân đoàn kết xây dựng nông thôn mới",
			StartedOn: org.Date(2024, 3, 1), Description: "Các hộ cùng góp công làm đường.", Goals: "Bê tông hóa đường thôn"})
		if err != nil {
			t.Fatal(err)
		}
		if !recognize {
			return m
		}
		if _, err := ps.Start(w.ctx, admin, m.ID, org.Date(2024, 4, 1)); err != nil {
			t.Fatal(err)
		}
		if _, err := ps.AddResult(w.ctx, admin, m.ID, practice.Result{On: org.Date(2025, 6, 30), Indicator: "hộ tham gia", Value: 120, Measure: "hộ"}); err != nil {
			t.Fatal(err)
		}
		if m, err = ps.Recognize(w.ctx, admin, m.ID, practice.Recognition{ByUnitID: w.Units.Central.ID, DecisionNo: "125-QĐ/BDVTW", On: org.Date(2025, 1, 10)}); err != nil {
			t.Fatal(err)
		}
		return m
	}
	w.model = model(w.Units.LangSon.ID, "Đường thôn sáng, xanh, sạch", true)
	w.otherModel = model(w.Units.SocTrang.ID, "Tổ hòa giải ấp", true)
	w.registered = model(w.Units.LangSon.ID, "Mô hình mới đăng ký", false)

	ds := document.NewStore(d, w.Org, w.Auth, w.Files, document.DefaultSettings())
	issue := func(unit int64, place, summary string) document.Record {
		if _, err := ds.IssuerOn(w.ctx, admin, unit, w.Now()); err != nil {
			if _, err := ds.SetIssuer(w.ctx, admin, document.Issuer{UnitID: unit, From: fixture.Start, Code: "BDVTU", Name: "Ban Dân vận",
				Superior: "Tỉnh ủy " + place, Place: place}); err != nil {
				t.Fatal(err)
			}
		}
		rec, err := ds.Issue(w.ctx, admin, document.Draft{UnitID: unit, Type: document.Plan, Summary: summary,
			Parts: map[string]string{"body": "Ban Dân vận xây dựng kế hoạch như sau:\n- Tổ chức 12 lớp bồi dưỡng;\n- Sơ kết vào tháng 12."},
			Body:  []document.Block{document.Text("Nội dung " + summary)}, Recipients: []string{"Lưu VP"},
			Signature: document.Signature{Mode: document.SignDeputy, For: "Trưởng ban", Title: "Phó Trưởng ban", Name: "Hoàng Thị Lan"}})
		if err != nil {
			t.Fatal(err)
		}
		return rec
	}
	w.doc = issue(w.Units.LangSon.ID, "Lạng Sơn", "Triển khai phong trào thi đua “Dân vận khéo” năm 2026")
	w.otherDoc = issue(w.Units.SocTrang.ID, "Sóc Trăng", "Kế hoạch của tỉnh khác")
	w.revoked = issue(w.Units.LangSon.ID, "Lạng Sơn", "Kế hoạch đã thu hồi")
	if _, err := ds.Void(w.ctx, admin, w.revoked.ID, "Ban hành nhầm"); err != nil {
		t.Fatal(err)
	}
	return w
}

// TestWriteUpFromModelAndDocument: "Viết tin" from a recognized model and
// from an issued document opens the new-article form prefilled in the
// house style, with the record attached; saving it makes a draft. A
// viewer, another province's staff, a record of another unit, a model
// not yet recognized and a revoked document get no form, and opening it
// writes nothing.
func TestWriteUpFromModelAndDocument(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := newRecordsWorld(t, d)
		w.AddUser("viewer.ls", auth.RoleViewer, w.Units.LangSon.ID)
		clients := map[string]*webtest.Client{}
		for _, who := range []string{"officer.ls", "leader.ls", "officer.st", "leader.st", "viewer.ls"} {
			clients[who] = w.As(who)
		}
		modelPath := func(id int64) string { return w.siteSlash + "/viet-tin/mo-hinh/" + strconv.FormatInt(id, 10) }
		docPath := func(id int64) string { return w.siteSlash + "/viet-tin/van-ban/" + strconv.FormatInt(id, 10) }

		before := w.Snapshot("sessions")
		for _, c := range []struct {
			path, kind, category string
			id                   int64
			headline             string
			body                 []string
		}{
			{modelPath(w.model.ID), "practice", "model", w.model.ID, "Mô hình “Đường thôn sáng, xanh, sạch” ở Ban Dân vận Tỉnh ủy Lạng Sơn",
				[]string{"120 hộ tham gia", "được công nhận là mô hình “Dân vận khéo” cấp Trung ương", "Quyết định số 125-QĐ/BDVTW", "Mục tiêu của mô hình: bê tông hóa đường thôn."}},
			{docPath(w.doc.ID), "document", "news", w.doc.ID, "Kế hoạch triển khai phong trào thi đua “Dân vận khéo” năm 2026",
				[]string{"Ban Dân vận xây dựng kế hoạch như sau:", "Tổ chức 12 lớp bồi dưỡng;"}},
		} {
			for _, who := range []string{"officer.ls"} {
				res := clients[who].Get(c.path)
				if res.StatusCode != http.StatusOK {
					t.Fatalf("%s on %s: %d", who, c.path, res.StatusCode)
				}
				doc := webtest.Doc(t, res)
				if h, _ := doc.Find("#headline").Attr("value"); h != c.headline {
					t.Errorf("%s: headline %q, want %q", c.path, h, c.headline)
				}
				body := doc.Find("#body").Text()
				for _, want := range c.body {
					if !strings.Contains(body, want) {
						t.Errorf("%s: the draft lacks %q:\n%s", c.path, want, body)
					}
				}
				if v, _ := doc.Find(`input[name="record_kind"]`).Attr("value"); v != c.kind {
					t.Errorf("%s: record_kind %q", c.path, v)
				}
				if v, _ := doc.Find(`input[name="record_id"]`).Attr("value"); v != strconv.FormatInt(c.id, 10) {
					t.Errorf("%s: record_id %q", c.path, v)
				}
				if v := doc.Find(`#category option[selected]`).AttrOr("value", ""); v != c.category {
					t.Errorf("%s: category %q, want %q", c.path, v, c.category)
				}
			}
		}
		if lead := webtest.Doc(t, clients["officer.ls"].Get(docPath(w.doc.ID))).Find("#lead").Text(); !strings.Contains(lead,
			"Ban Dân vận Tỉnh ủy Lạng Sơn ban hành kế hoạch số "+w.doc.Number+" về triển khai phong trào") {
			t.Errorf("document lead %q", lead)
		}

		// Out of scope, and records that are not written up.
		for _, c := range []struct {
			who, path string
			want      []int
		}{
			{"viewer.ls", modelPath(w.model.ID), []int{http.StatusForbidden}},
			{"leader.ls", modelPath(w.model.ID), []int{http.StatusForbidden}}, // leaders publish; officers write
			{"viewer.ls", docPath(w.doc.ID), []int{http.StatusForbidden}},
			{"officer.st", modelPath(w.model.ID), []int{http.StatusForbidden, http.StatusNotFound}},
			{"leader.st", docPath(w.doc.ID), []int{http.StatusForbidden, http.StatusNotFound}},
			{"officer.ls", modelPath(w.otherModel.ID), []int{http.StatusForbidden, http.StatusNotFound}},
			{"officer.ls", docPath(w.otherDoc.ID), []int{http.StatusForbidden, http.StatusNotFound}},
			{"officer.ls", modelPath(w.registered.ID), []int{http.StatusUnprocessableEntity, http.StatusBadRequest}},
			{"officer.ls", docPath(w.revoked.ID), []int{http.StatusUnprocessableEntity, http.StatusBadRequest}},
			{"officer.ls", modelPath(1 << 40), []int{http.StatusNotFound}},
		} {
			res := clients[c.who].Get(c.path)
			ok := false
			for _, s := range c.want {
				ok = ok || res.StatusCode == s
			}
			if !ok {
				t.Errorf("%s on %s: %d, want one of %v", c.who, c.path, res.StatusCode, c.want)
			}
		}
		for _, path := range []string{modelPath(w.model.ID), docPath(w.doc.ID)} {
			if res := w.Anon().Get(path); res.StatusCode != http.StatusSeeOther || !strings.HasPrefix(res.Header.Get("Location"), "/dang-nhap") {
				t.Errorf("visitor on %s: %d", path, res.StatusCode)
			}
		}
		w.Unchanged("opening the write-ups", before, "sessions")

		// The model's and the document's pages offer "Viết tin" to who may
		// write on the unit's site, and only for a recognized model or a
		// standing document.
		links := func(who, page string) []string {
			t.Helper()
			res := clients[who].Get(page)
			if res.StatusCode != http.StatusOK {
				t.Fatalf("%s on %s: %d", who, page, res.StatusCode)
			}
			var out []string
			webtest.Doc(t, res).Find("a.news-link").Each(func(_ int, a *goquery.Selection) { out = append(out, a.AttrOr("href", "")) })
			return out
		}
		id := func(n int64) string { return strconv.FormatInt(n, 10) }
		for _, c := range []struct {
			who, page, want string
		}{
			{"officer.ls", "/mo-hinh/" + id(w.model.ID), modelPath(w.model.ID)},
			{"officer.ls", "/van-ban/" + id(w.doc.ID), docPath(w.doc.ID)},
			{"viewer.ls", "/mo-hinh/" + id(w.model.ID), ""},
			{"viewer.ls", "/van-ban/" + id(w.doc.ID), ""},
			{"leader.ls", "/van-ban/" + id(w.doc.ID), ""},
			{"officer.ls", "/mo-hinh/" + id(w.registered.ID), ""},
			{"officer.ls", "/van-ban/" + id(w.revoked.ID), ""},
			{"officer.st", "/mo-hinh/" + id(w.otherModel.ID), ""}, // Sóc Trăng has no site
		} {
			got := links(c.who, c.page)
			if c.want == "" && len(got) != 0 || c.want != "" && (len(got) != 1 || got[0] != c.want) {
				t.Errorf("%s on %s: links %q, want %q", c.who, c.page, got, c.want)
			}
			for _, href := range got {
				if res := clients[c.who].Get(href); res.StatusCode != http.StatusOK {
					t.Errorf("%s follows %s: %d", c.who, href, res.StatusCode)
				}
			}
		}

		// Saving the model's form makes a draft about the model.
		officer := clients["officer.ls"]
		doc := webtest.Doc(t, officer.Get(modelPath(w.model.ID)))
		form := formValues(doc)
		if res := officer.Post(w.siteSlash+"/bai-moi", form); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("save: %d %s", res.StatusCode, webtest.Body(t, res))
		}
		items, _, err := w.store.Articles(w.ctx, w.officer, w.site.ID, portal.Filter{Search: "Đường thôn sáng"})
		if err != nil || len(items) != 1 || items[0].RecordKind != portal.RecordPractice || items[0].RecordID != w.model.ID ||
			items[0].Status != portal.Draft || items[0].Category != portal.Model {
			t.Fatalf("saved: %v %+v", err, items)
		}
	})
}

// formValues are the article form's fields as the page fills them.
func formValues(doc *goquery.Document) url.Values {
	f := url.Values{}
	f.Set("headline", doc.Find("#headline").AttrOr("value", ""))
	f.Set("lead", doc.Find("#lead").Text())
	f.Set("body", doc.Find("#body").Text())
	f.Set("tags", doc.Find("#tags").AttrOr("value", ""))
	f.Set("category", doc.Find("#category option[selected]").AttrOr("value", ""))
	f.Set("record_kind", doc.Find(`input[name="record_kind"]`).AttrOr("value", ""))
	f.Set("record_id", doc.Find(`input[name="record_id"]`).AttrOr("value", ""))
	return f
}

package adminui_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/org"
	"github.com/danvan/danvan/internal/web/webtest"
)

// TestAdminUnitOperations makes each change through its form: the
// preview says what will change and changes nothing; the confirmation
// makes the change, leaves a flash, sends the user to the resulting unit
// and leaves an audit row with the record before and after.
func TestAdminUnitOperations(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s := newSite(t, d)
		ctx := context.Background()
		f := s.Units
		next := day(2027, 1, 1)
		var created org.Unit
		tests := []struct {
			name, who, path string
			form            url.Values
			preview         []string // texts the preview must show
			action          string   // the audit action of the unit that changed
			check           func(t *testing.T, resultID int64)
		}{
			{
				name: "create", who: whoAdminLS, path: "/quan-tri/don-vi/" + itoa(f.LangSon.ID) + "/tao",
				form:    url.Values{"code": {"LS-X9"}, "name": {"Khối Dân vận xã Hữu Kiên"}, "level": {"commune"}, "kind": {"commune_bloc"}, "date": {"01/11/2026"}},
				preview: []string{"Đơn vị bắt đầu hoạt động", "Khối Dân vận xã Hữu Kiên", "LS-X9", "01/11/2026"},
				action:  "create",
				check: func(t *testing.T, id int64) {
					u, err := s.Org.Get(ctx, id, next)
					if err != nil || u.ParentID != f.LangSon.ID || u.Code != "LS-X9" {
						t.Errorf("created unit: %+v %v", u, err)
					}
					created = u
				},
			},
			{
				name: "rename", who: whoAdminLS, path: "/quan-tri/don-vi/" + itoa(f.NewDongDang.ID) + "/doi-ten",
				form:    url.Values{"name": {"Khối Dân vận xã Đồng Đăng mở rộng"}, "short_name": {"xã Đồng Đăng"}, "date": {"2027-01-01"}},
				preview: []string{"Khối Dân vận xã Đồng Đăng", "Khối Dân vận xã Đồng Đăng mở rộng", "01/01/2027"},
				action:  "rename",
				check: func(t *testing.T, id int64) {
					u, _ := s.Org.Get(ctx, id, next)
					old, _ := s.Org.Get(ctx, id, day(2026, 12, 31))
					if u.Name != "Khối Dân vận xã Đồng Đăng mở rộng" || old.Name != "Khối Dân vận xã Đồng Đăng" {
						t.Errorf("after rename: %q, day before: %q", u.Name, old.Name)
					}
				},
			},
			{
				name: "merge", who: whoAdminLS, path: "/quan-tri/don-vi/" + itoa(f.NewChiLang.ID) + "/sap-nhap",
				form: url.Values{"ids": {itoa(f.NewDongDang.ID)}, "into_mode": {"new"}, "code": {"LS-X3"}, "name": {"Khối Dân vận xã Chi Lăng Đồng Đăng"},
					"kind": {"commune_bloc"}, "parent_id": {itoa(f.LangSon.ID)}, "date": {"01/01/2028"}},
				preview: []string{"Đơn vị kết thúc hoạt động", "Khối Dân vận xã Chi Lăng", "Khối Dân vận xã Đồng Đăng mở rộng", "31/12/2027", "01/01/2028", "Khối Dân vận xã Chi Lăng Đồng Đăng", "100%"},
				action:  "merge_into",
				check: func(t *testing.T, id int64) {
					if _, err := s.Org.Get(ctx, f.NewChiLang.ID, day(2028, 1, 1)); apperr.CodeOf(err) != apperr.CodeNotFound {
						t.Errorf("xã Chi Lăng still lives after the merge: %v", err)
					}
					preds, err := s.Org.Predecessors(ctx, id)
					if err != nil || len(preds) != 2 {
						t.Errorf("merged unit predecessors: %v %v", preds, err)
					}
				},
			},
			{
				name: "split", who: whoAdminST, path: "/quan-tri/don-vi/" + itoa(f.NewMyXuyen.ID) + "/chia-tach",
				form: url.Values{"parts": {"2"}, "part_unit_0": {""}, "part_code_0": {"ST-X5"}, "part_name_0": {"Khối Dân vận xã Tham Đôn"}, "part_share_0": {"60"},
					"part_unit_1": {itoa(f.NewKeSach.ID)}, "part_share_1": {"40"}, "date": {"01/01/2027"}},
				preview: []string{"Khối Dân vận xã Mỹ Xuyên", "Khối Dân vận xã Tham Đôn", "Khối Dân vận xã Kế Sách", "60%", "40%", "31/12/2026"},
				action:  "split",
				check: func(t *testing.T, id int64) {
					m, err := s.Org.MapToToday(ctx, f.NewMyXuyen.ID, next)
					if err != nil || len(m) != 2 || m[0].Share != 0.6 {
						t.Errorf("split shares: %+v %v", m, err)
					}
				},
			},
			{
				name: "move", who: whoNational, path: "", // the unit created above, filled in below
				form:    url.Values{"date": {"01/02/2027"}},
				preview: []string{"Ban Dân vận Tỉnh ủy Lạng Sơn", "Ban Dân vận Tỉnh ủy Sóc Trăng", "0 đơn vị cấp dưới"},
				action:  "move",
				check: func(t *testing.T, id int64) {
					u, _ := s.Org.Get(ctx, id, day(2027, 2, 1))
					if u.ParentID != f.SocTrang.ID {
						t.Errorf("moved unit's parent = %d", u.ParentID)
					}
				},
			},
			{
				name: "close", who: whoAdminLS, path: "/quan-tri/don-vi/" + itoa(s.script.ID) + "/giai-the",
				form:    url.Values{"date": {"01/03/2027"}},
				preview: []string{"Đơn vị kết thúc hoạt động", "<script>alert(1)</script>", "28/02/2027"},
				action:  "close",
				check: func(t *testing.T, id int64) {
					u, err := s.Org.Get(ctx, id, day(2027, 2, 28))
					if err != nil || u.ValidTo != day(2027, 2, 28) {
						t.Errorf("closed unit: %+v %v", u, err)
					}
				},
			},
		}
		for _, tc := range tests {
			t.Run(tc.name, func(t *testing.T) {
				if tc.name == "move" {
					tc.path = "/quan-tri/don-vi/" + itoa(created.ID) + "/chuyen"
					tc.form.Set("parent_id", itoa(f.SocTrang.ID))
				}
				before := s.dump()
				form := url.Values{}
				for k, v := range tc.form {
					form[k] = v
				}
				form.Set("step", "preview")
				res := s.post(tc.path, tc.who, form)
				if res.StatusCode != http.StatusOK {
					t.Fatalf("preview = %d: %s", res.StatusCode, body(t, res))
				}
				page := webtest.Doc(t, res)
				text := page.Find("main").Text()
				for _, want := range tc.preview {
					if !strings.Contains(text, want) {
						t.Errorf("preview lacks %q:\n%s", want, text)
					}
				}
				if page.Find(`form button[name=step][value=confirm]`).Length() != 1 || page.Find(`main form input[name=csrf]`).Length() != 1 {
					t.Error("preview has no confirmation form with a csrf token")
				}
				if d := webtest.Diff(before, s.dump()); d != "" {
					t.Fatalf("the preview changed the database:\n%s", d)
				}
				// Confirm with exactly what the preview page carries.
				confirm := url.Values{"step": {"confirm"}}
				page.Find(`form input[type=hidden]`).Each(func(_ int, in *goquery.Selection) {
					if n := in.AttrOr("name", ""); n != "csrf" {
						confirm.Add(n, in.AttrOr("value", ""))
					}
				})
				audits := s.auditCount()
				res = s.post(tc.path, tc.who, confirm)
				res.Body.Close()
				loc := res.Header.Get("Location")
				if res.StatusCode != http.StatusSeeOther || !strings.HasPrefix(loc, "/don-vi/") {
					t.Fatalf("confirm = %d %q", res.StatusCode, loc)
				}
				flash := ""
				for _, c := range res.Cookies() {
					if c.Name == "danvan_flash" {
						flash = c.Value
					}
				}
				if flash != "admin.done."+tc.name {
					t.Errorf("flash = %q", flash)
				}
				id := int64(0)
				for _, c := range strings.TrimPrefix(loc, "/don-vi/") {
					id = id*10 + int64(c-'0')
				}
				tc.check(t, id)
				if s.auditCount() <= audits {
					t.Fatal("no audit row written")
				}
				row := s.lastAudit("unit", tc.action)
				if row.After == "" || (tc.action != "create" && row.Before == "") {
					t.Errorf("audit %s: before %q after %q", tc.action, row.Before, row.After)
				}
				if row.Actor != tc.who {
					t.Errorf("audit actor = %q, want %q", row.Actor, tc.who)
				}
			})
		}
	})
}

// TestAdminUnitFormErrors: refused changes show the reason beside the
// field with what was typed kept, and change nothing.
func TestAdminUnitFormErrors(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s := newSite(t, d)
		f := s.Units
		before := s.dump()
		rename := "/quan-tri/don-vi/" + itoa(f.NewChiLang.ID) + "/doi-ten"

		res := s.post(rename, whoAdminLS, url.Values{"step": {"preview"}, "date": {"31/02/2026"}, "name": {"Tên gõ dở"}})
		if res.StatusCode != http.StatusBadRequest {
			t.Errorf("bad date = %d", res.StatusCode)
		}
		page := webtest.Doc(t, res)
		if v := page.Find("#date").AttrOr("value", ""); v != "31/02/2026" {
			t.Errorf("date kept as %q", v)
		}
		if v := page.Find("#name").AttrOr("value", ""); v != "Tên gõ dở" {
			t.Errorf("name kept as %q", v)
		}
		if !strings.Contains(page.Find("#date").Parent().Find(".field-error").Text(), "Ngày không hợp lệ") {
			t.Error("no date error beside the date")
		}

		res = s.post(rename, whoAdminLS, url.Values{"step": {"preview"}, "date": {"01/01/2027"}, "name": {"  "}})
		page = webtest.Doc(t, res)
		if res.StatusCode != http.StatusBadRequest || !strings.Contains(page.Find("#name").Parent().Find(".field-error").Text(), "Chưa nhập tên") {
			t.Errorf("empty name = %d, error %q", res.StatusCode, page.Find(".field-error").Text())
		}
		if v := page.Find("#date").AttrOr("value", ""); v != "2027-01-01" {
			t.Errorf("a good date is kept for the date picker as %q", v)
		}

		// A province with living units below cannot be closed: org's
		// reason is shown above the form.
		res = s.post("/quan-tri/don-vi/"+itoa(f.LangSon.ID)+"/giai-the", whoNational, url.Values{"step": {"confirm"}, "date": {"01/01/2027"}})
		page = webtest.Doc(t, res)
		if res.StatusCode != http.StatusConflict || !strings.Contains(page.Find("[role=alert]").Text(), "còn") {
			t.Errorf("close with children = %d %q", res.StatusCode, page.Find("[role=alert]").Text())
		}

		// Merging with a unit of another province is refused outright.
		res = s.post("/quan-tri/don-vi/"+itoa(f.NewChiLang.ID)+"/sap-nhap", whoAdminLS, url.Values{"step": {"confirm"}, "date": {"01/01/2027"},
			"ids": {itoa(f.NewKeSach.ID)}, "into_mode": {"existing"}, "into": {itoa(f.NewDongDang.ID)}})
		res.Body.Close()
		if res.StatusCode != http.StatusForbidden {
			t.Errorf("merge across provinces = %d, want 403", res.StatusCode)
		}
		// A split whose shares do not add up.
		res = s.post("/quan-tri/don-vi/"+itoa(f.NewChiLang.ID)+"/chia-tach", whoAdminLS, url.Values{"step": {"preview"}, "date": {"01/01/2027"},
			"parts": {"2"}, "part_code_0": {"A1"}, "part_name_0": {"Xã A"}, "part_share_0": {"50"}, "part_code_1": {"B1"}, "part_name_1": {"Xã B"}, "part_share_1": {"abc"}})
		page = webtest.Doc(t, res)
		if res.StatusCode != http.StatusBadRequest || !strings.Contains(page.Find("#part_share_1").Parent().Find(".field-error").Text(), "Tỷ lệ") {
			t.Errorf("bad share = %d %q", res.StatusCode, page.Find(".field-error").Text())
		}
		if v := page.Find("#part_name_0").AttrOr("value", ""); v != "Xã A" {
			t.Errorf("split row kept as %q", v)
		}
		s.Unchanged("refused changes", before, volatile...)
	})
}

// TestAdminPagesEscapeNames: a unit named <script>alert(1)</script> is
// shown as text on every administration page that names it.
func TestAdminPagesEscapeNames(t *testing.T) {
	s := newSite(t, dbtest.Open(t, "sqlite"))
	id := itoa(s.script.ID)
	// Leave an audit row that names it in a field.
	res := s.post("/quan-tri/don-vi/"+id+"/doi-ten", whoAdminLS, url.Values{"step": {"confirm"}, "date": {"01/01/2027"}, "name": {"<script>alert(2)</script>"}})
	res.Body.Close()
	for _, path := range []string{
		"/quan-tri/don-vi/" + id,
		"/quan-tri/don-vi/" + itoa(s.Units.LangSon.ID),
		"/quan-tri/don-vi?q=script",
		"/quan-tri/don-vi/" + itoa(s.Units.NewChiLang.ID) + "/sap-nhap",
		"/quan-tri/nhat-ky",
	} {
		b := body(t, s.get(path, whoAdminLS))
		if strings.Contains(b, "<script>alert(") {
			t.Errorf("%s shows the name unescaped", path)
		}
		if !strings.Contains(b, "&lt;script&gt;alert(") {
			t.Errorf("%s does not show the escaped name", path)
		}
	}
}

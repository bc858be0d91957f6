package unitui_test

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/org"
	"github.com/danvan/danvan/internal/web/webtest"
)

// newSite is the fixture tree seen on 23 November 2026, with a commune
// of Lạng Sơn named <script>alert(1)</script> since 2026.
func newSite(t *testing.T, d *db.DB) *webtest.Site {
	t.Helper()
	s := webtest.New(t, d, webtest.At(org.Date(2026, 11, 23)))
	if _, err := s.Org.Create(context.Background(), org.NewUnit{Code: "LS-XSS", Name: "<script>alert(1)</script>", Level: org.Commune,
		Kind: org.CommuneBloc, ParentID: s.Units.LangSon.ID, ValidFrom: org.Date(2026, 1, 1)}); err != nil {
		t.Fatal(err)
	}
	return s
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// treeNames lists the units a tree page draws.
func treeNames(t *testing.T, s *webtest.Site, path string) string {
	t.Helper()
	var out []string
	webtest.Doc(t, s.Anon().Get(path)).Find("ul.tree a").Each(func(_ int, a *goquery.Selection) { out = append(out, a.Text()) })
	return strings.Join(out, "|")
}

func TestUnitTreeOnDates(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s := newSite(t, d)
		const lsBefore = "Ban Dân vận Tỉnh ủy Lạng Sơn|Ban Dân vận Huyện ủy Cao Lộc|Khối Dân vận thị trấn Đồng Đăng|Khối Dân vận xã Hợp Thành|" +
			"Ban Dân vận Huyện ủy Chi Lăng|Khối Dân vận xã Mai Sao|Khối Dân vận xã Quang Lang|Hội Liên hiệp Phụ nữ tỉnh Lạng Sơn"
		before := treeNames(t, s, "/don-vi?ngay=2020-06-30")
		if !strings.Contains(before, lsBefore) || strings.Contains(before, "xã Chi Lăng") || strings.Contains(before, "alert") {
			t.Errorf("tree on 30/06/2020:\n got %s\nwant it to hold %s", before, lsBefore)
		}
		after := treeNames(t, s, "/don-vi")
		if !strings.Contains(after, "Ban Dân vận Tỉnh ủy Lạng Sơn|<script>alert(1)</script>|Hội Liên hiệp Phụ nữ tỉnh Lạng Sơn|Khối Dân vận xã Chi Lăng|Khối Dân vận xã Đồng Đăng") ||
			strings.Contains(after, "Huyện ủy") || strings.Contains(after, "Quang Lang") {
			t.Errorf("tree today: %s", after)
		}
		// A date typed the Vietnamese way works too.
		if got := treeNames(t, s, "/don-vi?ngay="+url.QueryEscape("30/06/2020")); got != before {
			t.Errorf("tree on typed 30/06/2020: %s", got)
		}
	})
}

func TestUnitTreeBadDateKeepsInput(t *testing.T) {
	s := newSite(t, dbtest.Open(t, "sqlite"))
	res := s.Anon().Get("/don-vi?ngay=" + url.QueryEscape("31/02/2020"))
	if res.StatusCode != http.StatusBadRequest {
		t.Errorf("bad date = %d, want 400", res.StatusCode)
	}
	page := webtest.Doc(t, res)
	if v, _ := page.Find("input#ngay").Attr("value"); v != "31/02/2020" {
		t.Errorf("date input value = %q, want what was typed", v)
	}
	if !strings.Contains(page.Find("[role=alert]").Text(), "Ngày không hợp lệ") {
		t.Error("no error message for a bad date")
	}
	if page.Find("ul.tree a").Length() == 0 {
		t.Error("the tree is not shown (for today) beside the error")
	}
}

func TestUnitNameIsEscaped(t *testing.T) {
	s := newSite(t, dbtest.Open(t, "sqlite"))
	body := webtest.Body(t, s.Anon().Get("/don-vi"))
	if strings.Contains(body, "<script>alert(1)</script>") {
		t.Fatal("unit name rendered unescaped")
	}
	if !strings.Contains(body, "&lt;script&gt;alert(1)&lt;/script&gt;") {
		t.Fatal("escaped unit name not found")
	}
}

func TestUnitPage(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s := newSite(t, d)
		get := func(path string) *goquery.Document { t.Helper(); return webtest.Doc(t, s.Anon().Get(path)) }
		// An old commune, seen today: it shows as it stood on its last day,
		// with its successor and today's unit.
		page := get("/don-vi/" + itoa(s.Units.QuangLang.ID))
		if got := page.Find("h1").Text(); got != "Khối Dân vận xã Quang Lang" {
			t.Errorf("h1 = %q", got)
		}
		text := page.Find("main").Text()
		for _, want := range []string{"Đơn vị kế thừa", "Khối Dân vận xã Chi Lăng", "30/06/2025", "01/01/2015", "Ban Dân vận Huyện ủy Chi Lăng", "100%"} {
			if !strings.Contains(text, want) {
				t.Errorf("old commune page lacks %q", want)
			}
		}
		crumbs := page.Find(".crumbs a").Map(func(_ int, s *goquery.Selection) string { return s.Text() })
		if strings.Join(crumbs, "|") != "Đơn vị|Ban Dân vận Trung ương|Ban Dân vận Tỉnh ủy Lạng Sơn|Ban Dân vận Huyện ủy Chi Lăng" {
			t.Errorf("crumbs = %v", crumbs)
		}
		// The merged commune lists both predecessors.
		text = get("/don-vi/" + itoa(s.Units.NewChiLang.ID)).Find("main").Text()
		for _, want := range []string{"Đơn vị tiền thân", "Khối Dân vận xã Quang Lang", "Khối Dân vận xã Mai Sao", "sáp nhập"} {
			if !strings.Contains(text, want) {
				t.Errorf("merged commune page lacks %q", want)
			}
		}
		// A commune that received part of a split lists the share.
		if text := get("/don-vi/" + itoa(s.Units.NewKeSach.ID)).Find("main").Text(); !strings.Contains(text, "Tham Đôn") || !strings.Contains(text, "40%") {
			t.Errorf("split share missing: %q", text)
		}
		// The province on a 2020 date lists the district as a child; today it does not.
		if !strings.Contains(get("/don-vi/"+itoa(s.Units.LangSon.ID)+"?ngay=2020-01-01").Find("main").Text(), "Huyện ủy Chi Lăng") {
			t.Error("province in 2020 lacks its district")
		}
		if strings.Contains(get("/don-vi/"+itoa(s.Units.LangSon.ID)).Find("main ul.plain").Text(), "Huyện ủy Chi Lăng") {
			t.Error("province today still lists the closed district")
		}
		// A bad or unknown id is not found.
		if s.Anon().Get("/don-vi/abc").StatusCode != 404 || s.Anon().Get("/don-vi/999999").StatusCode != 404 {
			t.Error("bad or unknown unit id is not 404")
		}
	})
}

// TestUnitAPIScope: the units API answers a token for the units its owner
// may read (their grants' subtrees, and the old units that passed into
// them) and refuses the others.
func TestUnitAPIScope(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s := newSite(t, d)
		s.AddUser("officer.chilang", auth.RoleOfficer, s.Units.NewChiLang.ID)
		s.AddUser("admin", auth.RoleAdmin, s.Units.Central.ID)
		officer, admin := s.Token("officer.chilang"), s.Token("admin")
		id := func(u org.Unit) string { return itoa(u.ID) }
		for _, tt := range []struct {
			name, path, token string
			status            int
			code              string
		}{
			{"anonymous", "/api/v1/units", "", 401, "unauthorized"},
			{"own unit", "/api/v1/units/" + id(s.Units.NewChiLang), officer, 200, ""},
			{"old commune merged into own unit", "/api/v1/units/" + id(s.Units.QuangLang) + "?date=2020-01-01", officer, 200, ""},
			{"neighbour commune", "/api/v1/units/" + id(s.Units.NewDongDang), officer, 403, "forbidden"},
			{"province above", "/api/v1/units/" + id(s.Units.LangSon) + "/subtree", officer, 403, "forbidden"},
			{"admin subtree", "/api/v1/units/" + id(s.Units.LangSon) + "/subtree", admin, 200, ""},
			{"bad date", "/api/v1/units?date=31-12-2020", admin, 400, "invalid"},
		} {
			if status, body := s.API("GET", tt.path, tt.token, nil); status != tt.status || webtest.ErrorCode(body) != tt.code {
				t.Errorf("%s: %d %v, want %d %q", tt.name, status, body, tt.status, tt.code)
			}
		}
		// The officer's tree lists only their commune.
		_, body := s.API("GET", "/api/v1/units", officer, nil)
		if units, _ := body["units"].([]any); len(units) != 1 {
			t.Errorf("officer's /api/v1/units has %d units, want 1", len(units))
		}
	})
}

// TestUnitRoutesOutOfScope walks every route of the unit hierarchy as an
// officer of Lạng Sơn's xã Chi Lăng against Sóc Trăng's xã Kế Sách. The
// pages have no scope: the hierarchy is public, shown to visitors and to
// everyone alike, so they answer 200. The API has the caller's read
// scope: each unit endpoint refuses the out-of-scope unit and shows
// nothing of it, and the list shows only the officer's own subtree.
// Nothing is written.
func TestUnitRoutesOutOfScope(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s := newSite(t, d)
		s.AddUser("officer.chilang", auth.RoleOfficer, s.Units.NewChiLang.ID)
		token := s.Token("officer.chilang")
		clients := []*webtest.Client{s.Anon(), s.As("officer.chilang")}
		before := s.Snapshot("sessions", "api_tokens")
		var routes []string
		for _, r := range s.Routes("/don-vi", "/api/v1/units") {
			// A unit's commendations are commendui's route, walked there.
			if !strings.HasSuffix(r, "/commendations") {
				routes = append(routes, r)
			}
		}
		if len(routes) != 5 {
			t.Fatalf("routes = %v", routes)
		}
		for _, p := range routes {
			method, path := s.Fill(p, "id", itoa(s.Units.NewKeSach.ID))
			if strings.HasPrefix(path, "/api/") {
				status, body := s.API(method, path, token, nil)
				all := strings.Contains(p, "{id}")
				if all && status != http.StatusForbidden {
					t.Errorf("%s = %d, want 403", p, status)
				}
				if units, _ := body["units"].([]any); !all && len(units) != 1 {
					t.Errorf("%s lists %d units, want the officer's one", p, len(units))
				}
				if _, ok := body["unit"]; ok {
					t.Errorf("%s shows the unit: %v", p, body)
				}
				continue
			}
			for _, c := range clients {
				res := c.Get(path)
				page := webtest.Body(t, res)
				if res.StatusCode != http.StatusOK || !strings.Contains(page, "Khối Dân vận xã Kế Sách") {
					t.Errorf("public page %s = %d, or without the unit", path, res.StatusCode)
				}
			}
		}
		s.Unchanged("reading the hierarchy", before, "sessions", "api_tokens")
	})
}

// The drawn tree is kept, but a change to the hierarchy shows on the next
// page, in both languages, and a past day's tree is drawn as it was.
func TestUnitTreeKeptUntilChange(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s := newSite(t, d)
		const old, renamed = "Ban Dân vận Tỉnh ủy Lạng Sơn", "Ban Dân vận Tỉnh ủy Lạng Sơn (đổi tên)"
		past := treeNames(t, s, "/don-vi?ngay=2020-06-30")
		for _, page := range []string{"/don-vi", "/don-vi?lang=en"} {
			if got := treeNames(t, s, page); !strings.Contains(got, old+"|") {
				t.Fatalf("%s before the change: %s", page, got)
			}
		}
		if _, err := s.Org.Rename(context.Background(), s.Units.LangSon.ID, org.Date(2026, 11, 23), renamed, ""); err != nil {
			t.Fatal(err)
		}
		for _, page := range []string{"/don-vi", "/don-vi?lang=en"} {
			if got := treeNames(t, s, page); !strings.Contains(got, renamed+"|") || strings.Contains(got, old+"|") {
				t.Errorf("%s after renaming: %s", page, got)
			}
		}
		if got := treeNames(t, s, "/don-vi?ngay=2020-06-30"); got != past || !strings.Contains(got, old+"|") {
			t.Errorf("30/06/2020 after renaming today:\n got %s\nwant %s", got, past)
		}
	})
}

// TestTreeSearchFindsFormerNames: searched today, a commune merged in
// 2025 is not a unit of today, but the search names it with the commune
// that took it over; searched on a day it lived, it is an ordinary result.
func TestTreeSearchFindsFormerNames(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s := newSite(t, d)
		page := webtest.Doc(t, s.Anon().Get("/don-vi?q=quang+lang"))
		if n := page.Find(".plain").First().Find("li").Length(); page.Find("#ten-cu").Length() == 0 || n != 1 {
			t.Fatalf("no former name found: %s", page.Find("main").Text())
		}
		former := page.Find("#ten-cu + ul li").First()
		text := strings.Join(strings.Fields(former.Text()), " ")
		for _, want := range []string{"Khối Dân vận xã Quang Lang", "tên này đến 30/06/2025", "nay là Khối Dân vận xã Chi Lăng"} {
			if !strings.Contains(text, want) {
				t.Errorf("the former name's line %q lacks %q", text, want)
			}
		}
		if href, _ := former.Find("a").Last().Attr("href"); href != "/don-vi/"+itoa(s.Units.NewChiLang.ID)+"?ngay=2026-11-23" {
			t.Errorf("the successor's link: %q", href)
		}
		if strings.Contains(page.Find("main").Text(), "Không tìm thấy đơn vị nào") {
			t.Error("the search says nothing was found while it names a former unit")
		}
		// In 2020 the commune lived: an ordinary result, no former name.
		page = webtest.Doc(t, s.Anon().Get("/don-vi?q=quang+lang&ngay=2020-01-01"))
		if page.Find("#ten-cu").Length() != 0 || !strings.Contains(page.Find("main").Text(), "Khối Dân vận xã Quang Lang") {
			t.Errorf("in 2020: %s", page.Find("main").Text())
		}
	})
}

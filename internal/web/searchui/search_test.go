package searchui_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/vntext"
	"github.com/danvan/danvan/internal/web/webtest"
)

// newSite is the test site with readers of Lạng Sơn and Sóc Trăng and a
// person and a conference in each province about mediation; Lạng Sơn's
// conference title carries markup, which must be shown as text.
func newSite(t *testing.T, d *db.DB) *webtest.Site {
	t.Helper()
	s := webtest.New(t, d)
	u := s.Units
	s.AddUser("officer.langson", auth.RoleOfficer, u.LangSon.ID)
	s.AddUser("viewer.soctrang", auth.RoleViewer, u.SocTrang.ID)
	ctx := context.Background()
	err := d.WithTx(ctx, func(tx *db.Tx) error {
		now := db.Stamp(tx.Now())
		for _, r := range []struct {
			unit         int64
			person, conf string
		}{
			{u.LangSon.ID, "Hoàng Thị Hòa", "Hội nghị <b>hòa giải</b> ở cơ sở tỉnh Lạng Sơn"},
			{u.SocTrang.ID, "Thạch Thị Hòa", "Tập huấn hòa giải viên Sóc Trăng"},
		} {
			if _, err := tx.ExecContext(ctx, `INSERT INTO meeting_people (unit_id, name, name_fold, sort_key, created_at) VALUES (?, ?, ?, ?, ?)`,
				r.unit, r.person, vntext.Fold(r.person), db.SortKey(r.person), now); err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO meeting_conferences (unit_id, kind, title, title_fold, held_on, summary, created_at, updated_at)
				VALUES (?, 'chuyen_de', ?, ?, '2025-11-05', 'Các tổ hòa giải thôn báo cáo kết quả.', ?, ?)`, r.unit, r.conf, vntext.Fold(r.conf), now, now); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func doc(t *testing.T, res *http.Response) (*goquery.Document, string) {
	t.Helper()
	body := webtest.Body(t, res)
	if res.StatusCode != http.StatusOK {
		t.Fatalf("status %d: %.300s", res.StatusCode, body)
	}
	d, err := goquery.NewDocumentFromReader(strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	return d, body
}

func TestResultsPage(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s := newSite(t, d)
		c := s.As("officer.langson")
		page, body := doc(t, c.Get("/tim-kiem?q=hoa"))
		if got := page.Find("#nhom-conference .hit a").First().Text(); got != "Hội nghị <b>hòa giải</b> ở cơ sở tỉnh Lạng Sơn" {
			t.Errorf("conference title shown as %q", got)
		}
		if strings.Contains(body, "<b>hòa") || !strings.Contains(body, "&lt;b&gt;") {
			t.Error("the title's markup was not escaped")
		}
		if marks := page.Find("#nhom-conference mark").Map(func(_ int, s *goquery.Selection) string { return s.Text() }); len(marks) != 2 || marks[0] != "hòa" || marks[1] != "hòa" { // the title's and the summary's
			t.Errorf("marked words: %v", marks)
		}
		if strings.Contains(body, "Sóc Trăng") || strings.Contains(body, "Thạch Thị Hòa") {
			t.Error("Sóc Trăng's records shown to Lạng Sơn")
		}
		if href, _ := page.Find("#nhom-person .hit a").Attr("href"); !strings.HasPrefix(href, "/nguoi/") {
			t.Errorf("person link %q", href)
		}
		// The period filter, chosen in words: 2025 keeps the conference
		// of 05/11/2025 and leaves out the person (2026).
		per, _ := doc(t, c.Get("/tim-kiem?q=hoa&ky-nam=2025&ky-phan="))
		if per.Find("#nhom-conference .hit").Length() != 1 || per.Find("#nhom-person").Length() != 0 {
			t.Error("the period filter did not keep 2025's records alone")
		}
		if v, _ := per.Find("#ky-nam option[selected]").Attr("value"); v != "2025" {
			t.Errorf("period picker shows %q", v)
		}
		// The kind filter keeps the query and counts only what is in scope.
		chips := page.Find("nav.chips a").Map(func(_ int, s *goquery.Selection) string { return strings.Join(strings.Fields(s.Text()), " ") })
		if strings.Join(chips, "|") != "Tất cả 2|Người 1|Hội nghị 1" {
			t.Errorf("kind chips: %v", chips)
		}
		page, _ = doc(t, c.Get("/tim-kiem?q=hoa&loai=person&lang=en"))
		if page.Find("#nhom-conference").Length() != 0 || page.Find("#nhom-person .hit").Length() != 1 {
			t.Error("the kind filter did not keep people alone")
		}
		if h := page.Find("h1").Text(); h != "Search" {
			t.Errorf("English title %q", h)
		}
		// Nothing found, and nothing asked.
		page, _ = doc(t, c.Get("/tim-kiem?q=xyzzy+qwerty"))
		if page.Find("#khong-co").Length() != 1 {
			t.Error("no empty state")
		}
		page, _ = doc(t, c.Get("/tim-kiem"))
		if page.Find(".hit").Length() != 0 {
			t.Error("hits without a query")
		}
		// A bad period is refused with its message.
		res := c.Get("/tim-kiem?q=hoa&ky=2025X&lang=vi")
		if body := webtest.Body(t, res); res.StatusCode != http.StatusBadRequest || !strings.Contains(body, "Kỳ không hợp lệ") {
			t.Errorf("bad period: %d %s", res.StatusCode, body)
		}
	})
}

// TestEveryRouteOutOfScope: Sóc Trăng's viewer, a visitor and the public
// search never see Lạng Sơn's records, in pages, counts or the API.
func TestEveryRouteOutOfScope(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s := newSite(t, d)
		routes := s.Routes("/tim-kiem", "/tra-cuu", "/api/v1/search")
		if len(routes) != 3 {
			t.Errorf("the feature mounts %d routes, the test knows 3: %v", len(routes), routes)
		}
		secrets := []string{"Hoàng Thị", "Lạng Sơn"}
		v := s.As("viewer.soctrang")
		_, body := doc(t, v.Get("/tim-kiem?q=hoa"))
		for _, secret := range secrets {
			if strings.Contains(body, secret) {
				t.Errorf("/tim-kiem shows %q to Sóc Trăng", secret)
			}
		}
		if !strings.Contains(body, "Thạch Thị <mark>Hòa</mark>") {
			t.Error("Sóc Trăng's own person not found")
		}
		res := v.Get(fmt.Sprintf("/tim-kiem?q=hoa&don_vi=%d", s.Units.LangSon.ID))
		if res.StatusCode != http.StatusNotFound {
			t.Errorf("another province chosen: %d", res.StatusCode)
		}
		// A visitor is sent to sign in; the public search finds no records.
		if res := s.Anon().Get("/tim-kiem?q=hoa"); res.StatusCode < 300 || res.StatusCode >= 400 {
			t.Errorf("visitor: %d", res.StatusCode)
		}
		_, body = doc(t, s.Anon().Get("/tra-cuu?q=hoa"))
		if strings.Contains(body, "Hoàng Thị") || strings.Contains(body, "Thạch Thị") {
			t.Error("the public search shows records")
		}
		// The API: scope and counts.
		tok := s.Token("viewer.soctrang")
		res = s.APIResponse("GET", "/api/v1/search?q=hoa", tok, nil)
		var out struct {
			Total  int            `json:"total"`
			ByKind map[string]int `json:"by_kind"`
			Items  []struct {
				Kind, Title, Path string
			} `json:"items"`
		}
		if err := json.Unmarshal([]byte(webtest.Body(t, res)), &out); err != nil || res.StatusCode != 200 {
			t.Fatalf("API: %d %v", res.StatusCode, err)
		}
		if out.Total != 2 || out.ByKind["person"] != 1 || out.ByKind["conference"] != 1 || len(out.Items) != 2 {
			t.Errorf("API for Sóc Trăng: %+v", out)
		}
		for _, it := range out.Items {
			if strings.Contains(it.Title, "Lạng Sơn") || it.Title == "Hoàng Thị Hòa" {
				t.Errorf("API shows %q", it.Title)
			}
		}
		res = s.APIResponse("GET", fmt.Sprintf("/api/v1/search?q=hoa&unit=%d", s.Units.LangSon.ID), tok, nil)
		if webtest.Body(t, res); res.StatusCode != http.StatusNotFound {
			t.Errorf("API, another province chosen: %d", res.StatusCode)
		}
		if res := s.APIResponse("GET", "/api/v1/search?q=hoa", "", nil); res.StatusCode != http.StatusUnauthorized {
			t.Errorf("API without a token: %d", res.StatusCode)
		}
	})
}

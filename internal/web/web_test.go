package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"

	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/meeting"
	"github.com/danvan/danvan/internal/web"
	"github.com/danvan/danvan/internal/web/kit"
	"github.com/danvan/danvan/internal/web/webtest"
)

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

func TestOperationsEndpoints(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s := webtest.New(t, d, webtest.Configure(func(c *web.Config) { c.MetricsToken = "scrape-secret" }))
		c := s.Anon()
		// /metrics is the scraper's: not to anyone, not to a wrong token.
		if res := c.Get("/metrics"); res.StatusCode != http.StatusUnauthorized {
			t.Errorf("/metrics without a token = %d, want 401", res.StatusCode)
		}
		if res := c.Get("/metrics", "Authorization", "Bearer wrong"); res.StatusCode != http.StatusUnauthorized {
			t.Errorf("/metrics with a wrong token = %d, want 401", res.StatusCode)
		}
		if res := c.Get("/healthz"); res.StatusCode != 200 {
			t.Errorf("/healthz = %d", res.StatusCode)
		}
		if res := c.Get("/readyz"); res.StatusCode != 200 {
			t.Errorf("/readyz = %d", res.StatusCode)
		}
		c.Get("/don-vi").Body.Close()
		body := webtest.Body(t, c.Get("/metrics", "Authorization", "Bearer scrape-secret"))
		for _, want := range []string{
			`danvan_http_requests_total{code="200",method="GET",route="GET /don-vi"} 1`,
			`danvan_http_request_duration_seconds_bucket{route="GET /readyz"`,
			`danvan_db_connections_open{pool="write"}`,
			`go_goroutines`,
		} {
			if !strings.Contains(body, want) {
				t.Errorf("/metrics lacks %q", want)
			}
		}
		// With the database gone, the server is not ready.
		d.Close()
		if res := c.Get("/readyz"); res.StatusCode != http.StatusServiceUnavailable {
			t.Errorf("/readyz with a closed database = %d, want 503", res.StatusCode)
		}
	})
}

// Without a token, /metrics is not on the main listener at all.
func TestMetricsNotPublic(t *testing.T) {
	s := webtest.New(t, dbtest.Open(t, "sqlite"))
	if res := s.Anon().Get("/metrics"); res.StatusCode != http.StatusNotFound {
		t.Errorf("/metrics = %d, want 404", res.StatusCode)
	}
	if res := s.Anon().Get("/metrics", "Authorization", "Bearer x"); res.StatusCode != http.StatusNotFound {
		t.Errorf("/metrics with a token nobody set = %d, want 404", res.StatusCode)
	}
}

// Signed-in pages are kept by no cache.
func TestSignedInPagesNoStore(t *testing.T) {
	s := webtest.New(t, dbtest.Open(t, "sqlite"))
	s.AddUser("viewer.ls", auth.RoleViewer, s.Units.LangSon.ID)
	for _, path := range []string{"/", "/don-vi", "/mo-hinh", "/bao-cao", "/tai-khoan/mat-khau"} {
		res := s.As("viewer.ls").Get(path)
		res.Body.Close()
		if got := res.Header.Get("Cache-Control"); got != "no-store" {
			t.Errorf("%s signed in: Cache-Control = %q, want no-store", path, got)
		}
	}
}

func TestSecurityHeadersAndErrors(t *testing.T) {
	s := webtest.New(t, dbtest.Open(t, "sqlite"))
	c := s.Anon()
	res := c.Get("/khong-co-trang-nay")
	if res.StatusCode != 404 {
		t.Fatalf("unknown path = %d, want 404", res.StatusCode)
	}
	if csp := res.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "script-src 'self'") || strings.Contains(csp, "unsafe-inline") {
		t.Errorf("CSP = %q", csp)
	}
	for _, hname := range []string{"X-Content-Type-Options", "X-Frame-Options", "Referrer-Policy", "X-Request-Id"} {
		if res.Header.Get(hname) == "" {
			t.Errorf("missing header %s", hname)
		}
	}
	page := webtest.Doc(t, res)
	if got := page.Find("main p").First().Text(); !strings.Contains(got, "Không tìm thấy") {
		t.Errorf("404 page says %q", got)
	}
	if res := c.Get("/don-vi", "Accept", "text/html"); res.StatusCode != 200 {
		t.Errorf("/don-vi = %d", res.StatusCode)
	}
	// An unknown API path answers in JSON.
	status, body := s.API("GET", "/api/v1/nothing", s.Token(s.AddUser("admin", auth.RoleAdmin, s.Units.Central.ID).Login), nil)
	if status != 404 || webtest.ErrorCode(body) != "not_found" {
		t.Errorf("unknown API route = %d %v", status, body)
	}
}

func TestStaticFilesAreHashedAndCached(t *testing.T) {
	s := webtest.New(t, dbtest.Open(t, "sqlite"))
	c := s.Anon()
	page := webtest.Doc(t, c.Get("/"))
	href, ok := page.Find(`link[rel=stylesheet]`).Attr("href")
	if !ok || !strings.HasPrefix(href, "/static/style.") || !strings.HasSuffix(href, ".css") {
		t.Fatalf("stylesheet href = %q", href)
	}
	res := c.Get(href)
	res.Body.Close()
	if res.StatusCode != 200 || !strings.Contains(res.Header.Get("Cache-Control"), "immutable") ||
		!strings.HasPrefix(res.Header.Get("Content-Type"), "text/css") {
		t.Errorf("%s: %d %q %q", href, res.StatusCode, res.Header.Get("Cache-Control"), res.Header.Get("Content-Type"))
	}
	if c.Get("/static/style.css").StatusCode != 404 {
		t.Error("unhashed static URL served")
	}
}

func TestEnglishSwitchKeepsPage(t *testing.T) {
	s := webtest.New(t, dbtest.Open(t, "sqlite"))
	page := webtest.Doc(t, s.Anon().Get("/don-vi?ngay=2020-01-01"))
	href, _ := page.Find(`a[hreflang=en]`).Attr("href")
	if href != "/don-vi?lang=en&ngay=2020-01-01" {
		t.Fatalf("language link = %q", href)
	}
	c := s.Anon()
	res := c.Get(href)
	page = webtest.Doc(t, res)
	if page.Find("html").AttrOr("lang", "") != "en" || page.Find("h1").Text() != "Unit hierarchy" || c.Cookie("lang") != "en" {
		t.Errorf("English page: lang=%q h1=%q cookie=%q", page.Find("html").AttrOr("lang", ""), page.Find("h1").Text(), c.Cookie("lang"))
	}
	// The cookie keeps English on the next page.
	if webtest.Doc(t, c.Get("/")).Find("html").AttrOr("lang", "") != "en" {
		t.Error("lang cookie ignored")
	}
}

func TestHomeUnitSwitcherStaysInScope(t *testing.T) {
	s := webtest.NewWithStaff(t, dbtest.Open(t, "sqlite"))
	c := s.As("officer.chilang")
	page := webtest.Doc(t, c.Get("/"))
	var options []string
	page.Find("#don_vi option").Each(func(_ int, o *goquery.Selection) { options = append(options, o.Text()) })
	if len(options) == 0 || strings.Join(options, "|") != s.Units.NewChiLang.Name {
		t.Errorf("switcher offers %v", options)
	}
	// Asking for a neighbour commune is ignored: the current unit stays.
	page = webtest.Doc(t, c.Get("/?don_vi="+itoa(s.Units.NewDongDang.ID)))
	if sel := page.Find("#don_vi option[selected]").Text(); sel != s.Units.NewChiLang.Name {
		t.Errorf("switched out of scope to %q", sel)
	}
	// A provincial leader switches to a commune below.
	page = webtest.Doc(t, s.As("leader.langson").Get("/?don_vi="+itoa(s.Units.NewDongDang.ID)))
	if sel := page.Find("#don_vi option[selected]").Text(); sel != s.Units.NewDongDang.Name {
		t.Errorf("leader's switch = %q", sel)
	}
	if !strings.Contains(page.Find("main").Text(), "Lãnh đạo") {
		t.Error("role not shown")
	}
}

func TestTooLargeBodyIsRefused(t *testing.T) {
	s := webtest.NewWithStaff(t, dbtest.Open(t, "sqlite"))
	c := s.As("officer.chilang")
	big := strings.Repeat("x", kit.MaxRequestBody+1)
	sessions := s.Count("sessions")
	res := c.Post("/tai-khoan/mat-khau", url.Values{"csrf": {c.CSRF()}, "old": {big}})
	if res.StatusCode != http.StatusRequestEntityTooLarge {
		t.Fatalf("oversized form = %d, want 413", res.StatusCode)
	}
	if !strings.Contains(webtest.Doc(t, res).Find("main").Text(), "quá lớn") {
		t.Error("no message about the size")
	}
	if s.Count("sessions") != sessions {
		t.Error("an oversized form changed the sessions")
	}
}

// TestHomeShowsWork: the officer of the owning commune sees the open task
// (overdue on the site's clock, 2 March 2026, for a task due 31 January)
// and the overdue count; an officer of the neighbour commune sees neither.
func TestHomeShowsWork(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s := webtest.NewWithStaff(t, d)
		c, err := meeting.NewStore(d, s.Org, s.Auth).Create(context.Background(), s.Principal("admin"), meeting.Conference{UnitID: s.Units.NewChiLang.ID, Kind: meeting.SoKet,
			Title: "Sơ kết công tác dân vận 6 tháng cuối năm 2025", HeldOn: time.Date(2025, 12, 20, 0, 0, 0, 0, time.UTC), Period: "2025S2",
			Tasks: []meeting.Task{{Title: "Rà soát các mô hình “Dân vận khéo”", DueOn: time.Date(2026, 1, 31, 0, 0, 0, 0, time.UTC)}}})
		if err != nil {
			t.Fatal(err)
		}
		task := c.Tasks[0]
		page := webtest.Doc(t, s.As("officer.chilang").Get("/"))
		main := page.Find("main").Text()
		if !strings.Contains(main, task.Title) || !strings.Contains(main, "31/01/2026") {
			t.Errorf("owner's home lacks the task: %q", page.Find("main ul.plain").First().Text())
		}
		if !strings.Contains(page.Find(".notice").Text(), "1 nhiệm vụ quá hạn") {
			t.Errorf("overdue notice = %q", page.Find(".notice").Text())
		}
		page = webtest.Doc(t, s.As("officer.dongdang").Get("/"))
		if strings.Contains(page.Find("main").Text(), task.Title) || page.Find(".notice").Length() != 0 {
			t.Error("the neighbour commune's officer sees the task")
		}
	})
}

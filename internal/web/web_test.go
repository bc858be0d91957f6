package web_test

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"

	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/org"
	"github.com/danvan/danvan/internal/web"
)

// tree is a small hierarchy: a province with one district and two
// communes that merge into a new commune directly under the province on
// 2025-07-01 (the district closes that day).
type tree struct {
	central, province, district, communeA, communeB, merged org.Unit
}

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func buildTree(t *testing.T, d *db.DB) tree {
	t.Helper()
	ctx := context.Background()
	s := org.NewStore(d)
	must := func(u org.Unit, err error) org.Unit {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return u
	}
	var tr tree
	start := day(2015, 1, 1)
	tr.central = must(s.Create(ctx, org.NewUnit{Code: "TW", Name: "Ban Dân vận Trung ương", Level: org.Central, Kind: org.Board, ValidFrom: start}))
	tr.province = must(s.Create(ctx, org.NewUnit{Code: "LS", Name: "Ban Dân vận Tỉnh ủy Lạng Sơn", Level: org.Province, Kind: org.Board, ParentID: tr.central.ID, ValidFrom: start}))
	tr.district = must(s.Create(ctx, org.NewUnit{Code: "LS-CL", Name: "Ban Dân vận Huyện ủy Chi Lăng", Level: org.District, Kind: org.Board, ParentID: tr.province.ID, ValidFrom: start}))
	tr.communeA = must(s.Create(ctx, org.NewUnit{Code: "LS-CL-A", Name: "Khối Dân vận xã Quang Lang", Level: org.Commune, Kind: org.CommuneBloc, ParentID: tr.district.ID, ValidFrom: start}))
	tr.communeB = must(s.Create(ctx, org.NewUnit{Code: "LS-CL-B", Name: "<script>alert(1)</script>", Level: org.Commune, Kind: org.CommuneBloc, ParentID: tr.district.ID, ValidFrom: start}))
	reform := day(2025, 7, 1)
	tr.merged = must(s.Merge(ctx, []int64{tr.communeA.ID, tr.communeB.ID}, org.MergeTarget{New: &org.NewUnit{
		Code: "LS-X1", Name: "Khối Dân vận xã Chi Lăng", Kind: org.CommuneBloc, ParentID: tr.province.ID,
	}}, reform))
	must(s.Close(ctx, tr.district.ID, reform))
	return tr
}

type harness struct {
	t   *testing.T
	srv *web.Server
	db  *db.DB
	tr  tree
}

func newHarness(t *testing.T, d *db.DB) *harness {
	t.Helper()
	tr := buildTree(t, d)
	srv, err := web.New(web.Config{
		DB:     d,
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil)),
		Now:    func() time.Time { return day(2026, 11, 23) },
	})
	if err != nil {
		t.Fatal(err)
	}
	return &harness{t: t, srv: srv, db: d, tr: tr}
}

func (h *harness) get(path string, hdr ...string) *http.Response {
	h.t.Helper()
	req := httptest.NewRequest(http.MethodGet, path, nil)
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	rec := httptest.NewRecorder()
	h.srv.ServeHTTP(rec, req)
	return rec.Result()
}

func doc(t *testing.T, res *http.Response) *goquery.Document {
	t.Helper()
	defer res.Body.Close()
	d, err := goquery.NewDocumentFromReader(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestOperationsEndpoints(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		h := newHarness(t, d)
		if res := h.get("/healthz"); res.StatusCode != 200 {
			t.Errorf("/healthz = %d", res.StatusCode)
		}
		if res := h.get("/readyz"); res.StatusCode != 200 {
			t.Errorf("/readyz = %d", res.StatusCode)
		}
		h.get("/don-vi")
		res := h.get("/metrics")
		body, _ := io.ReadAll(res.Body)
		for _, want := range []string{
			`danvan_http_requests_total{code="200",method="GET",route="GET /don-vi"} 1`,
			`danvan_http_request_duration_seconds_bucket{route="GET /readyz"`,
			`danvan_db_connections_open{pool="write"}`,
			`go_goroutines`,
		} {
			if !strings.Contains(string(body), want) {
				t.Errorf("/metrics lacks %q", want)
			}
		}
		// With the database gone, the server is not ready.
		d.Close()
		if res := h.get("/readyz"); res.StatusCode != http.StatusServiceUnavailable {
			t.Errorf("/readyz with a closed database = %d, want 503", res.StatusCode)
		}
	})
}

func TestSecurityHeadersAndErrors(t *testing.T) {
	h := newHarness(t, dbtest.Open(t, "sqlite"))
	res := h.get("/khong-co-trang-nay")
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
	page := doc(t, res)
	if got := page.Find("main p").First().Text(); !strings.Contains(got, "Không tìm thấy") {
		t.Errorf("404 page says %q", got)
	}
	if h.get("/don-vi/abc").StatusCode != 404 || h.get("/don-vi/999999").StatusCode != 404 {
		t.Error("bad or unknown unit id is not 404")
	}
	if res := h.get("/don-vi", "Accept", "text/html"); res.StatusCode != 200 {
		t.Errorf("/don-vi = %d", res.StatusCode)
	}
}

func TestStaticFilesAreHashedAndCached(t *testing.T) {
	h := newHarness(t, dbtest.Open(t, "sqlite"))
	page := doc(t, h.get("/"))
	href, ok := page.Find(`link[rel=stylesheet]`).Attr("href")
	if !ok || !strings.HasPrefix(href, "/static/style.") || !strings.HasSuffix(href, ".css") {
		t.Fatalf("stylesheet href = %q", href)
	}
	res := h.get(href)
	if res.StatusCode != 200 || !strings.Contains(res.Header.Get("Cache-Control"), "immutable") ||
		!strings.HasPrefix(res.Header.Get("Content-Type"), "text/css") {
		t.Errorf("%s: %d %q %q", href, res.StatusCode, res.Header.Get("Cache-Control"), res.Header.Get("Content-Type"))
	}
	if h.get("/static/style.css").StatusCode != 404 {
		t.Error("unhashed static URL served")
	}
}

func TestUnitTreeOnDates(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		h := newHarness(t, d)
		names := func(path string) []string {
			var out []string
			doc(t, h.get(path)).Find("ul.tree a").Each(func(_ int, s *goquery.Selection) { out = append(out, s.Text()) })
			return out
		}
		before := strings.Join(names("/don-vi?ngay=2020-06-30"), "|")
		want := "Ban Dân vận Trung ương|Ban Dân vận Tỉnh ủy Lạng Sơn|Ban Dân vận Huyện ủy Chi Lăng|<script>alert(1)</script>|Khối Dân vận xã Quang Lang"
		if before != want {
			t.Errorf("tree on 30/06/2020:\n got %s\nwant %s", before, want)
		}
		after := strings.Join(names("/don-vi"), "|")
		if after != "Ban Dân vận Trung ương|Ban Dân vận Tỉnh ủy Lạng Sơn|Khối Dân vận xã Chi Lăng" {
			t.Errorf("tree today: %s", after)
		}
		// A date typed the Vietnamese way works too.
		if got := strings.Join(names("/don-vi?ngay="+url.QueryEscape("30/06/2020")), "|"); got != want {
			t.Errorf("tree on typed 30/06/2020: %s", got)
		}
	})
}

func TestUnitTreeBadDateKeepsInput(t *testing.T) {
	h := newHarness(t, dbtest.Open(t, "sqlite"))
	res := h.get("/don-vi?ngay=" + url.QueryEscape("31/02/2020"))
	if res.StatusCode != http.StatusBadRequest {
		t.Errorf("bad date = %d, want 400", res.StatusCode)
	}
	page := doc(t, res)
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
	h := newHarness(t, dbtest.Open(t, "sqlite"))
	res := h.get("/don-vi?ngay=2020-01-01")
	body, _ := io.ReadAll(res.Body)
	if strings.Contains(string(body), "<script>alert(1)</script>") {
		t.Fatal("unit name rendered unescaped")
	}
	if !strings.Contains(string(body), "&lt;script&gt;alert(1)&lt;/script&gt;") {
		t.Fatal("escaped unit name not found")
	}
}

func TestUnitPage(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		h := newHarness(t, d)
		// An old commune, seen today: it shows as it stood on its last day,
		// with its successor and today's unit.
		page := doc(t, h.get("/don-vi/"+itoa(h.tr.communeA.ID)))
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
		page = doc(t, h.get("/don-vi/"+itoa(h.tr.merged.ID)))
		text = page.Find("main").Text()
		for _, want := range []string{"Đơn vị tiền thân", "Khối Dân vận xã Quang Lang", "<script>alert(1)</script>", "sáp nhập"} {
			if !strings.Contains(text, want) {
				t.Errorf("merged commune page lacks %q", want)
			}
		}
		// The province on a 2020 date lists the district as a child; today it does not.
		if !strings.Contains(doc(t, h.get("/don-vi/"+itoa(h.tr.province.ID)+"?ngay=2020-01-01")).Find("main").Text(), "Huyện ủy Chi Lăng") {
			t.Error("province in 2020 lacks its district")
		}
		if strings.Contains(doc(t, h.get("/don-vi/"+itoa(h.tr.province.ID))).Find("main ul.plain").Text(), "Huyện ủy Chi Lăng") {
			t.Error("province today still lists the closed district")
		}
	})
}

func TestEnglishSwitchKeepsPage(t *testing.T) {
	h := newHarness(t, dbtest.Open(t, "sqlite"))
	page := doc(t, h.get("/don-vi?ngay=2020-01-01"))
	href, _ := page.Find(`a[hreflang=en]`).Attr("href")
	if href != "/don-vi?lang=en&ngay=2020-01-01" {
		t.Fatalf("language link = %q", href)
	}
	res := h.get(href)
	var cookie string
	for _, c := range res.Cookies() {
		if c.Name == "lang" {
			cookie = c.Value
		}
	}
	page = doc(t, res)
	if page.Find("html").AttrOr("lang", "") != "en" || page.Find("h1").Text() != "Unit hierarchy" || cookie != "en" {
		t.Errorf("English page: lang=%q h1=%q cookie=%q", page.Find("html").AttrOr("lang", ""), page.Find("h1").Text(), cookie)
	}
	// The cookie keeps English on the next page.
	page = doc(t, h.get("/", "Cookie", "lang=en"))
	if page.Find("html").AttrOr("lang", "") != "en" {
		t.Error("lang cookie ignored")
	}
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

package portalui_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/xml"
	"image"
	"image/color"
	"image/jpeg"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/danvan/danvan/internal/audit"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/portal"
	"github.com/danvan/danvan/internal/web/webtest"
)

// world is a running server with a site for Lạng Sơn's board, its
// editors, and a few published articles.
type world struct {
	*webtest.Site
	store     *portal.Store
	ctx       context.Context
	site      portal.Site
	first     portal.Article // published, news, with an image
	model     portal.Article // published, "Dân vận khéo"
	draft     portal.Article
	officer   *auth.Principal
	leader    *auth.Principal
	siteID    string
	siteSlash string
}

func newWorld(t testing.TB, d *db.DB, opts ...webtest.Option) *world {
	t.Helper()
	s := webtest.New(t, d, opts...)
	u := s.Units
	s.AddUser("admin", auth.RoleAdmin, u.Central.ID)
	s.AddUser("officer.ls", auth.RoleOfficer, u.LangSon.ID)
	s.AddUser("leader.ls", auth.RoleLeader, u.LangSon.ID)
	s.AddUser("officer.st", auth.RoleOfficer, u.SocTrang.ID)
	s.AddUser("leader.st", auth.RoleLeader, u.SocTrang.ID)
	w := &world{Site: s, store: portal.NewStore(d, s.Org, s.Auth, s.Files),
		ctx: audit.WithActor(context.Background(), audit.Actor{Name: "test"})}
	w.officer, w.leader = s.Principal("officer.ls"), s.Principal("leader.ls")
	var err error
	w.site, err = w.store.CreateSite(w.ctx, s.Principal("admin"), portal.SiteInput{UnitID: u.LangSon.ID, Slug: "lang-son",
		Name: "Trang thông tin điện tử Ban Dân vận Tỉnh ủy Lạng Sơn", NameEN: "Mass Mobilization Board of Lạng Sơn",
		Address: "Số 1 đường Hùng Vương, thành phố Lạng Sơn", Phone: "0205 3812 345", Email: "bdv@langson.example",
		Editor: "Đồng chí Trưởng Ban", About: "Ban Dân vận Tỉnh ủy là cơ quan tham mưu.", AboutEN: "The board advises the provincial Party committee."})
	if err != nil {
		t.Fatal(err)
	}
	w.siteID = strconv.FormatInt(w.site.ID, 10)
	w.siteSlash = "/bien-tap/" + w.siteID
	im, err := w.store.AddImage(w.ctx, w.officer, w.site.ID, portal.ImageUpload{Name: "anh.jpg", Alt: "Quang cảnh hội nghị", Body: bytes.NewReader(testJPEG(t, 800, 500))})
	if err != nil {
		t.Fatal(err)
	}
	w.first = w.publish(portal.ArticleInput{Category: portal.News, Headline: "Hội nghị sơ kết công tác dân vận 6 tháng đầu năm 2026",
		Lead: "Sáng 19/7, Ban Dân vận Tỉnh ủy tổ chức hội nghị sơ kết.", Body: "Đồng chí Nguyễn Văn A chủ trì hội nghị.\n\nCó 5.112 hộ tham gia.",
		Tags: "Hội nghị, Sơ kết", ImageID: im.ID})
	s.SetNow(s.Now().Add(time.Hour))
	w.model = w.publish(portal.ArticleInput{Category: portal.Model, Headline: "Mô hình tiếng kẻng an ninh", Body: "Mô hình được nhân rộng.", Tags: "Sơ kết"})
	w.draft, err = w.store.CreateArticle(w.ctx, w.officer, w.site.ID, portal.ArticleInput{Category: portal.News, Headline: "Bản nháp chưa đăng", Body: "Nháp."})
	if err != nil {
		t.Fatal(err)
	}
	return w
}

func (w *world) publish(in portal.ArticleInput) portal.Article {
	w.T.Helper()
	a, err := w.store.CreateArticle(w.ctx, w.officer, w.site.ID, in)
	if err == nil {
		a, err = w.store.Submit(w.ctx, w.officer, a.ID, a.Version)
	}
	if err == nil {
		a, err = w.store.Publish(w.ctx, w.leader, a.ID, a.Version, time.Time{})
	}
	if err != nil {
		w.T.Fatal(err)
	}
	return a
}

func testJPEG(t testing.TB, wd, ht int) []byte {
	img := image.NewRGBA(image.Rect(0, 0, wd, ht))
	for y := range ht {
		for x := range wd {
			img.Set(x, y, color.RGBA{uint8(x), uint8(y), 90, 255})
		}
	}
	var b bytes.Buffer
	if err := jpeg.Encode(&b, img, nil); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func articlePath(a portal.Article) string {
	return "/trang/lang-son/" + a.Category.Slug() + "/" + a.Slug
}

func TestPublicPages(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := newWorld(t, d)
		anon := w.Anon()
		month := w.first.PublishAt.In(time.FixedZone("ICT", 7*3600)).Format("2006-01")
		for _, c := range []struct {
			path string
			want []string
			not  []string
		}{
			{"/trang/lang-son", []string{w.first.Headline, w.model.Headline, "Tin tức – Sự kiện", "Dân vận khéo", "0205 3812 345",
				`class="portal-search" method="get" action="/trang/lang-son/tim-kiem"`}, []string{w.draft.Headline}},
			{"/trang/lang-son/tin-tuc", []string{w.first.Headline}, []string{w.model.Headline, w.draft.Headline}},
			{"/trang/lang-son/dan-van-kheo", []string{w.model.Headline}, []string{w.first.Headline}},
			{articlePath(w.first), []string{w.first.Headline, "5.112 hộ", "Gửi cho bạn bè", "mailto:?subject=", w.model.Headline, "srcset=", "Lượt xem"}, nil},
			{"/trang/lang-son/the/so-ket", []string{w.first.Headline, w.model.Headline}, nil},
			{"/trang/lang-son/luu-tru", []string{"/luu-tru/" + month, "2025–2030"}, nil},
			{"/trang/lang-son/luu-tru/" + month, []string{w.first.Headline}, nil},
			{"/trang/lang-son/luu-tru/2025-2030", []string{w.first.Headline}, nil},
			{"/trang/lang-son/tim-kiem?q=TIENG+KENG", []string{w.model.Headline}, []string{w.first.Headline}},
			{"/trang/lang-son/lien-he", []string{"Số 1 đường Hùng Vương", "bdv@langson.example", "Chịu trách nhiệm nội dung", `hreflang="en"`}, nil},
			{"/trang/lang-son/en", []string{"Mass Mobilization Board of Lạng Sơn", "The board advises", `lang="en"`}, nil},
			{"/trang", []string{w.first.Headline, w.site.Name, `class="portal-search" method="get" action="/tra-cuu"`}, []string{w.draft.Headline}},
		} {
			res := anon.Get(c.path)
			body := webtest.Body(t, res)
			if res.StatusCode != http.StatusOK {
				t.Errorf("%s: %d", c.path, res.StatusCode)
				continue
			}
			for _, s := range c.want {
				if !strings.Contains(body, s) {
					t.Errorf("%s lacks %q", c.path, s)
				}
			}
			for _, s := range c.not {
				if strings.Contains(body, s) {
					t.Errorf("%s shows %q", c.path, s)
				}
			}
			if len(body) > 60<<10 {
				t.Errorf("%s weighs %d bytes", c.path, len(body))
			}
			if cc := res.Header.Get("Cache-Control"); !strings.Contains(cc, "s-maxage=") || !strings.Contains(cc, "public") {
				t.Errorf("%s: Cache-Control %q", c.path, cc)
			}
			if sc := res.Header.Get("Set-Cookie"); sc != "" {
				t.Errorf("%s sets a cookie: %s", c.path, sc)
			}
		}
		for _, p := range []string{"/trang/khong-co", articlePath(w.draft), "/trang/lang-son/tin-tuc/khong-co", "/trang/lang-son/luu-tru/2026-13",
			"/trang/lang-son/the/khong-co", "/trang/lang-son/tin-tuc?trang=9"} {
			if res := anon.Get(p); res.StatusCode != http.StatusNotFound {
				t.Errorf("%s: %d, want 404", p, res.StatusCode)
			}
		}
		// The page's image is served in each size, for a year.
		doc := webtest.Doc(t, anon.Get(articlePath(w.first)))
		src, _ := doc.Find(".story figure img").Attr("src")
		res := anon.Get(src)
		if res.StatusCode != http.StatusOK || res.Header.Get("Content-Type") != "image/jpeg" || !strings.Contains(res.Header.Get("Cache-Control"), "immutable") {
			t.Errorf("image %s: %d %v", src, res.StatusCode, res.Header)
		}
		if canon, _ := doc.Find(`link[rel=canonical]`).Attr("href"); !strings.HasSuffix(canon, articlePath(w.first)) {
			t.Errorf("canonical %q", canon)
		}
		if og, _ := doc.Find(`meta[property="og:image"]`).Attr("content"); !strings.Contains(og, "/anh/") {
			t.Errorf("og:image %q", og)
		}
		if desc, _ := doc.Find(`meta[name=description]`).Attr("content"); !strings.HasPrefix(desc, "Sáng 19/7") {
			t.Errorf("description %q", desc)
		}
	})
}

func TestConditionalAndCompressed(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := newWorld(t, d)
		anon := w.Anon()
		path := articlePath(w.first)
		res := anon.Get(path, "Accept-Encoding", "gzip, deflate")
		if res.Header.Get("Content-Encoding") != "gzip" || res.Header.Get("Vary") != "Accept-Encoding" {
			t.Fatalf("not compressed: %v", res.Header)
		}
		zr, err := gzip.NewReader(res.Body)
		if err != nil {
			t.Fatal(err)
		}
		plain, _ := io.ReadAll(zr)
		if !bytes.Contains(plain, []byte(w.first.Headline)) {
			t.Fatal("the compressed page is not the page")
		}
		etag, lm := res.Header.Get("ETag"), res.Header.Get("Last-Modified")
		if etag == "" || lm == "" {
			t.Fatalf("ETag %q Last-Modified %q", etag, lm)
		}
		if res := anon.Get(path, "If-None-Match", etag); res.StatusCode != http.StatusNotModified || webtest.Body(t, res) != "" {
			t.Fatalf("repeated request with the ETag: %d", res.StatusCode)
		}
		if res := anon.Get(path, "If-Modified-Since", lm); res.StatusCode != http.StatusNotModified {
			t.Fatalf("repeated request with the date: %d", res.StatusCode)
		}
		if res := anon.Get(path, "If-None-Match", `"other"`); res.StatusCode != http.StatusOK {
			t.Fatalf("another ETag: %d", res.StatusCode)
		}
		// A publish through the editors' pages changes the page at once:
		// the home page lists it, the old ETag no longer matches.
		home := anon.Get("/trang/lang-son")
		old := home.Header.Get("ETag")
		if res := anon.Get("/trang/lang-son", "If-None-Match", old); res.StatusCode != http.StatusNotModified {
			t.Fatalf("home, unchanged: %d", res.StatusCode)
		}
		officer, leader := w.As("officer.ls"), w.As("leader.ls")
		res = officer.Post(w.siteSlash+"/bai-moi", url.Values{"category": {"news"}, "headline": {"Tin mới vừa đăng"}, "body": {"Mới."}})
		edit := res.Header.Get("Location")
		officer.Post(edit+"/gui", url.Values{"version": {"1"}})
		if res := leader.Post(edit+"/dang", url.Values{"version": {"2"}}); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("publish: %d", res.StatusCode)
		}
		res = anon.Get("/trang/lang-son", "If-None-Match", old)
		if res.StatusCode != http.StatusOK || !strings.Contains(webtest.Body(t, res), "Tin mới vừa đăng") {
			t.Fatalf("home after a publish: %d", res.StatusCode)
		}
		// A scheduled article shows at its moment, with nothing written then.
		sch, err := w.store.CreateArticle(w.ctx, w.officer, w.site.ID, portal.ArticleInput{Category: portal.News, Headline: "Tin hẹn giờ đăng", Body: "Hẹn."})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.store.Publish(w.ctx, w.leader, sch.ID, sch.Version, w.Now().Add(30*time.Minute)); err != nil {
			t.Fatal(err)
		}
		if strings.Contains(webtest.Body(t, anon.Get("/trang/lang-son")), sch.Headline) {
			t.Fatal("a scheduled article shows early")
		}
		w.SetNow(w.Now().Add(31 * time.Minute))
		if !strings.Contains(webtest.Body(t, anon.Get("/trang/lang-son")), sch.Headline) {
			t.Fatal("a scheduled article does not show at its moment")
		}
	})
}

func TestFeedsAndSitemap(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := newWorld(t, d)
		res := w.Anon().Get("/trang/lang-son/rss.xml")
		body := webtest.Body(t, res)
		if res.StatusCode != http.StatusOK || !strings.HasPrefix(res.Header.Get("Content-Type"), "application/rss+xml") {
			t.Fatalf("rss: %d %s", res.StatusCode, res.Header.Get("Content-Type"))
		}
		feed := parseRSS(t, body)
		if feed.Title != w.site.Name || len(feed.Items) != 2 || feed.Items[0].Title != w.model.Headline ||
			!strings.HasSuffix(feed.Items[1].Link, articlePath(w.first)) || feed.Items[1].PubDate.IsZero() {
			t.Fatalf("rss: %+v", feed)
		}
		res = w.Anon().Get("/trang/lang-son/sitemap.xml")
		body = webtest.Body(t, res)
		if res.StatusCode != http.StatusOK || !strings.Contains(body, "<loc>http://example.com"+articlePath(w.first)+"</loc>") ||
			strings.Contains(body, w.draft.Slug) {
			t.Fatalf("sitemap: %d %s", res.StatusCode, body)
		}
	})
}

func TestFeedback(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := newWorld(t, d)
		anon := w.Anon()
		form := "/trang/lang-son/gop-y?bai=" + strconv.FormatInt(w.first.ID, 10)
		doc := webtest.Doc(t, anon.Get(form))
		csrf, _ := doc.Find(`input[name=csrf]`).Attr("value")
		if csrf == "" || doc.Find(`input[name=website]`).Length() != 1 {
			t.Fatal("the form lacks its token or its trap")
		}
		payload := `<script>alert("x")</script><img src=x onerror=alert(1)>`
		res := anon.Post(form, url.Values{"csrf": {csrf}, "ten": {payload}, "email": {"ban.doc@example.vn"}, "noi_dung": {"Bài viết hay. " + payload}})
		if res.StatusCode != http.StatusSeeOther {
			t.Fatalf("send: %d %s", res.StatusCode, webtest.Body(t, res))
		}
		// A bad form keeps what was typed.
		res = anon.Post(form, url.Values{"csrf": {csrf}, "ten": {"Trần Văn C"}, "email": {"không phải thư"}, "noi_dung": {"Nội dung giữ lại"}})
		if body := webtest.Body(t, res); res.StatusCode != http.StatusBadRequest && res.StatusCode != http.StatusUnprocessableEntity ||
			!strings.Contains(body, "Nội dung giữ lại") || !strings.Contains(body, "Trần Văn C") {
			t.Fatalf("bad form: %d", res.StatusCode)
		}
		// The trap: thanked, nothing stored.
		n := w.Count("portal_feedback")
		if res := anon.Post(form, url.Values{"csrf": {csrf}, "ten": {"Bot"}, "email": {"bot@example.com"}, "noi_dung": {"spam"}, "website": {"x"}}); res.StatusCode != http.StatusSeeOther || w.Count("portal_feedback") != n {
			t.Fatalf("trap: %d, %d rows", res.StatusCode, w.Count("portal_feedback"))
		}
		// Moderation by the leader, through the queue page.
		leader := w.As("leader.ls")
		queue := webtest.Body(t, leader.Get(w.siteSlash+"/phan-hoi"))
		if !strings.Contains(queue, "ban.doc@example.vn") || strings.Contains(queue, "<script>alert") {
			t.Fatalf("queue page: %s", queue)
		}
		q, _, err := w.store.FeedbackQueue(w.ctx, w.leader, w.site.ID, portal.FeedbackPending, 0)
		if err != nil || len(q) != 1 {
			t.Fatalf("queue: %v %d", err, len(q))
		}
		// Another unit's leader cannot moderate it.
		other := w.As("leader.st")
		other.Get("/")
		before := w.Snapshot("sessions")
		if res := other.Post(w.siteSlash+"/phan-hoi/"+strconv.FormatInt(q[0].ID, 10), url.Values{"decision": {"approve"}}); res.StatusCode != http.StatusNotFound {
			t.Errorf("other unit moderates: %d", res.StatusCode)
		}
		w.Unchanged("another unit's moderation", before, "sessions")
		if res := leader.Post(w.siteSlash+"/phan-hoi/"+strconv.FormatInt(q[0].ID, 10), url.Values{"decision": {"approve"}, "reply": {"Cảm ơn."}}); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("approve: %d", res.StatusCode)
		}
		page := webtest.Body(t, anon.Get(articlePath(w.first)))
		if !strings.Contains(page, "Cảm ơn.") || strings.Contains(page, "<script>alert") || strings.Contains(page, "<img src=x") ||
			!strings.Contains(page, "&lt;script&gt;") || strings.Contains(page, "ban.doc@example.vn") {
			t.Fatal("approved feedback is not shown inert, or shows the address")
		}
	})
}

func TestEditorWorkflow(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := newWorld(t, d)
		officer, leader := w.As("officer.ls"), w.As("leader.ls")
		res := officer.Post(w.siteSlash+"/bai-moi", url.Values{"category": {"news"}, "headline": {"Bài viết qua trang biên tập"},
			"body": {`<p>Nội dung <a href="javascript:alert(1)">liên kết</a></p><script>alert(1)</script>`}, "tags": {"Thử"}})
		if res.StatusCode != http.StatusSeeOther {
			t.Fatalf("create: %d %s", res.StatusCode, webtest.Body(t, res))
		}
		edit := res.Header.Get("Location")
		doc := webtest.Doc(t, officer.Get(edit))
		body := doc.Find("#body").Text()
		if strings.Contains(body, "script") || strings.Contains(body, "javascript") || !strings.Contains(body, "liên kết") {
			t.Fatalf("stored body %q", body)
		}
		// A rejected form keeps what was typed.
		res = officer.Post(edit, url.Values{"category": {"news"}, "headline": {""}, "body": {"Giữ lại nội dung này"}, "version": {"1"}})
		if b := webtest.Body(t, res); res.StatusCode == http.StatusSeeOther || !strings.Contains(b, "Giữ lại nội dung này") {
			t.Fatalf("empty headline: %d", res.StatusCode)
		}
		if res := officer.Post(edit+"/gui", url.Values{"version": {"1"}}); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("submit: %d", res.StatusCode)
		}
		if res := officer.Post(edit+"/dang", url.Values{"version": {"2"}}); res.StatusCode != http.StatusForbidden {
			t.Fatalf("officer publishes: %d", res.StatusCode)
		}
		if res := leader.Post(edit+"/dang", url.Values{"version": {"2"}}); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("publish: %d", res.StatusCode)
		}
		if !strings.Contains(webtest.Body(t, w.Anon().Get("/trang/lang-son")), "Bài viết qua trang biên tập") {
			t.Fatal("the published article is not on the home page")
		}
		versions := webtest.Doc(t, leader.Get(edit)).Find("table tbody tr").Length()
		if versions != 3 {
			t.Fatalf("%d versions shown", versions)
		}
		// An image upload, resized.
		res = officer.PostMultipart(w.siteSlash+"/anh", map[string]string{"alt": "Ảnh thử"}, webtest.File{Field: "image", Name: "x.jpg", Data: testJPEG(t, 1500, 900)})
		if res.StatusCode != http.StatusSeeOther {
			t.Fatalf("upload: %d", res.StatusCode)
		}
		imgs, err := w.store.SiteImages(w.ctx, w.officer, w.site.ID, 0)
		if err != nil || len(imgs) != 1 || len(imgs[0].Widths) != 4 {
			t.Fatalf("images: %v %+v", err, imgs)
		}
	})
}

// TestOutOfScope: officers and leaders of another unit, a viewer and a
// visitor reach none of the editors' pages and change nothing.
func TestOutOfScope(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := newWorld(t, d)
		w.AddUser("viewer.ls", auth.RoleViewer, w.Units.LangSon.ID)
		art := w.siteSlash + "/bai/" + strconv.FormatInt(w.draft.ID, 10)
		fb := w.siteSlash + "/phan-hoi/1"
		type req struct {
			method, path string
			form         url.Values
		}
		reqs := []req{
			{"GET", w.siteSlash, nil}, {"GET", w.siteSlash + "/bai-moi", nil}, {"GET", w.siteSlash + "/phan-hoi", nil}, {"GET", art, nil},
			{"POST", w.siteSlash + "/bai-moi", url.Values{"category": {"news"}, "headline": {"x"}, "body": {"y"}}},
			{"POST", art, url.Values{"category": {"news"}, "headline": {"x"}, "body": {"y"}, "version": {"1"}}},
			{"POST", art + "/gui", url.Values{"version": {"1"}}}, {"POST", art + "/dang", url.Values{"version": {"1"}}},
			{"POST", art + "/go", url.Values{"version": {"1"}}}, {"POST", art + "/tra-lai", url.Values{"version": {"1"}}},
			{"POST", fb, url.Values{"decision": {"approve"}}},
			{"POST", "/bien-tap", url.Values{"unit": {strconv.FormatInt(w.Units.LangSon.ID, 10)}, "slug": {"khac"}, "name": {"Khác"}}},
		}
		if _, err := w.store.SendFeedback(w.ctx, w.site.ID, portal.FeedbackInput{Name: "A", Email: "a@example.vn", Body: "B", Addr: "192.0.2.50"}); err != nil {
			t.Fatal(err)
		}
		clients := map[string]*webtest.Client{"officer.st": w.As("officer.st"), "leader.st": w.As("leader.st")}
		v := w.As("viewer.ls")
		before := w.Snapshot("sessions")
		for _, who := range []string{"officer.st", "leader.st"} {
			c := clients[who]
			for _, rq := range reqs {
				var res *http.Response
				if rq.method == "GET" {
					res = c.Get(rq.path)
				} else {
					res = c.Post(rq.path, rq.form)
				}
				if res.StatusCode != http.StatusNotFound && res.StatusCode != http.StatusForbidden {
					t.Errorf("%s %s %s: %d", who, rq.method, rq.path, res.StatusCode)
				}
			}
		}
		// The viewer reads but writes nothing.
		for _, rq := range reqs {
			if rq.method == "POST" {
				if res := v.Post(rq.path, rq.form); res.StatusCode != http.StatusForbidden && res.StatusCode != http.StatusNotFound {
					t.Errorf("viewer %s: %d", rq.path, res.StatusCode)
				}
			}
		}
		// A visitor is sent to sign in.
		anon := w.Anon()
		for _, rq := range reqs {
			if rq.method == "GET" {
				if res := anon.Get(rq.path); res.StatusCode != http.StatusSeeOther || !strings.HasPrefix(res.Header.Get("Location"), "/dang-nhap") {
					t.Errorf("visitor %s: %d", rq.path, res.StatusCode)
				}
			}
		}
		w.Unchanged("out-of-scope requests", before, "sessions")
		// A draft's image is not public.
		if res := anon.Get("/trang/lang-son/anh/999/320"); res.StatusCode != http.StatusNotFound {
			t.Errorf("unknown image: %d", res.StatusCode)
		}
	})
}

type parsedFeed struct {
	Title string
	Items []parsedItem
}

type parsedItem struct {
	Title, Link string
	PubDate     time.Time
}

// parseRSS reads an RSS 2.0 document strictly: well-formed XML, the
// required channel elements, and every item's date in RFC 822 form.
func parseRSS(t *testing.T, body string) parsedFeed {
	t.Helper()
	var doc struct {
		XMLName xml.Name `xml:"rss"`
		Version string   `xml:"version,attr"`
		Channel struct {
			Title string `xml:"title"`
			Links []struct {
				XMLName xml.Name
				Href    string `xml:"href,attr"`
				Value   string `xml:",chardata"`
			} `xml:"link"`
			Description string `xml:"description"`
			Items       []struct {
				Title   string `xml:"title"`
				Link    string `xml:"link"`
				GUID    string `xml:"guid"`
				PubDate string `xml:"pubDate"`
			} `xml:"item"`
		} `xml:"channel"`
	}
	dec := xml.NewDecoder(strings.NewReader(body))
	dec.Strict = true
	if err := dec.Decode(&doc); err != nil {
		t.Fatalf("rss is not well-formed: %v", err)
	}
	c := doc.Channel
	var link, self string
	for _, l := range c.Links {
		switch l.XMLName.Space {
		case "":
			link = l.Value
		case "http://www.w3.org/2005/Atom":
			self = l.Href
		}
	}
	if doc.Version != "2.0" || c.Title == "" || link == "" || !strings.HasSuffix(self, "/rss.xml") || c.Description == "" {
		t.Fatalf("rss channel lacks a required element: %+v", c)
	}
	out := parsedFeed{Title: c.Title}
	for _, it := range c.Items {
		d, err := time.Parse(time.RFC1123Z, it.PubDate)
		if err != nil || it.Title == "" || it.Link == "" || it.GUID != it.Link {
			t.Fatalf("rss item: %+v (%v)", it, err)
		}
		out.Items = append(out.Items, parsedItem{Title: it.Title, Link: it.Link, PubDate: d})
	}
	return out
}

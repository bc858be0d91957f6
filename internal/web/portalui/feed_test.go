package portalui_test

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/mmcdole/gofeed"

	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/portal"
	"github.com/danvan/danvan/internal/web/webtest"
)

// TestAtom: the feeds of every site, of a site and of a section are Atom
// 1.0 that a feed reader parses, with what is live and nothing else.
func TestAtom(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := newWorld(t, d)
		parse := func(path string) *gofeed.Feed {
			t.Helper()
			res := w.Anon().Get(path)
			body := webtest.Body(t, res)
			if res.StatusCode != http.StatusOK || !strings.HasPrefix(res.Header.Get("Content-Type"), "application/atom+xml") {
				t.Fatalf("%s: %d %s", path, res.StatusCode, res.Header.Get("Content-Type"))
			}
			f, err := gofeed.NewParser().ParseString(body)
			if err != nil {
				t.Fatalf("%s: %v\n%s", path, err, body)
			}
			if f.FeedType != "atom" || f.FeedVersion != "1.0" || f.Title == "" || f.UpdatedParsed == nil || f.FeedLink == "" {
				t.Fatalf("%s: not a complete Atom 1.0 feed: %+v", path, f)
			}
			for _, it := range f.Items {
				if it.GUID == "" || it.Title == "" || it.Link == "" || it.UpdatedParsed == nil || it.PublishedParsed == nil {
					t.Fatalf("%s: entry lacks a required element: %+v", path, it)
				}
				if strings.Contains(it.Title, w.draft.Headline) {
					t.Fatalf("%s: a draft is in the feed", path)
				}
			}
			return f
		}
		site := parse("/trang/lang-son/atom.xml")
		if site.Title != w.site.Name || len(site.Items) != 2 || site.Items[0].Title != w.model.Headline ||
			!strings.HasSuffix(site.Items[1].Link, articlePath(w.first)) || site.Items[1].Description != w.first.Lead {
			t.Fatalf("site feed: %+v", site.Items)
		}
		news := parse("/trang/lang-son/atom/tin-tuc")
		if len(news.Items) != 1 || news.Items[0].Title != w.first.Headline || len(news.Items[0].Categories) != 1 || news.Items[0].Categories[0] != "Tin tức – Sự kiện" {
			t.Fatalf("news feed: %d %+v", len(news.Items), news.Items[0])
		}
		all := parse("/trang/atom.xml")
		if len(all.Items) != 2 || all.Items[0].Authors[0].Name != w.site.Name {
			t.Fatalf("national feed: %+v", all.Items)
		}
		if res := w.Anon().Get("/trang/lang-son/atom/khong-co"); res.StatusCode != http.StatusNotFound {
			t.Fatalf("unknown section: %d", res.StatusCode)
		}
		home := webtest.Doc(t, w.Anon().Get("/trang/lang-son"))
		if href, _ := home.Find(`link[type="application/atom+xml"]`).Attr("href"); href != "/trang/lang-son/atom.xml" {
			t.Fatalf("the home names its feed as %q", href)
		}
	})
}

// TestRobotsAndHost: robots.txt names the sitemaps and keeps crawlers
// off the signed-in pages; a site's own host name serves its portal at /.
func TestRobotsAndHost(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := newWorld(t, d)
		res := w.Anon().Get("/robots.txt")
		robots := webtest.Body(t, res)
		for _, want := range []string{"User-agent: *", "Allow: /trang", "Allow: /don-vi\n", "Allow: /dang-nhap\n", "Disallow: /\n", "Sitemap: http://example.com/trang/sitemap.xml"} {
			if !strings.Contains(robots, want) {
				t.Fatalf("robots.txt lacks %q:\n%s", want, robots)
			}
		}
		idx := webtest.Body(t, w.Anon().Get("/trang/sitemap.xml"))
		if !strings.Contains(idx, "<sitemapindex") || !strings.Contains(idx, "<loc>http://example.com/trang/lang-son/sitemap.xml</loc>") {
			t.Fatalf("sitemap index: %s", idx)
		}

		get := func(url string) *http.Response {
			return w.Anon().Do(httptest.NewRequest(http.MethodGet, url, nil))
		}
		// A host no site has is the application's.
		if res := get("http://bdv.other.example/"); res.StatusCode == http.StatusOK && strings.Contains(webtest.Body(t, res), w.first.Headline) {
			t.Fatal("an unknown host serves the site")
		}
		st := w.site
		in := portal.SiteInput{UnitID: st.UnitID, Slug: st.Slug, Host: "bdv.langson.example", Name: st.Name, NameEN: st.NameEN, Address: st.Address,
			Phone: st.Phone, Email: st.Email, Editor: st.Editor, About: st.About, AboutEN: st.AboutEN, Version: st.Version}
		if _, err := w.store.UpdateSite(w.ctx, w.Principal("admin"), w.site.ID, in); err != nil {
			t.Fatal(err)
		}
		w2 := w.Site
		home := get2(t, w2, "http://bdv.langson.example/")
		if !strings.Contains(home, w.first.Headline) {
			t.Fatalf("the host's / is not the site's home:\n%.400s", home)
		}
		art := get2(t, w2, "http://bdv.langson.example:8080/"+w.first.Category.Slug()+"/"+w.first.Slug)
		if !strings.Contains(art, w.first.Headline) || !strings.Contains(art, "Đồng chí Nguyễn Văn A") {
			t.Fatal("the host's article path is not the article")
		}
		if !strings.Contains(get2(t, w2, "http://bdv.langson.example/trang/lang-son/lien-he"), w.site.Address) {
			t.Fatal("the site's /trang paths are not served under its host")
		}
		if r := get2(t, w2, "http://bdv.langson.example/robots.txt"); !strings.Contains(r, "Sitemap: http://bdv.langson.example/trang/lang-son/sitemap.xml") || !strings.Contains(r, "Allow: /\n") {
			t.Fatalf("the host's robots.txt:\n%s", r)
		}
		// Another host still gets the application's own home.
		if strings.Contains(get2(t, w2, "http://example.com/"), w.first.Headline) {
			t.Fatal("the default host serves the site at /")
		}
	})
}

func get2(t *testing.T, s *webtest.Site, url string) string {
	t.Helper()
	res := s.Anon().Do(httptest.NewRequest(http.MethodGet, url, nil))
	if res.StatusCode != http.StatusOK {
		t.Fatalf("%s: %d", url, res.StatusCode)
	}
	return webtest.Body(t, res)
}

package web_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/blob"
	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/demo"
	"github.com/danvan/danvan/internal/org"
	"github.com/danvan/danvan/internal/web"
)

// crawlPages bounds the pages one role's crawl opens, and crawlPerShape
// the pages of one shape (the path with its numbers blanked and the names
// of its query): enough to reach every kind of page the demo has.
const (
	crawlPages    = 400
	crawlPerShape = 3
)

var digits = regexp.MustCompile(`[0-9]+`)

// shape is a link's kind: /bao-cao/1816?ky=… and /bao-cao/17?ky=… are one.
func shape(u *url.URL) string {
	keys := make([]string, 0, len(u.Query()))
	for k := range u.Query() {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return digits.ReplaceAllString(u.Path, "N") + "?" + strings.Join(keys, "&")
}

// TestCrawlEveryRole signs in as each demo account on the small demo and
// follows every link of every page it reaches (bounded): no link a user
// is shown may answer 403, 404 or 500, and every file input a page shows
// carries its size bound (data-max) so the browser checks a file before
// sending it. SQLite only: the links are the
// same on PostgreSQL and the demo takes a while to build.
func TestCrawlEveryRole(t *testing.T) {
	if testing.Short() {
		t.Skip("the crawl builds the whole demo")
	}
	ctx := context.Background()
	d := dbtest.Open(t, "sqlite")
	if err := demo.GenerateAll(ctx, d, demo.Options{Scale: demo.Small, Seed: 1}, nil); err != nil {
		t.Fatal(err)
	}
	cfg := auth.Config{Password: auth.TestPasswordParams}
	units := org.NewStore(d)
	accounts, err := auth.DemoAccounts(ctx, auth.NewStore(d, units, cfg), units)
	if err != nil {
		t.Fatal(err)
	}
	files, err := blob.Open(ctx, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	srv, err := web.New(web.Config{DB: d, Auth: cfg, Files: files, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv)
	defer ts.Close()
	for _, a := range accounts {
		t.Run(string(a.Role), func(t *testing.T) {
			crawl(t, ts.URL, a)
		})
	}
}

func crawl(t *testing.T, base string, a auth.DemoAccount) {
	jar, _ := cookiejar.New(nil)
	c := &http.Client{Jar: jar}
	get := func(path string) (*http.Response, *goquery.Document) {
		res, err := c.Get(base + path)
		if err != nil {
			t.Fatalf("GET %s: %v", path, err)
		}
		defer res.Body.Close()
		if !strings.HasPrefix(res.Header.Get("Content-Type"), "text/html") {
			io.Copy(io.Discard, res.Body)
			return res, nil
		}
		doc, err := goquery.NewDocumentFromReader(res.Body)
		if err != nil {
			t.Fatalf("GET %s: %v", path, err)
		}
		return res, doc
	}
	_, doc := get("/dang-nhap")
	csrf := doc.Find(`input[name="csrf"]`).AttrOr("value", "")
	res, err := c.PostForm(base+"/dang-nhap", url.Values{"csrf": {csrf}, "login": {a.Login}, "password": {a.Password}, "tiep": {"/"}})
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if jar.Cookies(res.Request.URL) == nil || strings.HasSuffix(res.Request.URL.Path, "/dang-nhap") {
		t.Fatalf("%s could not sign in (%d at %s)", a.Login, res.StatusCode, res.Request.URL)
	}
	type link struct{ path, from string }
	queue := []link{{"/", "sign-in"}}
	seen := map[string]bool{"/": true}
	shapes := map[string]int{}
	var broken []string
	opened, files := 0, 0
	for len(queue) > 0 && opened < crawlPages {
		l := queue[0]
		queue = queue[1:]
		opened++
		res, doc := get(l.path)
		switch res.StatusCode {
		case http.StatusForbidden, http.StatusNotFound, http.StatusInternalServerError:
			broken = append(broken, fmt.Sprintf("%d %s (linked from %s)", res.StatusCode, l.path, l.from))
		}
		if doc == nil || res.StatusCode != http.StatusOK {
			continue
		}
		doc.Find(`input[type="file"]`).Each(func(_ int, s *goquery.Selection) {
			files++
			if n, err := strconv.ParseInt(s.AttrOr("data-max", ""), 10, 64); err != nil || n <= 0 {
				broken = append(broken, fmt.Sprintf("file input %q on %s has no size bound (data-max %q)", s.AttrOr("name", ""), l.path, s.AttrOr("data-max", "")))
			}
		})
		doc.Find("a[href]").Each(func(_ int, s *goquery.Selection) {
			href := s.AttrOr("href", "")
			u, err := url.Parse(href)
			if err != nil || u.Host != "" || u.Scheme != "" || !strings.HasPrefix(u.Path, "/") {
				return
			}
			u.Fragment = ""
			p := u.RequestURI()
			if seen[p] || strings.HasPrefix(p, "/static/") {
				return
			}
			seen[p] = true
			sh := shape(u)
			if shapes[sh] >= crawlPerShape {
				return
			}
			shapes[sh]++
			queue = append(queue, link{p, l.path})
		})
	}
	t.Logf("%s: opened %d pages of %d shapes, %d file inputs", a.Login, opened, len(shapes), files)
	for _, b := range broken {
		t.Errorf("%s: %s", a.Login, b)
	}
}

// TestFileInputsBounded reads every page template: a file input without
// data-max would let a phone send a whole file before hearing it is too
// large. The crawl checks the pages the demo reaches; this checks the
// ones it may not (an editor's pages, a form shown only after an error).
func TestFileInputsBounded(t *testing.T) {
	files, err := filepath.Glob("*/templates/*.html")
	if err != nil {
		t.Fatal(err)
	}
	more, err := filepath.Glob("*/templates/*/*.html")
	if err != nil {
		t.Fatal(err)
	}
	files = append(files, more...)
	inputs := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, tag := range fileInput.FindAllString(string(data), -1) {
			inputs++
			if !strings.Contains(tag, "data-max=") {
				t.Errorf("%s: %s has no data-max", f, tag)
			}
		}
	}
	if inputs < 10 {
		t.Errorf("found %d file inputs in %d templates; the glob no longer reaches them", inputs, len(files))
	}
}

var fileInput = regexp.MustCompile(`<input[^>]*type="file"[^>]*>`)

package web_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/web/webtest"
)

// TestPageHead: every page names an icon that answers (no 404 for
// /favicon.ico on a first visit) and carries a description for search
// engines.
func TestPageHead(t *testing.T) {
	s := webtest.New(t, dbtest.Open(t, "sqlite"))
	for _, path := range []string{"/", "/dang-nhap", "/don-vi"} {
		page := webtest.Doc(t, s.Anon().Get(path))
		if d := page.Find(`meta[name="description"]`).AttrOr("content", ""); len(d) < 50 {
			t.Errorf("%s: description %q", path, d)
		}
		icon := page.Find(`link[rel="icon"]`).AttrOr("href", "")
		if icon == "" {
			t.Fatalf("%s: no icon", path)
		}
		res := s.Anon().Get(icon)
		body := webtest.Body(t, res)
		if res.StatusCode != http.StatusOK || !strings.HasPrefix(res.Header.Get("Content-Type"), "image/svg+xml") || !strings.Contains(body, "<svg") {
			t.Errorf("%s: icon %s = %d %s", path, icon, res.StatusCode, res.Header.Get("Content-Type"))
		}
	}
}

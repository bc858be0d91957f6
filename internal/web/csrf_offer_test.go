package web_test

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"testing"

	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/web/webtest"
)

// TestCSRFTokenOffered checks when an anonymous browser gets its form
// token: not with a response that renders no page (a health check, a
// stylesheet), but with the first page rendered, whose forms carry the
// token the cookie holds; the next page keeps it, and a sign-in with it
// goes through while one without it is refused.
func TestCSRFTokenOffered(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s := webtest.New(t, d)
		c := s.Anon()
		if res := c.Get("/healthz"); res.StatusCode != http.StatusOK || len(res.Cookies()) != 0 {
			t.Errorf("/healthz: %d, cookies %v", res.StatusCode, res.Cookies())
		}
		res := c.Get("/dang-nhap")
		tok := c.Cookie("danvan_csrf")
		form, _ := webtest.Doc(t, res).Find(`input[name=csrf]`).Attr("value")
		if res.StatusCode != http.StatusOK || len(tok) != 32 || form != tok {
			t.Fatalf("sign-in page: %d, cookie %q, form %q", res.StatusCode, tok, form)
		}
		res = c.Get("/dang-nhap")
		form, _ = webtest.Doc(t, res).Find(`input[name=csrf]`).Attr("value")
		if len(res.Cookies()) != 0 || form != tok {
			t.Errorf("again: cookies %v, form %q (want %q)", res.Cookies(), form, tok)
		}
		if res := c.Post("/dang-nhap", url.Values{"csrf": {"0123456789abcdef0123456789abcdef"}, "login": {"x"}, "password": {"y"}}); res.StatusCode != http.StatusForbidden {
			t.Errorf("another token: %d", res.StatusCode)
		}
		if res := c.Post("/dang-nhap", url.Values{"csrf": {tok}, "login": {"x"}, "password": {"y"}}); res.StatusCode == http.StatusForbidden {
			t.Errorf("the page's token refused: %d", res.StatusCode)
		}
		// A cookie of the wrong length is replaced by a good one.
		req := httptest.NewRequest(http.MethodGet, "/dang-nhap", nil)
		req.AddCookie(&http.Cookie{Name: "danvan_csrf", Value: "short"})
		rec := httptest.NewRecorder()
		s.Srv.ServeHTTP(rec, req)
		form, _ = webtest.Doc(t, rec.Result()).Find(`input[name=csrf]`).Attr("value")
		var got string
		for _, ck := range rec.Result().Cookies() {
			if ck.Name == "danvan_csrf" {
				got = ck.Value
			}
		}
		if len(got) != 32 || form != got {
			t.Errorf("a short cookie: now %q, form %q", got, form)
		}
	})
}

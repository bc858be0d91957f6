package accountui_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/pquerna/otp/totp"

	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/web"
	"github.com/danvan/danvan/internal/web/webtest"
)

// TestTwoFactorPages: an administrator who has not set up a second step
// is sent to the enrolment page from every page; the page shows a QR
// code and the key, keeps them after a wrong code, and shows ten recovery
// codes once a right one turns it on. Signing in then asks for the code
// after the password; a wrong code keeps the user on the second step.
func TestTwoFactorPages(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s := webtest.New(t, d, webtest.Configure(func(c *web.Config) { c.Auth.AdminsWithoutTwoFactor = false }))
		s.AddUser("quantri", auth.RoleAdmin, s.Units.LangSon.ID)
		c := s.As("quantri")
		res := c.Get("/don-vi")
		if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/tai-khoan/hai-buoc" {
			t.Fatalf("an admin without a second step: %d → %q", res.StatusCode, res.Header.Get("Location"))
		}
		page := webtest.Doc(t, c.Get("/tai-khoan/hai-buoc"))
		if !strings.Contains(page.Find(".notice.error").Text(), "bắt buộc") {
			t.Error("the enrolment page does not say it is required")
		}
		// Every other page sends this client here: its forms' token is
		// read from this page.
		csrf, _ := page.Find("input[name=csrf]").Attr("value")
		page = webtest.Doc(t, c.Post("/tai-khoan/hai-buoc/bat", url.Values{"csrf": {csrf}}))
		src, _ := page.Find("img").Attr("src")
		secret := strings.TrimSpace(page.Find("code.secret").Text())
		if !strings.HasPrefix(src, "data:image/png;base64,") || len(secret) < 32 {
			t.Fatalf("enrolment: img %.40q, key %q", src, secret)
		}
		res = c.Post("/tai-khoan/hai-buoc/xac-nhan", url.Values{"csrf": {csrf}, "code": {"000000"}})
		page = webtest.Doc(t, res)
		if res.StatusCode != http.StatusBadRequest || strings.TrimSpace(page.Find("code.secret").Text()) != secret ||
			!strings.Contains(page.Find(".field-error").Text(), "không đúng") {
			t.Fatalf("wrong first code: %d, key %q", res.StatusCode, page.Find("code.secret").Text())
		}
		code := func() string {
			t.Helper()
			c, err := totp.GenerateCode(secret, s.Now())
			if err != nil {
				t.Fatal(err)
			}
			return c
		}
		page = webtest.Doc(t, c.Post("/tai-khoan/hai-buoc/xac-nhan", url.Values{"csrf": {csrf}, "code": {code()}}))
		if n := page.Find("ol.codes li").Length(); n != 10 {
			t.Fatalf("%d recovery codes shown, want 10", n)
		}
		if res := c.Get("/don-vi"); res.StatusCode != http.StatusOK {
			t.Fatalf("after enrolling: /don-vi = %d", res.StatusCode)
		}

		// Signing in: the password, then the code (of the next 30 s: the
		// one just used is spent).
		s.SetNow(s.Now().Add(30 * time.Second))
		a := s.Anon()
		res = a.Post("/dang-nhap", url.Values{"login": {"quantri"}, "password": {webtest.Password}, "tiep": {"/don-vi"}})
		if res.StatusCode != http.StatusSeeOther || !strings.HasPrefix(res.Header.Get("Location"), "/dang-nhap/xac-thuc") ||
			a.Cookie("danvan_session") != "" || a.Cookie("danvan_2fa") == "" {
			t.Fatalf("password step: %d → %q, session %q", res.StatusCode, res.Header.Get("Location"), a.Cookie("danvan_session"))
		}
		if res := a.Get(res.Header.Get("Location")); res.StatusCode != http.StatusOK {
			t.Fatalf("second step form: %d", res.StatusCode)
		}
		res = a.Post("/dang-nhap/xac-thuc", url.Values{"code": {"111111"}, "tiep": {"/don-vi"}})
		if res.StatusCode != http.StatusBadRequest || a.Cookie("danvan_session") != "" {
			t.Fatalf("wrong code: %d", res.StatusCode)
		}
		res = a.Post("/dang-nhap/xac-thuc", url.Values{"code": {code()}, "tiep": {"/don-vi"}})
		if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/don-vi" || a.Cookie("danvan_session") == "" {
			t.Fatalf("right code: %d → %q", res.StatusCode, res.Header.Get("Location"))
		}
		if res := a.Get("/don-vi"); res.StatusCode != http.StatusOK {
			t.Fatalf("signed in with two steps: /don-vi = %d", res.StatusCode)
		}
		// Without the challenge cookie the second step sends to sign-in.
		if res := s.Anon().Get("/dang-nhap/xac-thuc"); res.StatusCode != http.StatusSeeOther {
			t.Errorf("second step without a password first: %d", res.StatusCode)
		}
	})
}

package accountui_test

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
	"github.com/danvan/danvan/internal/web/webtest"
)

const pw = webtest.Password

func TestSignInAndOut(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s := webtest.NewWithStaff(t, d)
		c := s.Anon()
		tok := c.CSRF()
		if tok == "" {
			t.Fatal("sign-in form has no csrf token")
		}
		res := c.Post("/dang-nhap", url.Values{"csrf": {tok}, "login": {"Officer.ChiLang"}, "password": {pw}, "tiep": {"/don-vi"}})
		if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/don-vi" {
			t.Fatalf("sign-in: %d → %q", res.StatusCode, res.Header.Get("Location"))
		}
		if c.Cookie("danvan_session") == "" {
			t.Fatal("no session cookie after sign-in")
		}
		page := webtest.Doc(t, c.Get("/"))
		if !strings.Contains(page.Find("h1").Text(), "Cán bộ officer.chilang") {
			t.Errorf("home h1 = %q", page.Find("h1").Text())
		}
		// Sign out: the session row goes, the cookie goes.
		sessions := s.Count("sessions")
		res = c.Post("/dang-xuat", nil)
		if res.StatusCode != http.StatusSeeOther || c.Cookie("danvan_session") != "" {
			t.Fatalf("sign-out: %d, cookie %q", res.StatusCode, c.Cookie("danvan_session"))
		}
		if got := s.Count("sessions"); got != sessions-1 {
			t.Errorf("sessions after sign-out = %d, want %d", got, sessions-1)
		}
		if !strings.Contains(webtest.Doc(t, c.Get("/dang-nhap")).Find(".flash").Text(), "đã đăng xuất") {
			t.Error("no flash after sign-out")
		}
		// An open redirect is refused.
		c2 := s.Anon()
		res = c2.Post("/dang-nhap", url.Values{"login": {"admin"}, "password": {pw}, "tiep": {"//evil.example/x"}})
		if res.Header.Get("Location") != "/" {
			t.Errorf("redirect after sign-in to %q", res.Header.Get("Location"))
		}
	})
}

func TestSignInRefusals(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s := webtest.NewWithStaff(t, d)
		c := s.Anon()
		tok := c.CSRF()
		sessions := s.Count("sessions")

		// Wrong password: 401, the message, the login kept, no password echoed.
		res := c.Post("/dang-nhap", url.Values{"csrf": {tok}, "login": {"admin"}, "password": {"sai-mat-khau-123"}})
		status := res.StatusCode
		body := webtest.Body(t, res)
		page, err := goquery.NewDocumentFromReader(strings.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		if status != http.StatusUnauthorized || !strings.Contains(page.Find("[role=alert]").Text(), "không đúng") {
			t.Errorf("wrong password: %d %q", status, page.Find("[role=alert]").Text())
		}
		if v, _ := page.Find("#login").Attr("value"); v != "admin" {
			t.Errorf("login not kept: %q", v)
		}
		if strings.Contains(body, "sai-mat-khau-123") {
			t.Error("the typed password is echoed in the page")
		}
		// Without the token, and cross-origin: refused before any check.
		if res := c.Post("/dang-nhap", url.Values{"csrf": {""}, "login": {"admin"}, "password": {pw}}); res.StatusCode != http.StatusForbidden {
			t.Errorf("POST without csrf token = %d", res.StatusCode)
		}
		if res := c.Post("/dang-nhap", url.Values{"csrf": {tok}, "login": {"admin"}, "password": {pw}},
			"Sec-Fetch-Site", "cross-site"); res.StatusCode != http.StatusForbidden {
			t.Errorf("cross-site POST = %d", res.StatusCode)
		}
		if res := c.Post("/dang-nhap", url.Values{"csrf": {tok}, "login": {"admin"}, "password": {pw}},
			"Origin", "https://evil.example"); res.StatusCode != http.StatusForbidden {
			t.Errorf("POST from another origin = %d", res.StatusCode)
		}
		// A disabled account cannot sign in.
		if res := c.Post("/dang-nhap", url.Values{"csrf": {tok}, "login": {"disabled"}, "password": {pw}}); res.StatusCode != http.StatusUnauthorized {
			t.Errorf("disabled account sign-in = %d", res.StatusCode)
		}
		if got := s.Count("sessions"); got != sessions {
			t.Errorf("refused sign-ins started %d sessions", got-sessions)
		}
		// Throttling: after 5 failures (one above), the 6th attempt is
		// refused even with the right password.
		for i := 0; i < 4; i++ {
			c.Post("/dang-nhap", url.Values{"csrf": {tok}, "login": {"admin"}, "password": {"sai-mat-khau-123"}}).Body.Close()
		}
		res = c.Post("/dang-nhap", url.Values{"csrf": {tok}, "login": {"admin"}, "password": {pw}})
		status = res.StatusCode
		page = webtest.Doc(t, res)
		if status != http.StatusUnauthorized || !strings.Contains(page.Find("[role=alert]").Text(), "quá nhiều lần") {
			t.Errorf("6th attempt: %d %q", status, page.Find("[role=alert]").Text())
		}
		// Passwords never reach the log.
		if logs := s.Logs(); strings.Contains(logs, pw) || strings.Contains(logs, "sai-mat-khau-123") {
			t.Error("a password appears in the log")
		}
	})
}

func TestSessionEnds(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s := webtest.NewWithStaff(t, d)
		// Idle too long: the cookie is cleared and the user is a visitor.
		c := s.As("officer.chilang")
		s.SetNow(s.Now().Add(9 * time.Hour))
		res := c.Get("/tai-khoan/mat-khau")
		if res.StatusCode != http.StatusSeeOther || !strings.HasPrefix(res.Header.Get("Location"), "/dang-nhap") {
			t.Errorf("expired session: %d → %q", res.StatusCode, res.Header.Get("Location"))
		}
		if c.Cookie("danvan_session") != "" {
			t.Error("expired session cookie kept")
		}
		// Disabled while signed in: the next request is anonymous.
		c = s.As("officer.dongdang")
		u := s.User("officer.dongdang")
		cur, err := s.Auth.User(context.Background(), auth.System(), u.ID)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.Auth.SetActive(context.Background(), auth.System(), u.ID, cur.Version, false); err != nil {
			t.Fatal(err)
		}
		if res := c.Get("/tai-khoan/mat-khau"); res.StatusCode != http.StatusSeeOther {
			t.Errorf("disabled user's session still works: %d", res.StatusCode)
		}
	})
}

func TestChangePassword(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s := webtest.NewWithStaff(t, d)
		c := s.As("leader.langson")
		other := s.As("leader.langson") // the same user on another device
		// Mismatch: 400, nothing changes.
		res := c.Post("/tai-khoan/mat-khau", url.Values{"old": {pw}, "new": {"mat-khau-moi-2026"}, "confirm": {"khac-hoan-toan"}})
		status := res.StatusCode
		if status != http.StatusBadRequest || !strings.Contains(webtest.Doc(t, res).Find(".field-error").Text(), "không khớp") {
			t.Errorf("mismatch: %d", status)
		}
		// Wrong old password.
		res = c.Post("/tai-khoan/mat-khau", url.Values{"old": {"khong-dung-1234"}, "new": {"mat-khau-moi-2026"}, "confirm": {"mat-khau-moi-2026"}})
		if res.StatusCode != http.StatusBadRequest {
			t.Errorf("wrong old password: %d", res.StatusCode)
		}
		res = c.Post("/tai-khoan/mat-khau", url.Values{"old": {pw}, "new": {"mat-khau-moi-2026"}, "confirm": {"mat-khau-moi-2026"}})
		if res.StatusCode != http.StatusSeeOther {
			t.Fatalf("change: %d", res.StatusCode)
		}
		// This browser goes on with a new session; the other device is out.
		if res := c.Get("/tai-khoan/mat-khau"); res.StatusCode != 200 {
			t.Errorf("own session after change: %d", res.StatusCode)
		}
		if res := other.Get("/tai-khoan/mat-khau"); res.StatusCode != http.StatusSeeOther {
			t.Errorf("other device still signed in: %d", res.StatusCode)
		}
		var audits int
		if err := d.QueryRowContext(context.Background(), "SELECT COUNT(*) FROM audit_log WHERE before_json LIKE ? OR after_json LIKE ?",
			"%mat-khau-moi%", "%mat-khau-moi%").Scan(&audits); err != nil || audits != 0 {
			t.Errorf("the new password is in the audit log (%d rows, %v)", audits, err)
		}
	})
}

// TestAPIMe: /api/v1/me answers a valid token with its owner's account,
// and refuses a visitor, a bad or revoked token and a session cookie.
func TestAPIMe(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s := webtest.NewWithStaff(t, d)
		ctx := context.Background()
		officer := s.Token("officer.chilang")
		tok, admin, err := s.Auth.CreateToken(ctx, auth.System(), s.User("admin").ID, "máy chủ")
		if err != nil {
			t.Fatal(err)
		}
		for _, tt := range []struct {
			name, token string
			status      int
			code        string
		}{
			{"anonymous", "", 401, "unauthorized"},
			{"bad token", "dv_nope", 401, "unauthorized"},
			{"me", officer, 200, ""},
		} {
			status, body := s.API("GET", "/api/v1/me", tt.token, nil)
			if status != tt.status || webtest.ErrorCode(body) != tt.code {
				t.Errorf("%s: %d %v, want %d %q", tt.name, status, body, tt.status, tt.code)
			} else if tt.code == "" && body["login"] != "officer.chilang" {
				t.Errorf("me = %v", body)
			}
		}
		// A revoked token stops working.
		if err := s.Auth.RevokeToken(ctx, auth.System(), tok.ID); err != nil {
			t.Fatal(err)
		}
		if status, _ := s.API("GET", "/api/v1/me", admin, nil); status != 401 {
			t.Errorf("revoked token: %d", status)
		}
		// Cookies do not authenticate the API.
		if res := s.As("admin").Get("/api/v1/me"); res.StatusCode != 401 {
			t.Errorf("session cookie on the API: %d", res.StatusCode)
		}
	})
}

// TestAccountRoutesOutOfScope: the account pages act on the signed-in
// user's own account only (they take no account or unit from the
// request). Walked as another user, with forms that name someone else,
// every route shows nothing of that account and changes nothing of it.
func TestAccountRoutesOutOfScope(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s := webtest.NewWithStaff(t, d)
		victim := s.As("officer.chilang")
		c := s.As("officer.dongdang")
		token := s.Token("officer.dongdang")
		// Sessions, sign-in failures, the log and the token's last use are
		// the visitor's own traces; accounts and roles must not move.
		before := s.Snapshot("sessions", "login_failures", "audit_log", "api_tokens")
		form := url.Values{"login": {"officer.chilang"}, "password": {"đoán-mò-mật-khẩu"}, "old": {"đoán-mò-mật-khẩu"},
			"new": {"mat-khau-moi-2026"}, "confirm": {"mat-khau-moi-2026"}, "user_id": {itoa(s.User("officer.chilang").ID)}}
		routes := s.Routes("/dang-nhap", "/dang-xuat", "/tai-khoan/mat-khau", "/tai-khoan/hai-buoc", "/api/v1/me")
		if len(routes) != 13 {
			t.Fatalf("routes = %v", routes)
		}
		for _, p := range routes {
			method, path := s.Fill(p)
			var res *http.Response
			switch {
			case strings.HasPrefix(path, "/api/"):
				res = s.APIResponse(method, path, token, nil)
			case method == "GET":
				res = c.Get(path + "?user_id=" + itoa(s.User("officer.chilang").ID))
			case path == "/dang-xuat":
				continue // signs the visitor out of their own session: below
			case path == "/tai-khoan/hai-buoc/bat":
				continue // starts the visitor's own enrolment (TestTwoFactorPages)
			default:
				res = c.Post(path, form)
			}
			body := webtest.Body(t, res)
			if res.StatusCode >= 500 || strings.Contains(body, "Cán bộ officer.chilang") {
				t.Errorf("%s as another user = %d, or shows the other account", p, res.StatusCode)
			}
		}
		c.Post("/dang-xuat", nil).Body.Close()
		s.Unchanged("requests about another account", before, "sessions", "login_failures", "audit_log", "api_tokens")
		if res := victim.Get("/tai-khoan/mat-khau"); res.StatusCode != http.StatusOK {
			t.Errorf("the other account's session ended: %d", res.StatusCode)
		}
		if _, err := s.Auth.Login(context.Background(), auth.LoginRequest{Login: "officer.chilang", Password: pw, Addr: "192.0.2.50"}); err != nil {
			t.Errorf("the other account's password changed: %v", err)
		}
	})
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

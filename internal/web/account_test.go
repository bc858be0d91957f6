package web_test

import (
	"bytes"
	"context"
	"encoding/json"
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

	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/blob"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/fixture"
	"github.com/danvan/danvan/internal/org"
	"github.com/danvan/danvan/internal/web"
	"github.com/danvan/danvan/internal/web/kit"
)

const testPassword = "Mật-khẩu-thử-2026"

// site is a server on the fixture tree with a few accounts, a clock the
// test moves, and a log it can read.
type site struct {
	t     *testing.T
	db    *db.DB
	srv   *web.Server
	units *fixture.Units
	auth  *auth.Store
	clock time.Time
	logs  *bytes.Buffer
	users map[string]auth.User
}

func newSite(t *testing.T, d *db.DB) *site {
	t.Helper()
	return newSiteWith(t, d, nil)
}

// testBucket opens a file bucket in a folder of the test's own.
func testBucket(t *testing.T) *blob.Bucket {
	t.Helper()
	b, err := blob.Open(context.Background(), t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// newSiteWith is newSite with a chance to change the server's Config.
func newSiteWith(t *testing.T, d *db.DB, configure func(*web.Config)) *site {
	t.Helper()
	s := &site{t: t, db: d, clock: time.Date(2026, 3, 2, 8, 0, 0, 0, time.UTC), logs: &bytes.Buffer{}, users: map[string]auth.User{}}
	d.SetClock(func() time.Time { return s.clock })
	s.units = fixture.Tree(t, d)
	cfg := auth.Config{Password: auth.TestPasswordParams}
	s.auth = auth.NewStore(d, org.NewStore(d), cfg)
	wc := web.Config{DB: d, Auth: cfg, Now: func() time.Time { return s.clock }, Files: testBucket(t),
		Logger: slog.New(slog.NewJSONHandler(s.logs, &slog.HandlerOptions{Level: slog.LevelDebug}))}
	if configure != nil {
		configure(&wc)
	}
	srv, err := web.New(wc)
	if err != nil {
		t.Fatal(err)
	}
	s.srv = srv
	ctx := context.Background()
	for _, a := range []struct {
		login string
		role  auth.Role
		unit  int64
	}{
		{"admin", auth.RoleAdmin, s.units.Central.ID},
		{"officer.chilang", auth.RoleOfficer, s.units.NewChiLang.ID},
		{"officer.dongdang", auth.RoleOfficer, s.units.NewDongDang.ID},
		{"leader.langson", auth.RoleLeader, s.units.LangSon.ID},
		{"leader.soctrang", auth.RoleLeader, s.units.SocTrang.ID},
		{"disabled", auth.RoleOfficer, s.units.NewChiLang.ID},
	} {
		u, err := s.auth.CreateUser(ctx, auth.System(), auth.NewUser{Login: a.login, Name: "Cán bộ " + a.login, Password: testPassword})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.auth.GrantRole(ctx, auth.System(), u.ID, a.unit, a.role); err != nil {
			t.Fatal(err)
		}
		s.users[a.login] = u
	}
	if _, err := s.auth.SetActive(ctx, auth.System(), s.users["disabled"].ID, s.users["disabled"].Version, false); err != nil {
		t.Fatal(err)
	}
	return s
}

// client is a browser: it keeps cookies and sends same-origin requests.
type client struct {
	s       *site
	cookies map[string]string
}

func (s *site) anon() *client { return &client{s: s, cookies: map[string]string{}} }

// as returns a client signed in as login through a real session.
func (s *site) as(login string) *client {
	s.t.Helper()
	sess, err := s.auth.StartSession(context.Background(), s.users[login].ID, "192.0.2.1", "test")
	if err != nil {
		s.t.Fatal(err)
	}
	c := s.anon()
	c.cookies["danvan_session"] = sess.Token
	return c
}

func (c *client) do(req *http.Request) *http.Response {
	for k, v := range c.cookies {
		req.AddCookie(&http.Cookie{Name: k, Value: v})
	}
	req.RemoteAddr = "192.0.2.1:5000"
	rec := httptest.NewRecorder()
	c.s.srv.ServeHTTP(rec, req)
	res := rec.Result()
	for _, ck := range res.Cookies() {
		if ck.MaxAge < 0 {
			delete(c.cookies, ck.Name)
		} else {
			c.cookies[ck.Name] = ck.Value
		}
	}
	return res
}

func (c *client) get(path string) *http.Response {
	return c.do(httptest.NewRequest(http.MethodGet, path, nil))
}

// csrf is the token the pages give this client for its forms.
func (c *client) csrf() string {
	page := doc(c.s.t, c.get("/tai-khoan/mat-khau"))
	if v, ok := page.Find(`input[name=csrf]`).Attr("value"); ok {
		return v
	}
	page = doc(c.s.t, c.get("/dang-nhap"))
	v, _ := page.Find(`input[name=csrf]`).Attr("value")
	return v
}

func (c *client) post(path string, form url.Values, hdr ...string) *http.Response {
	req := httptest.NewRequest(http.MethodPost, path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	return c.do(req)
}

func (s *site) count(table string) int {
	s.t.Helper()
	var n int
	if err := s.db.QueryRowContext(context.Background(), "SELECT COUNT(*) FROM "+table).Scan(&n); err != nil {
		s.t.Fatal(err)
	}
	return n
}

func TestSignInAndOut(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s := newSite(t, d)
		c := s.anon()
		tok := c.csrf()
		if tok == "" {
			t.Fatal("sign-in form has no csrf token")
		}
		res := c.post("/dang-nhap", url.Values{"csrf": {tok}, "login": {"Officer.ChiLang"}, "password": {testPassword}, "tiep": {"/don-vi"}})
		if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/don-vi" {
			t.Fatalf("sign-in: %d → %q", res.StatusCode, res.Header.Get("Location"))
		}
		if c.cookies["danvan_session"] == "" {
			t.Fatal("no session cookie after sign-in")
		}
		page := doc(t, c.get("/"))
		if !strings.Contains(page.Find("h1").Text(), "Cán bộ officer.chilang") {
			t.Errorf("home h1 = %q", page.Find("h1").Text())
		}
		// Sign out: the session row goes, the cookie goes.
		sessions := s.count("sessions")
		res = c.post("/dang-xuat", url.Values{"csrf": {c.csrf()}})
		if res.StatusCode != http.StatusSeeOther || c.cookies["danvan_session"] != "" {
			t.Fatalf("sign-out: %d, cookie %q", res.StatusCode, c.cookies["danvan_session"])
		}
		if got := s.count("sessions"); got != sessions-1 {
			t.Errorf("sessions after sign-out = %d, want %d", got, sessions-1)
		}
		if !strings.Contains(doc(t, c.get("/dang-nhap")).Find(".flash").Text(), "đã đăng xuất") {
			t.Error("no flash after sign-out")
		}
		// An open redirect is refused.
		c2 := s.anon()
		res = c2.post("/dang-nhap", url.Values{"csrf": {c2.csrf()}, "login": {"admin"}, "password": {testPassword}, "tiep": {"//evil.example/x"}})
		if res.Header.Get("Location") != "/" {
			t.Errorf("redirect after sign-in to %q", res.Header.Get("Location"))
		}
	})
}

func TestSignInRefusals(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s := newSite(t, d)
		c := s.anon()
		tok := c.csrf()
		sessions := s.count("sessions")

		// Wrong password: 401, the message, the login kept, no password echoed.
		res := c.post("/dang-nhap", url.Values{"csrf": {tok}, "login": {"admin"}, "password": {"sai-mat-khau-123"}})
		body, _ := io.ReadAll(res.Body)
		page, _ := goquery.NewDocumentFromReader(bytes.NewReader(body))
		if res.StatusCode != http.StatusUnauthorized || !strings.Contains(page.Find("[role=alert]").Text(), "không đúng") {
			t.Errorf("wrong password: %d %q", res.StatusCode, page.Find("[role=alert]").Text())
		}
		if v, _ := page.Find("#login").Attr("value"); v != "admin" {
			t.Errorf("login not kept: %q", v)
		}
		if strings.Contains(string(body), "sai-mat-khau-123") {
			t.Error("the typed password is echoed in the page")
		}
		// Without the token, and cross-origin: refused before any check.
		if res := c.post("/dang-nhap", url.Values{"login": {"admin"}, "password": {testPassword}}); res.StatusCode != http.StatusForbidden {
			t.Errorf("POST without csrf token = %d", res.StatusCode)
		}
		if res := c.post("/dang-nhap", url.Values{"csrf": {tok}, "login": {"admin"}, "password": {testPassword}},
			"Sec-Fetch-Site", "cross-site"); res.StatusCode != http.StatusForbidden {
			t.Errorf("cross-site POST = %d", res.StatusCode)
		}
		if res := c.post("/dang-nhap", url.Values{"csrf": {tok}, "login": {"admin"}, "password": {testPassword}},
			"Origin", "https://evil.example"); res.StatusCode != http.StatusForbidden {
			t.Errorf("POST from another origin = %d", res.StatusCode)
		}
		// A disabled account cannot sign in.
		if res := c.post("/dang-nhap", url.Values{"csrf": {tok}, "login": {"disabled"}, "password": {testPassword}}); res.StatusCode != http.StatusUnauthorized {
			t.Errorf("disabled account sign-in = %d", res.StatusCode)
		}
		if got := s.count("sessions"); got != sessions {
			t.Errorf("refused sign-ins started %d sessions", got-sessions)
		}
		// Throttling: after 5 failures (one above), the 6th attempt is
		// refused even with the right password.
		for i := 0; i < 4; i++ {
			c.post("/dang-nhap", url.Values{"csrf": {tok}, "login": {"admin"}, "password": {"sai-mat-khau-123"}})
		}
		res = c.post("/dang-nhap", url.Values{"csrf": {tok}, "login": {"admin"}, "password": {testPassword}})
		page = doc(t, res)
		if res.StatusCode != http.StatusUnauthorized || !strings.Contains(page.Find("[role=alert]").Text(), "quá nhiều lần") {
			t.Errorf("6th attempt: %d %q", res.StatusCode, page.Find("[role=alert]").Text())
		}
		// Passwords never reach the log.
		if strings.Contains(s.logs.String(), testPassword) || strings.Contains(s.logs.String(), "sai-mat-khau-123") {
			t.Error("a password appears in the log")
		}
	})
}

func TestSessionEnds(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s := newSite(t, d)
		// Idle too long: the cookie is cleared and the user is a visitor.
		c := s.as("officer.chilang")
		s.clock = s.clock.Add(9 * time.Hour)
		res := c.get("/tai-khoan/mat-khau")
		if res.StatusCode != http.StatusSeeOther || !strings.HasPrefix(res.Header.Get("Location"), "/dang-nhap") {
			t.Errorf("expired session: %d → %q", res.StatusCode, res.Header.Get("Location"))
		}
		if c.cookies["danvan_session"] != "" {
			t.Error("expired session cookie kept")
		}
		// Disabled while signed in: the next request is anonymous.
		c = s.as("officer.dongdang")
		u := s.users["officer.dongdang"]
		cur, _ := s.auth.User(context.Background(), auth.System(), u.ID)
		if _, err := s.auth.SetActive(context.Background(), auth.System(), u.ID, cur.Version, false); err != nil {
			t.Fatal(err)
		}
		if res := c.get("/tai-khoan/mat-khau"); res.StatusCode != http.StatusSeeOther {
			t.Errorf("disabled user's session still works: %d", res.StatusCode)
		}
	})
}

func TestChangePassword(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s := newSite(t, d)
		c := s.as("leader.langson")
		other := s.as("leader.langson") // the same user on another device
		tok := c.csrf()
		// Mismatch: 400, nothing changes.
		res := c.post("/tai-khoan/mat-khau", url.Values{"csrf": {tok}, "old": {testPassword}, "new": {"mat-khau-moi-2026"}, "confirm": {"khac-hoan-toan"}})
		if res.StatusCode != http.StatusBadRequest || !strings.Contains(doc(t, res).Find(".field-error").Text(), "không khớp") {
			t.Errorf("mismatch: %d", res.StatusCode)
		}
		// Wrong old password.
		res = c.post("/tai-khoan/mat-khau", url.Values{"csrf": {tok}, "old": {"khong-dung-1234"}, "new": {"mat-khau-moi-2026"}, "confirm": {"mat-khau-moi-2026"}})
		if res.StatusCode != http.StatusBadRequest {
			t.Errorf("wrong old password: %d", res.StatusCode)
		}
		res = c.post("/tai-khoan/mat-khau", url.Values{"csrf": {tok}, "old": {testPassword}, "new": {"mat-khau-moi-2026"}, "confirm": {"mat-khau-moi-2026"}})
		if res.StatusCode != http.StatusSeeOther {
			t.Fatalf("change: %d", res.StatusCode)
		}
		// This browser goes on with a new session; the other device is out.
		if res := c.get("/tai-khoan/mat-khau"); res.StatusCode != 200 {
			t.Errorf("own session after change: %d", res.StatusCode)
		}
		if res := other.get("/tai-khoan/mat-khau"); res.StatusCode != http.StatusSeeOther {
			t.Errorf("other device still signed in: %d", res.StatusCode)
		}
		var audits int
		if err := d.QueryRowContext(context.Background(), "SELECT COUNT(*) FROM audit_log WHERE before_json LIKE ? OR after_json LIKE ?",
			"%mat-khau-moi%", "%mat-khau-moi%").Scan(&audits); err != nil || audits != 0 {
			t.Errorf("the new password is in the audit log (%d rows, %v)", audits, err)
		}
	})
}

func TestHomeUnitSwitcherStaysInScope(t *testing.T) {
	s := newSite(t, dbtest.Open(t, "sqlite"))
	c := s.as("officer.chilang")
	page := doc(t, c.get("/"))
	var options []string
	page.Find("#don_vi option").Each(func(_ int, o *goquery.Selection) { options = append(options, o.Text()) })
	if len(options) == 0 || strings.Join(options, "|") != s.units.NewChiLang.Name {
		t.Errorf("switcher offers %v", options)
	}
	// Asking for a neighbour commune is ignored: the current unit stays.
	page = doc(t, c.get("/?don_vi="+strconv.FormatInt(s.units.NewDongDang.ID, 10)))
	if sel := page.Find("#don_vi option[selected]").Text(); sel != s.units.NewChiLang.Name {
		t.Errorf("switched out of scope to %q", sel)
	}
	// A provincial leader switches to a commune below.
	c = s.as("leader.langson")
	page = doc(t, c.get("/?don_vi="+strconv.FormatInt(s.units.NewDongDang.ID, 10)))
	if sel := page.Find("#don_vi option[selected]").Text(); sel != s.units.NewDongDang.Name {
		t.Errorf("leader's switch = %q", sel)
	}
	if !strings.Contains(page.Find("main").Text(), "Lãnh đạo") {
		t.Error("role not shown")
	}
}

func apiGet(c *client, path, token string) (int, map[string]any) {
	req := httptest.NewRequest(http.MethodGet, path, nil)
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	res := c.do(req)
	var body map[string]any
	json.NewDecoder(res.Body).Decode(&body)
	return res.StatusCode, body
}

func TestAPIAccess(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s := newSite(t, d)
		ctx := context.Background()
		_, officerTok, err := s.auth.CreateToken(ctx, auth.System(), s.users["officer.chilang"].ID, "điện thoại")
		if err != nil {
			t.Fatal(err)
		}
		tok, adminTok, err := s.auth.CreateToken(ctx, auth.System(), s.users["admin"].ID, "máy chủ")
		if err != nil {
			t.Fatal(err)
		}
		c := s.anon()
		id := func(u org.Unit) string { return strconv.FormatInt(u.ID, 10) }
		tests := []struct {
			name, path, token string
			status            int
			code              string
		}{
			{"anonymous", "/api/v1/me", "", 401, "unauthorized"},
			{"bad token", "/api/v1/me", "dv_nope", 401, "unauthorized"},
			{"me", "/api/v1/me", officerTok, 200, ""},
			{"own unit", "/api/v1/units/" + id(s.units.NewChiLang), officerTok, 200, ""},
			{"old commune merged into own unit", "/api/v1/units/" + id(s.units.QuangLang) + "?date=2020-01-01", officerTok, 200, ""},
			{"neighbour commune", "/api/v1/units/" + id(s.units.NewDongDang), officerTok, 403, "forbidden"},
			{"province above", "/api/v1/units/" + id(s.units.LangSon) + "/subtree", officerTok, 403, "forbidden"},
			{"admin subtree", "/api/v1/units/" + id(s.units.LangSon) + "/subtree", adminTok, 200, ""},
			{"bad date", "/api/v1/units?date=31-12-2020", adminTok, 400, "invalid"},
			{"unknown route", "/api/v1/nothing", adminTok, 404, "not_found"},
		}
		for _, tt := range tests {
			status, body := apiGet(c, tt.path, tt.token)
			if status != tt.status {
				t.Errorf("%s: status %d, want %d (%v)", tt.name, status, tt.status, body)
				continue
			}
			if tt.code != "" {
				e, _ := body["error"].(map[string]any)
				if e["code"] != tt.code || e["message"] == "" {
					t.Errorf("%s: error body %v", tt.name, body)
				}
			}
		}
		// The officer's tree lists only their commune.
		_, body := apiGet(c, "/api/v1/units", officerTok)
		if units, _ := body["units"].([]any); len(units) != 1 {
			t.Errorf("officer's /api/v1/units has %d units, want 1", len(units))
		}
		// A revoked token stops working.
		if err := s.auth.RevokeToken(ctx, auth.System(), tok.ID); err != nil {
			t.Fatal(err)
		}
		if status, _ := apiGet(c, "/api/v1/me", adminTok); status != 401 {
			t.Errorf("revoked token: %d", status)
		}
		// Cookies do not authenticate the API.
		if status, _ := apiGet(s.as("admin"), "/api/v1/me", ""); status != 401 {
			t.Errorf("session cookie on the API: %d", status)
		}
	})
}

func TestTooLargeBodyIsRefused(t *testing.T) {
	s := newSite(t, dbtest.Open(t, "sqlite"))
	c := s.as("officer.chilang")
	tok := c.csrf()
	big := strings.Repeat("x", kit.MaxRequestBody+1)
	sessions := s.count("sessions")
	res := c.post("/tai-khoan/mat-khau", url.Values{"csrf": {tok}, "old": {big}})
	if res.StatusCode != http.StatusRequestEntityTooLarge {
		t.Fatalf("oversized form = %d, want 413", res.StatusCode)
	}
	if !strings.Contains(doc(t, res).Find("main").Text(), "quá lớn") {
		t.Error("no message about the size")
	}
	if s.count("sessions") != sessions {
		t.Error("an oversized form changed the sessions")
	}
}

// TestHomeShowsWork: the officer of the owning commune sees the open task
// (overdue on the site's clock, 2 March 2026, for a task due 31 January)
// and the overdue count; an officer of the neighbour commune sees neither.
func TestHomeShowsWork(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s := newSite(t, d)
		sd := seedMeeting(t, s)
		page := doc(t, s.as("officer.chilang").get("/"))
		main := page.Find("main").Text()
		if !strings.Contains(main, sd.task.Title) || !strings.Contains(main, "31/01/2026") {
			t.Errorf("owner's home lacks the task: %q", page.Find("main ul.plain").First().Text())
		}
		if !strings.Contains(page.Find(".notice").Text(), "1 nhiệm vụ quá hạn") {
			t.Errorf("overdue notice = %q", page.Find(".notice").Text())
		}
		page = doc(t, s.as("officer.dongdang").get("/"))
		if strings.Contains(page.Find("main").Text(), sd.task.Title) || page.Find(".notice").Length() != 0 {
			t.Error("the neighbour commune's officer sees the task")
		}
	})
}

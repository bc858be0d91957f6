package web_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/web"
	"github.com/danvan/danvan/internal/web/kit"
	"github.com/danvan/danvan/internal/web/webtest"
)

// TestAPIRateLimit: /api/v1 answers 429 with Retry-After past the limit
// per token, and per address whatever the token; a new window lets the
// caller in again.
func TestAPIRateLimit(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s := webtest.New(t, d, webtest.Configure(func(c *web.Config) {
			c.APILimit = web.APILimit{PerToken: 3, PerAddr: 5, Window: time.Minute}
		}))
		s.AddUser("mot", auth.RoleViewer, s.Units.LangSon.ID)
		s.AddUser("hai", auth.RoleViewer, s.Units.LangSon.ID)
		s.AddUser("baba", auth.RoleViewer, s.Units.LangSon.ID)
		one, two, three := s.Token("mot"), s.Token("hai"), s.Token("baba")
		call := func(token, addr string) *http.Response {
			req := httptest.NewRequest("GET", "/api/v1/me", nil)
			req.Header.Set("Authorization", "Bearer "+token)
			req.RemoteAddr = addr + ":4000"
			rec := httptest.NewRecorder()
			s.Srv.ServeHTTP(rec, req)
			return rec.Result()
		}
		want := func(res *http.Response, status int, what string) {
			t.Helper()
			if res.StatusCode != status {
				t.Fatalf("%s: status %d, want %d", what, res.StatusCode, status)
			}
			if status != http.StatusTooManyRequests {
				return
			}
			secs, err := strconv.Atoi(res.Header.Get("Retry-After"))
			if err != nil || secs < 1 || secs > 60 {
				t.Fatalf("%s: Retry-After %q", what, res.Header.Get("Retry-After"))
			}
			var body kit.APIErrorBody
			if err := json.NewDecoder(res.Body).Decode(&body); err != nil || body.Error.Code != "too_many_requests" ||
				!strings.Contains(body.Error.Message, strconv.Itoa(secs)+" giây") {
				t.Fatalf("%s: body %+v, %v", what, body, err)
			}
		}
		// Per token: three calls, from three addresses, then 429.
		for i := range 3 {
			want(call(one, "198.51.100."+strconv.Itoa(i+1)), http.StatusOK, "token call "+strconv.Itoa(i+1))
		}
		want(call(one, "198.51.100.4"), http.StatusTooManyRequests, "4th call with one token")
		want(call(two, "198.51.100.4"), http.StatusOK, "another token")

		// Per address: five calls, whatever the token (or none).
		for i := range 5 {
			tok := three
			if i%2 == 1 {
				tok = "dv_not-a-token"
			}
			res := call(tok, "203.0.113.7")
			if res.StatusCode == http.StatusTooManyRequests {
				t.Fatalf("address call %d refused", i+1)
			}
		}
		want(call(one, "203.0.113.7"), http.StatusTooManyRequests, "6th call from one address")

		s.SetNow(s.Now().Add(time.Minute))
		want(call(one, "203.0.113.7"), http.StatusOK, "next window")
	})
}

// TestRefusalsAudited: a refused request (403) is in the audit log with
// who asked and the path, on pages and in the API; one person's flood is
// recorded only up to kit.RefusalsPerActor a minute.
func TestRefusalsAudited(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s := webtest.New(t, d)
		u := s.AddUser("canbo", auth.RoleOfficer, s.Units.NewChiLang.ID)
		c := s.As("canbo")
		refusals := func() int {
			var n int
			if err := d.QueryRowContext(context.Background(),
				"SELECT COUNT(*) FROM audit_log WHERE action = 'refused' AND entity = 'request' AND user_id = ?", u.ID).Scan(&n); err != nil {
				t.Fatal(err)
			}
			return n
		}
		res := c.Get("/quan-tri/tai-khoan")
		if res.StatusCode != http.StatusForbidden {
			t.Fatalf("an officer on the accounts page: %d", res.StatusCode)
		}
		if n := refusals(); n != 1 {
			t.Fatalf("%d refusals audited, want 1", n)
		}
		var after string
		if err := d.QueryRowContext(context.Background(),
			"SELECT after_json FROM audit_log WHERE action = 'refused' ORDER BY id DESC LIMIT 1").Scan(&after); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(after, "/quan-tri/tai-khoan") || !strings.Contains(after, "auth.err.not_admin") {
			t.Errorf("refusal recorded as %s", after)
		}
		for range 3 * kit.RefusalsPerActor {
			c.Get("/quan-tri/tai-khoan")
		}
		if n := refusals(); n != kit.RefusalsPerActor {
			t.Errorf("a flood of refusals: %d audited, want the bound %d", n, kit.RefusalsPerActor)
		}
		// A new minute records again.
		s.SetNow(s.Now().Add(time.Minute))
		c.Get("/quan-tri/tai-khoan")
		if n := refusals(); n != kit.RefusalsPerActor+1 {
			t.Errorf("after a minute: %d audited, want %d", n, kit.RefusalsPerActor+1)
		}
	})
}

// TestDownloadsAudited: an export a signed-in user downloads is in the
// audit log (once per path within a few minutes: a reload is not a new
// entry).
func TestDownloadsAudited(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s := webtest.New(t, d)
		u := s.AddUser("canbo", auth.RoleOfficer, s.Units.LangSon.ID)
		c := s.As("canbo")
		path := "/mo-hinh/xuat?don-vi=" + strconv.FormatInt(s.Units.LangSon.ID, 10)
		downloads := func() int {
			var n int
			if err := d.QueryRowContext(context.Background(),
				"SELECT COUNT(*) FROM audit_log WHERE action = 'download' AND entity = 'file' AND user_id = ?", u.ID).Scan(&n); err != nil {
				t.Fatal(err)
			}
			return n
		}
		res := c.Get(path)
		if res.StatusCode != http.StatusOK || !strings.HasPrefix(res.Header.Get("Content-Disposition"), "attachment") {
			t.Fatalf("export: %d %q", res.StatusCode, res.Header.Get("Content-Disposition"))
		}
		if n := downloads(); n != 1 {
			t.Fatalf("%d downloads audited, want 1", n)
		}
		c.Get(path)
		if n := downloads(); n != 1 {
			t.Errorf("a repeat within minutes: %d entries, want 1", n)
		}
		s.SetNow(s.Now().Add(11 * time.Minute))
		c.Get(path)
		if n := downloads(); n != 2 {
			t.Errorf("later: %d entries, want 2", n)
		}
		// A page is not a download.
		c.Get("/mo-hinh")
		if n := downloads(); n != 2 {
			t.Errorf("a page counted as a download: %d", n)
		}
	})
}

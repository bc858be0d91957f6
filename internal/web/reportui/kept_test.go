package reportui_test

import (
	"compress/gzip"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/web"
	"github.com/danvan/danvan/internal/web/webtest"
)

// TestKeptDashboardBody: the dashboard's body is drawn once per query and
// kept by server B while server A, over the same database, approves a
// report: B's next page shows the new figure at once, and is byte for
// byte the page of a server that has kept nothing. Every reader of the
// kept body gets their own header (name, form token) and links (upload),
// a reader out of scope gets no body, and each language its own; pages
// sent gzipped (the body deflated once and spliced in) read back as the
// plain ones.
func TestKeptDashboardBody(t *testing.T) {
	for _, kind := range dbtest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			da, open := dbtest.Servers(t, kind)
			w := newWorld(t, da)
			server := func() http.Handler {
				d := open()
				d.SetClock(w.Now)
				h, err := web.New(web.Config{DB: d, Auth: auth.Config{Password: auth.TestPasswordParams, AdminsWithoutTwoFactor: true},
					Now: w.Now, Files: w.Files, Logger: slog.New(slog.DiscardHandler)})
				if err != nil {
					t.Fatal(err)
				}
				return h
			}
			b := server()
			w.AddUser("canbo.tinh", auth.RoleOfficer, w.Units.LangSon.ID)
			sessions := map[string]string{}
			for _, login := range []string{"lanhdao.tinh", "xem.tinh", "canbo.tinh", "lanhdao.st"} {
				sessions[login] = w.As(login).Cookie("danvan_session")
			}
			// get reads path from h as login, gzipped or not, and returns
			// the status and the page as sent (unzipped).
			get := func(h http.Handler, login, path string, zipped bool) (int, string) {
				t.Helper()
				req := httptest.NewRequest("GET", path, nil)
				req.AddCookie(&http.Cookie{Name: "danvan_session", Value: sessions[login]})
				if zipped {
					req.Header.Set("Accept-Encoding", "gzip")
				}
				rec := httptest.NewRecorder()
				h.ServeHTTP(rec, req)
				body := rec.Body.String()
				if zipped != (rec.Header().Get("Content-Encoding") == "gzip") && rec.Code == http.StatusOK {
					t.Fatalf("GET %s (gzip %v): Content-Encoding %q", path, zipped, rec.Header().Get("Content-Encoding"))
				}
				if rec.Header().Get("Content-Encoding") == "gzip" {
					zr, err := gzip.NewReader(rec.Body)
					if err != nil {
						t.Fatalf("GET %s: %v", path, err)
					}
					raw, err := io.ReadAll(zr)
					if err != nil {
						t.Fatalf("GET %s: the gzipped page does not read back: %v", path, err)
					}
					body = string(raw)
				}
				return rec.Code, body
			}
			page := func(body string) *goquery.Document {
				t.Helper()
				doc, err := goquery.NewDocumentFromReader(strings.NewReader(body))
				if err != nil {
					t.Fatal(err)
				}
				return doc
			}
			dash := "/bao-cao/tong-hop?don-vi=" + itoa(w.Units.LangSon.ID) + "&ky=2026S1"
			dv := func(body string) string { return page(body).Find(`.key-value[data-code="DV02"]`).Text() }

			// Kept on B, every way it is asked for.
			for _, zipped := range []bool{false, true, true} {
				if code, body := get(b, "lanhdao.tinh", dash, zipped); code != http.StatusOK || dv(body) != "—" {
					t.Fatalf("before the report: %d, DV02 %q", code, dv(body))
				}
			}
			// A approves; B shows it at once, gzipped or not.
			w.approvedFor(t, "canbo.xa", w.Units.NewChiLang.ID, "2026S1", "40")
			_, plain := get(b, "lanhdao.tinh", dash, false)
			_, zipped := get(b, "lanhdao.tinh", dash, true)
			if dv(plain) != "40" || dv(zipped) != "40" {
				t.Fatalf("after A approved 40, B shows %q (plain) and %q (gzipped)", dv(plain), dv(zipped))
			}
			if plain != zipped {
				t.Errorf("the gzipped page differs from the plain one:\n%s", webtest.Diff(plain, zipped))
			}
			// A server that has kept nothing draws the same page.
			if _, fresh := get(server(), "lanhdao.tinh", dash, true); fresh != plain {
				t.Errorf("a kept page differs from one drawn afresh:\n%s", webtest.Diff(fresh, plain))
			}

			// Readers of the same body: each their own name and token, and
			// the upload link only for who may upload.
			seen := map[string]string{}
			for _, login := range []string{"lanhdao.tinh", "xem.tinh", "canbo.tinh", "xem.tinh"} {
				code, body := get(b, login, dash, true)
				if code != http.StatusOK || dv(body) != "40" {
					t.Fatalf("%s: %d, DV02 %q", login, code, dv(body))
				}
				doc := page(body)
				name := w.User(login).Name
				if got := doc.Find(`nav a[href="/tai-khoan/mat-khau"]`).Text(); got != name {
					t.Errorf("%s is shown as %q, want %q", login, got, name)
				}
				token := doc.Find(`form.nav-form input[name=csrf]`).AttrOr("value", "")
				for other, tok := range seen {
					if other != login && tok == token {
						t.Errorf("%s got %s's form token", login, other)
					}
				}
				seen[login] = token
				upload := doc.Find(`a[href^="/bao-cao/tai-len"]`).Length() > 0
				if want := login == "canbo.tinh"; upload != want {
					t.Errorf("%s: upload link %v, want %v", login, upload, want)
				}
			}
			// Out of scope: nothing of Lạng Sơn's kept body.
			if code, body := get(b, "lanhdao.st", dash, true); code == http.StatusOK || strings.Contains(body, "key-value") ||
				strings.Contains(body, w.Units.NewChiLang.Name) {
				t.Errorf("Sóc Trăng's leader reads Lạng Sơn's dashboard: %d", code)
			}
			// Each language its own body.
			_, en := get(b, "xem.tinh", dash+"&lang=en", true)
			_, vi := get(b, "xem.tinh", dash+"&lang=vi", true)
			if !strings.Contains(en, `<html lang="en"`) || !strings.Contains(en, "Key indicators") ||
				!strings.Contains(vi, `<html lang="vi"`) || strings.Contains(vi, "Key indicators") {
				t.Error("the kept body is not the page's language")
			}
		})
	}
}

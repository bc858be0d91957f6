// Package webtest is the one harness of danvan's web tests: the whole
// server (every feature behind the real middleware) over a real database
// holding the fixture tree (package fixture), accounts with roles, a clock
// the test moves, a log it can read, and clients that keep cookies like a
// browser or call the API with a bearer token.
//
//	s := webtest.New(t, d)
//	s.AddUser("officer.ql", auth.RoleOfficer, s.Units.NewChiLang.ID)
//	res := s.As("officer.ql").Get("/mo-hinh")
//	page := webtest.Doc(t, res)
//
// Feature packages' tests use it from their external test package
// (practiceui_test and so on).
package webtest

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
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
)

// Password is every test account's password.
const Password = "Mật-khẩu-thử-2026"

// Start is the clock's first reading unless an option sets another.
var Start = time.Date(2026, 3, 2, 8, 0, 0, 0, time.UTC)

// Site is a running server on the fixture tree.
type Site struct {
	T     testing.TB
	DB    *db.DB
	Srv   *web.Server
	Units *fixture.Units
	Org   *org.Store
	Auth  *auth.Store
	Files *blob.Bucket

	mu    sync.Mutex
	clock time.Time
	logs  *bytes.Buffer
	users map[string]auth.User
}

// Option changes how New builds the site.
type Option func(*options)

type options struct {
	clock     time.Time
	configure func(*web.Config)
}

// At starts the clock at t.
func At(t time.Time) Option { return func(o *options) { o.clock = t } }

// Configure changes the server's Config before it is built.
func Configure(f func(*web.Config)) Option { return func(o *options) { o.configure = f } }

// New builds the fixture tree in d (migrated and empty) and starts a
// server on it, with files in a folder of the test's own.
func New(t testing.TB, d *db.DB, opts ...Option) *Site {
	t.Helper()
	o := options{clock: Start}
	for _, f := range opts {
		f(&o)
	}
	s := &Site{T: t, DB: d, clock: o.clock, logs: &bytes.Buffer{}, users: map[string]auth.User{}}
	d.SetClock(s.Now)
	s.Units = fixture.Tree(t, d)
	files, err := blob.Open(context.Background(), t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	s.Files = files
	// Administrators work without a second step here; the tests of
	// two-factor sign-in turn the requirement back on (Configure).
	cfg := auth.Config{Password: auth.TestPasswordParams, AdminsWithoutTwoFactor: true}
	s.Org = org.NewStore(d)
	s.Auth = auth.NewStore(d, s.Org, cfg)
	wc := web.Config{DB: d, Auth: cfg, Now: s.Now, Files: files,
		Logger: slog.New(slog.NewJSONHandler(syncWriter{s}, &slog.HandlerOptions{Level: slog.LevelDebug}))}
	if o.configure != nil {
		o.configure(&wc)
	}
	if s.Srv, err = web.New(wc); err != nil {
		t.Fatal(err)
	}
	return s
}

// syncWriter lets the server log from several goroutines.
type syncWriter struct{ s *Site }

func (w syncWriter) Write(p []byte) (int, error) {
	w.s.mu.Lock()
	defer w.s.mu.Unlock()
	return w.s.logs.Write(p)
}

// Now is the site's clock.
func (s *Site) Now() time.Time {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.clock
}

// SetNow moves the clock.
func (s *Site) SetNow(t time.Time) {
	s.mu.Lock()
	s.clock = t
	s.mu.Unlock()
}

// Logs is everything the server has logged so far (JSON lines).
func (s *Site) Logs() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.logs.String()
}

// AddUser creates an account named login holding role on unit (no role
// when role is ""), with the test password.
func (s *Site) AddUser(login string, role auth.Role, unit int64) auth.User {
	s.T.Helper()
	ctx := context.Background()
	u, err := s.Auth.CreateUser(ctx, auth.System(), auth.NewUser{Login: login, Name: "Cán bộ " + login, Password: Password})
	if err != nil {
		s.T.Fatalf("add user %s: %v", login, err)
	}
	if role != "" {
		if _, err := s.Auth.GrantRole(ctx, auth.System(), u.ID, unit, role); err != nil {
			s.T.Fatalf("grant %s to %s: %v", role, login, err)
		}
	}
	s.users[login] = u
	return u
}

// User returns the account added as login.
func (s *Site) User(login string) auth.User {
	s.T.Helper()
	u, ok := s.users[login]
	if !ok {
		s.T.Fatalf("no test user %q", login)
	}
	return u
}

// Token creates an API token for login and returns its secret.
func (s *Site) Token(login string) string {
	s.T.Helper()
	_, secret, err := s.Auth.CreateToken(context.Background(), auth.System(), s.User(login).ID, "test")
	if err != nil {
		s.T.Fatal(err)
	}
	return secret
}

// Count is the number of rows in table.
func (s *Site) Count(table string) int {
	s.T.Helper()
	var n int
	if err := s.DB.QueryRowContext(context.Background(), "SELECT COUNT(*) FROM "+table).Scan(&n); err != nil {
		s.T.Fatal(err)
	}
	return n
}

// Client is a browser: it keeps cookies and sends same-origin requests
// from one address.
type Client struct {
	s       *Site
	cookies map[string]string
	// Addr is the client's address as the server sees it.
	Addr string
}

// Anon returns a visitor's browser.
func (s *Site) Anon() *Client {
	return &Client{s: s, cookies: map[string]string{}, Addr: "192.0.2.1:5000"}
}

// As returns a browser signed in as login through a real session.
func (s *Site) As(login string) *Client {
	s.T.Helper()
	sess, err := s.Auth.StartSession(context.Background(), s.User(login).ID, "192.0.2.1", "test")
	if err != nil {
		s.T.Fatal(err)
	}
	c := s.Anon()
	c.cookies["danvan_session"] = sess.Token
	return c
}

// Cookie returns the value of a cookie the client holds.
func (c *Client) Cookie(name string) string { return c.cookies[name] }

// Do sends req with the client's cookies and keeps the ones set.
func (c *Client) Do(req *http.Request) *http.Response {
	for k, v := range c.cookies {
		req.AddCookie(&http.Cookie{Name: k, Value: v})
	}
	req.RemoteAddr = c.Addr
	rec := httptest.NewRecorder()
	c.s.Srv.ServeHTTP(rec, req)
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

// Get fetches a page.
func (c *Client) Get(path string, hdr ...string) *http.Response {
	req := httptest.NewRequest(http.MethodGet, path, nil)
	setHeaders(req, hdr)
	return c.Do(req)
}

// CSRF is the token the pages give this client for its forms.
func (c *Client) CSRF() string {
	c.s.T.Helper()
	for _, path := range []string{"/tai-khoan/mat-khau", "/dang-nhap"} {
		page := Doc(c.s.T, c.Get(path))
		if v, ok := page.Find(`input[name=csrf]`).Attr("value"); ok && v != "" {
			return v
		}
	}
	c.s.T.Fatal("no page gave a CSRF token")
	return ""
}

// Post sends a form as the browser would, with its CSRF token unless the
// form already has one.
func (c *Client) Post(path string, form url.Values, hdr ...string) *http.Response {
	if form == nil {
		form = url.Values{}
	}
	if _, ok := form["csrf"]; !ok {
		form.Set("csrf", c.CSRF())
	}
	req := httptest.NewRequest(http.MethodPost, path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	setHeaders(req, hdr)
	return c.Do(req)
}

// File is a file to upload in a multipart form.
type File struct {
	Field, Name string
	Data        []byte
}

// PostMultipart sends a form with files, with the CSRF token.
func (c *Client) PostMultipart(path string, fields map[string]string, files ...File) *http.Response {
	c.s.T.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	if _, ok := fields["csrf"]; !ok {
		mw.WriteField("csrf", c.CSRF())
	}
	for k, v := range fields {
		mw.WriteField(k, v)
	}
	for _, f := range files {
		w, err := mw.CreateFormFile(f.Field, f.Name)
		if err != nil {
			c.s.T.Fatal(err)
		}
		w.Write(f.Data)
	}
	mw.Close()
	req := httptest.NewRequest(http.MethodPost, path, &body)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	return c.Do(req)
}

// API calls the JSON API with a bearer token (none when token is "") and
// a body encoded as JSON (none when body is nil; a string or []byte is
// sent as it is). It returns the status and the decoded body.
func (s *Site) API(method, path, token string, body any) (int, map[string]any) {
	s.T.Helper()
	res := s.APIResponse(method, path, token, body)
	defer res.Body.Close()
	raw, _ := io.ReadAll(res.Body)
	var out map[string]any
	if len(raw) > 0 && strings.HasPrefix(res.Header.Get("Content-Type"), "application/json") {
		if err := json.Unmarshal(raw, &out); err != nil {
			s.T.Fatalf("%s %s: body is not JSON: %v\n%s", method, path, err, raw)
		}
	}
	return res.StatusCode, out
}

// APIResponse is API without decoding the body.
func (s *Site) APIResponse(method, path, token string, body any) *http.Response {
	s.T.Helper()
	var r io.Reader
	switch b := body.(type) {
	case nil:
	case string:
		r = strings.NewReader(b)
	case []byte:
		r = bytes.NewReader(b)
	default:
		raw, err := json.Marshal(b)
		if err != nil {
			s.T.Fatal(err)
		}
		r = bytes.NewReader(raw)
	}
	req := httptest.NewRequest(method, path, r)
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	req.RemoteAddr = "192.0.2.9:5000"
	rec := httptest.NewRecorder()
	s.Srv.ServeHTTP(rec, req)
	return rec.Result()
}

func setHeaders(req *http.Request, hdr []string) {
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
}

// Doc parses an HTML response (and closes its body).
func Doc(t testing.TB, res *http.Response) *goquery.Document {
	t.Helper()
	defer res.Body.Close()
	d, err := goquery.NewDocumentFromReader(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// Body reads a response's body as text (and closes it).
func Body(t testing.TB, res *http.Response) string {
	t.Helper()
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// Snapshot returns every row of every table except the ones named in
// skip (sessions change on each request, for instance), as text: two
// snapshots taken around a refused request must be equal (see
// dbtest.Snapshot).
func (s *Site) Snapshot(skip ...string) string {
	s.T.Helper()
	return dbtest.Snapshot(s.T, s.DB, skip...)
}

// Fill turns a route pattern into a method and a path, replacing each
// wildcard {name} by the value given after its name:
//
//	Fill("GET /mo-hinh/{id}/tep/{fid}", "id", "3", "fid", "9") → "GET", "/mo-hinh/3/tep/9"
//
// A wildcard left without a value is an error of the test.
func (s *Site) Fill(pattern string, values ...string) (method, path string) {
	s.T.Helper()
	method, path, ok := strings.Cut(pattern, " ")
	if !ok {
		s.T.Fatalf("route %q has no method", pattern)
	}
	for i := 0; i+1 < len(values); i += 2 {
		path = strings.ReplaceAll(path, "{"+values[i]+"}", values[i+1])
	}
	path = strings.TrimSuffix(path, "{$}")
	if strings.Contains(path, "{") {
		s.T.Fatalf("route %q: no value for a wildcard in %q", pattern, path)
	}
	return method, path
}

// Routes lists the patterns the server serves whose path is one of the
// prefixes or lies under one ("/mo-hinh" takes "/mo-hinh/{id}" but not
// "/mo-hinh-khac"; "/api/v1/me" does not take "/api/v1/mediation-teams").
func (s *Site) Routes(prefixes ...string) []string {
	var out []string
	for _, p := range s.Srv.Routes() {
		_, path, _ := strings.Cut(p, " ")
		for _, pre := range prefixes {
			if path == pre || strings.HasPrefix(path, strings.TrimSuffix(pre, "/")+"/") {
				out = append(out, p)
				break
			}
		}
	}
	return out
}

package web_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/danvan/danvan/internal/audit"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/fixture"
	"github.com/danvan/danvan/internal/org"
	"github.com/danvan/danvan/internal/web"
)

const admPassword = "Quản-trị-thử-2026"

// admNow is "now" in the administration tests: after the fixture's 2025
// reform.
var admNow = time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)

// admSite is the fixture tree with one account per kind of visitor the
// access tests need, each signed in (except the anonymous visitor).
type admSite struct {
	t      *testing.T
	d      *db.DB
	srv    *web.Server
	f      *fixture.Units
	auth   *auth.Store
	org    *org.Store
	script org.Unit // a commune named <script>alert(1)</script>
	users  map[string]auth.User
	sess   map[string]auth.Session
	clock  time.Time
}

// The visitors.
const (
	whoAnon     = "anon"
	whoNational = "national"    // admin of the central board
	whoAdminLS  = "admin.ls"    // admin of Lạng Sơn
	whoAdminST  = "admin.st"    // admin of Sóc Trăng, the neighbour province
	whoLeaderLS = "leader.ls"   // leader of Lạng Sơn
	whoOfficer  = "officer.cl"  // officer of xã Chi Lăng (Lạng Sơn)
	whoDisabled = "disabled.ls" // admin of Lạng Sơn, account disabled
	whoExpired  = "expired.ls"  // admin of Lạng Sơn, session idle too long
)

func newAdmSite(t *testing.T, d *db.DB) *admSite {
	t.Helper()
	ctx := context.Background()
	s := &admSite{t: t, d: d, clock: admNow, users: map[string]auth.User{}, sess: map[string]auth.Session{}}
	d.SetClock(func() time.Time { return s.clock })
	s.f = fixture.Tree(t, d)
	s.org = org.NewStore(d)
	var err error
	s.script, err = s.org.Create(ctx, org.NewUnit{Code: "LS-XSS", Name: "<script>alert(1)</script>", Level: org.Commune,
		Kind: org.CommuneBloc, ParentID: s.f.LangSon.ID, ValidFrom: org.Date(2026, 1, 1)})
	if err != nil {
		t.Fatal(err)
	}
	s.srv, err = web.New(web.Config{DB: d, Logger: slog.New(slog.NewTextHandler(admLogOut(), nil)),
		Now: func() time.Time { return s.clock }, Auth: auth.Config{Password: auth.TestPasswordParams}})
	if err != nil {
		t.Fatal(err)
	}
	s.auth = auth.NewStore(d, s.org, auth.Config{Password: auth.TestPasswordParams})
	for _, u := range []struct {
		login, name string
		role        auth.Role
		unit        int64
	}{
		{whoNational, "Nguyễn Văn Quốc", auth.RoleAdmin, s.f.Central.ID},
		{whoAdminLS, "Hoàng Thị Lạng", auth.RoleAdmin, s.f.LangSon.ID},
		{whoAdminST, "Trần Văn Sóc", auth.RoleAdmin, s.f.SocTrang.ID},
		{whoLeaderLS, "Lê Văn Lãnh", auth.RoleLeader, s.f.LangSon.ID},
		{whoOfficer, "Đặng Thị Cán", auth.RoleOfficer, s.f.NewChiLang.ID},
		{whoDisabled, "Phạm Văn Khóa", auth.RoleAdmin, s.f.LangSon.ID},
		{whoExpired, "Vũ Văn Hết", auth.RoleAdmin, s.f.LangSon.ID},
	} {
		s.addUser(u.login, u.name, u.role, u.unit)
	}
	// The expired session started nine hours ago and was not used since.
	s.clock = admNow.Add(-9 * time.Hour)
	s.sess[whoExpired] = s.startSession(whoExpired)
	s.clock = admNow
	for _, who := range []string{whoNational, whoAdminLS, whoAdminST, whoLeaderLS, whoOfficer, whoDisabled} {
		s.sess[who] = s.startSession(who)
	}
	u := s.users[whoDisabled]
	if _, err := s.auth.SetActive(ctx, auth.System(), u.ID, u.Version, false); err != nil {
		t.Fatal(err)
	}
	return s
}

func (s *admSite) addUser(login, name string, role auth.Role, unit int64) auth.User {
	s.t.Helper()
	ctx := context.Background()
	u, err := s.auth.CreateUser(ctx, auth.System(), auth.NewUser{Login: login, Name: name, Password: admPassword})
	if err != nil {
		s.t.Fatal(err)
	}
	if unit != 0 {
		if _, err := s.auth.GrantRole(ctx, auth.System(), u.ID, unit, role); err != nil {
			s.t.Fatal(err)
		}
	}
	s.users[login] = u
	return u
}

func (s *admSite) startSession(who string) auth.Session {
	s.t.Helper()
	sess, err := s.auth.StartSession(context.Background(), s.users[who].ID, "127.0.0.1", "test")
	if err != nil {
		s.t.Fatal(err)
	}
	return sess
}

// request makes a request as who; a POST carries who's csrf token unless
// noCSRF is set. hdr are extra header name/value pairs.
func (s *admSite) request(method, path, who string, form url.Values, noCSRF bool, hdr ...string) *http.Response {
	s.t.Helper()
	var body io.Reader
	if method == http.MethodPost {
		f := url.Values{}
		for k, v := range form {
			f[k] = v
		}
		if sess, ok := s.sess[who]; ok && !noCSRF {
			f.Set("csrf", sess.CSRFToken)
		}
		body = strings.NewReader(f.Encode())
	}
	req := httptest.NewRequest(method, path, body)
	if method == http.MethodPost {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	if sess, ok := s.sess[who]; ok {
		req.AddCookie(&http.Cookie{Name: "danvan_session", Value: sess.Token})
	}
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	rec := httptest.NewRecorder()
	s.srv.ServeHTTP(rec, req)
	return rec.Result()
}

func (s *admSite) get(path, who string) *http.Response {
	s.t.Helper()
	return s.request(http.MethodGet, path, who, nil, false)
}

func (s *admSite) post(path, who string, form url.Values) *http.Response {
	s.t.Helper()
	return s.request(http.MethodPost, path, who, form, false)
}

// body reads a response's body as text.
func body(t *testing.T, res *http.Response) string {
	t.Helper()
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// watchedTables are the tables a denied request must leave as they were.
// Sessions and login failures are left out: reading an expired session
// deletes it, which is the sign-in machinery's housekeeping, not the
// denied action.
var watchedTables = []string{"units", "unit_versions", "unit_closure", "unit_links", "users", "grants", "api_tokens", "audit_log"}

// dump returns every row of the watched tables as text.
func (s *admSite) dump() string {
	s.t.Helper()
	var b strings.Builder
	for _, table := range watchedTables {
		rows, err := s.d.QueryContext(context.Background(), "SELECT * FROM "+table+" ORDER BY 1")
		if err != nil {
			s.t.Fatal(err)
		}
		cols, _ := rows.Columns()
		n := 0
		for rows.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			if err := rows.Scan(ptrs...); err != nil {
				s.t.Fatal(err)
			}
			fmt.Fprintf(&b, "%s %v\n", table, vals)
			n++
		}
		rows.Close()
		fmt.Fprintf(&b, "%s: %d rows\n", table, n)
	}
	return b.String()
}

// auditCount counts audit rows.
func (s *admSite) auditCount() int {
	s.t.Helper()
	var n int
	if err := s.d.QueryRowContext(context.Background(), "SELECT COUNT(*) FROM audit_log").Scan(&n); err != nil {
		s.t.Fatal(err)
	}
	return n
}

// lastAudit returns the newest audit row for entity.
func (s *admSite) lastAudit(entity, action string) audit.Row {
	s.t.Helper()
	rows, _, err := audit.List(context.Background(), s.d, audit.Filter{Entity: entity, Limit: 500})
	if err != nil {
		s.t.Fatal(err)
	}
	for _, r := range rows {
		if r.Action == action {
			return r
		}
	}
	s.t.Fatalf("no audit row %s %s", entity, action)
	return audit.Row{}
}

// admLogOut is where the server logs in these tests: nowhere, unless
// DANVAN_TEST_LOG is set.
func admLogOut() io.Writer {
	if os.Getenv("DANVAN_TEST_LOG") != "" {
		return os.Stderr
	}
	return io.Discard
}

func newRecorder() *httptest.ResponseRecorder { return httptest.NewRecorder() }

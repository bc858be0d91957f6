package adminui_test

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"testing"
	"time"

	"github.com/danvan/danvan/internal/audit"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/org"
	"github.com/danvan/danvan/internal/web/webtest"
)

// now is "now" in these tests: after the fixture's 2025 reform.
var now = time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)

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

var allVisitors = []string{whoAnon, whoNational, whoAdminLS, whoAdminST, whoLeaderLS, whoOfficer, whoDisabled, whoExpired}

// site is the fixture tree with one account per kind of visitor, each
// signed in (except the anonymous visitor), and a commune named
// <script>alert(1)</script>.
type site struct {
	*webtest.Site
	t       *testing.T
	script  org.Unit
	clients map[string]*webtest.Client
}

func newSite(t *testing.T, d *db.DB) *site {
	t.Helper()
	ctx := context.Background()
	s := &site{Site: webtest.New(t, d, webtest.At(now)), t: t, clients: map[string]*webtest.Client{}}
	var err error
	s.script, err = s.Org.Create(ctx, org.NewUnit{Code: "LS-XSS", Name: "<script>alert(1)</script>", Level: org.Commune,
		Kind: org.CommuneBloc, ParentID: s.Units.LangSon.ID, ValidFrom: org.Date(2026, 1, 1)})
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range []struct {
		login, name string
		role        auth.Role
		unit        int64
	}{
		{whoNational, "Nguyễn Văn Quốc", auth.RoleAdmin, s.Units.Central.ID},
		{whoAdminLS, "Hoàng Thị Lạng", auth.RoleAdmin, s.Units.LangSon.ID},
		{whoAdminST, "Trần Văn Sóc", auth.RoleAdmin, s.Units.SocTrang.ID},
		{whoLeaderLS, "Lê Văn Lãnh", auth.RoleLeader, s.Units.LangSon.ID},
		{whoOfficer, "Đặng Thị Cán", auth.RoleOfficer, s.Units.NewChiLang.ID},
		{whoDisabled, "Phạm Văn Khóa", auth.RoleAdmin, s.Units.LangSon.ID},
		{whoExpired, "Vũ Văn Hết", auth.RoleAdmin, s.Units.LangSon.ID},
	} {
		s.addUser(u.login, u.name, u.role, u.unit)
	}
	s.clients[whoAnon] = s.Anon()
	// The expired session started nine hours ago and was not used since.
	s.SetNow(now.Add(-9 * time.Hour))
	s.clients[whoExpired] = s.As(whoExpired)
	s.SetNow(now)
	for _, who := range []string{whoNational, whoAdminLS, whoAdminST, whoLeaderLS, whoOfficer, whoDisabled} {
		s.clients[who] = s.As(who)
	}
	u := s.account(whoDisabled)
	if _, err := s.Auth.SetActive(ctx, auth.System(), u.ID, u.Version, false); err != nil {
		t.Fatal(err)
	}
	return s
}

// addUser adds an account with a real name (the user list sorts by it).
func (s *site) addUser(login, name string, role auth.Role, unit int64) auth.User {
	s.t.Helper()
	u := s.AddUser(login, role, unit)
	u, err := s.Auth.UpdateUser(context.Background(), auth.System(), auth.UserUpdate{ID: u.ID, Version: u.Version, Name: name})
	if err != nil {
		s.t.Fatal(err)
	}
	return u
}

// account reads an account as it is now.
func (s *site) account(login string) auth.User {
	s.t.Helper()
	u, err := s.Auth.User(context.Background(), auth.System(), s.User(login).ID)
	if err != nil {
		s.t.Fatal(err)
	}
	return u
}

// get fetches a page as who.
func (s *site) get(path, who string) *http.Response {
	s.t.Helper()
	return s.clients[who].Get(path)
}

// post sends a form as who, with who's CSRF token (a visitor's forms
// carry none: there is no session to take one from).
func (s *site) post(path, who string, form url.Values) *http.Response {
	s.t.Helper()
	if form == nil {
		form = url.Values{}
	}
	f := url.Values{}
	for k, v := range form {
		f[k] = v
	}
	if _, ok := f["csrf"]; !ok {
		f.Set("csrf", "")
		if who != whoAnon && who != whoDisabled && who != whoExpired {
			f.Set("csrf", s.clients[who].CSRF())
		}
	}
	return s.clients[who].Post(path, f)
}

// auditCount counts audit rows.
func (s *site) auditCount() int {
	s.t.Helper()
	return s.Count("audit_log")
}

// lastAudit returns the newest audit row for entity and action.
func (s *site) lastAudit(entity, action string) audit.Row {
	s.t.Helper()
	rows, _, err := audit.List(context.Background(), s.DB, audit.Filter{Entity: entity, Limit: 500})
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

// volatile are the tables a request changes without doing anything:
// the sessions and sign-in failures (reading an expired session deletes
// it: the sign-in machinery's housekeeping, not the request's doing).
var volatile = []string{"sessions", "login_failures"}

// dump is every row of every table but the volatile ones.
func (s *site) dump() string {
	s.t.Helper()
	return s.Snapshot(volatile...)
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// body reads a response's body.
func body(t *testing.T, res *http.Response) string { t.Helper(); return webtest.Body(t, res) }

package auth_test

import (
	"context"
	"testing"
	"time"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/i18n"
	"github.com/danvan/danvan/internal/org"
)

// clock is a settable clock for db.SetClock.
type clock struct{ t time.Time }

func (c *clock) now() time.Time          { return c.t }
func (c *clock) advance(d time.Duration) { c.t = c.t.Add(d) }

// start is "today" in these tests: after the 2025 reform.
var start = time.Date(2026, 1, 12, 8, 0, 0, 0, time.UTC)

// env is one test's world: a database with a small tree, the stores and
// a fixed clock.
type env struct {
	d     *db.DB
	units *org.Store
	s     *auth.Store
	clk   *clock
	tree  tree
}

// tree is a small hierarchy:
//
//	TW (central board)
//	└── P (province board)
//	    ├── D1 (district, until 30/06/2025): communes A, B; M1, M2 until 30/06/2025
//	    ├── D2 (district, until 30/06/2025): commune C
//	    └── N (commune from 01/07/2025, M1 and M2 merged into it)
//	P2 (province board, a neighbour)
//
// Districts were abolished in 2025, but to keep the test tree small D1
// and D2 live on (org does not forbid it), except that M1 and M2 merged.
type tree struct {
	Root, P, P2, D1, D2, A, B, C, M1, M2, N int64
}

func newEnv(t *testing.T, d *db.DB) *env { return newEnvTB(t, d) }

func newEnvTB(t testing.TB, d *db.DB) *env {
	t.Helper()
	clk := &clock{t: start}
	d.SetClock(clk.now)
	units := org.NewStore(d)
	e := &env{d: d, units: units, clk: clk,
		s: auth.NewStore(d, units, auth.Config{Password: auth.TestPasswordParams})}
	e.tree = buildTree(t, units)
	return e
}

func buildTree(t testing.TB, units *org.Store) tree {
	t.Helper()
	ctx := context.Background()
	from := org.Date(2015, 1, 1)
	mk := func(code, name string, level org.Level, kind org.Kind, parent int64) int64 {
		t.Helper()
		u, err := units.Create(ctx, org.NewUnit{Code: code, Name: name, Level: level, Kind: kind, ParentID: parent, ValidFrom: from})
		if err != nil {
			t.Fatalf("create %s: %v", code, err)
		}
		return u.ID
	}
	var tr tree
	tr.Root = mk("TW", "Ban Dân vận Trung ương", org.Central, org.Board, 0)
	tr.P = mk("P", "Ban Dân vận Tỉnh ủy Phú Thọ", org.Province, org.Board, tr.Root)
	tr.P2 = mk("P2", "Ban Dân vận Tỉnh ủy Hòa Bình", org.Province, org.Board, tr.Root)
	tr.D1 = mk("D1", "Ban Dân vận Huyện ủy Lâm Thao", org.District, org.Board, tr.P)
	tr.D2 = mk("D2", "Ban Dân vận Huyện ủy Tam Nông", org.District, org.Board, tr.P)
	tr.A = mk("A", "Khối Dân vận xã Cao Xá", org.Commune, org.CommuneBloc, tr.D1)
	tr.B = mk("B", "Khối Dân vận xã Sơn Vi", org.Commune, org.CommuneBloc, tr.D1)
	tr.C = mk("C", "Khối Dân vận xã Hưng Hóa", org.Commune, org.CommuneBloc, tr.D2)
	tr.M1 = mk("M1", "Khối Dân vận xã Tứ Xã", org.Commune, org.CommuneBloc, tr.D1)
	tr.M2 = mk("M2", "Khối Dân vận xã Vĩnh Lại", org.Commune, org.CommuneBloc, tr.D1)
	n, err := units.Merge(ctx, []int64{tr.M1, tr.M2}, org.MergeTarget{New: &org.NewUnit{
		Code: "N", Name: "Khối Dân vận xã Lâm Thao mới", Kind: org.CommuneBloc, ParentID: tr.P}}, org.Date(2025, 7, 1))
	if err != nil {
		t.Fatalf("merge: %v", err)
	}
	tr.N = n.ID
	return tr
}

// user creates an account with password pw and the given grants.
func (e *env) user(t testing.TB, login, pw string, grants ...grantSpec) auth.User {
	t.Helper()
	ctx := context.Background()
	u, err := e.s.CreateUser(ctx, auth.System(), auth.NewUser{Login: login, Name: "Người dùng " + login, Password: pw})
	if err != nil {
		t.Fatalf("create user %s: %v", login, err)
	}
	for _, g := range grants {
		if _, err := e.s.GrantRole(ctx, auth.System(), u.ID, g.unit, g.role); err != nil {
			t.Fatalf("grant %s %s on %d: %v", login, g.role, g.unit, err)
		}
	}
	return u
}

type grantSpec struct {
	role auth.Role
	unit int64
}

// login signs in and fails the test on error.
func (e *env) login(t testing.TB, login, pw string) auth.Session {
	t.Helper()
	s, err := e.s.Login(context.Background(), auth.LoginRequest{Login: login, Password: pw, Addr: "192.0.2.1", UserAgent: "test"})
	if err != nil {
		t.Fatalf("login %s: %v", login, err)
	}
	return s
}

// count runs a COUNT query.
func count(t *testing.T, d *db.DB, q string, args ...any) int {
	t.Helper()
	var n int
	if err := d.QueryRowContext(context.Background(), q, args...).Scan(&n); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	return n
}

// wantCode checks an error's apperr code (and its Vietnamese message when
// msg != "").
func wantCode(t *testing.T, err error, code apperr.Code, msg string) {
	t.Helper()
	if apperr.CodeOf(err) != code {
		t.Fatalf("error = %v, want code %q", err, code)
	}
	if msg != "" && errText(t, err) != msg {
		t.Fatalf("message = %q, want %q", errText(t, err), msg)
	}
}

const pw = "mật khẩu rất dài 123"

// errText is the Vietnamese message of err from auth's catalog; it fails
// the test when the key is not there in both languages.
func errText(t testing.TB, err error) string {
	t.Helper()
	if err == nil {
		return ""
	}
	k, args := apperr.KeyOf(err)
	m, ok := auth.Messages[k]
	if !ok || m.VI() == "" || m.EN() == "" {
		t.Errorf("error key %q is not in auth.Messages in both languages", k)
	}
	return auth.Messages.T(i18n.VI, k, args...)
}

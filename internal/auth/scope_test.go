package auth_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/audit"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/fixture"
	"github.com/danvan/danvan/internal/org"
)

func TestCan(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		ctx := context.Background()
		tr := e.tree
		principal := func(login string, gs ...grantSpec) *auth.Principal {
			t.Helper()
			e.user(t, login, pw, gs...)
			p, err := e.s.Authenticate(ctx, e.login(t, login, pw).Token)
			if err != nil {
				t.Fatal(err)
			}
			return p
		}
		national := principal("national", grantSpec{auth.RoleAdmin, tr.Root})
		officerA := principal("officera", grantSpec{auth.RoleOfficer, tr.A})
		leaderD1 := principal("leaderd1", grantSpec{auth.RoleLeader, tr.D1})
		officerN := principal("officern", grantSpec{auth.RoleOfficer, tr.N})
		viewerP := principal("viewerp", grantSpec{auth.RoleViewer, tr.P})
		adminP := principal("adminp", grantSpec{auth.RoleAdmin, tr.P})
		mixed := principal("mixed", grantSpec{auth.RoleViewer, tr.P}, grantSpec{auth.RoleOfficer, tr.C})
		none := principal("none")

		type check struct {
			who  string
			p    *auth.Principal
			perm auth.Permission
			unit int64
			want bool
		}
		tests := []check{
			{"anonymous", nil, auth.PermRead, tr.A, false},
			{"no grants", none, auth.PermRead, tr.A, false},

			{"officer A writes A", officerA, auth.PermWrite, tr.A, true},
			{"officer A reads A", officerA, auth.PermRead, tr.A, true},
			{"officer A writes B", officerA, auth.PermWrite, tr.B, false},
			{"officer A reads B", officerA, auth.PermRead, tr.B, false},
			{"officer A writes its district", officerA, auth.PermWrite, tr.D1, false},
			{"officer A approves A", officerA, auth.PermApprove, tr.A, false},

			{"district leader approves in district", leaderD1, auth.PermApprove, tr.B, true},
			{"district leader approves district", leaderD1, auth.PermApprove, tr.D1, true},
			{"district leader approves neighbour district", leaderD1, auth.PermApprove, tr.D2, false},
			{"district leader approves neighbour's commune", leaderD1, auth.PermApprove, tr.C, false},
			{"district leader approves province", leaderD1, auth.PermApprove, tr.P, false},
			{"district leader writes in district", leaderD1, auth.PermWrite, tr.A, false},
			{"district leader reads old merged commune", leaderD1, auth.PermRead, tr.M1, false},

			{"new commune officer writes new commune", officerN, auth.PermWrite, tr.N, true},
			{"new commune officer writes old commune M1", officerN, auth.PermWrite, tr.M1, true},
			{"new commune officer reads old commune M2", officerN, auth.PermRead, tr.M2, true},
			{"new commune officer writes A", officerN, auth.PermWrite, tr.A, false},

			{"province viewer reads commune", viewerP, auth.PermRead, tr.C, true},
			{"province viewer reads old commune", viewerP, auth.PermRead, tr.M2, true},
			{"province viewer writes commune", viewerP, auth.PermWrite, tr.C, false},
			{"province viewer reads neighbour", viewerP, auth.PermRead, tr.P2, false},
			{"province viewer reads centre", viewerP, auth.PermRead, tr.Root, false},

			{"province admin administers commune", adminP, auth.PermAdmin, tr.A, true},
			{"province admin approves", adminP, auth.PermApprove, tr.N, true},
			{"province admin administers neighbour", adminP, auth.PermAdmin, tr.P2, false},

			{"mixed: writes where officer", mixed, auth.PermWrite, tr.C, true},
			{"mixed: only reads elsewhere", mixed, auth.PermWrite, tr.A, false},
			{"mixed: reads elsewhere", mixed, auth.PermRead, tr.A, true},

			{"national admin anywhere", national, auth.PermAdmin, tr.P2, true},
			{"national admin old commune", national, auth.PermWrite, tr.M1, true},
		}
		for _, tt := range tests {
			t.Run(tt.who, func(t *testing.T) {
				got, err := e.s.Can(ctx, tt.p, tt.perm, tt.unit)
				if err != nil {
					t.Fatal(err)
				}
				if got != tt.want {
					t.Fatalf("Can(%s, %d) = %v, want %v", tt.perm, tt.unit, got, tt.want)
				}
				err = e.s.Require(ctx, tt.p, tt.perm, tt.unit)
				switch {
				case tt.want && err != nil:
					t.Fatalf("Require = %v", err)
				case !tt.want && tt.p == nil:
					wantCode(t, err, apperr.CodeUnauthorized, "")
				case !tt.want:
					wantCode(t, err, apperr.CodeForbidden, "")
				}
			})
		}
		_, err := e.s.Can(ctx, national, auth.PermRead, 99999)
		wantCode(t, err, apperr.CodeNotFound, "")

		if !national.NationalAdmin || adminP.NationalAdmin {
			t.Fatalf("NationalAdmin: national %v, province admin %v", national.NationalAdmin, adminP.NationalAdmin)
		}
		scopes := []struct {
			p     *auth.Principal
			perm  auth.Permission
			all   bool
			roots []int64
		}{
			{national, auth.PermRead, true, []int64{tr.Root}},
			{mixed, auth.PermRead, false, sorted(tr.P, tr.C)},
			{mixed, auth.PermWrite, false, []int64{tr.C}},
			{mixed, auth.PermApprove, false, nil},
			{leaderD1, auth.PermApprove, false, []int64{tr.D1}},
			{nil, auth.PermRead, false, nil},
		}
		for i, sc := range scopes {
			if got := auth.ScopeRoots(sc.p, sc.perm); !slices.Equal(got, sc.roots) {
				t.Errorf("%d: ScopeRoots = %v, want %v", i, got, sc.roots)
			}
			got, err := e.s.Scope(ctx, sc.p, sc.perm)
			if err != nil {
				t.Fatal(err)
			}
			if got.All != sc.all || !slices.Equal(got.Roots, sc.roots) {
				t.Errorf("%d: Scope = %+v, want all=%v roots=%v", i, got, sc.all, sc.roots)
			}
		}

		for _, c := range []struct {
			p    *auth.Principal
			user int64
			want bool
		}{
			{national, officerA.User.ID, true},
			{adminP, officerA.User.ID, true},
			{adminP, national.User.ID, false},
			{adminP, none.User.ID, true},
			{officerA, none.User.ID, false},
		} {
			got, err := e.s.CanManageUser(ctx, c.p, c.user)
			if err != nil || got != c.want {
				t.Errorf("CanManageUser(%s, %d) = %v, %v; want %v", c.p.User.Login, c.user, got, err, c.want)
			}
		}
	})
}

func sorted(ids ...int64) []int64 { slices.Sort(ids); return ids }

func TestGrants(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		boss := e.user(t, "boss", pw)
		ctx := audit.WithActor(context.Background(), audit.Actor{UserID: boss.ID, Name: "boss", Addr: "192.0.2.3"})
		u := e.user(t, "kim", pw)
		g, err := e.s.GrantRole(ctx, auth.System(), u.ID, e.tree.A, auth.RoleOfficer)
		if err != nil {
			t.Fatal(err)
		}
		if g.GrantedBy != boss.ID || g.Role != auth.RoleOfficer || g.UnitID != e.tree.A || !g.GrantedAt.Equal(start) {
			t.Fatalf("grant %+v", g)
		}
		tests := []struct {
			name string
			user int64
			unit int64
			role auth.Role
			code apperr.Code
			msg  string
		}{
			{"twice", u.ID, e.tree.A, auth.RoleOfficer, apperr.CodeConflict, "Tài khoản đã có vai trò này trên đơn vị này."},
			{"bad role", u.ID, e.tree.A, "root", apperr.CodeInvalid, "Vai trò không hợp lệ."},
			{"closed unit", u.ID, e.tree.M1, auth.RoleOfficer, apperr.CodeInvalid, "Đơn vị đã giải thể hoặc sáp nhập; hãy cấp quyền trên đơn vị hiện nay."},
			{"unknown unit", u.ID, 99999, auth.RoleOfficer, apperr.CodeInvalid, "Không tìm thấy đơn vị."},
			{"unknown user", 99999, e.tree.A, auth.RoleOfficer, apperr.CodeNotFound, "Không tìm thấy tài khoản."},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				before := count(t, d, "SELECT COUNT(*) FROM grants")
				_, err := e.s.GrantRole(ctx, auth.System(), tt.user, tt.unit, tt.role)
				wantCode(t, err, tt.code, tt.msg)
				if n := count(t, d, "SELECT COUNT(*) FROM grants"); n != before {
					t.Fatalf("grants %d -> %d", before, n)
				}
			})
		}
		s := e.login(t, "kim", pw)
		p, err := e.s.Authenticate(ctx, s.Token)
		if err != nil {
			t.Fatal(err)
		}
		if ok, _ := e.s.Can(ctx, p, auth.PermWrite, e.tree.A); !ok {
			t.Fatal("grant not effective")
		}
		if err := e.s.RevokeGrant(ctx, auth.System(), u.ID, g.ID); err != nil {
			t.Fatal(err)
		}
		wantCode(t, e.s.RevokeGrant(ctx, auth.System(), u.ID, g.ID), apperr.CodeNotFound, "Không tìm thấy quyền được cấp.")
		p, err = e.s.Authenticate(ctx, s.Token)
		if err != nil {
			t.Fatal(err)
		}
		if ok, _ := e.s.Can(ctx, p, auth.PermWrite, e.tree.A); ok || len(p.Grants) != 0 {
			t.Fatal("revoked grant still effective at the next request")
		}
		var actor string
		var by int64
		if err := d.QueryRowContext(ctx, "SELECT actor, user_id FROM audit_log WHERE entity = 'grant' AND action = 'revoke'").Scan(&actor, &by); err != nil {
			t.Fatal(err)
		}
		if actor != "boss" || by != boss.ID {
			t.Fatalf("revoke audited as %q (%d)", actor, by)
		}
	})
}

func TestTokens(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		ctx := context.Background()
		u := e.user(t, "api", pw, grantSpec{auth.RoleViewer, e.tree.P})
		tok, secret, err := e.s.CreateToken(ctx, auth.System(), u.ID, "  Máy chủ   báo cáo ")
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(secret, "dv_") || len(secret) != 46 || tok.Name != "Máy chủ báo cáo" ||
			!strings.HasPrefix(secret, tok.Prefix) || len(tok.Prefix) != 9 || !tok.Active() {
			t.Fatalf("token %+v, secret %q", tok, secret)
		}
		if n := count(t, d, "SELECT COUNT(*) FROM api_tokens WHERE token_hash = ? OR prefix = ?", secret, secret); n != 0 {
			t.Fatal("secret stored in clear")
		}
		_, _, err = e.s.CreateToken(ctx, auth.System(), u.ID, "   ")
		wantCode(t, err, apperr.CodeInvalid, "Chưa đặt tên cho mã truy cập (1–100 ký tự).")

		p, err := e.s.AuthenticateToken(ctx, secret)
		if err != nil {
			t.Fatal(err)
		}
		if p.TokenID != tok.ID || p.User.ID != u.ID || p.SessionID != 0 || p.CSRFToken != "" || len(p.Grants) != 1 {
			t.Fatalf("principal %+v", p)
		}
		got, err := e.s.Token(ctx, auth.System(), tok.ID)
		if err != nil || !got.LastUsedAt.Equal(start) {
			t.Fatalf("last used %v, %v", got.LastUsedAt, err)
		}
		const bad = "Mã truy cập API không hợp lệ, đã bị thu hồi hoặc tài khoản đã bị khóa."
		for _, s := range []string{"", "dv_", secret + "x", strings.TrimPrefix(secret, "dv_"), "dv_" + strings.Repeat("A", 43)} {
			_, err := e.s.AuthenticateToken(ctx, s)
			wantCode(t, err, apperr.CodeUnauthorized, bad)
		}

		// Disabled account: refused while disabled, back when enabled.
		u, _ = e.s.User(ctx, auth.System(), u.ID)
		if u, err = e.s.SetActive(ctx, auth.System(), u.ID, u.Version, false); err != nil {
			t.Fatal(err)
		}
		_, err = e.s.AuthenticateToken(ctx, secret)
		wantCode(t, err, apperr.CodeUnauthorized, bad)
		if _, err = e.s.SetActive(ctx, auth.System(), u.ID, u.Version, true); err != nil {
			t.Fatal(err)
		}
		if _, err := e.s.AuthenticateToken(ctx, secret); err != nil {
			t.Fatal(err)
		}

		// Revoked: refused for good.
		if err := e.s.RevokeToken(ctx, auth.System(), tok.ID); err != nil {
			t.Fatal(err)
		}
		_, err = e.s.AuthenticateToken(ctx, secret)
		wantCode(t, err, apperr.CodeUnauthorized, bad)
		wantCode(t, e.s.RevokeToken(ctx, auth.System(), tok.ID), apperr.CodeConflict, "Mã truy cập đã bị thu hồi.")
		wantCode(t, e.s.RevokeToken(ctx, auth.System(), 9999), apperr.CodeNotFound, "")
		ts, err := e.s.Tokens(ctx, auth.System(), u.ID)
		if err != nil || len(ts) != 1 || ts[0].Active() || !ts[0].RevokedAt.Equal(start) {
			t.Fatalf("Tokens = %+v, %v", ts, err)
		}
	})
}

func TestDemoAccounts(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		ctx := context.Background()
		for round := range 2 { // a second run resets and keeps working
			accs, err := auth.DemoAccounts(ctx, e.s, e.units)
			if err != nil {
				t.Fatal(err)
			}
			// The demo admin is the province's, not national.
			want := map[auth.Role]int64{auth.RoleAdmin: e.tree.P, auth.RoleLeader: e.tree.P,
				auth.RoleOfficer: e.tree.A, auth.RoleViewer: e.tree.P}
			if len(accs) != 4 {
				t.Fatalf("round %d: %d accounts", round, len(accs))
			}
			for _, a := range accs {
				if want[a.Role] != a.UnitID {
					t.Errorf("%s on unit %d (%s), want %d", a.Role, a.UnitID, a.UnitCode, want[a.Role])
				}
				p, err := e.s.Authenticate(ctx, e.login(t, a.Login, a.Password).Token)
				if err != nil {
					t.Fatal(err)
				}
				ok, err := e.s.Can(ctx, p, auth.PermRead, a.UnitID)
				if err != nil || !ok {
					t.Errorf("%s cannot read its own unit: %v", a.Login, err)
				}
				if len(p.Grants) != 1 {
					t.Errorf("%s has %d grants", a.Login, len(p.Grants))
				}
			}
		}
	})
}

// TestCanAcrossReform uses the fixture's 2025 reform: merged communes,
// a split commune and closed districts.
func TestCanAcrossReform(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		clk := &clock{t: org.Date(2025, 3, 1)} // before the reform, to grant on a district
		d.SetClock(clk.now)
		f := fixture.Tree(t, d)
		units := org.NewStore(d)
		e := &env{d: d, units: units, s: auth.NewStore(d, units, auth.Config{Password: auth.TestPasswordParams}), clk: clk}
		e.user(t, "oldchilang", pw, grantSpec{auth.RoleLeader, f.ChiLang.ID})
		clk.t = start // after the reform
		e.user(t, "xachilang", pw, grantSpec{auth.RoleOfficer, f.NewChiLang.ID})
		e.user(t, "xakesach", pw, grantSpec{auth.RoleOfficer, f.NewKeSach.ID})
		e.user(t, "langson", pw, grantSpec{auth.RoleLeader, f.LangSon.ID})
		e.user(t, "soctrang", pw, grantSpec{auth.RoleLeader, f.SocTrang.ID})
		ps := map[string]*auth.Principal{}
		for _, l := range []string{"oldchilang", "xachilang", "xakesach", "langson", "soctrang"} {
			p, err := e.s.Authenticate(ctx, e.login(t, l, pw).Token)
			if err != nil {
				t.Fatal(err)
			}
			ps[l] = p
		}
		tests := []struct {
			name string
			who  string
			perm auth.Permission
			unit org.Unit
			want bool
		}{
			{"new commune officer writes a commune merged into it", "xachilang", auth.PermWrite, f.QuangLang, true},
			{"new commune officer writes the other merged commune", "xachilang", auth.PermWrite, f.MaiSao, true},
			{"new commune officer writes a neighbour's old commune", "xachilang", auth.PermWrite, f.DongDang, false},
			{"new commune officer writes the old district", "xachilang", auth.PermWrite, f.ChiLang, false},
			{"officer of a split's smaller part writes the split commune", "xakesach", auth.PermWrite, f.ThamDon, true},
			{"province leader approves an old commune of a closed district", "langson", auth.PermApprove, f.MaiSao, true},
			{"province leader approves its own new commune", "langson", auth.PermApprove, f.NewDongDang, true},
			{"province leader approves the other province's old commune", "langson", auth.PermApprove, f.ThamDon, false},
			{"other province leader approves an old Lạng Sơn commune", "soctrang", auth.PermApprove, f.QuangLang, false},
			{"grant on a closed district covers the district", "oldchilang", auth.PermApprove, f.ChiLang, true},
			{"grant on a closed district does not follow its communes", "oldchilang", auth.PermApprove, f.QuangLang, false},
			{"grant on a closed district does not reach the new commune", "oldchilang", auth.PermRead, f.NewChiLang, false},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				got, err := e.s.Can(ctx, ps[tt.who], tt.perm, tt.unit.ID)
				if err != nil {
					t.Fatal(err)
				}
				if got != tt.want {
					t.Fatalf("%s: Can(%s, %s) = %v, want %v", tt.who, tt.perm, tt.unit.Code, got, tt.want)
				}
			})
		}
		// A closed unit can no longer be granted.
		u, _ := e.s.UserByLogin(ctx, auth.System(), "xachilang")
		_, err := e.s.GrantRole(ctx, auth.System(), u.ID, f.MaiSao.ID, auth.RoleViewer)
		wantCode(t, err, apperr.CodeInvalid, "Đơn vị đã giải thể hoặc sáp nhập; hãy cấp quyền trên đơn vị hiện nay.")
	})
}

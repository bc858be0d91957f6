package auth_test

import (
	"context"
	"strings"
	"testing"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/db/dbtest"
)

// principal creates an account with grants, signs it in and returns who
// it is on each request.
func (e *env) principal(t *testing.T, login string, gs ...grantSpec) *auth.Principal {
	t.Helper()
	e.user(t, login, pw, gs...)
	p, err := e.s.Authenticate(context.Background(), e.login(t, login, pw).Token)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// accountRows is every account, grant and token row and the size of the
// audit log, to prove that a refused call wrote nothing.
func accountRows(t *testing.T, d *db.DB) string {
	t.Helper()
	return dbtest.Rows(t, d,
		"SELECT id, login, name, phone, email, active, version, password_hash FROM users ORDER BY id",
		"SELECT id, user_id, unit_id, role FROM grants ORDER BY id",
		"SELECT id, user_id, name, COALESCE(revoked_at, '') FROM api_tokens ORDER BY id",
		"SELECT COUNT(*) FROM audit_log")
}

// TestAccountsCheckWhoAsks: every account, grant and token method checks
// the principal itself. An administrator of province P may manage the
// accounts whose roles all lie in P; the administrator of the neighbour
// P2, an officer or a visitor may not, and their attempts write nothing.
// An account out of reach is "not found", so its existence is not told.
func TestAccountsCheckWhoAsks(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		ctx := context.Background()
		tr := e.tree
		adminP := e.principal(t, "adminp", grantSpec{auth.RoleAdmin, tr.P})
		adminP2 := e.principal(t, "adminp2", grantSpec{auth.RoleAdmin, tr.P2})
		officer := e.principal(t, "officer", grantSpec{auth.RoleOfficer, tr.A})
		leader := e.principal(t, "leader", grantSpec{auth.RoleLeader, tr.P})
		target := e.user(t, "target", pw, grantSpec{auth.RoleViewer, tr.B})
		grants, err := e.s.Grants(ctx, auth.System(), target.ID)
		if err != nil || len(grants) != 1 {
			t.Fatalf("grants %v %v", grants, err)
		}
		tok, _, err := e.s.CreateToken(ctx, auth.System(), officer.User.ID, "bảng tính")
		if err != nil {
			t.Fatal(err)
		}
		up := auth.UserUpdate{ID: target.ID, Version: target.Version, Name: "Tên Khác"}
		refused := []struct {
			name string
			code apperr.Code
			call func() error
		}{
			{"visitor creates an account", apperr.CodeUnauthorized, func() error {
				_, err := e.s.CreateUser(ctx, nil, auth.NewUser{Login: "moi", Name: "Mới", Password: pw})
				return err
			}},
			{"officer creates an account", apperr.CodeForbidden, func() error {
				_, err := e.s.CreateUser(ctx, officer, auth.NewUser{Login: "moi", Name: "Mới", Password: pw})
				return err
			}},
			{"leader lists accounts", apperr.CodeForbidden, func() error { _, _, err := e.s.ListUsers(ctx, leader, auth.UserFilter{}); return err }},
			{"neighbour reads the account", apperr.CodeNotFound, func() error { _, err := e.s.User(ctx, adminP2, target.ID); return err }},
			{"neighbour reads it by login", apperr.CodeNotFound, func() error { _, err := e.s.UserByLogin(ctx, adminP2, "target"); return err }},
			{"neighbour reads its grants", apperr.CodeNotFound, func() error { _, err := e.s.Grants(ctx, adminP2, target.ID); return err }},
			{"officer reads another account", apperr.CodeNotFound, func() error { _, err := e.s.User(ctx, officer, target.ID); return err }},
			{"neighbour edits", apperr.CodeNotFound, func() error { _, err := e.s.UpdateUser(ctx, adminP2, up); return err }},
			{"neighbour disables", apperr.CodeNotFound, func() error {
				_, err := e.s.SetActive(ctx, adminP2, target.ID, target.Version, false)
				return err
			}},
			{"neighbour resets the password", apperr.CodeNotFound, func() error { return e.s.SetPassword(ctx, adminP2, target.ID, "mật khẩu mới tinh") }},
			{"neighbour grants", apperr.CodeNotFound, func() error {
				_, err := e.s.GrantRole(ctx, adminP2, target.ID, tr.P2, auth.RoleViewer)
				return err
			}},
			{"neighbour revokes", apperr.CodeNotFound, func() error { return e.s.RevokeGrant(ctx, adminP2, target.ID, grants[0].ID) }},
			{"grant on a unit not administered", apperr.CodeForbidden, func() error {
				_, err := e.s.GrantRole(ctx, adminP, target.ID, tr.P2, auth.RoleViewer)
				return err
			}},
			{"grant on an unknown unit not administered", apperr.CodeForbidden, func() error {
				_, err := e.s.GrantRole(ctx, adminP, target.ID, 424242, auth.RoleViewer)
				return err
			}},
			{"revoke another account's grant", apperr.CodeNotFound, func() error {
				return e.s.RevokeGrant(ctx, adminP, officer.User.ID, grants[0].ID)
			}},
			{"an admin disables themselves", apperr.CodeInvalid, func() error {
				cur, err := e.s.User(ctx, adminP, adminP.User.ID)
				if err != nil {
					return err
				}
				_, err = e.s.SetActive(ctx, adminP, adminP.User.ID, cur.Version, false)
				return err
			}},
			{"a token for someone else", apperr.CodeNotFound, func() error {
				_, _, err := e.s.CreateToken(ctx, adminP, officer.User.ID, "của người khác")
				return err
			}},
			{"a neighbour's view of the tokens", apperr.CodeNotFound, func() error { _, err := e.s.Tokens(ctx, adminP2, officer.User.ID); return err }},
			{"a neighbour's view of a token", apperr.CodeNotFound, func() error { _, err := e.s.Token(ctx, adminP2, tok.ID); return err }},
			{"a neighbour revokes a token", apperr.CodeNotFound, func() error { return e.s.RevokeToken(ctx, adminP2, tok.ID) }},
			{"a leader reads another's tokens", apperr.CodeNotFound, func() error { _, err := e.s.Tokens(ctx, leader, officer.User.ID); return err }},
			{"a leader revokes another's token", apperr.CodeNotFound, func() error { return e.s.RevokeToken(ctx, leader, tok.ID) }},
			{"a visitor's token", apperr.CodeUnauthorized, func() error { return e.s.RevokeToken(ctx, nil, tok.ID) }},
		}
		for _, tt := range refused {
			t.Run(tt.name, func(t *testing.T) {
				before := accountRows(t, d)
				err := tt.call()
				if apperr.CodeOf(err) != tt.code {
					t.Fatalf("err = %v, want %s", err, tt.code)
				}
				if tt.code != apperr.CodeUnauthorized && tt.code != apperr.CodeInvalid {
					errText(t, err)
				}
				if after := accountRows(t, d); after != before {
					t.Errorf("a refused call wrote:\n%s\n%s", before, after)
				}
			})
		}

		// The administrator of P manages the account: every step works.
		if _, err := e.s.User(ctx, adminP, target.ID); err != nil {
			t.Fatal(err)
		}
		u, err := e.s.UpdateUser(ctx, adminP, up)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := e.s.GrantRole(ctx, adminP, target.ID, tr.A, auth.RoleOfficer); err != nil {
			t.Fatal(err)
		}
		if err := e.s.RevokeGrant(ctx, adminP, target.ID, grants[0].ID); err != nil {
			t.Fatal(err)
		}
		if err := e.s.SetPassword(ctx, adminP, target.ID, "mật khẩu đặt lại 2026"); err != nil {
			t.Fatal(err)
		}
		if _, err := e.s.SetActive(ctx, adminP, target.ID, u.Version, false); err != nil {
			t.Fatal(err)
		}
		// An officer reads their own account and keeps their own tokens.
		if _, err := e.s.User(ctx, officer, officer.User.ID); err != nil {
			t.Errorf("own account: %v", err)
		}
		if ts, err := e.s.Tokens(ctx, officer, officer.User.ID); err != nil || len(ts) != 1 {
			t.Errorf("own tokens: %v %v", ts, err)
		}
		if err := e.s.RevokeToken(ctx, officer, tok.ID); err != nil {
			t.Errorf("revoke own token: %v", err)
		}
		// The administrator of P revokes a token of an account they manage.
		tok2, _, err := e.s.CreateToken(ctx, officer, officer.User.ID, "thứ hai")
		if err != nil {
			t.Fatal(err)
		}
		if ts, err := e.s.Tokens(ctx, adminP, officer.User.ID); err != nil || len(ts) != 2 {
			t.Errorf("an admin lists a managed account's tokens: %v %v", ts, err)
		}
		if err := e.s.RevokeToken(ctx, adminP, tok2.ID); err != nil {
			t.Errorf("an admin revokes a managed account's token: %v", err)
		}
	})
}

// TestListUsersStaysInReach: each administrator lists the accounts
// holding a role in their reach; a national administrator every account.
func TestListUsersStaysInReach(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		ctx := context.Background()
		tr := e.tree
		national := e.principal(t, "quoc", grantSpec{auth.RoleAdmin, tr.Root})
		adminP2 := e.principal(t, "hoa", grantSpec{auth.RoleAdmin, tr.P2})
		e.user(t, "anh", pw, grantSpec{auth.RoleOfficer, tr.A})
		e.user(t, "binh", pw) // no role yet
		logins := func(p *auth.Principal, f auth.UserFilter) string {
			t.Helper()
			us, _, err := e.s.ListUsers(ctx, p, f)
			if err != nil {
				t.Fatal(err)
			}
			var out []string
			for _, u := range us {
				out = append(out, u.Login)
			}
			return strings.Join(out, " ")
		}
		if got := logins(national, auth.UserFilter{}); got != "anh binh hoa quoc" {
			t.Errorf("national admin lists %q", got)
		}
		if got := logins(adminP2, auth.UserFilter{}); got != "hoa" {
			t.Errorf("P2's admin lists %q", got)
		}
		// Asking for another province's units does not widen the reach.
		if got := logins(adminP2, auth.UserFilter{UnitIDs: []int64{tr.A}}); got != "" {
			t.Errorf("P2's admin asking for unit A lists %q", got)
		}
	})
}

// TestAuditLogReach: the audit log shows each reader the changes of the
// units they cover; changes of no unit only to a national administrator;
// a unit out of reach or an unknown login is an error on its field.
func TestAuditLogReach(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		ctx := context.Background()
		tr := e.tree
		national := e.principal(t, "quoc", grantSpec{auth.RoleAdmin, tr.Root})
		leaderP := e.principal(t, "lanh", grantSpec{auth.RoleLeader, tr.P})
		officer := e.principal(t, "can", grantSpec{auth.RoleOfficer, tr.A})
		e.user(t, "hai", pw, grantSpec{auth.RoleViewer, tr.P2})

		entities := func(p *auth.Principal, q auth.AuditQuery) (map[string]int, error) {
			rows, _, err := e.s.AuditLog(ctx, p, q)
			m := map[string]int{}
			for _, r := range rows {
				m[r.Entity]++
				if r.Entity == "grant" && p == leaderP && r.UnitID == tr.P2 {
					t.Error("the leader of P sees a grant on P2")
				}
			}
			return m, err
		}
		all, err := entities(national, auth.AuditQuery{Limit: 500})
		if err != nil || all["user"] == 0 || all["grant"] < 4 || all["session"] == 0 {
			t.Fatalf("national admin sees %v %v", all, err)
		}
		mine, err := entities(leaderP, auth.AuditQuery{Limit: 500})
		if err != nil || mine["user"] != 0 || mine["session"] != 0 || mine["grant"] == 0 || mine["grant"] >= all["grant"] {
			t.Errorf("the leader of P sees %v %v", mine, err)
		}
		if _, err := entities(officer, auth.AuditQuery{}); apperr.CodeOf(err) != apperr.CodeForbidden {
			t.Errorf("officer = %v, want forbidden", err)
		}
		_, err = entities(leaderP, auth.AuditQuery{UnitID: tr.P2, Login: "khong.co"})
		es, ok := err.(apperr.Errors)
		if !ok || es.Field("unit_id") == nil || es.Field("login") != nil {
			t.Errorf("out-of-reach unit and unknown login = %v, want the unit refused and the login not told", err)
		}
		// A login nobody has reads as one whose changes are out of reach.
		nobody, err := entities(national, auth.AuditQuery{Login: "khong.co"})
		if err != nil || len(nobody) != 0 {
			t.Errorf("unknown login = %v %v, want nothing and no error", nobody, err)
		}
		byUnit, err := entities(national, auth.AuditQuery{UnitID: tr.P2, Limit: 500})
		if err != nil || byUnit["grant"] != 1 || byUnit["user"] != 0 {
			t.Errorf("national admin's log of P2 = %v %v", byUnit, err)
		}
	})
}

// TestAuthorizerAdministers: org asks auth's authorizer whether a user
// administers a unit; an unknown unit is no, not an error.
func TestAuthorizerAdministers(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		ctx := context.Background()
		tr := e.tree
		adminP := e.principal(t, "adminp", grantSpec{auth.RoleAdmin, tr.P})
		leaderP := e.principal(t, "leaderp", grantSpec{auth.RoleLeader, tr.P})
		for _, tt := range []struct {
			name string
			p    *auth.Principal
			unit int64
			want bool
		}{
			{"admin of P on A", adminP, tr.A, true},
			{"admin of P on P2", adminP, tr.P2, false},
			{"admin of P on an unknown unit", adminP, 424242, false},
			{"leader of P on A", leaderP, tr.A, false},
			{"visitor", nil, tr.A, false},
			{"system", auth.System(), tr.P2, true},
		} {
			got, err := e.s.Authorizer(tt.p).Administers(ctx, tt.unit)
			if err != nil || got != tt.want {
				t.Errorf("%s = %v %v, want %v", tt.name, got, err, tt.want)
			}
		}
	})
}

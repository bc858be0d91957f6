package auth_test

import (
	"context"
	"testing"
	"time"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/db/dbtest"
)

// TestTokenScope: a token's principal is never wider than its owner's.
// A read-only token of an admin reads but neither writes nor
// administers; a token limited to commune A covers A only, with the
// owner's role there; units outside the owner's reach and expiries past
// the limit are refused; a token stops at its expiry and when its owner's
// password changes.
func TestTokenScope(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		ctx := context.Background()
		tr := e.tree
		owner := e.principal(t, "chu", grantSpec{auth.RoleAdmin, tr.P})
		principal := func(spec auth.TokenSpec) *auth.Principal {
			t.Helper()
			_, secret, err := e.s.CreateScopedToken(ctx, owner, owner.User.ID, spec)
			if err != nil {
				t.Fatalf("create %+v: %v", spec, err)
			}
			p, err := e.s.AuthenticateToken(ctx, secret)
			if err != nil {
				t.Fatal(err)
			}
			return p
		}
		can := func(p *auth.Principal, perm auth.Permission, unit int64) bool {
			t.Helper()
			ok, err := e.s.Can(ctx, p, perm, unit)
			if err != nil {
				t.Fatal(err)
			}
			return ok
		}

		full := principal(auth.TokenSpec{Name: "toàn quyền"})
		if !can(full, auth.PermWrite, tr.A) || !can(full, auth.PermAdmin, tr.P) || can(full, auth.PermRead, tr.P2) {
			t.Errorf("a full token should act as its owner: %+v", full.Grants)
		}

		ro := principal(auth.TokenSpec{Name: "chỉ đọc", ReadOnly: true})
		if !can(ro, auth.PermRead, tr.A) || can(ro, auth.PermWrite, tr.A) || can(ro, auth.PermAdmin, tr.P) || can(ro, auth.PermApprove, tr.B) {
			t.Errorf("read-only token: %+v", ro.Grants)
		}
		if len(auth.ScopeRoots(ro, auth.PermAdmin)) != 0 {
			t.Error("a read-only token keeps an admin scope")
		}
		if err := auth.RequireAdmin(ro); apperr.CodeOf(err) != apperr.CodeForbidden {
			t.Errorf("RequireAdmin(read-only token) = %v", err)
		}

		onA := principal(auth.TokenSpec{Name: "xã Cao Xá", UnitIDs: []int64{tr.A}})
		if !can(onA, auth.PermWrite, tr.A) || can(onA, auth.PermRead, tr.B) || can(onA, auth.PermRead, tr.P) {
			t.Errorf("token on A: %+v", onA.Grants)
		}
		sc, err := e.s.Scope(ctx, onA, auth.PermRead)
		if err != nil || sc.All || len(sc.Roots) != 1 || sc.Roots[0] != tr.A {
			t.Errorf("Scope(token on A) = %+v, %v", sc, err)
		}

		// A national admin's token limited to one province is not national.
		nat := e.principal(t, "quocgia", grantSpec{auth.RoleAdmin, tr.Root})
		_, secret, err := e.s.CreateScopedToken(ctx, nat, nat.User.ID, auth.TokenSpec{Name: "một tỉnh", UnitIDs: []int64{tr.P2}})
		if err != nil {
			t.Fatal(err)
		}
		np, err := e.s.AuthenticateToken(ctx, secret)
		if err != nil {
			t.Fatal(err)
		}
		if np.NationalAdmin || can(np, auth.PermRead, tr.P) || !can(np, auth.PermAdmin, tr.P2) {
			t.Errorf("national admin's token on P2: national %v, grants %+v", np.NationalAdmin, np.Grants)
		}

		// Refused: a unit out of the owner's reach, expiries in the past or
		// too far; nothing written.
		before := count(t, d, "SELECT COUNT(*) FROM api_tokens")
		for _, spec := range []auth.TokenSpec{
			{Name: "tỉnh bạn", UnitIDs: []int64{tr.P2}},
			{Name: "không có", UnitIDs: []int64{987654}},
			{Name: "quá khứ", ExpiresAt: start.Add(-time.Hour)},
			{Name: "quá xa", ExpiresAt: start.Add(auth.MaxTokenLife + time.Hour)},
		} {
			_, _, err := e.s.CreateScopedToken(ctx, owner, owner.User.ID, spec)
			if apperr.CodeOf(err) != apperr.CodeInvalid {
				t.Errorf("%s: err = %v, want invalid", spec.Name, err)
			}
			errText(t, err)
		}
		if after := count(t, d, "SELECT COUNT(*) FROM api_tokens"); after != before {
			t.Errorf("refused tokens wrote rows: %d → %d", before, after)
		}

		// Expiry.
		_, secret, err = e.s.CreateScopedToken(ctx, owner, owner.User.ID, auth.TokenSpec{Name: "một ngày", ExpiresAt: start.Add(24 * time.Hour)})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := e.s.AuthenticateToken(ctx, secret); err != nil {
			t.Fatal(err)
		}
		e.clk.advance(24 * time.Hour)
		_, err = e.s.AuthenticateToken(ctx, secret)
		wantCode(t, err, apperr.CodeUnauthorized, "Mã truy cập API đã hết hạn. Hãy tạo mã mới.")

		// A default token expires after DefaultTokenLife.
		tok, _, err := e.s.CreateToken(ctx, owner, owner.User.ID, "mặc định")
		if err != nil {
			t.Fatal(err)
		}
		if want := e.clk.now().Add(auth.DefaultTokenLife); !tok.ExpiresAt.Equal(want) {
			t.Errorf("default expiry %v, want %v", tok.ExpiresAt, want)
		}

		// A password change revokes every token of the account.
		_, secret, err = e.s.CreateToken(ctx, owner, owner.User.ID, "trước khi đổi mật khẩu")
		if err != nil {
			t.Fatal(err)
		}
		if err := e.s.SetPassword(ctx, auth.System(), owner.User.ID, "một mật khẩu mới hẳn"); err != nil {
			t.Fatal(err)
		}
		_, err = e.s.AuthenticateToken(ctx, secret)
		wantCode(t, err, apperr.CodeUnauthorized, "")
		if n := count(t, d, "SELECT COUNT(*) FROM api_tokens WHERE user_id = ? AND revoked_at IS NULL", owner.User.ID); n != 0 {
			t.Errorf("%d tokens live after the password changed", n)
		}
	})
}

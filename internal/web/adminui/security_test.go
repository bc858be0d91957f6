package adminui_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/pquerna/otp/totp"

	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/web/webtest"
)

// TestAdminSecurity: the administrator of Lạng Sơn sees an officer's
// tokens and second step, revokes a token and turns the second step off
// after confirming; requires a second step of a commune's users; the
// neighbour's administrator can do none of it.
func TestAdminSecurity(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s := newSite(t, d)
		ctx := context.Background()
		officer := s.User(whoOfficer)
		tok, _, err := s.Auth.CreateScopedToken(ctx, auth.System(), officer.ID, auth.TokenSpec{Name: "bảng tính xã", ReadOnly: true})
		if err != nil {
			t.Fatal(err)
		}
		// The officer turns a second step on.
		sess, err := s.Auth.StartSession(ctx, officer.ID, "192.0.2.1", "test")
		if err != nil {
			t.Fatal(err)
		}
		op, err := s.Auth.Authenticate(ctx, sess.Token)
		if err != nil {
			t.Fatal(err)
		}
		en, err := s.Auth.BeginTwoFactor(ctx, op)
		if err != nil {
			t.Fatal(err)
		}
		code, _ := totp.GenerateCode(en.Secret, s.Now())
		if _, err := s.Auth.ConfirmTwoFactor(ctx, op, code); err != nil {
			t.Fatal(err)
		}

		userPath := "/quan-tri/tai-khoan/" + itoa(officer.ID)
		page := body(t, s.get(userPath+"/bao-mat", whoAdminLS))
		if !strings.Contains(page, "bảng tính xã") || !strings.Contains(page, "chỉ đọc") || !strings.Contains(page, "còn 10 mã dự phòng") {
			t.Fatalf("security page lacks the token or the second step:\n%s", page)
		}
		revoke := userPath + "/ma-api/" + itoa(tok.ID) + "/thu-hoi"
		for _, path := range []string{userPath + "/bao-mat", revoke, userPath + "/hai-buoc"} {
			if res := s.get(path, whoAdminST); res.StatusCode != http.StatusNotFound {
				t.Errorf("the neighbour's admin: GET %s = %d", path, res.StatusCode)
			}
		}
		if res := s.post(revoke, whoAdminST, nil); res.StatusCode != http.StatusNotFound {
			t.Errorf("the neighbour's admin revokes: %d", res.StatusCode)
		}
		if !strings.Contains(body(t, s.get(revoke, whoAdminLS)), "Thu hồi mã truy cập") {
			t.Error("no confirmation before revoking")
		}
		if res := s.post(revoke, whoAdminLS, nil); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("revoke: %d", res.StatusCode)
		}
		if got, err := s.Auth.Token(ctx, auth.System(), tok.ID); err != nil || got.Active() {
			t.Errorf("token after the admin's revocation: %+v %v", got, err)
		}
		if res := s.post(userPath+"/hai-buoc", whoAdminLS, nil); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("turn off the second step: %d", res.StatusCode)
		}
		var n int
		if err := d.QueryRowContext(ctx, "SELECT COUNT(*) FROM users WHERE id = ? AND totp_enabled_at IS NULL AND totp_secret IS NULL", officer.ID).Scan(&n); err != nil || n != 1 {
			t.Errorf("second step still on after the reset: %d %v", n, err)
		}

		unitPath := "/quan-tri/don-vi/" + itoa(s.Units.NewChiLang.ID) + "/hai-buoc"
		if res := s.post(unitPath, whoAdminST, url.Values{"required": {"1"}}); res.StatusCode != http.StatusNotFound && res.StatusCode != http.StatusForbidden {
			t.Errorf("the neighbour's admin sets the rule: %d", res.StatusCode)
		}
		if res := s.post(unitPath, whoAdminLS, url.Values{"required": {"1"}}); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("set the rule: %d", res.StatusCode)
		}
		if _, ok := webtest.Doc(t, s.get(unitPath, whoAdminLS)).Find("input[name=required][checked]").Attr("value"); !ok {
			t.Error("the rule is not shown as set")
		}
		p, err := s.Auth.Authenticate(ctx, sess.Token)
		if err == nil && !p.TwoFactorDue {
			t.Error("the commune's officer is not due a second step after the rule")
		}
	})
}

// TestOwnTokenScopeForm: the token form makes a read-only token limited
// to units typed by code, expiring after the day typed; an unknown code
// or a unit out of the account's reach is refused with the form kept and
// nothing written.
func TestOwnTokenScopeForm(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s := newSite(t, d)
		ctx := context.Background()
		before := s.Count("api_tokens")
		for _, tt := range []struct{ units, want string }{
			{"LS-X1, KHONG-CO", "KHONG-CO"},
			{"ST", "ngoài phạm vi"},
		} {
			res := s.post("/tai-khoan/ma-api", whoAdminLS, url.Values{"name": {"chỉ một xã"}, "units": {tt.units}})
			page := body(t, res)
			if res.StatusCode != http.StatusBadRequest || !strings.Contains(page, tt.want) || !strings.Contains(page, tt.units) {
				t.Errorf("units %q: %d, want 400 naming %q with the form kept", tt.units, res.StatusCode, tt.want)
			}
		}
		if n := s.Count("api_tokens"); n != before {
			t.Fatalf("refused forms wrote tokens: %d → %d", before, n)
		}
		res := s.post("/tai-khoan/ma-api", whoAdminLS, url.Values{"name": {"chỉ một xã"}, "units": {"ls-x1"}, "read_only": {"1"}, "expires": {"31/12/2026"}})
		if res.StatusCode != http.StatusOK || !strings.Contains(body(t, res), "dv_") {
			t.Fatalf("create: %d", res.StatusCode)
		}
		ts, err := s.Auth.Tokens(ctx, auth.System(), s.User(whoAdminLS).ID)
		if err != nil || len(ts) == 0 {
			t.Fatal(ts, err)
		}
		tok := ts[0]
		if !tok.ReadOnly || len(tok.UnitIDs) != 1 || tok.UnitIDs[0] != s.Units.NewChiLang.ID || tok.ExpiresAt.IsZero() {
			t.Errorf("token %+v", tok)
		}
	})
}

package adminui_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/web/webtest"
)

// names lists the account names of a user list page.
func userNames(t *testing.T, res *http.Response) []string {
	t.Helper()
	var out []string
	webtest.Doc(t, res).Find("main ul.plain li > a").Each(func(_ int, s *goquery.Selection) { out = append(out, s.Text()) })
	return out
}

// TestAdminUserList: each admin sees the accounts holding grants in
// their scope, in Vietnamese order (D before Đ before H), and can search
// without diacritics.
func TestAdminUserList(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s := newSite(t, d)
		s.addUser("duong.dung", "Dương Văn Dũng", "", 0) // no grant yet
		tests := []struct {
			who, query string
			want       string
		}{
			{whoNational, "", "Dương Văn Dũng|Đặng Thị Cán|Hoàng Thị Lạng|Lê Văn Lãnh|Nguyễn Văn Quốc|Phạm Văn Khóa|Trần Văn Sóc|Vũ Văn Hết"},
			{whoAdminLS, "", "Đặng Thị Cán|Hoàng Thị Lạng|Lê Văn Lãnh|Phạm Văn Khóa|Vũ Văn Hết"},
			{whoAdminST, "", "Trần Văn Sóc"},
			{whoAdminLS, "dang thi", "Đặng Thị Cán"},
			{whoAdminST, "dang thi", ""},
		}
		for _, tc := range tests {
			got := strings.Join(userNames(t, s.get("/quan-tri/tai-khoan?q="+url.QueryEscape(tc.query), tc.who)), "|")
			if got != tc.want {
				t.Errorf("%s searching %q sees\n %s\nwant\n %s", tc.who, tc.query, got, tc.want)
			}
		}
	})
}

// TestAdminUsersAndGrants walks an account through its life: created
// with a typed password, edited (a stale save refused with the typing
// kept), disabled and enabled, its password reset, granted and revoked a
// role; every step leaves an audit row with before/after and no password.
func TestAdminUsersAndGrants(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s := newSite(t, d)
		ctx := context.Background()
		const pw = "Mật-khẩu-ban-đầu-2026"
		const pw2 = "Mật-khẩu-đặt-lại-2026"

		// A mismatched confirmation keeps the fields but not the password.
		res := s.post("/quan-tri/tai-khoan/moi", whoAdminLS, url.Values{"login": {"can.bo.moi"}, "name": {"Ngô Thị Mới"}, "phone": {"0912 345 678"}, "password": {pw}, "confirm": {"khác"}})
		b := body(t, res)
		if res.StatusCode != http.StatusBadRequest || strings.Contains(b, pw) || !strings.Contains(b, `value="Ngô Thị Mới"`) {
			t.Errorf("mismatched create = %d, password echoed %v", res.StatusCode, strings.Contains(b, pw))
		}
		res = s.post("/quan-tri/tai-khoan/moi", whoAdminLS, url.Values{"login": {"can.bo.moi"}, "name": {"Ngô Thị Mới"}, "phone": {"0912 345 678"}, "password": {pw}, "confirm": {pw}})
		res.Body.Close()
		if res.StatusCode != http.StatusSeeOther {
			t.Fatalf("create = %d", res.StatusCode)
		}
		u, err := s.Auth.UserByLogin(ctx, auth.System(), "can.bo.moi")
		if err != nil || u.Phone != "0912345678" || res.Header.Get("Location") != "/quan-tri/tai-khoan/"+itoa(u.ID) {
			t.Fatalf("created %+v %v at %q", u, err, res.Header.Get("Location"))
		}
		if r := s.lastAudit("user", "create"); r.After == "" || r.Actor != whoAdminLS {
			t.Errorf("create audit: %+v", r)
		}
		userPath := "/quan-tri/tai-khoan/" + itoa(u.ID)

		// Grant a role inside the scope; outside it is refused.
		res = s.post(userPath+"/quyen", whoAdminLS, url.Values{"unit_id": {itoa(s.Units.NewChiLang.ID)}, "role": {"officer"}})
		res.Body.Close()
		if res.StatusCode != http.StatusSeeOther {
			t.Fatalf("grant = %d", res.StatusCode)
		}
		before := s.dump()
		res = s.post(userPath+"/quyen", whoAdminLS, url.Values{"unit_id": {itoa(s.Units.NewKeSach.ID)}, "role": {"officer"}})
		res.Body.Close()
		if res.StatusCode != http.StatusForbidden {
			t.Errorf("grant outside scope = %d", res.StatusCode)
		}
		s.Unchanged("a grant outside scope", before, volatile...)
		if r := s.lastAudit("grant", "grant"); r.UnitID != s.Units.NewChiLang.ID || !strings.Contains(r.After, `"role":"officer"`) {
			t.Errorf("grant audit: %+v", r)
		}
		// The neighbour province's admin no longer reaches the account.
		if res := s.get(userPath, whoAdminST); res.StatusCode != http.StatusNotFound {
			t.Errorf("neighbour admin sees the account: %d", res.StatusCode)
		}

		// A stale save: someone else edits after the form was shown.
		page := webtest.Doc(t, s.get(userPath, whoAdminLS))
		version := page.Find("input[name=version]").AttrOr("value", "")
		if _, err := s.Auth.UpdateUser(ctx, auth.System(), auth.UserUpdate{ID: u.ID, Version: u.Version, Name: "Ngô Thị Mới", Phone: "0987654321"}); err != nil {
			t.Fatal(err)
		}
		res = s.post(userPath, whoAdminLS, url.Values{"version": {version}, "name": {"Ngô Thị Mới Sửa"}, "phone": {"0911111111"}, "email": {"moi@example.vn"}})
		if res.StatusCode != http.StatusConflict {
			t.Errorf("stale save = %d, want 409", res.StatusCode)
		}
		page = webtest.Doc(t, res)
		if !strings.Contains(page.Find("[role=alert]").Text(), "đã được người khác cập nhật") {
			t.Errorf("stale save message: %q", page.Find("[role=alert]").Text())
		}
		if page.Find("#name").AttrOr("value", "") != "Ngô Thị Mới Sửa" || page.Find("#email").AttrOr("value", "") != "moi@example.vn" {
			t.Error("the stale form lost what was typed")
		}
		if cur, _ := s.Auth.User(ctx, auth.System(), u.ID); cur.Phone != "0987654321" || cur.Name != "Ngô Thị Mới" {
			t.Errorf("stale save overwrote: %+v", cur)
		}
		// Saved again from the page as it is now.
		cur, _ := s.Auth.User(ctx, auth.System(), u.ID)
		res = s.post(userPath, whoAdminLS, url.Values{"version": {itoa(cur.Version)}, "name": {"Ngô Thị Mới Sửa"}, "phone": {"0911111111"}})
		res.Body.Close()
		if res.StatusCode != http.StatusSeeOther {
			t.Fatalf("save = %d", res.StatusCode)
		}
		if r := s.lastAudit("user", "update"); !strings.Contains(r.Before, "0987654321") || !strings.Contains(r.After, "Ngô Thị Mới Sửa") {
			t.Errorf("update audit: %+v", r)
		}

		// Disable (the account's sessions end), then enable.
		sess, err := s.Auth.StartSession(ctx, u.ID, "127.0.0.1", "test")
		if err != nil {
			t.Fatal(err)
		}
		if page := webtest.Doc(t, s.get(userPath+"/khoa", whoAdminLS)); !strings.Contains(page.Find("main").Text(), "can.bo.moi") {
			t.Error("the confirmation does not name the account")
		}
		cur, _ = s.Auth.User(ctx, auth.System(), u.ID)
		res = s.post(userPath+"/khoa", whoAdminLS, url.Values{"version": {itoa(cur.Version)}})
		res.Body.Close()
		if cur, _ = s.Auth.User(ctx, auth.System(), u.ID); res.StatusCode != http.StatusSeeOther || cur.Active {
			t.Fatalf("disable = %d, active %v", res.StatusCode, cur.Active)
		}
		if _, err := s.Auth.Authenticate(ctx, sess.Token); err == nil {
			t.Error("a disabled account's session still works")
		}
		if r := s.lastAudit("user", "disable"); r.Before == "" || r.After == "" {
			t.Errorf("disable audit: %+v", r)
		}
		res = s.post(userPath+"/khoa", whoAdminLS, url.Values{"version": {itoa(cur.Version)}})
		res.Body.Close()
		if cur, _ = s.Auth.User(ctx, auth.System(), u.ID); res.StatusCode != http.StatusSeeOther || !cur.Active {
			t.Errorf("enable = %d, active %v", res.StatusCode, cur.Active)
		}

		// Reset the password: the new one signs in, nothing records it.
		res = s.post(userPath+"/mat-khau", whoAdminLS, url.Values{"password": {pw2}, "confirm": {pw2}})
		res.Body.Close()
		if res.StatusCode != http.StatusSeeOther {
			t.Fatalf("reset = %d", res.StatusCode)
		}
		if _, err := s.Auth.Login(ctx, auth.LoginRequest{Login: "can.bo.moi", Password: pw2, Addr: "127.0.0.2"}); err != nil {
			t.Errorf("sign in with the reset password: %v", err)
		}
		s.lastAudit("user", "set_password")

		// Revoke the grant after a confirmation page.
		gs, _ := s.Auth.Grants(ctx, auth.System(), u.ID)
		revoke := userPath + "/quyen/" + itoa(gs[0].ID) + "/thu-hoi"
		if text := webtest.Doc(t, s.get(revoke, whoAdminLS)).Find("main").Text(); !strings.Contains(text, "Khối Dân vận xã Chi Lăng") {
			t.Errorf("revoke confirmation: %q", text)
		}
		res = s.post(revoke, whoAdminLS, nil)
		res.Body.Close()
		if gs, _ = s.Auth.Grants(ctx, auth.System(), u.ID); res.StatusCode != http.StatusSeeOther || len(gs) != 0 {
			t.Errorf("revoke = %d, grants left %v", res.StatusCode, gs)
		}
		if r := s.lastAudit("grant", "revoke"); !strings.Contains(r.Before, "officer") {
			t.Errorf("revoke audit: %+v", r)
		}

		// No password in the audit log.
		var n int
		if err := d.QueryRowContext(ctx, "SELECT COUNT(*) FROM audit_log WHERE before_json LIKE ? OR after_json LIKE ? OR before_json LIKE ? OR after_json LIKE ?",
			"%"+pw+"%", "%"+pw+"%", "%"+pw2+"%", "%"+pw2+"%").Scan(&n); err != nil || n != 0 {
			t.Errorf("passwords in the audit log: %d %v", n, err)
		}
	})
}

// TestAdminTokens: a user creates a token and sees its secret once, uses
// it, lists it and revokes it after a confirmation.
func TestAdminTokens(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s := newSite(t, d)
		res := s.post("/tai-khoan/ma-api", whoOfficer, url.Values{"name": {"Bảng tính báo cáo"}})
		if res.StatusCode != http.StatusOK {
			t.Fatalf("create token = %d", res.StatusCode)
		}
		secret := webtest.Doc(t, res).Find(".secret-value").Text()
		if !strings.HasPrefix(secret, auth.TokenPrefix) {
			t.Fatalf("secret shown = %q", secret)
		}
		api := func() int {
			res := s.APIResponse(http.MethodGet, "/api/v1/me", secret, nil)
			res.Body.Close()
			return res.StatusCode
		}
		if c := api(); c != http.StatusOK {
			t.Errorf("API with the new token = %d", c)
		}
		if r := s.lastAudit("api_token", "create"); r.Actor != whoOfficer || strings.Contains(r.After, secret) || !strings.Contains(r.After, "Bảng tính báo cáo") {
			t.Errorf("create audit: %+v", r)
		}
		b := body(t, s.get("/tai-khoan/ma-api", whoOfficer))
		if strings.Contains(b, secret) || !strings.Contains(b, "Bảng tính báo cáo") || !strings.Contains(b, secret[:9]) {
			t.Error("the list shows the secret again, or not the token")
		}
		if strings.Contains(body(t, s.get("/tai-khoan/ma-api", whoAdminLS)), "Bảng tính báo cáo") {
			t.Error("another user sees the token")
		}
		ts, _ := s.Auth.Tokens(context.Background(), auth.System(), s.User(whoOfficer).ID)
		path := "/tai-khoan/ma-api/" + itoa(ts[0].ID) + "/thu-hoi"
		if s.get(path, whoOfficer).StatusCode != http.StatusOK {
			t.Error("no revoke confirmation")
		}
		res = s.post(path, whoOfficer, nil)
		res.Body.Close()
		if res.StatusCode != http.StatusSeeOther {
			t.Fatalf("revoke = %d", res.StatusCode)
		}
		if c := api(); c != http.StatusUnauthorized {
			t.Errorf("API with the revoked token = %d", c)
		}
		r := s.lastAudit("api_token", "revoke")
		var after map[string]any
		if json.Unmarshal([]byte(r.After), &after) != nil || after["revoked"] != true || strings.Contains(r.After, secret) {
			t.Errorf("revoke audit: %+v", r)
		}
	})
}

package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/db/dbtest"
)

var allVisitors = []string{whoAnon, whoNational, whoAdminLS, whoAdminST, whoLeaderLS, whoOfficer, whoDisabled, whoExpired}

// TestAdminAccess drives every administration route as every kind of
// visitor. An allowed visitor gets the page or the form back (the forms
// sent are ones that change nothing: a bad date, a stale version, a
// password typed twice differently); a denied one is sent to sign in or
// refused with 401, 403 or 404. No request of this test may change the
// database or write an audit row.
func TestAdminAccess(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s := newAdmSite(t, d)
		ctx := context.Background()
		officer := s.users[whoOfficer]
		grants, err := s.auth.Grants(ctx, auth.System(), officer.ID)
		if err != nil || len(grants) != 1 {
			t.Fatalf("officer grants: %v %v", grants, err)
		}
		tok, _, err := s.auth.CreateToken(ctx, auth.System(), s.users[whoAdminLS].ID, "bảng tính")
		if err != nil {
			t.Fatal(err)
		}
		unitPath := "/quan-tri/don-vi/" + itoa(s.f.NewChiLang.ID)
		userPath := "/quan-tri/tai-khoan/" + itoa(officer.ID)
		revokePath := userPath + "/quyen/" + itoa(grants[0].ID) + "/thu-hoi"
		tokenPath := "/tai-khoan/ma-api/" + itoa(tok.ID) + "/thu-hoi"

		admins := []string{whoNational, whoAdminLS, whoAdminST}
		lsAdmins := []string{whoNational, whoAdminLS}
		signedIn := []string{whoNational, whoAdminLS, whoAdminST, whoLeaderLS, whoOfficer}
		badDate := url.Values{"step": {"preview"}, "date": {"31/02/2026"}, "name": {"Tên mới"}}

		type route struct {
			method, path string
			form         url.Values
			allowed      []string
		}
		routes := []route{
			{"GET", "/quan-tri", nil, admins},
			{"GET", "/quan-tri/don-vi", nil, admins},
			{"GET", unitPath, nil, lsAdmins},
			{"GET", "/quan-tri/tai-khoan", nil, admins},
			{"GET", "/quan-tri/tai-khoan/moi", nil, admins},
			{"POST", "/quan-tri/tai-khoan/moi", url.Values{"login": {"moi.tao"}, "name": {"Người Mới"}, "password": {admPassword}, "confirm": {"khác"}}, admins},
			{"GET", userPath, nil, lsAdmins},
			{"POST", userPath, url.Values{"name": {"Tên Khác"}, "version": {"0"}}, lsAdmins},
			{"GET", userPath + "/khoa", nil, lsAdmins},
			{"POST", userPath + "/khoa", url.Values{"version": {"0"}}, lsAdmins},
			{"GET", userPath + "/mat-khau", nil, lsAdmins},
			{"POST", userPath + "/mat-khau", url.Values{"password": {"Mật-khẩu-mới-123"}, "confirm": {"khác hẳn"}}, lsAdmins},
			{"GET", userPath + "/quyen", nil, lsAdmins},
			{"POST", userPath + "/quyen", url.Values{"role": {"viewer"}}, lsAdmins},
			{"GET", revokePath, nil, lsAdmins},
			{"POST", revokePath, nil, nil}, // allowed visitors revoke for real: see TestAdminUsersAndGrants
			{"GET", "/tai-khoan/ma-api", nil, signedIn},
			{"POST", "/tai-khoan/ma-api", url.Values{"name": {""}}, signedIn},
			{"GET", tokenPath, nil, []string{whoAdminLS}},
			{"POST", tokenPath, nil, nil}, // its owner revokes for real: see TestAdminTokens
			{"GET", "/quan-tri/nhat-ky", nil, []string{whoNational, whoAdminLS, whoAdminST, whoLeaderLS}},
		}
		for _, slug := range []string{"tao", "doi-ten", "chuyen", "sap-nhap", "chia-tach", "giai-the"} {
			routes = append(routes,
				route{"GET", unitPath + "/" + slug, nil, lsAdmins},
				route{"POST", unitPath + "/" + slug, badDate, lsAdmins})
		}
		before := s.dump()
		for _, rt := range routes {
			for _, who := range allVisitors {
				allowed := false
				for _, a := range rt.allowed {
					allowed = allowed || a == who
				}
				if rt.method == "POST" && rt.allowed == nil && isAllowedOwner(rt.path, who, tokenPath) {
					continue // the owner's real revocation is tested elsewhere
				}
				res := s.request(rt.method, rt.path, who, rt.form, false)
				res.Body.Close()
				loc := res.Header.Get("Location")
				toSignIn := res.StatusCode == http.StatusSeeOther && strings.HasPrefix(loc, "/dang-nhap")
				denied := toSignIn || res.StatusCode == 401 || res.StatusCode == 403 || res.StatusCode == 404
				switch {
				case allowed && (denied || res.StatusCode >= 500 || res.StatusCode == http.StatusSeeOther):
					t.Errorf("%s %s as %s = %d %s, want the page or form", rt.method, rt.path, who, res.StatusCode, loc)
				case !allowed && !denied:
					t.Errorf("%s %s as %s = %d, want it refused", rt.method, rt.path, who, res.StatusCode)
				}
				// Visitors without a valid session are sent to sign in
				// (GET) or refused as unauthenticated (POST).
				if !allowed && (who == whoAnon || who == whoDisabled || who == whoExpired) && rt.method == "GET" && !toSignIn {
					t.Errorf("GET %s as %s = %d %q, want a redirect to sign in", rt.path, who, res.StatusCode, loc)
				}
			}
		}
		if after := s.dump(); after != before {
			t.Errorf("denied or harmless requests changed the database:\n%s", diffLines(before, after))
		}
	})
}

// isAllowedOwner skips the requests that would really revoke.
func isAllowedOwner(path, who, tokenPath string) bool {
	if path == tokenPath {
		return who == whoAdminLS
	}
	return strings.Contains(path, "/quyen/") && (who == whoAdminLS || who == whoNational)
}

// diffLines shows the lines only one of two dumps has.
func diffLines(a, b string) string {
	in := func(s string) map[string]bool {
		m := map[string]bool{}
		for _, l := range strings.Split(s, "\n") {
			m[l] = true
		}
		return m
	}
	ma, mb := in(a), in(b)
	var out []string
	for l := range ma {
		if !mb[l] {
			out = append(out, "- "+l)
		}
	}
	for l := range mb {
		if !ma[l] {
			out = append(out, "+ "+l)
		}
	}
	return strings.Join(out, "\n")
}

// TestAdminRefusesForgedPosts: a POST without the csrf token, with a
// wrong one, or marked cross-site by the browser is refused before it
// does anything, even by an admin who may do the change.
func TestAdminRefusesForgedPosts(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s := newAdmSite(t, d)
		path := "/quan-tri/don-vi/" + itoa(s.f.NewChiLang.ID) + "/doi-ten"
		form := url.Values{"step": {"confirm"}, "date": {"01/01/2027"}, "name": {"Khối Dân vận xã Chi Lăng mới"}}
		before := s.dump()
		tests := []struct {
			name   string
			noCSRF bool
			form   url.Values
			hdr    []string
		}{
			{"no token", true, form, nil},
			{"wrong token", true, url.Values{"step": {"confirm"}, "date": {"01/01/2027"}, "name": {"X"}, "csrf": {"sai"}}, nil},
			{"cross-site fetch", false, form, []string{"Sec-Fetch-Site", "cross-site"}},
			{"foreign origin", false, form, []string{"Origin", "https://evil.example"}},
		}
		for _, tc := range tests {
			res := s.request(http.MethodPost, path, whoAdminLS, tc.form, tc.noCSRF, tc.hdr...)
			res.Body.Close()
			if res.StatusCode != http.StatusForbidden {
				t.Errorf("%s: status %d, want 403", tc.name, res.StatusCode)
			}
		}
		if after := s.dump(); after != before {
			t.Errorf("a forged post changed the database:\n%s", diffLines(before, after))
		}
		// The same post with the token goes through.
		res := s.post(path, whoAdminLS, form)
		res.Body.Close()
		if res.StatusCode != http.StatusSeeOther {
			t.Fatalf("genuine post = %d", res.StatusCode)
		}
		u, err := s.org.Get(context.Background(), s.f.NewChiLang.ID, day(2027, 1, 1))
		if err != nil || u.Name != "Khối Dân vận xã Chi Lăng mới" {
			t.Errorf("after the genuine post: %q %v", u.Name, err)
		}
	})
}

var _ = auth.RoleAdmin

package adminui_test

import (
	"context"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/web/webtest"
)

// TestAdminAccess drives every administration route as every kind of
// visitor. An allowed visitor gets the page or the form back (the forms
// sent are ones that change nothing: a bad date, a stale version, a
// password typed twice differently); a denied one is sent to sign in or
// refused with 401, 403 or 404. No request of this test may change the
// database or write an audit row.
func TestAdminAccess(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s := newSite(t, d)
		officer, grant, tok := s.lsRecords("bảng tính")
		grants := []auth.Grant{grant}
		unitPath := "/quan-tri/don-vi/" + itoa(s.Units.NewChiLang.ID)
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
			{"POST", "/quan-tri/tai-khoan/moi", url.Values{"login": {"moi.tao"}, "name": {"Người Mới"}, "password": {webtest.Password}, "confirm": {"khác"}}, admins},
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
			{"GET", userPath + "/bao-mat", nil, lsAdmins},
			{"GET", userPath + "/hai-buoc", nil, lsAdmins},
			{"POST", userPath + "/hai-buoc", nil, lsAdmins}, // the officer has no second step: a conflict, nothing written
			// admin.ls's token is not the officer's: not found for all.
			{"GET", userPath + "/ma-api/" + itoa(tok.ID) + "/thu-hoi", nil, nil},
			{"POST", userPath + "/ma-api/" + itoa(tok.ID) + "/thu-hoi", nil, nil},
			{"GET", unitPath + "/hai-buoc", nil, lsAdmins},
			{"POST", unitPath + "/hai-buoc", nil, nil}, // allowed visitors set the rule for real: see TestAdminSecurity
		}
		for _, slug := range []string{"tao", "doi-ten", "chuyen", "sap-nhap", "chia-tach", "giai-the"} {
			routes = append(routes,
				route{"GET", unitPath + "/" + slug, nil, lsAdmins},
				route{"POST", unitPath + "/" + slug, badDate, lsAdmins})
		}
		// Every route the feature mounts is in the table.
		for _, p := range s.Routes("/quan-tri", "/tai-khoan/ma-api") {
			m, pattern, _ := strings.Cut(p, " ")
			if !slices.ContainsFunc(routes, func(rt route) bool { return rt.method == m && matches(pattern, rt.path) }) {
				t.Errorf("route %s is not in the table", p)
			}
		}
		before := s.dump()
		for _, rt := range routes {
			for _, who := range allVisitors {
				allowed := slices.Contains(rt.allowed, who)
				if rt.method == "POST" && rt.allowed == nil && isAllowedOwner(rt.path, who, tokenPath) {
					continue // the owner's real revocation is tested elsewhere
				}
				if rt.method == "POST" && rt.path == unitPath+"/hai-buoc" && slices.Contains(lsAdmins, who) {
					continue // sets the unit's rule for real: TestAdminSecurity
				}
				var res *http.Response
				if rt.method == "GET" {
					res = s.get(rt.path, who)
				} else {
					res = s.post(rt.path, who, rt.form)
				}
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
				// (GET) or refused (POST).
				if !allowed && (who == whoAnon || who == whoDisabled || who == whoExpired) && rt.method == "GET" && !toSignIn {
					t.Errorf("GET %s as %s = %d %q, want a redirect to sign in", rt.path, who, res.StatusCode, loc)
				}
			}
		}
		s.Unchanged("denied or harmless requests", before, volatile...)
	})
}

// lsRecords are Lạng Sơn's records the access tests ask about: the
// officer's account, its one grant, and an API token of admin.ls named
// name.
func (s *site) lsRecords(name string) (auth.User, auth.Grant, auth.Token) {
	s.t.Helper()
	ctx := context.Background()
	officer := s.User(whoOfficer)
	grants, err := s.Auth.Grants(ctx, auth.System(), officer.ID)
	if err != nil || len(grants) != 1 {
		s.t.Fatalf("officer grants: %v %v", grants, err)
	}
	tok, _, err := s.Auth.CreateToken(ctx, auth.System(), s.User(whoAdminLS).ID, name)
	if err != nil {
		s.t.Fatal(err)
	}
	return officer, grants[0], tok
}

// matches reports whether path is an instance of the route pattern.
func matches(pattern, path string) bool {
	ps, xs := strings.Split(pattern, "/"), strings.Split(path, "/")
	if len(ps) != len(xs) {
		return false
	}
	for i := range ps {
		if !strings.HasPrefix(ps[i], "{") && ps[i] != xs[i] {
			return false
		}
	}
	return true
}

// isAllowedOwner skips the requests that would really revoke.
func isAllowedOwner(path, who, tokenPath string) bool {
	if path == tokenPath {
		return who == whoAdminLS
	}
	return strings.Contains(path, "/quyen/") && (who == whoAdminLS || who == whoNational)
}

// TestEveryAdminRouteOutOfScope walks every route the feature mounts as
// the administrator of Sóc Trăng and as an officer of Lạng Sơn, against
// Lạng Sơn's unit, account, grant and token: each request about them is
// refused, the routes about nothing in particular (the entry pages, the
// lists, the log, one's own tokens) show nothing of Lạng Sơn, and the
// database is unchanged.
func TestEveryAdminRouteOutOfScope(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s := newSite(t, d)
		officer, grant, tok := s.lsRecords("bảng tính Lạng Sơn")
		grants := []auth.Grant{grant}
		// What only Lạng Sơn's records show, to each visitor.
		secrets := map[string][]string{
			whoAdminST: {"Khối Dân vận xã Chi Lăng", "Đặng Thị Cán", whoOfficer, "bảng tính Lạng Sơn", "Ban Dân vận Tỉnh ủy Lạng Sơn", "Hoàng Thị Lạng"},
			whoOfficer: {"bảng tính Lạng Sơn", "Ban Dân vận Tỉnh ủy Lạng Sơn", "Hoàng Thị Lạng", whoAdminLS},
		}
		forms := map[string]url.Values{
			"/quan-tri/tai-khoan/moi": {"login": {"moi.tao"}, "name": {"Người Mới"}, "password": {webtest.Password}, "confirm": {"khác"}},
			"/tai-khoan/ma-api":       {"name": {""}},
		}
		for _, who := range []string{whoAdminST, whoOfficer} {
			t.Run(who, func(t *testing.T) {
				before := s.dump()
				for _, pattern := range s.Routes("/quan-tri", "/tai-khoan/ma-api") {
					method, path := s.Fill(pattern, "id", pathID(pattern, s, officer.ID, tok.ID), "gid", itoa(grants[0].ID), "tid", itoa(tok.ID))
					form := forms[path]
					if form == nil {
						form = url.Values{"step": {"confirm"}, "date": {"01/01/2027"}, "name": {"Tên khác"}, "version": {"1"},
							"role": {"viewer"}, "unit_id": {itoa(s.Units.NewChiLang.ID)}, "password": {"Mật-khẩu-mới-2026"}, "confirm": {"Mật-khẩu-mới-2026"}}
					}
					var res *http.Response
					if method == "GET" {
						res = s.get(path, who)
					} else {
						res = s.post(path, who, form)
					}
					page := body(t, res)
					refused := res.StatusCode == 401 || res.StatusCode == 403 || res.StatusCode == 404
					aboutOne := strings.Contains(pattern, "{id}")
					switch {
					case aboutOne && !refused:
						t.Errorf("%s %s = %d, want it refused", method, path, res.StatusCode)
					case !aboutOne && res.StatusCode >= 500:
						t.Errorf("%s %s = %d", method, path, res.StatusCode)
					}
					for _, secret := range secrets[who] {
						if strings.Contains(page, secret) {
							t.Errorf("%s %s shows %q", method, path, secret)
						}
					}
				}
				if d := webtest.Diff(before, s.dump()); d != "" {
					t.Errorf("requests out of scope changed the database:\n%s", d)
				}
			})
		}
	})
}

// pathID is the {id} of a route: a Lạng Sơn commune, the officer's
// account, or admin.ls's API token.
func pathID(pattern string, s *site, account, token int64) string {
	switch {
	case strings.Contains(pattern, "/quan-tri/don-vi/"):
		return itoa(s.Units.NewChiLang.ID)
	case strings.Contains(pattern, "/quan-tri/tai-khoan/"):
		return itoa(account)
	}
	return itoa(token)
}

// TestAdminRefusesForgedPosts: a POST without the csrf token, with a
// wrong one, or marked cross-site by the browser is refused before it
// does anything, even by an admin who may do the change.
func TestAdminRefusesForgedPosts(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s := newSite(t, d)
		path := "/quan-tri/don-vi/" + itoa(s.Units.NewChiLang.ID) + "/doi-ten"
		form := url.Values{"step": {"confirm"}, "date": {"01/01/2027"}, "name": {"Khối Dân vận xã Chi Lăng mới"}}
		c := s.clients[whoAdminLS]
		token := c.CSRF()
		before := s.dump()
		with := func(extra ...string) url.Values {
			f := url.Values{}
			for k, v := range form {
				f[k] = v
			}
			for i := 0; i+1 < len(extra); i += 2 {
				f.Set(extra[i], extra[i+1])
			}
			return f
		}
		tests := []struct {
			name string
			form url.Values
			hdr  []string
		}{
			{"no token", with("csrf", ""), nil},
			{"wrong token", with("csrf", "sai"), nil},
			{"cross-site fetch", with("csrf", token), []string{"Sec-Fetch-Site", "cross-site"}},
			{"foreign origin", with("csrf", token), []string{"Origin", "https://evil.example"}},
		}
		for _, tc := range tests {
			res := c.Post(path, tc.form, tc.hdr...)
			res.Body.Close()
			if res.StatusCode != http.StatusForbidden {
				t.Errorf("%s: status %d, want 403", tc.name, res.StatusCode)
			}
		}
		s.Unchanged("a forged post", before, volatile...)
		// The same post with the token goes through.
		res := c.Post(path, with("csrf", token))
		res.Body.Close()
		if res.StatusCode != http.StatusSeeOther {
			t.Fatalf("genuine post = %d", res.StatusCode)
		}
		u, err := s.Org.Get(context.Background(), s.Units.NewChiLang.ID, day(2027, 1, 1))
		if err != nil || u.Name != "Khối Dân vận xã Chi Lăng mới" {
			t.Errorf("after the genuine post: %q %v", u.Name, err)
		}
	})
}

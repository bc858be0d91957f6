package adminui_test

import (
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/web/webtest"
)

// adminPages are the administration pages, forms, previews and refused
// forms a language test opens as the national admin: GETs, and POSTs
// with their forms.
func adminPages(s *site) (gets []string, posts []struct {
	path string
	form url.Values
}) {
	commune := "/quan-tri/don-vi/" + itoa(s.Units.NewChiLang.ID)
	officer := "/quan-tri/tai-khoan/" + itoa(s.User(whoOfficer).ID)
	gets = []string{"/quan-tri", "/quan-tri/don-vi", "/quan-tri/don-vi?q=chi", commune, "/quan-tri/tai-khoan", "/quan-tri/tai-khoan/moi",
		officer, officer + "/khoa", officer + "/mat-khau", officer + "/quyen?q=chi", "/tai-khoan/ma-api", "/quan-tri/nhat-ky",
		"/quan-tri/nhat-ky?loai=user", "/quan-tri/nhat-ky?loai=unit", "/quan-tri/nhat-ky?loai=grant", "/quan-tri/nhat-ky?dv=xa"}
	for _, slug := range []string{"tao", "doi-ten", "chuyen", "sap-nhap", "chia-tach", "giai-the"} {
		gets = append(gets, commune+"/"+slug)
	}
	add := func(path string, form url.Values) {
		posts = append(posts, struct {
			path string
			form url.Values
		}{path, form})
	}
	add(commune+"/doi-ten", url.Values{"step": {"preview"}, "name": {"Tên mới"}, "date": {"01/01/2027"}})
	add(commune+"/sap-nhap", url.Values{"step": {"preview"}, "ids": {itoa(s.Units.NewDongDang.ID)}, "into_mode": {"existing"}, "into": {itoa(s.script.ID)}, "date": {"01/01/2027"}})
	add(commune+"/chia-tach", url.Values{"step": {"preview"}, "parts": {"2"}, "part_unit_0": {itoa(s.Units.NewDongDang.ID)}, "part_share_0": {"50"},
		"part_code_1": {"N1"}, "part_name_1": {"Xã Mới"}, "part_share_1": {"50"}, "date": {"01/01/2027"}})
	add(commune+"/giai-the", url.Values{"step": {"preview"}, "date": {"01/01/2027"}})
	add(commune+"/chuyen", url.Values{"step": {"preview"}, "parent_id": {itoa(s.Units.SocTrang.ID)}, "date": {"01/01/2027"}})
	add(commune+"/tao", url.Values{"step": {"preview"}, "code": {"LS-N9"}, "name": {"Hội Nông dân xã Chi Lăng"}, "level": {"commune"}, "kind": {"farmers_union"}, "date": {"01/01/2027"}})
	return gets, posts
}

// TestAdminPagesSpeakBothLanguages opens the administration pages, forms
// and previews in Vietnamese and in English: no text may be missing from
// the catalog (shown as [key]), including keys built from an operation,
// a level, a kind, a role or a record kind.
func TestAdminPagesSpeakBothLanguages(t *testing.T) {
	s := newSite(t, dbtest.Open(t, "sqlite"))
	gets, posts := adminPages(s)
	for _, lang := range []string{"vi", "en"} {
		check := func(what string, res *http.Response) {
			t.Helper()
			b := body(t, res)
			if res.StatusCode != http.StatusOK || !strings.Contains(b, `<html lang="`+lang+`"`) {
				t.Errorf("%s (%s) = %d, or in another language", what, lang, res.StatusCode)
			}
			if m := missingKey.FindString(b); m != "" {
				t.Errorf("%s (%s) lacks a text: %s", what, lang, m)
			}
		}
		for _, p := range gets {
			check(p, s.get(p+sep(p)+"lang="+lang, whoNational))
		}
		for _, p := range posts {
			check(p.path+" preview", s.post(p.path+"?lang="+lang, whoNational, p.form))
		}
	}
}

// missingKey is how the catalog shows a key it lacks.
var missingKey = regexp.MustCompile(`\[[a-z_]+\.[a-z_.]+\]`)

func sep(path string) string {
	if strings.Contains(path, "?") {
		return "&"
	}
	return "?"
}

// TestAdminPagesShowNoVietnameseInEnglish opens every administration
// page, preview and refused form in English after changes of every kind
// were made (so the audit log has rows of each), and fails on any
// Vietnamese word left once the data is taken out (every unit's and
// account's name, and the words typed in the test's forms): such a word
// came from Go code or a template, not from the data.
func TestAdminPagesShowNoVietnameseInEnglish(t *testing.T) {
	s := newSite(t, dbtest.Open(t, "sqlite"))
	// Changes of every kind, for the audit log.
	for _, p := range []struct {
		path string
		form url.Values
	}{
		{"/quan-tri/don-vi/" + itoa(s.Units.NewChiLang.ID) + "/doi-ten", url.Values{"name": {"Khối Dân vận xã Chi Lăng (mới)"}, "date": {"01/01/2027"}}},
		{"/quan-tri/don-vi/" + itoa(s.script.ID) + "/giai-the", url.Values{"date": {"01/01/2027"}}},
		{"/quan-tri/tai-khoan/" + itoa(s.User(whoOfficer).ID) + "/quyen", url.Values{"unit_id": {itoa(s.Units.NewDongDang.ID)}, "role": {"viewer"}}},
		{"/quan-tri/tai-khoan/" + itoa(s.User(whoOfficer).ID) + "/mat-khau", url.Values{"password": {"Mật-khẩu-mới-2026"}, "confirm": {"Mật-khẩu-mới-2026"}}},
		{"/tai-khoan/ma-api", url.Values{"name": {"Bảng tính"}}},
	} {
		p.form.Set("step", "confirm")
		res := s.post(p.path, whoNational, p.form)
		res.Body.Close()
		if res.StatusCode >= 400 {
			t.Fatalf("%s = %d", p.path, res.StatusCode)
		}
	}
	data := append(s.DataNames(), "Khối Dân vận xã Chi Lăng (mới)", "Bảng tính", "Mật-khẩu-mới-2026", "Xã Mới", "không phải thư", "ngắn",
		"Tên mới", "khong co xa nay", "Hội Nông dân xã Chi Lăng")
	for _, who := range allVisitors {
		data = append(data, "Cán bộ "+who) // the name webtest gave the account before it was renamed
	}
	gets, posts := adminPages(s)
	// Refused forms show the domain's errors.
	commune := "/quan-tri/don-vi/" + itoa(s.Units.NewDongDang.ID)
	posts = append(posts, []struct {
		path string
		form url.Values
	}{
		{commune + "/doi-ten", url.Values{"step": {"preview"}, "name": {" "}, "date": {"01/01/2027"}}},
		{commune + "/doi-ten", url.Values{"step": {"preview"}, "name": {"X"}, "date": {"31/02/2027"}}},
		{"/quan-tri/don-vi/" + itoa(s.Units.LangSon.ID) + "/giai-the", url.Values{"step": {"preview"}, "date": {"01/01/2027"}}},
		{commune + "/sap-nhap", url.Values{"step": {"preview"}, "into_mode": {"existing"}, "into": {itoa(s.Units.LangSon.ID)}, "date": {"01/01/2027"}}},
		{commune + "/chia-tach", url.Values{"step": {"preview"}, "parts": {"2"}, "part_unit_0": {itoa(s.Units.NewChiLang.ID)}, "part_share_0": {"60"},
			"part_code_1": {"N2"}, "part_name_1": {"Xã Mới"}, "part_share_1": {"60"}, "date": {"01/01/2027"}}},
		{"/quan-tri/tai-khoan/moi", url.Values{"login": {"x"}, "name": {" "}, "phone": {"abc"}, "email": {"không phải thư"}, "password": {"ngắn"}, "confirm": {"ngắn"}}},
		{"/tai-khoan/ma-api", url.Values{"name": {" "}}},
	}...)
	gets = append(gets, "/quan-tri/nhat-ky?nguoi=khong.co&tu=32/13/2026", "/quan-tri/nhat-ky?dv=khong+co+xa+nay")
	check := func(what string, res *http.Response) {
		t.Helper()
		if res.StatusCode >= 500 {
			t.Errorf("%s = %d", what, res.StatusCode)
		}
		// Clipped: VietnameseLeft appends to and sorts the slice it is given.
		for _, left := range webtest.VietnameseLeft(webtest.Doc(t, res), slices.Clip(data)...) {
			t.Errorf("%s in English shows Vietnamese: %s", what, left)
		}
	}
	for _, p := range gets {
		check(p, s.get(p+sep(p)+"lang=en", whoNational))
	}
	for _, p := range posts {
		check("POST "+p.path, s.post(p.path+"?lang=en", whoNational, p.form))
	}
}

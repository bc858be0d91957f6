package adminui_test

import (
	"context"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/web"
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
// Vietnamese text of a catalog (a label, a message, an error) in the
// visible text: what Go code puts on a page must be translated. Unit
// and person names are data and may be Vietnamese: a catalog text found
// inside one of them is not counted.
func TestAdminPagesShowNoVietnameseInEnglish(t *testing.T) {
	s := newSite(t, dbtest.Open(t, "sqlite"))
	ctx := context.Background()
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
	vi := vietnameseTexts(t)
	data := s.dataNames(t)
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
		doc := webtest.Doc(t, res)
		doc.Find("script, style, input[type=hidden]").Remove()
		text := doc.Find("body").Text()
		for _, v := range vi {
			if strings.Contains(text, v) && !insideData(v, data) {
				i := strings.Index(text, v)
				t.Errorf("%s in English shows %q: …%s…", what, v, text[max(0, i-40):min(len(text), i+len(v)+40)])
			}
		}
	}
	for _, p := range gets {
		check(p, s.get(p+sep(p)+"lang=en", whoNational))
	}
	for _, p := range posts {
		check("POST "+p.path, s.post(p.path+"?lang=en", whoNational, p.form))
	}
	// The national admin's own forms in English with errors from auth.
	if u, err := s.Auth.User(ctx, auth.System(), s.User(whoNational).ID); err != nil || u.Login != whoNational {
		t.Fatal(u, err)
	}
}

// vietnameseTexts are the pieces of every catalog's Vietnamese texts that
// differ from their English, cut at the format verbs, that have letters
// English does not use.
func vietnameseTexts(t *testing.T) []string {
	t.Helper()
	c, err := web.Catalog()
	if err != nil {
		t.Fatal(err)
	}
	verb := regexp.MustCompile(`%[-+# 0-9.]*[a-zA-Z%]`)
	seen := map[string]bool{}
	var out []string
	for _, m := range c {
		if m.VI() == m.EN() {
			continue
		}
		for _, piece := range verb.Split(m.VI(), -1) {
			piece = strings.Trim(piece, " .,:;()“”\"'–—·›…")
			if utf8.RuneCountInString(piece) < 4 || seen[piece] || !hasVietnamese(piece) {
				continue
			}
			seen[piece] = true
			out = append(out, piece)
		}
	}
	return out
}

// hasVietnamese reports whether s has a letter outside ASCII.
func hasVietnamese(s string) bool {
	for _, r := range s {
		if r > 127 && r != '–' && r != '—' && r != '…' && r != '“' && r != '”' && r != '›' && r != '→' && r != '·' {
			return true
		}
	}
	return false
}

// dataNames are the names the pages may show as data: every unit's names
// through its history, every account's name and the words typed in the
// test's forms.
func (s *site) dataNames(t *testing.T) []string {
	t.Helper()
	ctx := context.Background()
	var out []string
	ids, err := s.Org.IDsByCode(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range ids {
		vs, err := s.Org.History(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		for _, v := range vs {
			out = append(out, v.Name, v.ShortName)
		}
	}
	us, _, err := s.Auth.ListUsers(ctx, auth.System(), auth.UserFilter{Limit: 500})
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range us {
		out = append(out, u.Name)
	}
	return append(out, "Bảng tính", "Mật-khẩu-mới-2026", "Xã Mới", "không phải thư", "ngắn", "Tên mới", "khong co xa nay", "Hội Nông dân xã Chi Lăng")
}

func insideData(v string, data []string) bool {
	for _, d := range data {
		if strings.Contains(d, v) {
			return true
		}
	}
	return false
}

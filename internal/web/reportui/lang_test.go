package reportui_test

import (
	"context"
	"io/fs"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/PuerkitoBio/goquery"

	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/i18n"
	"github.com/danvan/danvan/internal/org"
	"github.com/danvan/danvan/internal/report"
	"github.com/danvan/danvan/internal/vntext"
	"github.com/danvan/danvan/internal/web"
	"github.com/danvan/danvan/internal/web/kit"
	"github.com/danvan/danvan/internal/web/reportui"
	"github.com/danvan/danvan/internal/web/webtest"
)

// ownCatalogs are the catalogs whose words the reporting pages show.
var ownCatalogs = []i18n.Catalog{report.Messages, reportui.Messages, kit.Messages, vntext.Messages, org.Messages}

// vietnameseOnly are the words of the catalogs' Vietnamese texts that
// carry Vietnamese letters and appear in no English text: seeing one on
// an English page means a label came through untranslated.
func vietnameseOnly() map[string]bool {
	words := func(s string) []string {
		return strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) })
	}
	en := map[string]bool{}
	for _, c := range ownCatalogs {
		for _, t := range c {
			for _, w := range words(t.EN()) {
				en[strings.ToLower(w)] = true
			}
		}
	}
	out := map[string]bool{}
	for _, c := range ownCatalogs {
		for _, t := range c {
			if t.VI() == t.EN() {
				continue
			}
			for _, w := range words(t.VI()) {
				lw := strings.ToLower(w)
				if !en[lw] && strings.IndexFunc(lw, func(r rune) bool { return r > unicode.MaxASCII }) >= 0 {
					out[lw] = true
				}
			}
		}
	}
	return out
}

// TestPagesInEnglish renders every reporting page with ?lang=en, as the
// people who see it, and fails on a Vietnamese word from the catalogs
// left in the page's text once the data (unit, indicator, form and
// person names, what people typed) is taken out.
func TestPagesInEnglish(t *testing.T) {
	w := newWorld(t, dbtest.Open(t, "sqlite"))
	ctx := context.Background()
	rep := w.submitted(t)
	leader, officer := w.As("lanhdao.tinh"), w.As("canbo.xa")
	if res := leader.Post("/bao-cao/"+itoa(rep.ID)+"/tra-lai", url.Values{"version": {itoa(rep.Version)}, "comment": {"Bổ sung số liệu hòa giải"}}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("return = %d", res.StatusCode)
	}
	// The data a page may show: every unit's names, the catalogue, the
	// forms, the accounts and what was typed.
	var data []string
	for _, day := range []string{"2020-06-30", "2026-03-02"} {
		tree, err := w.Org.Tree(ctx, mustDay(t, day))
		if err != nil {
			t.Fatal(err)
		}
		for _, u := range tree {
			data = append(data, u.Name, u.ShortName)
		}
	}
	inds, err := w.store.Indicators(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, i := range inds {
		data = append(data, i.Name, i.Measure)
	}
	forms, err := w.store.Forms(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range forms {
		data = append(data, f.Name)
	}
	for _, login := range []string{"lanhdao.tinh", "canbo.xa", "canbo.st"} {
		data = append(data, w.User(login).Name)
	}
	data = append(data, "Bổ sung số liệu hòa giải", "Tổ chức tốt các hội nghị.", "12 vụ", report.SheetName)
	sort.Slice(data, func(a, b int) bool { return len(data[a]) > len(data[b]) }) // longest first
	vi := vietnameseOnly()
	if len(vi) < 100 {
		t.Fatalf("only %d Vietnamese-only words: the word list is broken", len(vi))
	}
	check := func(who, path string, res *http.Response) {
		t.Helper()
		if res.StatusCode >= 500 {
			t.Errorf("%s %s: %d", who, path, res.StatusCode)
		}
		doc := webtest.Doc(t, res)
		doc.Find("script, style").Remove()
		text := doc.Find("html").Text()
		doc.Find("[title], [aria-label], [placeholder]").Each(func(_ int, s *goquery.Selection) {
			for _, a := range []string{"title", "aria-label", "placeholder"} {
				text += " " + s.AttrOr(a, "")
			}
		})
		for _, d := range data {
			if d != "" {
				text = strings.ReplaceAll(text, d, " ")
			}
		}
		var found []string
		for _, word := range strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) }) {
			if vi[strings.ToLower(word)] && !slices.Contains(found, word) {
				found = append(found, word)
			}
		}
		if len(found) > 0 {
			t.Errorf("%s %s in English shows Vietnamese: %v", who, path, found)
		}
	}
	province, commune := itoa(w.Units.LangSon.ID), itoa(w.Units.NewChiLang.ID)
	for _, c := range []struct {
		who    string
		client *webtest.Client
		path   string
	}{
		{"a visitor", w.Anon(), "/chi-tieu"},
		{"the leader", leader, "/chi-tieu"},
		{"the leader", leader, "/bao-cao/tong-hop?don-vi=" + province + "&ky=2026S2&gom=cho-duyet"},
		{"the leader", leader, "/bao-cao/tong-hop?don-vi=" + province + "&ky=2026S2&xem=nay&sap-xep=DV02"},
		{"the leader", leader, "/bao-cao"},
		{"the leader", leader, "/bao-cao/" + itoa(rep.ID)},
		{"the officer", officer, "/bao-cao"},
		{"the officer", officer, "/bao-cao/nhap?don-vi=" + commune + "&ky=2026S2"},
		{"the officer", officer, "/bao-cao/tai-len?don-vi=" + commune + "&ky=2026S2"},
		{"the officer", officer, "/bao-cao/" + itoa(rep.ID)},
		{"the officer", officer, "/"},
	} {
		sep := "?"
		if strings.Contains(c.path, "?") {
			sep = "&"
		}
		check(c.who, c.path, c.client.Get(c.path+sep+"lang=en"))
	}
	// Refused forms in English: the entry's errors, an upload's problems,
	// a decision refused.
	form := url.Values{"don-vi": {commune}, "ky": {"2026S2"}, "mau": {report.FormHalf}, "version": {itoa(rep.Version + 1)},
		field(w.dv): {"-3"}, field(w.an1): {"4"}, field(w.an2): {"9"}, field(w.pc): {"120"}, "action": {"submit"}}
	check("the officer", "POST /bao-cao/nhap", officer.Post("/bao-cao/nhap?lang=en", form))
	csv := []byte("Mã đơn vị,Tên,Mã chỉ tiêu,Tên,ĐVT,Phân tổ,Giá trị\nLS-X1,x,DV02,x,x,,12 vụ\nLS-X9,x,DV02,x,x,,1\nLS-X1,x,AN03,x,x,,1\n")
	check("the officer", "POST /bao-cao/tai-len", officer.PostMultipart("/bao-cao/tai-len?lang=en&don-vi="+commune+"&ky=2026S2",
		map[string]string{"mau": report.FormHalf}, webtest.File{Field: "tep", Name: "so-lieu.csv", Data: csv}))
	check("the leader", "POST /bao-cao/{id}/duyet", leader.Post("/bao-cao/"+itoa(rep.ID)+"/duyet?lang=en", url.Values{"version": {"1"}}))
	check("another province's officer", "GET /bao-cao/{id}", w.As("canbo.st").Get("/bao-cao/"+itoa(rep.ID)+"?lang=en"))
	// An export in English has English headers and statuses.
	res := leader.Get("/bao-cao/xuat.csv?lang=en&don-vi=" + province + "&ky=2026S2")
	body := webtest.Body(t, res)
	if !strings.Contains(body, "Unit code") || !strings.Contains(body, "Returned") || strings.Contains(body, "Bị trả lại") {
		t.Errorf("English export: %q", body)
	}
	// The API's errors follow ?lang=en too.
	code, out := w.API("GET", "/api/v1/reports/"+itoa(rep.ID)+"?lang=en", w.Token("canbo.st"), nil)
	if msg, _ := out["error"].(map[string]any)["message"].(string); code != http.StatusForbidden || msg != "You may not see this unit's reports and figures." {
		t.Errorf("API error in English = %d %q", code, msg)
	}
}

func mustDay(t *testing.T, s string) time.Time {
	t.Helper()
	v, err := kit.APIDay("day", s)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// TestCatalogCoversReporting checks that every key the reporting
// templates pass to t or tf, every key literal of the report and
// reportui Go code and every label key built from a value list (statuses,
// aggregations, fields, parts, sections, kinds of period, columns) is in
// the server's catalog with both languages, and that the two languages of
// each message take the same arguments.
func TestCatalogCoversReporting(t *testing.T) {
	catalog, err := web.Catalog()
	if err != nil {
		t.Fatal(err)
	}
	used := map[string]string{}
	tmplKey := regexp.MustCompile(`\{\{-?\s*(?:t|tf)\s+"([^"]+)"`)
	tmplPrintf := regexp.MustCompile(`printf "([a-z_.]+)%s"`)
	goKey := regexp.MustCompile(`"((?:report|role|err|form|api|auth|period|level)\.[a-z0-9_.]+)"`)
	var prefixes []string
	for _, dir := range []string{".", "../../report"} {
		err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			if !strings.HasSuffix(p, ".go") && !strings.HasSuffix(p, ".html") || strings.HasSuffix(p, "_test.go") {
				return nil
			}
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			src := string(b)
			if strings.HasSuffix(p, ".html") {
				for _, m := range tmplKey.FindAllStringSubmatch(src, -1) {
					used[m[1]] = p
				}
				for _, m := range tmplPrintf.FindAllStringSubmatch(src, -1) {
					prefixes = append(prefixes, m[1])
				}
				return nil
			}
			for _, m := range goKey.FindAllStringSubmatch(src, -1) {
				if strings.HasSuffix(m[1], ".") {
					prefixes = append(prefixes, m[1])
				} else {
					used[m[1]] = p
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if len(used) < 100 {
		t.Fatalf("found only %d keys: the patterns are broken", len(used))
	}
	// Keys built from a prefix and a value: every value of the list.
	values := map[string][]string{
		"report.status.":  {"new"},
		"report.agg.":     nil,
		"report.field.":   report.Fields,
		"report.part.":    report.OrganizationParts,
		"report.section.": report.Sections,
		"report.kind.":    nil,
		"role.":           nil,
		"level.":          nil,
	}
	for _, s := range report.Statuses {
		values["report.status."] = append(values["report.status."], string(s))
	}
	for _, a := range report.Aggregations {
		values["report.agg."] = append(values["report.agg."], string(a))
	}
	for k := vntext.Year; k <= vntext.Stage; k++ {
		values["report.kind."] = append(values["report.kind."], k.String())
	}
	for _, r := range auth.Roles {
		values["role."] = append(values["role."], string(r))
	}
	for _, l := range org.Levels {
		values["level."] = append(values["level."], string(l))
	}
	for _, pre := range prefixes {
		vs, ok := values[pre]
		if !ok {
			t.Errorf("key prefix %q is used but its values are not listed in this test", pre)
		}
		for _, v := range vs {
			used[pre+v] = "prefix " + pre
		}
	}
	for _, k := range report.ColumnKeys {
		used[k] = "report.ColumnKeys"
	}
	verbs := regexp.MustCompile(`%(\[\d+\])?[-+# 0]*\d*(\.\d+)?[a-zA-Z%]`)
	for key, where := range used {
		m, ok := catalog[key]
		if !ok {
			t.Errorf("%s: key %q is not in the catalog", where, key)
			continue
		}
		if strings.TrimSpace(m.VI()) == "" || strings.TrimSpace(m.EN()) == "" {
			t.Errorf("key %q lacks a language", key)
		}
		args := func(s string) []string {
			var out []string
			for _, v := range verbs.FindAllString(s, -1) {
				if v != "%%" {
					out = append(out, v)
				}
			}
			return out
		}
		a, b := args(m.VI()), args(m.EN())
		sort.Strings(a)
		sort.Strings(b)
		if !slices.Equal(a, b) {
			t.Errorf("key %q: Vietnamese takes %v, English %v", key, a, b)
		}
	}
}

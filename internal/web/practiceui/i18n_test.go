package practiceui_test

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"

	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/practice"
	"github.com/danvan/danvan/internal/practice/sheet"
	"github.com/danvan/danvan/internal/web"
	"github.com/danvan/danvan/internal/web/webtest"
)

// vietnamese matches a letter only Vietnamese uses among the two
// interface languages.
var vietnamese = regexp.MustCompile(`(?i)[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]`)

// TestPagesInEnglish renders every page of the registry with ?lang=en —
// lists, a model, each step's form, refused forms with their errors, the
// import's errors, the public pages and an error page — and fails on any
// Vietnamese word left once the data the test entered is taken out: such
// a word came from Go code or a template, not from the data.
func TestPagesInEnglish(t *testing.T) {
	d := dbtest.Open(t, "sqlite")
	w := newWorld(t, d)
	reg, rec, _ := w.models()
	prog, err := w.store.Create(w.ctx, w.p["officer.ql"], practice.Input{UnitID: w.Units.QuangLang.ID, Name: "Tổ hòa giải",
		Field: practice.Economy, OwnerType: practice.Collective, OwnerName: "Tổ hòa giải thôn", StartedOn: date(2023, 1, 1)})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.store.Start(w.ctx, w.p["officer.ql"], prog.ID, date(2023, 2, 1)); err != nil {
		t.Fatal(err)
	}
	if _, err := w.store.AddResult(w.ctx, w.p["officer.ql"], rec.ID, practice.Result{On: date(2024, 2, 1), Indicator: "Hộ tham gia", Value: 120, Measure: "hộ"}); err != nil {
		t.Fatal(err)
	}
	// The data the test entered, and the words of the file format and
	// the product's name, which stay as they are in every language.
	data := []string{registeredName, recognizedName, "Tổ hòa giải thôn", "Tổ hòa giải", "Hoàng Văn Thào", "Trưởng thôn", "125-QĐ/HU",
		"Hộ tham gia", "hộ", "Dân vận", "Tiếng Việt"}
	data = append(data, sheet.Columns...)
	for _, login := range []string{"officer.ql", "officer.ms", "leader.cl", "disabled"} {
		data = append(data, w.User(login).Name)
	}
	for _, day := range []time.Time{date(2020, 1, 1), now, date(2026, 1, 1)} {
		units, err := w.Org.Tree(context.Background(), day)
		if err != nil {
			t.Fatal(err)
		}
		for _, u := range units {
			data = append(data, u.Name, u.ShortName)
		}
	}
	sort.Slice(data, func(i, j int) bool { return len(data[i]) > len(data[j]) })

	var broken bytes.Buffer
	sheet.Write(&broken, []sheet.Record{{Name: "X", UnitCode: "ST-MX-TD", Field: "Thể thao", OwnerType: "?", Owner: "X", Started: "31/02/2023"}})
	officer, leader, neighbour, visitor := w.As("officer.ql"), w.As("leader.cl"), w.As("officer.ms"), w.Anon()
	m := func(id int64, rest string) string { return fmt.Sprintf("/mo-hinh/%d%s", id, rest) }
	pages := []struct {
		what string
		doc  *goquery.Document
	}{
		{"list", webtest.Doc(t, officer.Get("/mo-hinh?lang=en"))},
		{"list, every status", webtest.Doc(t, officer.Get("/mo-hinh?lang=en&trang-thai=tat-ca"))},
		{"list with a bad period", webtest.Doc(t, officer.Get("/mo-hinh?lang=en&ky=20x3"))},
		{"best", webtest.Doc(t, leader.Get("/mo-hinh/tieu-bieu?lang=en"))},
		{"new", webtest.Doc(t, officer.Get("/mo-hinh/moi?lang=en"))},
		{"new, refused", webtest.Doc(t, officer.PostMultipart("/mo-hinh/moi?lang=en", map[string]string{"unit_id": fmt.Sprint(w.Units.QuangLang.ID), "owner_phone": "12", "started_on": "31/02/2023"}))},
		{"model", webtest.Doc(t, officer.Get(m(rec.ID, "?lang=en")))},
		{"model in progress, leader", webtest.Doc(t, leader.Get(m(prog.ID, "?lang=en")))},
		{"edit", webtest.Doc(t, officer.Get(m(reg.ID, "/sua?lang=en")))},
		{"edit, stale", webtest.Doc(t, officer.PostMultipart(m(reg.ID, "/sua?lang=en"), map[string]string{"name": "X", "field": "economy", "owner_type": "collective", "owner_name": "X", "started_on": "2023-01-01", "version": "99"}))},
		{"result, refused", webtest.Doc(t, officer.PostMultipart(m(reg.ID, "/ket-qua?lang=en"), map[string]string{"on": "2024-01-01", "indicator": "", "value": "abc"}))},
		{"file, refused", webtest.Doc(t, officer.PostMultipart(m(reg.ID, "/tep?lang=en"), nil, webtest.File{Field: "file", Name: "x.pdf", Data: []byte("<html>")}))},
		{"start", webtest.Doc(t, officer.Get(m(reg.ID, "/trien-khai?lang=en")))},
		{"start, refused", webtest.Doc(t, officer.PostMultipart(m(reg.ID, "/trien-khai?lang=en"), map[string]string{"on": "2030-01-01"}))},
		{"recognize", webtest.Doc(t, leader.Get(m(prog.ID, "/cong-nhan?lang=en")))},
		{"recognize, refused", webtest.Doc(t, leader.PostMultipart(m(prog.ID, "/cong-nhan?lang=en"), map[string]string{"by_unit": fmt.Sprint(w.Units.ChiLang.ID), "on": "2024-01-01"}))},
		{"recognize a registered model", webtest.Doc(t, leader.PostMultipart(m(reg.ID, "/cong-nhan?lang=en"), map[string]string{"by_unit": fmt.Sprint(w.Units.ChiLang.ID), "decision_no": "1", "on": "2024-01-01"}))},
		{"adopt", webtest.Doc(t, neighbour.Get(m(rec.ID, "/nhan-rong?lang=en")))},
		{"stop", webtest.Doc(t, officer.Get(m(reg.ID, "/dung?lang=en")))},
		{"stop, refused", webtest.Doc(t, officer.PostMultipart(m(reg.ID, "/dung?lang=en"), map[string]string{"on": "2024-01-01"}))},
		{"import", webtest.Doc(t, officer.Get("/mo-hinh/nhap?lang=en"))},
		{"import, refused", webtest.Doc(t, officer.PostMultipart("/mo-hinh/nhap?lang=en", map[string]string{"unit_id": fmt.Sprint(w.Units.QuangLang.ID)}, webtest.File{Field: "file", Name: "so.xlsx", Data: broken.Bytes()}))},
		{"out of scope", webtest.Doc(t, neighbour.Get(m(reg.ID, "?lang=en")))},
		{"public list", webtest.Doc(t, visitor.Get("/cong-khai/mo-hinh?lang=en"))},
		{"public model", webtest.Doc(t, visitor.Get(fmt.Sprintf("/cong-khai/mo-hinh/%d?lang=en", rec.ID)))},
	}
	for _, pg := range pages {
		text := pg.doc.Find("body").Text() + " " + pg.doc.Find("title").Text()
		pg.doc.Find("[placeholder], [aria-label], [alt], [title]").Each(func(_ int, s *goquery.Selection) {
			for _, a := range []string{"placeholder", "aria-label", "alt", "title"} {
				text += " " + s.AttrOr(a, "")
			}
		})
		for _, s := range data {
			if s != "" {
				text = strings.ReplaceAll(text, s, " ")
			}
		}
		if loc := vietnamese.FindStringIndex(text); loc != nil {
			from, to := max(0, loc[0]-60), min(len(text), loc[1]+60)
			t.Errorf("%s: Vietnamese on the English page: …%s…", pg.what, strings.Join(strings.Fields(text[from:to]), " "))
		}
	}
}

// TestCatalogCoversPractice checks that every key the registry's
// templates pass to t or tf, every message key its Go code names (the
// domain's errors, the sheet's, the handlers'), and every label built
// from a field, status or owner type is in the merged catalog with a
// Vietnamese and an English text.
func TestCatalogCoversPractice(t *testing.T) {
	catalog, err := web.Catalog()
	if err != nil {
		t.Fatal(err)
	}
	used := map[string]string{}
	tmplKey := regexp.MustCompile(`\{\{-?\s*(?:t|tf)\s+"([^"]+)"`)
	goKey := regexp.MustCompile(`"(practice\.[a-z_]+(?:\.[a-z_]+)+)"`)
	scan := func(dir string, re *regexp.Regexp, ext string) {
		err := filepath.WalkDir(dir, func(p string, de fs.DirEntry, err error) error {
			if err != nil || de.IsDir() || !strings.HasSuffix(p, ext) || strings.HasSuffix(p, "_test.go") {
				return err
			}
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			for _, m := range re.FindAllStringSubmatch(string(b), -1) {
				used[m[1]] = p
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	scan("templates", tmplKey, ".html")
	scan(".", goKey, ".go")
	scan("../../practice", goKey, ".go")
	if len(used) < 150 {
		t.Fatalf("found only %d keys: the scan is broken", len(used))
	}
	for _, f := range practice.Fields {
		used[f.Message().Key] = "practice.Fields"
	}
	for _, s := range practice.Statuses {
		used[s.Message().Key] = "practice.Statuses"
	}
	for _, o := range []practice.OwnerType{practice.Collective, practice.Individual} {
		used[o.Message().Key] = "owner types"
	}
	for _, step := range []string{"start", "recognize", "adopt", "stop"} {
		for _, part := range []string{"title", "explain", "on", "submit"} {
			used["practice."+step+"."+part] = "step.html"
		}
	}
	for key, where := range used {
		if strings.HasSuffix(key, ".") {
			continue // a prefix
		}
		m, ok := catalog[key]
		if !ok {
			t.Errorf("%s: key %q is not in the catalog", where, key)
			continue
		}
		if strings.TrimSpace(m.VI()) == "" || strings.TrimSpace(m.EN()) == "" {
			t.Errorf("catalog key %q lacks a language", key)
		}
	}
}

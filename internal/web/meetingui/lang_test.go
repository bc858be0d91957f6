package meetingui_test

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/emulation"
	"github.com/danvan/danvan/internal/meeting"
	"github.com/danvan/danvan/internal/web"
	"github.com/danvan/danvan/internal/web/webtest"
)

// vietnamese matches a letter only Vietnamese uses among the two
// interface languages.
var vietnamese = regexp.MustCompile(`(?i)[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]`)

// dataStrings are every text the database holds (the records the test
// entered, the units' names, the accounts' names), longest first: what a
// page may show in Vietnamese in any language.
func dataStrings(t *testing.T, s *webtest.Site) []string {
	t.Helper()
	seen := map[string]bool{}
	for _, line := range strings.Split(s.Snapshot(), "\n") {
		_, row, ok := strings.Cut(line, " ")
		if !ok || !strings.HasPrefix(row, "[") {
			continue
		}
		var vals []any
		if err := json.Unmarshal([]byte(row), &vals); err != nil {
			continue // a count line
		}
		for _, v := range vals {
			if str, ok := v.(string); ok && vietnamese.MatchString(str) {
				seen[str] = true
				for _, line := range strings.Split(str, "\n") {
					seen[strings.TrimSpace(line)] = true
				}
			}
		}
	}
	out := []string{"Dân vận", "Tiếng Việt"} // the product's name; the switch to Vietnamese
	for s := range seen {
		out = append(out, s)
	}
	sort.Slice(out, func(i, j int) bool { return len(out[i]) > len(out[j]) })
	return out
}

// TestPagesInEnglish renders every page of the feature with ?lang=en —
// lists, a conference, its minutes and source, each form, refused forms
// with the domain's errors, the import's review, a task, a person, a
// pledge and the API's errors — and fails on any Vietnamese word left
// once the data is taken out: such a word came from Go code or a
// template, not from the data.
func TestPagesInEnglish(t *testing.T) {
	s := newSite(t, dbtest.Open(t, "sqlite"))
	sd := seedMeeting(t, s)
	a := s.As("admin")
	a.Get("/?lang=en") // the language sticks in a cookie, for the posts below
	conf, task, person, pledge := itoa(sd.conf.ID), itoa(sd.task.ID), itoa(sd.person), itoa(sd.pledge.ID)
	score := fmt.Sprintf("s.%d.%d", sd.pledge.Signatories[0].ID, sd.pledge.Commitments[0].ID)
	review := webtest.Doc(t, a.Post("/hoi-nghi/nhap", url.Values{"text": {string(article(t, sample0))}}))
	reviewed := formValues(review.Find("form.mt-form"))
	reviewed.Set("held_on", "31/02/2020")
	pages := []struct {
		what string
		res  *http.Response
	}{
		{"list", a.Get("/hoi-nghi?lang=en")},
		{"list with a bad period", a.Get("/hoi-nghi?lang=en&ky=20x3")},
		{"calendar", a.Get("/hoi-nghi/lich?lang=en&thang=2025-12")},
		{"conference", a.Get("/hoi-nghi/" + conf + "?lang=en")},
		{"minutes", a.Get("/hoi-nghi/" + conf + "/bien-ban?lang=en")},
		{"source", a.Get("/hoi-nghi/" + conf + "/nguon?lang=en")},
		{"edit", a.Get("/hoi-nghi/" + conf + "/sua?lang=en")},
		{"edit, refused", a.Post("/hoi-nghi/"+conf+"/sua", url.Values{"kind": {"x"}, "title": {""}, "held_on": {"31/02/2025"}, "period": {"2025H1"}, "version": {"1"}})},
		{"edit, stale", a.Post("/hoi-nghi/"+conf+"/sua", url.Values{"kind": {"so_ket"}, "title": {"X"}, "held_on": {"20/12/2025"}, "version": {"9"}})},
		{"add task, refused", a.Post("/hoi-nghi/"+conf+"/nhiem-vu", url.Values{"title": {""}})},
		{"upload, refused", a.PostMultipart("/hoi-nghi/"+conf+"/tai-lieu", map[string]string{"kind": "x"}, webtest.File{Field: "file", Name: "x.txt"})},
		{"new", a.Get("/hoi-nghi/moi?lang=en")},
		{"new, refused", a.Post("/hoi-nghi/moi", url.Values{"unit": {itoa(s.Units.NewChiLang.ID)}, "kind": {"so_ket"}, "held_on": {"01/02/2026"},
			"p.0.name": {"..."}, "f.0.value": {"abc"}, "t.0.title": {"Task one"}, "t.0.due": {"20x1"}})},
		{"import", a.Get("/hoi-nghi/nhap?lang=en")},
		{"import, refused", a.Post("/hoi-nghi/nhap", url.Values{"published": {"31/02/2020"}})},
		{"review, refused", a.Post("/hoi-nghi/nhap/luu", reviewed)},
		{"tasks overdue", a.Get("/nhiem-vu?lang=en")},
		{"tasks mine", a.Get("/nhiem-vu?lang=en&xem=cua-toi")},
		{"task", a.Get("/nhiem-vu/" + task + "?lang=en")},
		{"task, refused", a.Post("/nhiem-vu/"+task, url.Values{"status": {"dropped"}, "noted_on": {"31/02/2026"}})},
		{"task, nothing changed", a.Post("/nhiem-vu/"+task, url.Values{"status": {"open"}})},
		{"people", a.Get("/nguoi?lang=en&don_vi=" + itoa(s.Units.NewChiLang.ID))},
		{"person", a.Get("/nguoi/" + person + "?lang=en")},
		{"merge", a.Get("/nguoi/" + person + "/gop?lang=en")},
		{"merge, confirm", a.Get("/nguoi/" + person + "/gop?lang=en&nguoi=" + itoa(sd.other))},
		{"merge, refused", a.Post("/nguoi/"+person+"/gop", url.Values{"other": {person}})},
		{"pledges", a.Get("/thi-dua?lang=en")},
		{"pledge", a.Get("/thi-dua/" + pledge + "?lang=en")},
		{"pledge, score refused", a.Post("/thi-dua/"+pledge+"/cham-diem", url.Values{score: {"99"}})},
		{"new pledge", a.Get("/thi-dua/moi?lang=en&don_vi=" + itoa(s.Units.LangSon.ID))},
		{"new pledge, refused", a.Post("/thi-dua/moi", url.Values{"unit": {itoa(s.Units.LangSon.ID)}, "period": {"x"}, "c.0.description": {"a"}, "c.0.target": {"x"}})},
		{"out of scope", s.As("officer.myxuyen").Get("/hoi-nghi/" + conf + "?lang=en")},
	}
	// What the test typed into the refused review form is data too (it
	// was not saved, so the database does not know it).
	data := dataStrings(t, s)
	for _, vs := range reviewed {
		for _, v := range vs {
			for _, line := range strings.Split(v, "\n") {
				data = append(data, strings.TrimSpace(strings.TrimSuffix(line, "\r")))
			}
		}
	}
	sort.Slice(data, func(i, j int) bool { return len(data[i]) > len(data[j]) })
	for _, pg := range pages {
		if pg.res.StatusCode >= 500 {
			t.Errorf("%s: status %d", pg.what, pg.res.StatusCode)
		}
		doc := webtest.Doc(t, pg.res)
		if doc.Find("html").AttrOr("lang", "") != "en" {
			t.Errorf("%s: not in English", pg.what)
		}
		// What the page marks lang="vi" is Vietnamese on purpose: the
		// article under review, and the extractor's warnings about it
		// (package extract writes them in Vietnamese only).
		doc.Find(`[lang="vi"]`).Remove()
		text := doc.Find("body").Text() + " " + doc.Find("title").Text()
		doc.Find("[placeholder], [aria-label], [alt], [title], [label]").Each(func(_ int, sel *goquery.Selection) {
			for _, a := range []string{"placeholder", "aria-label", "alt", "title", "label"} {
				text += " " + sel.AttrOr(a, "")
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
	// The API speaks English when asked.
	token := s.Token("officer.chilang")
	for _, call := range []struct{ method, path, body string }{
		{"GET", "/api/v1/conferences?lang=en&kind=x", ""},
		{"GET", "/api/v1/tasks?lang=en&unit=" + itoa(s.Units.NewMyXuyen.ID), ""},
		{"POST", "/api/v1/conferences?lang=en", `{"unit_id": 1}`},
		{"POST", "/api/v1/tasks/" + task + "/status?lang=en", `{"status": "dropped"}`},
	} {
		var body any
		if call.body != "" {
			body = call.body
		}
		code, e := s.API(call.method, call.path, token, body)
		msg := fmt.Sprint(e["error"])
		if code < 400 || vietnamese.MatchString(msg) {
			t.Errorf("%s %s = %d %s", call.method, call.path, code, msg)
		}
	}
}

// TestCatalogCoversMeeting checks that every key the feature's templates
// pass to t or tf, every message key its Go code names (the domain's
// errors and labels, the handlers'), and every label built from a kind,
// role, state or rule is in the merged catalog with a Vietnamese and an
// English text.
func TestCatalogCoversMeeting(t *testing.T) {
	catalog, err := web.Catalog()
	if err != nil {
		t.Fatal(err)
	}
	used := map[string]string{}
	tmplKey := regexp.MustCompile(`\{\{-?\s*(?:t|tf)\s+"([^"]+)"`)
	goKey := regexp.MustCompile(`"((?:meeting|meetingui|emulation|audit|form|auth)\.[a-z0-9_]+(?:\.[a-z0-9_]+)+)"`)
	scan := func(dir string, re *regexp.Regexp, ext string) {
		err := filepath.WalkDir(dir, func(p string, de fs.DirEntry, err error) error {
			if err != nil || de.IsDir() || !strings.HasSuffix(p, ext) || strings.HasSuffix(p, "_test.go") || strings.HasSuffix(p, "messages.go") {
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
	scan("../../meeting", goKey, ".go")
	scan("../../emulation", goKey, ".go")
	if len(used) < 150 {
		t.Fatalf("found only %d keys: the scan is broken", len(used))
	}
	for _, k := range meeting.Kinds {
		used[k.Label().Key] = "meeting.Kinds"
	}
	for _, r := range meeting.Roles {
		used[r.Label().Key] = "meeting.Roles"
	}
	for _, s := range meeting.Statuses {
		used[s.Label().Key] = "meeting.Statuses"
	}
	for _, k := range meeting.DocKinds {
		used[k.Label().Key] = "meeting.DocKinds"
	}
	for _, k := range []emulation.CommitmentKind{emulation.Target, emulation.Deliverable} {
		used[k.Label().Key] = "commitment kinds"
	}
	for _, r := range emulation.Rules {
		used[r] = "emulation.Rules"
	}
	for i := 1; i <= 7; i++ {
		used[fmt.Sprintf("meeting.wd.%d", i)] = "the calendar's weekdays"
	}
	for _, entity := range []string{"conference", "task", "person", "pledge"} {
		used["audit.entity."+entity] = "the audit log"
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

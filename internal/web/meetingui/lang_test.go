package meetingui_test

import (
	"fmt"
	"html"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/emulation"
	"github.com/danvan/danvan/internal/meeting"
	"github.com/danvan/danvan/internal/web/webtest"
)

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
	// The data a page may show in any language: the units' and accounts'
	// names, the seeded records, and what the test typed into the refused
	// review form (it was not saved).
	data := append(s.DataNames(), sd.data()...)
	for _, vs := range reviewed {
		for _, v := range vs {
			data = append(data, lines(v)...)
		}
	}
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
		// (package extract writes them in Vietnamese only). The form's
		// option groups are labelled with label=, which VietnameseLeft does
		// not read: their labels are checked as text.
		doc.Find("[label]").Each(func(_ int, sel *goquery.Selection) {
			doc.Find("body").AppendHtml("<p>" + html.EscapeString(sel.AttrOr("label", "")) + "</p>")
		})
		// Clipped: VietnameseLeft appends to the list it is given and sorts
		// it, which must not reorder this one's backing array.
		for _, left := range webtest.VietnameseLeft(doc, slices.Clip(data)...) {
			t.Errorf("%s: Vietnamese on the English page: %s", pg.what, left)
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
		doc, err := goquery.NewDocumentFromReader(strings.NewReader("<p>" + html.EscapeString(msg) + "</p>"))
		if err != nil {
			t.Fatal(err)
		}
		if code < 400 || len(webtest.VietnameseLeft(doc)) > 0 {
			t.Errorf("%s %s = %d %s", call.method, call.path, code, msg)
		}
	}
}

// lines are a typed value and each of its lines, trimmed: a textarea's
// text may be shown whole or line by line.
func lines(v string) []string {
	out := []string{v}
	for _, l := range strings.Split(v, "\n") {
		out = append(out, strings.TrimSpace(l))
	}
	return out
}

// TestCatalogCoversMeeting checks that every label the feature builds
// from a value — of a kind, role, status, document kind, commitment kind
// or ranking rule, a weekday of the calendar, an entity of the audit log
// — is in the merged catalog in both languages (keys written as literals
// are checked for the whole program by package web).
func TestCatalogCoversMeeting(t *testing.T) {
	var keys []string
	for _, k := range meeting.Kinds {
		keys = append(keys, k.Label().Key)
	}
	for _, r := range meeting.Roles {
		keys = append(keys, r.Label().Key)
	}
	for _, s := range meeting.Statuses {
		keys = append(keys, s.Label().Key)
	}
	for _, k := range meeting.DocKinds {
		keys = append(keys, k.Label().Key)
	}
	for _, k := range []emulation.CommitmentKind{emulation.Target, emulation.Deliverable} {
		keys = append(keys, k.Label().Key)
	}
	keys = append(keys, emulation.Rules...)
	for i := 1; i <= 7; i++ {
		keys = append(keys, fmt.Sprintf("meeting.wd.%d", i)) // the calendar's column heads
	}
	for _, entity := range []string{"conference", "task", "person", "pledge"} {
		keys = append(keys, "audit.entity."+entity)
	}
	webtest.CheckKeys(t, "meeting's labels", keys...)
}

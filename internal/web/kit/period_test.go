package kit_test

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/PuerkitoBio/goquery"

	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/web/kit"
)

// TestPeriodPicker: the one period control shows a period in words (a
// year, then its part), offers parts by kind and no year after this one
// unless told (planning), keeps a period it cannot show (a stage) chosen
// as it is, and what it sends comes to the handler as a period code in
// the query and in a posted form alike.
func TestPeriodPicker(t *testing.T) {
	k := newKit(t) // today is 02/12/2026
	fsys := fstest.MapFS{"p.html": {Data: []byte(`{{template "layout.html" .}}{{define "content"}}` +
		`{{template "period-picker" (periodPicker "ky" .Code "x.title" .Kind .Ahead)}}{{end}}`)}}
	tmpl, err := k.Templates(fsys, nil)
	if err != nil {
		t.Fatal(err)
	}
	type view struct {
		kit.Page
		Code, Kind string
		Ahead      int
	}
	render := func(code, kind string, ahead int) *goquery.Document {
		t.Helper()
		req := httptest.NewRequest(http.MethodGet, "/x", nil)
		res := httptest.NewRecorder()
		tmpl.Render(res, req, http.StatusOK, "p", view{Page: k.Page(res, req, "x.title"), Code: code, Kind: kind, Ahead: ahead})
		doc, err := goquery.NewDocumentFromReader(res.Body)
		if err != nil {
			t.Fatal(err)
		}
		return doc
	}
	chosen := func(doc *goquery.Document, which string) string {
		return doc.Find(`select[name="ky-` + which + `"] option[selected]`).Text()
	}
	doc := render("2026S1", "half", 0)
	if chosen(doc, "nam") != "2026" || chosen(doc, "phan") != "6 tháng đầu năm" {
		t.Errorf("2026S1 shows as %q, %q", chosen(doc, "nam"), chosen(doc, "phan"))
	}
	if n := doc.Find(`select[name="ky-phan"] option`).Length(); n != 2 {
		t.Errorf("a half-year picker offers %d parts", n)
	}
	if doc.Find(`option[value="2027"]`).Length() != 0 || doc.Find(`fieldset#ky legend`).Text() != "Tiêu đề" {
		t.Error("a report's picker offers next year, or has no legend")
	}
	doc = render("202607", "all", 2)
	if chosen(doc, "nam") != "2026" || chosen(doc, "phan") != "Tháng 7" || doc.Find(`option[value="2028"]`).Length() != 1 {
		t.Errorf("202607 shows as %q, %q (planning two years ahead)", chosen(doc, "nam"), chosen(doc, "phan"))
	}
	if n := doc.Find(`select[name="ky-phan"] option`).Length(); n != 19 {
		t.Errorf("a full picker offers %d parts, want 19 (year, 2 halves, 4 quarters, 12 months)", n)
	}
	doc = render("2016-2020", "any-all", 0)
	if v := doc.Find(`select[name="ky-nam"] option[selected]`).AttrOr("value", ""); v != "2016-2020" || chosen(doc, "nam") != "giai đoạn 2016 – 2020" {
		t.Errorf("a stage is not chosen: %q %q", v, chosen(doc, "nam"))
	}
	// The stages offered: five years, terms and ten years ending in 2025,
	// 2020 and 2015 (none before 2010); planning adds those ending 2030.
	stages := doc.Find(`select[name="ky-nam"] optgroup option`).Map(func(_ int, s *goquery.Selection) string { return s.AttrOr("value", "") })
	if strings.Join(stages, " ") != "2021-2025 2020-2025 2015-2025 2016-2020 2015-2020 2010-2020 2011-2015 2010-2015" {
		t.Errorf("stages offered: %v", stages)
	}
	doc = render("2026-2030", "all", 1)
	if v := doc.Find(`select[name="ky-nam"] option[selected]`).AttrOr("value", ""); v != "2026-2030" || doc.Find(`optgroup option`).Length() != 11 {
		t.Errorf("planning's stage 2026-2030: chosen %q, %d stages", v, doc.Find(`optgroup option`).Length())
	}
	// A stage no option names is kept as it is.
	doc = render("2012-2014", "any-all", 0)
	if v := doc.Find(`select[name="ky-nam"] option[selected]`).AttrOr("value", ""); v != "2012-2014" {
		t.Errorf("an unusual stage is not kept: %q", v)
	}
	if n := render("2026S1", "half", 0).Find("optgroup").Length(); n != 0 {
		t.Error("a half-year picker offers stages")
	}
	doc = render("", "any-all", 0)
	if v := doc.Find(`select[name="ky-nam"] option`).First(); v.AttrOr("value", "x") != "" || v.Text() != "Mọi kỳ" {
		t.Error("a filter's picker does not offer every period first")
	}

	// What the picker sends reaches the handler as a code.
	var got []string
	h := k.Public(func(w http.ResponseWriter, r *http.Request, _ *auth.Principal) error {
		got = append(got, r.URL.Query().Get("ky")+"|"+r.FormValue("ky")+"|"+r.PostFormValue("period"))
		return nil
	})
	for _, req := range []*http.Request{
		httptest.NewRequest(http.MethodGet, "/x?ky-nam=2026&ky-phan=Q2&don-vi=5", nil),
		httptest.NewRequest(http.MethodGet, "/x?ky-nam=&ky-phan=S1", nil), // every period
		httptest.NewRequest(http.MethodGet, "/x?ky=2025S2", nil),          // a link with a code
		post(url.Values{"period-nam": {"2025"}, "period-phan": {"07"}}),
		post(url.Values{"period-nam": {"2016-2020"}, "period-phan": {""}}),
		post(url.Values{"period-nam": {"2021-2025"}, "period-phan": {"S1"}}), // a stage: the part is not read
	} {
		h(httptest.NewRecorder(), req)
	}
	want := []string{"2026Q2|2026Q2|", "||", "2025S2|2025S2|", "||202507", "||2016-2020", "||2021-2025"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("handlers read %q, want %q", got, want)
	}
}

func post(v url.Values) *http.Request {
	r := httptest.NewRequest(http.MethodPost, "/x", strings.NewReader(v.Encode()))
	r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return r
}

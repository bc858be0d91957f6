package reportui_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/danvan/danvan/internal/browsertest"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/web/webtest"
)

// TestRefusedFormSummary: returning a report without a reason comes back
// with a summary at the top of the page, before the figures, linking to
// the reason's field; a refused entry lists each field's error the same
// way; the report's page no longer shows an internal version number.
func TestRefusedFormSummary(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := newWorld(t, d)
		rep := w.submitted(t)
		leader := w.As("lanhdao.tinh")
		res := leader.Post("/bao-cao/"+itoa(rep.ID)+"/tra-lai", url.Values{"version": {itoa(rep.Version)}})
		body := webtest.Body(t, res)
		if res.StatusCode != http.StatusBadRequest {
			t.Fatalf("return without a reason = %d", res.StatusCode)
		}
		sum, table := strings.Index(body, `id="loi"`), strings.Index(body, `class="report-values"`)
		if sum < 0 || sum > table {
			t.Fatalf("no error summary above the figures")
		}
		page := webtest.Doc(t, leader.Get("/bao-cao/"+itoa(rep.ID)))
		if strings.Contains(page.Find(".report-head").Text(), "lần sửa") {
			t.Errorf("the report's page shows a version number: %q", page.Find(".report-head").Text())
		}
		res = leader.Post("/bao-cao/"+itoa(rep.ID)+"/tra-lai", url.Values{"version": {itoa(rep.Version)}})
		doc := webtest.Doc(t, res)
		link := doc.Find(`#loi a[data-field="comment"]`)
		if link.AttrOr("href", "") != "#comment" || strings.TrimSpace(link.Text()) == "" {
			t.Errorf("the summary's link to the reason: href %q, text %q", link.AttrOr("href", ""), link.Text())
		}
		// A refused entry: one link per field in error, to its field.
		res = w.As("canbo.xa").Post("/bao-cao/nhap", url.Values{"don-vi": {itoa(w.Units.NewChiLang.ID)}, "ky": {"2026S1"}, "version": {"0"},
			field(w.dv): {"abc"}, field(w.an1): {"10"}, field(w.an2): {"12"}})
		doc = webtest.Doc(t, res)
		if res.StatusCode != http.StatusBadRequest || doc.Find("#loi li").Length() != 2 {
			t.Errorf("refused entry = %d with %d errors in the summary, want 2 (not a number, more settled than received)", res.StatusCode, doc.Find("#loi li").Length())
		}
		if href := doc.Find("#loi a").First().AttrOr("href", ""); href != "#"+field(w.dv) {
			t.Errorf("the first error links to %q, want the field #%s", href, field(w.dv))
		}
	})
}

// TestBrowserRefusedFormOnPhone: on a 390×844 phone, returning a report
// without a reason shows the error summary in view, with the focus on it,
// and its link takes the focus to the reason's field.
func TestBrowserRefusedFormOnPhone(t *testing.T) {
	ctx := browsertest.New(t, 150*time.Second)
	w := newWorld(t, dbtest.Open(t, "sqlite"))
	rep := w.submitted(t)
	base := w.Serve()
	shots := browsertest.Dir(t)
	if err := chromedp.Do(ctx, webtest.Phone); err != nil {
		t.Fatal(err)
	}
	webtest.SignIn(t, ctx, base, "lanhdao.tinh")
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/bao-cao/"+itoa(rep.ID)), chromedp.WaitVisible(chromedp.CSS("#return")),
		chromedp.Click(chromedp.CSS("#return")), chromedp.WaitVisible(chromedp.CSS("#loi"))); err != nil {
		t.Fatal(err)
	}
	webtest.Look(t, ctx, shots, "01-return-refused")
	type where struct {
		Focused string  `json:"focused"`
		Top     float64 `json:"top"`
		Bottom  float64 `json:"bottom"`
	}
	js := `(() => { const r = document.getElementById("loi").getBoundingClientRect();
		return {focused: document.activeElement.id, top: r.top, bottom: r.bottom}; })()`
	if err := chromedp.Do(ctx, chromedp.Sleep(200*time.Millisecond)); err != nil {
		t.Fatal(err)
	}
	state, err := chromedp.Run(ctx, chromedp.Evaluate[where](js))
	if err != nil {
		t.Fatal(err)
	}
	if state.Focused != "loi" || state.Top < 0 || state.Bottom > 844 {
		t.Errorf("after the refusal: focus on %q, summary from %v to %v px (viewport 844)", state.Focused, state.Top, state.Bottom)
	}
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`#loi a[data-field="comment"]`)), chromedp.Sleep(200*time.Millisecond)); err != nil {
		t.Fatal(err)
	}
	focused, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.activeElement.id`))
	if err != nil {
		t.Fatal(err)
	}
	if focused != "comment" {
		t.Errorf("the summary's link focused %q, want the reason's field", focused)
	}
	webtest.Look(t, ctx, shots, "02-reason-focused")
}

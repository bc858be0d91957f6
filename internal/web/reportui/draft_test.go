package reportui_test

import (
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"
	"github.com/chromedp/chromedp"

	"github.com/danvan/danvan/internal/browsertest"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/web/webtest"
)

// TestEntryFormSections: the report form folds by field of work (a
// section per field, the written parts in one more), keeps its buttons in
// a save bar, shows each field's previous figure beside it and tied to it
// (aria-describedby), and names the browser's copy of the typing by
// unit, period and form; the offer of that copy is hidden, so without
// script the page is the plain form.
func TestEntryFormSections(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := newWorld(t, d)
		commune := itoa(w.Units.NewChiLang.ID)
		page := webtest.Doc(t, w.As("canbo.xa").Get("/bao-cao/nhap?don-vi="+commune+"&ky=2026S2"))
		var groups []string
		page.Find("details.entry-group > summary strong").Each(func(_ int, s *goquery.Selection) { groups = append(groups, s.Text()) })
		if got := strings.Join(groups, "|"); got != "Công tác dân vận chung|Quốc phòng – an ninh|Phần viết" {
			t.Errorf("sections %q", got)
		}
		if n := page.Find("details.entry-group[open]").Length(); n != len(groups) {
			t.Errorf("a short form folds %d of its %d sections", len(groups)-n, len(groups))
		}
		if page.Find("form.report-entry .save-bar button[value=draft]").Length() != 1 {
			t.Error("no save bar with the draft button")
		}
		in := page.Find("#" + field(w.dv))
		desc, _ := in.Attr("aria-describedby")
		if desc == "" || !strings.HasPrefix(strings.TrimSpace(page.Find("#"+desc).Text()), "Kỳ trước") {
			t.Errorf("the previous figure is not tied to its field (%q)", desc)
		}
		key, _ := page.Find("form.report-entry").Attr("data-draft")
		if !strings.HasPrefix(key, "bao-cao:"+commune+":2026S2:") {
			t.Errorf("draft key %q", key)
		}
		if _, hidden := page.Find("#ban-nhap-may").Attr("hidden"); !hidden {
			t.Error("the offer of a kept copy shows without script")
		}
	})
}

// TestBrowserReportDraftKeptAcrossReload: on a phone, what the officer
// types is kept in the browser; after a reload (the connection dropped
// before saving) the page offers it back and restores it; once the
// server holds a newer version (a saved draft), the copy is dropped and
// nothing is offered.
func TestBrowserReportDraftKeptAcrossReload(t *testing.T) {
	ctx := browsertest.New(t, 120*time.Second)
	w := newWorld(t, dbtest.Open(t, "sqlite"))
	base := w.Serve()
	shots := browsertest.Dir(t)
	entry := base + "/bao-cao/nhap?don-vi=" + itoa(w.Units.NewChiLang.ID) + "&ky=2026S2"
	dv := "#" + field(w.dv)
	do := func(step string, actions ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, actions...); err != nil {
			t.Fatalf("%s: %v", step, err)
		}
	}
	do("phone", webtest.Phone)
	webtest.SignIn(t, ctx, base, "canbo.xa")
	do("open", chromedp.Navigate(entry), chromedp.WaitVisible(chromedp.CSS(dv)))
	if pos, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`getComputedStyle(document.querySelector('.save-bar')).position`)); pos != "sticky" {
		t.Errorf("the save bar is %q, want sticky", pos)
	}
	do("type", chromedp.SendKeys(chromedp.CSS(dv), "4.321"), chromedp.SendKeys(chromedp.CSS("#results"), "Đang viết dở"))
	kept := (`(() => { for (let i = 0; i < localStorage.length; i++) { const v = localStorage.getItem(localStorage.key(i));
		if (v.includes('4.321') && v.includes('Đang viết dở')) return true; } return false; })()`)
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](kept, chromedp.WithPollingTimeout(10*time.Second))); err != nil {
		t.Fatalf("what was typed is not kept in the browser: %v", err)
	}

	do("reload", chromedp.Navigate(entry), chromedp.WaitVisible(chromedp.CSS("#ban-nhap-may")))
	webtest.Look(t, ctx, shots, "01-offer")
	if v, _ := chromedp.Run(ctx, chromedp.Value(chromedp.CSS(dv))); v != "" {
		t.Fatalf("the server had nothing, yet the field holds %q", v)
	}
	do("restore", chromedp.Click(chromedp.CSS("[data-draft-restore]")), chromedp.WaitNotVisible(chromedp.CSS("#ban-nhap-may")))
	if v, _ := chromedp.Run(ctx, chromedp.Value(chromedp.CSS(dv))); v != "4.321" {
		t.Errorf("restored %q, want 4.321", v)
	}
	if v, _ := chromedp.Run(ctx, chromedp.Value(chromedp.CSS("#results"))); v != "Đang viết dở" {
		t.Errorf("restored text %q", v)
	}
	webtest.Look(t, ctx, shots, "02-restored")

	// Saved on the server: the copy is older than the report and goes.
	do("save", chromedp.Click(chromedp.CSS(`button[value="draft"]`)), chromedp.WaitVisible(chromedp.CSS(".flash")))
	do("reload after save", chromedp.Navigate(entry), chromedp.WaitVisible(chromedp.CSS(dv)))
	if v, _ := chromedp.Run(ctx, chromedp.Value(chromedp.CSS(dv))); v != "4.321" {
		t.Errorf("saved value %q", v)
	}
	if shown, _ := chromedp.Run(ctx, chromedp.Evaluate[bool](`!document.getElementById('ban-nhap-may').hidden`)); shown {
		t.Error("a copy is offered though the server holds a newer version")
	}
	webtest.Look(t, ctx, shots, "03-saved")
}

package documentui_test

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/danvan/danvan/internal/browsertest"
	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/web/webtest"
)

// TestBrowserDraftAndIssueReview drafts Lạng Sơn's review of 2025S2 in a
// browser on a phone's screen, types the signer's name, issues it, and
// finds it numbered in the register; then looks at the draft and the
// register on a desktop's screen. Every page fits the screen.
func TestBrowserDraftAndIssueReview(t *testing.T) {
	ctx := browsertest.New(t, 180*time.Second)
	s := newSite(t, dbtest.Open(t, "sqlite"))
	seedFigures(t, s)
	base := s.Serve()
	shots := browsertest.Dir(t)
	if err := chromedp.Do(ctx, webtest.Phone); err != nil {
		t.Fatal(err)
	}
	webtest.SignIn(t, ctx, base, "officer.ls")
	err := chromedp.Do(ctx,
		chromedp.Navigate(base+"/van-ban/soan"),
		chromedp.WaitVisible(chromedp.CSS("#choose-review")),
		chromedp.SetValue(chromedp.CSS("#ky-nam"), "2025"),
		chromedp.SetValue(chromedp.CSS("#ky-phan"), "S2"),
		chromedp.Submit(chromedp.CSS("#ky-nam")),
		chromedp.WaitVisible(chromedp.CSS("#doc-preview")),
	)
	if err != nil {
		t.Fatal(err)
	}
	webtest.Look(t, ctx, shots, "01-draft-phone")
	if got := webtest.Text(t, ctx, "#doc-preview .dc-type"); got != "BÁO CÁO" {
		t.Errorf("type line %q", got)
	}
	err = chromedp.Do(ctx,
		chromedp.SetValue(chromedp.CSS("#sign_name"), "Hoàng Thị Lan"),
		chromedp.Click(chromedp.CSS("#issue")),
		chromedp.WaitVisible(chromedp.CSS("#doc-number")),
	)
	if err != nil {
		t.Fatal(err)
	}
	webtest.Look(t, ctx, shots, "02-issued-phone")
	if got := webtest.Text(t, ctx, "#doc-number"); got != "01-BC/BDVTU" {
		t.Errorf("number %q", got)
	}
	if got := webtest.Text(t, ctx, ".flash"); !strings.Contains(got, "Đã ban hành") {
		t.Errorf("flash %q", got)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/van-ban"), chromedp.WaitVisible(chromedp.CSS("#doc-list"))); err != nil {
		t.Fatal(err)
	}
	webtest.Look(t, ctx, shots, "03-register-phone")
	if got := webtest.Text(t, ctx, "#doc-list tbody"); !strings.Contains(got, "01-BC/BDVTU") || !strings.Contains(got, "Hoàng Thị Lan") {
		t.Errorf("register %q", got)
	}
	err = chromedp.Do(ctx, chromedp.EmulateViewport(1366, 900),
		chromedp.Navigate(base+"/van-ban/soan?loai=review&ky=2025S2&don-vi="+itoa(s.Units.LangSon.ID)),
		chromedp.WaitVisible(chromedp.CSS("#doc-preview")))
	if err != nil {
		t.Fatal(err)
	}
	webtest.Look(t, ctx, shots, "04-draft-desktop")
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/van-ban"), chromedp.WaitVisible(chromedp.CSS("#doc-list"))); err != nil {
		t.Fatal(err)
	}
	webtest.Look(t, ctx, shots, "05-register-desktop")
}

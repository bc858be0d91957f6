package directiveui_test

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/danvan/danvan/internal/browsertest"
	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/web/webtest"
)

// TestBrowserDirective links the commune's conference from a directive's
// page on a phone and looks at the register at 390×844 and 1366×900: no
// page is wider than the screen.
func TestBrowserDirective(t *testing.T) {
	ctx := browsertest.New(t, 300*time.Second)
	s, dir, _ := newSite(t, dbtest.Open(t, "sqlite"))
	base := s.Serve()
	shots := browsertest.Dir(t)
	webtest.SignIn(t, ctx, base, "officer.chilang")
	page := base + "/van-ban-chi-dao/" + itoa(dir.ID)
	err := chromedp.Do(ctx, webtest.Phone,
		chromedp.Navigate(page),
		chromedp.WaitVisible(chromedp.CSS("#trich-yeu")),
		chromedp.Click(chromedp.CSS("#gan summary")),
	)
	if err != nil {
		t.Fatal(err)
	}
	webtest.Look(t, ctx, shots, "01-directive-phone")
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`form[action$="/tim-trich-dan"] button`)), chromedp.WaitVisible(chromedp.CSS("#da-thuc-hien"))); err != nil {
		t.Fatal(err)
	}
	webtest.Look(t, ctx, shots, "02-linked-phone")
	if got := webtest.Text(t, ctx, "#da-thuc-hien"); !strings.Contains(got, "Sơ kết 10 năm") {
		t.Errorf("done under it = %q", got)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/van-ban-chi-dao"), chromedp.WaitVisible(chromedp.CSS("#tong-so"))); err != nil {
		t.Fatal(err)
	}
	webtest.Look(t, ctx, shots, "03-register-phone")
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1366, 900), chromedp.Navigate(page), chromedp.WaitVisible(chromedp.CSS("#trich-yeu"))); err != nil {
		t.Fatal(err)
	}
	webtest.Look(t, ctx, shots, "04-directive-desktop")
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/van-ban-chi-dao/moi"), chromedp.WaitVisible(chromedp.CSS("#number"))); err != nil {
		t.Fatal(err)
	}
	webtest.Look(t, ctx, shots, "05-new-desktop")
}

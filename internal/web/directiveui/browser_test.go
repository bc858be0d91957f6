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

// TestBrowserDirective finds the commune's conference from a directive's
// page on a phone and links it with its button, sees the conference's
// page name the directive, and looks at the register at 390×844 and
// 1366×900: no page is wider than the screen.
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
		chromedp.WaitVisible(chromedp.CSS("#tim")),
		chromedp.SendKeys(chromedp.CSS("#tim"), "so ket 10 nam"),
		chromedp.Click(chromedp.CSS(`#gan form[method="get"] button`)),
		chromedp.WaitVisible(chromedp.CSS("#ung-vien form button")),
	)
	if err != nil {
		t.Fatal(err)
	}
	webtest.Look(t, ctx, shots, "01-picker-phone")
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS("#ung-vien form button")), chromedp.WaitVisible(chromedp.CSS("#da-thuc-hien"))); err != nil {
		t.Fatal(err)
	}
	webtest.Look(t, ctx, shots, "02-linked-phone")
	if got := webtest.Text(t, ctx, "#da-thuc-hien"); !strings.Contains(got, "Sơ kết 10 năm") {
		t.Errorf("done under it = %q", got)
	}
	// The conference's page names the directive it now carries out.
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS("#da-thuc-hien a")), chromedp.WaitVisible(chromedp.CSS(".carries-out"))); err != nil {
		t.Fatal(err)
	}
	webtest.Look(t, ctx, shots, "02b-conference-phone")
	if got := webtest.Text(t, ctx, ".carries-out"); !strings.Contains(got, "114-KL/TW") {
		t.Errorf("the conference carries out = %q", got)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/van-ban-chi-dao"), chromedp.WaitVisible(chromedp.CSS("#tong-so"))); err != nil {
		t.Fatal(err)
	}
	webtest.Look(t, ctx, shots, "03-register-phone")
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1366, 900), chromedp.Navigate(page+"?loai=conference&tim=so+ket"), chromedp.WaitVisible(chromedp.CSS("#ung-vien"))); err != nil {
		t.Fatal(err)
	}
	webtest.Look(t, ctx, shots, "04-directive-desktop")
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/van-ban-chi-dao/moi"), chromedp.WaitVisible(chromedp.CSS("#number"))); err != nil {
		t.Fatal(err)
	}
	webtest.Look(t, ctx, shots, "05-new-desktop")
}

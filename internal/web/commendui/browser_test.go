package commendui_test

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/danvan/danvan/internal/browsertest"
	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/web/webtest"
)

// TestBrowserRecordOnPhone records a decision on a phone's screen: the
// register, the form filled in, the decision's page; no page is wider
// than the screen, at 390×844 and at 1366×900.
func TestBrowserRecordOnPhone(t *testing.T) {
	ctx := browsertest.New(t, 300*time.Second)
	s, _ := newSite(t, dbtest.Open(t, "sqlite"))
	base := s.Serve()
	shots := browsertest.Dir(t)
	webtest.SignIn(t, ctx, base, "officer.langson")
	err := chromedp.Do(ctx, webtest.Phone,
		chromedp.Navigate(base+"/khen-thuong/moi"),
		chromedp.WaitVisible(chromedp.CSS("#number")),
		chromedp.SendKeys(chromedp.CSS("#number"), "901-QĐ/BDVTU"),
		chromedp.SendKeys(chromedp.CSS("#signed_on"), "02/01/2026"),
		chromedp.SendKeys(chromedp.CSS("#signer"), "Đoàn Thị Hậu"),
		chromedp.SendKeys(chromedp.CSS("#r0name"), "Tổ hòa giải thôn Bản Dăm"),
		chromedp.SendKeys(chromedp.CSS("#r0ach"), "Hòa giải thành công 12 vụ việc năm 2025"),
	)
	if err != nil {
		t.Fatal(err)
	}
	webtest.Look(t, ctx, shots, "01-form-phone")
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`form.stack button[value=save]`)), chromedp.WaitVisible(chromedp.CSS("#nguoi-duoc-khen"))); err != nil {
		t.Fatal(err)
	}
	webtest.Look(t, ctx, shots, "02-decision-phone")
	if got := webtest.Text(t, ctx, "#nguoi-duoc-khen"); !strings.Contains(got, "Tổ hòa giải thôn Bản Dăm") {
		t.Errorf("recipients = %q", got)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/khen-thuong"), chromedp.WaitVisible(chromedp.CSS("#tong-so"))); err != nil {
		t.Fatal(err)
	}
	webtest.Look(t, ctx, shots, "03-register-phone")
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1366, 900), chromedp.Navigate(base+"/khen-thuong/moi"), chromedp.WaitVisible(chromedp.CSS("#number"))); err != nil {
		t.Fatal(err)
	}
	webtest.Look(t, ctx, shots, "04-form-desktop")
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/khen-thuong"), chromedp.WaitVisible(chromedp.CSS("#tong-so"))); err != nil {
		t.Fatal(err)
	}
	webtest.Look(t, ctx, shots, "05-register-desktop")
}

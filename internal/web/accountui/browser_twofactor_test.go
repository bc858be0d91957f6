package accountui_test

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/pquerna/otp/totp"

	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/browsertest"
	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/web"
	"github.com/danvan/danvan/internal/web/webtest"
)

// TestBrowserTwoFactor: an administrator signs in on a phone, is sent to
// set up a second step, scans (reads) the key, confirms with a code, sees
// the recovery codes, and signs in again with the code; the pages are
// looked at on a phone and on a desktop.
func TestBrowserTwoFactor(t *testing.T) {
	ctx := browsertest.New(t, 120*time.Second)
	s := webtest.New(t, dbtest.Open(t, "sqlite"), webtest.Configure(func(c *web.Config) { c.Auth.AdminsWithoutTwoFactor = false }))
	s.AddUser("quantri", auth.RoleAdmin, s.Units.LangSon.ID)
	base := s.Serve()
	shots := browsertest.Dir(t)
	desktop := chromedp.EmulateViewport(1366, 900)

	if err := chromedp.Do(ctx, webtest.Phone); err != nil {
		t.Fatal(err)
	}
	webtest.SignIn(t, ctx, base, "quantri")
	if err := chromedp.Do(ctx, chromedp.WaitVisible(chromedp.CSS(`form[action="/tai-khoan/hai-buoc/bat"]`))); err != nil {
		t.Fatalf("not sent to set up the second step: %v", err)
	}
	webtest.Look(t, ctx, shots, "2fa-01-required-phone")
	if err := chromedp.Do(ctx, chromedp.Submit(chromedp.CSS(`form[action="/tai-khoan/hai-buoc/bat"]`)), chromedp.WaitVisible(chromedp.CSS("code.secret"))); err != nil {
		t.Fatal(err)
	}
	webtest.Look(t, ctx, shots, "2fa-02-enrol-phone")
	if err := chromedp.Do(ctx, desktop); err != nil {
		t.Fatal(err)
	}
	webtest.Look(t, ctx, shots, "2fa-02-enrol-desktop")
	secret, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("code.secret")))
	if err != nil {
		t.Fatal(err)
	}
	code, err := totp.GenerateCode(strings.TrimSpace(secret), s.Now())
	if err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, webtest.Phone, chromedp.SendKeys(chromedp.CSS("#code"), code), chromedp.Submit(chromedp.CSS("#code")),
		chromedp.WaitVisible(chromedp.CSS("ol.codes"))); err != nil {
		t.Fatal(err)
	}
	webtest.Look(t, ctx, shots, "2fa-03-codes-phone")

	// Sign out, sign in again: the second step, 30 s later (a code is
	// accepted once).
	s.SetNow(s.Now().Add(30 * time.Second))
	err = chromedp.Do(ctx, chromedp.Click(chromedp.CSS("form.nav-form button")), chromedp.WaitVisible(chromedp.CSS("#login")),
		chromedp.SendKeys(chromedp.CSS("#login"), "quantri"), chromedp.SendKeys(chromedp.CSS("#password"), webtest.Password),
		chromedp.Submit(chromedp.CSS("#password")), chromedp.WaitVisible(chromedp.CSS("#code")))
	if err != nil {
		t.Fatal(err)
	}
	webtest.Look(t, ctx, shots, "2fa-04-second-step-phone")
	if err := chromedp.Do(ctx, desktop); err != nil {
		t.Fatal(err)
	}
	webtest.Look(t, ctx, shots, "2fa-04-second-step-desktop")
	code, _ = totp.GenerateCode(strings.TrimSpace(secret), s.Now())
	if err := chromedp.Do(ctx, chromedp.SendKeys(chromedp.CSS("#code"), code), chromedp.Submit(chromedp.CSS("#code")),
		chromedp.WaitVisible(chromedp.CSS("form.nav-form"))); err != nil {
		t.Fatal(err)
	}
	h1, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("h1")))
	if err != nil || strings.Contains(h1, "Nhập mã") {
		t.Fatalf("after the second step: %q %v", h1, err)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/tai-khoan/hai-buoc"), chromedp.WaitVisible(chromedp.CSS("h1"))); err != nil {
		t.Fatal(err)
	}
	webtest.Look(t, ctx, shots, "2fa-05-on-desktop")
}

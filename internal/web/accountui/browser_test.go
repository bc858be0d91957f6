package accountui_test

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/danvan/danvan/internal/browsertest"
	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/web/webtest"
)

// TestBrowserOfficerOnPhone signs an officer in through the real form on a
// phone's screen and visits the pages an officer uses; none may be wider
// than the screen.
func TestBrowserOfficerOnPhone(t *testing.T) {
	ctx := browsertest.New(t, 90*time.Second)
	s := webtest.NewWithStaff(t, dbtest.Open(t, "sqlite"))
	base := s.Serve()
	shots := browsertest.Dir(t)

	if err := chromedp.Do(ctx, webtest.Phone, chromedp.Navigate(base+"/dang-nhap"), chromedp.WaitVisible(chromedp.CSS("#login"))); err != nil {
		t.Fatal(err)
	}
	webtest.Look(t, ctx, shots, "01-sign-in")
	webtest.SignIn(t, ctx, base, "officer.chilang")
	if err := chromedp.Do(ctx, chromedp.WaitVisible(chromedp.CSS("#don_vi"))); err != nil {
		t.Fatalf("home after sign-in: %v", err)
	}
	h1, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("h1")))
	if err != nil || !strings.Contains(h1, "officer.chilang") {
		t.Fatalf("home after sign-in: %q %v", h1, err)
	}
	webtest.Look(t, ctx, shots, "02-home")
	for i, path := range []string{"/", "/don-vi", "/don-vi/" + itoa(s.Units.QuangLang.ID), "/tai-khoan/mat-khau"} {
		if err := chromedp.Do(ctx, chromedp.Navigate(base+path), chromedp.WaitVisible(chromedp.CSS("h1"))); err != nil {
			t.Fatal(err)
		}
		webtest.Look(t, ctx, shots, "03-page-"+itoa(int64(i)))
	}
	// Sign out with the header button.
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS("form.nav-form button")), chromedp.WaitVisible(chromedp.CSS(".flash"))); err != nil {
		t.Fatal(err)
	}
	flash, _ := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(".flash")))
	if !strings.Contains(flash, "đăng xuất") {
		t.Errorf("after sign-out: %q", flash)
	}
}

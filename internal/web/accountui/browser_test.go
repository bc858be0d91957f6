package accountui_test

import (
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/danvan/danvan/internal/browsertest"
	"github.com/danvan/danvan/internal/db/dbtest"
)

// TestBrowserOfficerOnPhone signs an officer in through the real form on a
// 390x844 viewport and visits the pages an officer uses; none may be wider
// than the screen.
func TestBrowserOfficerOnPhone(t *testing.T) {
	ctx := browsertest.New(t, 90*time.Second)
	s := newSite(t, dbtest.Open(t, "sqlite"))
	ts := httptest.NewServer(s.Srv)
	defer ts.Close()
	shots := browsertest.Dir(t)

	err := chromedp.Do(ctx,
		chromedp.EmulateViewport(390, 844),
		chromedp.Navigate(ts.URL+"/dang-nhap"),
		chromedp.WaitVisible(chromedp.CSS("#login")),
		chromedp.SendKeys(chromedp.CSS("#login"), "officer.chilang"),
		chromedp.SendKeys(chromedp.CSS("#password"), pw),
	)
	if err != nil {
		t.Fatal(err)
	}
	browsertest.Screenshot(t, ctx, shots, "01-sign-in")
	if o := browsertest.Overflow(t, ctx); o > 0 {
		t.Errorf("sign-in page overflows by %dpx", o)
	}
	err = chromedp.Do(ctx,
		chromedp.Submit(chromedp.CSS("#password")),
		chromedp.WaitVisible(chromedp.CSS("#don_vi")),
	)
	if err != nil {
		t.Fatal(err)
	}
	h1, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("h1")))
	if err != nil || !strings.Contains(h1, "officer.chilang") {
		t.Fatalf("home after sign-in: %q %v", h1, err)
	}
	browsertest.Screenshot(t, ctx, shots, "02-home")
	for i, path := range []string{"/", "/don-vi", "/don-vi/" + itoa(s.Units.QuangLang.ID), "/tai-khoan/mat-khau"} {
		if err := chromedp.Do(ctx, chromedp.Navigate(ts.URL+path), chromedp.WaitVisible(chromedp.CSS("h1"))); err != nil {
			t.Fatal(err)
		}
		if o := browsertest.Overflow(t, ctx); o > 0 {
			t.Errorf("%s overflows the phone screen by %dpx", path, o)
		}
		browsertest.Screenshot(t, ctx, shots, "03-page-"+itoa(int64(i)))
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

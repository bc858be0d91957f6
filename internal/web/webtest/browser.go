package webtest

import (
	"context"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// SignOut signs the browser of ctx out with the header's button and
// waits for the visitor's sign-in link (not for the flash: the page
// signed out of may show one already): the way back from SignIn.
func SignOut(t testing.TB, ctx context.Context) {
	t.Helper()
	err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS("form.nav-form button")), chromedp.WaitVisible(chromedp.CSS(`a[href="/dang-nhap"]`)))
	if err != nil {
		t.Fatalf("sign out: %v", err)
	}
}

// Text is the text of the first element sel matches on the page the
// browser of ctx shows, trimmed.
func Text(t testing.TB, ctx context.Context, sel string) string {
	t.Helper()
	s, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(sel)))
	if err != nil {
		t.Fatalf("text of %s: %v", sel, err)
	}
	return strings.TrimSpace(s)
}

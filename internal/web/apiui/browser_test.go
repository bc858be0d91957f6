package apiui_test

import (
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/danvan/danvan/internal/browsertest"
	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/web/webtest"
)

// TestBrowserReference looks at the API reference page on a phone and on
// a desktop: no operation is wider than the screen.
func TestBrowserReference(t *testing.T) {
	ctx := browsertest.New(t, 60*time.Second)
	s := webtest.New(t, dbtest.Open(t, "sqlite"))
	base := s.Serve()
	shots := browsertest.Dir(t)
	for _, size := range []struct {
		name string
		w, h int64
	}{{"phone", 390, 844}, {"desktop", 1366, 900}} {
		if err := chromedp.Do(ctx, chromedp.EmulateViewport(size.w, size.h), chromedp.Navigate(base+"/tai-lieu-api"),
			chromedp.WaitVisible(chromedp.CSS("li#submitReport"))); err != nil {
			t.Fatal(err)
		}
		webtest.Look(t, ctx, shots, "reference-"+size.name)
	}
}

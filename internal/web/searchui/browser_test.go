package searchui_test

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/danvan/danvan/internal/browsertest"
	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/web/webtest"
)

// TestBrowserSearchFromHeader types into the header's search box on a
// phone (in the menu) and on a wide screen (in the bar): the results page groups the hits by kind
// with the words marked, and no page is wider than the screen.
func TestBrowserSearchFromHeader(t *testing.T) {
	ctx := browsertest.New(t, 300*time.Second)
	s := newSite(t, dbtest.Open(t, "sqlite"))
	base := s.Serve()
	shots := browsertest.Dir(t)
	webtest.SignIn(t, ctx, base, "officer.langson")
	for _, screen := range []struct {
		name string
		w, h int64
	}{{"phone", 390, 844}, {"desktop", 1366, 900}} {
		if err := chromedp.Do(ctx, chromedp.EmulateViewport(screen.w, screen.h),
			chromedp.Navigate(base+"/"), chromedp.WaitVisible(chromedp.CSS("h1"))); err != nil {
			t.Fatal(err)
		}
		// A phone keeps the box in the menu, to be opened with a tap.
		if screen.w < 960 {
			if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS("details.menu summary"))); err != nil {
				t.Fatal(err)
			}
		}
		err := chromedp.Do(ctx,
			chromedp.WaitVisible(chromedp.CSS("form.search-box input")),
			chromedp.SendKeys(chromedp.CSS("form.search-box input"), "hoà"+kb.Enter),
			chromedp.WaitVisible(chromedp.CSS("#tong-so")),
		)
		if err != nil {
			t.Fatal(err)
		}
		webtest.Look(t, ctx, shots, "results-"+screen.name)
		if got := webtest.Text(t, ctx, "#nhom-conference mark"); !strings.EqualFold(got, "hòa") {
			t.Errorf("%s: marked %q", screen.name, got)
		}
		if err := chromedp.Do(ctx, chromedp.Navigate(base+"/tim-kiem?q=khong+co+gi+ca"), chromedp.WaitVisible(chromedp.CSS("#khong-co"))); err != nil {
			t.Fatal(err)
		}
		webtest.Look(t, ctx, shots, "empty-"+screen.name)
	}
}

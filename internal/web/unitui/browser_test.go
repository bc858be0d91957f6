package unitui_test

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/danvan/danvan/internal/browsertest"
	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/web/webtest"
)

// TestBrowserUnitPagesOnPhone opens the public hierarchy on a phone's
// screen: the tree today, the tree on a 2020 date picked in the form,
// and an old commune's page; nothing may overflow the screen sideways.
func TestBrowserUnitPagesOnPhone(t *testing.T) {
	ctx := browsertest.New(t, 90*time.Second)
	s := newSite(t, dbtest.Open(t, "sqlite"))
	base := s.Serve()
	shots := browsertest.Dir(t)

	err := chromedp.Do(ctx,
		webtest.Phone,
		chromedp.Navigate(base+"/don-vi"),
		chromedp.WaitVisible(chromedp.CSS("ul.tree")),
	)
	if err != nil {
		t.Fatal(err)
	}
	webtest.Look(t, ctx, shots, "01-tree-today")
	today, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("ul.tree")))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(today, "Huyện ủy Chi Lăng") || !strings.Contains(today, "Khối Dân vận xã Chi Lăng") {
		t.Errorf("today's tree: %q", today)
	}

	// Pick 15/03/2020 in the date field and submit the form.
	err = chromedp.Do(ctx,
		chromedp.SetValue(chromedp.CSS("#ngay"), "2020-03-15"),
		chromedp.Submit(chromedp.CSS("#ngay")),
		chromedp.WaitVisible(chromedp.CSS(`a[href*="ngay=2020-03-15"]`)),
	)
	if err != nil {
		t.Fatal(err)
	}
	webtest.Look(t, ctx, shots, "02-tree-2020")
	old, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("ul.tree")))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(old, "Ban Dân vận Huyện ủy Chi Lăng") || !strings.Contains(old, "Khối Dân vận xã Quang Lang") {
		t.Errorf("2020 tree: %q", old)
	}

	err = chromedp.Do(ctx,
		chromedp.Navigate(base+"/don-vi/"+itoa(s.Units.QuangLang.ID)),
		chromedp.WaitVisible(chromedp.CSS("h1")),
	)
	if err != nil {
		t.Fatal(err)
	}
	webtest.Look(t, ctx, shots, "03-old-commune")
}

package citizenui_test

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/danvan/danvan/internal/browsertest"
	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/web/webtest"
)

// TestBrowserPetitionAndHotSpot: the commune's officer records a petition
// signed by 23 people through the intake form on a desktop screen, which
// raises a warning (đơn đông người); the province's leader sees it among
// the open ones, and closes the seeded warning with an assessment. Then
// every page of the feature is looked at on a phone: none is wider than
// the screen.
func TestBrowserPetitionAndHotSpot(t *testing.T) {
	ctx := browsertest.New(t, 300*time.Second)
	s := newSite(t, dbtest.Open(t, "sqlite"))
	sd := seedCases(t, s)
	base := s.Serve()
	shots := browsertest.Dir(t)

	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1366, 900)); err != nil {
		t.Fatal(err)
	}
	webtest.SignIn(t, ctx, base, "officer.chilang")
	err := chromedp.Do(ctx,
		chromedp.Navigate(base+"/cong-dan/don/moi"),
		chromedp.WaitVisible(chromedp.CSS("#subject")),
		chromedp.SetValue(chromedp.CSS("#kind"), "proposal"),
		chromedp.SetValue(chromedp.CSS("#source"), "reception"),
		chromedp.SendKeys(chromedp.CSS("#received_on"), "20/02/2026"),
		chromedp.SendKeys(chromedp.CSS("#subject"), "Kiến nghị làm lại mương thủy lợi thôn Nà Tâm"),
		chromedp.SendKeys(chromedp.CSS("#place"), "thôn Nà Tâm"),
		chromedp.SetValue(chromedp.CSS("#signatories"), "23"),
		chromedp.SendKeys(chromedp.CSS("#petitioner_name"), "Vi Văn Toàn"),
	)
	if err != nil {
		t.Fatal(err)
	}
	webtest.Look(t, ctx, shots, "01-intake")
	err = chromedp.Do(ctx,
		chromedp.Submit(chromedp.CSS("#subject")),
		chromedp.WaitVisible(chromedp.CSS("#clock")),
	)
	if err != nil {
		t.Fatal(err)
	}
	webtest.Look(t, ctx, shots, "02-petition")
	// 10 working days from 20/2/2026: 6/3/2026.
	if clock := webtest.Text(t, ctx, "#clock"); !strings.Contains(clock, "06/03/2026") {
		t.Errorf("clock = %q", clock)
	}
	if h := webtest.Text(t, ctx, "#history"); !strings.Contains(h, "20/02/2026") {
		t.Errorf("history = %q", h)
	}

	webtest.SignOut(t, ctx)
	webtest.SignIn(t, ctx, base, "leader.langson")
	err = chromedp.Do(ctx,
		chromedp.Navigate(base+"/cong-dan"),
		chromedp.WaitVisible(chromedp.CSS("#hotspots")),
	)
	if err != nil {
		t.Fatal(err)
	}
	webtest.Look(t, ctx, shots, "03-overview-leader")
	if hot := webtest.Text(t, ctx, "#hotspots"); !strings.Contains(hot, "Kiến nghị làm lại mương thủy lợi") {
		t.Errorf("the leader's warnings lack the new petition: %q", hot)
	}
	err = chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS(`#hotspots a[href="/cong-dan/diem-nong/`+itoa(sd.hotspot.ID)+`"]`)),
		chromedp.WaitVisible(chromedp.CSS("#assessment")),
		chromedp.SendKeys(chromedp.CSS("#assessment"), "Đã đối thoại với các hộ, thống nhất phương án bồi thường"),
	)
	if err != nil {
		t.Fatal(err)
	}
	webtest.Look(t, ctx, shots, "04-hotspot")
	err = chromedp.Do(ctx,
		chromedp.Submit(chromedp.CSS("#assessment")),
		chromedp.WaitVisible(chromedp.CSS("#hotspot-status")),
	)
	if err != nil {
		t.Fatal(err)
	}
	if st := webtest.Text(t, ctx, "main"); !strings.Contains(st, "Đã đối thoại với các hộ") {
		t.Errorf("closed warning page = %q", st)
	}
	for _, p := range []struct{ name, path, wait string }{
		{"05-logbook", "/cong-dan/hoa-giai/" + itoa(sd.team.ID) + "?nam=2026", "#logbook"},
		{"06-dialogue", "/cong-dan/doi-thoai/" + itoa(sd.dialogue.ID), "#issues"},
		{"07-receptions", "/cong-dan/tiep-dan?thang=2026-03&don_vi=" + itoa(s.Units.LangSon.ID), "#compliance"},
	} {
		if err := chromedp.Do(ctx, chromedp.Navigate(base+p.path), chromedp.WaitVisible(chromedp.CSS(p.wait))); err != nil {
			t.Fatalf("%s: %v", p.path, err)
		}
		webtest.Look(t, ctx, shots, p.name)
	}

	// On a phone.
	if err := chromedp.Do(ctx, webtest.Phone); err != nil {
		t.Fatal(err)
	}
	webtest.SignOut(t, ctx)
	webtest.SignIn(t, ctx, base, "officer.chilang")
	for i, path := range pages(s, sd) {
		if strings.Contains(path, "/quy-tac") {
			continue
		}
		if err := chromedp.Do(ctx, chromedp.Navigate(base+path), chromedp.WaitVisible(chromedp.CSS("main h1"))); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		webtest.Look(t, ctx, shots, "phone-"+itoa(int64(10+i)))
	}
}

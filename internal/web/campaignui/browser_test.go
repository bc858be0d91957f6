package campaignui_test

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/danvan/danvan/internal/browsertest"
	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/web/webtest"
)

// TestBrowserCampaign records a contribution on a phone's screen and
// looks at the campaign's page and list at 390×844 and 1366×900: no page
// is wider than the screen.
func TestBrowserCampaign(t *testing.T) {
	ctx := browsertest.New(t, 300*time.Second)
	s, c := newSite(t, dbtest.Open(t, "sqlite"))
	base := s.Serve()
	shots := browsertest.Dir(t)
	webtest.SignIn(t, ctx, base, "officer.langson")
	page := base + "/cuoc-van-dong/" + itoa(c.ID)
	err := chromedp.Do(ctx, webtest.Phone,
		chromedp.Navigate(page),
		chromedp.WaitVisible(chromedp.CSS("#tong-hop")),
		chromedp.Click(chromedp.CSS("#ghi-dong-gop summary")),
		chromedp.SendKeys(chromedp.CSS("#period"), "2026"),
		chromedp.SendKeys(chromedp.CSS("#money"), "15.000.000"),
		chromedp.SendKeys(chromedp.CSS("#households"), "4"),
	)
	if err != nil {
		t.Fatal(err)
	}
	webtest.Look(t, ctx, shots, "01-record-phone")
	if err := chromedp.Do(ctx, chromedp.Submit(chromedp.CSS("#money")), chromedp.WaitVisible(chromedp.CSS("#dong-gop"))); err != nil {
		t.Fatal(err)
	}
	webtest.Look(t, ctx, shots, "02-campaign-phone")
	if got := webtest.Text(t, ctx, "#tong-hop"); !strings.Contains(got, "265.000.000") {
		t.Errorf("roll-up after recording = %q", got)
	}
	// The import form with the blank template's link beside it.
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS("#nhap-tep summary")), chromedp.WaitVisible(chromedp.CSS("#mau-nhap"))); err != nil {
		t.Fatal(err)
	}
	webtest.Look(t, ctx, shots, "02b-import-phone")
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/cuoc-van-dong"), chromedp.WaitVisible(chromedp.CSS("#tong-so"))); err != nil {
		t.Fatal(err)
	}
	webtest.Look(t, ctx, shots, "03-list-phone")
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1366, 900), chromedp.Navigate(page+"?cach=quy-doi"), chromedp.WaitVisible(chromedp.CSS("#tong-hop"))); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS("#nhap-tep summary")), chromedp.WaitVisible(chromedp.CSS("#mau-nhap"))); err != nil {
		t.Fatal(err)
	}
	webtest.Look(t, ctx, shots, "04-campaign-desktop")
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/cuoc-van-dong/moi"), chromedp.WaitVisible(chromedp.CSS("#name"))); err != nil {
		t.Fatal(err)
	}
	webtest.Look(t, ctx, shots, "05-new-desktop")
}

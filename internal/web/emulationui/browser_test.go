package emulationui_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/danvan/danvan/internal/browsertest"
	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/emulation"
	"github.com/danvan/danvan/internal/meeting"
	"github.com/danvan/danvan/internal/web/webtest"
)

// TestBrowserBlocOnPhone: a member scores itself on a phone, then the
// leader's page with the ranking and the review table, and the list, at
// 390×844 and 1366×900; no page is wider than the screen.
func TestBrowserBlocOnPhone(t *testing.T) {
	ctx := browsertest.New(t, 300*time.Second)
	s, y := newSite(t, dbtest.Open(t, "sqlite"))
	u := s.Units
	store := emulation.NewStore(s.DB, s.Org, s.Auth, meeting.NewStore(s.DB, s.Org, s.Auth))
	if _, err := store.SelfScore(context.Background(), s.Principal("officer.chilang"), y.ID, 2026, u.NewChiLang.ID,
		map[int64]float64{y.Criteria[0].ID: 55, y.Criteria[1].ID: 36.5}, true); err != nil {
		t.Fatal(err)
	}
	base := s.Serve()
	shots := browsertest.Dir(t)
	path := base + "/cum-khoi-thi-dua/" + itoa(y.ID) + "?nam=2026"
	webtest.SignIn(t, ctx, base, "officer.dongdang")
	sel := "#s-" + itoa(u.NewDongDang.ID) + "-"
	if err := chromedp.Do(ctx, webtest.Phone, chromedp.Navigate(path), chromedp.WaitVisible(chromedp.CSS(sel+itoa(y.Criteria[0].ID))),
		chromedp.SendKeys(chromedp.CSS(sel+itoa(y.Criteria[0].ID)), "58,5"), chromedp.SendKeys(chromedp.CSS(sel+itoa(y.Criteria[1].ID)), "33")); err != nil {
		t.Fatal(err)
	}
	webtest.Look(t, ctx, shots, "01-self-score-phone")
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`form[action$="/tu-cham"] button[name=submit]`)),
		chromedp.WaitNotPresent(chromedp.CSS(`form[action$="/tu-cham"]`)), chromedp.WaitVisible(chromedp.CSS("#bang-xep-hang"))); err != nil {
		t.Fatal(err)
	}
	if got := webtest.Text(t, ctx, "#bang-xep-hang"); !strings.Contains(got, "91,5") || !strings.Contains(got, "58,5") {
		t.Errorf("ranking after handing in: %q", got)
	}
	webtest.SignOut(t, ctx)
	webtest.SignIn(t, ctx, base, "officer.chilang")
	if err := chromedp.Do(ctx, chromedp.Navigate(path), chromedp.WaitVisible(chromedp.CSS("#cham-diem"))); err != nil {
		t.Fatal(err)
	}
	webtest.Look(t, ctx, shots, "02-leader-phone")
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1366, 900), chromedp.Navigate(path), chromedp.WaitVisible(chromedp.CSS("#cham-diem"))); err != nil {
		t.Fatal(err)
	}
	webtest.Look(t, ctx, shots, "03-leader-desktop")
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/cum-khoi-thi-dua"), chromedp.WaitVisible(chromedp.CSS("#cum-khoi"))); err != nil {
		t.Fatal(err)
	}
	webtest.Look(t, ctx, shots, "04-list-desktop")
	webtest.SignOut(t, ctx)
	webtest.SignIn(t, ctx, base, "officer.langson")
	// The organizer sets up next year's members: 2026 is being scored,
	// so its members and criteria stay as they are.
	if err := chromedp.Do(ctx, webtest.Phone, chromedp.Navigate(base+"/cum-khoi-thi-dua/"+itoa(y.ID)+"?nam=2027"), chromedp.WaitVisible(chromedp.CSS("#codes"))); err != nil {
		t.Fatal(err)
	}
	webtest.Look(t, ctx, shots, "05-organizer-next-year-phone")
}

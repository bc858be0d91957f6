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

// TestBrowserCriteriaSelfSheetAndFlag: the organizer opens a line's edit
// form, a member sees its self-scoring sheet's import form, and once the
// year is approved the leading member sends its flag proposal, on a
// phone (390×844) and a laptop (1366×900); no page is wider than the
// screen.
func TestBrowserCriteriaSelfSheetAndFlag(t *testing.T) {
	ctx := browsertest.New(t, 300*time.Second)
	s, y := newSite(t, dbtest.Open(t, "sqlite"))
	u := s.Units
	base := s.Serve()
	shots := browsertest.Dir(t)
	path := base + "/cum-khoi-thi-dua/" + itoa(y.ID) + "?nam=2026"
	line := "#dong-" + itoa(y.Criteria[1].ID)

	webtest.SignIn(t, ctx, base, "officer.langson")
	if err := chromedp.Do(ctx, webtest.Phone, chromedp.Navigate(path), chromedp.WaitVisible(chromedp.CSS(line+" summary")),
		chromedp.Click(chromedp.CSS(line+" summary")), chromedp.WaitVisible(chromedp.CSS("#e-max-"+itoa(y.Criteria[1].ID)))); err != nil {
		t.Fatal(err)
	}
	webtest.Look(t, ctx, shots, "06-criteria-edit-phone")
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1366, 900), chromedp.Navigate(path), chromedp.WaitVisible(chromedp.CSS(line+" summary")),
		chromedp.Click(chromedp.CSS(line+" summary")), chromedp.WaitVisible(chromedp.CSS("#e-max-"+itoa(y.Criteria[1].ID)))); err != nil {
		t.Fatal(err)
	}
	webtest.Look(t, ctx, shots, "07-criteria-edit-desktop")
	webtest.SignOut(t, ctx)

	webtest.SignIn(t, ctx, base, "officer.chilang")
	if err := chromedp.Do(ctx, webtest.Phone, chromedp.Navigate(path), chromedp.WaitVisible(chromedp.CSS("#self-file-"+itoa(u.NewChiLang.ID)))); err != nil {
		t.Fatal(err)
	}
	webtest.Look(t, ctx, shots, "08-self-import-phone")

	// Scored, reviewed and approved through the store.
	store := emulation.NewStore(s.DB, s.Org, s.Auth, meeting.NewStore(s.DB, s.Org, s.Auth))
	bg := context.Background()
	for login, unit := range map[string]int64{"officer.chilang": u.NewChiLang.ID, "officer.dongdang": u.NewDongDang.ID} {
		sc := map[int64]float64{y.Criteria[0].ID: 50, y.Criteria[1].ID: 30}
		if unit == u.NewChiLang.ID {
			sc[y.Criteria[0].ID] = 57.5
		}
		if _, err := store.SelfScore(bg, s.Principal(login), y.ID, 2026, unit, sc, true); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := store.Review(bg, s.Principal("officer.chilang"), y.ID, 2026, nil, true); err != nil {
		t.Fatal(err)
	}
	if _, err := store.Approve(bg, s.Principal("leader.langson"), y.ID, 2026, 0); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(path), chromedp.WaitVisible(chromedp.CSS("#de-nghi-co-thi-dua")),
		chromedp.SendKeys(chromedp.CSS("#reason"), "Dẫn đầu cụm năm 2026 với 87,5 điểm; 3 mô hình “Dân vận khéo” được công nhận.")); err != nil {
		t.Fatal(err)
	}
	webtest.Look(t, ctx, shots, "09-flag-propose-phone")
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1366, 900), chromedp.Click(chromedp.CSS(`form[action$="/de-nghi-co"] button`)),
		chromedp.WaitVisible(chromedp.CSS("#de-nghi-co-da-gui"))); err != nil {
		t.Fatal(err)
	}
	if got := webtest.Text(t, ctx, "#de-nghi-co-da-gui"); !strings.Contains(got, "Cờ thi đua") {
		t.Errorf("after the proposal: %q", got)
	}
	webtest.Look(t, ctx, shots, "10-flag-sent-desktop")
}

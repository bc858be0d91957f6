package committeeui_test

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/danvan/danvan/internal/browsertest"
	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/web/webtest"
)

// TestBrowserCommitteeOnPhone adds a member on a phone and looks at the
// committee, a past day and the yearly report at 390×844 and 1366×900;
// no page is wider than the screen.
func TestBrowserCommitteeOnPhone(t *testing.T) {
	ctx := browsertest.New(t, 300*time.Second)
	s, sd := newSite(t, dbtest.Open(t, "sqlite"))
	base := s.Serve()
	shots := browsertest.Dir(t)
	path := base + "/ban-chi-dao/" + itoa(sd.c.ID)
	webtest.SignIn(t, ctx, base, "officer.langson")
	if err := chromedp.Do(ctx, webtest.Phone, chromedp.Navigate(path), chromedp.WaitVisible(chromedp.CSS("#m-name")),
		chromedp.SendKeys(chromedp.CSS("#m-name"), "Lương Thị Mai"),
		chromedp.SendKeys(chromedp.CSS("#m-title"), "Chủ tịch Hội Liên hiệp Phụ nữ tỉnh"),
		chromedp.SendKeys(chromedp.CSS("#m-from"), "01/06/2024")); err != nil {
		t.Fatal(err)
	}
	webtest.Look(t, ctx, shots, "01-add-member-phone")
	// The page answers with itself: wait for the new member, not for a
	// table the old page already had (reading it while the page reloads
	// fails, so ask again until it says so or a minute has passed).
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`#them-thanh-vien button`))); err != nil {
		t.Fatal(err)
	}
	for end := time.Now().Add(time.Minute); ; time.Sleep(200 * time.Millisecond) {
		added, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`(document.querySelector("#nhiem-ky")?.innerText || "").includes("Lương Thị Mai")`))
		if err == nil && added {
			break
		}
		if time.Now().After(end) {
			t.Fatalf("the new member never showed (%v)", err)
		}
	}
	if got := webtest.Text(t, ctx, "#nhiem-ky"); !strings.Contains(got, "Lương Thị Mai") {
		t.Errorf("terms: %q", got)
	}
	webtest.Look(t, ctx, shots, "02-committee-phone")
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1366, 900), chromedp.Navigate(path+"?ngay=01/01/2023"), chromedp.WaitVisible(chromedp.CSS("#thanh-vien"))); err != nil {
		t.Fatal(err)
	}
	if got := webtest.Text(t, ctx, "#thanh-vien"); strings.Contains(got, "Lương Thị Mai") || !strings.Contains(got, "Hoàng Văn Nghiệm") {
		t.Errorf("members on 01/01/2023: %q", got)
	}
	webtest.Look(t, ctx, shots, "03-past-day-desktop")
	if err := chromedp.Do(ctx, chromedp.Navigate(path+"/bao-cao?nam=2025"), chromedp.WaitVisible(chromedp.CSS("#so-lieu"))); err != nil {
		t.Fatal(err)
	}
	webtest.Look(t, ctx, shots, "04-report-desktop")
	if err := chromedp.Do(ctx, webtest.Phone, chromedp.Navigate(base+"/ban-chi-dao"), chromedp.WaitVisible(chromedp.CSS("#ban-chi-dao"))); err != nil {
		t.Fatal(err)
	}
	webtest.Look(t, ctx, shots, "05-list-phone")
}

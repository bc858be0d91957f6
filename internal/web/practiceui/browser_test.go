package practiceui_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/browsertest"
	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/web/webtest"
)

// TestBrowserPracticeLifecycleOnPhone: on a 390×844 phone screen, a
// commune officer registers a model with a photo and puts it into
// progress; the district leader recognizes it; an officer of another
// commune replicates it from its public page; a visitor sees the public
// page with the photo. Screenshots of each step; nothing may overflow.
func TestBrowserPracticeLifecycleOnPhone(t *testing.T) {
	bctx := browsertest.New(t, 180*time.Second)
	s := webtest.New(t, dbtest.Open(t, "sqlite"), webtest.At(time.Date(2024, 11, 20, 9, 0, 0, 0, time.UTC))) // the districts still stand
	base := s.Serve()
	district, communeA, communeB := s.Units.ChiLang, s.Units.QuangLang, s.Units.MaiSao
	s.AddUser("can.bo.a", auth.RoleOfficer, communeA.ID)
	s.AddUser("lanh.dao.huyen", auth.RoleLeader, district.ID)
	s.AddUser("can.bo.b", auth.RoleOfficer, communeB.ID)
	photo := filepath.Join(t.TempDir(), "le-ra-mat.png")
	if err := os.WriteFile(photo, testPNG(t), 0o644); err != nil {
		t.Fatal(err)
	}
	shots := browsertest.Dir(t)
	clearCookies := chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, network.ClearBrowserCookies, cdp.Empty{})
		return err
	})
	// signIn signs login in, as the only user of the browser.
	signIn := func(login string) {
		t.Helper()
		if err := chromedp.Do(bctx, clearCookies); err != nil {
			t.Fatal(err)
		}
		webtest.SignIn(t, bctx, base, login)
	}
	look := func(name string) {
		t.Helper()
		webtest.Look(t, bctx, shots, name)
	}
	text := func(sel string) string {
		t.Helper()
		s, err := chromedp.Run(bctx, chromedp.Text(chromedp.CSS(sel)))
		if err != nil {
			t.Fatalf("text of %s: %v", sel, err)
		}
		return s
	}
	// imagesLoaded waits until every picture matching sel has arrived
	// and decoded (a signal from the page, not a pause).
	imagesLoaded := func(sel string) {
		t.Helper()
		js := `Array.from(document.querySelectorAll(` + "`" + sel + "`" + `)).every(i => i.complete && i.naturalWidth > 0)`
		if _, err := chromedp.Run(bctx, chromedp.Poll[bool](js, chromedp.WithPollingTimeout(20*time.Second))); err != nil {
			t.Fatalf("images %s did not load: %v", sel, err)
		}
	}

	// 1. The officer registers a model with a photo.
	if err := chromedp.Do(bctx, webtest.Phone); err != nil {
		t.Fatal(err)
	}
	signIn("can.bo.a")
	err := chromedp.Do(bctx,
		chromedp.Navigate(base+"/mo-hinh"),
		chromedp.WaitVisible(chromedp.CSS("a.button[href^='/mo-hinh/moi']")),
	)
	if err != nil {
		t.Fatal(err)
	}
	look("01-list-empty")
	err = chromedp.Do(bctx,
		chromedp.Click(chromedp.CSS("a.button[href^='/mo-hinh/moi']")),
		chromedp.WaitVisible(chromedp.CSS("#name")),
		chromedp.SendKeys(chromedp.CSS("#name"), "Tiếng kẻng an ninh xóm Đồng Tâm"),
		chromedp.SetValue(chromedp.CSS("#field"), "defence_security"),
		chromedp.SendKeys(chromedp.CSS("#owner_name"), "Tổ an ninh tự quản xóm Đồng Tâm"),
		chromedp.SetValue(chromedp.CSS("#started_on"), "2023-03-15"),
		chromedp.SendKeys(chromedp.CSS("#description"), "Mỗi tổ có một chiếc kẻng; khi có việc, người phát hiện gõ kẻng báo cả xóm."),
		chromedp.SetUploadFiles(chromedp.CSS("#photo"), []string{photo}),
	)
	if err != nil {
		t.Fatal(err)
	}
	look("02-register-form")
	err = chromedp.Do(bctx,
		chromedp.Submit(chromedp.CSS("#name")),
		chromedp.WaitVisible(chromedp.CSS(".pr-files img")),
	)
	if err != nil {
		t.Fatal(err)
	}
	imagesLoaded(".pr-files img")
	look("03-registered")
	if s := text("#trang-thai"); s != "Đăng ký" {
		t.Errorf("status after registration: %q", s)
	}
	modelURL, err := chromedp.Run(bctx, chromedp.Evaluate[string](`location.pathname`))
	if err != nil {
		t.Fatal(err)
	}
	err = chromedp.Do(bctx,
		chromedp.Click(chromedp.CSS("a.button[href$='/trien-khai']")),
		chromedp.WaitVisible(chromedp.CSS("#on")),
		chromedp.Submit(chromedp.CSS("#on")),
		chromedp.WaitVisible(chromedp.CSS(".flash")),
	)
	if err != nil {
		t.Fatal(err)
	}
	if s := text("#trang-thai"); s != "Đang triển khai" {
		t.Errorf("status after start: %q", s)
	}

	// 2. The district leader recognizes it.
	signIn("lanh.dao.huyen")
	err = chromedp.Do(bctx,
		chromedp.Navigate(base+modelURL),
		chromedp.WaitVisible(chromedp.CSS("a.button[href$='/cong-nhan']")),
		chromedp.Click(chromedp.CSS("a.button[href$='/cong-nhan']")),
		chromedp.WaitVisible(chromedp.CSS("#decision_no")),
		chromedp.SendKeys(chromedp.CSS("#decision_no"), "215-QĐ/HU"),
	)
	if err != nil {
		t.Fatal(err)
	}
	look("04-recognize-form")
	if s := text("#by_unit"); !strings.Contains(s, district.Name) {
		t.Errorf("recognizing unit offered: %q", s)
	}
	err = chromedp.Do(bctx,
		chromedp.Submit(chromedp.CSS("#decision_no")),
		chromedp.WaitVisible(chromedp.CSS(".flash")),
	)
	if err != nil {
		t.Fatal(err)
	}
	look("05-recognized")
	if s := text("#trang-thai"); s != "Được công nhận" {
		t.Errorf("status after recognition: %q", s)
	}
	id := strings.TrimPrefix(modelURL, "/mo-hinh/")

	// 3. Another commune replicates it, from the public page.
	signIn("can.bo.b")
	err = chromedp.Do(bctx,
		chromedp.Navigate(base+"/cong-khai/mo-hinh/"+id),
		chromedp.WaitVisible(chromedp.CSS("a.button[href$='/nhan-rong']")),
		chromedp.Click(chromedp.CSS("a.button[href$='/nhan-rong']")),
		chromedp.WaitVisible(chromedp.CSS("#unit_id")),
	)
	if err != nil {
		t.Fatal(err)
	}
	look("06-replicate-form")
	err = chromedp.Do(bctx,
		chromedp.Submit(chromedp.CSS("#unit_id")),
		chromedp.WaitVisible(chromedp.CSS(".pr-family")),
	)
	if err != nil {
		t.Fatal(err)
	}
	look("07-replicated")
	if s := text(".pr-family"); !strings.Contains(s, communeA.Name) || !strings.Contains(s, communeB.Name) {
		t.Errorf("family tree: %q", s)
	}

	// 4. A visitor reads the public page.
	err = chromedp.Do(bctx,
		clearCookies,
		chromedp.Navigate(base+"/cong-khai/mo-hinh/"+id),
		chromedp.WaitVisible(chromedp.CSS(".pr-photos img")),
	)
	if err != nil {
		t.Fatal(err)
	}
	imagesLoaded(".pr-photos img")
	look("08-public")
	if s := text("#cong-nhan"); !strings.Contains(s, "215-QĐ/HU") || !strings.Contains(s, district.Name) {
		t.Errorf("public recognition line: %q", s)
	}
	if s := text("main"); !strings.Contains(s, "1 đơn vị") {
		t.Errorf("public page lacks the replication count: %q", s)
	}
}

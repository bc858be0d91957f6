package adminui_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/danvan/danvan/internal/browsertest"
	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/web/webtest"
)

// TestBrowserAdminMergesCommunes: on a phone-sized screen, the admin of
// Lạng Sơn signs in, merges two communes into a new one through the
// form, the preview and the confirmation, then sees the merged unit and
// the audit entry. No page may be wider than the screen.
func TestBrowserAdminMergesCommunes(t *testing.T) {
	ctx := browsertest.New(t, 120*time.Second)
	s := newSite(t, dbtest.Open(t, "sqlite"))
	base := s.Serve()
	shots := browsertest.Dir(t)
	step := func(name string) {
		t.Helper()
		webtest.Look(t, ctx, shots, name)
	}
	text := func(sel string) string {
		t.Helper()
		v, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(sel)))
		if err != nil {
			t.Fatalf("read %s: %v", sel, err)
		}
		return v
	}

	signIn(t, ctx, base)
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/quan-tri"), chromedp.WaitVisible(chromedp.CSS(".admin-menu"))); err != nil {
		t.Fatal(err)
	}
	step("01-admin-home")

	err := chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS(`a[href="/quan-tri/don-vi"]`)),
		chromedp.WaitVisible(chromedp.CSS(`main a[href="/quan-tri/don-vi/`+itoa(s.Units.LangSon.ID)+`"]`)),
		chromedp.Click(chromedp.CSS(`main a[href="/quan-tri/don-vi/`+itoa(s.Units.LangSon.ID)+`"]`)),
		chromedp.WaitVisible(chromedp.CSS(`main a[href="/quan-tri/don-vi/`+itoa(s.Units.NewChiLang.ID)+`"]`)),
	)
	if err != nil {
		t.Fatal(err)
	}
	step("02-province")
	err = chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS(`main a[href="/quan-tri/don-vi/`+itoa(s.Units.NewChiLang.ID)+`"]`)),
		chromedp.WaitVisible(chromedp.CSS(`a[href$="/sap-nhap"]`)),
	)
	if err != nil {
		t.Fatal(err)
	}
	step("03-commune")
	err = chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS(`a[href$="/sap-nhap"]`)),
		chromedp.WaitVisible(chromedp.CSS(`input[name=ids][value="`+itoa(s.Units.NewDongDang.ID)+`"]`)),
	)
	if err != nil {
		t.Fatal(err)
	}
	step("04-merge-form")
	err = chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS(`input[name=ids][value="`+itoa(s.Units.NewDongDang.ID)+`"]`)),
		chromedp.Click(chromedp.CSS(`input[name=into_mode][value=new]`)),
		chromedp.SendKeys(chromedp.CSS("#code"), "LS-X7"),
		chromedp.SendKeys(chromedp.CSS("#name"), "Khối Dân vận xã Chi Lăng – Đồng Đăng"),
		chromedp.SetValue(chromedp.CSS("#date"), "2026-11-01"),
	)
	if err != nil {
		t.Fatal(err)
	}
	step("05-merge-form-filled")
	err = chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS("#preview")),
		chromedp.WaitVisible(chromedp.CSS("#confirm")),
	)
	if err != nil {
		t.Fatal(err)
	}
	step("06-preview")
	prev := text("main")
	for _, want := range []string{"Khối Dân vận xã Chi Lăng", "Khối Dân vận xã Đồng Đăng", "31/10/2026", "01/11/2026", "Khối Dân vận xã Chi Lăng – Đồng Đăng"} {
		if !strings.Contains(prev, want) {
			t.Errorf("preview lacks %q", want)
		}
	}
	err = chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS("#confirm")),
		chromedp.WaitVisible(chromedp.CSS(".flash")),
	)
	if err != nil {
		t.Fatal(err)
	}
	step("07-merged-unit")
	if h1 := text("h1"); h1 != "Khối Dân vận xã Chi Lăng – Đồng Đăng" {
		t.Errorf("after the merge the page shows %q", h1)
	}
	if m := text("main"); !strings.Contains(m, "Đơn vị tiền thân") || !strings.Contains(m, "Khối Dân vận xã Đồng Đăng") {
		t.Errorf("the merged unit does not list its predecessors: %q", m)
	}
	err = chromedp.Do(ctx,
		chromedp.Navigate(base+"/quan-tri/nhat-ky"),
		chromedp.WaitVisible(chromedp.CSS("li.audit-row")),
	)
	if err != nil {
		t.Fatal(err)
	}
	step("08-audit")
	if first := text("li.audit-row"); !strings.Contains(first, "tiếp nhận đơn vị sáp nhập vào") || !strings.Contains(first, whoAdminLS) {
		t.Errorf("newest audit entry: %q", first)
	}
}

// TestBrowserAdminPagesOnPhone opens every kind of administration page
// on a 390px-wide screen (the admin of Lạng Sơn is signed in by cookie)
// and checks that none is wider than the screen.
func TestBrowserAdminPagesOnPhone(t *testing.T) {
	ctx := browsertest.New(t, 120*time.Second)
	s := newSite(t, dbtest.Open(t, "sqlite"))
	base := s.Serve()
	shots := browsertest.Dir(t)
	officer := itoa(s.User(whoOfficer).ID)
	commune := "/quan-tri/don-vi/" + itoa(s.Units.NewChiLang.ID)
	signIn(t, ctx, base)
	pages := []struct{ name, path, wait string }{
		{"users", "/quan-tri/tai-khoan", "main ul.plain"},
		{"user", "/quan-tri/tai-khoan/" + officer, "#name"},
		{"user-new", "/quan-tri/tai-khoan/moi", "#login"},
		{"grant", "/quan-tri/tai-khoan/" + officer + "/quyen?q=" + "chi+lang", "#role"},
		{"disable", "/quan-tri/tai-khoan/" + officer + "/khoa", "#confirm"},
		{"create", commune + "/tao", "#code"},
		{"rename", commune + "/doi-ten", "#name"},
		{"move", commune + "/chuyen", "#date"},
		{"split", commune + "/chia-tach", "#part_share_1"},
		{"close", commune + "/giai-the", "#date"},
		{"tokens", "/tai-khoan/ma-api", "#name"},
		{"audit-unit", "/quan-tri/nhat-ky?don_vi=" + itoa(s.Units.LangSon.ID), "li.audit-row"},
		{"security", "/quan-tri/tai-khoan/" + officer + "/bao-mat", "main section"},
		{"unit-2fa", commune + "/hai-buoc", "input[name=required]"},
	}
	for i, p := range pages {
		if err := chromedp.Do(ctx, chromedp.Navigate(base+p.path), chromedp.WaitVisible(chromedp.CSS(p.wait))); err != nil {
			t.Fatalf("%s: %v", p.name, err)
		}
		webtest.Look(t, ctx, shots, itoa(int64(10+i))+"-"+p.name)
	}
	// A token is shown once, in a box that fits the screen.
	err := chromedp.Do(ctx,
		chromedp.Navigate(base+"/tai-khoan/ma-api"),
		chromedp.WaitVisible(chromedp.CSS("#name")),
		chromedp.SendKeys(chromedp.CSS("#name"), "Bảng tính báo cáo quý"),
		chromedp.Submit(chromedp.CSS("#name")),
		chromedp.WaitVisible(chromedp.CSS(".secret-value")),
	)
	if err != nil {
		t.Fatal(err)
	}
	webtest.Look(t, ctx, shots, "30-token-created")
}

// signIn signs the admin of Lạng Sơn in through the form, on a phone's
// screen.
func signIn(t *testing.T, ctx context.Context, base string) {
	t.Helper()
	if err := chromedp.Do(ctx, webtest.Phone); err != nil {
		t.Fatal(err)
	}
	webtest.SignIn(t, ctx, base, whoAdminLS)
}

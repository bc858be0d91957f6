package web_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"
	"github.com/chromedp/chromedp"

	"github.com/danvan/danvan/internal/browsertest"
	"github.com/danvan/danvan/internal/db"
	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/meeting"
	"github.com/danvan/danvan/internal/org"
	"github.com/danvan/danvan/internal/web/kit"
	"github.com/danvan/danvan/internal/web/webtest"
)

// TestHeaderMarksCurrentPage: the header marks the section a page
// belongs to (aria-current on one link, its name beside the phone's menu
// button), developer tools are not in any role's header but under the
// account page, and the account page marks the account link.
func TestHeaderMarksCurrentPage(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s := webtest.NewWithStaff(t, d)
		for _, login := range []string{"admin", "leader.langson", "officer.chilang"} {
			page := webtest.Doc(t, s.As(login).Get("/bao-cao/tong-hop"))
			cur := page.Find(`header.top nav a[aria-current="page"]`)
			if cur.Length() != 1 || cur.AttrOr("href", "") != "/bao-cao/tong-hop" {
				t.Errorf("%s on the dashboard: current links %d, href %q; want one, /bao-cao/tong-hop", login, cur.Length(), cur.AttrOr("href", ""))
			}
			if here := page.Find("header.top .menu-here").Text(); here != cur.Text() {
				t.Errorf("%s: the menu button names %q, the current link is %q", login, here, cur.Text())
			}
			if n := page.Find(`header.top a[href="/tai-khoan/ma-api"]`).Length(); n != 0 {
				t.Errorf("%s: API tokens still in the header", login)
			}
			acct := webtest.Doc(t, s.As(login).Get("/tai-khoan/mat-khau"))
			if acct.Find(`#lap-trinh a[href="/tai-khoan/ma-api"]`).Length() != 1 || acct.Find(`#lap-trinh a[href="/tai-lieu-api"]`).Length() != 1 {
				t.Errorf("%s: the account page does not lead to the developer tools", login)
			}
			if acct.Find(`header.top a[href="/tai-khoan/mat-khau"][aria-current="page"]`).Length() != 1 {
				t.Errorf("%s: the account page does not mark the account link", login)
			}
		}
		// A page outside every section marks nothing.
		if n := webtest.Doc(t, s.As("admin").Get("/")).Find(`header.top [aria-current]`).Length(); n != 0 {
			t.Errorf("the home page marks %d header links", n)
		}
	})
}

// TestBrowserPhoneLayout looks at pages on a 390×844 phone: the header is
// one short bar and the search box (it took 126 px and more), its menu opens on a tap and
// marks the current page, words are not split anywhere (overflow-wrap),
// every checkbox is tapped through a target of at least 44×44 CSS px,
// and the dashboard's sub-unit table stays inside its box. On a desktop
// the header's links show without the button.
func TestBrowserPhoneLayout(t *testing.T) {
	ctx := browsertest.New(t, 120*time.Second)
	s := webtest.NewWithStaff(t, dbtest.Open(t, "sqlite"))
	base := s.Serve()
	shots := browsertest.Dir(t)
	if err := chromedp.Do(ctx, webtest.Phone); err != nil {
		t.Fatal(err)
	}
	webtest.SignIn(t, ctx, base, "leader.langson")
	eval := func(js string) float64 {
		t.Helper()
		v, err := chromedp.Run(ctx, chromedp.Evaluate[float64](js))
		if err != nil {
			t.Fatalf("%s: %v", js, err)
		}
		return v
	}
	const smallTargets = `(() => { let n = 0; for (const c of document.querySelectorAll('input[type=checkbox], input[type=radio]')) {
		if (c.offsetParent === null) continue;
		const r = (c.closest('label') || c).getBoundingClientRect();
		if (r.width < 44 || r.height < 44) n++; } return n; })()`
	for _, p := range []string{"/", "/bao-cao/tong-hop", "/hoi-nghi/moi", "/nhac-viec"} {
		if err := chromedp.Do(ctx, chromedp.Navigate(base+p), chromedp.WaitVisible(chromedp.CSS("h1"))); err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		webtest.Look(t, ctx, shots, "phone"+strings.ReplaceAll(p, "/", "_"))
		// One bar of 52 px: the search box opens with the menu.
		if h := eval(`document.querySelector('header.top').getBoundingClientRect().height`); h > 60 {
			t.Errorf("%s: the header is %.0f px tall on a phone, want one bar of at most 60", p, h)
		}
		if n := eval(smallTargets); n > 0 {
			t.Errorf("%s: %.0f checkboxes with a tap target under 44×44 px", p, n)
		}
		if eval(`getComputedStyle(document.querySelector('main')).overflowWrap === 'anywhere' ? 1 : 0`) != 0 {
			t.Errorf("%s: overflow-wrap:anywhere splits words", p)
		}
	}
	// The dashboard: the menu opens on a tap and marks the reports.
	chromedp.Do(ctx, chromedp.Navigate(base+"/bao-cao/tong-hop"), chromedp.WaitVisible(chromedp.CSS("h1")))
	if eval(`document.querySelector('header.top details.menu').open ? 1 : 0`) != 0 {
		t.Error("the phone's menu is open before a tap")
	}
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS("details.menu summary")),
		chromedp.WaitVisible(chromedp.CSS(`header.top nav a[aria-current=page]`))); err != nil {
		t.Fatalf("open the menu: %v", err)
	}
	if h := eval(`document.querySelector('header.top nav .search-box input').getBoundingClientRect().height`); h < 44 {
		t.Errorf("the menu's search box is %.0f px tall, want at least 44", h)
	}
	if h := eval(`document.querySelector('header.top nav a').getBoundingClientRect().height`); h < 44 {
		t.Errorf("a menu link is %.0f px tall, want at least 44", h)
	}
	if wide := eval(`(() => { let n = 0; for (const w of document.querySelectorAll('main .table-wrap')) {
		if (w.getBoundingClientRect().right > document.querySelector('main').getBoundingClientRect().right + 1) n++; } return n; })()`); wide > 0 {
		t.Errorf("%.0f tables wider than their box", wide)
	}
	webtest.Look(t, ctx, shots, "phone_menu_open")

	// A desktop shows the links in the bar.
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1366, 900), chromedp.Navigate(base+"/bao-cao/tong-hop"),
		chromedp.WaitVisible(chromedp.CSS(`header.top nav a[aria-current=page]`))); err != nil {
		t.Fatalf("desktop: the header's links are hidden: %v", err)
	}
	if h := eval(`document.querySelector('header.top').getBoundingClientRect().height`); h > 120 {
		t.Errorf("the header is %.0f px tall on a desktop, want at most 120", h)
	}
	webtest.Look(t, ctx, shots, "desktop_dashboard")
}

// TestHomeTasksReadAsSentences: a key task recorded in lower case (as
// articles cut them from a sentence) starts with a capital on the home
// page, Vietnamese letters included.
func TestHomeTasksReadAsSentences(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s := webtest.NewWithStaff(t, d, webtest.At(time.Date(2026, 9, 15, 8, 0, 0, 0, time.UTC)))
		u := s.Units
		if _, err := meeting.NewStore(d, s.Org, s.Auth).Create(context.Background(), s.Principal("admin"), meeting.Conference{
			UnitID: u.LangSon.ID, Kind: meeting.TrienKhai, Title: "Triển khai nhiệm vụ", HeldOn: org.Date(2026, 1, 5),
			Tasks: []meeting.Task{{Title: "đẩy mạnh phong trào “Dân vận khéo”", DueOn: org.Date(2026, 9, 18), Owners: []int64{u.NewChiLang.ID}}},
		}); err != nil {
			t.Fatal(err)
		}
		var titles []string
		webtest.Doc(t, s.As("leader.langson").Get("/")).Find(`a[href^="/nhiem-vu/"]`).Each(func(_ int, a *goquery.Selection) {
			titles = append(titles, a.Text())
		})
		if len(titles) == 0 || titles[0] != "Đẩy mạnh phong trào “Dân vận khéo”" {
			t.Errorf("the home's tasks read %q", titles)
		}
	})
	for in, want := range map[string]string{"đẩy mạnh": "Đẩy mạnh", "Tiếp tục": "Tiếp tục", "": "", "ủng hộ": "Ủng hộ", "5 xã": "5 xã"} {
		if got := kit.Sentence(in); got != want {
			t.Errorf("Sentence(%q) = %q, want %q", in, got, want)
		}
	}
}

package portalui_test

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"github.com/danvan/danvan/internal/browsertest"
	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/portal"
	"github.com/danvan/danvan/internal/web/webtest"
)

// TestBrowserPortal reads the portal as a visitor on a phone and on a
// desktop (home, article, contact, the national front page: nothing wider
// than the screen, no script needed), sends feedback through the form,
// then an editor writes, submits and a leader publishes an article. With
// DANVAN_AXE naming axe.min.js (npm axe-core), each public page is also
// checked for WCAG 2.1 A/AA violations.
func TestBrowserPortal(t *testing.T) {
	ctx := browsertest.New(t, 180*time.Second)
	w := newWorld(t, dbtest.Open(t, "sqlite"))
	base := w.Serve()
	shots := browsertest.Dir(t)
	var axe string
	if p := os.Getenv("DANVAN_AXE"); p != "" {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		axe = string(b)
	}
	poll, err := w.store.CreatePoll(w.ctx, w.leader, w.site.ID, portal.PollInput{Question: "Bạn biết đến mô hình “Dân vận khéo” qua kênh nào?",
		Options: "Báo chí, truyền hình\nCán bộ, hội viên ở cơ sở\nMạng xã hội\nChưa biết đến"})
	if err != nil {
		t.Fatal(err)
	}
	pollPath := "/trang/lang-son/tham-do/" + strconv.FormatInt(poll.ID, 10)
	pages := map[string]string{"home": "/trang/lang-son", "article": articlePath(w.first), "contact": "/trang/lang-son/lien-he",
		"front": "/trang", "english": "/trang/lang-son/en", "feedback": "/trang/lang-son/gop-y", "archive": "/trang/lang-son/luu-tru",
		"polls": "/trang/lang-son/tham-do", "poll": pollPath, "documents": "/trang/lang-son/van-ban"}
	for _, size := range []struct {
		name string
		w, h int64
	}{{"phone", 390, 844}, {"desktop", 1366, 900}} {
		if err := chromedp.Do(ctx, chromedp.EmulateViewport(size.w, size.h)); err != nil {
			t.Fatal(err)
		}
		for name, path := range pages {
			if err := chromedp.Do(ctx, chromedp.Navigate(base+path), chromedp.WaitVisible(chromedp.CSS("main h1"))); err != nil {
				t.Fatalf("%s: %v", path, err)
			}
			browsertest.Screenshot(t, ctx, shots, size.name+"-"+name)
			if o := browsertest.Overflow(t, ctx); o > 0 {
				t.Errorf("%s on a %s is %d px wider than the screen", path, size.name, o)
			}
			if axe != "" && size.name == "phone" {
				checkAxe(t, ctx, axe, path)
			}
		}
	}
	// A vote, then the results.
	err = chromedp.Do(ctx, chromedp.Navigate(base+pollPath), chromedp.Click(chromedp.CSS(`input[name=option]`)),
		chromedp.Submit(chromedp.CSS(`input[name=option]`)), chromedp.WaitVisible(chromedp.CSS("table.results")))
	if err != nil {
		t.Fatal(err)
	}
	browsertest.Screenshot(t, ctx, shots, "desktop-poll-results")
	if n := w.Count("portal_poll_votes"); n != 1 {
		t.Fatalf("%d votes", n)
	}
	// Feedback through the form.
	err = chromedp.Do(ctx,
		chromedp.Navigate(base+"/trang/lang-son/gop-y"),
		chromedp.SendKeys(chromedp.CSS("#ten"), "Nguyễn Thị Bạn Đọc"),
		chromedp.SendKeys(chromedp.CSS("#email"), "ban.doc@example.vn"),
		chromedp.SendKeys(chromedp.CSS("#noi_dung"), "Đề nghị đăng thêm tin về mô hình ở xã."),
		chromedp.Submit(chromedp.CSS("#noi_dung")),
		chromedp.WaitVisible(chromedp.CSS(`p.notice[role=status]`)),
	)
	if err != nil {
		t.Fatal(err)
	}
	if n := w.Count("portal_feedback"); n != 1 {
		t.Fatalf("%d feedback rows", n)
	}
	// An officer writes and submits; the leader publishes.
	webtest.SignIn(t, ctx, base, "officer.ls")
	err = chromedp.Do(ctx,
		chromedp.Navigate(base+w.siteSlash+"/bai-moi"),
		chromedp.SendKeys(chromedp.CSS("#headline"), "Hội nghị triển khai nhiệm vụ năm 2027"),
		chromedp.SetValue(chromedp.CSS("#body"), "Sáng nay, Ban Dân vận Tỉnh ủy tổ chức hội nghị.\n\nHội nghị thống nhất 5 nhiệm vụ trọng tâm."),
		chromedp.Submit(chromedp.CSS("#headline")),
		chromedp.WaitVisible(chromedp.CSS(`form[action$="/gui"] button`)),
	)
	if err != nil {
		t.Fatal(err)
	}
	browsertest.Screenshot(t, ctx, shots, "editor-draft")
	// The draft's page had a flash of its own: wait for the submit form to
	// go (the page that answers has none), then for the new flash.
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`form[action$="/gui"] button`)),
		chromedp.WaitNotPresent(chromedp.CSS(`form[action$="/gui"] button`)), chromedp.WaitVisible(chromedp.CSS("p.flash"))); err != nil {
		t.Fatal(err)
	}
	edit, err := chromedp.Run(ctx, chromedp.Location())
	if err != nil {
		t.Fatal(err)
	}
	webtest.SignOut(t, ctx)
	webtest.SignIn(t, ctx, base, "leader.ls")
	err = chromedp.Do(ctx, chromedp.Navigate(edit), chromedp.Click(chromedp.CSS(`form[action$="/dang"] button`)),
		chromedp.WaitVisible(chromedp.CSS(`form[action$="/go"] button`)))
	if err != nil {
		t.Fatal(err)
	}
	browsertest.Screenshot(t, ctx, shots, "editor-published")
	// The browser kept the home from the first visit (public pages may be
	// cached for a while): it asks the server again. A page made before the
	// publish may still be served while the site's stamp is read again
	// (within a second, as for another server's publish), so the home is
	// asked for up to five seconds.
	noCache := chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, network.SetCacheDisabled, network.SetCacheDisabledParams{CacheDisabled: true})
		return err
	})
	if err := chromedp.Do(ctx, noCache); err != nil {
		t.Fatal(err)
	}
	var got string
	for try := 0; try < 25; try++ {
		if err := chromedp.Do(ctx, chromedp.Navigate(base+"/trang/lang-son"), chromedp.WaitVisible(chromedp.CSS("main h1"))); err != nil {
			t.Fatal(err)
		}
		if got = webtest.Text(t, ctx, ".lead-story h3"); got == "Hội nghị triển khai nhiệm vụ năm 2027" {
			break
		}
		time.Sleep(200 * time.Millisecond)
	}
	if got != "Hội nghị triển khai nhiệm vụ năm 2027" {
		t.Errorf("home's lead story: %q", got)
	}
	t.Logf("screenshots in %s", filepath.Clean(shots))
}

// checkAxe runs axe-core on the page the browser shows and fails on any
// WCAG 2.1 A or AA violation.
func checkAxe(t *testing.T, ctx context.Context, src, path string) {
	t.Helper()
	out, err := chromedp.Run(ctx, chromedp.Evaluate[string](src+`;
		(async () => {
			const r = await axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}});
			return r.violations.map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', ')).join('\n');
		})()`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("axe on %s: %v", path, err)
	}
	if strings.TrimSpace(out) != "" {
		t.Errorf("axe on %s:\n%s", path, out)
	} else {
		t.Logf("axe: no WCAG 2.1 A/AA violation on %s", path)
	}
}

// TestServe keeps a portal with the test's site running for the time
// DANVAN_PORTAL_SERVE gives, and logs its address: for checking the pages
// with tools outside Go (Lighthouse).
func TestServe(t *testing.T) {
	d, err := time.ParseDuration(os.Getenv("DANVAN_PORTAL_SERVE"))
	if err != nil {
		t.Skip("DANVAN_PORTAL_SERVE is not a duration: nothing to serve")
	}
	w := loadWorld(t)
	base := w.Serve()
	t.Logf("serving %s%s and %s/trang/lang-son", base, articlePath(w.first), base)
	time.Sleep(d)
}

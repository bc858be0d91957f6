package web_test

import (
	"context"
	"io"
	"log/slog"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/blob"
	"github.com/danvan/danvan/internal/browsertest"
	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/demo"
	"github.com/danvan/danvan/internal/org"
	"github.com/danvan/danvan/internal/web"
)

// TestBrowserDemoTourOnPhone signs in as the demo admin, leader and
// officer on the small demo, on a 390x844 viewport, and opens the main
// page of every feature: each must load and none may be wider than the
// screen. It is the one test that sees all features together.
func TestBrowserDemoTourOnPhone(t *testing.T) {
	ctx := browsertest.New(t, 180*time.Second)
	d := dbtest.Open(t, "sqlite")
	if err := demo.GenerateAll(context.Background(), d, demo.Options{Scale: "small", Seed: 1}, nil); err != nil {
		t.Fatal(err)
	}
	cfg := auth.Config{Password: auth.TestPasswordParams}
	accts, err := auth.DemoAccounts(context.Background(), auth.NewStore(d, org.NewStore(d), cfg), org.NewStore(d))
	if err != nil {
		t.Fatal(err)
	}
	files, err := blob.Open(context.Background(), t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	srv, err := web.New(web.Config{DB: d, Auth: cfg, Files: files, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv)
	defer ts.Close()
	shots := browsertest.Dir(t)
	for _, a := range accts[:3] {
		if err := chromedp.Do(ctx, chromedp.EmulateViewport(390, 844), chromedp.Navigate(ts.URL+"/dang-nhap"),
			chromedp.WaitVisible(chromedp.CSS("#login")),
			chromedp.SendKeys(chromedp.CSS("#login"), a.Login), chromedp.SendKeys(chromedp.CSS("#password"), a.Password),
			chromedp.Submit(chromedp.CSS("#password")), chromedp.WaitVisible(chromedp.CSS("form.nav-form"))); err != nil {
			t.Fatalf("sign in %s: %v", a.Login, err)
		}
		for _, p := range []string{"/", "/bao-cao", "/bao-cao/tong-hop", "/mo-hinh", "/hoi-nghi", "/nhiem-vu", "/quan-tri"} {
			if err := chromedp.Do(ctx, chromedp.Navigate(ts.URL+p), chromedp.WaitVisible(chromedp.CSS("h1"))); err != nil {
				t.Errorf("%s %s: %v", a.Login, p, err)
				continue
			}
			name := a.Login + p
			browsertest.Screenshot(t, ctx, shots, strings.ReplaceAll(name, "/", "_"))
			if o := browsertest.Overflow(t, ctx); o > 0 {
				t.Errorf("%s overflows by %d", name, o)
			}
		}
		chromedp.Do(ctx, chromedp.Click(chromedp.CSS("form.nav-form button")), chromedp.WaitVisible(chromedp.CSS(".flash")))
	}
}

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
	"github.com/danvan/danvan/internal/web/webtest"
)

// TestBrowserDemoTourOnPhone signs in as the demo admin, leader and
// officer on the small demo, on a phone's screen, and opens the main
// page of every feature: each must load and none may be wider than the
// screen. It is the one test that sees all features together, so it
// serves the demo rather than webtest's fixture tree; the demo accounts
// are given the test password, for the one browser sign-in.
func TestBrowserDemoTourOnPhone(t *testing.T) {
	ctx := browsertest.New(t, 180*time.Second)
	d := dbtest.Open(t, "sqlite")
	bg := context.Background()
	if err := demo.GenerateAll(bg, d, demo.Options{Scale: "small", Seed: 1}, nil); err != nil {
		t.Fatal(err)
	}
	cfg := auth.Config{Password: auth.TestPasswordParams}
	accounts := auth.NewStore(d, org.NewStore(d), cfg)
	accts, err := auth.DemoAccounts(bg, accounts, org.NewStore(d))
	if err != nil {
		t.Fatal(err)
	}
	files, err := blob.Open(bg, t.TempDir())
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
	if err := chromedp.Do(ctx, webtest.Phone); err != nil {
		t.Fatal(err)
	}
	for _, a := range accts[:3] {
		u, err := accounts.UserByLogin(bg, auth.System(), a.Login)
		if err == nil {
			err = accounts.SetPassword(bg, auth.System(), u.ID, webtest.Password)
		}
		if err != nil {
			t.Fatal(err)
		}
		webtest.SignIn(t, ctx, ts.URL, a.Login)
		for _, p := range []string{"/", "/bao-cao", "/bao-cao/tong-hop", "/mo-hinh", "/hoi-nghi", "/nhiem-vu", "/quan-tri"} {
			if err := chromedp.Do(ctx, chromedp.Navigate(ts.URL+p), chromedp.WaitVisible(chromedp.CSS("h1"))); err != nil {
				t.Errorf("%s %s: %v", a.Login, p, err)
				continue
			}
			webtest.Look(t, ctx, shots, strings.ReplaceAll(a.Login+p, "/", "_"))
		}
		chromedp.Do(ctx, chromedp.Click(chromedp.CSS("form.nav-form button")), chromedp.WaitVisible(chromedp.CSS(".flash")))
	}
}

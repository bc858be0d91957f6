package main

import (
	"context"
	"io"
	"net/http"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/danvan/danvan/internal/auth"
)

// TestLoadDrill runs danvan bench load for a few seconds against a
// server on the small demo, as each demo role (a commune officer and a
// province leader), and prints its figures: every request must succeed.
func TestLoadDrill(t *testing.T) {
	dir := t.TempDir()
	m, err := Start(context.Background(), ServeConfig{Addr: "127.0.0.1:0", DB: "sqlite:" + filepath.Join(dir, "load.db"), Demo: true,
		Auth: auth.Config{Password: auth.TestPasswordParams}})
	if err != nil {
		t.Fatal(err)
	}
	defer m.Shutdown(context.Background())
	d := "3s"
	if testing.Short() {
		d = "1s"
	}
	for _, a := range m.accounts {
		if a.Role != auth.RoleOfficer && a.Role != auth.RoleLeader {
			continue
		}
		start := time.Now()
		out, _, err := runCmd(t, "bench", "load", "--url", m.URL(), "--login", a.Login, "--password", a.Password, "--c", "20", "--d", d)
		t.Logf("%s (%s), %s:\n%s", a.Login, a.Role, time.Since(start).Round(time.Millisecond), out)
		if err != nil {
			t.Fatal(err)
		}
		if !regexp.MustCompile(`yêu cầu \(requests\): [1-9]\d* trong \(in\) [\d.]+s = [\d.]+/s; lỗi \(errors\): 0\n`).MatchString(out) ||
			!strings.Contains(out, "p95") || !strings.Contains(out, "/nhac-viec") {
			t.Errorf("figures missing")
		}
	}
	if _, _, err := runCmd(t, "bench", "load", "--url", m.URL(), "--login", "khong-co", "--password", "x", "--d", "1s"); err == nil ||
		!strings.Contains(err.Error(), "sign in as khong-co") {
		t.Errorf("a wrong account: %v", err)
	}
}

// TestLoadDrillPublic runs danvan bench load without --login against the
// small demo's portal, as anonymous readers of the national front page,
// a site's home and a published article: every request must succeed and
// the figures (rate, percentiles, bytes, the drill's CPU) be printed. A
// page that needs a sign-in counts as failed, and a page that is not a
// path is refused before anything is sent.
func TestLoadDrillPublic(t *testing.T) {
	m, err := Start(context.Background(), ServeConfig{Addr: "127.0.0.1:0", DB: "sqlite:" + filepath.Join(t.TempDir(), "load.db"), Demo: true,
		Auth: auth.Config{Password: auth.TestPasswordParams}})
	if err != nil {
		t.Fatal(err)
	}
	defer m.Shutdown(context.Background())
	res, err := http.Get(m.URL() + "/trang")
	if err != nil {
		t.Fatal(err)
	}
	front, _ := io.ReadAll(res.Body)
	res.Body.Close()
	found := regexp.MustCompile(`href="(/trang/([a-z0-9-]+)/tin-tuc/[a-z0-9-]+)"`).FindSubmatch(front)
	if res.StatusCode != http.StatusOK || found == nil {
		t.Fatalf("the front page (%d) links to no published article", res.StatusCode)
	}
	article, home := string(found[1]), "/trang/"+string(found[2])
	d := "2s"
	if testing.Short() {
		d = "1s"
	}
	out, _, err := runCmd(t, "bench", "load", "--url", m.URL(), "--pages", "/trang,"+home+","+article, "--c", "20", "--d", d)
	t.Logf("anonymous, /trang, %s, %s:\n%s", home, article, out)
	if err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`yêu cầu \(requests\): [1-9]\d* trong \(in\) [\d.]+s = [\d.]+/s; lỗi \(errors\): 0\n`).MatchString(out) ||
		!strings.Contains(out, "không đăng nhập (anonymous)") || !strings.Contains(out, "p99") || !strings.Contains(out, "CPU") {
		t.Errorf("figures missing")
	}
	for _, p := range []string{"/trang", home, article} {
		if !regexp.MustCompile(`(?m)^  ` + regexp.QuoteMeta(p) + ` +[1-9]\d* yêu cầu, 0 lỗi, [1-9]\d* byte, p50 `).MatchString(out) {
			t.Errorf("no figures for %s, or errors, or empty pages", p)
		}
	}
	// At a set pace the drill sends no more than the pace allows (the
	// same server answered thousands a second above), and says so.
	out, _, err = runCmd(t, "bench", "load", "--url", m.URL(), "--pages", article, "--c", "20", "--d", "1s", "--rate", "100")
	t.Logf("at 100 requests/s:\n%s", out)
	if err != nil {
		t.Fatal(err)
	}
	m100 := regexp.MustCompile(`yêu cầu \(requests\): (\d+) trong`).FindStringSubmatch(out)
	if m100 == nil {
		t.Fatal("no request count")
	}
	if n, _ := strconv.Atoi(m100[1]); n < 1 || n > 101 || !strings.Contains(out, "100 yêu cầu/giây (requests/s)") {
		t.Errorf("at 100 requests/s for 1 s: %d requests", n)
	}
	// Without --pages, the anonymous drill reads the front page.
	if out, _, err := runCmd(t, "bench", "load", "--url", m.URL(), "--c", "2", "--d", "300ms"); err != nil ||
		!regexp.MustCompile(`(?m)^  /trang +[1-9]`).MatchString(out) {
		t.Errorf("the default public page: %v\n%s", err, out)
	}
	// The editors' pages need a sign-in: an anonymous reader is sent to
	// it, and the drill counts that as a failure.
	if _, _, err := runCmd(t, "bench", "load", "--url", m.URL(), "--pages", "/bien-tap", "--c", "2", "--d", "300ms"); err == nil ||
		!strings.Contains(err.Error(), "requests failed") {
		t.Errorf("a page that needs a sign-in: %v", err)
	}
	if _, _, err := runCmd(t, "bench", "load", "--url", m.URL(), "--pages", "trang", "--d", "1s"); err == nil ||
		!strings.Contains(err.Error(), "phải bắt đầu bằng /") {
		t.Errorf("a page that is not a path: %v", err)
	}
}

// Package browsertest starts Debian's Chromium, headless, for end-to-end
// tests driven by chromedp, and saves screenshots a person can look at.
//
// A test calls New; it is skipped when no Chromium is installed, unless
// DANVAN_TEST_BROWSER=require (CI sets it), in which case a missing
// browser fails the test. Screenshots go to DANVAN_SCREENSHOTS when set
// (so they survive the run), else to the test's temporary folder.
package browsertest

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// EnvRequire makes a missing browser a failure instead of a skip.
const EnvRequire = "DANVAN_TEST_BROWSER"

// EnvScreenshots names a folder to keep screenshots in.
const EnvScreenshots = "DANVAN_SCREENSHOTS"

// execPath finds a Chromium binary.
func execPath() string {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// New returns a chromedp context with a fresh headless browser and one
// tab, closed when the test ends, and a deadline of timeout.
func New(t *testing.T, timeout time.Duration) context.Context {
	t.Helper()
	path := execPath()
	if path == "" {
		if os.Getenv(EnvRequire) == "require" {
			t.Fatal("no Chromium found, and DANVAN_TEST_BROWSER=require: install Debian's chromium package")
		}
		t.Skip("no Chromium found: skipping the browser test (install Debian's chromium to run it)")
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("lang", "vi-VN"),
		chromedp.WindowSize(1280, 900),
	)
	ctx, cancelTimeout := context.WithTimeout(context.Background(), timeout)
	actx, cancelAlloc := chromedp.NewExecAllocator(ctx, opts...)
	bctx, cancelBrowser := chromedp.NewContext(actx)
	t.Cleanup(func() {
		cancelBrowser()
		cancelAlloc()
		cancelTimeout()
	})
	if err := chromedp.Do(bctx); err != nil {
		t.Fatalf("start Chromium: %v", err)
	}
	return bctx
}

// Dir is where Screenshot writes: DANVAN_SCREENSHOTS/<test name> or a
// folder under the test's temporary directory.
func Dir(t *testing.T) string {
	t.Helper()
	base := os.Getenv(EnvScreenshots)
	if base == "" {
		return t.TempDir()
	}
	dir := filepath.Join(base, regexp.MustCompile(`[^A-Za-z0-9_.-]+`).ReplaceAllString(t.Name(), "_"))
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// Screenshot saves a full-page PNG of the current page as dir/name.png and
// returns its path.
func Screenshot(t *testing.T, ctx context.Context, dir, name string) string {
	t.Helper()
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100)) // 100 gives PNG; less gives JPEG
	if err != nil {
		t.Fatalf("screenshot %s: %v", name, err)
	}
	p := filepath.Join(dir, name+".png")
	if err := os.WriteFile(p, png, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot: %s", p)
	return p
}

// Overflow reports how many CSS pixels the page is wider than its
// viewport (0 when nothing overflows sideways).
func Overflow(t *testing.T, ctx context.Context) int {
	t.Helper()
	n, err := chromedp.Run(ctx, chromedp.Evaluate[int](
		`Math.max(0, document.documentElement.scrollWidth - window.innerWidth)`))
	if err != nil {
		t.Fatalf("measure overflow: %v", err)
	}
	return n
}

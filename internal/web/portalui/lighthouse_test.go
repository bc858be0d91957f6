package portalui_test

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/danvan/danvan/internal/cputime"
)

// EnvLighthouse names the Lighthouse to run, as npx takes it (e.g.
// lighthouse@12.2.3): the test runs only when it is set, since npx
// fetches it from the npm registry the first time.
const EnvLighthouse = "DANVAN_LIGHTHOUSE"

// TestLighthouse runs Lighthouse (mobile preset, Debian's Chromium) on a
// site's home and on an article with its image, over the production-like
// server of loadWorld, and asks for the portal's marks: performance at
// least 0.95, accessibility, best practices and SEO 1.0. Each failing
// audit is named with what it found. The scores are logged with the
// machine's load, since a loaded machine lowers the performance score.
func TestLighthouse(t *testing.T) {
	pkg := os.Getenv(EnvLighthouse)
	if pkg == "" {
		t.Skip(EnvLighthouse + " is not set (e.g. lighthouse@12.2.3): skipping Lighthouse")
	}
	npx, err := exec.LookPath("npx")
	if err != nil {
		t.Skip("no npx: skipping Lighthouse")
	}
	chrome := ""
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			chrome = p
			break
		}
	}
	if chrome == "" {
		t.Skip("no Chromium: skipping Lighthouse")
	}
	w := loadWorld(t)
	base := w.Serve()
	want := map[string]float64{"performance": 0.95, "accessibility": 1, "best-practices": 1, "seo": 1}
	for _, page := range []struct{ name, path string }{{"home", "/trang/lang-son"}, {"article", articlePath(w.first)}} {
		out := filepath.Join(t.TempDir(), page.name+".json")
		cmd := exec.Command(npx, "-y", pkg, base+page.path, "--quiet", "--output=json", "--output-path="+out,
			"--chrome-flags=--headless=new --no-sandbox --disable-gpu")
		cmd.Env = append(os.Environ(), "CHROME_PATH="+chrome)
		if b, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("lighthouse on %s: %v\n%s", page.path, err, b)
		}
		b, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		var rep struct {
			Categories map[string]struct {
				Score     *float64
				AuditRefs []struct{ ID string }
			}
			Audits map[string]struct {
				Title            string
				Score            *float64
				ScoreDisplayMode string
				DisplayValue     string
			}
		}
		if err := json.Unmarshal(b, &rep); err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, cat := range []string{"performance", "accessibility", "best-practices", "seo"} {
			c, ok := rep.Categories[cat]
			if !ok || c.Score == nil {
				t.Errorf("%s: no %s score", page.path, cat)
				continue
			}
			got = append(got, cat+" "+strconv.FormatFloat(*c.Score, 'f', -1, 64))
			if *c.Score >= want[cat] {
				continue
			}
			var why []string
			for _, ref := range c.AuditRefs {
				if a := rep.Audits[ref.ID]; a.Score != nil && *a.Score < 1 && a.ScoreDisplayMode != "informative" && a.ScoreDisplayMode != "manual" {
					why = append(why, ref.ID+" ("+a.Title+" "+a.DisplayValue+")")
				}
			}
			t.Errorf("%s: %s %.2f, below %.2f: %s", page.path, cat, *c.Score, want[cat], strings.Join(why, "; "))
		}
		t.Logf("%s %s: %s (load average %s)", page.name, page.path, strings.Join(got, ", "), cputime.Load())
	}
}

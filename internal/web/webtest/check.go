package webtest

import (
	"context"
	"net/http/httptest"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"
	"github.com/chromedp/chromedp"

	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/org"
	"github.com/danvan/danvan/internal/web"
)

// Diff shows the lines only one of two snapshots has ("- " before, "+ "
// after), or "" when they are the same.
func Diff(before, after string) string {
	lines := func(s string) map[string]bool {
		m := map[string]bool{}
		for _, l := range strings.Split(s, "\n") {
			m[l] = true
		}
		return m
	}
	a, b := lines(before), lines(after)
	var out []string
	for l := range a {
		if !b[l] {
			out = append(out, "- "+l)
		}
	}
	for l := range b {
		if !a[l] {
			out = append(out, "+ "+l)
		}
	}
	sort.Strings(out)
	return strings.Join(out, "\n")
}

// Unchanged fails the test when the database differs from the snapshot
// taken before (with the same tables skipped), saying what changed.
func (s *Site) Unchanged(what, before string, skip ...string) {
	s.T.Helper()
	if d := Diff(before, s.Snapshot(skip...)); d != "" {
		s.T.Errorf("%s changed the database:\n%s", what, d)
	}
}

// vietnameseLetter matches a letter only Vietnamese uses among the two
// interface languages.
var vietnameseLetter = regexp.MustCompile(`(?i)[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]`)

// DataNames are the strings a page may show in any language because they
// are data: the name and short name of every unit the fixture ever had,
// and every account's name.
func (s *Site) DataNames() []string {
	s.T.Helper()
	ctx := context.Background()
	var out []string
	for _, d := range []time.Time{org.Date(2015, 1, 1), org.Date(2025, 6, 30), org.Date(2025, 7, 1)} {
		units, err := s.Org.Tree(ctx, d)
		if err != nil {
			s.T.Fatal(err)
		}
		for _, u := range units {
			out = append(out, u.Name, u.ShortName)
		}
	}
	users, _, err := s.Auth.ListUsers(ctx, auth.System(), auth.UserFilter{Limit: 500})
	if err != nil {
		s.T.Fatal(err)
	}
	for _, u := range users {
		out = append(out, u.Name)
	}
	return out
}

// VietnameseLeft returns, for a page rendered in English, each place where
// a Vietnamese letter is left in its visible text and labelling attributes
// once every data string is taken out (each with some context); such a
// word came from code or a template, not from the data. The product's
// name and the language switch ("Dân vận", "Tiếng Việt") are data too.
func VietnameseLeft(doc *goquery.Document, data ...string) []string {
	text := doc.Find("body").Text() + " " + doc.Find("title").Text()
	doc.Find("[placeholder], [aria-label], [alt], [title], [label]").Each(func(_ int, s *goquery.Selection) {
		for _, a := range []string{"placeholder", "aria-label", "alt", "title", "label"} {
			text += " " + s.AttrOr(a, "")
		}
	})
	doc.Find(`[lang="vi"]`).Each(func(_ int, s *goquery.Selection) {
		text = strings.ReplaceAll(text, s.Text(), " ") // marked as Vietnamese on purpose
	})
	data = append(slices.Clip(data), "Dân vận", "Tiếng Việt")
	sort.Slice(data, func(i, j int) bool { return len(data[i]) > len(data[j]) })
	for _, d := range data {
		if strings.TrimSpace(d) != "" {
			text = strings.ReplaceAll(text, d, " ")
		}
	}
	var out []string
	for _, loc := range vietnameseLetter.FindAllStringIndex(text, 5) {
		from, to := max(0, loc[0]-60), min(len(text), loc[1]+60)
		out = append(out, "…"+strings.Join(strings.Fields(text[from:to]), " ")+"…")
	}
	return out
}

// Serve starts the site on a real address for a browser, closed when the
// test ends, and returns its base URL.
func (s *Site) Serve() string {
	ts := httptest.NewServer(s.Srv)
	s.T.Cleanup(ts.Close)
	return ts.URL
}

// SignIn signs login in through the sign-in form of the site at base in
// the browser of ctx, and waits for the signed-in header.
func SignIn(t testing.TB, ctx context.Context, base, login string) {
	t.Helper()
	err := chromedp.Do(ctx,
		chromedp.Navigate(base+"/dang-nhap"),
		chromedp.WaitVisible(chromedp.CSS("#login")),
		chromedp.SendKeys(chromedp.CSS("#login"), login),
		chromedp.SendKeys(chromedp.CSS("#password"), Password),
		chromedp.Submit(chromedp.CSS("#password")),
		chromedp.WaitVisible(chromedp.CSS("form.nav-form")),
	)
	if err != nil {
		t.Fatalf("sign in %s: %v", login, err)
	}
}

// CheckKeys fails the test for each key that is not in the merged catalog
// with both a Vietnamese and an English text; where says where the keys
// come from (a list of kinds, a label method). Keys written as literals
// in code and templates are checked for the whole program by package
// web's tests; this is for keys built from values.
func CheckKeys(t testing.TB, where string, keys ...string) {
	t.Helper()
	c, err := web.Catalog()
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range keys {
		text, ok := c[k]
		if !ok {
			t.Errorf("%s: key %q is not in the catalog", where, k)
			continue
		}
		if strings.TrimSpace(text.VI()) == "" || strings.TrimSpace(text.EN()) == "" {
			t.Errorf("%s: key %q lacks a language", where, k)
		}
	}
}

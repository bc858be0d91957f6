package web

import (
	"io/fs"
	"regexp"
	"strings"
	"testing"

	"github.com/danvan/danvan/internal/i18n"
	"github.com/danvan/danvan/internal/org"
)

// TestCatalogCoversTemplates checks that every literal key a template of
// package web (the home page) passes to t or tf, and every key built from
// a level or a kind, is in the merged catalog with both a Vietnamese and
// an English text. Each feature package checks its own templates.
func TestCatalogCoversTemplates(t *testing.T) {
	c, err := Catalog()
	if err != nil {
		t.Fatal(err)
	}
	keyRe := regexp.MustCompile(`\{\{-?\s*(?:t|tf)\s+"([^"]+)"`)
	used := map[string]bool{}
	err = fs.WalkDir(templateFS, "templates", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := templateFS.ReadFile(p)
		if err != nil {
			return err
		}
		for _, m := range keyRe.FindAllStringSubmatch(string(b), -1) {
			used[m[1]] = true
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(used) < 10 {
		t.Fatalf("found only %d keys in templates: the pattern is broken", len(used))
	}
	for _, l := range org.Levels {
		used["level."+string(l)] = true
	}
	for _, k := range org.Kinds {
		used["kind."+string(k)] = true
	}
	for key := range used {
		m, ok := c[key]
		if !ok {
			t.Errorf("template key %q is not in the catalog", key)
			continue
		}
		if strings.TrimSpace(m.VI()) == "" || strings.TrimSpace(m.EN()) == "" {
			t.Errorf("catalog key %q lacks a language", key)
		}
	}
}

func TestTranslateMissingKey(t *testing.T) {
	c, err := Catalog()
	if err != nil {
		t.Fatal(err)
	}
	if got := c.T(i18n.VI, "no.such.key"); got != "[no.such.key]" {
		t.Errorf("missing key = %q", got)
	}
	if c.T(i18n.EN, "nav.units") != "Units" || c.T(i18n.VI, "nav.units") != "Đơn vị" {
		t.Error("nav.units translations wrong")
	}
}

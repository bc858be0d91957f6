package web

import (
	"io/fs"
	"regexp"
	"strings"
	"testing"

	"github.com/danvan/danvan/internal/org"
)

// TestCatalogCoversTemplates checks that every literal key a template
// passes to t or tf, and every key built from a level or a kind, is in the
// catalog with both a Vietnamese and an English text.
func TestCatalogCoversTemplates(t *testing.T) {
	keyRe := regexp.MustCompile(`\{\{-?\s*(?:t|tf)\s+"([^"]+)"`)
	used := map[string]bool{}
	err := fs.WalkDir(templateFS, "templates", func(p string, d fs.DirEntry, err error) error {
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
		m, ok := catalog[key]
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
	if got := translate(LangVI, "no.such.key"); got != "[no.such.key]" {
		t.Errorf("missing key = %q", got)
	}
	if translate(LangEN, "nav.units") != "Units" || translate(LangVI, "nav.units") != "Đơn vị" {
		t.Error("nav.units translations wrong")
	}
}

package auth_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/danvan/danvan/internal/auth"
)

// TestMessagesCoverCode: every error key auth's code uses is in
// auth.Messages in both languages, every error key there is used, and
// every level and kind has its label.
func TestMessagesCoverCode(t *testing.T) {
	used := keysInCode(t, ".", regexp.MustCompile(`"(auth\.err\.[a-z_]+)"`))
	if len(used) < 30 {
		t.Fatalf("found only %d keys in the code: the pattern is broken", len(used))
	}
	for key := range used {
		m, ok := auth.Messages[key]
		if !ok || strings.TrimSpace(m.VI()) == "" || strings.TrimSpace(m.EN()) == "" {
			t.Errorf("key %q is not in auth.Messages in both languages", key)
		}
	}
	for key := range auth.Messages {
		if !used[key] {
			t.Errorf("auth.Messages has %q, which no code uses", key)
		}
	}
}

// keysInCode collects the message keys that the non-test Go files of dir
// name as string literals.
func keysInCode(t *testing.T, dir string, re *regexp.Regexp) map[string]bool {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	used := map[string]bool{}
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") || strings.HasSuffix(f, "messages.go") {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range re.FindAllStringSubmatch(string(b), -1) {
			used[m[1]] = true
		}
	}
	return used
}

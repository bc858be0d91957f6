package adminui_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/org"
	"github.com/danvan/danvan/internal/web"
	"github.com/danvan/danvan/internal/web/adminui"
)

// TestCatalogCoversAdmin: every key administration's templates and code
// name, and every key they build from an operation, a record kind, a
// role, a level or a kind, is in the catalog in both languages; and
// every key of adminui.Messages is used.
func TestCatalogCoversAdmin(t *testing.T) {
	c, err := web.Catalog()
	if err != nil {
		t.Fatal(err)
	}
	used := map[string]bool{}
	collect := func(re *regexp.Regexp, text string) {
		for _, m := range re.FindAllStringSubmatch(text, -1) {
			used[m[1]] = true
		}
	}
	tmplKey := regexp.MustCompile(`\{\{-?\s*(?:t|tf)\s+"([^"]+)"`)
	codeKey := regexp.MustCompile(`"((?:admin|auth|org)\.[a-z_]+(?:\.[a-z_]+)*)"`)
	err = fs.WalkDir(os.DirFS("templates"), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(filepath.Join("templates", p))
		collect(tmplKey, string(b))
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob("*.go")
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") || f == "messages.go" {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		collect(codeKey, string(b))
	}
	if len(used) < 100 {
		t.Fatalf("found only %d keys: the patterns are broken", len(used))
	}
	for _, op := range org.Ops {
		for _, k := range []string{"admin.op.%s", "admin.op.%s.help", "admin.date.%s", "admin.done.%s"} {
			used[strings.Replace(k, "%s", string(op), 1)] = true
		}
	}
	for _, e := range []string{"unit", "user", "grant", "api_token", "session"} {
		used["admin.entity."+e] = true
	}
	for _, r := range auth.Roles {
		used["role."+string(r)] = true
	}
	for _, l := range org.Levels {
		used["level."+string(l)] = true
	}
	for _, k := range org.Kinds {
		used["kind."+string(k)] = true
	}
	for key := range used {
		if strings.HasSuffix(key, ".") {
			continue // a prefix, expanded above
		}
		m, ok := c[key]
		if !ok || strings.TrimSpace(m.VI()) == "" || strings.TrimSpace(m.EN()) == "" {
			t.Errorf("key %q is not in the catalog in both languages", key)
		}
	}
	for key := range adminui.Messages {
		prefixed := strings.HasPrefix(key, "admin.action.") || strings.HasPrefix(key, "admin.field.")
		if !used[key] && !prefixed {
			t.Errorf("adminui.Messages has %q, which nothing uses", key)
		}
	}
}

package web_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/i18n"
	"github.com/danvan/danvan/internal/org"
	"github.com/danvan/danvan/internal/web"
)

// goFiles lists the non-test Go files under dir.
func goFiles(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "testdata" || d.Name() == "migrations") {
			return filepath.SkipDir
		}
		if !d.IsDir() && strings.HasSuffix(p, ".go") && !strings.HasSuffix(p, "_test.go") {
			out = append(out, p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// keyArgs says which argument of a call is a message key: apperr's
// constructors, Errors.Add, the kit's T, Page and SetFlash, i18n.M.
var keyArgs = map[string]int{
	"Invalid": 1, "NotFound": 0, "Conflict": 0, "Forbidden": 0, "Unauthorized": 0,
	"Add": 1, "T": 1, "Page": 2, "SetFlash": 2, "M": 0,
}

// keyPackages are the packages whose calls of those names take keys.
var keyPackages = map[string]bool{"apperr": true, "i18n": true}

// TestCatalogCoversGoKeys parses every Go file of the program and checks
// that each string literal passed where a message key goes (an apperr
// error, Errors.Add, kit T/Page/SetFlash, i18n.M, a NavLink's Key) is a
// key of the merged catalog, with both languages.
func TestCatalogCoversGoKeys(t *testing.T) {
	c, err := web.Catalog()
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	checked := 0
	check := func(pos token.Pos, lit *ast.BasicLit) {
		key, err := strconv.Unquote(lit.Value)
		if err != nil || key == "" {
			return
		}
		checked++
		text, ok := c[key]
		switch {
		case !ok:
			t.Errorf("%s: %q is used as a message key but is not in the catalog", fset.Position(pos), key)
		case strings.TrimSpace(text.VI()) == "" || strings.TrimSpace(text.EN()) == "":
			t.Errorf("%s: catalog key %q lacks a language", fset.Position(pos), key)
		}
	}
	for _, path := range append(goFiles(t, "../../internal"), goFiles(t, "../../cmd")...) {
		if strings.Contains(path, "/extract/") || strings.Contains(path, "/demo/") || strings.Contains(path, "/fixture/") {
			continue // they make no messages for people to read
		}
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.CallExpr:
				sel, ok := n.Fun.(*ast.SelectorExpr)
				if !ok {
					return true
				}
				i, ok := keyArgs[sel.Sel.Name]
				if !ok || i >= len(n.Args) {
					return true
				}
				if pkg, ok := sel.X.(*ast.Ident); ok && keyPackages[pkg.Name] {
					// apperr.Invalid(…), i18n.M(…)
				} else if sel.Sel.Name == "Add" || sel.Sel.Name == "T" || sel.Sel.Name == "Page" || sel.Sel.Name == "SetFlash" {
					// es.Add, h.T, h.Page, h.SetFlash: methods whose key
					// argument is a literal
				} else {
					return true
				}
				if lit, ok := n.Args[i].(*ast.BasicLit); ok && lit.Kind == token.STRING {
					check(lit.Pos(), lit)
				}
			case *ast.KeyValueExpr:
				if id, ok := n.Key.(*ast.Ident); ok && id.Name == "Key" {
					if lit, ok := n.Value.(*ast.BasicLit); ok && lit.Kind == token.STRING {
						check(lit.Pos(), lit)
					}
				}
			}
			return true
		})
	}
	if checked < 100 {
		t.Fatalf("only %d keys found in Go code: the scan is broken", checked)
	}
}

// vietnamese reports whether s has a letter only Vietnamese uses.
func vietnamese(s string) bool {
	for _, r := range s {
		if r > unicode.MaxASCII && unicode.IsLetter(r) && strings.ContainsRune("ăâđêôơưĂÂĐÊÔƠƯàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵÀẢÃÁẠẰẲẴẮẶẦẨẪẤẬÈẺẼÉẸỀỂỄẾỆÌỈĨÍỊÒỎÕÓỌỒỔỖỐỘỜỞỠỚỢÙỦŨÚỤỪỬỮỨỰỲỶỸÝỴ", r) {
			return true
		}
	}
	return false
}

// TestNoVietnameseInWebCode fails on a Vietnamese string literal in the
// web packages' Go code outside their message catalogs: every word a page
// shows comes from a catalog, so the English pages have no Vietnamese
// from code.
func TestNoVietnameseInWebCode(t *testing.T) {
	fset := token.NewFileSet()
	for _, path := range goFiles(t, ".") {
		if filepath.Base(path) == "messages.go" || strings.HasPrefix(path, "webtest/") || strings.HasPrefix(path, "apiclient/") {
			continue // the catalogs themselves; the test harness's data; the client generated from the API description (its enums are data: "QĐ")
		}
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == token.STRING {
				if s, err := strconv.Unquote(lit.Value); err == nil && vietnamese(s) {
					t.Errorf("%s: Vietnamese text in code: %q (put it in the catalog)", fset.Position(lit.Pos()), s)
				}
			}
			return true
		})
	}
}

// TestTemplatesKeysInCatalog reads every feature's templates and checks
// that each key they translate is in the catalog in both languages.
func TestTemplatesKeysInCatalog(t *testing.T) {
	c, err := web.Catalog()
	if err != nil {
		t.Fatal(err)
	}
	keyRe := regexp.MustCompile(`\{\{-?\s*(?:t|tf)\s+"([^"]+)"`)
	used := map[string]string{}
	err = filepath.WalkDir(".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		for _, m := range keyRe.FindAllStringSubmatch(string(b), -1) {
			used[m[1]] = p
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(used) < 100 {
		t.Fatalf("only %d template keys found: the pattern is broken", len(used))
	}
	for _, l := range org.Levels {
		used["level."+string(l)] = "org.Levels"
	}
	for _, k := range org.Kinds {
		used["kind."+string(k)] = "org.Kinds"
	}
	for _, r := range auth.Roles {
		used["role."+string(r)] = "auth.Roles"
	}
	for key, where := range used {
		text, ok := c[key]
		if !ok {
			t.Errorf("%s: template key %q is not in the catalog", where, key)
			continue
		}
		if strings.TrimSpace(text.VI()) == "" || strings.TrimSpace(text.EN()) == "" {
			t.Errorf("catalog key %q lacks a language", key)
		}
	}
}

// vietnameseInEnglish are the keys whose English rightly holds
// Vietnamese words: the name of the other language, and a column header
// of the Vietnamese spreadsheet format.
var vietnameseInEnglish = map[string]bool{
	"app.name":                true, // the product's name
	"lang.switch":             true, // "Tiếng Việt", the link to the Vietnamese pages
	"practice.import.explain": true, // names the sheet's “Mã” column
}

// TestCatalogLanguagesDiffer catches a catalog entry whose English is a
// copy of the Vietnamese with Vietnamese letters in it.
func TestCatalogLanguagesDiffer(t *testing.T) {
	c, err := web.Catalog()
	if err != nil {
		t.Fatal(err)
	}
	for key, text := range c {
		if vietnamese(text.EN()) && !vietnameseInEnglish[key] {
			t.Errorf("catalog key %q: the English %q has Vietnamese letters", key, text.EN())
		}
	}
	if c.T(i18n.EN, "no.such.key") != "[no.such.key]" {
		t.Error("a missing key does not show as itself")
	}
}

// TestCatalogKeysAreUsed fails on a catalog key nothing uses: not written
// as a literal in Go code or a template, nor built from a literal prefix
// ("level." + code, "meeting.kind.%s"). A key left behind by a change is
// text nobody can see, which the next translator would still maintain.
func TestCatalogKeysAreUsed(t *testing.T) {
	c, err := web.Catalog()
	if err != nil {
		t.Fatal(err)
	}
	literals := map[string]bool{}
	var prefixes []string
	prefix := func(s string) {
		if i := strings.Index(s, "%"); i > 0 {
			s = s[:i]
		}
		if len(s) > 3 {
			prefixes = append(prefixes, s)
		}
	}
	fset := token.NewFileSet()
	for _, path := range append(goFiles(t, "../../internal"), goFiles(t, "../../cmd")...) {
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.CompositeLit: // an i18n.Catalog defines keys: no use
				if sel, ok := n.Type.(*ast.SelectorExpr); ok && sel.Sel.Name == "Catalog" {
					return false
				}
			case *ast.BasicLit:
				if s, err := strconv.Unquote(n.Value); err == nil && n.Kind == token.STRING {
					literals[s] = true
					if strings.HasSuffix(s, ".") { // a prefix handed on: word("audit.action.", a)
						prefix(s)
					}
				}
			case *ast.BinaryExpr: // "level." + string(l)
				if lit, ok := n.X.(*ast.BasicLit); ok && n.Op == token.ADD && lit.Kind == token.STRING {
					if s, err := strconv.Unquote(lit.Value); err == nil {
						prefix(s)
					}
				}
			case *ast.CallExpr: // fmt.Sprintf("meeting.kind.%s", k)
				if sel, ok := n.Fun.(*ast.SelectorExpr); ok && sel.Sel.Name == "Sprintf" && len(n.Args) > 1 {
					if lit, ok := n.Args[0].(*ast.BasicLit); ok && lit.Kind == token.STRING {
						if s, err := strconv.Unquote(lit.Value); err == nil && strings.Contains(s, "%") {
							prefix(s)
						}
					}
				}
			}
			return true
		})
	}
	quoted := regexp.MustCompile(`"([a-z][a-z0-9_.]*)"`)
	printf := regexp.MustCompile(`printf "([a-z][a-z0-9_.]*)%`)
	concat := regexp.MustCompile(`(?:label|print) "([a-z][a-z0-9_.]*)"`)
	err = filepath.WalkDir("..", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		for _, m := range quoted.FindAllStringSubmatch(string(b), -1) {
			literals[m[1]] = true
		}
		for _, m := range printf.FindAllStringSubmatch(string(b), -1) {
			prefix(m[1])
		}
		for _, m := range concat.FindAllStringSubmatch(string(b), -1) {
			prefix(m[1])
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	var unused []string
	for key := range c {
		if literals[key] {
			continue
		}
		built := false
		for _, p := range prefixes {
			if len(p) > 2 && strings.HasPrefix(key, p) {
				built = true
				break
			}
		}
		if !built {
			unused = append(unused, key)
		}
	}
	sort.Strings(unused)
	for _, k := range unused {
		t.Errorf("catalog key %q is not used anywhere", k)
	}
}

// TestAuditWordsCoverActions parses every Go file of the program for the
// audit entries it writes (audit.Entry{Action: "…", Entity: "…"}) and
// checks that the audit log can say each in words: a phrase
// audit.what.<entity>.<action>, or the action's and the entity's labels.
func TestAuditWordsCoverActions(t *testing.T) {
	c, err := web.Catalog()
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	entries := 0
	for _, path := range append(goFiles(t, "../../internal"), goFiles(t, "../../cmd")...) {
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			lit, ok := n.(*ast.CompositeLit)
			if !ok {
				return true
			}
			sel, ok := lit.Type.(*ast.SelectorExpr)
			if !ok || sel.Sel.Name != "Entry" {
				return true
			}
			if pkg, ok := sel.X.(*ast.Ident); !ok || pkg.Name != "audit" {
				return true
			}
			fields := map[string]string{}
			for _, e := range lit.Elts {
				kv, ok := e.(*ast.KeyValueExpr)
				if !ok {
					continue
				}
				name, _ := kv.Key.(*ast.Ident)
				val, _ := kv.Value.(*ast.BasicLit)
				if name != nil && val != nil && val.Kind == token.STRING {
					fields[name.Name], _ = strconv.Unquote(val.Value)
				}
			}
			action, entity := fields["Action"], fields["Entity"]
			if action == "" || entity == "" {
				return true // named at run time; the audit page shows the code
			}
			entries++
			if _, ok := c["audit.what."+entity+"."+action]; ok {
				return true
			}
			for _, key := range []string{"audit.action." + action, "audit.entity." + entity} {
				if _, ok := c[key]; !ok {
					t.Errorf("%s: the audit log has no words for %q (%s %s)", fset.Position(lit.Pos()), key, action, entity)
				}
			}
			return true
		})
	}
	if entries < 50 {
		t.Errorf("only %d audit entries found: the parser missed them", entries)
	}
}

package web

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestEveryAPIRouteIsDocumented reads the routes registered in this
// package's source and the paths of docs/openapi.yaml (and its fragments
// docs/openapi-*.yaml), and fails on any /api/v1 route that is not
// documented with its method, or any documented path that does not exist.
func TestEveryAPIRouteIsDocumented(t *testing.T) {
	routeRe := regexp.MustCompile(`HandleFunc\("(GET|POST|PUT|PATCH|DELETE) (/api/v1/[^"]*)"`)
	files, _ := filepath.Glob("*.go")
	routes := map[string]bool{}
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range routeRe.FindAllStringSubmatch(string(b), -1) {
			routes[strings.ToLower(m[1])+" "+strings.TrimSuffix(m[2], "{$}")] = true
		}
	}
	if len(routes) < 4 {
		t.Fatalf("found only %d API routes in the source: the pattern is broken", len(routes))
	}
	specs, _ := filepath.Glob("../../docs/openapi*.yaml")
	if len(specs) == 0 {
		t.Fatal("docs/openapi.yaml not found")
	}
	documented := map[string]bool{}
	pathRe := regexp.MustCompile(`^  (/api/v1/\S*):\s*$`)
	methodRe := regexp.MustCompile(`^    (get|post|put|patch|delete):\s*$`)
	for _, spec := range specs {
		b, err := os.ReadFile(spec)
		if err != nil {
			t.Fatal(err)
		}
		path := ""
		for _, line := range strings.Split(string(b), "\n") {
			if m := pathRe.FindStringSubmatch(line); m != nil {
				path = m[1]
				continue
			}
			if !strings.HasPrefix(line, "    ") && strings.TrimSpace(line) != "" {
				path = ""
			}
			if m := methodRe.FindStringSubmatch(line); m != nil && path != "" {
				documented[m[1]+" "+path] = true
			}
		}
	}
	for r := range routes {
		if !documented[r] {
			t.Errorf("route %s is not in docs/openapi.yaml", r)
		}
	}
	for d := range documented {
		if !routes[d] {
			t.Errorf("docs/openapi.yaml documents %s, which no handler serves", d)
		}
	}
}

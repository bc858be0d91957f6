package web_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/danvan/danvan/internal/db/dbtest"
	"github.com/danvan/danvan/internal/web/webtest"
)

// TestEveryAPIRouteIsDocumented takes the routes every feature's Mount
// returns and the paths of docs/openapi.yaml (and its fragments
// docs/openapi-*.yaml), and fails on any /api/v1 route that is not
// documented with its method, or any documented path that does not exist.
func TestEveryAPIRouteIsDocumented(t *testing.T) {
	s := webtest.New(t, dbtest.Open(t, "sqlite"))
	routes := map[string]bool{}
	for _, pattern := range s.Srv.Routes() {
		method, path, ok := strings.Cut(pattern, " ")
		if !ok || !strings.HasPrefix(path, "/api/v1/") {
			continue
		}
		routes[strings.ToLower(method)+" "+strings.TrimSuffix(path, "{$}")] = true
	}
	if len(routes) < 4 {
		t.Fatalf("the features mount only %d API routes", len(routes))
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

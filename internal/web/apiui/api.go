// Package apiui serves the API description to integrators: the OpenAPI
// document at /api/v1/openapi.yaml (what a client generator reads) and a
// reference page listing every operation at /tai-lieu-api.
package apiui

import (
	"bufio"
	"bytes"
	"embed"
	"io/fs"
	"net/http"
	"regexp"
	"strings"

	"github.com/danvan/danvan/docs"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/web/kit"
)

//go:embed templates
var templates embed.FS

// Operation is one documented call, as the reference page lists it.
type Operation struct {
	Method  string // GET, POST, ...
	Path    string
	ID      string // operationId: the anchor and the generated client's method
	Summary string
}

// Operations reads the operations of an OpenAPI document written as
// docs/openapi.yaml is (paths at two spaces, methods at four, their
// fields at six), in document order.
func Operations(spec []byte) []Operation {
	pathRe := regexp.MustCompile(`^  (/\S*):\s*$`)
	methodRe := regexp.MustCompile(`^    (get|post|put|patch|delete):\s*$`)
	fieldRe := regexp.MustCompile(`^      (operationId|summary):\s*(.*)$`)
	var out []Operation
	path := ""
	sc := bufio.NewScanner(bytes.NewReader(spec))
	for sc.Scan() {
		line := sc.Text()
		if m := pathRe.FindStringSubmatch(line); m != nil {
			path = m[1]
			continue
		}
		if !strings.HasPrefix(line, "  ") && strings.TrimSpace(line) != "" {
			path = ""
		}
		if m := methodRe.FindStringSubmatch(line); m != nil && path != "" {
			out = append(out, Operation{Method: strings.ToUpper(m[1]), Path: path})
			continue
		}
		if m := fieldRe.FindStringSubmatch(line); m != nil && len(out) > 0 && out[len(out)-1].Path == path {
			v := strings.Trim(strings.TrimSpace(m[2]), `"`)
			if m[1] == "operationId" {
				out[len(out)-1].ID = v
			} else {
				out[len(out)-1].Summary = v
			}
		}
	}
	return out
}

type handlers struct {
	*kit.Kit
	tmpl *kit.Templates
	ops  []Operation
}

// Mount returns the routes of the API description.
func Mount(k *kit.Kit) (kit.Feature, error) {
	fsys, err := fs.Sub(templates, "templates")
	if err != nil {
		return kit.Feature{}, err
	}
	h := &handlers{Kit: k, ops: Operations(docs.OpenAPI)}
	if h.tmpl, err = k.Templates(fsys, nil); err != nil {
		return kit.Feature{}, err
	}
	return kit.Feature{Routes: []kit.Route{
		{Pattern: "GET /api/v1/openapi.yaml", Handler: h.spec},
		{Pattern: "GET /tai-lieu-api", Handler: k.Public(h.reference)},
	}}, nil
}

// spec serves the description itself, to anyone: it holds no data.
func (h *handlers) spec(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("Content-Type", "application/yaml; charset=utf-8")
	w.Header().Set("Cache-Control", "public, max-age=3600")
	w.Write(docs.OpenAPI)
}

type referenceView struct {
	kit.Page
	Operations []Operation
}

func (h *handlers) reference(w http.ResponseWriter, r *http.Request, _ *auth.Principal) error {
	h.tmpl.Render(w, r, http.StatusOK, "reference", referenceView{Page: h.Page(w, r, "api.ref.title"), Operations: h.ops})
	return nil
}

package kit

import (
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strings"
)

//go:embed static
var staticFS embed.FS

// Static serves the embedded static folder under content-hash URLs
// (/static/style.3f2a9c1b.css), cached for a year: pages stay small on
// slow phones, and a new build changes every URL it needs to.
type Static struct {
	byName map[string]staticFile // "style.css" -> file
	byURL  map[string]staticFile // "/static/style.3f2a9c1b.css" -> file
}

type staticFile struct {
	url  string
	body []byte
	ctyp string
}

func loadStatic() (*Static, error) {
	s := &Static{byName: map[string]staticFile{}, byURL: map[string]staticFile{}}
	err := fs.WalkDir(staticFS, "static", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		body, err := staticFS.ReadFile(p)
		if err != nil {
			return err
		}
		name := strings.TrimPrefix(p, "static/")
		sum := sha256.Sum256(body)
		ext := path.Ext(name)
		url := "/static/" + strings.TrimSuffix(name, ext) + "." + hex.EncodeToString(sum[:])[:10] + ext
		ctyp := mime.TypeByExtension(ext)
		if ctyp == "" {
			ctyp = "application/octet-stream"
		}
		f := staticFile{url: url, body: body, ctyp: ctyp}
		s.byName[name] = f
		s.byURL[url] = f
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("kit: static files: %w", err)
	}
	return s, nil
}

// URL returns the content-hash URL of a static file by its name.
func (s *Static) URL(name string) (string, error) {
	f, ok := s.byName[name]
	if !ok {
		return "", fmt.Errorf("kit: no static file %q", name)
	}
	return f.url, nil
}

func (s *Static) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	f, ok := s.byURL[r.URL.Path]
	if !ok {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Content-Type", f.ctyp)
	w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
	w.Write(f.body)
}

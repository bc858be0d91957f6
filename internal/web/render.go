package web

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"io/fs"
	"log/slog"
	"net/http"
	"path"
	"strings"
	"time"

	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/vntext"
)

//go:embed templates
var templateFS embed.FS

// Page is what every page's view shares: the language, the title, the
// current path (for the language switch) and asset URLs. Each page's view
// struct embeds it.
type Page struct {
	Lang  string
	Title string
	Path  string
	// SwitchURL is this page in the other language, with its query kept.
	SwitchURL template.URL
	// User is the signed-in user, nil for a visitor.
	User *auth.Principal
	// CSRF is the token every form on the page must send back.
	CSRF string
	// Flash is a one-time message left by the previous request.
	Flash string
}

// T translates key into the page's language.
func (p Page) T(key string) string { return translate(p.Lang, key) }

// renderer holds every page template, parsed once at start-up for each
// language; "t" in a template is bound to its language.
type renderer struct {
	pages  map[string]map[string]*template.Template // lang -> page -> template
	static *staticFiles
}

func newRenderer(static *staticFiles) (*renderer, error) {
	r := &renderer{pages: map[string]map[string]*template.Template{}, static: static}
	layouts, err := fs.Glob(templateFS, "templates/layout/*.html")
	if err != nil {
		return nil, err
	}
	var pages []string
	err = fs.WalkDir(templateFS, "templates", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(p, ".html") && !strings.HasPrefix(p, "templates/layout/") {
			pages = append(pages, p)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	for _, lang := range languages {
		r.pages[lang] = map[string]*template.Template{}
		base := template.New("").Funcs(funcs(lang, static))
		base, err := base.ParseFS(templateFS, layouts...)
		if err != nil {
			return nil, fmt.Errorf("web: parse layouts: %w", err)
		}
		for _, p := range pages {
			t, err := template.Must(base.Clone()).ParseFS(templateFS, p)
			if err != nil {
				return nil, fmt.Errorf("web: parse %s: %w", p, err)
			}
			name := strings.TrimSuffix(strings.TrimPrefix(p, "templates/"), ".html")
			r.pages[lang][name] = t
		}
	}
	return r, nil
}

func funcs(lang string, static *staticFiles) template.FuncMap {
	return template.FuncMap{
		"t": func(key string) string { return translate(lang, key) },
		// label translates prefix+value when the catalog has it, else shows
		// value as it is (for open-ended codes such as audit actions).
		"label": func(prefix, value string) string {
			if _, ok := catalog[prefix+value]; ok {
				return translate(lang, prefix+value)
			}
			return value
		},
		"auditWhat": func(entity, action string) string { return auditWhat(lang, entity, action) },
		"tf":        func(key string, args ...any) string { return fmt.Sprintf(translate(lang, key), args...) },
		"static":    static.URL,
		"date": func(t time.Time) string {
			if t.IsZero() {
				return ""
			}
			return vntext.FormatDate(t)
		},
		"isodate":  func(t time.Time) string { return t.Format(time.DateOnly) },
		"int":      func(n int) string { return vntext.FormatInt(int64(n)) },
		"int64":    vntext.FormatInt,
		"percent":  func(f float64) string { return vntext.FormatNumber(f*100, 0) + "%" },
		"treeArgs": func(date time.Time, n *treeNode) treeArgs { return treeArgs{Date: date, N: n} },
		"query": func(pairs ...string) template.URL {
			var b strings.Builder
			for i := 0; i+1 < len(pairs); i += 2 {
				if pairs[i+1] == "" {
					continue
				}
				if b.Len() > 0 {
					b.WriteByte('&')
				}
				b.WriteString(pairs[i] + "=" + urlQueryEscape(pairs[i+1]))
			}
			return template.URL(b.String())
		},
	}
}

// auditWhat says in words what an audit row did: the phrase
// audit.what.<entity>.<action> when the catalog has one, else the action's
// and the entity's labels (or their raw codes) side by side.
func auditWhat(lang, entity, action string) string {
	if _, ok := catalog["audit.what."+entity+"."+action]; ok {
		return translate(lang, "audit.what."+entity+"."+action)
	}
	word := func(prefix, v string) string {
		if _, ok := catalog[prefix+v]; ok {
			return translate(lang, prefix+v)
		}
		return v
	}
	return word("audit.action.", action) + " " + word("audit.entity.", entity)
}

// treeArgs carries the date down the recursive "node" template.
type treeArgs struct {
	Date time.Time
	N    *treeNode
}

// render executes the named page into a buffer and only then writes it, so
// a template error never sends half a page.
func (s *Server) render(w http.ResponseWriter, r *http.Request, status int, name string, view any) {
	lang := langOf(r)
	t, ok := s.renderer.pages[lang][name]
	if !ok {
		s.serverError(w, r, fmt.Errorf("web: no template %q", name))
		return
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, path.Base(name)+".html", view); err != nil {
		s.serverError(w, r, fmt.Errorf("web: render %s: %w", name, err))
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	if _, err := buf.WriteTo(w); err != nil {
		s.log.DebugContext(r.Context(), "write response", slog.Any("err", err))
	}
}

// page fills the shared part of a view for this request; it consumes the
// flash message, so call it once per response.
func (s *Server) page(w http.ResponseWriter, r *http.Request, titleKey string) Page {
	lang := langOf(r)
	q := r.URL.Query()
	q.Set("lang", translate(lang, "lang.other"))
	return Page{Lang: lang, Title: translate(lang, titleKey), Path: r.URL.Path,
		SwitchURL: template.URL(r.URL.Path + "?" + q.Encode()),
		User:      principal(r), CSRF: csrfToken(r), Flash: s.takeFlash(w, r)}
}

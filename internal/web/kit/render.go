package kit

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"log/slog"
	"net/http"
	"net/url"
	"path"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/i18n"
	"github.com/danvan/danvan/internal/vntext"
)

//go:embed templates
var kitTemplates embed.FS

// Page is what every page's view shares: the language, the title, the
// current path (for the language switch), the header's links and the
// signed-in user. Each page's view struct embeds it.
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
	// Flash is a one-time message left by the previous request;
	// FlashWarn marks it a warning (done in part).
	Flash     string
	FlashWarn bool
	// Nav is the header's links this user sees.
	Nav []NavItem
	// Here is the label of the header's link the current page belongs
	// to, shown beside the phone's menu button ("" when none).
	Here string
	// AccountHere says the page is one of the user's account pages.
	AccountHere bool

	catalog i18n.Catalog
}

// NavItem is one link of the header; Current marks the link of the
// section the page belongs to (aria-current in the header).
type NavItem struct {
	Href, Label string
	Current     bool
}

// T translates key into the page's language.
func (p Page) T(key string, args ...any) string { return p.catalog.T(p.Lang, key, args...) }

// Page fills the shared part of a view for this request; the title is a
// catalog key. It consumes the flash message, so call it once per
// response.
func (k *Kit) Page(w http.ResponseWriter, r *http.Request, titleKey string) Page {
	lang := Lang(r)
	q := r.URL.Query()
	q.Set("lang", k.Catalog.T(lang, "lang.other"))
	p := Principal(r)
	pg := Page{Lang: lang, Title: k.Catalog.T(lang, titleKey), Path: r.URL.Path,
		SwitchURL: template.URL(r.URL.Path + "?" + q.Encode()),
		User:      p, CSRF: CSRFToken(r), catalog: k.Catalog}
	pg.Flash, pg.FlashWarn = k.takeFlash(w, r)
	cur, best := -1, 0
	for _, n := range k.nav {
		if n.Show == nil || n.Show(p) {
			if under(r.URL.Path, n.Href) && len(n.Href) > best {
				cur, best = len(pg.Nav), len(n.Href)
			}
			pg.Nav = append(pg.Nav, NavItem{Href: n.Href, Label: k.Catalog.T(lang, n.Key)})
		}
	}
	if cur >= 0 {
		pg.Nav[cur].Current = true
		pg.Here = pg.Nav[cur].Label
	}
	pg.AccountHere = cur < 0 && under(r.URL.Path, "/tai-khoan")
	return pg
}

// under says whether path is href or a page below it ("/bao-cao/tong-hop"
// is under "/bao-cao", "/bao-cao-x" is not); a link with a query is
// never a section.
func under(path, href string) bool {
	if href == "" || href == "/" || strings.Contains(href, "?") {
		return false
	}
	return path == href || strings.HasPrefix(path, strings.TrimSuffix(href, "/")+"/")
}

// Templates are a feature's pages, parsed once at start-up for each
// language with the kit's layout; "t" in a template is bound to its
// language.
type Templates struct {
	k     *Kit
	pages map[string]map[string]*template.Template // lang -> page -> template
}

// Templates parses the pages in fsys (each *.html file at any depth is a
// page named by its path without ".html", e.g. "list" or "user/edit";
// files whose name starts with "_" are partials every page of the
// feature can use — embed them with //go:embed all:templates, since a
// plain embed leaves out names starting with "_") on top of the kit's
// layout and pager, with the kit's template functions plus funcs. A nil
// fsys parses the kit's own pages.
func (k *Kit) Templates(fsys fs.FS, funcs template.FuncMap) (*Templates, error) {
	kitFS, err := fs.Sub(kitTemplates, "templates")
	if err != nil {
		return nil, err
	}
	own := fsys == nil
	if own {
		fsys = kitFS
	}
	var pages, partials []string
	err = fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		switch {
		case own && (p == "layout.html" || p == "pager.html"):
		case strings.HasPrefix(path.Base(p), "_"):
			partials = append(partials, p)
		default:
			pages = append(pages, p)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("kit: templates: %w", err)
	}
	t := &Templates{k: k, pages: map[string]map[string]*template.Template{}}
	for _, lang := range i18n.Languages {
		t.pages[lang] = map[string]*template.Template{}
		base, err := template.New("").Funcs(k.funcs(lang)).Funcs(funcs).ParseFS(kitFS, "layout.html", "pager.html")
		if err != nil {
			return nil, fmt.Errorf("kit: parse layout: %w", err)
		}
		if len(partials) > 0 {
			if base, err = base.ParseFS(fsys, partials...); err != nil {
				return nil, fmt.Errorf("kit: parse partials: %w", err)
			}
		}
		for _, p := range pages {
			pt, err := template.Must(base.Clone()).ParseFS(fsys, p)
			if err != nil {
				return nil, fmt.Errorf("kit: parse %s: %w", p, err)
			}
			t.pages[lang][strings.TrimSuffix(p, ".html")] = pt
		}
	}
	return t, nil
}

// Names lists the pages, for tests that render every one.
func (t *Templates) Names() []string {
	var out []string
	for n := range t.pages[i18n.VI] {
		out = append(out, n)
	}
	return out
}

// execute runs the named page in the request's language into a pooled
// buffer, which the caller gives back with putRenderBuf. On a failure it
// has answered with a server error and returns nil.
func (t *Templates) execute(w http.ResponseWriter, r *http.Request, name string, view any) *bytes.Buffer {
	pt, ok := t.pages[Lang(r)][name]
	if !ok {
		t.k.ServerError(w, r, fmt.Errorf("kit: no template %q", name))
		return nil
	}
	buf := renderBufs.Get().(*bytes.Buffer)
	if err := pt.ExecuteTemplate(buf, path.Base(name)+".html", view); err != nil {
		putRenderBuf(buf)
		t.k.ServerError(w, r, fmt.Errorf("kit: render %s: %w", name, err))
		return nil
	}
	return buf
}

// Render executes the named page into a buffer and only then writes it,
// so a template error never sends half a page.
func (t *Templates) Render(w http.ResponseWriter, r *http.Request, status int, name string, view any) {
	buf := t.execute(w, r, name, view)
	if buf == nil {
		return
	}
	defer putRenderBuf(buf)
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	if _, err := w.Write(buf.Bytes()); err != nil {
		t.k.Log.DebugContext(r.Context(), "write response", slog.Any("err", err))
	}
}

// Execute writes the named page in lang to w without the response's
// headers: for a part of a page drawn once and kept (a page that does
// not call the layout), which a page then shows as template.HTML.
func (t *Templates) Execute(w io.Writer, lang, name string, view any) error {
	pt, ok := t.pages[lang][name]
	if !ok {
		return fmt.Errorf("kit: no template %q in %q", name, lang)
	}
	if err := pt.ExecuteTemplate(w, path.Base(name)+".html", view); err != nil {
		return fmt.Errorf("kit: execute %s: %w", name, err)
	}
	return nil
}

// renderBufs keeps the page buffers of finished responses: a page grows
// its buffer from empty to tens of kilobytes, and taking one already
// grown saves that copying on every page.
var renderBufs = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// maxRenderBuf is the largest buffer kept for the next page; a rare huge
// page's buffer is left to the garbage collector.
const maxRenderBuf = 1 << 20

func putRenderBuf(b *bytes.Buffer) {
	if b.Cap() > maxRenderBuf {
		return
	}
	b.Reset()
	renderBufs.Put(b)
}

// funcs are the template functions every page has.
func (k *Kit) funcs(lang string) template.FuncMap {
	c := k.Catalog
	return template.FuncMap{
		"t":  func(key string, args ...any) string { return c.T(lang, key, args...) },
		"tf": func(key string, args ...any) string { return c.T(lang, key, args...) },
		// msg translates a stored message (key and arguments).
		"msg": func(m i18n.Message) string { return c.T(lang, m.Key, m.Args...) },
		// period is a reporting period's label.
		"period": func(p vntext.Period) string {
			m := p.Message()
			return c.T(lang, m.Key, m.Args...)
		},
		// label translates prefix+value when the catalog has it, else shows
		// value as it is (for open-ended codes such as audit actions).
		"label": func(prefix, value string) string {
			if c.Has(prefix + value) {
				return c.T(lang, prefix+value)
			}
			return value
		},
		"auditWhat": func(entity, action string) string { return AuditWhat(c, lang, entity, action) },
		// periodPicker is the one period control (see PeriodPicker).
		"periodPicker": func(name, code, labelKey, kind string, ahead int) PeriodPicker {
			return k.periodPicker(lang, name, code, labelKey, kind, ahead)
		},
		"static": k.static.URL,
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
		"filesize": FileSize,
		"sentence": Sentence,
		"query":    Query,
	}
}

// Query builds a URL query from name, value pairs, leaving out empty
// values: {{query "don-vi" .Unit "ky" .Period}} → don-vi=211&ky=2026S1.
func Query(pairs ...string) template.URL {
	q := url.Values{}
	var order []string
	for i := 0; i+1 < len(pairs); i += 2 {
		if pairs[i+1] == "" {
			continue
		}
		if _, seen := q[pairs[i]]; !seen {
			order = append(order, pairs[i])
		}
		q.Add(pairs[i], pairs[i+1])
	}
	var b strings.Builder
	for _, name := range order {
		for _, v := range q[name] {
			if b.Len() > 0 {
				b.WriteByte('&')
			}
			b.WriteString(url.QueryEscape(name) + "=" + url.QueryEscape(v))
		}
	}
	return template.URL(b.String())
}

// AuditWhat says in words what an audit row did: the phrase
// audit.what.<entity>.<action> when the catalog has one, else the action's
// and the entity's labels (or their raw codes) side by side.
func AuditWhat(c i18n.Catalog, lang, entity, action string) string {
	if c.Has("audit.what." + entity + "." + action) {
		return c.T(lang, "audit.what."+entity+"."+action)
	}
	word := func(prefix, v string) string {
		if c.Has(prefix + v) {
			return c.T(lang, prefix+v)
		}
		return v
	}
	return word("audit.action.", action) + " " + word("audit.entity.", entity)
}

// Sentence starts s with a capital letter, as a title or a task shown on
// its own line reads ("tiếp tục đổi mới…" → "Tiếp tục đổi mới…"; "đẩy
// mạnh" → "Đẩy mạnh"); the rest is left as written.
func Sentence(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError || unicode.IsUpper(r) {
		return s
	}
	return string(unicode.ToUpper(r)) + s[size:]
}

package portalui

import (
	"errors"
	"html/template"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/audit"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/portal"
	"github.com/danvan/danvan/internal/vntext"
	"github.com/danvan/danvan/internal/web/kit"
)

// listSize is how many articles a section's page lists.
const listSize = 10

// base is what every public page's view shares.
type base struct {
	Lang        string
	Site        portal.Site
	Title       string
	Description string
	Canonical   string // the page's absolute address
	Origin      string // scheme and host
	OGType      string
	OGImage     string
	Section     string // the path segment of the current section, for the menu
	Sections    []section
	AltVI       string // this page in Vietnamese, when it has an English twin
	AltEN       string
	Year        int
	Query       string // what the search box holds
}

type section struct {
	Href, Label, Code string
}

// origin is the scheme and host the reader asked for.
func (h *handlers) origin(r *http.Request) string {
	scheme := "http"
	if r.TLS != nil || (h.TrustProxy && r.Header.Get("X-Forwarded-Proto") == "https") {
		scheme = "https"
	}
	return scheme + "://" + r.Host
}

// baseFor fills the shared part of a site's page.
func (h *handlers) baseFor(r *http.Request, st portal.Site, title, desc, current string) base {
	o := h.origin(r)
	b := base{Lang: kit.Lang(r), Site: st, Title: title, Description: desc, Origin: o, Canonical: o + r.URL.EscapedPath(),
		OGType: "website", Section: current, Year: h.store.Now().In(vntext.Zone).Year()}
	if st.ID != 0 {
		for _, c := range portal.Categories {
			b.Sections = append(b.Sections, section{Href: catURL(st, c), Label: h.Text(r, c.Label()), Code: c.Slug()})
		}
		b.Sections = append(b.Sections,
			section{Href: "/trang/" + st.Slug + "/van-ban", Label: h.T(r, "portalui.documents"), Code: "van-ban"},
			section{Href: "/trang/" + st.Slug + "/tham-do", Label: h.T(r, "portalui.polls"), Code: "tham-do"},
			section{Href: "/trang/" + st.Slug + "/luu-tru", Label: h.T(r, "portalui.archive"), Code: "luu-tru"},
			section{Href: "/trang/" + st.Slug + "/lien-he", Label: h.T(r, "portalui.contact"), Code: "lien-he"})
	}
	return b
}

// site finds the site of the request's path and reads its stamp (before
// any of its data, so that a page is never kept under a newer stamp than
// its data).
func (h *handlers) site(r *http.Request, m *meta) (portal.Site, error) {
	st, err := h.store.PublicSite(r.Context(), r.PathValue("site"))
	if err != nil {
		return portal.Site{}, err
	}
	m.site = st.ID
	if m.stamp, err = h.store.Stamp(r.Context(), st.ID); err != nil {
		return portal.Site{}, err
	}
	return st, nil
}

// card is an article in a list.
type card struct {
	portal.Article
	URL      string
	SiteSlug string
	SiteName string
	Excerpt  string
}

func (h *handlers) cards(st portal.Site, as []portal.Article) []card {
	out := make([]card, len(as))
	for i, a := range as {
		out[i] = card{Article: a, URL: articleURL(st, a), SiteSlug: st.Slug, SiteName: st.Name, Excerpt: portal.Excerpt(a.Lead, 220)}
	}
	return out
}

type homeView struct {
	base
	Lead   *card
	News   []card
	Models []card
	QA     []card
	Months []portal.Month
}

func (h *handlers) home(w http.ResponseWriter, r *http.Request, m *meta) error {
	st, err := h.site(r, m)
	if err != nil {
		return err
	}
	ctx := r.Context()
	news, _, err := h.store.PublicArticles(ctx, st.ID, portal.Filter{Category: portal.News, Limit: 7, NoTotal: true})
	if err != nil {
		return err
	}
	models, _, err := h.store.PublicArticles(ctx, st.ID, portal.Filter{Category: portal.Model, Limit: 4, NoTotal: true})
	if err != nil {
		return err
	}
	qa, _, err := h.store.PublicArticles(ctx, st.ID, portal.Filter{Category: portal.QA, Limit: 3, NoTotal: true})
	if err != nil {
		return err
	}
	months, err := h.store.ArchiveMonths(ctx, st.ID)
	if err != nil {
		return err
	}
	desc := st.Tagline
	if desc == "" {
		desc = h.T(r, "portalui.home.desc", st.Name)
	}
	v := homeView{base: h.baseFor(r, st, st.Name, desc, ""), News: h.cards(st, news), Models: h.cards(st, models), QA: h.cards(st, qa)}
	if len(v.News) > 0 {
		v.Lead, v.News = &v.News[0], v.News[1:]
	}
	if len(months) > 6 {
		months = months[:6]
	}
	v.Months = months
	h.tmpl.Render(w, r, http.StatusOK, "home", v)
	return nil
}

type listView struct {
	base
	Heading string
	Items   []card
	Total   int
	Pager   kit.Pager
	Search  bool
}

// listPage renders a list of a site's live articles chosen by f.
func (h *handlers) listPage(w http.ResponseWriter, r *http.Request, st portal.Site, f portal.Filter, heading, current string) error {
	page, offset := kit.PageParams(r, listSize)
	f.Limit, f.Offset = listSize, offset
	items, total, err := h.store.PublicArticles(r.Context(), st.ID, f)
	if err != nil {
		return err
	}
	if page > 1 && len(items) == 0 {
		return apperr.NotFound("err.404")
	}
	title := heading
	if page > 1 {
		title = h.T(r, "portalui.page_title", heading, page)
	}
	v := listView{base: h.baseFor(r, st, title+" – "+st.Name, h.T(r, "portalui.list.desc", heading, st.Name), current),
		Heading: heading, Items: h.cards(st, items), Total: total, Pager: kit.NewPager(r, page, listSize, total)}
	h.tmpl.Render(w, r, http.StatusOK, "list", v)
	return nil
}

func (h *handlers) category(w http.ResponseWriter, r *http.Request, m *meta) error {
	c, ok := portal.CategoryBySlug(r.PathValue("cat"))
	if !ok {
		return apperr.NotFound("err.404")
	}
	st, err := h.site(r, m)
	if err != nil {
		return err
	}
	return h.listPage(w, r, st, portal.Filter{Category: c}, h.Text(r, c.Label()), c.Slug())
}

func (h *handlers) tag(w http.ResponseWriter, r *http.Request, m *meta) error {
	st, err := h.site(r, m)
	if err != nil {
		return err
	}
	tg, err := h.store.PublicTag(r.Context(), st.ID, r.PathValue("tag"))
	if err != nil {
		return err
	}
	return h.listPage(w, r, st, portal.Filter{Tag: tg.Slug}, h.T(r, "portalui.tag", tg.Name), "")
}

func (h *handlers) search(w http.ResponseWriter, r *http.Request, m *meta) error {
	st, err := h.site(r, m)
	if err != nil {
		return err
	}
	q := strings.TrimSpace(r.URL.Query().Get("q"))
	if len(q) > 200 {
		q = q[:200]
	}
	page, offset := kit.PageParams(r, listSize)
	v := listView{base: h.baseFor(r, st, h.T(r, "portalui.search")+" – "+st.Name, h.T(r, "portalui.search"), ""),
		Heading: h.T(r, "portalui.search"), Search: true}
	v.Query = q
	if q != "" {
		items, total, err := h.store.PublicArticles(r.Context(), st.ID, portal.Filter{Search: q, Limit: listSize, Offset: offset})
		if err != nil {
			return err
		}
		v.Items, v.Total, v.Pager = h.cards(st, items), total, kit.NewPager(r, page, listSize, total)
	}
	h.tmpl.Render(w, r, http.StatusOK, "list", v)
	return nil
}

type archiveView struct {
	base
	Months []portal.Month
	Terms  []portal.TermCount
}

func (h *handlers) archive(w http.ResponseWriter, r *http.Request, m *meta) error {
	st, err := h.site(r, m)
	if err != nil {
		return err
	}
	months, err := h.store.ArchiveMonths(r.Context(), st.ID)
	if err != nil {
		return err
	}
	terms, err := h.store.ArchiveTerms(r.Context(), st.ID)
	if err != nil {
		return err
	}
	v := archiveView{base: h.baseFor(r, st, h.T(r, "portalui.archive")+" – "+st.Name, h.T(r, "portalui.archive.desc", st.Name), "luu-tru"),
		Months: months, Terms: terms}
	h.tmpl.Render(w, r, http.StatusOK, "archive", v)
	return nil
}

// archivePeriod lists a month ("2026-11") or a term ("2020-2025").
func (h *handlers) archivePeriod(w http.ResponseWriter, r *http.Request, m *meta) error {
	code := r.PathValue("code")
	var f portal.Filter
	var heading string
	if t, ok := portal.ParseTerm(code); ok {
		f.Term = &t
		heading = h.Text(r, t.Label())
	} else if mt, err := time.Parse("2006-01", code); err == nil && mt.Year() >= 2000 && mt.Year() <= 2100 {
		f.Month = code
		heading = h.T(r, "portalui.month", int(mt.Month()), mt.Year())
	} else {
		return apperr.NotFound("err.404")
	}
	st, err := h.site(r, m)
	if err != nil {
		return err
	}
	return h.listPage(w, r, st, f, heading, "luu-tru")
}

type articleView struct {
	base
	Article  portal.Article
	Body     template.HTML
	URL      string
	Category string
	CatURL   string
	Views    int64
	Tags     []portal.Tag
	Related  []card
	Feedback []portal.Feedback
	MailTo   string
	ShareFB  string
}

func (h *handlers) article(w http.ResponseWriter, r *http.Request, m *meta) error {
	c, ok := portal.CategoryBySlug(r.PathValue("cat"))
	if !ok {
		return apperr.NotFound("err.404")
	}
	st, err := h.site(r, m)
	if err != nil {
		return err
	}
	ctx := r.Context()
	a, err := h.store.PublicArticle(ctx, st.ID, r.PathValue("slug"))
	if err != nil {
		return err
	}
	if a.Category != c {
		http.Redirect(w, r, articleURL(st, a), http.StatusMovedPermanently)
		return nil
	}
	m.article = a.ID
	related, err := h.store.Related(ctx, a, 5)
	if err != nil {
		return err
	}
	fb, err := h.store.PublicFeedback(ctx, st.ID, a.ID)
	if err != nil {
		return err
	}
	desc := a.Lead
	if desc == "" {
		desc = portal.TextOf(a.Body)
	}
	v := articleView{base: h.baseFor(r, st, a.Headline, portal.Excerpt(desc, 160), c.Slug()), Article: a,
		Body: template.HTML(portal.Sanitize(a.Body)), Category: h.Text(r, c.Label()), CatURL: catURL(st, c),
		Views: a.Views + h.store.PendingViews(a.ID), Related: h.cards(st, related), Feedback: fb}
	v.OGType = "article"
	v.URL = v.Canonical
	if a.Image != nil {
		v.OGImage = v.Origin + imageURL(st.Slug, a.Image, a.Image.Largest())
	}
	for _, t := range a.Tags {
		v.Tags = append(v.Tags, portal.Tag{Slug: portal.Slugify(t), Name: t})
	}
	v.MailTo = "mailto:?subject=" + url.PathEscape(a.Headline) + "&body=" + url.PathEscape(a.Headline+"\n"+v.URL)
	v.ShareFB = "https://www.facebook.com/sharer/sharer.php?u=" + url.QueryEscape(v.URL)
	h.tmpl.Render(w, r, http.StatusOK, "article", v)
	return nil
}

type contactView struct {
	base
	About []string // paragraphs
}

func paragraphs(s string) []string {
	var out []string
	for p := range strings.SplitSeq(s, "\n\n") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

func (h *handlers) contact(w http.ResponseWriter, r *http.Request, m *meta) error {
	st, err := h.site(r, m)
	if err != nil {
		return err
	}
	v := contactView{base: h.baseFor(r, st, h.T(r, "portalui.contact")+" – "+st.Name, h.T(r, "portalui.contact.desc", st.Name), "lien-he"),
		About: paragraphs(st.About)}
	v.AltVI, v.AltEN = v.Canonical, v.Origin+"/trang/"+st.Slug+"/en"
	h.tmpl.Render(w, r, http.StatusOK, "contact", v)
	return nil
}

func (h *handlers) english(w http.ResponseWriter, r *http.Request, m *meta) error {
	st, err := h.site(r, m)
	if err != nil {
		return err
	}
	name := st.NameEN
	if name == "" {
		name = st.Name
	}
	about := st.AboutEN
	v := contactView{base: h.baseFor(r, st, name, h.T(r, "portalui.contact.desc", name), "en"), About: paragraphs(about)}
	v.Sections = nil
	v.AltVI, v.AltEN = v.Origin+"/trang/"+st.Slug+"/lien-he", v.Canonical
	h.tmpl.Render(w, r, http.StatusOK, "english", v)
	return nil
}

type frontView struct {
	base
	Sites  []portal.Site
	Latest []card
}

// front is the national front page: every site, and the latest news of
// all of them.
func (h *handlers) front(w http.ResponseWriter, r *http.Request, m *meta) error {
	ctx := r.Context()
	var err error
	if m.stamp, err = h.store.Stamp(ctx, 0); err != nil {
		return err
	}
	sites, err := h.store.PublicSites(ctx)
	if err != nil {
		return err
	}
	bySite := map[int64]portal.Site{}
	for _, s := range sites {
		bySite[s.ID] = s
	}
	latest, _, err := h.store.PublicArticles(ctx, 0, portal.Filter{Limit: 20, NoTotal: true})
	if err != nil {
		return err
	}
	v := frontView{base: h.baseFor(r, portal.Site{}, h.T(r, "portalui.front.title"), h.T(r, "portalui.front.desc"), ""), Sites: sites}
	for _, a := range latest {
		st := bySite[a.SiteID]
		v.Latest = append(v.Latest, h.cards(st, []portal.Article{a})...)
	}
	h.tmpl.Render(w, r, http.StatusOK, "front", v)
	return nil
}

// image serves a stored size of an article's picture: for a year to
// anyone when its article is live (a stored size never changes), else
// privately to the site's editors.
func (h *handlers) image(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	st, err := h.store.PublicSite(r.Context(), r.PathValue("site"))
	if err != nil {
		return err
	}
	id, err := kit.PathID(r, "id")
	if err != nil {
		return err
	}
	width, err := strconv.Atoi(r.PathValue("w"))
	if err != nil {
		return apperr.NotFound("err.404")
	}
	data, public, err := h.store.OpenImage(r.Context(), p, st.ID, id, width)
	if err != nil {
		return err
	}
	hd := w.Header()
	hd.Set("Content-Type", "image/jpeg")
	hd.Del("Set-Cookie")
	if public {
		hd.Set("Cache-Control", "public, max-age=31536000, immutable")
	} else {
		hd.Set("Cache-Control", "private, no-store")
	}
	hd.Set("Content-Length", strconv.Itoa(len(data)))
	w.Write(data)
	return nil
}

type feedbackView struct {
	base
	CSRF    string
	Article *portal.Article
	Name    string
	Email   string
	Body    string
	Errors  kit.Errors
	Sent    bool
}

// feedbackBase is the shared part of the feedback page.
func (h *handlers) feedbackBase(r *http.Request, st portal.Site) base {
	b := h.baseFor(r, st, h.T(r, "portalui.feedback.title")+" – "+st.Name, h.T(r, "portalui.feedback.desc", st.Name), "")
	b.Canonical = b.Origin + "/trang/" + st.Slug + "/gop-y"
	return b
}

// feedbackFor reads the site and the article (?bai=) a message is about.
func (h *handlers) feedbackFor(r *http.Request) (portal.Site, *portal.Article, error) {
	st, err := h.store.PublicSite(r.Context(), r.PathValue("site"))
	if err != nil {
		return portal.Site{}, nil, err
	}
	id := kit.FormID(r.FormValue("bai"))
	if id == 0 {
		return st, nil, nil
	}
	list, _, err := h.store.PublicArticles(r.Context(), st.ID, portal.Filter{Limit: 1, ID: id})
	if err != nil {
		return portal.Site{}, nil, err
	}
	if len(list) == 0 {
		return portal.Site{}, nil, apperr.NotFound("portal.err.article_not_found")
	}
	return st, &list[0], nil
}

func (h *handlers) feedbackForm(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	st, a, err := h.feedbackFor(r)
	if err != nil {
		return err
	}
	v := feedbackView{base: h.feedbackBase(r, st), CSRF: kit.CSRFToken(r), Article: a, Sent: r.URL.Query().Get("da-gui") == "1"}
	w.Header().Set("Cache-Control", "no-store")
	h.tmpl.Render(w, r, http.StatusOK, "feedback", v)
	return nil
}

func (h *handlers) feedbackSend(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	st, a, err := h.feedbackFor(r)
	if err != nil {
		return err
	}
	in := portal.FeedbackInput{Name: r.PostFormValue("ten"), Email: r.PostFormValue("email"), Body: r.PostFormValue("noi_dung"),
		Trap: r.PostFormValue("website"), Addr: audit.ActorFrom(r.Context()).Addr}
	if a != nil {
		in.ArticleID = a.ID
	}
	_, err = h.store.SendFeedback(r.Context(), st.ID, in)
	if err != nil && !isUserError(err) {
		return err
	}
	if err != nil {
		v := feedbackView{base: h.feedbackBase(r, st), CSRF: kit.CSRFToken(r), Article: a, Name: in.Name, Email: in.Email, Body: in.Body,
			Errors: h.FormErrors(r, err)}
		h.tmpl.Render(w, r, kit.Status(err), "feedback", v)
		return nil
	}
	next := "/trang/" + st.Slug + "/gop-y?da-gui=1"
	if a != nil {
		next += "&bai=" + strconv.FormatInt(a.ID, 10)
	}
	http.Redirect(w, r, next, http.StatusSeeOther)
	return nil
}

// isUserError reports whether err is the sender's to fix (shown on the
// form) rather than the server's.
func isUserError(err error) bool {
	var es apperr.Errors
	return apperr.CodeOf(err) == apperr.CodeInvalid || errors.As(err, &es)
}

// datetime shows a moment in Vietnam's time: "14:05 20/11/2026".
func datetime(t time.Time) string { return vntext.FormatDateTime(t) }

// isoTime is a moment for machines (<time datetime>, Open Graph).
func isoTime(t time.Time) string { return t.In(vntext.Zone).Format(time.RFC3339) }

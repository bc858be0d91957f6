package portalui

import (
	"encoding/xml"
	"net/http"
	"time"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/portal"
)

// RSS 2.0 of a site's latest articles, and its sitemap, both kept like
// every public page.

type rssDoc struct {
	XMLName xml.Name   `xml:"rss"`
	Version string     `xml:"version,attr"`
	Atom    string     `xml:"xmlns:atom,attr"`
	Channel rssChannel `xml:"channel"`
}

type rssChannel struct {
	Title       string    `xml:"title"`
	Link        string    `xml:"link"`
	Self        atomLink  `xml:"atom:link"`
	Description string    `xml:"description"`
	Language    string    `xml:"language"`
	LastBuild   string    `xml:"lastBuildDate,omitempty"`
	Items       []rssItem `xml:"item"`
}

type atomLink struct {
	Href string `xml:"href,attr"`
	Rel  string `xml:"rel,attr"`
	Type string `xml:"type,attr"`
}

type rssItem struct {
	Title       string  `xml:"title"`
	Link        string  `xml:"link"`
	GUID        rssGUID `xml:"guid"`
	Description string  `xml:"description"`
	Category    string  `xml:"category"`
	PubDate     string  `xml:"pubDate"`
}

type rssGUID struct {
	IsPermaLink bool   `xml:"isPermaLink,attr"`
	Value       string `xml:",chardata"`
}

func (h *handlers) rss(w http.ResponseWriter, r *http.Request, m *meta) error {
	st, err := h.site(r, m)
	if err != nil {
		return err
	}
	m.ctype = "application/rss+xml; charset=utf-8"
	items, _, err := h.store.PublicArticles(r.Context(), st.ID, portal.Filter{Limit: 20, NoTotal: true})
	if err != nil {
		return err
	}
	o := h.origin(r)
	doc := rssDoc{Version: "2.0", Atom: "http://www.w3.org/2005/Atom", Channel: rssChannel{Title: st.Name, Link: o + "/trang/" + st.Slug,
		Self:        atomLink{Href: o + "/trang/" + st.Slug + "/rss.xml", Rel: "self", Type: "application/rss+xml"},
		Description: h.T(r, "portalui.home.desc", st.Name), Language: "vi"}}
	if !m.stamp.Changed.IsZero() {
		doc.Channel.LastBuild = m.stamp.Changed.UTC().Format(time.RFC1123Z)
	}
	for _, a := range items {
		link := o + articleURL(st, a)
		doc.Channel.Items = append(doc.Channel.Items, rssItem{Title: a.Headline, Link: link, GUID: rssGUID{IsPermaLink: true, Value: link},
			Description: a.Lead, Category: h.Text(r, a.Category.Label()), PubDate: a.PublishAt.UTC().Format(time.RFC1123Z)})
	}
	return writeXML(w, doc)
}

type urlSet struct {
	XMLName xml.Name  `xml:"urlset"`
	NS      string    `xml:"xmlns,attr"`
	URLs    []siteURL `xml:"url"`
}

type siteURL struct {
	Loc     string `xml:"loc"`
	LastMod string `xml:"lastmod,omitempty"`
}

// maxSitemap bounds the articles a sitemap lists (the format allows
// 50.000 addresses a file).
const maxSitemap = 5000

func (h *handlers) sitemap(w http.ResponseWriter, r *http.Request, m *meta) error {
	st, err := h.site(r, m)
	if err != nil {
		return err
	}
	m.ctype = "application/xml; charset=utf-8"
	o := h.origin(r)
	set := urlSet{NS: "http://www.sitemaps.org/schemas/sitemap/0.9"}
	set.URLs = append(set.URLs, siteURL{Loc: o + "/trang/" + st.Slug})
	for _, c := range portal.Categories {
		set.URLs = append(set.URLs, siteURL{Loc: o + catURL(st, c)})
	}
	for _, p := range []string{"/van-ban", "/tham-do", "/luu-tru", "/lien-he", "/en"} {
		set.URLs = append(set.URLs, siteURL{Loc: o + "/trang/" + st.Slug + p})
	}
	for off := 0; off < maxSitemap; off += 100 {
		items, _, err := h.store.PublicArticles(r.Context(), st.ID, portal.Filter{Limit: 100, Offset: off, NoTotal: true})
		if err != nil {
			return err
		}
		for _, a := range items {
			set.URLs = append(set.URLs, siteURL{Loc: o + articleURL(st, a), LastMod: a.Updated.UTC().Format("2006-01-02")})
		}
		if len(items) < 100 {
			break
		}
	}
	return writeXML(w, set)
}

func writeXML(w http.ResponseWriter, v any) error {
	w.WriteHeader(http.StatusOK)
	w.Write([]byte(xml.Header))
	return xml.NewEncoder(w).Encode(v)
}

// Atom 1.0 (RFC 4287) of the latest articles: of every site
// (/trang/atom.xml), of a site (/trang/<site>/atom.xml) and of one of its
// sections (/trang/<site>/atom/<section>).

type atomFeed struct {
	XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Lang    string      `xml:"xml:lang,attr"`
	ID      string      `xml:"id"`
	Title   string      `xml:"title"`
	Updated string      `xml:"updated"`
	Author  atomPerson  `xml:"author"`
	Links   []atomLink  `xml:"link"`
	Entries []atomEntry `xml:"entry"`
}

type atomPerson struct {
	Name string `xml:"name"`
}

type atomText struct {
	Type  string `xml:"type,attr"`
	Value string `xml:",chardata"`
}

type atomEntry struct {
	ID        string     `xml:"id"`
	Title     string     `xml:"title"`
	Updated   string     `xml:"updated"`
	Published string     `xml:"published"`
	Link      atomLink   `xml:"link"`
	Summary   *atomText  `xml:"summary,omitempty"`
	Category  atomCat    `xml:"category"`
	Author    atomPerson `xml:"author"`
}

type atomCat struct {
	Term  string `xml:"term,attr"`
	Label string `xml:"label,attr"`
}

// atomSize is how many entries a feed holds.
const atomSize = 20

// atom is a site's feed, or one section's (path value "cat").
func (h *handlers) atom(w http.ResponseWriter, r *http.Request, m *meta) error {
	f := portal.Filter{Limit: atomSize, NoTotal: true}
	if slug := r.PathValue("cat"); slug != "" {
		c, ok := portal.CategoryBySlug(slug)
		if !ok {
			return apperr.NotFound("err.404")
		}
		f.Category = c
	}
	st, err := h.site(r, m)
	if err != nil {
		return err
	}
	items, _, err := h.store.PublicArticles(r.Context(), st.ID, f)
	if err != nil {
		return err
	}
	o := h.origin(r)
	home, title := o+"/trang/"+st.Slug, st.Name
	if f.Category != "" {
		home, title = o+catURL(st, f.Category), h.Text(r, f.Category.Label())+" – "+st.Name
	}
	return h.writeAtom(w, r, m, title, home, st.Name, items, map[int64]portal.Site{st.ID: st})
}

// atomAll is the feed of every site's latest articles.
func (h *handlers) atomAll(w http.ResponseWriter, r *http.Request, m *meta) error {
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
	items, _, err := h.store.PublicArticles(ctx, 0, portal.Filter{Limit: atomSize, NoTotal: true})
	if err != nil {
		return err
	}
	title := h.T(r, "portalui.front.title")
	return h.writeAtom(w, r, m, title, h.origin(r)+"/trang", title, items, bySite)
}

func (h *handlers) writeAtom(w http.ResponseWriter, r *http.Request, m *meta, title, home, author string, items []portal.Article, sites map[int64]portal.Site) error {
	m.ctype = "application/atom+xml; charset=utf-8"
	o := h.origin(r)
	updated := m.stamp.Changed
	if len(items) > 0 && items[0].PublishAt.After(updated) {
		updated = items[0].PublishAt
	}
	if updated.IsZero() {
		updated = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	self := o + r.URL.EscapedPath()
	feed := atomFeed{Lang: "vi", ID: self, Title: title, Updated: updated.UTC().Format(time.RFC3339), Author: atomPerson{Name: author},
		Links: []atomLink{{Href: self, Rel: "self", Type: "application/atom+xml"}, {Href: home, Rel: "alternate", Type: "text/html"}}}
	for _, a := range items {
		st := sites[a.SiteID]
		link := o + articleURL(st, a)
		e := atomEntry{ID: link, Title: a.Headline, Updated: maxTime(a.Updated, a.PublishAt).UTC().Format(time.RFC3339),
			Published: a.PublishAt.UTC().Format(time.RFC3339), Link: atomLink{Href: link, Rel: "alternate", Type: "text/html"},
			Category: atomCat{Term: a.Category.Slug(), Label: h.Text(r, a.Category.Label())}, Author: atomPerson{Name: st.Name}}
		if a.Lead != "" {
			e.Summary = &atomText{Type: "text", Value: a.Lead}
		}
		feed.Entries = append(feed.Entries, e)
	}
	return writeXML(w, feed)
}

func maxTime(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

type sitemapIndex struct {
	XMLName  xml.Name  `xml:"sitemapindex"`
	NS       string    `xml:"xmlns,attr"`
	Sitemaps []siteURL `xml:"sitemap"`
}

// sitemapAll is the index of every site's sitemap, which robots.txt names.
func (h *handlers) sitemapAll(w http.ResponseWriter, r *http.Request, m *meta) error {
	var err error
	if m.stamp, err = h.store.Stamp(r.Context(), 0); err != nil {
		return err
	}
	sites, err := h.store.PublicSites(r.Context())
	if err != nil {
		return err
	}
	m.ctype = "application/xml; charset=utf-8"
	o := h.origin(r)
	idx := sitemapIndex{NS: "http://www.sitemaps.org/schemas/sitemap/0.9"}
	for _, st := range sites {
		idx.Sitemaps = append(idx.Sitemaps, siteURL{Loc: o + "/trang/" + st.Slug + "/sitemap.xml"})
	}
	return writeXML(w, idx)
}

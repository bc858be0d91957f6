package portalui

import (
	"encoding/xml"
	"net/http"
	"time"

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
	items, _, err := h.store.PublicArticles(r.Context(), st.ID, portal.Filter{Limit: 20})
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
	for _, p := range []string{"/luu-tru", "/lien-he", "/en"} {
		set.URLs = append(set.URLs, siteURL{Loc: o + "/trang/" + st.Slug + p})
	}
	for off := 0; off < maxSitemap; off += 100 {
		items, _, err := h.store.PublicArticles(r.Context(), st.ID, portal.Filter{Limit: 100, Offset: off})
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

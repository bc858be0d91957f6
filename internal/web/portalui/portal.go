// Package portalui serves the public portal: each unit's news site under
// /trang/<site> (home, sections, articles with readable slugs, related
// articles, the archive by month and by term, search, contact, an English
// page, reader feedback), the national front page /trang, and the
// editors' pages under /bien-tap. The public pages are kept in memory
// and are cacheable by any proxy (see cache.go); the editors' pages are
// signed-in pages like every other. Who may do what is decided by
// package portal.
package portalui

import (
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"html/template"
	"io/fs"
	"net/http"
	"strconv"

	"github.com/danvan/danvan/internal/i18n"
	"github.com/danvan/danvan/internal/portal"
	"github.com/danvan/danvan/internal/web/kit"
)

//go:embed all:templates
var templates embed.FS

//go:embed portal.css
var css []byte

// cssName is the stylesheet's address, named by its content so that
// browsers may keep it for a year.
var cssName = func() string {
	sum := sha256.Sum256(css)
	return "/tai-nguyen/trang-" + hex.EncodeToString(sum[:6]) + ".css"
}()

type handlers struct {
	*kit.Kit
	tmpl  *kit.Templates
	store *portal.Store
	cache *pageCache
	hosts hostMap
}

// Mount returns the portal's routes and the editors' link in the header.
func Mount(k *kit.Kit) (kit.Feature, error) {
	fsys, err := fs.Sub(templates, "templates")
	if err != nil {
		return kit.Feature{}, err
	}
	h := &handlers{Kit: k, store: portal.NewStore(k.DB, k.Org, k.Auth, k.Files), cache: newPageCache()}
	funcs := template.FuncMap{
		"css":      func() string { return cssName },
		"srcset":   srcset,
		"imageURL": imageURL,
		"catURL":   catURL,
		"artURL":   articleURL,
		"datetime": datetime,
		"iso":      isoTime,
	}
	if h.tmpl, err = k.Templates(fsys, funcs); err != nil {
		return kit.Feature{}, err
	}
	vi, en := i18n.VI, i18n.EN
	return kit.Feature{
		Routes: []kit.Route{
			{Pattern: "GET " + cssName, Handler: serveCSS},
			{Pattern: "GET /trang", Handler: h.public(vi, h.front)},
			{Pattern: "GET /trang/{site}", Handler: h.public(vi, h.home)},
			{Pattern: "GET /trang/{site}/{cat}", Handler: h.public(vi, h.category)},
			{Pattern: "GET /trang/{site}/{cat}/{slug}", Handler: h.public(vi, h.article)},
			{Pattern: "GET /trang/{site}/the/{tag}", Handler: h.public(vi, h.tag)},
			{Pattern: "GET /trang/{site}/luu-tru", Handler: h.public(vi, h.archive)},
			{Pattern: "GET /trang/{site}/luu-tru/{code}", Handler: h.public(vi, h.archivePeriod)},
			{Pattern: "GET /trang/{site}/tim-kiem", Handler: h.public(vi, h.search)},
			{Pattern: "GET /trang/{site}/lien-he", Handler: h.public(vi, h.contact)},
			{Pattern: "GET /trang/{site}/en", Handler: h.public(en, h.english)},
			{Pattern: "GET /trang/{site}/gop-y", Handler: inVI(k.Public(h.feedbackForm))},
			{Pattern: "POST /trang/{site}/gop-y", Handler: inVI(k.Public(h.feedbackSend))},
			{Pattern: "GET /trang/{site}/tham-do", Handler: h.public(vi, h.polls)},
			{Pattern: "GET /trang/{site}/tham-do/{id}", Handler: inVI(k.Public(h.pollShow))},
			{Pattern: "POST /trang/{site}/tham-do/{id}", Handler: inVI(k.Public(h.pollVote))},
			{Pattern: "GET /trang/{site}/van-ban", Handler: h.public(vi, h.documents)},
			{Pattern: "GET /trang/{site}/van-ban/{id}/tep", Handler: k.Public(h.documentFile)},
			{Pattern: "GET /trang/{site}/rss.xml", Handler: h.public(vi, h.rss)},
			{Pattern: "GET /trang/{site}/atom.xml", Handler: h.public(vi, h.atom)},
			{Pattern: "GET /trang/{site}/atom/{cat}", Handler: h.public(vi, h.atom)},
			{Pattern: "GET /trang/atom.xml", Handler: h.public(vi, h.atomAll)},
			{Pattern: "GET /trang/sitemap.xml", Handler: h.public(vi, h.sitemapAll)},
			{Pattern: "GET /robots.txt", Handler: h.robots},
			{Pattern: "GET /trang/{site}/sitemap.xml", Handler: h.public(vi, h.sitemap)},
			{Pattern: "GET /trang/{site}/anh/{id}/{w}", Handler: k.Public(h.image)},

			{Pattern: "GET /bien-tap", Handler: k.Signed(h.sites)},
			{Pattern: "POST /bien-tap", Handler: k.Signed(h.siteCreate)},
			{Pattern: "GET /bien-tap/{site}", Handler: k.Signed(h.articles)},
			{Pattern: "GET /bien-tap/{site}/bai-moi", Handler: k.Signed(h.newForm)},
			{Pattern: "POST /bien-tap/{site}/bai-moi", Handler: k.Signed(h.create)},
			{Pattern: "GET /bien-tap/{site}/viet-tin/{conf}", Handler: k.Signed(h.writeUp)},
			{Pattern: "GET /bien-tap/{site}/viet-tin/mo-hinh/{id}", Handler: k.Signed(h.writeUpPractice)},
			{Pattern: "GET /bien-tap/{site}/viet-tin/van-ban/{id}", Handler: k.Signed(h.writeUpDocument)},
			{Pattern: "POST /bien-tap/{site}/anh", Handler: k.Signed(h.upload)},
			{Pattern: "GET /bien-tap/{site}/phan-hoi", Handler: k.Signed(h.queue)},
			{Pattern: "GET /bien-tap/{site}/van-ban", Handler: k.Signed(h.editorDocs)},
			{Pattern: "POST /bien-tap/{site}/van-ban", Handler: k.Signed(h.docList)},
			{Pattern: "POST /bien-tap/{site}/van-ban/{id}/go", Handler: k.Signed(h.docUnlist)},
			{Pattern: "GET /bien-tap/{site}/tham-do", Handler: k.Signed(h.editorPolls)},
			{Pattern: "POST /bien-tap/{site}/tham-do", Handler: k.Signed(h.pollCreate)},
			{Pattern: "POST /bien-tap/{site}/tham-do/{id}/dong", Handler: k.Signed(h.pollClose)},
			{Pattern: "POST /bien-tap/{site}/phan-hoi/{id}", Handler: k.Signed(h.moderate)},
			{Pattern: "GET /bien-tap/{site}/bai/{id}", Handler: k.Signed(h.editForm)},
			{Pattern: "POST /bien-tap/{site}/bai/{id}", Handler: k.Signed(h.edit)},
			{Pattern: "POST /bien-tap/{site}/bai/{id}/{action}", Handler: k.Signed(h.move)},
		},
		Nav:  []kit.NavLink{{Href: "/bien-tap", Key: "portalui.nav", Show: kit.SignedIn}},
		Wrap: h.byHost,
	}, nil
}

// inVI serves a site's page in Vietnamese, as every page of a site is.
func inVI(next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		next(w, r.WithContext(kit.WithLang(r.Context(), i18n.VI)))
	}
}

func serveCSS(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/css; charset=utf-8")
	w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
	w.Header().Del("Set-Cookie")
	w.Write(css)
}

func catURL(st portal.Site, c portal.Category) string { return "/trang/" + st.Slug + "/" + c.Slug() }

func articleURL(st portal.Site, a portal.Article) string {
	return "/trang/" + st.Slug + "/" + a.Category.Slug() + "/" + a.Slug
}

func imageURL(siteSlug string, im *portal.Image, w int) string {
	return "/trang/" + siteSlug + "/anh/" + strconv.FormatInt(im.ID, 10) + "/" + strconv.Itoa(w)
}

// srcset lists an image's sizes for the browser to choose from.
func srcset(siteSlug string, im *portal.Image) string {
	var out []byte
	for i, w := range im.Widths {
		if i > 0 {
			out = append(out, ", "...)
		}
		out = append(out, imageURL(siteSlug, im, w)...)
		out = append(out, ' ')
		out = strconv.AppendInt(out, int64(w), 10)
		out = append(out, 'w')
	}
	return string(out)
}

package portalui

import (
	"context"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/org"
	"github.com/danvan/danvan/internal/portal"
	"github.com/danvan/danvan/internal/vntext"
	"github.com/danvan/danvan/internal/web/kit"
)

// The editors' pages: the sites one may edit, a site's articles, writing
// and editing, the workflow's buttons, images, and the feedback queue.

type sitesView struct {
	kit.Page
	Sites  []portal.Site
	Units  []org.Unit // where p may open a site (admin)
	Input  portal.SiteInput
	Errors kit.Errors
}

func (h *handlers) sitesPage(w http.ResponseWriter, r *http.Request, p *auth.Principal, in portal.SiteInput, errs kit.Errors, status int) error {
	sites, err := h.store.EditableSites(r.Context(), p)
	if err != nil {
		return err
	}
	units, err := h.Auth.GrantedUnits(r.Context(), p, auth.PermAdmin, h.Today())
	if err != nil {
		return err
	}
	h.tmpl.Render(w, r, status, "editor/sites", sitesView{Page: h.Page(w, r, "portalui.editor.title"), Sites: sites, Units: units, Input: in, Errors: errs})
	return nil
}

func (h *handlers) sites(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	return h.sitesPage(w, r, p, portal.SiteInput{}, nil, http.StatusOK)
}

func (h *handlers) siteCreate(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	in := portal.SiteInput{UnitID: kit.FormID(r.PostFormValue("unit")), Slug: r.PostFormValue("slug"), Name: r.PostFormValue("name"),
		NameEN: r.PostFormValue("name_en"), Tagline: r.PostFormValue("tagline"), Address: r.PostFormValue("address"),
		Phone: r.PostFormValue("phone"), Email: r.PostFormValue("email"), Editor: r.PostFormValue("editor"),
		About: r.PostFormValue("about"), AboutEN: r.PostFormValue("about_en")}
	st, err := h.store.CreateSite(r.Context(), p, in)
	if err != nil {
		if !isUserError(err) && apperr.CodeOf(err) != apperr.CodeConflict {
			return err
		}
		return h.sitesPage(w, r, p, in, h.FormErrors(r, err), kit.Status(err))
	}
	h.SetFlash(w, r, "portalui.flash.site_created")
	http.Redirect(w, r, "/bien-tap/"+strconv.FormatInt(st.ID, 10), http.StatusSeeOther)
	return nil
}

// editorSite reads the site of the path for p.
func (h *handlers) editorSite(r *http.Request, p *auth.Principal) (portal.Site, error) {
	id, err := kit.PathID(r, "site")
	if err != nil {
		return portal.Site{}, err
	}
	return h.store.Site(r.Context(), p, id)
}

type articlesView struct {
	kit.Page
	Site       portal.Site
	Items      []portal.Article
	Status     string
	Statuses   []portal.Status
	Pager      kit.Pager
	CanWrite   bool
	CanApprove bool
	Now        time.Time
}

func (h *handlers) articles(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	st, err := h.editorSite(r, p)
	if err != nil {
		return err
	}
	status := r.URL.Query().Get("trang-thai")
	page, offset := kit.PageParams(r, kit.DefaultPageSize)
	items, total, err := h.store.Articles(r.Context(), p, st.ID, portal.Filter{Status: portal.Status(status),
		Search: r.URL.Query().Get("q"), Limit: kit.DefaultPageSize, Offset: offset})
	if err != nil {
		return err
	}
	h.tmpl.Render(w, r, http.StatusOK, "editor/articles", articlesView{Page: h.Page(w, r, "portalui.editor.articles"), Site: st,
		Items: items, Status: status, Statuses: portal.Statuses, Pager: kit.NewPager(r, page, kit.DefaultPageSize, total),
		CanWrite: h.store.Can(r.Context(), p, auth.PermWrite, st), CanApprove: h.store.Can(r.Context(), p, auth.PermApprove, st),
		Now: h.store.Now()})
	return nil
}

type editView struct {
	kit.Page
	Site       portal.Site
	Article    portal.Article // zero for a new one
	Input      portal.ArticleInput
	Categories []portal.Category
	Images     []portal.Image
	Versions   []portal.Version
	Errors     kit.Errors
	CanWrite   bool
	CanApprove bool
	Live       bool
	Scheduled  bool
	Public     string
}

func (h *handlers) editPage(w http.ResponseWriter, r *http.Request, p *auth.Principal, st portal.Site, a portal.Article, in portal.ArticleInput,
	errs kit.Errors, status int) error {
	ctx := r.Context()
	images, err := h.store.SiteImages(ctx, p, st.ID, a.ID)
	if err != nil {
		return err
	}
	v := editView{Page: h.Page(w, r, "portalui.editor.new"), Site: st, Article: a, Input: in, Categories: portal.Categories, Images: images,
		Errors: errs, CanWrite: h.store.Can(ctx, p, auth.PermWrite, st), CanApprove: h.store.Can(ctx, p, auth.PermApprove, st)}
	if a.ID != 0 {
		v.Title = a.Headline
		if v.Versions, err = h.store.Versions(ctx, p, a.ID); err != nil {
			return err
		}
		now := h.store.Now()
		v.Live, v.Scheduled = a.Live(now), a.Scheduled(now)
		if v.Live {
			v.Public = articleURL(st, a)
		}
	}
	h.tmpl.Render(w, r, status, "editor/edit", v)
	return nil
}

func articleInput(r *http.Request) portal.ArticleInput {
	return portal.ArticleInput{Category: portal.Category(r.PostFormValue("category")), Headline: r.PostFormValue("headline"),
		Lead: r.PostFormValue("lead"), Body: r.PostFormValue("body"), Tags: r.PostFormValue("tags"), Slug: r.PostFormValue("slug"),
		ImageID: kit.FormID(r.PostFormValue("image")), Version: int64(kit.FormID(r.PostFormValue("version"))),
		RecordKind: portal.RecordKind(r.PostFormValue("record_kind")), RecordID: kit.FormID(r.PostFormValue("record_id"))}
}

// writeUp is the new-article form prefilled from a conference ("Viết
// tin"): nothing is saved until the editor saves it.
func (h *handlers) writeUp(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	return h.writeUpFrom(w, r, p, "conf", h.store.DraftFromConference)
}

// writeUpPractice is the new-article form prefilled from a recognized
// "Dân vận khéo" model.
func (h *handlers) writeUpPractice(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	return h.writeUpFrom(w, r, p, "id", h.store.DraftFromPractice)
}

// writeUpDocument is the new-article form prefilled from an issued
// document.
func (h *handlers) writeUpDocument(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	return h.writeUpFrom(w, r, p, "id", h.store.DraftFromDocument)
}

// writeUpFrom opens the new-article form of the path's site prefilled by
// draft from the record named by the path value key.
func (h *handlers) writeUpFrom(w http.ResponseWriter, r *http.Request, p *auth.Principal, key string,
	draft func(ctx context.Context, p *auth.Principal, siteID, id int64) (portal.ArticleInput, error)) error {
	siteID, err := kit.PathID(r, "site")
	if err != nil {
		return err
	}
	id, err := kit.PathID(r, key)
	if err != nil {
		return err
	}
	in, err := draft(r.Context(), p, siteID, id)
	if err != nil {
		return err
	}
	st, err := h.store.Site(r.Context(), p, siteID)
	if err != nil {
		return err
	}
	return h.editPage(w, r, p, st, portal.Article{}, in, nil, http.StatusOK)
}

func (h *handlers) newForm(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	st, err := h.editorSite(r, p)
	if err != nil {
		return err
	}
	if err := h.Auth.Require(r.Context(), p, auth.PermWrite, st.UnitID); err != nil {
		return err
	}
	return h.editPage(w, r, p, st, portal.Article{}, portal.ArticleInput{Category: portal.News}, nil, http.StatusOK)
}

func (h *handlers) create(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	st, err := h.editorSite(r, p)
	if err != nil {
		return err
	}
	in := articleInput(r)
	a, err := h.store.CreateArticle(r.Context(), p, st.ID, in)
	if err != nil {
		if !isUserError(err) {
			return err
		}
		return h.editPage(w, r, p, st, portal.Article{}, in, h.FormErrors(r, err), kit.Status(err))
	}
	h.SetFlash(w, r, "portalui.flash.saved")
	http.Redirect(w, r, editURL(st.ID, a.ID), http.StatusSeeOther)
	return nil
}

func editURL(site, id int64) string {
	return "/bien-tap/" + strconv.FormatInt(site, 10) + "/bai/" + strconv.FormatInt(id, 10)
}

// editorArticle reads the article of the path, which must be of the
// path's site.
func (h *handlers) editorArticle(r *http.Request, p *auth.Principal) (portal.Article, portal.Site, error) {
	id, err := kit.PathID(r, "id")
	if err != nil {
		return portal.Article{}, portal.Site{}, err
	}
	a, st, err := h.store.Article(r.Context(), p, id)
	if err != nil {
		return portal.Article{}, portal.Site{}, err
	}
	if strconv.FormatInt(st.ID, 10) != r.PathValue("site") {
		return portal.Article{}, portal.Site{}, apperr.NotFound("portal.err.article_not_found")
	}
	return a, st, nil
}

func inputOf(a portal.Article) portal.ArticleInput {
	return portal.ArticleInput{Category: a.Category, Headline: a.Headline, Lead: a.Lead, Body: a.Body, Tags: strings.Join(a.Tags, ", "),
		Slug: a.Slug, ImageID: a.ImageID, RecordKind: a.RecordKind, RecordID: a.RecordID, Version: a.Version}
}

func (h *handlers) editForm(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	a, st, err := h.editorArticle(r, p)
	if err != nil {
		return err
	}
	return h.editPage(w, r, p, st, a, inputOf(a), nil, http.StatusOK)
}

func (h *handlers) edit(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	a, st, err := h.editorArticle(r, p)
	if err != nil {
		return err
	}
	in := articleInput(r)
	if _, err := h.store.UpdateArticle(r.Context(), p, a.ID, in); err != nil {
		if !isUserError(err) && apperr.CodeOf(err) != apperr.CodeConflict {
			return err
		}
		return h.editPage(w, r, p, st, a, in, h.FormErrors(r, err), kit.Status(err))
	}
	h.SetFlash(w, r, "portalui.flash.saved")
	http.Redirect(w, r, editURL(st.ID, a.ID), http.StatusSeeOther)
	return nil
}

// move runs a step of the workflow: gui (submit), dang (publish, now or
// at the moment typed), go (unpublish), tra-lai (return).
func (h *handlers) move(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	a, st, err := h.editorArticle(r, p)
	if err != nil {
		return err
	}
	ctx := r.Context()
	version := int64(kit.FormID(r.PostFormValue("version")))
	note := r.PostFormValue("note")
	var flash string
	switch r.PathValue("action") {
	case "gui":
		err, flash = ignore(h.store.Submit(ctx, p, a.ID, version)), "portalui.flash.submitted"
	case "dang":
		var at time.Time
		if at, err = formMoment(r.PostFormValue("publish_at")); err == nil {
			var got portal.Article
			got, err = h.store.Publish(ctx, p, a.ID, version, at)
			flash = "portalui.flash.published"
			if err == nil && got.Scheduled(h.store.Now()) {
				flash = "portalui.flash.scheduled"
			}
		}
	case "go":
		err, flash = ignore(h.store.Unpublish(ctx, p, a.ID, version, note)), "portalui.flash.unpublished"
	case "tra-lai":
		err, flash = ignore(h.store.Return(ctx, p, a.ID, version, note)), "portalui.flash.returned"
	default:
		return apperr.NotFound("err.404")
	}
	if err != nil {
		if !isUserError(err) && apperr.CodeOf(err) != apperr.CodeConflict {
			return err
		}
		return h.editPage(w, r, p, st, a, inputOf(a), h.FormErrors(r, err), kit.Status(err))
	}
	h.SetFlash(w, r, flash)
	http.Redirect(w, r, editURL(st.ID, a.ID), http.StatusSeeOther)
	return nil
}

func ignore(_ portal.Article, err error) error { return err }

// formMoment reads a moment typed in a datetime-local field, in Vietnam's
// time; empty is now.
func formMoment(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, nil
	}
	t, err := time.ParseInLocation("2006-01-02T15:04", s, vntext.Zone)
	if err != nil {
		return time.Time{}, apperr.Invalid("publish_at", "portalui.err.moment")
	}
	return t, nil
}

func (h *handlers) upload(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	st, err := h.editorSite(r, p)
	if err != nil {
		return err
	}
	back := "/bien-tap/" + strconv.FormatInt(st.ID, 10) + "/bai-moi"
	if id := kit.FormID(r.PostFormValue("bai")); id != 0 {
		back = editURL(st.ID, id)
	}
	f, fh, err := r.FormFile("image")
	if err != nil {
		h.SetFlash(w, r, "portalui.flash.no_image")
		http.Redirect(w, r, back, http.StatusSeeOther)
		return nil
	}
	defer f.Close()
	if _, err := h.store.AddImage(r.Context(), p, st.ID, portal.ImageUpload{Name: fh.Filename, Alt: r.PostFormValue("alt"), Body: f}); err != nil {
		if !isUserError(err) {
			return err
		}
		h.SetFlash(w, r, "portalui.flash.bad_image")
	} else {
		h.SetFlash(w, r, "portalui.flash.image_added")
	}
	http.Redirect(w, r, back, http.StatusSeeOther)
	return nil
}

type queueView struct {
	kit.Page
	Site     portal.Site
	Status   portal.FeedbackStatus
	Statuses []portal.FeedbackStatus
	Items    []portal.Feedback
	Pager    kit.Pager
}

func (h *handlers) queue(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	st, err := h.editorSite(r, p)
	if err != nil {
		return err
	}
	status := portal.FeedbackStatus(r.URL.Query().Get("trang-thai"))
	if status == "" {
		status = portal.FeedbackPending
	}
	page, offset := kit.PageParams(r, 50)
	items, total, err := h.store.FeedbackQueue(r.Context(), p, st.ID, status, offset)
	if err != nil {
		return err
	}
	h.tmpl.Render(w, r, http.StatusOK, "editor/queue", queueView{Page: h.Page(w, r, "portalui.queue.title"), Site: st, Status: status,
		Statuses: []portal.FeedbackStatus{portal.FeedbackPending, portal.FeedbackApproved, portal.FeedbackRejected}, Items: items,
		Pager: kit.NewPager(r, page, 50, total)})
	return nil
}

func (h *handlers) moderate(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	st, err := h.editorSite(r, p)
	if err != nil {
		return err
	}
	id, err := kit.PathID(r, "id")
	if err != nil {
		return err
	}
	approve := r.PostFormValue("decision") == "approve"
	if err := h.store.Moderate(r.Context(), p, id, approve, r.PostFormValue("reply")); err != nil {
		if !isUserError(err) && apperr.CodeOf(err) != apperr.CodeConflict {
			return err
		}
		h.SetFlash(w, r, "portalui.flash.moderate_failed")
	} else if approve {
		h.SetFlash(w, r, "portalui.flash.approved")
	} else {
		h.SetFlash(w, r, "portalui.flash.rejected")
	}
	http.Redirect(w, r, "/bien-tap/"+strconv.FormatInt(st.ID, 10)+"/phan-hoi", http.StatusSeeOther)
	return nil
}

// MaxImage is the largest image an article takes, for the browser's
// check before it sends one.
func (editView) MaxImage() int64 { return portal.MaxImageSize }

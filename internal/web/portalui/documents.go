package portalui

import (
	"context"
	"net/http"
	"strconv"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/portal"
	"github.com/danvan/danvan/internal/web/kit"
)

// Văn bản: the documents a site lists (a public page like the others,
// each with the fields Nghị định 42/2022 asks for and its PDF), and the
// editors' page where a leader lists and unlists them.

type documentsView struct {
	base
	Docs []portal.ListedDocument
}

func (h *handlers) documents(w http.ResponseWriter, r *http.Request, m *meta) error {
	st, err := h.site(r, m)
	if err != nil {
		return err
	}
	docs, err := h.store.PublicDocuments(r.Context(), st.ID)
	if err != nil {
		return err
	}
	heading := h.T(r, "portalui.documents")
	h.tmpl.Render(w, r, http.StatusOK, "documents", documentsView{base: h.baseFor(r, st, heading+" – "+st.Name,
		h.T(r, "portalui.documents.desc", st.Name), "van-ban"), Docs: docs})
	return nil
}

// documentFile serves a listed document's PDF to anyone.
func (h *handlers) documentFile(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	st, err := h.store.PublicSite(r.Context(), r.PathValue("site"))
	if err != nil {
		return err
	}
	id, err := kit.PathID(r, "id")
	if err != nil {
		return err
	}
	f, err := h.store.PublicDocumentFile(r.Context(), st.ID, id)
	if err != nil {
		return err
	}
	hd := w.Header()
	hd.Del("Set-Cookie")
	hd.Set("Content-Type", f.ContentType)
	hd.Set("Content-Disposition", `inline; filename="`+f.Name+`"`)
	hd.Set("Cache-Control", "public, max-age=300")
	hd.Set("Content-Length", strconv.Itoa(len(f.Data)))
	w.Write(f.Data)
	return nil
}

type editorDocsView struct {
	kit.Page
	Site       portal.Site
	Docs       []portal.ListedDocument
	CanApprove bool
	Errors     kit.Errors
	Number     string
}

func (h *handlers) editorDocsPage(w http.ResponseWriter, r *http.Request, p *auth.Principal, st portal.Site, errs kit.Errors, status int) error {
	docs, err := h.store.PublicDocuments(r.Context(), st.ID)
	if err != nil {
		return err
	}
	h.tmpl.Render(w, r, status, "editor/documents", editorDocsView{Page: h.Page(w, r, "portalui.documents"), Site: st, Docs: docs,
		CanApprove: h.store.Can(r.Context(), p, auth.PermApprove, st), Errors: errs, Number: r.PostFormValue("document")})
	return nil
}

func (h *handlers) editorDocs(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	st, err := h.editorSite(r, p)
	if err != nil {
		return err
	}
	return h.editorDocsPage(w, r, p, st, nil, http.StatusOK)
}

func (h *handlers) docList(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	st, err := h.editorSite(r, p)
	if err != nil {
		return err
	}
	err = h.store.ListDocument(r.Context(), p, st.ID, kit.FormID(r.PostFormValue("document")))
	if err != nil {
		if !isUserError(err) && apperr.CodeOf(err) != apperr.CodeConflict && apperr.CodeOf(err) != apperr.CodeNotFound {
			return err
		}
		return h.editorDocsPage(w, r, p, st, h.FormErrors(r, err), kit.Status(err))
	}
	h.SetFlash(w, r, "portalui.flash.document_listed")
	http.Redirect(w, r, "/bien-tap/"+strconv.FormatInt(st.ID, 10)+"/van-ban", http.StatusSeeOther)
	return nil
}

func (h *handlers) docUnlist(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	return h.confirmed(w, r, p, "van-ban", "portalui.flash.document_unlisted", h.store.UnlistDocument)
}

// confirmed runs a step that cannot be undone on the item of the path
// (closing a poll, unlisting a document) once the confirmation box is
// ticked, then goes back to the site's editors' page named by back.
func (h *handlers) confirmed(w http.ResponseWriter, r *http.Request, p *auth.Principal, back, flash string,
	step func(ctx context.Context, p *auth.Principal, siteID, id int64) error) error {
	st, err := h.editorSite(r, p)
	if err != nil {
		return err
	}
	id, err := kit.PathID(r, "id")
	if err != nil {
		return err
	}
	if r.PostFormValue("confirm") != "1" {
		return apperr.Invalid("confirm", "portalui.err.confirm")
	}
	if err := step(r.Context(), p, st.ID, id); err != nil {
		return err
	}
	h.SetFlash(w, r, flash)
	http.Redirect(w, r, "/bien-tap/"+strconv.FormatInt(st.ID, 10)+"/"+back, http.StatusSeeOther)
	return nil
}

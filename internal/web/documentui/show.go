package documentui

import (
	"fmt"
	"net/http"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/document"
	"github.com/danvan/danvan/internal/web/kit"
)

// showView is one row of the register: what was issued, its files, its
// signed scan, and revoking it.
type showView struct {
	kit.Page
	Rec      document.Record
	CanWrite bool
	Source   string // the page of the record it came from, or ""
	Reason   string // the revocation's reason as typed
	Errors   kit.Errors
	// NewsLinks open a news article about the standing document on each
	// portal site of its unit the viewer may write on ("Viết tin").
	NewsLinks []string
}

// sourceURL is the page of the record a document came from.
func sourceURL(rec document.Record) string {
	s := rec.Source
	switch document.Kind(s.Kind) {
	case document.KindReview:
		return "/bao-cao/tong-hop?" + string(kit.Query("don-vi", itoa(s.ID), "ky", s.Period))
	case document.KindMinutes, document.KindPlan:
		return fmt.Sprintf("/hoi-nghi/%d", s.ID)
	case document.KindModels:
		return "/mo-hinh?" + string(kit.Query("don-vi", itoa(s.ID), "ky", s.Period))
	}
	return ""
}

// record reads register row {id} as p may see it.
func (h *handlers) record(r *http.Request, p *auth.Principal) (document.Record, error) {
	id, err := kit.PathID(r, "id")
	if err != nil {
		return document.Record{}, err
	}
	return h.store.Get(r.Context(), p, id)
}

func (h *handlers) show(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	rec, err := h.record(r, p)
	if err != nil {
		return err
	}
	return h.showPage(w, r, p, rec, "", nil)
}

func (h *handlers) showPage(w http.ResponseWriter, r *http.Request, p *auth.Principal, rec document.Record, reason string, formErr error) error {
	ok, err := h.Auth.Can(r.Context(), p, auth.PermWrite, rec.UnitID)
	if err != nil {
		return err
	}
	v := showView{Rec: rec, CanWrite: ok, Source: sourceURL(rec), Reason: reason, Errors: h.FormErrors(r, formErr)}
	if rec.Void == nil {
		sites, err := h.sites.WriteUpSites(r.Context(), p, rec.UnitID)
		if err != nil {
			return err
		}
		for _, st := range sites {
			v.NewsLinks = append(v.NewsLinks, fmt.Sprintf("/bien-tap/%d/viet-tin/van-ban/%d", st.ID, rec.ID))
		}
	}
	v.Page = h.Page(w, r, "documentui.show.title")
	status := http.StatusOK
	if formErr != nil {
		status = kit.Status(formErr)
	}
	h.tmpl.Render(w, r, status, "show", v)
	return nil
}

// file sends one of a document's files: docx, pdf or scan.
func (h *handlers) file(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	id, err := kit.PathID(r, "id")
	if err != nil {
		return err
	}
	f, err := h.store.Open(r.Context(), p, id, document.FileKind(r.PathValue("kind")))
	if err != nil {
		return err
	}
	sendFile(w, f.Name, f.ContentType, f.Data)
	return nil
}

// scan stores the signed scan sent with the form.
func (h *handlers) scan(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	rec, err := h.record(r, p)
	if err != nil {
		return err
	}
	r.Body = http.MaxBytesReader(w, r.Body, document.MaxScanSize+1<<20)
	if err := r.ParseMultipartForm(8 << 20); err != nil {
		return h.showPage(w, r, p, rec, "", apperr.Invalid("file", "document.err.scan_large", document.MaxScanSize>>20))
	}
	up := document.Upload{}
	if f, hdr, err := r.FormFile("file"); err == nil {
		defer f.Close()
		up = document.Upload{Name: hdr.Filename, Body: f}
	}
	if _, err := h.store.AttachScan(r.Context(), p, rec.ID, up); err != nil {
		if apperr.CodeOf(err) != apperr.CodeInvalid {
			return err
		}
		return h.showPage(w, r, p, rec, "", err)
	}
	h.SetFlash(w, r, "documentui.flash.scan")
	http.Redirect(w, r, fmt.Sprintf("/van-ban/%d", rec.ID), http.StatusSeeOther)
	return nil
}

// void revokes the document with the reason typed.
func (h *handlers) void(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	rec, err := h.record(r, p)
	if err != nil {
		return err
	}
	reason := r.PostFormValue("reason")
	if _, err := h.store.Void(r.Context(), p, rec.ID, reason); err != nil {
		if c := apperr.CodeOf(err); c != apperr.CodeInvalid && c != apperr.CodeConflict {
			return err
		}
		return h.showPage(w, r, p, rec, reason, err)
	}
	h.SetFlash(w, r, "documentui.flash.voided")
	http.Redirect(w, r, fmt.Sprintf("/van-ban/%d", rec.ID), http.StatusSeeOther)
	return nil
}

// MaxFile is the largest signed scan the register takes, for the
// browser's check before it sends one.
func (showView) MaxFile() int64 { return document.MaxScanSize }

package reportui

import (
	"fmt"
	"net/http"
	"strconv"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/directive"
	"github.com/danvan/danvan/internal/org"
	"github.com/danvan/danvan/internal/report"
	"github.com/danvan/danvan/internal/web/kit"
)

type showView struct {
	entryView
	Report       report.Report
	Unit         org.Unit
	CommentInput string
	// Directives are those the report carries out, in the registers the
	// reader may read.
	Directives []directive.Directive
}

// loadShown reads the report of the path and its entry, as the reader
// may see them.
func (h *handlers) loadShown(r *http.Request) (report.Report, report.Entry, error) {
	p := kit.Principal(r)
	id, err := kit.PathID(r, "id")
	if err != nil {
		return report.Report{}, report.Entry{}, err
	}
	rep, err := h.store.Report(r.Context(), p, id)
	if err != nil {
		return rep, report.Entry{}, err
	}
	e, err := h.store.Entry(r.Context(), p, report.Target{UnitID: rep.UnitID, FormID: rep.FormID, Period: rep.Period})
	return rep, e, err
}

func (h *handlers) showView(w http.ResponseWriter, r *http.Request, rep report.Report, e report.Entry, errs kit.Errors) showView {
	return showView{entryView: h.entryView(w, r, e, nil, errs), Report: rep, Unit: e.Unit}
}

func (h *handlers) show(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	rep, e, err := h.loadShown(r)
	if err != nil {
		return err
	}
	v := h.showView(w, r, rep, e, nil)
	if v.Directives, err = directive.NewStore(h.DB, h.Org, h.Auth, h.Files).For(r.Context(), p, directive.Report, rep.ID); err != nil {
		return err
	}
	h.tmpl.Render(w, r, http.StatusOK, "show", v)
	return nil
}

func (h *handlers) approve(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	return h.decide(w, r, func(id, version int64) (report.Report, error) {
		return h.store.Approve(r.Context(), p, id, version)
	}, "report.flash.approved")
}

func (h *handlers) giveBack(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	return h.decide(w, r, func(id, version int64) (report.Report, error) {
		return h.store.Return(r.Context(), p, id, version, r.PostFormValue("comment"))
	}, "report.flash.returned")
}

// decide runs a leader's decision on the report of the path at the
// version the form sends; a refused one shows the report again with the
// reason (and the comment typed).
func (h *handlers) decide(w http.ResponseWriter, r *http.Request, do func(id, version int64) (report.Report, error), flash string) error {
	id, err := kit.PathID(r, "id")
	if err != nil {
		return err
	}
	version, err := strconv.ParseInt(r.PostFormValue("version"), 10, 64)
	if err != nil {
		version = -1
	}
	rep, err := do(id, version)
	if code := apperr.CodeOf(err); code == apperr.CodeInvalid || code == apperr.CodeConflict {
		shown, e, lerr := h.loadShown(r)
		if lerr != nil {
			return lerr
		}
		v := h.showView(w, r, shown, e, h.FormErrors(r, err))
		v.CommentInput = r.PostFormValue("comment")
		h.tmpl.Render(w, r, kit.Status(err), "show", v)
		return nil
	}
	if err != nil {
		return err
	}
	h.SetFlash(w, r, flash)
	http.Redirect(w, r, fmt.Sprintf("/bao-cao/%d", rep.ID), http.StatusSeeOther)
	return nil
}

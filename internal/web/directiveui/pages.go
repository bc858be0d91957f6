package directiveui

import (
	"fmt"
	"io"
	"mime"
	"net/http"
	"strconv"
	"strings"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/directive"
	"github.com/danvan/danvan/internal/org"
	"github.com/danvan/danvan/internal/web/kit"
)

const pageSize = kit.DefaultPageSize

// maxFile bounds an uploaded file before it is read (the domain's bound
// is 20 MB).
const maxFile = 20<<20 + 1

type listView struct {
	kit.Page
	Rows     []directive.Directive
	Total    int
	Pager    kit.Pager
	Units    []org.Unit
	Kinds    []directive.Kind
	Filter   listFilter
	CanWrite bool
}

type listFilter struct{ Unit, Kind, Query string }

func (h *handlers) list(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	q := r.URL.Query()
	lf := listFilter{Unit: q.Get("don_vi"), Kind: q.Get("loai"), Query: q.Get("q")}
	page, offset := kit.PageParams(r, pageSize)
	rows, total, err := h.store.List(r.Context(), p, directive.Filter{UnitID: kit.FormID(lf.Unit), Kind: directive.Kind(lf.Kind), Query: lf.Query, Offset: offset, Limit: pageSize})
	if err != nil {
		return err
	}
	v := listView{Rows: rows, Total: total, Pager: kit.NewPager(r, page, pageSize, total), Kinds: directive.Kinds, Filter: lf}
	if v.Units, v.CanWrite, err = h.ListUnits(r, p); err != nil {
		return err
	}
	v.Page = h.Page(w, r, "directiveui.list.title")
	h.tmpl.Render(w, r, http.StatusOK, "list", v)
	return nil
}

type directiveForm struct{ Unit, Kind, Number, IssuedOn, Issuer, Summary string }

type formView struct {
	kit.Page
	Form   directiveForm
	Units  []org.Unit
	Kinds  []directive.Kind
	Errors kit.Errors
	// File is the file chosen on a refused form, kept pending so it need
	// not be chosen and sent again.
	File *kit.PendingFile
}

func (h *handlers) newForm(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	return h.renderForm(w, r, p, directiveForm{Unit: r.URL.Query().Get("don_vi")}, nil)
}

func (h *handlers) renderForm(w http.ResponseWriter, r *http.Request, p *auth.Principal, f directiveForm, formErr error) error {
	v := formView{Form: f, Kinds: directive.Kinds, Errors: h.FormErrors(r, formErr)}
	var err error
	if v.Units, err = h.Auth.GrantedUnits(r.Context(), p, auth.PermWrite, h.Today()); err != nil {
		return err
	}
	if len(v.Units) == 0 {
		return apperr.Forbidden("directive.err.forbidden_write")
	}
	status := http.StatusOK
	if formErr != nil {
		status = kit.Status(formErr)
		// The file chosen stays chosen, unless it was the file refused.
		if v.Errors.Field("file") == "" {
			if v.File, err = h.KeepUpload(r, p, "tep", maxFile-1); err != nil {
				h.LogError(r, "directive: keep the file of a refused form", err)
			}
		}
	}
	v.Page = h.Page(w, r, "directiveui.new.title")
	h.tmpl.Render(w, r, status, "form", v)
	return nil
}

// create registers a directive with its file; a refused form comes back
// as typed, the file chosen kept pending.
func (h *handlers) create(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	f := directiveForm{Unit: r.FormValue("unit"), Kind: r.FormValue("kind"), Number: r.FormValue("number"), IssuedOn: r.FormValue("issued_on"),
		Issuer: r.FormValue("issuer"), Summary: r.FormValue("summary")}
	d := directive.Directive{UnitID: kit.FormID(f.Unit), Kind: directive.Kind(f.Kind), Number: f.Number, Issuer: f.Issuer, Summary: f.Summary}
	var err error
	if d.IssuedOn, err = kit.FormDay("issued_on", f.IssuedOn); err != nil {
		return h.renderForm(w, r, p, f, apperr.Invalid("issued_on", "directive.err.issued_on"))
	}
	var file *directive.File
	up, ok, err := h.FormUpload(r, p, "tep")
	if err != nil {
		return h.renderForm(w, r, p, f, err)
	}
	if ok {
		data, err := io.ReadAll(io.LimitReader(up.Body, maxFile))
		up.Close()
		if err != nil {
			return h.renderForm(w, r, p, f, apperr.Invalid("file", "directive.err.file_type"))
		}
		if len(data) > 0 {
			file = &directive.File{Name: up.Name, Data: data}
		}
	}
	out, err := h.store.Create(r.Context(), p, d, file)
	if apperr.CodeOf(err) == apperr.CodeInvalid {
		return h.renderForm(w, r, p, f, err)
	} else if err != nil {
		return err
	}
	h.Done(r.Context(), up)
	h.SetFlash(w, r, "directiveui.flash.created")
	http.Redirect(w, r, fmt.Sprintf("/van-ban-chi-dao/%d", out.ID), http.StatusSeeOther)
	return nil
}

type showView struct {
	kit.Page
	D       directive.Directive
	Links   []directive.Link
	Targets []directive.TargetKind
	Link    linkForm
	// Candidates are the records found by the search for one to link,
	// when Searched.
	Candidates []directive.Link
	Searched   bool
	Errors     kit.Errors
}

// linkForm is the search for a record to link (kind and text) and the
// record picked.
type linkForm struct{ Kind, Query, ID string }

func (h *handlers) show(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	q := r.URL.Query()
	f := linkForm{Kind: q.Get("loai"), Query: strings.TrimSpace(q.Get("tim"))}
	if f.Kind == "" {
		f.Kind = string(directive.Conference)
	}
	return h.renderShow(w, r, p, f, nil)
}

func (h *handlers) renderShow(w http.ResponseWriter, r *http.Request, p *auth.Principal, f linkForm, formErr error) error {
	id, err := kit.PathID(r, "id")
	if err != nil {
		return err
	}
	d, err := h.store.Get(r.Context(), p, id)
	if err != nil {
		return err
	}
	v := showView{D: d, Targets: directive.TargetKinds, Link: f, Errors: h.FormErrors(r, formErr)}
	if v.Links, err = h.store.Links(r.Context(), p, id); err != nil {
		return err
	}
	if v.Searched = r.URL.Query().Has("loai") || formErr != nil; v.Searched {
		v.Candidates, err = h.store.Candidates(r.Context(), p, id, directive.TargetKind(f.Kind), f.Query)
		if apperr.CodeOf(err) == apperr.CodeInvalid {
			v.Errors = h.FormErrors(r, err)
		} else if err != nil {
			return err
		}
	}
	status := http.StatusOK
	if formErr != nil {
		status = kit.Status(formErr)
	}
	v.Page = h.Page(w, r, "directiveui.show.title")
	v.Page.Title = d.Number
	h.tmpl.Render(w, r, status, "show", v)
	return nil
}

// Href is the page of a linked record.
func (v showView) Href(l directive.Link) string {
	switch l.Kind {
	case directive.Conference:
		return fmt.Sprintf("/hoi-nghi/%d", l.TargetID)
	case directive.Report:
		return fmt.Sprintf("/bao-cao/%d", l.TargetID)
	case directive.Task:
		return fmt.Sprintf("/nhiem-vu/%d", l.TargetID)
	case directive.Campaign:
		return fmt.Sprintf("/cuoc-van-dong/%d", l.TargetID)
	}
	return ""
}

func (h *handlers) file(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	id, err := kit.PathID(r, "id")
	if err != nil {
		return err
	}
	d, data, err := h.store.FileData(r.Context(), p, id)
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", d.FileType)
	w.Header().Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": d.FileName}))
	w.Header().Set("Content-Length", strconv.Itoa(len(data)))
	_, _ = w.Write(data)
	return nil
}

func (h *handlers) linkTarget(r *http.Request) (int64, linkForm, directive.TargetKind, int64, error) {
	id, err := kit.PathID(r, "id")
	if err != nil {
		return 0, linkForm{}, "", 0, err
	}
	f := linkForm{Kind: r.PostFormValue("kind"), Query: strings.TrimSpace(r.PostFormValue("tim")), ID: strings.TrimSpace(r.PostFormValue("target"))}
	k := directive.TargetKind(f.Kind)
	if !k.Valid() {
		return id, f, k, 0, apperr.Invalid("kind", "directive.err.target_kind")
	}
	target, err := strconv.ParseInt(strings.TrimPrefix(f.ID, "#"), 10, 64)
	if err != nil || target <= 0 {
		return id, f, k, 0, apperr.Invalid("target", "directive.err.target_not_found")
	}
	return id, f, k, target, nil
}

func (h *handlers) link(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	id, f, k, target, err := h.linkTarget(r)
	if err == nil {
		err = h.store.Link(r.Context(), p, id, k, target)
	}
	switch c := apperr.CodeOf(err); {
	case err == nil:
	case c == apperr.CodeInvalid || c == apperr.CodeNotFound && id != 0 && target != 0:
		if c == apperr.CodeNotFound {
			err = apperr.Invalid("target", "directive.err.target_not_found")
		}
		return h.renderShow(w, r, p, f, err)
	default:
		return err
	}
	h.SetFlash(w, r, "directiveui.flash.linked")
	http.Redirect(w, r, fmt.Sprintf("/van-ban-chi-dao/%d", id), http.StatusSeeOther)
	return nil
}

func (h *handlers) unlink(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	id, _, k, target, err := h.linkTarget(r)
	if err != nil {
		return err
	}
	if r.PostFormValue("confirm") == "" {
		return apperr.Invalid("confirm", "directiveui.unlink.confirm_needed")
	}
	if err := h.store.Unlink(r.Context(), p, id, k, target); err != nil {
		return err
	}
	h.SetFlash(w, r, "directiveui.flash.unlinked")
	http.Redirect(w, r, fmt.Sprintf("/van-ban-chi-dao/%d", id), http.StatusSeeOther)
	return nil
}

func (h *handlers) linkCiting(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	id, err := kit.PathID(r, "id")
	if err != nil {
		return err
	}
	if _, err := h.store.LinkCiting(r.Context(), p, id); err != nil {
		return err
	}
	h.SetFlash(w, r, "directiveui.flash.citing")
	http.Redirect(w, r, fmt.Sprintf("/van-ban-chi-dao/%d", id), http.StatusSeeOther)
	return nil
}

// MaxFile is the largest file a directive takes, for the browser's check
// before it sends one.
func (formView) MaxFile() int64 { return maxFile - 1 }

package citizenui

import (
	"fmt"
	"net/http"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/citizen"
	"github.com/danvan/danvan/internal/web/kit"
)

// notesView lists sentiment notes: those of the units below the reader's
// own (what the level above reads), the unread ones, or all.
type notesView struct {
	kit.Page
	Tab      string
	Query    string
	Rows     []citizen.Note
	Pager    kit.Pager
	CanWrite bool
}

func (h *handlers) notes(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	q := r.URL.Query()
	v := notesView{Tab: q.Get("xem"), Query: q.Get("q")}
	page, off := kit.PageParams(r, pageSize)
	f := citizen.NoteFilter{Query: v.Query, Limit: pageSize, Offset: off}
	switch v.Tab {
	case "chua-doc":
		f.Below, f.Unread = true, true
	case "tat-ca":
	default:
		v.Tab, f.Below = "cap-duoi", true
	}
	rows, total, err := h.cases.Notes(r.Context(), p, f)
	if err != nil {
		return err
	}
	units, err := h.cases.WritableUnits(r.Context(), p)
	if err != nil {
		return err
	}
	v.Rows, v.Pager, v.CanWrite = rows, kit.NewPager(r, page, pageSize, total), len(units) > 0
	v.Page = h.Page(w, r, "citizenui.notes.title")
	h.tmpl.Render(w, r, http.StatusOK, "sentiment/list", v)
	return nil
}

type noteForm struct {
	Unit, Period, NotedOn, Source, Title, Happened, Assessment, Recommendations string
	Quick                                                                       bool
}

type noteNewView struct {
	kit.Page
	Form   noteForm
	Units  []unitChoice
	Errors kit.Errors
}

func (h *handlers) noteNewPage(w http.ResponseWriter, r *http.Request, p *auth.Principal, f noteForm, formErr error) error {
	units, err := h.cases.WritableUnits(r.Context(), p)
	if err != nil {
		return err
	}
	if len(units) == 0 {
		return apperr.Forbidden("citizen.err.forbidden_write")
	}
	v := noteNewView{Form: f, Units: choices(units), Errors: h.FormErrors(r, formErr)}
	v.Page = h.Page(w, r, "citizenui.note.new")
	h.tmpl.Render(w, r, formStatus(formErr), "sentiment/new", v)
	return nil
}

func (h *handlers) noteForm(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	return h.noteNewPage(w, r, p, noteForm{Quick: r.URL.Query().Get("loai") != "dinh-ky"}, nil)
}

func (h *handlers) noteCreate(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	form, err := postedForm(r)
	if err != nil {
		return err
	}
	f := noteForm{Unit: form.Get("unit"), Period: form.Get("period"), NotedOn: form.Get("noted_on"), Source: form.Get("source"),
		Title: form.Get("title"), Happened: form.Get("happened"), Assessment: form.Get("assessment"),
		Recommendations: form.Get("recommendations"), Quick: form.Get("kind") != "periodic"}
	nn := citizen.NewNote{UnitID: kit.FormID(f.Unit), Quick: f.Quick, Period: f.Period, Source: f.Source, Title: f.Title,
		Happened: f.Happened, Assessment: f.Assessment, Recommendations: f.Recommendations}
	nn.NotedOn, err = kit.FormDay("noted_on", f.NotedOn)
	var n citizen.Note
	if err == nil {
		n, err = h.cases.FileNote(r.Context(), p, nn)
	}
	if shown(err) {
		return h.noteNewPage(w, r, p, f, err)
	}
	if err != nil {
		return err
	}
	h.SetFlash(w, r, "citizenui.flash.note")
	http.Redirect(w, r, fmt.Sprintf("/cong-dan/tinh-hinh/%d", n.ID), http.StatusSeeOther)
	return nil
}

type noteView struct {
	kit.Page
	N citizen.Note
}

func (h *handlers) note(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	n, err := byPath(r, p, h.cases.Note)
	if err != nil {
		return err
	}
	v := noteView{N: n}
	v.Page = h.Page(w, r, "citizenui.note.title")
	h.tmpl.Render(w, r, http.StatusOK, "sentiment/show", v)
	return nil
}

func (h *handlers) noteRead(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	n, err := byPath(r, p, h.cases.Note)
	if err != nil {
		return err
	}
	if err := h.cases.MarkRead(r.Context(), p, n.ID); err != nil {
		return err
	}
	h.SetFlash(w, r, "citizenui.flash.read")
	http.Redirect(w, r, "/cong-dan/tinh-hinh", http.StatusSeeOther)
	return nil
}

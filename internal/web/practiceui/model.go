package practiceui

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/org"
	"github.com/danvan/danvan/internal/practice"
	"github.com/danvan/danvan/internal/vntext"
	"github.com/danvan/danvan/internal/web/kit"
)

// modelForm is the model form's fields as typed.
type modelForm struct {
	ID, Version                                 int64
	UnitID                                      int64
	Name, Field, OwnerType, OwnerName           string
	OwnerTitle, OwnerPhone, Movement, StartedOn string
	Description, Goals, Notes                   string
}

func formOf(pr practice.Practice) modelForm {
	return modelForm{ID: pr.ID, Version: pr.Version, UnitID: pr.UnitID, Name: pr.Name, Field: string(pr.Field),
		OwnerType: string(pr.OwnerType), OwnerName: pr.OwnerName, OwnerTitle: pr.OwnerTitle, OwnerPhone: pr.OwnerPhone,
		Movement: pr.Movement, StartedOn: pr.StartedOn.Format(time.DateOnly), Description: pr.Description, Goals: pr.Goals, Notes: pr.Notes}
}

func readForm(r *http.Request) modelForm {
	return modelForm{Name: r.PostFormValue("name"), Field: r.PostFormValue("field"), OwnerType: r.PostFormValue("owner_type"),
		OwnerName: r.PostFormValue("owner_name"), OwnerTitle: r.PostFormValue("owner_title"), OwnerPhone: r.PostFormValue("owner_phone"),
		Movement: r.PostFormValue("movement"), StartedOn: r.PostFormValue("started_on"), Description: r.PostFormValue("description"),
		Goals: r.PostFormValue("goals"), Notes: r.PostFormValue("notes"),
		UnitID: kit.FormID(r.PostFormValue("unit_id")), Version: kit.FormID(r.PostFormValue("version"))}
}

// input turns the form into the store's input; a start date that is not
// a date is the form's own error.
func (f modelForm) input() (practice.Input, error) {
	started, err := kit.FormDay("started_on", f.StartedOn)
	return practice.Input{ID: f.ID, Version: f.Version, UnitID: f.UnitID, Name: f.Name, Field: practice.Field(f.Field),
		OwnerType: practice.OwnerType(f.OwnerType), OwnerName: f.OwnerName, OwnerTitle: f.OwnerTitle, OwnerPhone: f.OwnerPhone,
		Movement: f.Movement, StartedOn: started, Description: f.Description, Goals: f.Goals, Notes: f.Notes}, err
}

type formView struct {
	kit.Page
	Form   modelForm
	Units  []org.Unit
	Fields []practice.Field
	Errors kit.Errors
	Edit   bool
	// Photo is the file a refused registration had received, kept.
	Photo *kit.PendingFile
}

// MaxFile is the largest file a model takes, for the browser's check.
func (formView) MaxFile() int64 { return practice.MaxFileSize }

// MaxFile is the largest file a model takes, for the browser's check.
func (showView) MaxFile() int64 { return practice.MaxFileSize }

func (h *handlers) formView(w http.ResponseWriter, r *http.Request, p *auth.Principal, title string, f modelForm, err error) (formView, error) {
	v := formView{Page: h.Page(w, r, title), Form: f, Fields: practice.Fields, Edit: f.ID != 0, Errors: h.FormErrors(r, err)}
	if !v.Edit {
		units, err := h.store.WritableUnits(r.Context(), p, 500)
		if err != nil {
			return v, err
		}
		v.Units = units
	}
	return v, nil
}

func (h *handlers) newForm(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	f := modelForm{OwnerType: string(practice.Collective), StartedOn: h.Today().Format(time.DateOnly), Movement: practice.DefaultMovement,
		UnitID: kit.FormID(r.URL.Query().Get("don-vi"))}
	v, err := h.formView(w, r, p, "practice.new.title", f, nil)
	if err == nil && len(v.Units) == 0 {
		err = apperr.Forbidden("practice.err.no_writable")
	}
	if err == nil && f.UnitID != 0 && !slices.ContainsFunc(v.Units, func(u org.Unit) bool { return u.ID == f.UnitID }) {
		err = apperr.Forbidden("practice.err.write_forbidden")
	}
	if err != nil {
		return err
	}
	if f.UnitID == 0 {
		v.Form.UnitID = v.Units[0].ID
	}
	h.tmpl.Render(w, r, http.StatusOK, "form", v)
	return nil
}

func (h *handlers) create(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	f := readForm(r)
	in, err := f.input()
	var pr practice.Practice
	if err == nil {
		pr, err = h.store.Create(r.Context(), p, in)
	}
	if err != nil {
		return h.formError(w, r, p, "practice.new.title", f, err)
	}
	flash := "practice.flash.created"
	up, ok, ferr := h.FormUpload(r, p, "photo") // sent now, or kept from a refused form
	switch {
	case ok:
		_, err := h.store.AddFile(r.Context(), p, pr.ID, practice.Upload{Name: up.Name, Body: up.Body, Caption: r.PostFormValue("photo_caption")})
		up.Close()
		if err != nil {
			if kit.IsInternal(err) {
				h.LogError(r, "practice: photo of a new model", err)
			}
			flash = "practice.flash.created_nophoto"
		} else {
			h.Done(r.Context(), up)
		}
	case ferr != nil:
		h.LogError(r, "practice: read the photo of a new model", ferr)
		flash = "practice.flash.created_nophoto"
	}
	if flash == "practice.flash.created" {
		h.SetFlash(w, r, "practice.flash.created")
	} else {
		h.SetWarning(w, r, "practice.flash.created_nophoto")
	}
	http.Redirect(w, r, fmt.Sprintf("/mo-hinh/%d", pr.ID), http.StatusSeeOther)
	return nil
}

// refusesInput reports whether err is a refusal of what the user typed
// (invalid or in conflict), answered by the form again with its errors;
// any other error is answered by the error page.
func refusesInput(err error) bool {
	code := apperr.CodeOf(err)
	return code == apperr.CodeInvalid || code == apperr.CodeConflict
}

// formError re-renders a model form with the errors, or returns the
// error for errors that are not about the input.
func (h *handlers) formError(w http.ResponseWriter, r *http.Request, p *auth.Principal, title string, f modelForm, err error) error {
	if !refusesInput(err) {
		return err
	}
	v, verr := h.formView(w, r, p, title, f, err)
	if verr != nil {
		return verr
	}
	if !v.Edit { // the photo chosen stays chosen
		if v.Photo, verr = h.KeepUpload(r, p, "photo", practice.MaxFileSize); verr != nil {
			h.LogError(r, "practice: keep the photo of a refused form", verr)
		}
	}
	h.tmpl.Render(w, r, kit.Status(err), "form", v)
	return nil
}

// load reads the {id} model for p (not found when outside their scope),
// for the pages and the API alike.
func (h *handlers) load(r *http.Request, p *auth.Principal) (practice.Practice, error) {
	id, err := kit.PathID(r, "id")
	if err != nil {
		return practice.Practice{}, err
	}
	return h.store.Get(r.Context(), p, id)
}

type showView struct {
	kit.Page
	P       practice.Practice
	Results []practice.Result
	Files   []practice.File
	Family  []familyRow
	Can     practice.Actions
	Public  bool
	// NewsLinks open a news article about the model on each portal site
	// of its unit the viewer may write on ("Viết tin").
	NewsLinks  []string
	ResultForm resultForm
	Errors     kit.Errors
	Today      string
}

// familyRow is a member of a replication family with the link the
// viewer may follow ("" for none).
type familyRow struct {
	practice.FamilyMember
	Link string
}

type resultForm struct{ On, Indicator, Value, Measure string }

func (h *handlers) showView(w http.ResponseWriter, r *http.Request, p *auth.Principal, pr practice.Practice) (showView, error) {
	ctx := r.Context()
	v := showView{Page: h.Page(w, r, "practice.show.title"), P: pr, Public: pr.Status.Public(), Today: h.Today().Format(time.DateOnly)}
	v.Title = pr.Name
	var err error
	if v.Results, err = h.store.Results(ctx, p, pr.ID); err != nil {
		return v, err
	}
	if v.Files, err = h.store.Files(ctx, p, pr.ID); err != nil {
		return v, err
	}
	fam, err := h.store.Family(ctx, p, pr.ID)
	if err != nil {
		return v, err
	}
	if len(fam) > 1 {
		// Members the user may read link to their page, public ones to
		// the public page, the others to nothing.
		for _, m := range fam {
			row := familyRow{FamilyMember: m}
			switch {
			case m.Readable:
				row.Link = fmt.Sprintf("/mo-hinh/%d", m.ID)
			case m.Status.Public():
				row.Link = fmt.Sprintf("/cong-khai/mo-hinh/%d", m.ID)
			}
			v.Family = append(v.Family, row)
		}
	}
	if v.Can, err = h.store.Actions(ctx, p, pr); err != nil {
		return v, err
	}
	if v.Public {
		sites, err := h.sites.WriteUpSites(ctx, p, pr.UnitID)
		if err != nil {
			return v, err
		}
		for _, st := range sites {
			v.NewsLinks = append(v.NewsLinks, fmt.Sprintf("/bien-tap/%d/viet-tin/mo-hinh/%d", st.ID, pr.ID))
		}
	}
	v.ResultForm.On = v.Today
	return v, nil
}

func (h *handlers) show(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	pr, err := h.load(r, p)
	if err != nil {
		return err
	}
	v, err := h.showView(w, r, p, pr)
	if err != nil {
		return err
	}
	h.tmpl.Render(w, r, http.StatusOK, "show", v)
	return nil
}

func (h *handlers) editForm(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	pr, err := h.load(r, p)
	if err != nil {
		return err
	}
	can, err := h.store.Actions(r.Context(), p, pr)
	if err == nil && !can.Edit {
		err = apperr.Forbidden("practice.err.edit_forbidden")
	}
	var v formView
	if err == nil {
		v, err = h.formView(w, r, p, "practice.edit.title", formOf(pr), nil)
	}
	if err != nil {
		return err
	}
	h.tmpl.Render(w, r, http.StatusOK, "form", v)
	return nil
}

func (h *handlers) update(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	id, err := kit.PathID(r, "id")
	if err != nil {
		return err
	}
	f := readForm(r)
	f.ID = id
	in, err := f.input()
	if err == nil {
		_, err = h.store.Update(r.Context(), p, in)
	}
	if err != nil {
		return h.formError(w, r, p, "practice.edit.title", f, err)
	}
	h.SetFlash(w, r, "practice.flash.saved")
	http.Redirect(w, r, fmt.Sprintf("/mo-hinh/%d", id), http.StatusSeeOther)
	return nil
}

func (h *handlers) addResult(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	pr, err := h.load(r, p)
	if err != nil {
		return err
	}
	rf := resultForm{On: r.PostFormValue("on"), Indicator: r.PostFormValue("indicator"), Value: r.PostFormValue("value"), Measure: r.PostFormValue("measure")}
	on, err := kit.FormDay("on", rf.On)
	if err == nil {
		res := practice.Result{On: on, Indicator: rf.Indicator, Measure: rf.Measure}
		if n, nerr := vntext.ParseNumber(strings.TrimSpace(rf.Value)); nerr != nil {
			err = apperr.Invalid("value", "practice.err.result_value")
		} else {
			res.Value = n.Value
			_, err = h.store.AddResult(r.Context(), p, pr.ID, res)
		}
	}
	if err != nil {
		return h.showWithErrors(w, r, p, pr, err, func(v *showView) { v.ResultForm = rf })
	}
	h.SetFlash(w, r, "practice.flash.result")
	http.Redirect(w, r, fmt.Sprintf("/mo-hinh/%d#ket-qua", pr.ID), http.StatusSeeOther)
	return nil
}

// showWithErrors redraws the model page with a refused form's errors, or
// returns the error for errors that are not about the input.
func (h *handlers) showWithErrors(w http.ResponseWriter, r *http.Request, p *auth.Principal, pr practice.Practice, err error, keep func(*showView)) error {
	if !refusesInput(err) {
		return err
	}
	v, verr := h.showView(w, r, p, pr)
	if verr != nil {
		return verr
	}
	v.Errors = h.FormErrors(r, err)
	if keep != nil {
		keep(&v)
	}
	h.tmpl.Render(w, r, kit.Status(err), "show", v)
	return nil
}

func (h *handlers) addFile(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	pr, err := h.load(r, p)
	if err != nil {
		return err
	}
	file, hdr, err := r.FormFile("file")
	if err != nil {
		if !errors.Is(err, http.ErrMissingFile) {
			h.LogError(r, "practice: read an upload", err)
		}
		return h.showWithErrors(w, r, p, pr, apperr.Invalid("file", "practice.err.file_empty"), nil)
	}
	defer file.Close()
	if _, err := h.store.AddFile(r.Context(), p, pr.ID, practice.Upload{Name: hdr.Filename, Body: file, Caption: r.PostFormValue("caption")}); err != nil {
		return h.showWithErrors(w, r, p, pr, err, nil)
	}
	h.SetFlash(w, r, "practice.flash.file")
	http.Redirect(w, r, fmt.Sprintf("/mo-hinh/%d#minh-chung", pr.ID), http.StatusSeeOther)
	return nil
}

func (h *handlers) file(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	return h.serveFile(w, r, p, false)
}

func (h *handlers) thumb(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	return h.serveFile(w, r, p, true)
}

func (h *handlers) serveFile(w http.ResponseWriter, r *http.Request, p *auth.Principal, thumb bool) error {
	id, fid, err := fileIDs(r)
	if err != nil {
		return err
	}
	f, body, err := h.store.OpenFile(r.Context(), p, id, fid, thumb)
	if err != nil {
		return err
	}
	h.sendFile(w, r, f, body, thumb, "private")
	return nil
}

// fileIDs reads the {id} of a model and the {fid} of one of its files.
func fileIDs(r *http.Request) (id, fid int64, err error) {
	if id, err = kit.PathID(r, "id"); err != nil {
		return 0, 0, err
	}
	fid, err = kit.PathID(r, "fid")
	return id, fid, err
}

// sendFile streams a stored file with its sniffed type; never as HTML.
func (h *handlers) sendFile(w http.ResponseWriter, r *http.Request, f practice.File, body io.ReadCloser, thumb bool, cache string) {
	defer body.Close()
	w.Header().Set("Content-Type", f.ContentType)
	w.Header().Set("Cache-Control", cache+", max-age=86400")
	if !thumb {
		w.Header().Set("Content-Length", strconv.FormatInt(f.Size, 10))
		w.Header().Set("Content-Disposition", "inline; filename*=UTF-8''"+url.PathEscape(f.Name))
	}
	if _, err := io.Copy(w, body); err != nil {
		// The headers are gone: the client went away or the store failed
		// mid-file; nothing can be shown any more.
		h.Log.DebugContext(r.Context(), "practice: send file", "request_id", kit.RequestID(r.Context()), "err", err)
	}
}

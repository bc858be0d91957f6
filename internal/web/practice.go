package web

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
)

// practiceFilterForm is the list's query string, kept to redraw the form.
type practiceFilterForm struct {
	Unit      int64
	Q         string
	Field     string
	Status    string // "" active, a status, or "tat-ca" for all
	Level     string
	Period    string
	OwnerType string
}

type practiceListView struct {
	Page
	Form      practiceFilterForm
	Units     []org.Unit // units offered in the unit filter
	Rows      []practice.Practice
	Counts    practice.Counts
	Pager     Pager
	Fields    []practice.Field
	Statuses  []practice.Status
	Levels    []org.Level
	CanCreate bool
	Error     string
	ExportURL string
}

// FieldCount and StatusCount let the template walk counts in a fixed order.
func (v practiceListView) FieldCount(f practice.Field) int   { return v.Counts.ByField[f] }
func (v practiceListView) StatusCount(s practice.Status) int { return v.Counts.ByStatus[s] }

// practiceFilterFrom reads the list's query string into a form and a filter.
func practiceFilterFrom(r *http.Request) (practiceFilterForm, practice.Filter) {
	q := r.URL.Query()
	form := practiceFilterForm{Q: strings.TrimSpace(q.Get("q")), Field: q.Get("linh-vuc"), Status: q.Get("trang-thai"),
		Level: q.Get("cap"), Period: strings.TrimSpace(q.Get("ky")), OwnerType: q.Get("chu-the")}
	form.Unit, _ = strconv.ParseInt(q.Get("don-vi"), 10, 64)
	f := practice.Filter{Field: practice.Field(form.Field), Level: org.Level(form.Level), Period: form.Period,
		OwnerType: practice.OwnerType(form.OwnerType), Search: form.Q}
	switch form.Status {
	case "":
	case "tat-ca":
		f.Statuses = practice.Statuses
	default:
		f.Statuses = []practice.Status{practice.Status(form.Status)}
	}
	return form, f
}

// practiceUnits is the set of units a list covers: the chosen unit's
// subtree (past units included) within the user's read scope; nil means
// every unit (a national scope and no unit chosen).
func (h *practiceHandlers) practiceUnits(r *http.Request, unitID int64) ([]int64, error) {
	sc, err := h.scopeOf(r, auth.PermRead)
	if err != nil {
		return nil, err
	}
	if unitID == 0 {
		if sc.All {
			return nil, nil
		}
		return sc.IDs, nil
	}
	if !sc.Contains(unitID) {
		return nil, apperr.NotFound("Không tìm thấy đơn vị.")
	}
	ids, err := h.org.ScopeUnits(r.Context(), []int64{unitID})
	if err != nil {
		return nil, err
	}
	if sc.All {
		return ids, nil
	}
	var out []int64
	for _, id := range ids {
		if sc.Contains(id) {
			out = append(out, id)
		}
	}
	if out == nil {
		out = []int64{}
	}
	return out, nil
}

// grantUnits lists the units a user's grants are on and their children
// today: the choices of the unit filter.
func (h *practiceHandlers) grantUnits(r *http.Request, p *auth.Principal) []org.Unit {
	var out []org.Unit
	seen := map[int64]bool{}
	for _, id := range auth.ScopeRoots(p, auth.PermRead) {
		u, err := h.org.Get(r.Context(), id, h.today())
		if err != nil || seen[id] {
			continue
		}
		seen[id] = true
		out = append(out, u)
		kids, _ := h.org.Children(r.Context(), id, h.today())
		for _, k := range kids {
			if !seen[k.ID] && len(out) < 300 {
				seen[k.ID] = true
				out = append(out, k)
			}
		}
	}
	return out
}

func (h *practiceHandlers) list(w http.ResponseWriter, r *http.Request) {
	p, ok := h.requireUser(w, r)
	if !ok {
		return
	}
	form, f := practiceFilterFrom(r)
	units, err := h.practiceUnits(r, form.Unit)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	f.Units = units
	page, offset := pageParams(r, DefaultPageSize)
	f.Limit, f.Offset = DefaultPageSize, offset
	v := practiceListView{Page: h.page(w, r, "practice.list.title"), Form: form, Fields: practice.Fields,
		Statuses: practice.Statuses, Levels: []org.Level{org.Central, org.Province, org.District, org.Commune, org.Agency}}
	v.Units = h.grantUnits(r, p)
	wr, _ := h.store.WritableUnits(r.Context(), p, 1)
	v.CanCreate = len(wr) > 0
	status := http.StatusOK
	rows, total, err := h.store.List(r.Context(), f)
	if err == nil {
		v.Counts, err = h.store.Counts(r.Context(), f)
	}
	if err != nil {
		if statusOf(err) != http.StatusBadRequest {
			h.fail(w, r, err)
			return
		}
		v.Error, status = legacyMessage(err), http.StatusBadRequest
	}
	v.Rows = rows
	v.Pager = newPager(r, page, DefaultPageSize, total)
	if form.Unit != 0 {
		v.ExportURL = "/mo-hinh/xuat?don-vi=" + strconv.FormatInt(form.Unit, 10)
	}
	h.render(w, r, status, "practice/list", v)
}

type practiceBestView struct {
	Page
	Unit  int64
	Units []org.Unit
	Rows  []practice.Best
}

func (h *practiceHandlers) best(w http.ResponseWriter, r *http.Request) {
	p, ok := h.requireUser(w, r)
	if !ok {
		return
	}
	unitID, _ := strconv.ParseInt(r.URL.Query().Get("don-vi"), 10, 64)
	units, err := h.practiceUnits(r, unitID)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	rows, err := h.store.Best(r.Context(), units, 20)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	h.render(w, r, http.StatusOK, "practice/best", practiceBestView{Page: h.page(w, r, "practice.best.title"),
		Unit: unitID, Units: h.grantUnits(r, p), Rows: rows})
}

// practiceForm is the model form's fields as typed.
type practiceForm struct {
	ID, Version                                 int64
	UnitID                                      int64
	Name, Field, OwnerType, OwnerName           string
	OwnerTitle, OwnerPhone, Movement, StartedOn string
	Description, Goals, Notes                   string
}

func practiceFormOf(pr practice.Practice) practiceForm {
	return practiceForm{ID: pr.ID, Version: pr.Version, UnitID: pr.UnitID, Name: pr.Name, Field: string(pr.Field),
		OwnerType: string(pr.OwnerType), OwnerName: pr.OwnerName, OwnerTitle: pr.OwnerTitle, OwnerPhone: pr.OwnerPhone,
		Movement: pr.Movement, StartedOn: pr.StartedOn.Format(time.DateOnly), Description: pr.Description, Goals: pr.Goals, Notes: pr.Notes}
}

func readPracticeForm(r *http.Request) practiceForm {
	f := practiceForm{Name: r.PostFormValue("name"), Field: r.PostFormValue("field"), OwnerType: r.PostFormValue("owner_type"),
		OwnerName: r.PostFormValue("owner_name"), OwnerTitle: r.PostFormValue("owner_title"), OwnerPhone: r.PostFormValue("owner_phone"),
		Movement: r.PostFormValue("movement"), StartedOn: r.PostFormValue("started_on"), Description: r.PostFormValue("description"),
		Goals: r.PostFormValue("goals"), Notes: r.PostFormValue("notes")}
	f.UnitID, _ = strconv.ParseInt(r.PostFormValue("unit_id"), 10, 64)
	f.Version, _ = strconv.ParseInt(r.PostFormValue("version"), 10, 64)
	return f
}

// practiceDay reads a date typed in a form: ISO from a date picker, or the
// Vietnamese way (25/12/2020). Zero when empty or unreadable.
func practiceDay(s string) time.Time {
	s = strings.TrimSpace(s)
	if t, err := time.Parse(time.DateOnly, s); err == nil {
		return t
	}
	if d, err := vntext.ParseDate(s); err == nil {
		if t, ok := d.Time(); ok {
			return t
		}
	}
	return time.Time{}
}

func (f practiceForm) input() practice.Input {
	return practice.Input{ID: f.ID, Version: f.Version, UnitID: f.UnitID, Name: f.Name, Field: practice.Field(f.Field),
		OwnerType: practice.OwnerType(f.OwnerType), OwnerName: f.OwnerName, OwnerTitle: f.OwnerTitle, OwnerPhone: f.OwnerPhone,
		Movement: f.Movement, StartedOn: practiceDay(f.StartedOn), Description: f.Description, Goals: f.Goals, Notes: f.Notes}
}

type practiceFormView struct {
	Page
	Form   practiceForm
	Units  []org.Unit
	Fields []practice.Field
	Errors apperr.Errors
	Edit   bool
}

func (h *practiceHandlers) formView(w http.ResponseWriter, r *http.Request, p *auth.Principal, title string, f practiceForm, err error) practiceFormView {
	v := practiceFormView{Page: h.page(w, r, title), Form: f, Fields: practice.Fields, Edit: f.ID != 0}
	if err != nil {
		v.Errors = fieldErrors(err)
	}
	if !v.Edit {
		v.Units, _ = h.store.WritableUnits(r.Context(), p, 500)
	}
	return v
}

func (h *practiceHandlers) newForm(w http.ResponseWriter, r *http.Request) {
	p, ok := h.requireUser(w, r)
	if !ok {
		return
	}
	f := practiceForm{OwnerType: string(practice.Collective), StartedOn: h.today().Format(time.DateOnly),
		Movement: "Dân vận khéo"}
	f.UnitID, _ = strconv.ParseInt(r.URL.Query().Get("don-vi"), 10, 64)
	v := h.formView(w, r, p, "practice.new.title", f, nil)
	if len(v.Units) == 0 {
		h.fail(w, r, apperr.Forbidden("Bạn không có quyền đăng ký mô hình cho đơn vị nào."))
		return
	}
	if f.UnitID == 0 {
		v.Form.UnitID = v.Units[0].ID
	} else if !slices.ContainsFunc(v.Units, func(u org.Unit) bool { return u.ID == f.UnitID }) {
		h.fail(w, r, apperr.Forbidden("Bạn không có quyền đăng ký mô hình cho đơn vị này."))
		return
	}
	h.render(w, r, http.StatusOK, "practice/form", v)
}

func (h *practiceHandlers) create(w http.ResponseWriter, r *http.Request) {
	p, ok := h.requireUser(w, r)
	if !ok {
		return
	}
	f := readPracticeForm(r)
	pr, err := h.store.Create(r.Context(), p, f.input())
	if err != nil {
		h.formError(w, r, p, "practice.new.title", f, err)
		return
	}
	flash := "practice.flash.created"
	if file, hdr, ferr := r.FormFile("photo"); ferr == nil {
		_, err := h.store.AddFile(r.Context(), p, pr.ID, practice.Upload{Name: hdr.Filename, Body: file, Caption: r.PostFormValue("photo_caption")})
		file.Close()
		if err != nil {
			if statusOf(err) == http.StatusInternalServerError {
				h.log.ErrorContext(r.Context(), "practice: photo of a new model", "err", err)
			}
			flash = "practice.flash.created_nophoto"
		}
	}
	h.setFlash(w, r, flash)
	http.Redirect(w, r, fmt.Sprintf("/mo-hinh/%d", pr.ID), http.StatusSeeOther)
}

// formError re-renders a model form with the errors, or fails outright
// for errors that are not about the input.
func (h *practiceHandlers) formError(w http.ResponseWriter, r *http.Request, p *auth.Principal, title string, f practiceForm, err error) {
	status := statusOf(err)
	if status != http.StatusBadRequest && status != http.StatusConflict {
		h.fail(w, r, err)
		return
	}
	h.render(w, r, status, "practice/form", h.formView(w, r, p, title, f, err))
}

// loadFor reads the {id} model for the signed-in user (404 when outside
// their scope); it answers the request itself when it returns false.
func (h *practiceHandlers) loadFor(w http.ResponseWriter, r *http.Request) (*auth.Principal, practice.Practice, bool) {
	p, ok := h.requireUser(w, r)
	if !ok {
		return nil, practice.Practice{}, false
	}
	id, err := pathID(r)
	if err == nil {
		var pr practice.Practice
		if pr, err = h.store.Get(r.Context(), p, id); err == nil {
			return p, pr, true
		}
	}
	h.fail(w, r, err)
	return nil, practice.Practice{}, false
}

type practiceShowView struct {
	Page
	P            practice.Practice
	Results      []practice.Result
	Files        []practice.File
	Family       []practiceFamilyRow
	CanWrite     bool
	CanStart     bool
	CanRecognize bool
	CanStop      bool
	CanAdopt     bool
	Public       bool
	ResultForm   practiceResultForm
	Errors       apperr.Errors
	Today        string
}

// practiceFamilyRow is a member of a replication family with the link
// the viewer may follow ("" for none).
type practiceFamilyRow struct {
	practice.FamilyMember
	Link string
}

type practiceResultForm struct{ On, Indicator, Value, Measure string }

func (h *practiceHandlers) showView(w http.ResponseWriter, r *http.Request, p *auth.Principal, pr practice.Practice) (practiceShowView, error) {
	ctx := r.Context()
	v := practiceShowView{Page: h.page(w, r, "practice.show.title"), P: pr, Public: pr.Status.Public(), Today: h.today().Format(time.DateOnly)}
	v.Title = pr.Name
	var err error
	if v.Results, err = h.store.Results(ctx, pr.ID); err != nil {
		return v, err
	}
	if v.Files, err = h.store.Files(ctx, pr.ID); err != nil {
		return v, err
	}
	fam, err := h.store.Family(ctx, pr.RootID)
	if err != nil {
		return v, err
	}
	if len(fam) > 1 {
		// Members the user may read link to their page, public ones to
		// the public page, the others to nothing.
		for _, m := range fam {
			row := practiceFamilyRow{FamilyMember: m}
			ok, err := h.auth.Can(ctx, p, auth.PermRead, m.UnitID)
			if err != nil {
				return v, err
			}
			switch {
			case ok:
				row.Link = fmt.Sprintf("/mo-hinh/%d", m.ID)
			case m.Status.Public():
				row.Link = fmt.Sprintf("/cong-khai/mo-hinh/%d", m.ID)
			}
			v.Family = append(v.Family, row)
		}
	}
	live := pr.Status != practice.Stopped
	canWrite, err := h.auth.Can(ctx, p, auth.PermWrite, pr.UnitID)
	if err != nil {
		return v, err
	}
	canApprove, err := h.auth.Can(ctx, p, auth.PermApprove, pr.UnitID)
	if err != nil {
		return v, err
	}
	v.CanWrite = canWrite && live
	v.CanStart = canWrite && pr.Status == practice.Registered
	v.CanStop = (canWrite || canApprove) && live
	if pr.Status == practice.InProgress {
		recs, err := h.store.Recognizers(ctx, p, pr, h.today())
		if err != nil {
			return v, err
		}
		v.CanRecognize = len(recs) > 0
	}
	if pr.Status.Public() {
		us, err := h.store.AdoptionUnits(ctx, p, pr, 1)
		if err != nil {
			return v, err
		}
		v.CanAdopt = len(us) > 0
	}
	v.ResultForm.On = v.Today
	return v, nil
}

func (h *practiceHandlers) show(w http.ResponseWriter, r *http.Request) {
	p, pr, ok := h.loadFor(w, r)
	if !ok {
		return
	}
	v, err := h.showView(w, r, p, pr)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	h.render(w, r, http.StatusOK, "practice/show", v)
}

func (h *practiceHandlers) editForm(w http.ResponseWriter, r *http.Request) {
	p, pr, ok := h.loadFor(w, r)
	if !ok {
		return
	}
	if err := h.auth.Require(r.Context(), p, auth.PermWrite, pr.UnitID); err != nil {
		h.fail(w, r, err)
		return
	}
	h.render(w, r, http.StatusOK, "practice/form", h.formView(w, r, p, "practice.edit.title", practiceFormOf(pr), nil))
}

func (h *practiceHandlers) update(w http.ResponseWriter, r *http.Request) {
	p, ok := h.requireUser(w, r)
	if !ok {
		return
	}
	id, err := pathID(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	f := readPracticeForm(r)
	f.ID = id
	if _, err := h.store.Update(r.Context(), p, f.input()); err != nil {
		h.formError(w, r, p, "practice.edit.title", f, err)
		return
	}
	h.setFlash(w, r, "practice.flash.saved")
	http.Redirect(w, r, fmt.Sprintf("/mo-hinh/%d", id), http.StatusSeeOther)
}

// practiceStepView is the page of one lifecycle step: what will change, a form
// for its date and details, and the errors of a refused try.
type practiceStepView struct {
	Page
	P           practice.Practice
	Step        string // start, recognize, adopt, stop
	Back        string // where "cancel" goes
	On          string
	DecisionNo  string
	ByUnit      int64
	Reason      string
	Name        string
	UnitID      int64
	Recognizers []org.Unit
	Units       []org.Unit
	Errors      apperr.Errors
}

func (h *practiceHandlers) stepPage(w http.ResponseWriter, r *http.Request, status int, v practiceStepView, err error) {
	v.Back = fmt.Sprintf("/mo-hinh/%d", v.P.ID)
	if v.Step == "adopt" {
		v.Back = fmt.Sprintf("/cong-khai/mo-hinh/%d", v.P.ID) // the adopter may not read the source's own page
	}
	if err != nil {
		if s := statusOf(err); s != http.StatusBadRequest && s != http.StatusConflict {
			h.fail(w, r, err)
			return
		}
		v.Errors, status = fieldErrors(err), statusOf(err)
	}
	h.render(w, r, status, "practice/step", v)
}

func (h *practiceHandlers) startForm(w http.ResponseWriter, r *http.Request) {
	p, pr, ok := h.loadFor(w, r)
	if !ok {
		return
	}
	if err := h.auth.Require(r.Context(), p, auth.PermWrite, pr.UnitID); err != nil {
		h.fail(w, r, err)
		return
	}
	h.stepPage(w, r, http.StatusOK, practiceStepView{Page: h.page(w, r, "practice.start.title"), P: pr, Step: "start", On: h.today().Format(time.DateOnly)}, nil)
}

func (h *practiceHandlers) start(w http.ResponseWriter, r *http.Request) {
	p, pr, ok := h.loadFor(w, r)
	if !ok {
		return
	}
	on := r.PostFormValue("on")
	if _, err := h.store.Start(r.Context(), p, pr.ID, practiceDay(on)); err != nil {
		h.stepPage(w, r, 0, practiceStepView{Page: h.page(w, r, "practice.start.title"), P: pr, Step: "start", On: on}, err)
		return
	}
	h.setFlash(w, r, "practice.flash.started")
	http.Redirect(w, r, fmt.Sprintf("/mo-hinh/%d", pr.ID), http.StatusSeeOther)
}

func (h *practiceHandlers) recognizeView(w http.ResponseWriter, r *http.Request, p *auth.Principal, pr practice.Practice) (practiceStepView, error) {
	v := practiceStepView{Page: h.page(w, r, "practice.recognize.title"), P: pr, Step: "recognize", On: h.today().Format(time.DateOnly)}
	var err error
	v.Recognizers, err = h.store.Recognizers(r.Context(), p, pr, h.today())
	if err == nil && len(v.Recognizers) == 0 {
		err = apperr.Forbidden("Chỉ lãnh đạo đơn vị cấp trên của đơn vị chủ quản mới được công nhận mô hình.")
	}
	if err == nil {
		v.ByUnit = v.Recognizers[len(v.Recognizers)-1].ID // the nearest level by default
	}
	return v, err
}

func (h *practiceHandlers) recognizeForm(w http.ResponseWriter, r *http.Request) {
	p, pr, ok := h.loadFor(w, r)
	if !ok {
		return
	}
	v, err := h.recognizeView(w, r, p, pr)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	h.stepPage(w, r, http.StatusOK, v, nil)
}

func (h *practiceHandlers) recognize(w http.ResponseWriter, r *http.Request) {
	p, pr, ok := h.loadFor(w, r)
	if !ok {
		return
	}
	by, _ := strconv.ParseInt(r.PostFormValue("by_unit"), 10, 64)
	rec := practice.Recognition{ByUnitID: by, DecisionNo: r.PostFormValue("decision_no"), On: practiceDay(r.PostFormValue("on"))}
	if _, err := h.store.Recognize(r.Context(), p, pr.ID, rec); err != nil {
		v, verr := h.recognizeView(w, r, p, pr)
		if verr != nil {
			h.fail(w, r, err)
			return
		}
		v.ByUnit, v.DecisionNo, v.On = by, r.PostFormValue("decision_no"), r.PostFormValue("on")
		h.stepPage(w, r, 0, v, err)
		return
	}
	h.setFlash(w, r, "practice.flash.recognized")
	http.Redirect(w, r, fmt.Sprintf("/mo-hinh/%d", pr.ID), http.StatusSeeOther)
}

// adoptSource reads the {id} model for an adoption: anyone signed in may
// adopt a recognized model, which is public; others need read access.
func (h *practiceHandlers) adoptSource(w http.ResponseWriter, r *http.Request) (*auth.Principal, practice.Practice, bool) {
	p, ok := h.requireUser(w, r)
	if !ok {
		return nil, practice.Practice{}, false
	}
	id, err := pathID(r)
	if err != nil {
		h.fail(w, r, err)
		return nil, practice.Practice{}, false
	}
	pub, err := h.store.GetPublic(r.Context(), id)
	if err != nil {
		h.fail(w, r, err)
		return nil, practice.Practice{}, false
	}
	pr := practice.Practice{ID: pub.ID, Name: pub.Name, UnitName: pub.UnitName, Status: pub.Status, Field: pub.Field}
	full, err := h.store.Get(r.Context(), p, id)
	if err == nil {
		pr = full
	} else {
		// Not readable: the owning unit id is still needed to leave it out.
		pr.UnitID = -1
	}
	return p, pr, true
}

func (h *practiceHandlers) adoptView(w http.ResponseWriter, r *http.Request, p *auth.Principal, pr practice.Practice) (practiceStepView, error) {
	v := practiceStepView{Page: h.page(w, r, "practice.adopt.title"), P: pr, Step: "adopt", On: h.today().Format(time.DateOnly), Name: pr.Name}
	var err error
	v.Units, err = h.store.AdoptionUnits(r.Context(), p, pr, 500)
	if err == nil && len(v.Units) == 0 {
		err = apperr.Forbidden("Bạn không có quyền nhập liệu cho đơn vị nào để nhân rộng mô hình.")
	}
	if err == nil {
		v.UnitID = v.Units[0].ID
	}
	return v, err
}

func (h *practiceHandlers) adoptForm(w http.ResponseWriter, r *http.Request) {
	p, pr, ok := h.adoptSource(w, r)
	if !ok {
		return
	}
	v, err := h.adoptView(w, r, p, pr)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	h.stepPage(w, r, http.StatusOK, v, nil)
}

func (h *practiceHandlers) adopt(w http.ResponseWriter, r *http.Request) {
	p, pr, ok := h.adoptSource(w, r)
	if !ok {
		return
	}
	unit, _ := strconv.ParseInt(r.PostFormValue("unit_id"), 10, 64)
	a := practice.Adoption{UnitID: unit, Name: r.PostFormValue("name"), StartedOn: practiceDay(r.PostFormValue("on"))}
	adopted, err := h.store.Adopt(r.Context(), p, pr.ID, a)
	if err != nil {
		v, verr := h.adoptView(w, r, p, pr)
		if verr != nil {
			h.fail(w, r, err)
			return
		}
		v.UnitID, v.Name, v.On = unit, r.PostFormValue("name"), r.PostFormValue("on")
		h.stepPage(w, r, 0, v, err)
		return
	}
	h.setFlash(w, r, "practice.flash.adopted")
	http.Redirect(w, r, fmt.Sprintf("/mo-hinh/%d", adopted.ID), http.StatusSeeOther)
}

func (h *practiceHandlers) stopForm(w http.ResponseWriter, r *http.Request) {
	_, pr, ok := h.loadFor(w, r)
	if !ok {
		return
	}
	h.stepPage(w, r, http.StatusOK, practiceStepView{Page: h.page(w, r, "practice.stop.title"), P: pr, Step: "stop", On: h.today().Format(time.DateOnly)}, nil)
}

func (h *practiceHandlers) stop(w http.ResponseWriter, r *http.Request) {
	p, pr, ok := h.loadFor(w, r)
	if !ok {
		return
	}
	on, reason := r.PostFormValue("on"), r.PostFormValue("reason")
	if _, err := h.store.Stop(r.Context(), p, pr.ID, practiceDay(on), reason); err != nil {
		h.stepPage(w, r, 0, practiceStepView{Page: h.page(w, r, "practice.stop.title"), P: pr, Step: "stop", On: on, Reason: reason}, err)
		return
	}
	h.setFlash(w, r, "practice.flash.stopped")
	http.Redirect(w, r, fmt.Sprintf("/mo-hinh/%d", pr.ID), http.StatusSeeOther)
}

func (h *practiceHandlers) addResult(w http.ResponseWriter, r *http.Request) {
	p, pr, ok := h.loadFor(w, r)
	if !ok {
		return
	}
	rf := practiceResultForm{On: r.PostFormValue("on"), Indicator: r.PostFormValue("indicator"), Value: r.PostFormValue("value"), Measure: r.PostFormValue("measure")}
	res := practice.Result{On: practiceDay(rf.On), Indicator: rf.Indicator, Measure: rf.Measure}
	var err error
	if n, nerr := vntext.ParseNumber(strings.TrimSpace(rf.Value)); nerr != nil {
		err = apperr.Invalid("value", "Số liệu không hợp lệ: viết như 5.112 hoặc 1,5 hoặc 2,3 triệu.")
	} else {
		res.Value = n.Value
		_, err = h.store.AddResult(r.Context(), p, pr.ID, res)
	}
	if err != nil {
		h.showWithErrors(w, r, p, pr, err, func(v *practiceShowView) { v.ResultForm = rf })
		return
	}
	h.setFlash(w, r, "practice.flash.result")
	http.Redirect(w, r, fmt.Sprintf("/mo-hinh/%d#ket-qua", pr.ID), http.StatusSeeOther)
}

// showWithErrors redraws the model page with a refused form's errors.
func (h *practiceHandlers) showWithErrors(w http.ResponseWriter, r *http.Request, p *auth.Principal, pr practice.Practice, err error, keep func(*practiceShowView)) {
	status := statusOf(err)
	if status != http.StatusBadRequest && status != http.StatusConflict {
		h.fail(w, r, err)
		return
	}
	v, verr := h.showView(w, r, p, pr)
	if verr != nil {
		h.fail(w, r, verr)
		return
	}
	v.Errors = fieldErrors(err)
	if keep != nil {
		keep(&v)
	}
	h.render(w, r, status, "practice/show", v)
}

func (h *practiceHandlers) addFile(w http.ResponseWriter, r *http.Request) {
	p, pr, ok := h.loadFor(w, r)
	if !ok {
		return
	}
	file, hdr, err := r.FormFile("file")
	if err != nil {
		h.showWithErrors(w, r, p, pr, apperr.Invalid("file", "Chưa chọn tệp, hoặc tệp rỗng."), nil)
		return
	}
	defer file.Close()
	if _, err := h.store.AddFile(r.Context(), p, pr.ID, practice.Upload{Name: hdr.Filename, Body: file, Caption: r.PostFormValue("caption")}); err != nil {
		h.showWithErrors(w, r, p, pr, err, nil)
		return
	}
	// Uploads that a crash left pending long ago go now.
	if _, err := h.store.SweepPending(r.Context(), practice.PendingGrace); err != nil {
		h.log.WarnContext(r.Context(), "practice: sweep", "err", err)
	}
	h.setFlash(w, r, "practice.flash.file")
	http.Redirect(w, r, fmt.Sprintf("/mo-hinh/%d#minh-chung", pr.ID), http.StatusSeeOther)
}

func (h *practiceHandlers) file(w http.ResponseWriter, r *http.Request)  { h.serveFile(w, r, false) }
func (h *practiceHandlers) thumb(w http.ResponseWriter, r *http.Request) { h.serveFile(w, r, true) }

func (h *practiceHandlers) serveFile(w http.ResponseWriter, r *http.Request, thumb bool) {
	_, pr, ok := h.loadFor(w, r)
	if !ok {
		return
	}
	fid, err := strconv.ParseInt(r.PathValue("fid"), 10, 64)
	if err != nil {
		h.fail(w, r, apperr.NotFound("Không tìm thấy tệp."))
		return
	}
	h.sendFile(w, r, pr.ID, fid, thumb, "private")
}

// sendFile streams a stored file with its sniffed type; never as HTML.
func (h *practiceHandlers) sendFile(w http.ResponseWriter, r *http.Request, practiceID, fileID int64, thumb bool, cache string) {
	f, body, err := h.store.OpenFile(r.Context(), practiceID, fileID, thumb)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	defer body.Close()
	w.Header().Set("Content-Type", f.ContentType)
	w.Header().Set("Cache-Control", cache+", max-age=86400")
	if !thumb {
		w.Header().Set("Content-Length", strconv.FormatInt(f.Size, 10))
		w.Header().Set("Content-Disposition", "inline; filename*=UTF-8''"+url.PathEscape(f.Name))
	}
	if _, err := io.Copy(w, body); err != nil && !errors.Is(err, http.ErrHandlerTimeout) {
		h.log.DebugContext(r.Context(), "practice: send file", "err", err)
	}
}

type practicePublicView struct {
	Page
	P        practice.PublicPractice
	Results  []practice.Result
	Photos   []practice.File
	CanAdopt bool
}

func (h *practiceHandlers) publicShow(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	pub, err := h.store.GetPublic(r.Context(), id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	v := practicePublicView{Page: h.page(w, r, "practice.public.title"), P: pub}
	v.Title = pub.Name
	if v.Results, err = h.store.Results(r.Context(), id); err != nil {
		h.fail(w, r, err)
		return
	}
	files, err := h.store.Files(r.Context(), id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	for _, f := range files {
		if f.IsImage() {
			v.Photos = append(v.Photos, f)
		}
	}
	if p := principal(r); p != nil {
		us, _ := h.store.AdoptionUnits(r.Context(), p, practice.Practice{UnitID: -1}, 1)
		v.CanAdopt = len(us) > 0
	}
	h.render(w, r, http.StatusOK, "practice/public", v)
}

// publicThumb serves the thumbnail of a photo of a recognized model.
func (h *practiceHandlers) publicThumb(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	if _, err := h.store.GetPublic(r.Context(), id); err != nil {
		h.fail(w, r, err)
		return
	}
	fid, err := strconv.ParseInt(r.PathValue("fid"), 10, 64)
	if err != nil {
		h.fail(w, r, apperr.NotFound("Không tìm thấy tệp."))
		return
	}
	h.sendFile(w, r, id, fid, true, "public")
}

type practicePublicListView struct {
	Page
	Q     string
	Rows  []practice.Practice
	Pager Pager
}

// publicList lists recognized models for everyone, with a search.
func (h *practiceHandlers) publicList(w http.ResponseWriter, r *http.Request) {
	q := strings.TrimSpace(r.URL.Query().Get("q"))
	page, offset := pageParams(r, DefaultPageSize)
	rows, total, err := h.store.List(r.Context(), practice.Filter{Statuses: []practice.Status{practice.Recognized, practice.Replicated},
		Search: q, Limit: DefaultPageSize, Offset: offset})
	if err != nil {
		h.fail(w, r, err)
		return
	}
	h.render(w, r, http.StatusOK, "practice/public_list", practicePublicListView{Page: h.page(w, r, "practice.public.list"),
		Q: q, Rows: rows, Pager: newPager(r, page, DefaultPageSize, total)})
}

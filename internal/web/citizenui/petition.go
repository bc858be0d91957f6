package citizenui

import (
	"fmt"
	"net/http"
	"slices"
	"time"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/citizen"
	"github.com/danvan/danvan/internal/web/kit"
)

// overviewView is the start page of citizen affairs: what falls due this
// week, what is late, the open warnings.
type overviewView struct {
	kit.Page
	Today    time.Time
	Rows     []citizen.Petition
	WeekN    int
	LateN    int
	IssuesN  int
	HotSpots []citizen.HotSpot
	HotN     int
	Unread   int
}

func (h *handlers) overview(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	ctx := r.Context()
	if _, err := h.cases.Sweep(ctx); err != nil {
		return err
	}
	today := h.cases.Today()
	v := overviewView{Today: today}
	var err error
	if v.Rows, v.WeekN, err = h.cases.Petitions(ctx, p, citizen.PetitionFilter{DueFrom: today, DueTo: today.AddDate(0, 0, 6), Limit: 10}); err != nil {
		return err
	}
	if _, v.LateN, err = h.cases.Petitions(ctx, p, citizen.PetitionFilter{DueTo: today.AddDate(0, 0, -1), Limit: 1}); err != nil {
		return err
	}
	if _, v.IssuesN, err = h.cases.Issues(ctx, p, citizen.IssueFilter{LateOn: today, Limit: 1}); err != nil {
		return err
	}
	if v.HotSpots, v.HotN, err = h.cases.HotSpots(ctx, p, citizen.HotSpotFilter{Open: true, Limit: 5}); err != nil {
		return err
	}
	if _, v.Unread, err = h.cases.Notes(ctx, p, citizen.NoteFilter{Below: true, Unread: true, Limit: 1}); err != nil {
		return err
	}
	v.Page = h.Page(w, r, "citizenui.title")
	h.tmpl.Render(w, r, http.StatusOK, "overview", v)
	return nil
}

// petitionsView lists petitions: due this week, late, open or all.
type petitionsView struct {
	kit.Page
	Tab      string
	Kind     string
	Query    string
	Kinds    []citizen.Kind
	Rows     []citizen.Petition
	Pager    kit.Pager
	Today    time.Time
	CanWrite bool
}

func (h *handlers) petitions(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	q := r.URL.Query()
	today := h.cases.Today()
	v := petitionsView{Tab: q.Get("xem"), Kind: q.Get("loai"), Query: q.Get("q"), Kinds: citizen.Kinds, Today: today}
	page, off := kit.PageParams(r, pageSize)
	f := citizen.PetitionFilter{Kind: citizen.Kind(v.Kind), Query: v.Query, Limit: pageSize, Offset: off}
	if !f.Kind.Valid() {
		f.Kind, v.Kind = "", ""
	}
	switch v.Tab {
	case "qua-han":
		f.DueTo = today.AddDate(0, 0, -1)
	case "dang-mo":
		f.Open = true
	case "tat-ca":
	default:
		v.Tab = "tuan-nay"
		f.DueFrom, f.DueTo = today, today.AddDate(0, 0, 6)
	}
	rows, total, err := h.cases.Petitions(r.Context(), p, f)
	if err != nil {
		return err
	}
	units, err := h.cases.WritableUnits(r.Context(), p)
	if err != nil {
		return err
	}
	v.Rows, v.Pager, v.CanWrite = rows, kit.NewPager(r, page, pageSize, total), len(units) > 0
	v.Page = h.Page(w, r, "citizenui.petitions.title")
	h.tmpl.Render(w, r, http.StatusOK, "petition/list", v)
	return nil
}

// petitionForm is the intake form exactly as typed.
type petitionForm struct {
	Unit, Kind, Source, ReceivedOn, Subject, Content, Place, Signatories string
	Complex, Remote                                                      bool
	Name, Address, Phone, IDNumber                                       string
}

type petitionNewView struct {
	kit.Page
	Form    petitionForm
	Units   []unitChoice
	Kinds   []citizen.Kind
	Sources []citizen.Source
	Errors  kit.Errors
	Today   time.Time
}

func (h *handlers) petitionNewPage(w http.ResponseWriter, r *http.Request, p *auth.Principal, f petitionForm, formErr error) error {
	units, err := h.cases.WritableUnits(r.Context(), p)
	if err != nil {
		return err
	}
	if len(units) == 0 {
		return apperr.Forbidden("citizen.err.forbidden_write")
	}
	v := petitionNewView{Form: f, Units: choices(units), Kinds: citizen.Kinds, Sources: citizen.Sources,
		Errors: h.FormErrors(r, formErr), Today: h.cases.Today()}
	v.Page = h.Page(w, r, "citizenui.petition.new")
	h.tmpl.Render(w, r, formStatus(formErr), "petition/new", v)
	return nil
}

func (h *handlers) petitionForm(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	return h.petitionNewPage(w, r, p, petitionForm{Unit: r.URL.Query().Get("don_vi"), Kind: string(citizen.Complaint),
		Source: string(citizen.FromMail), Signatories: "1"}, nil)
}

func (h *handlers) petitionCreate(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	form, err := postedForm(r)
	if err != nil {
		return err
	}
	f := petitionForm{Unit: form.Get("unit"), Kind: form.Get("kind"), Source: form.Get("source"), ReceivedOn: form.Get("received_on"),
		Subject: form.Get("subject"), Content: form.Get("content"), Place: form.Get("place"), Signatories: form.Get("signatories"),
		Complex: form.Get("complex") != "", Remote: form.Get("remote") != "", Name: form.Get("petitioner_name"),
		Address: form.Get("petitioner_address"), Phone: form.Get("petitioner_phone"), IDNumber: form.Get("petitioner_id")}
	np := citizen.NewPetition{UnitID: kit.FormID(f.Unit), Kind: citizen.Kind(f.Kind), Source: citizen.Source(f.Source),
		Subject: f.Subject, Content: f.Content, Place: f.Place, Signatories: atoi(f.Signatories), Complex: f.Complex, Remote: f.Remote,
		Petitioner: citizen.Petitioner{Name: f.Name, Address: f.Address, Phone: f.Phone, IDNumber: f.IDNumber}}
	np.ReceivedOn, err = kit.FormDay("received_on", f.ReceivedOn)
	var pt citizen.Petition
	if err == nil {
		pt, err = h.cases.CreatePetition(r.Context(), p, np)
	}
	if shown(err) {
		return h.petitionNewPage(w, r, p, f, err)
	}
	if err != nil {
		return err
	}
	h.SetFlash(w, r, "citizenui.flash.petition")
	http.Redirect(w, r, fmt.Sprintf("/cong-dan/don/%d", pt.ID), http.StatusSeeOther)
	return nil
}

// petitionView is one petition with its clock, history and the steps the
// officer may take.
type petitionView struct {
	kit.Page
	P          citizen.Petition
	Events     []citizen.Event
	Today      time.Time
	CanWrite   bool
	Actions    []string
	Targets    []unitChoice // where a transfer may go
	Candidates []auth.User
	Act        actForm
	Errors     kit.Errors
	AssignErr  kit.Errors
}

type actForm struct{ Kind, On, Body, ToUnit string }

// Assigned reports whether user id handles the petition (for checkboxes).
func (v petitionView) Assigned(id int64) bool { return v.P.Handled(id) }

func (h *handlers) petitionPage(w http.ResponseWriter, r *http.Request, p *auth.Principal, pt citizen.Petition, f actForm, actErr, assignErr error) error {
	ctx := r.Context()
	v := petitionView{P: pt, Today: h.cases.Today(), Act: f, Errors: h.FormErrors(r, actErr), AssignErr: h.FormErrors(r, assignErr)}
	var err error
	if v.Events, err = h.cases.Events(ctx, p, pt.ID); err != nil {
		return err
	}
	if v.CanWrite, err = h.cases.CanWrite(ctx, p, pt.UnitID); err != nil {
		return err
	}
	if v.CanWrite {
		set, err := h.cases.Settings(ctx)
		if err != nil {
			return err
		}
		for _, a := range citizen.ActionKinds {
			if pt.Allowed(a, set) {
				v.Actions = append(v.Actions, a)
			}
		}
		if slices.Contains(v.Actions, "transfer") && pt.ProvinceID != 0 {
			units, err := h.Org.Subtree(ctx, pt.ProvinceID, v.Today)
			if err != nil {
				return err
			}
			for _, u := range units {
				if u.ID != pt.UnitID {
					v.Targets = append(v.Targets, unitChoice{ID: u.ID, Name: u.Name})
				}
			}
		}
		if v.Candidates, err = h.cases.Candidates(ctx, p, pt.UnitID); err != nil {
			return err
		}
	}
	status := formStatus(actErr)
	if assignErr != nil {
		status = kit.Status(assignErr)
	}
	v.Page = h.Page(w, r, "citizenui.petition.title")
	h.tmpl.Render(w, r, status, "petition/show", v)
	return nil
}

func (h *handlers) petition(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	pt, err := byPath(r, p, h.cases.Petition)
	if err != nil {
		return err
	}
	return h.petitionPage(w, r, p, pt, actForm{}, nil, nil)
}

func (h *handlers) petitionAct(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	pt, err := byPath(r, p, h.cases.Petition)
	if err != nil {
		return err
	}
	form, err := postedForm(r)
	if err != nil {
		return err
	}
	f := actForm{Kind: form.Get("action"), On: form.Get("on"), Body: form.Get("body"), ToUnit: form.Get("to_unit")}
	a := citizen.Action{ID: pt.ID, Version: kit.FormID(form.Get("version")), Kind: f.Kind, Body: f.Body,
		ToUnit: kit.FormID(f.ToUnit), Complex: form.Get("complex") != ""}
	a.On, err = kit.FormDay("on", f.On)
	if err == nil {
		var after citizen.Petition
		after, err = h.cases.Act(r.Context(), p, a)
		if err == nil {
			h.SetFlash(w, r, "citizenui.flash.step")
			to := fmt.Sprintf("/cong-dan/don/%d", pt.ID)
			if ok, _ := h.Auth.CanAny(r.Context(), p, auth.PermRead, after.UnitID, after.ReceivedUnitID); !ok {
				to = "/cong-dan/don"
			}
			http.Redirect(w, r, to, http.StatusSeeOther)
			return nil
		}
	}
	if shown(err) {
		return h.petitionPage(w, r, p, pt, f, err, nil)
	}
	return err
}

func (h *handlers) petitionAssign(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	pt, err := byPath(r, p, h.cases.Petition)
	if err != nil {
		return err
	}
	form, err := postedForm(r)
	if err != nil {
		return err
	}
	var users []int64
	for _, s := range form["handlers"] {
		if id := kit.FormID(s); id != 0 {
			users = append(users, id)
		}
	}
	_, err = h.cases.Assign(r.Context(), p, pt.ID, kit.FormID(form.Get("version")), users)
	if shown(err) {
		return h.petitionPage(w, r, p, pt, actForm{}, nil, err)
	}
	if err != nil {
		return err
	}
	h.SetFlash(w, r, "citizenui.flash.assigned")
	http.Redirect(w, r, fmt.Sprintf("/cong-dan/don/%d", pt.ID), http.StatusSeeOther)
	return nil
}

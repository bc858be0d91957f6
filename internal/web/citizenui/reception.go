package citizenui

import (
	"fmt"
	"net/http"
	"time"

	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/citizen"
	"github.com/danvan/danvan/internal/web/kit"
)

// receptionsView is a month of reception days with the compliance of a
// unit and the units below it, and the form to schedule one.
type receptionsView struct {
	kit.Page
	Month      time.Time
	Prev, Next string
	UnitID     int64
	Units      []unitChoice
	Writable   []unitChoice
	Rows       []citizen.Reception
	Compliance []citizen.Compliance
	Form       receptionForm
	Errors     kit.Errors
}

type receptionForm struct{ Unit, Head, Title, On, Place string }

// month reads ?thang=YYYY-MM, this month when absent or unreadable.
func (h *handlers) month(r *http.Request) time.Time {
	t, err := time.Parse("2006-01", r.URL.Query().Get("thang"))
	if err != nil {
		t = h.cases.Today()
	}
	return time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC)
}

func (h *handlers) receptionsPage(w http.ResponseWriter, r *http.Request, p *auth.Principal, f receptionForm, formErr error) error {
	ctx := r.Context()
	readable, err := h.cases.ReadableUnits(ctx, p)
	if err != nil {
		return err
	}
	writable, err := h.cases.WritableUnits(ctx, p)
	if err != nil {
		return err
	}
	m := h.month(r)
	v := receptionsView{Month: m, Prev: m.AddDate(0, -1, 0).Format("2006-01"), Next: m.AddDate(0, 1, 0).Format("2006-01"),
		UnitID: pickUnit(r, readable), Units: choices(readable), Writable: choices(writable), Form: f, Errors: h.FormErrors(r, formErr)}
	if v.Rows, err = h.cases.Receptions(ctx, p, v.UnitID, m); err != nil {
		return err
	}
	if v.UnitID != 0 {
		if v.Compliance, err = h.cases.Compliance(ctx, p, v.UnitID, m); err != nil {
			return err
		}
	}
	v.Page = h.Page(w, r, "citizenui.receptions.title")
	h.tmpl.Render(w, r, formStatus(formErr), "reception/list", v)
	return nil
}

func (h *handlers) receptions(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	return h.receptionsPage(w, r, p, receptionForm{}, nil)
}

func (h *handlers) receptionSchedule(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	form, err := postedForm(r)
	if err != nil {
		return err
	}
	f := receptionForm{Unit: form.Get("unit"), Head: form.Get("head_name"), Title: form.Get("head_title"), On: form.Get("on"), Place: form.Get("place")}
	nr := citizen.NewReception{UnitID: kit.FormID(f.Unit), HeadName: f.Head, HeadTitle: f.Title, Place: f.Place}
	nr.On, err = kit.FormDay("on", f.On)
	var rec citizen.Reception
	if err == nil {
		rec, err = h.cases.ScheduleReception(r.Context(), p, nr)
	}
	if shown(err) {
		return h.receptionsPage(w, r, p, f, err)
	}
	if err != nil {
		return err
	}
	h.SetFlash(w, r, "citizenui.flash.reception")
	http.Redirect(w, r, fmt.Sprintf("/cong-dan/tiep-dan/%d", rec.ID), http.StatusSeeOther)
	return nil
}

// receptionView is a reception day with who came.
type receptionView struct {
	kit.Page
	R        citizen.Reception
	Today    time.Time
	CanWrite bool
	Kinds    []citizen.Kind
	Form     visitForm
	Errors   kit.Errors
}

type visitForm struct {
	Visitor, People, About, Kind, Subject, Address string
	Open                                           bool
}

func (h *handlers) receptionPage(w http.ResponseWriter, r *http.Request, p *auth.Principal, rec citizen.Reception, f visitForm, formErr error) error {
	v := receptionView{R: rec, Today: h.cases.Today(), Kinds: citizen.Kinds, Form: f, Errors: h.FormErrors(r, formErr)}
	var err error
	if v.CanWrite, err = h.cases.CanWrite(r.Context(), p, rec.UnitID); err != nil {
		return err
	}
	v.Page = h.Page(w, r, "citizenui.reception.title")
	h.tmpl.Render(w, r, formStatus(formErr), "reception/show", v)
	return nil
}

func (h *handlers) reception(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	rec, err := byPath(r, p, h.cases.Reception)
	if err != nil {
		return err
	}
	return h.receptionPage(w, r, p, rec, visitForm{People: "1", Kind: string(citizen.Complaint)}, nil)
}

func (h *handlers) receptionVisit(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	rec, err := byPath(r, p, h.cases.Reception)
	if err != nil {
		return err
	}
	form, err := postedForm(r)
	if err != nil {
		return err
	}
	f := visitForm{Visitor: form.Get("visitor"), People: form.Get("people"), About: form.Get("about"), Kind: form.Get("kind"),
		Subject: form.Get("subject"), Address: form.Get("address"), Open: form.Get("open") != ""}
	nv := citizen.NewVisit{ReceptionID: rec.ID, Visitor: f.Visitor, People: atoi(f.People), About: f.About}
	if f.Open {
		nv.Petition = &citizen.NewPetition{Kind: citizen.Kind(f.Kind), Subject: f.Subject, Petitioner: citizen.Petitioner{Address: f.Address}}
	}
	pt, err := h.cases.RecordVisit(r.Context(), p, nv)
	if shown(err) {
		return h.receptionPage(w, r, p, rec, f, err)
	}
	if err != nil {
		return err
	}
	h.SetFlash(w, r, "citizenui.flash.visit")
	to := fmt.Sprintf("/cong-dan/tiep-dan/%d", rec.ID)
	if pt.ID != 0 {
		to = fmt.Sprintf("/cong-dan/don/%d", pt.ID)
	}
	http.Redirect(w, r, to, http.StatusSeeOther)
	return nil
}

func (h *handlers) receptionCancel(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	rec, err := byPath(r, p, h.cases.Reception)
	if err != nil {
		return err
	}
	form, err := postedForm(r)
	if err != nil {
		return err
	}
	err = h.cases.CancelReception(r.Context(), p, rec.ID, form.Get("reason"))
	if shown(err) {
		return h.receptionPage(w, r, p, rec, visitForm{People: "1"}, err)
	}
	if err != nil {
		return err
	}
	h.SetFlash(w, r, "citizenui.flash.cancelled")
	http.Redirect(w, r, fmt.Sprintf("/cong-dan/tiep-dan/%d", rec.ID), http.StatusSeeOther)
	return nil
}

package practiceui

import (
	"fmt"
	"net/http"
	"time"

	"github.com/danvan/danvan/internal/apperr"
	"github.com/danvan/danvan/internal/auth"
	"github.com/danvan/danvan/internal/org"
	"github.com/danvan/danvan/internal/practice"
	"github.com/danvan/danvan/internal/web/kit"
)

// stepView is the page of one lifecycle step: what will change, a form
// for its date and details, and the errors of a refused try.
type stepView struct {
	kit.Page
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
	Errors      kit.Errors
}

// stepPage renders a step's page; a refused try (invalid input or a
// conflict) shows its errors, any other error is returned for the error
// page.
func (h *handlers) stepPage(w http.ResponseWriter, r *http.Request, v stepView, err error) error {
	v.Back = fmt.Sprintf("/mo-hinh/%d", v.P.ID)
	if v.Step == "adopt" {
		v.Back = fmt.Sprintf("/cong-khai/mo-hinh/%d", v.P.ID) // the adopter may not read the source's own page
	}
	status := http.StatusOK
	if err != nil {
		if !refusesInput(err) {
			return err
		}
		v.Errors, status = h.FormErrors(r, err), kit.Status(err)
	}
	h.tmpl.Render(w, r, status, "step", v)
	return nil
}

// refusedStep answers a refused step whose form offers choices (the
// recognizing unit, the adopting unit): the form again, from view, with
// what was typed (keep) and the errors; when the form has nothing left
// to offer, the refusal itself (or view's own failure of the system).
func (h *handlers) refusedStep(w http.ResponseWriter, r *http.Request, err error, view func() (stepView, error), keep func(*stepView)) error {
	v, verr := view()
	if verr != nil {
		if kit.IsInternal(verr) {
			return verr
		}
		return err
	}
	keep(&v)
	return h.stepPage(w, r, v, err)
}

func (h *handlers) today() string { return h.Today().Format(time.DateOnly) }

func (h *handlers) startForm(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	pr, err := h.load(r, p)
	if err != nil {
		return err
	}
	can, err := h.store.Actions(r.Context(), p, pr)
	if err == nil && !can.Start {
		if pr.Status != practice.Registered && can.Edit {
			err = apperr.Conflict("practice.err.not_registered")
		} else {
			err = apperr.Forbidden("practice.err.start_forbidden")
		}
	}
	if err != nil {
		return err
	}
	return h.stepPage(w, r, stepView{Page: h.Page(w, r, "practice.start.title"), P: pr, Step: "start", On: h.today()}, nil)
}

func (h *handlers) start(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	pr, err := h.load(r, p)
	if err != nil {
		return err
	}
	on := r.PostFormValue("on")
	day, err := kit.FormDay("on", on)
	if err == nil {
		_, err = h.store.Start(r.Context(), p, pr.ID, day)
	}
	if err != nil {
		return h.stepPage(w, r, stepView{Page: h.Page(w, r, "practice.start.title"), P: pr, Step: "start", On: on}, err)
	}
	h.SetFlash(w, r, "practice.flash.started")
	http.Redirect(w, r, fmt.Sprintf("/mo-hinh/%d", pr.ID), http.StatusSeeOther)
	return nil
}

func (h *handlers) recognizeView(w http.ResponseWriter, r *http.Request, p *auth.Principal, pr practice.Practice) (stepView, error) {
	v := stepView{Page: h.Page(w, r, "practice.recognize.title"), P: pr, Step: "recognize", On: h.today()}
	var err error
	v.Recognizers, err = h.store.Recognizers(r.Context(), p, pr.ID, h.Today())
	if err == nil && len(v.Recognizers) == 0 {
		err = apperr.Forbidden("practice.err.recognizer")
	}
	if err == nil {
		v.ByUnit = v.Recognizers[len(v.Recognizers)-1].ID // the nearest level by default
	}
	return v, err
}

func (h *handlers) recognizeForm(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	pr, err := h.load(r, p)
	if err != nil {
		return err
	}
	v, err := h.recognizeView(w, r, p, pr)
	if err != nil {
		return err
	}
	return h.stepPage(w, r, v, nil)
}

func (h *handlers) recognize(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	pr, err := h.load(r, p)
	if err != nil {
		return err
	}
	by := kit.FormID(r.PostFormValue("by_unit"))
	on, err := kit.FormDay("on", r.PostFormValue("on"))
	if err == nil {
		rec := practice.Recognition{ByUnitID: by, DecisionNo: r.PostFormValue("decision_no"), On: on}
		_, err = h.store.Recognize(r.Context(), p, pr.ID, rec)
	}
	if err != nil {
		return h.refusedStep(w, r, err, func() (stepView, error) { return h.recognizeView(w, r, p, pr) }, func(v *stepView) {
			v.ByUnit, v.DecisionNo, v.On = by, r.PostFormValue("decision_no"), r.PostFormValue("on")
		})
	}
	h.SetFlash(w, r, "practice.flash.recognized")
	http.Redirect(w, r, fmt.Sprintf("/mo-hinh/%d", pr.ID), http.StatusSeeOther)
	return nil
}

// adoptSource reads the {id} model for an adoption: a recognized model
// is public, so anyone signed in may adopt it; others need read access.
// Only what the public page shows of it is kept.
func (h *handlers) adoptSource(r *http.Request) (practice.Practice, error) {
	pub, err := h.loadPublic(r)
	if err != nil {
		return practice.Practice{}, err
	}
	return practice.Practice{ID: pub.ID, Name: pub.Name, UnitName: pub.UnitName, Status: pub.Status, Field: pub.Field}, nil
}

func (h *handlers) adoptView(w http.ResponseWriter, r *http.Request, p *auth.Principal, pr practice.Practice) (stepView, error) {
	v := stepView{Page: h.Page(w, r, "practice.adopt.title"), P: pr, Step: "adopt", On: h.today(), Name: pr.Name}
	var err error
	v.Units, err = h.store.AdoptionUnits(r.Context(), p, pr.ID, 500)
	if err == nil && len(v.Units) == 0 {
		err = apperr.Forbidden("practice.err.adopt_forbidden")
	}
	if err == nil {
		v.UnitID = v.Units[0].ID
	}
	return v, err
}

func (h *handlers) adoptForm(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	pr, err := h.adoptSource(r)
	if err != nil {
		return err
	}
	v, err := h.adoptView(w, r, p, pr)
	if err != nil {
		return err
	}
	return h.stepPage(w, r, v, nil)
}

func (h *handlers) adopt(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	pr, err := h.adoptSource(r)
	if err != nil {
		return err
	}
	unit := kit.FormID(r.PostFormValue("unit_id"))
	var adopted practice.Practice
	on, err := kit.FormDay("on", r.PostFormValue("on"))
	if err == nil {
		a := practice.Adoption{UnitID: unit, Name: r.PostFormValue("name"), StartedOn: on}
		adopted, err = h.store.Adopt(r.Context(), p, pr.ID, a)
	}
	if err != nil {
		return h.refusedStep(w, r, err, func() (stepView, error) { return h.adoptView(w, r, p, pr) }, func(v *stepView) {
			v.UnitID, v.Name, v.On = unit, r.PostFormValue("name"), r.PostFormValue("on")
		})
	}
	h.SetFlash(w, r, "practice.flash.adopted")
	http.Redirect(w, r, fmt.Sprintf("/mo-hinh/%d", adopted.ID), http.StatusSeeOther)
	return nil
}

func (h *handlers) stopForm(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	pr, err := h.load(r, p)
	if err != nil {
		return err
	}
	can, err := h.store.Actions(r.Context(), p, pr)
	if err == nil && !can.Stop {
		if pr.Status == practice.Stopped {
			err = apperr.Conflict("practice.err.is_stopped")
		} else {
			err = apperr.Forbidden("practice.err.stop_forbidden")
		}
	}
	if err != nil {
		return err
	}
	return h.stepPage(w, r, stepView{Page: h.Page(w, r, "practice.stop.title"), P: pr, Step: "stop", On: h.today()}, nil)
}

func (h *handlers) stop(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	pr, err := h.load(r, p)
	if err != nil {
		return err
	}
	on, reason := r.PostFormValue("on"), r.PostFormValue("reason")
	day, err := kit.FormDay("on", on)
	if err == nil {
		_, err = h.store.Stop(r.Context(), p, pr.ID, day, reason)
	}
	if err != nil {
		return h.stepPage(w, r, stepView{Page: h.Page(w, r, "practice.stop.title"), P: pr, Step: "stop", On: on, Reason: reason}, err)
	}
	h.SetFlash(w, r, "practice.flash.stopped")
	http.Redirect(w, r, fmt.Sprintf("/mo-hinh/%d", pr.ID), http.StatusSeeOther)
	return nil
}
